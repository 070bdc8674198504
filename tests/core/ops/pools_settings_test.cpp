// A pool's settings changed after creation: AddCustomAttributes and
// SetUserPoolMfaConfig / GetUserPoolMfaConfig. (Domains: domains_test.cpp.)
#include <ostream>
#include <vector>

#include "tests/core/harness/harness.h"

using namespace userpool;
using namespace userpool::test;
using namespace std::chrono_literals;

namespace {


Json schema_of(Sandbox& s, const std::string& pool) {
  return s.ok("DescribeUserPool", {{"UserPoolId", pool}})["UserPool"]["SchemaAttributes"];
}

// n custom String attributes named <prefix>0, <prefix>1, ...
Json custom_attributes(const std::string& prefix, int n) {
  Json list = Json::array();
  for (int i = 0; i < n; ++i) list.push_back(Json{{"Name", prefix + std::to_string(i)}});
  return list;
}


}  // namespace

// ---- AddCustomAttributes ----------------------------------------------------

TEST_CASE("AddCustomAttributes appends custom attributes to the schema") {
  Sandbox s;
  const std::string pool = s.create_pool();
  s.advance(5s);
  CHECK(s.ok("AddCustomAttributes", {{"UserPoolId", pool},
                                     {"CustomAttributes", {{{"Name", "team"}, {"StringAttributeConstraints", {{"MaxLength", "32"}}}},
                                                           {{"Name", "score"}, {"AttributeDataType", "Number"}, {"Mutable", false}}}}}) ==
        Json::object());
  CHECK(last_event(s)["Rules"] == Json::array({"Custom attributes can be added but never removed or renamed"}));
  const Json schema = schema_of(s, pool);
  REQUIRE(schema.size() == 23);
  CHECK(schema[21] == Json{{"Name", "custom:team"}, {"AttributeDataType", "String"}, {"DeveloperOnlyAttribute", false},
                           {"Mutable", true}, {"Required", false}, {"StringAttributeConstraints", {{"MaxLength", "32"}}}});
  CHECK(schema[22] == Json{{"Name", "custom:score"}, {"AttributeDataType", "Number"}, {"DeveloperOnlyAttribute", false},
                           {"Mutable", false}, {"Required", false}, {"NumberAttributeConstraints", Json::object()}});
  CHECK(s.ok("DescribeUserPool", {{"UserPoolId", pool}})["UserPool"]["LastModifiedDate"] == kStartSeconds + 5);

  // The new attribute can be written to users at once.
  s.ok("AdminCreateUser", {{"UserPoolId", pool}, {"Username", "ann"}, {"MessageAction", "SUPPRESS"},
                           {"UserAttributes", attrs({{"custom:team", "blue"}})}});
}

TEST_CASE("AddCustomAttributes refuses required, duplicate and standard attributes, and adds nothing then") {
  Sandbox s;
  const std::string pool = s.create_pool({{"Schema", {{{"Name", "team"}}}}});
  CHECK(failure(s, "AddCustomAttributes", {{"UserPoolId", pool}, {"CustomAttributes", {{{"Name", "new1"}}, {{"Name", "level"}, {"Required", true}}}}}) ==
        invalid("Required custom attributes are not supported currently."));
  CHECK(failure(s, "AddCustomAttributes", {{"UserPoolId", pool}, {"CustomAttributes", {{{"Name", "new1"}}, {{"Name", "team"}}}}}) ==
        invalid("An attribute named custom:team already exists in this user pool."));
  CHECK(failure(s, "AddCustomAttributes", {{"UserPoolId", pool}, {"CustomAttributes", {{{"Name", "email"}}}}}) ==
        invalid("Standard attributes cannot be added as custom attributes: email."));
  CHECK(failure(s, "AddCustomAttributes", {{"UserPoolId", pool}, {"CustomAttributes", {{{"Name", "new1"}}, {{"Name", "new1"}}}}}) ==
        invalid("Duplicate attribute name in Schema: new1."));
  CHECK(failure(s, "AddCustomAttributes", {{"UserPoolId", pool}, {"CustomAttributes", {{{"Name", "abcdefghijklmnopqrstu"}}}}}) ==
        invalid("Custom attribute names have 1 to 20 characters; abcdefghijklmnopqrstu has 21."));
  // None of the refused requests added new1.
  const Json schema = schema_of(s, pool);
  CHECK(schema.size() == 22);
  CHECK(schema.back()["Name"] == "custom:team");
}

