// User pools through the dispatcher: CreateUserPool and DescribeUserPool,
// their response shapes, defaults and member order (API Reference: CreateUserPool, DescribeUserPool).
// Validation is in pools_validation_test.cpp; update, delete and list in
// pools_lifecycle_test.cpp.
#include <algorithm>
#include <cctype>
#include <ostream>
#include <vector>

#include "tests/core/harness/harness.h"

using namespace userpool;
using namespace userpool::test;

namespace {

// The newest event of the log (the sandbox's own reads are not logged).

std::vector<std::string> keys_of(const Json& object) {
  std::vector<std::string> keys;
  for (const auto& item : object.items()) keys.push_back(item.key());
  return keys;
}

bool all_alphanumeric(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; });
}

const std::string kDefaultCode = "Your verification code is {####}. ";
const std::string kDefaultInvite = "Your username is {username} and temporary password is {####}. ";

}  // namespace

TEST_CASE("CreateUserPool with only a name gets the API defaults") {
  Sandbox s;
  const Json created = s.ok("CreateUserPool", {{"PoolName", "bare"}})["UserPool"];
  const std::string id = created["Id"].get<std::string>();
  REQUIRE(id.size() == std::string("us-east-1_").size() + 9);
  CHECK(id.rfind("us-east-1_", 0) == 0);
  CHECK(all_alphanumeric(id.substr(10)));
  CHECK(s.account.account_id.size() == 12);

  const Json expected = {
      {"Id", id},
      {"Name", "bare"},
      {"Policies", {{"PasswordPolicy", {{"MinimumLength", 8}, {"RequireUppercase", true}, {"RequireLowercase", true},
                                        {"RequireNumbers", true}, {"RequireSymbols", true}, {"TemporaryPasswordValidityDays", 7}}}}},
      {"DeletionProtection", "INACTIVE"},
      {"LambdaConfig", Json::object()},
      {"LastModifiedDate", kStartSeconds},
      {"CreationDate", kStartSeconds},
      {"SchemaAttributes", created["SchemaAttributes"]},  // checked on its own below
      {"SmsVerificationMessage", kDefaultCode},
      {"EmailVerificationMessage", kDefaultCode},
      {"EmailVerificationSubject", "Your verification code"},
      {"VerificationMessageTemplate", {{"SmsMessage", kDefaultCode},
                                       {"EmailMessage", kDefaultCode},
                                       {"EmailSubject", "Your verification code"},
                                       {"EmailMessageByLink", "Please click the link below to verify your email address. {##Verify Email##} "},
                                       {"EmailSubjectByLink", "Your verification link"},
                                       {"DefaultEmailOption", "CONFIRM_WITH_CODE"}}},
      {"UserAttributeUpdateSettings", {{"AttributesRequireVerificationBeforeUpdate", Json::array()}}},
      {"MfaConfiguration", "OFF"},
      {"EstimatedNumberOfUsers", 0},
      {"EmailConfiguration", {{"EmailSendingAccount", "COGNITO_DEFAULT"}}},
      {"UserPoolTags", Json::object()},
      {"AdminCreateUserConfig", {{"AllowAdminCreateUserOnly", false},
                                 {"UnusedAccountValidityDays", 7},
                                 {"InviteMessageTemplate", {{"SMSMessage", kDefaultInvite},
                                                            {"EmailMessage", kDefaultInvite},
                                                            {"EmailSubject", "Your temporary password"}}}}},
      {"UsernameConfiguration", {{"CaseSensitive", true}}},
      {"Arn", "arn:aws:cognito-idp:us-east-1:" + s.account.account_id + ":userpool/" + id},
      {"UserPoolTier", "ESSENTIALS"}};
  CHECK(created == expected);
  // No AutoVerified/Alias/Username attributes, no SMS, no recovery setting: absent, not empty.
  for (const char* absent : {"AutoVerifiedAttributes", "AliasAttributes", "UsernameAttributes", "SmsConfiguration",
                             "AccountRecoverySetting", "Domain", "DeviceConfiguration", "UserPoolAddOns"})
    CHECK_FALSE(created.contains(absent));

  // DescribeUserPool shows the same document CreateUserPool answered with.
  CHECK(s.ok("DescribeUserPool", {{"UserPoolId", id}}) == Json{{"UserPool", created}});
  const Json event = last_event(s);
  CHECK(event["Operation"] == "DescribeUserPool");
  CHECK(event["UserPoolId"] == id);
}

