// CreateUserPool's refusals: model validation (AWS-worded), wrong JSON types,
// and Cognito's rules between settings (API Reference: CreateUserPool, each operation's Errors).
#include <ostream>

#include "tests/core/harness/harness.h"

using namespace userpool;
using namespace userpool::test;

namespace {

// CreateUserPool "p" with the given members added; must fail.
Failure pool_create_fails(Sandbox& s, Json params) {
  if (!params.contains("PoolName")) params["PoolName"] = "p";
  return failure(s, "CreateUserPool", params);
}


const Json kDeveloperEmail = {{"EmailSendingAccount", "DEVELOPER"}, {"SourceArn", kSesIdentity}};

}  // namespace

TEST_CASE("CreateUserPool: PoolName is required, 1 to 128 characters of [\\w\\s+=,.@-]") {
  Sandbox s;
  CHECK(s.error("CreateUserPool", Json::object()).message ==
        "1 validation error detected: Value null at 'poolName' failed to satisfy constraint: Member must not be null");
  CHECK(pool_create_fails(s, {{"PoolName", ""}}) ==
        validation("Value '' at 'poolName' failed to satisfy constraint: Member must have length greater than or equal to 1"));
  const std::string long_name(129, 'n');
  CHECK(pool_create_fails(s, {{"PoolName", long_name}}) ==
        validation("Value '" + long_name + "' at 'poolName' failed to satisfy constraint: Member must have length less than or equal to 128"));
  CHECK(pool_create_fails(s, {{"PoolName", "my/pool"}}) ==
        validation("Value 'my/pool' at 'poolName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w\\s+=,.@-]+"));
  CHECK(pool_create_fails(s, {{"PoolName", 7}}) == serialization("NUMBER_VALUE can not be converted to String"));
  CHECK(pool_create_fails(s, {{"PoolName", true}}) == serialization("BOOLEAN_VALUE can not be converted to String"));
  CHECK(pool_create_fails(s, {{"PoolName", Json::object()}}) == serialization("Start of structure or map found where not expected."));
  // The edges are fine: 128 characters, and every allowed symbol.
  s.create_pool({{"PoolName", std::string(128, 'n')}});
  s.create_pool({{"PoolName", "My pool_1+=,.@-"}});
  CHECK(s.ok("ListUserPools", {{"MaxResults", 60}})["UserPools"].size() == 2);  // nothing refused was created
}

TEST_CASE("CreateUserPool: password policy numbers are range-checked and typed") {
  Sandbox s;
  const auto policy = [](Json p) { return Json{{"Policies", {{"PasswordPolicy", std::move(p)}}}}; };
  CHECK(pool_create_fails(s, policy({{"MinimumLength", 5}})) ==
        validation("Value '5' at 'policies.passwordPolicy.minimumLength' failed to satisfy constraint: "
                   "Member must have value greater than or equal to 6"));
  CHECK(pool_create_fails(s, policy({{"MinimumLength", 100}})) ==
        validation("Value '100' at 'policies.passwordPolicy.minimumLength' failed to satisfy constraint: "
                   "Member must have value less than or equal to 99"));
  CHECK(pool_create_fails(s, policy({{"PasswordHistorySize", 25}})) ==
        validation("Value '25' at 'policies.passwordPolicy.passwordHistorySize' failed to satisfy constraint: "
                   "Member must have value less than or equal to 24"));
  CHECK(pool_create_fails(s, policy({{"TemporaryPasswordValidityDays", 366}})) ==
        validation("Value '366' at 'policies.passwordPolicy.temporaryPasswordValidityDays' failed to satisfy constraint: "
                   "Member must have value less than or equal to 365"));
  CHECK(pool_create_fails(s, policy({{"TemporaryPasswordValidityDays", -1}})) ==
        validation("Value '-1' at 'policies.passwordPolicy.temporaryPasswordValidityDays' failed to satisfy constraint: "
                   "Member must have value greater than or equal to 0"));
  CHECK(pool_create_fails(s, policy({{"MinimumLength", "8"}})) == serialization("STRING_VALUE can not be converted to Integer"));
  CHECK(pool_create_fails(s, policy({{"MinimumLength", 8.5}})) == serialization("NUMBER_VALUE can not be converted to Integer"));
  CHECK(pool_create_fails(s, policy({{"RequireSymbols", "yes"}})) == serialization("STRING_VALUE can not be converted to Boolean"));
  CHECK(pool_create_fails(s, {{"Policies", "strict"}}) == serialization("STRING_VALUE can not be converted to a structure"));
  CHECK(pool_create_fails(s, {{"Policies", {{"PasswordPolicy", Json::array()}}}}) == serialization("Start of list found where not expected."));
  // The edges, and a whole number written as 8.0, are accepted.
  const Json ok = s.ok("CreateUserPool", {{"PoolName", "edges"}, {"Policies", {{"PasswordPolicy", {{"MinimumLength", 6.0}, {"PasswordHistorySize", 24},
                                                                                                  {"TemporaryPasswordValidityDays", 365}}}}}});
  CHECK(ok["UserPool"]["Policies"]["PasswordPolicy"]["MinimumLength"] == 6);
  CHECK(ok["UserPool"]["Policies"]["PasswordPolicy"]["PasswordHistorySize"] == 24);
}