TEST_CASE("AddCustomAttributes takes 1 to 25 attributes and an existing pool") {
  Sandbox s;
  const std::string pool = s.create_pool();
  CHECK(failure(s, "AddCustomAttributes", {{"UserPoolId", pool}}) ==
        validation("Value null at 'customAttributes' failed to satisfy constraint: Member must not be null"));
  CHECK(failure(s, "AddCustomAttributes", {{"UserPoolId", pool}, {"CustomAttributes", Json::array()}}) ==
        validation("Value at 'customAttributes' failed to satisfy constraint: Member must have length greater than or equal to 1"));
  CHECK(failure(s, "AddCustomAttributes", {{"UserPoolId", pool}, {"CustomAttributes", custom_attributes("a", 26)}}) ==
        validation("Value at 'customAttributes' failed to satisfy constraint: Member must have length less than or equal to 25"));
  CHECK(failure(s, "AddCustomAttributes", {{"UserPoolId", kMissingPool}, {"CustomAttributes", custom_attributes("a", 1)}}) ==
        pool_not_found(kMissingPool));
  CHECK(failure(s, "AddCustomAttributes", {{"UserPoolId", pool}, {"CustomAttributes", {{{"Name", "x"}, {"AttributeDataType", "Date"}}}}}) ==
        validation("Value 'Date' at 'customAttributes.1.member.attributeDataType' failed to satisfy constraint: "
                   "Member must satisfy enum value set: [Boolean, Number, String, DateTime]"));
  s.ok("AddCustomAttributes", {{"UserPoolId", pool}, {"CustomAttributes", custom_attributes("a", 25)}});
  CHECK(schema_of(s, pool).size() == 21 + 25);
}

TEST_CASE("A pool has at most 50 custom attributes") {
  Sandbox s;
  const std::string pool = s.create_pool({{"Schema", custom_attributes("c", 25)}});
  s.ok("AddCustomAttributes", {{"UserPoolId", pool}, {"CustomAttributes", custom_attributes("d", 25)}});
  CHECK(failure(s, "AddCustomAttributes", {{"UserPoolId", pool}, {"CustomAttributes", custom_attributes("e", 1)}}) ==
        Failure{"LimitExceededException", "A user pool can have at most 50 custom attributes."});
  CHECK(schema_of(s, pool).size() == 21 + 50);
}

// ---- SetUserPoolMfaConfig / GetUserPoolMfaConfig ------------------------------

TEST_CASE("GetUserPoolMfaConfig of a new pool: MFA OFF and no factors") {
  Sandbox s;
  const std::string pool = s.create_pool();
  CHECK(s.ok("GetUserPoolMfaConfig", {{"UserPoolId", pool}}) ==
        Json{{"SoftwareTokenMfaConfiguration", {{"Enabled", false}}}, {"MfaConfiguration", "OFF"}});
  CHECK(failure(s, "GetUserPoolMfaConfig", {{"UserPoolId", kMissingPool}}) == pool_not_found(kMissingPool));
  CHECK(failure(s, "GetUserPoolMfaConfig", Json::object()) ==
        validation("Value null at 'userPoolId' failed to satisfy constraint: Member must not be null"));
}

TEST_CASE("SetUserPoolMfaConfig turns on authenticator apps and answers with the new configuration") {
  Sandbox s;
  const std::string pool = s.create_pool();
  const Json set = s.ok("SetUserPoolMfaConfig", {{"UserPoolId", pool}, {"SoftwareTokenMfaConfiguration", {{"Enabled", true}}},
                                                  {"MfaConfiguration", "OPTIONAL"}});
  CHECK(set == Json{{"SoftwareTokenMfaConfiguration", {{"Enabled", true}}}, {"MfaConfiguration", "OPTIONAL"}});
  CHECK(s.ok("GetUserPoolMfaConfig", {{"UserPoolId", pool}}) == set);
  CHECK(s.ok("DescribeUserPool", {{"UserPoolId", pool}})["UserPool"]["MfaConfiguration"] == "OPTIONAL");
  // MfaConfiguration left out keeps the mode.
  CHECK(s.ok("SetUserPoolMfaConfig", {{"UserPoolId", pool}, {"SoftwareTokenMfaConfiguration", {{"Enabled", true}}}})["MfaConfiguration"] ==
        "OPTIONAL");
}

TEST_CASE("SetUserPoolMfaConfig sets up SMS MFA with its message and SMS configuration") {
  Sandbox s;
  const std::string pool = s.create_pool();
  const Json sms_config = {{"SnsCallerArn", kSnsRole}, {"ExternalId", "x"}};
  const Json set = s.ok("SetUserPoolMfaConfig", {{"UserPoolId", pool},
                                                  {"SmsMfaConfiguration", {{"SmsAuthenticationMessage", "Your code is {####}"},
                                                                           {"SmsConfiguration", sms_config}}},
                                                  {"MfaConfiguration", "ON"}});
  CHECK(set == Json{{"SmsMfaConfiguration", {{"SmsAuthenticationMessage", "Your code is {####}"}, {"SmsConfiguration", sms_config}}},
                    {"SoftwareTokenMfaConfiguration", {{"Enabled", false}}},
                    {"MfaConfiguration", "ON"}});
  const Json described = s.ok("DescribeUserPool", {{"UserPoolId", pool}})["UserPool"];
  CHECK(described["SmsAuthenticationMessage"] == "Your code is {####}");
  CHECK(described["SmsConfiguration"] == sms_config);
  CHECK(described["MfaConfiguration"] == "ON");

  // Once the pool has an SMS configuration, SmsMfaConfiguration may leave it out.
  s.ok("SetUserPoolMfaConfig", {{"UserPoolId", pool}, {"SmsMfaConfiguration", Json::object()}, {"MfaConfiguration", "ON"}});
  // Leaving SmsMfaConfiguration out turns SMS MFA off, and the log says so.
  s.ok("SetUserPoolMfaConfig", {{"UserPoolId", pool}, {"SoftwareTokenMfaConfiguration", {{"Enabled", true}}}});
  CHECK(last_event(s)["Rules"] == Json::array({"SmsMfaConfiguration was left out, so SMS MFA is now off"}));
  CHECK_FALSE(s.ok("GetUserPoolMfaConfig", {{"UserPoolId", pool}}).contains("SmsMfaConfiguration"));
}