TEST_CASE("The standard schema is listed in DescribeUserPool's order with its constraints") {
  Sandbox s;
  const Json schema = s.ok("DescribeUserPool", {{"UserPoolId", s.create_pool()}})["UserPool"]["SchemaAttributes"];
  std::vector<std::string> names;
  for (const auto& a : schema) names.push_back(a["Name"].get<std::string>());
  CHECK(names == std::vector<std::string>{"sub", "name", "given_name", "family_name", "middle_name", "nickname",
                                          "preferred_username", "profile", "picture", "website", "email",
                                          "email_verified", "gender", "birthdate", "zoneinfo", "locale", "phone_number",
                                          "phone_number_verified", "address", "updated_at", "identities"});
  REQUIRE(schema.size() == 21);
  CHECK(schema[0] == Json{{"Name", "sub"}, {"AttributeDataType", "String"}, {"DeveloperOnlyAttribute", false},
                          {"Mutable", false}, {"Required", true},
                          {"StringAttributeConstraints", {{"MinLength", "1"}, {"MaxLength", "2048"}}}});
  CHECK(schema[10] == Json{{"Name", "email"}, {"AttributeDataType", "String"}, {"DeveloperOnlyAttribute", false},
                           {"Mutable", true}, {"Required", false},
                           {"StringAttributeConstraints", {{"MinLength", "0"}, {"MaxLength", "2048"}}}});
  CHECK(schema[11] == Json{{"Name", "email_verified"}, {"AttributeDataType", "Boolean"}, {"DeveloperOnlyAttribute", false},
                           {"Mutable", true}, {"Required", false}});
  CHECK(schema[13]["StringAttributeConstraints"] == Json{{"MinLength", "10"}, {"MaxLength", "10"}});  // birthdate
  CHECK(schema[17]["AttributeDataType"] == "Boolean");                                               // phone_number_verified
  CHECK(schema[19] == Json{{"Name", "updated_at"}, {"AttributeDataType", "Number"}, {"DeveloperOnlyAttribute", false},
                           {"Mutable", true}, {"Required", false}, {"NumberAttributeConstraints", {{"MinValue", "0"}}}});
  CHECK(schema[20] == Json{{"Name", "identities"}, {"AttributeDataType", "String"}, {"DeveloperOnlyAttribute", false},
                           {"Mutable", true}, {"Required", false}, {"StringAttributeConstraints", Json::object()}});
}

TEST_CASE("A Schema makes standard attributes required and appends custom attributes with their constraints") {
  Sandbox s;
  const Json schema_request = Json::array(
      {Json{{"Name", "email"}, {"Required", true}, {"Mutable", true}},
       Json{{"Name", "given_name"}, {"Required", true}, {"StringAttributeConstraints", {{"MinLength", "2"}, {"MaxLength", "64"}}}},
       Json{{"Name", "team"}, {"AttributeDataType", "String"}, {"StringAttributeConstraints", {{"MinLength", "1"}, {"MaxLength", "40"}}}},
       Json{{"Name", "level"}, {"AttributeDataType", "Number"}, {"Mutable", false},
            {"NumberAttributeConstraints", {{"MinValue", "1"}, {"MaxValue", "10"}}}},
       Json{{"Name", "nickname2"}},  // no type: a String, shown with the 2048 limit
       Json{{"Name", "internal"}, {"DeveloperOnlyAttribute", true}},
       Json{{"Name", "member"}, {"AttributeDataType", "Boolean"}},
       Json{{"Name", "since"}, {"AttributeDataType", "DateTime"}}});
  const Json pool = s.ok("CreateUserPool", {{"PoolName", "schema"}, {"Schema", schema_request}})["UserPool"];
  const Json& schema = pool["SchemaAttributes"];
  REQUIRE(schema.size() == 27);
  CHECK(schema[10]["Required"] == true);  // email, still in its place
  CHECK(schema[2] == Json{{"Name", "given_name"}, {"AttributeDataType", "String"}, {"DeveloperOnlyAttribute", false},
                          {"Mutable", true}, {"Required", true},
                          {"StringAttributeConstraints", {{"MinLength", "2"}, {"MaxLength", "64"}}}});
  CHECK(schema[21] == Json{{"Name", "custom:team"}, {"AttributeDataType", "String"}, {"DeveloperOnlyAttribute", false},
                           {"Mutable", true}, {"Required", false},
                           {"StringAttributeConstraints", {{"MinLength", "1"}, {"MaxLength", "40"}}}});
  CHECK(schema[22] == Json{{"Name", "custom:level"}, {"AttributeDataType", "Number"}, {"DeveloperOnlyAttribute", false},
                           {"Mutable", false}, {"Required", false},
                           {"NumberAttributeConstraints", {{"MinValue", "1"}, {"MaxValue", "10"}}}});
  CHECK(schema[23] == Json{{"Name", "custom:nickname2"}, {"AttributeDataType", "String"}, {"DeveloperOnlyAttribute", false},
                           {"Mutable", true}, {"Required", false}, {"StringAttributeConstraints", {{"MaxLength", "2048"}}}});
  CHECK(schema[24]["Name"] == "dev:custom:internal");
  CHECK(schema[24]["DeveloperOnlyAttribute"] == true);
  CHECK(schema[25] == Json{{"Name", "custom:member"}, {"AttributeDataType", "Boolean"}, {"DeveloperOnlyAttribute", false},
                           {"Mutable", true}, {"Required", false}});
  CHECK(schema[26] == Json{{"Name", "custom:since"}, {"AttributeDataType", "DateTime"}, {"DeveloperOnlyAttribute", false},
                           {"Mutable", true}, {"Required", false}});
}