TEST_CASE("CreateUserPool: enum members accept only their values") {
  Sandbox s;
  CHECK(pool_create_fails(s, {{"DeletionProtection", "ON"}}) ==
        validation("Value 'ON' at 'deletionProtection' failed to satisfy constraint: Member must satisfy enum value set: [ACTIVE, INACTIVE]"));
  CHECK(pool_create_fails(s, {{"MfaConfiguration", "REQUIRED"}}) ==
        validation("Value 'REQUIRED' at 'mfaConfiguration' failed to satisfy constraint: Member must satisfy enum value set: [OFF, ON, OPTIONAL]"));
  CHECK(pool_create_fails(s, {{"UserPoolTier", "GOLD"}}) ==
        validation("Value 'GOLD' at 'userPoolTier' failed to satisfy constraint: Member must satisfy enum value set: [LITE, ESSENTIALS, PLUS]"));
  CHECK(pool_create_fails(s, {{"AutoVerifiedAttributes", {"address"}}}) ==
        validation("Value '[address]' at 'autoVerifiedAttributes' failed to satisfy constraint: "
                   "Member must satisfy constraint: [Member must satisfy enum value set: [phone_number, email]]"));
  CHECK(pool_create_fails(s, {{"UsernameAttributes", {"preferred_username"}}}) ==
        validation("Value '[preferred_username]' at 'usernameAttributes' failed to satisfy constraint: "
                   "Member must satisfy constraint: [Member must satisfy enum value set: [phone_number, email]]"));
  CHECK(pool_create_fails(s, {{"AliasAttributes", {"name"}}}) ==
        validation("Value '[name]' at 'aliasAttributes' failed to satisfy constraint: "
                   "Member must satisfy constraint: [Member must satisfy enum value set: [phone_number, email, preferred_username]]"));
  CHECK(pool_create_fails(s, {{"AutoVerifiedAttributes", {"email", "email"}}}) == invalid("Duplicate value email in AutoVerifiedAttributes."));
  CHECK(pool_create_fails(s, {{"AutoVerifiedAttributes", "email"}}) == serialization("STRING_VALUE can not be converted to a list"));
  CHECK(pool_create_fails(s, {{"UsernameAttributes", {1}}}) == serialization("NUMBER_VALUE can not be converted to String"));
}

TEST_CASE("CreateUserPool: username attributes and alias attributes cannot both be set") {
  Sandbox s;
  CHECK(pool_create_fails(s, {{"UsernameAttributes", {"email"}}, {"AliasAttributes", {"phone_number"}}}) ==
        invalid("Only one of the aliasAttributes or usernameAttributes can be set in a User Pool."));
  CHECK(pool_create_fails(s, {{"AliasAttributes", {"preferred_username"}}, {"Schema", {{{"Name", "preferred_username"}, {"Required", true}}}}}) ==
        invalid("preferred_username cannot be both an alias and a required attribute."));
  // preferred_username required without being an alias is fine.
  s.create_pool({{"AliasAttributes", {"email"}}, {"Schema", {{{"Name", "preferred_username"}, {"Required", true}}}}});
}