TEST_CASE("SetUserPoolMfaConfig refuses MFA without a factor, SMS without a configuration, and other factors") {
  Sandbox s;
  const std::string pool = s.create_pool();
  CHECK(failure(s, "SetUserPoolMfaConfig", {{"UserPoolId", pool}, {"MfaConfiguration", "ON"}}) ==
        invalid("At least one MFA method (SMS or software token) must be enabled when MFA is ON or OPTIONAL."));
  CHECK(failure(s, "SetUserPoolMfaConfig", {{"UserPoolId", pool}, {"SoftwareTokenMfaConfiguration", {{"Enabled", false}}},
                                            {"MfaConfiguration", "OPTIONAL"}}) ==
        invalid("At least one MFA method (SMS or software token) must be enabled when MFA is ON or OPTIONAL."));
  CHECK(failure(s, "SetUserPoolMfaConfig", {{"UserPoolId", pool}, {"SmsMfaConfiguration", Json::object()}, {"MfaConfiguration", "ON"}}) ==
        invalid("SMS MFA needs an SmsConfiguration."));
  CHECK(failure(s, "SetUserPoolMfaConfig", {{"UserPoolId", pool}, {"SmsMfaConfiguration", {{"SmsAuthenticationMessage", "Sign in now"},
                                                                                           {"SmsConfiguration", {{"SnsCallerArn", kSnsRole}}}}}}) ==
        invalid("SmsAuthenticationMessage must contain the {####} placeholder."));
  CHECK(failure(s, "SetUserPoolMfaConfig", {{"UserPoolId", pool}, {"SmsMfaConfiguration", {{"SmsAuthenticationMessage", "{###}"}}}}) ==
        validation("Value '{###}' at 'smsMfaConfiguration.smsAuthenticationMessage' failed to satisfy constraint: "
                   "Member must have length greater than or equal to 6"));
  CHECK(failure(s, "SetUserPoolMfaConfig", {{"UserPoolId", pool}, {"MfaConfiguration", "MAYBE"}}) ==
        validation("Value 'MAYBE' at 'mfaConfiguration' failed to satisfy constraint: Member must satisfy enum value set: [OFF, ON, OPTIONAL]"));
  const Failure other = invalid("This sandbox simulates SMS and authenticator-app (TOTP) MFA; email and passkey MFA are not available here.");
  CHECK(failure(s, "SetUserPoolMfaConfig", {{"UserPoolId", pool}, {"EmailMfaConfiguration", {{"Subject", "Code"}}}}) == other);
  CHECK(failure(s, "SetUserPoolMfaConfig", {{"UserPoolId", pool}, {"WebAuthnConfiguration", {{"RelyingPartyId", "example.com"}}}}) == other);
  CHECK(failure(s, "SetUserPoolMfaConfig", {{"UserPoolId", pool}, {"SoftwareTokenMfaConfiguration", {{"Enabled", "yes"}}}}) ==
        Failure{"SerializationException", "STRING_VALUE can not be converted to Boolean"});
  CHECK(failure(s, "SetUserPoolMfaConfig", {{"UserPoolId", kMissingPool}, {"MfaConfiguration", "OFF"}}) == pool_not_found(kMissingPool));
  // Nothing changed.
  CHECK(s.ok("GetUserPoolMfaConfig", {{"UserPoolId", pool}}) ==
        Json{{"SoftwareTokenMfaConfiguration", {{"Enabled", false}}}, {"MfaConfiguration", "OFF"}});
}

TEST_CASE("SetUserPoolMfaConfig cannot switch off the last factor while MFA stays on") {
  Sandbox s;
  const std::string pool = s.create_pool();
  s.ok("SetUserPoolMfaConfig", {{"UserPoolId", pool}, {"SoftwareTokenMfaConfiguration", {{"Enabled", true}}}, {"MfaConfiguration", "ON"}});
  CHECK(failure(s, "SetUserPoolMfaConfig", {{"UserPoolId", pool}, {"SoftwareTokenMfaConfiguration", {{"Enabled", false}}}}) ==
        invalid("At least one MFA method (SMS or software token) must be enabled when MFA is ON or OPTIONAL."));
  // Turning MFA off at the same time is fine.
  CHECK(s.ok("SetUserPoolMfaConfig", {{"UserPoolId", pool}, {"MfaConfiguration", "OFF"}}) ==
        Json{{"SoftwareTokenMfaConfiguration", {{"Enabled", false}}}, {"MfaConfiguration", "OFF"}});
}