TEST_CASE("CreateUserPool stores the settings it is given and DescribeUserPool shows them back") {
  Sandbox s;
  const Json lambda = {{"PreSignUp", "arn:aws:lambda:us-east-1:123456789012:function:pre"}};
  const Json email = {{"SourceArn", kSesIdentity}, {"ReplyToEmailAddress", "help@example.com"},
                      {"EmailSendingAccount", "DEVELOPER"}, {"From", "Example <noreply@example.com>"},
                      {"ConfigurationSet", "my-set"}};
  const Json request = {
      {"PoolName", "full pool"},
      {"Policies", {{"PasswordPolicy", {{"MinimumLength", 12}, {"RequireUppercase", true}, {"RequireLowercase", false},
                                        {"RequireNumbers", true}, {"RequireSymbols", false}, {"PasswordHistorySize", 5},
                                        {"TemporaryPasswordValidityDays", 3}}},
                    {"SignInPolicy", {{"AllowedFirstAuthFactors", {"PASSWORD"}}}}}},
      {"DeletionProtection", "ACTIVE"},
      {"LambdaConfig", lambda},
      {"AutoVerifiedAttributes", {"email"}},
      {"AliasAttributes", {"email", "preferred_username"}},
      {"SmsVerificationMessage", "Legacy SMS {####}"},  // the template below wins
      {"VerificationMessageTemplate", {{"SmsMessage", "Your SMS code: {####}"}, {"EmailMessage", "Your email code: {####}"},
                                       {"EmailSubject", "Confirm your account"}}},
      {"SmsAuthenticationMessage", "Sign-in code {####}"},
      {"UserAttributeUpdateSettings", {{"AttributesRequireVerificationBeforeUpdate", {"email"}}}},
      {"MfaConfiguration", "OPTIONAL"},
      {"DeviceConfiguration", {{"ChallengeRequiredOnNewDevice", true}, {"DeviceOnlyRememberedOnUserPrompt", false}}},
      {"EmailConfiguration", email},
      {"SmsConfiguration", {{"SnsCallerArn", kSnsRole}, {"ExternalId", "ext"}}},
      {"UserPoolTags", {{"team", "identity"}}},
      {"AdminCreateUserConfig", {{"AllowAdminCreateUserOnly", true},
                                 {"InviteMessageTemplate", {{"SMSMessage", "Hi {username}, password {####}"},
                                                            {"EmailMessage", "Welcome {username}! Password: {####}"},
                                                            {"EmailSubject", "Welcome"}}}}},
      {"UserPoolTier", "PLUS"},
      {"UserPoolAddOns", {{"AdvancedSecurityMode", "AUDIT"}}},
      {"UsernameConfiguration", {{"CaseSensitive", false}}},
      {"AccountRecoverySetting", {{"RecoveryMechanisms", {{{"Priority", 2}, {"Name", "verified_phone_number"}},
                                                           {{"Priority", 1}, {"Name", "verified_email"}}}}}}};
  const Json pool = s.ok("CreateUserPool", request)["UserPool"];
  CHECK(pool["Name"] == "full pool");
  CHECK(pool["Policies"] == Json{{"PasswordPolicy", {{"MinimumLength", 12}, {"RequireUppercase", true}, {"RequireLowercase", false},
                                                     {"RequireNumbers", true}, {"RequireSymbols", false}, {"PasswordHistorySize", 5},
                                                     {"TemporaryPasswordValidityDays", 3}}},
                                 {"SignInPolicy", {{"AllowedFirstAuthFactors", {"PASSWORD"}}}}});
  CHECK(pool["DeletionProtection"] == "ACTIVE");
  CHECK(pool["LambdaConfig"] == lambda);
  CHECK(pool["AutoVerifiedAttributes"] == Json::array({"email"}));
  CHECK(pool["AliasAttributes"] == Json::array({"email", "preferred_username"}));
  CHECK(pool["SmsVerificationMessage"] == "Your SMS code: {####}");
  CHECK(pool["EmailVerificationMessage"] == "Your email code: {####}");
  CHECK(pool["EmailVerificationSubject"] == "Confirm your account");
  CHECK(pool["VerificationMessageTemplate"]["SmsMessage"] == "Your SMS code: {####}");
  CHECK(pool["VerificationMessageTemplate"]["EmailSubject"] == "Confirm your account");
  CHECK(pool["SmsAuthenticationMessage"] == "Sign-in code {####}");
  CHECK(pool["UserAttributeUpdateSettings"] == Json{{"AttributesRequireVerificationBeforeUpdate", {"email"}}});
  CHECK(pool["MfaConfiguration"] == "OPTIONAL");
  CHECK(pool["DeviceConfiguration"] == request["DeviceConfiguration"]);
  CHECK(pool["EmailConfiguration"] == email);
  CHECK(pool["SmsConfiguration"] == request["SmsConfiguration"]);
  CHECK(pool["UserPoolTags"] == Json{{"team", "identity"}});
  CHECK(pool["AdminCreateUserConfig"] == Json{{"AllowAdminCreateUserOnly", true}, {"UnusedAccountValidityDays", 3},
                                              {"InviteMessageTemplate", {{"SMSMessage", "Hi {username}, password {####}"},
                                                                         {"EmailMessage", "Welcome {username}! Password: {####}"},
                                                                         {"EmailSubject", "Welcome"}}}});
  CHECK(pool["UserPoolAddOns"] == Json{{"AdvancedSecurityMode", "AUDIT"}});
  CHECK(pool["UsernameConfiguration"] == Json{{"CaseSensitive", false}});
  // Listed by priority, whatever the request's order.
  CHECK(pool["AccountRecoverySetting"] == Json{{"RecoveryMechanisms", {{{"Priority", 1}, {"Name", "verified_email"}},
                                                                       {{"Priority", 2}, {"Name", "verified_phone_number"}}}}});
  CHECK(pool["UserPoolTier"] == "PLUS");

  // SMS MFA was turned on with the SMS configuration; LambdaConfig is only stored.
  CHECK(s.ok("GetUserPoolMfaConfig", {{"UserPoolId", pool["Id"]}}) ==
        Json{{"SmsMfaConfiguration", {{"SmsAuthenticationMessage", "Sign-in code {####}"}, {"SmsConfiguration", request["SmsConfiguration"]}}},
             {"SoftwareTokenMfaConfiguration", {{"Enabled", false}}},
             {"MfaConfiguration", "OPTIONAL"}});
}