TEST_CASE("CreateUserPool: UsernameConfiguration needs CaseSensitive") {
  Sandbox s;
  CHECK(pool_create_fails(s, {{"UsernameConfiguration", Json::object()}}) ==
        validation("Value null at 'usernameConfiguration.caseSensitive' failed to satisfy constraint: Member must not be null"));
  CHECK(pool_create_fails(s, {{"UsernameConfiguration", {{"CaseSensitive", "false"}}}}) ==
        serialization("STRING_VALUE can not be converted to Boolean"));
}

TEST_CASE("CreateUserPool: MFA ON or OPTIONAL needs an SMS configuration; TOTP comes later") {
  Sandbox s;
  const Failure expected = invalid(
      "SMS configuration is required to turn on MFA with CreateUserPool. To use authenticator apps only, create the pool "
      "with MFA OFF, then call SetUserPoolMfaConfig.");
  CHECK(pool_create_fails(s, {{"MfaConfiguration", "ON"}}) == expected);
  CHECK(s.ok("Sandbox.ListEvents", {{"MaxResults", 1}})["Events"][0]["Rules"] ==
        Json::array({"CreateUserPool can only configure SMS MFA (reference 3.4)"}));
  CHECK(pool_create_fails(s, {{"MfaConfiguration", "OPTIONAL"}}) == expected);
  CHECK(pool_create_fails(s, {{"MfaConfiguration", "ON"}, {"SmsConfiguration", Json::object()}}) ==
        validation("Value null at 'smsConfiguration.snsCallerArn' failed to satisfy constraint: Member must not be null"));
  CHECK(pool_create_fails(s, {{"MfaConfiguration", "ON"}, {"SmsConfiguration", {{"SnsCallerArn", "arn:short"}}}}) ==
        validation("Value 'arn:short' at 'smsConfiguration.snsCallerArn' failed to satisfy constraint: "
                   "Member must have length greater than or equal to 20"));
  CHECK(pool_create_fails(s, {{"SmsConfiguration", "role"}}) == serialization("STRING_VALUE can not be converted to a structure"));
  const Json on = s.ok("CreateUserPool", {{"PoolName", "sms"}, {"MfaConfiguration", "ON"}, {"SmsConfiguration", {{"SnsCallerArn", kSnsRole}}}});
  CHECK(on["UserPool"]["MfaConfiguration"] == "ON");
}

TEST_CASE("CreateUserPool: verifying phone numbers needs an SMS configuration") {
  Sandbox s;
  CHECK(pool_create_fails(s, {{"AutoVerifiedAttributes", {"phone_number"}}}) ==
        invalid("SmsConfiguration is required to verify phone numbers (AutoVerifiedAttributes has phone_number)."));
  s.create_pool({{"AutoVerifiedAttributes", {"phone_number"}}, {"SmsConfiguration", {{"SnsCallerArn", kSnsRole}}}});
}

TEST_CASE("CreateUserPool: attributes that keep their old value while an update is pending must be auto-verified") {
  Sandbox s;
  CHECK(pool_create_fails(s, {{"UserAttributeUpdateSettings", {{"AttributesRequireVerificationBeforeUpdate", {"email"}}}}}) ==
        invalid("To keep the original email while an update is pending, email must also be in AutoVerifiedAttributes."));
  CHECK(pool_create_fails(s, {{"AutoVerifiedAttributes", {"email"}},
                         {"UserAttributeUpdateSettings", {{"AttributesRequireVerificationBeforeUpdate", {"email", "email"}}}}}) ==
        invalid("Duplicate value email in AttributesRequireVerificationBeforeUpdate."));
  const Json pool = s.ok("CreateUserPool", {{"PoolName", "u"}, {"AutoVerifiedAttributes", {"email"}},
                                            {"UserAttributeUpdateSettings", {{"AttributesRequireVerificationBeforeUpdate", {"email"}}}}});
  CHECK(pool["UserPool"]["UserAttributeUpdateSettings"]["AttributesRequireVerificationBeforeUpdate"] == Json::array({"email"}));
}