TEST_CASE("CreateUserPool notes in the event log that Lambda triggers and devices are stored but not simulated") {
  Sandbox s;
  const std::string id = s.create_pool({{"LambdaConfig", {{"PostConfirmation", "arn:aws:lambda:us-east-1:123456789012:function:p"}}},
                                        {"DeviceConfiguration", {{"ChallengeRequiredOnNewDevice", false}}}});
  const Json event = last_event(s);
  CHECK(event["Operation"] == "CreateUserPool");
  CHECK(event["UserPoolId"] == id);
  CHECK(event["Outcome"] == "Success");
  CHECK(event["Rules"] == Json::array({"Created with two RSA-2048 signing keys (ID and access tokens) and a refresh-token key",
                                       "LambdaConfig is stored and shown, but the sandbox does not run Lambda triggers",
                                       "DeviceConfiguration is stored and shown; device tracking is not simulated"}));
}

TEST_CASE("DescribeUserPool lists the members in the order AWS returns them") {
  Sandbox s;
  const std::string alias_pool = s.create_pool(
      {{"Policies", {{"PasswordPolicy", {{"MinimumLength", 8}}}, {"SignInPolicy", {{"AllowedFirstAuthFactors", {"PASSWORD"}}}}}},
       {"AutoVerifiedAttributes", {"email"}},
       {"AliasAttributes", {"email"}},
       {"SmsAuthenticationMessage", "Code {####}"},
       {"MfaConfiguration", "ON"},
       {"SmsConfiguration", {{"SnsCallerArn", kSnsRole}}},
       {"DeviceConfiguration", {{"ChallengeRequiredOnNewDevice", true}}},
       {"UserPoolAddOns", {{"AdvancedSecurityMode", "OFF"}}},
       {"AccountRecoverySetting", {{"RecoveryMechanisms", {{{"Priority", 1}, {"Name", "admin_only"}}}}}}});
  s.ok("CreateUserPoolDomain", {{"UserPoolId", alias_pool}, {"Domain", "order-test"}});
  const Json pool = s.ok("DescribeUserPool", {{"UserPoolId", alias_pool}})["UserPool"];
  CHECK(keys_of(pool) == std::vector<std::string>{
                             "Id", "Name", "Policies", "DeletionProtection", "LambdaConfig", "LastModifiedDate",
                             "CreationDate", "SchemaAttributes", "AutoVerifiedAttributes", "AliasAttributes",
                             "SmsVerificationMessage", "EmailVerificationMessage", "EmailVerificationSubject",
                             "VerificationMessageTemplate", "SmsAuthenticationMessage", "UserAttributeUpdateSettings",
                             "MfaConfiguration", "DeviceConfiguration", "EstimatedNumberOfUsers", "EmailConfiguration",
                             "SmsConfiguration", "UserPoolTags", "Domain", "AdminCreateUserConfig", "UserPoolAddOns",
                             "UsernameConfiguration", "Arn", "AccountRecoverySetting", "UserPoolTier"});
  CHECK(keys_of(pool["Policies"]) == std::vector<std::string>{"PasswordPolicy", "SignInPolicy"});
  CHECK(keys_of(pool["Policies"]["PasswordPolicy"]) ==
        std::vector<std::string>{"MinimumLength", "RequireUppercase", "RequireLowercase", "RequireNumbers", "RequireSymbols",
                                 "TemporaryPasswordValidityDays"});
  CHECK(pool["Domain"] == "order-test");

  // UsernameAttributes come after AliasAttributes' place and before the messages.
  const Json username_pool = s.ok("CreateUserPool", {{"PoolName", "u"}, {"UsernameAttributes", {"email", "phone_number"}},
                                                     {"Policies", {{"PasswordPolicy", {{"PasswordHistorySize", 2}}}}}})["UserPool"];
  const auto keys = keys_of(username_pool);
  const auto at = std::find(keys.begin(), keys.end(), "UsernameAttributes");
  REQUIRE(at != keys.end());
  CHECK(*(at - 1) == "SchemaAttributes");
  CHECK(*(at + 1) == "SmsVerificationMessage");
  CHECK(username_pool["UsernameAttributes"] == Json::array({"email", "phone_number"}));
  CHECK(keys_of(username_pool["Policies"]["PasswordPolicy"]) ==
        std::vector<std::string>{"MinimumLength", "RequireUppercase", "RequireLowercase", "RequireNumbers", "RequireSymbols",
                                 "PasswordHistorySize", "TemporaryPasswordValidityDays"});
}

TEST_CASE("A PasswordPolicy given in part turns the rules it leaves out off and keeps the default lengths") {
  Sandbox s;
  const Json pool = s.ok("CreateUserPool", {{"PoolName", "p"}, {"Policies", {{"PasswordPolicy", {{"RequireNumbers", true}}}}}})["UserPool"];
  CHECK(pool["Policies"]["PasswordPolicy"] == Json{{"MinimumLength", 8}, {"RequireUppercase", false}, {"RequireLowercase", false},
                                                   {"RequireNumbers", true}, {"RequireSymbols", false},
                                                   {"TemporaryPasswordValidityDays", 7}});
  // Policies without a PasswordPolicy keep the default policy.
  const Json other = s.ok("CreateUserPool", {{"PoolName", "q"}, {"Policies", Json::object()}})["UserPool"];
  CHECK(other["Policies"]["PasswordPolicy"]["RequireSymbols"] == true);
  // And members sent as null count as not sent.
  const Json nulls = s.ok("CreateUserPool", {{"PoolName", "r"}, {"Policies", nullptr}, {"MfaConfiguration", nullptr}})["UserPool"];
  CHECK(nulls["Policies"]["PasswordPolicy"]["MinimumLength"] == 8);
  CHECK(nulls["MfaConfiguration"] == "OFF");
}