TEST_CASE("CreateUserPool: email messages can be customised only when email goes through the pool's own SES") {
  Sandbox s;
  const Failure verification = invalid(
      "To customize the verification email, set EmailConfiguration.EmailSendingAccount to DEVELOPER; email sent by Cognito "
      "(COGNITO_DEFAULT) uses the default messages.");
  CHECK(pool_create_fails(s, {{"VerificationMessageTemplate", {{"EmailMessage", "Your code: {####}"}}}}) == verification);
  CHECK(pool_create_fails(s, {{"VerificationMessageTemplate", {{"EmailSubject", "Hello"}}}}) == verification);
  CHECK(pool_create_fails(s, {{"VerificationMessageTemplate", {{"EmailSubjectByLink", "Click"}}}}) == verification);
  CHECK(pool_create_fails(s, {{"VerificationMessageTemplate", {{"EmailMessageByLink", "Go {##here##}"}}}}) == verification);
  CHECK(pool_create_fails(s, {{"EmailVerificationSubject", "Legacy subject"}}) == verification);
  CHECK(pool_create_fails(s, {{"EmailVerificationMessage", "Legacy {####}"}}) == verification);
  CHECK(pool_create_fails(s, {{"AdminCreateUserConfig", {{"InviteMessageTemplate", {{"EmailSubject", "Welcome"}}}}}}) ==
        invalid("To customize the invitation email, set EmailConfiguration.EmailSendingAccount to DEVELOPER; email sent by "
                "Cognito (COGNITO_DEFAULT) uses the default messages."));

  // SMS messages, the email option itself, and DEVELOPER pools are fine.
  const Json sms = s.ok("CreateUserPool", {{"PoolName", "sms"},
                                           {"VerificationMessageTemplate", {{"SmsMessage", "SMS code {####}"}, {"DefaultEmailOption", "CONFIRM_WITH_LINK"}}},
                                           {"AdminCreateUserConfig", {{"InviteMessageTemplate", {{"SMSMessage", "{username} / {####}"}}}}}})["UserPool"];
  CHECK(sms["VerificationMessageTemplate"]["DefaultEmailOption"] == "CONFIRM_WITH_LINK");
  CHECK(sms["AdminCreateUserConfig"]["InviteMessageTemplate"]["SMSMessage"] == "{username} / {####}");
  const Json developer = s.ok("CreateUserPool", {{"PoolName", "ses"}, {"EmailConfiguration", kDeveloperEmail},
                                                 {"EmailVerificationSubject", "Legacy subject"},
                                                 {"VerificationMessageTemplate", {{"EmailMessageByLink", "Go {##here##}"}}}})["UserPool"];
  CHECK(developer["EmailVerificationSubject"] == "Legacy subject");
  CHECK(developer["VerificationMessageTemplate"]["EmailMessageByLink"] == "Go {##here##}");
}

TEST_CASE("CreateUserPool: message templates need their placeholders and lengths") {
  Sandbox s;
  CHECK(pool_create_fails(s, {{"VerificationMessageTemplate", {{"SmsMessage", "No code here"}}}}) ==
        invalid("SmsMessage must contain the {####} placeholder."));
  CHECK(pool_create_fails(s, {{"SmsVerificationMessage", "No code here"}}) == invalid("SmsVerificationMessage must contain the {####} placeholder."));
  CHECK(pool_create_fails(s, {{"EmailConfiguration", kDeveloperEmail}, {"VerificationMessageTemplate", {{"EmailMessage", "No code here"}}}}) ==
        invalid("EmailMessage must contain the {####} placeholder."));
  CHECK(pool_create_fails(s, {{"EmailConfiguration", kDeveloperEmail}, {"VerificationMessageTemplate", {{"EmailMessageByLink", "Click here"}}}}) ==
        invalid("EmailMessageByLink must contain the {##link text##} placeholder."));
  CHECK(pool_create_fails(s, {{"SmsAuthenticationMessage", "Sign in now"}}) == invalid("SmsAuthenticationMessage must contain the {####} placeholder."));
  CHECK(pool_create_fails(s, {{"VerificationMessageTemplate", {{"SmsMessage", "{###}"}}}}) ==
        validation("Value '{###}' at 'verificationMessageTemplate.smsMessage' failed to satisfy constraint: "
                   "Member must have length greater than or equal to 6"));
  const std::string long_sms = "{####}" + std::string(135, 'x');
  CHECK(pool_create_fails(s, {{"SmsAuthenticationMessage", long_sms}}) ==
        validation("Value '" + long_sms + "' at 'smsAuthenticationMessage' failed to satisfy constraint: "
                   "Member must have length less than or equal to 140"));
  CHECK(pool_create_fails(s, {{"EmailConfiguration", kDeveloperEmail}, {"VerificationMessageTemplate", {{"EmailSubject", ""}}}}) ==
        validation("Value '' at 'verificationMessageTemplate.emailSubject' failed to satisfy constraint: "
                   "Member must have length greater than or equal to 1"));
  CHECK(pool_create_fails(s, {{"VerificationMessageTemplate", "code"}}) == serialization("STRING_VALUE can not be converted to a structure"));
}

TEST_CASE("CreateUserPool: the invitation needs {username} and {####}; UnusedAccountValidityDays is 0 to 365") {
  Sandbox s;
  const auto invite = [](Json t) { return Json{{"AdminCreateUserConfig", {{"InviteMessageTemplate", std::move(t)}}}}; };
  CHECK(pool_create_fails(s, invite({{"SMSMessage", "Password: {####}"}})) ==
        invalid("InviteMessageTemplate.SMSMessage must contain the {username} placeholder."));
  CHECK(pool_create_fails(s, invite({{"SMSMessage", "Hello {username}"}})) ==
        invalid("InviteMessageTemplate.SMSMessage must contain the {####} placeholder."));
  Json developer_invite = invite({{"EmailMessage", "Hello {username}"}});
  developer_invite["EmailConfiguration"] = kDeveloperEmail;
  CHECK(pool_create_fails(s, developer_invite) == invalid("InviteMessageTemplate.EmailMessage must contain the {####} placeholder."));
  CHECK(pool_create_fails(s, invite({{"SMSMessage", ""}})) ==
        validation("Value '' at 'adminCreateUserConfig.inviteMessageTemplate.sMSMessage' failed to satisfy constraint: "
                   "Member must have length greater than or equal to 6"));
  CHECK(pool_create_fails(s, {{"AdminCreateUserConfig", {{"UnusedAccountValidityDays", 366}}}}) ==
        validation("Value '366' at 'adminCreateUserConfig.unusedAccountValidityDays' failed to satisfy constraint: "
                   "Member must have value less than or equal to 365"));
  CHECK(pool_create_fails(s, {{"AdminCreateUserConfig", {{"AllowAdminCreateUserOnly", "yes"}}}}) ==
        serialization("STRING_VALUE can not be converted to Boolean"));
}

TEST_CASE("CreateUserPool: EmailConfiguration rules for DEVELOPER, SourceArn and From") {
  Sandbox s;
  CHECK(pool_create_fails(s, {{"EmailConfiguration", {{"EmailSendingAccount", "DEVELOPER"}}}}) ==
        invalid("SourceArn is required when EmailSendingAccount is DEVELOPER."));
  CHECK(pool_create_fails(s, {{"EmailConfiguration", {{"SourceArn", "arn:aws:iam::123456789012:role/mail"}}}}) ==
        invalid("SourceArn must be the ARN of an Amazon SES verified identity (arn:aws:ses:...)."));
  CHECK(pool_create_fails(s, {{"EmailConfiguration", {{"From", "Me <me@example.com>"}}}}) ==
        invalid("A From address needs a SourceArn (a verified Amazon SES identity)."));
  CHECK(pool_create_fails(s, {{"EmailConfiguration", {{"SourceArn", 5}}}}) == serialization("NUMBER_VALUE can not be converted to String"));
  // Cognito's sender with a verified SES address as FROM is allowed.
  const Json pool = s.ok("CreateUserPool", {{"PoolName", "from"},
                                            {"EmailConfiguration", {{"SourceArn", kSesIdentity}, {"From", "Me <me@example.com>"}}}})["UserPool"];
  CHECK(pool["EmailConfiguration"] == Json{{"SourceArn", kSesIdentity}, {"EmailSendingAccount", "COGNITO_DEFAULT"}, {"From", "Me <me@example.com>"}});
}