TEST_CASE("Temporary password validity: 0 days means 7, and the legacy UnusedAccountValidityDays sets it when alone") {
  Sandbox s;
  const Json zero = s.ok("CreateUserPool", {{"PoolName", "z"}, {"Policies", {{"PasswordPolicy", {{"TemporaryPasswordValidityDays", 0}}}}}})["UserPool"];
  CHECK(zero["Policies"]["PasswordPolicy"]["TemporaryPasswordValidityDays"] == 7);
  CHECK(zero["AdminCreateUserConfig"]["UnusedAccountValidityDays"] == 7);

  const Json legacy = s.ok("CreateUserPool", {{"PoolName", "l"}, {"AdminCreateUserConfig", {{"UnusedAccountValidityDays", 5}}}})["UserPool"];
  CHECK(legacy["Policies"]["PasswordPolicy"]["TemporaryPasswordValidityDays"] == 5);
  CHECK(legacy["AdminCreateUserConfig"]["UnusedAccountValidityDays"] == 5);

  // Both at once is fine while TemporaryPasswordValidityDays is 0 (unset).
  const Json both = s.ok("CreateUserPool", {{"PoolName", "b"},
                                            {"Policies", {{"PasswordPolicy", {{"TemporaryPasswordValidityDays", 0}}}}},
                                            {"AdminCreateUserConfig", {{"UnusedAccountValidityDays", 9}}}})["UserPool"];
  CHECK(both["Policies"]["PasswordPolicy"]["TemporaryPasswordValidityDays"] == 9);

  CHECK(failure(s, "CreateUserPool", {{"PoolName", "x"},
                                      {"Policies", {{"PasswordPolicy", {{"TemporaryPasswordValidityDays", 3}}}}},
                                      {"AdminCreateUserConfig", {{"UnusedAccountValidityDays", 5}}}}) ==
        invalid("Please use TemporaryPasswordValidityDays in PasswordPolicy instead of UnusedAccountValidityDays"));
}

TEST_CASE("DescribeUserPool counts the pool's users in EstimatedNumberOfUsers") {
  Sandbox s;
  const std::string id = s.create_pool();
  s.ok("AdminCreateUser", {{"UserPoolId", id}, {"Username", "ann"}, {"MessageAction", "SUPPRESS"}});
  s.ok("AdminCreateUser", {{"UserPoolId", id}, {"Username", "ben"}, {"MessageAction", "SUPPRESS"}});
  CHECK(s.ok("DescribeUserPool", {{"UserPoolId", id}})["UserPool"]["EstimatedNumberOfUsers"] == 2);
}

TEST_CASE("DescribeUserPool refuses unknown and malformed pool IDs") {
  Sandbox s;
  s.create_pool();
  CHECK(failure(s, "DescribeUserPool", {{"UserPoolId", "us-east-1_nothere00"}}) ==
        Failure{"ResourceNotFoundException", "User pool us-east-1_nothere00 does not exist."});
  CHECK(failure(s, "DescribeUserPool", Json::object()) ==
        invalid("1 validation error detected: Value null at 'userPoolId' failed to satisfy constraint: Member must not be null"));
  CHECK(failure(s, "DescribeUserPool", {{"UserPoolId", "nounderscore"}}) ==
        invalid("1 validation error detected: Value 'nounderscore' at 'userPoolId' failed to satisfy constraint: "
                "Member must satisfy regular expression pattern: [\\w-]+_[0-9a-zA-Z]+"));
  const std::string long_id = "us-east-1_" + std::string(46, 'a');
  CHECK(failure(s, "DescribeUserPool", {{"UserPoolId", long_id}}) ==
        invalid("1 validation error detected: Value '" + long_id +
                "' at 'userPoolId' failed to satisfy constraint: Member must have length less than or equal to 55"));
  CHECK(failure(s, "DescribeUserPool", {{"UserPoolId", 42}}) ==
        Failure{"SerializationException", "NUMBER_VALUE can not be converted to String"});
  CHECK(failure(s, "DescribeUserPool", Json::array({"x"})) ==
        Failure{"SerializationException", "Start of list found where not expected."});
  // The event names the refusal.
  const Json event = s.ok("Sandbox.ListEvents", {{"MaxResults", 6}})["Events"][0];
  CHECK(event["Outcome"] == "ResourceNotFoundException");
  CHECK(event["Status"] == 400);
  CHECK(event["Message"] == "User pool us-east-1_nothere00 does not exist.");
}