TEST_CASE("CreateUserPool: AccountRecoverySetting has one or two distinct mechanisms, admin_only alone") {
  Sandbox s;
  const auto recovery = [](Json list) { return Json{{"AccountRecoverySetting", {{"RecoveryMechanisms", std::move(list)}}}}; };
  CHECK(pool_create_fails(s, recovery(Json::array())) ==
        validation("Value at 'accountRecoverySetting.recoveryMechanisms' failed to satisfy constraint: "
                   "Member must have length greater than or equal to 1"));
  CHECK(pool_create_fails(s, recovery({{{"Priority", 1}, {"Name", "verified_email"}},
                                  {{"Priority", 2}, {"Name", "verified_phone_number"}},
                                  {{"Priority", 2}, {"Name", "admin_only"}}})) ==
        validation("Value at 'accountRecoverySetting.recoveryMechanisms' failed to satisfy constraint: "
                   "Member must have length less than or equal to 2"));
  CHECK(pool_create_fails(s, recovery(Json::array({Json{{"Name", "verified_email"}}}))) ==
        validation("Value null at 'accountRecoverySetting.recoveryMechanisms.1.member.priority' failed to satisfy constraint: Member must not be null"));
  CHECK(pool_create_fails(s, recovery(Json::array({Json{{"Priority", 1}}}))) ==
        validation("Value null at 'accountRecoverySetting.recoveryMechanisms.1.member.name' failed to satisfy constraint: Member must not be null"));
  CHECK(pool_create_fails(s, recovery({{{"Priority", 1}, {"Name", "verified_email"}}, {{"Priority", 1}, {"Name", "verified_phone_number"}}})) ==
        invalid("Each recovery mechanism needs its own name and priority."));
  CHECK(pool_create_fails(s, recovery({{{"Priority", 1}, {"Name", "verified_email"}}, {{"Priority", 2}, {"Name", "verified_email"}}})) ==
        invalid("Each recovery mechanism needs its own name and priority."));
  CHECK(pool_create_fails(s, recovery({{{"Priority", 1}, {"Name", "admin_only"}}, {{"Priority", 2}, {"Name", "verified_email"}}})) ==
        invalid("admin_only cannot be combined with another recovery mechanism."));
  CHECK(pool_create_fails(s, recovery(Json::array({Json{{"Priority", "1"}, {"Name", "verified_email"}}}))) ==
        serialization("STRING_VALUE can not be converted to Integer"));
}

TEST_CASE("CreateUserPool: threat protection needs the PLUS plan and a mode") {
  Sandbox s;
  CHECK(pool_create_fails(s, {{"UserPoolAddOns", {{"AdvancedSecurityMode", "ENFORCED"}}}}) ==
        Failure{"FeatureUnavailableInTierException", "Threat protection (AdvancedSecurityMode ENFORCED) requires the PLUS feature plan."});
  CHECK(pool_create_fails(s, {{"UserPoolTier", "LITE"}, {"UserPoolAddOns", {{"AdvancedSecurityMode", "AUDIT"}}}}) ==
        Failure{"FeatureUnavailableInTierException", "Threat protection (AdvancedSecurityMode AUDIT) requires the PLUS feature plan."});
  CHECK(pool_create_fails(s, {{"UserPoolTier", "PLUS"}, {"UserPoolAddOns", Json::object()}}) ==
        validation("Value null at 'userPoolAddOns.advancedSecurityMode' failed to satisfy constraint: Member must not be null"));
  // OFF needs no plan.
  const Json off = s.ok("CreateUserPool", {{"PoolName", "off"}, {"UserPoolAddOns", {{"AdvancedSecurityMode", "OFF"}}}})["UserPool"];
  CHECK(off["UserPoolAddOns"] == Json{{"AdvancedSecurityMode", "OFF"}});
  CHECK(off["UserPoolTier"] == "ESSENTIALS");
}

TEST_CASE("CreateUserPool: custom attributes cannot be required, repeated or misnamed") {
  Sandbox s;
  const auto schema = [](Json list) { return Json{{"Schema", std::move(list)}}; };
  CHECK(pool_create_fails(s, schema({{{"Name", "team"}, {"Required", true}}})) ==
        invalid("Required custom attributes are not supported currently."));
  CHECK(pool_create_fails(s, schema({{{"Name", "team"}}, {{"Name", "team"}}})) == invalid("Duplicate attribute name in Schema: team."));
  CHECK(pool_create_fails(s, schema({{{"Name", "abcdefghijklmnopqrstu"}}})) ==
        invalid("Custom attribute names have 1 to 20 characters; abcdefghijklmnopqrstu has 21."));
  CHECK(pool_create_fails(s, schema({{{"Name", "team"}, {"AttributeDataType", "Text"}}})) ==
        validation("Value 'Text' at 'schema.1.member.attributeDataType' failed to satisfy constraint: "
                   "Member must satisfy enum value set: [Boolean, Number, String, DateTime]"));
  CHECK(pool_create_fails(s, schema({{{"Name", "team"}, {"StringAttributeConstraints", {{"MaxLength", "abc"}}}}})) ==
        invalid("The MaxLength of attribute custom:team must be a whole number."));
  CHECK(pool_create_fails(s, schema({{{"Name", "team"}, {"StringAttributeConstraints", {{"MaxLength", "4096"}}}}})) ==
        invalid("The MaxLength of attribute custom:team cannot be more than 2048."));
  CHECK(pool_create_fails(s, schema({{{"Name", "age"}, {"AttributeDataType", "Number"}, {"NumberAttributeConstraints", {{"MinValue", "1.5"}}}}})) ==
        invalid("The MinValue of attribute custom:age must be a whole number."));
  CHECK(pool_create_fails(s, schema(Json::array({"team"}))) == serialization("STRING_VALUE can not be converted to a structure"));
  CHECK(pool_create_fails(s, schema({{{"Name", "team"}, {"Mutable", "no"}}})) == serialization("STRING_VALUE can not be converted to Boolean"));
  // 20 characters is the longest name.
  const Json pool = s.ok("CreateUserPool", {{"PoolName", "ok"}, {"Schema", {{{"Name", "abcdefghijklmnopqrst"}}}}})["UserPool"];
  CHECK(pool["SchemaAttributes"].back()["Name"] == "custom:abcdefghijklmnopqrst");
}

TEST_CASE("CreateUserPool: standard attributes keep their type, and sub cannot be changed") {
  Sandbox s;
  CHECK(pool_create_fails(s, {{"Schema", {{{"Name", "email"}, {"AttributeDataType", "Number"}}}}}) ==
        invalid("The data type of the standard attribute email is String; it cannot be changed to Number."));
  CHECK(pool_create_fails(s, {{"Schema", {{{"Name", "sub"}, {"Required", true}}}}}) == invalid("The sub attribute cannot be changed."));
  // Giving the right type is fine.
  const Json pool = s.ok("CreateUserPool", {{"PoolName", "t"}, {"Schema", {{{"Name", "updated_at"}, {"AttributeDataType", "Number"}, {"Required", true}}}}})["UserPool"];
  CHECK(pool["SchemaAttributes"][19]["Required"] == true);
}

TEST_CASE("CreateUserPool: stored-only members must have their JSON types") {
  Sandbox s;
  CHECK(pool_create_fails(s, {{"LambdaConfig", "arn"}}) == serialization("STRING_VALUE can not be converted to a structure"));
  CHECK(pool_create_fails(s, {{"DeviceConfiguration", Json::array()}}) == serialization("Start of list found where not expected."));
  CHECK(pool_create_fails(s, {{"UserPoolTags", {{"team", 1}}}}) == serialization("NUMBER_VALUE can not be converted to String"));
  CHECK(pool_create_fails(s, {{"UserPoolTags", Json::array()}}) == serialization("Start of list found where not expected."));
  CHECK(pool_create_fails(s, {{"DeletionProtection", false}}) == serialization("BOOLEAN_VALUE can not be converted to String"));
}
