// User pools after creation: UpdateUserPool (and its reset of omitted
// settings), DeleteUserPool and ListUserPools, with their errors
// (API Reference: CreateUserPool, each operation's Errors), and the account's limit of 1000 pools (Developer Guide: "Quotas in Amazon Cognito").
#include <memory>
#include <ostream>

#include "tests/core/harness/harness.h"

using namespace userpool;
using namespace userpool::test;
using namespace std::chrono_literals;

namespace {

// The newest event of the log (the sandbox's own reads are not logged).


}  // namespace

TEST_CASE("UpdateUserPool changes what it is given and moves LastModifiedDate only") {
  Sandbox s;
  const std::string id = s.create_pool({{"PoolName", "before"}});
  s.advance(90s);
  CHECK(s.ok("UpdateUserPool", {{"UserPoolId", id}, {"Policies", {{"PasswordPolicy", {{"MinimumLength", 10}}}}},
                                {"UserPoolTags", {{"env", "dev"}}}, {"MfaConfiguration", "OFF"}}) == Json::object());
  const Json pool = s.ok("DescribeUserPool", {{"UserPoolId", id}})["UserPool"];
  CHECK(pool["Name"] == "before");  // PoolName left out: the name stays
  CHECK(pool["Policies"]["PasswordPolicy"]["MinimumLength"] == 10);
  CHECK(pool["UserPoolTags"] == Json{{"env", "dev"}});
  CHECK(pool["CreationDate"] == kStartSeconds);
  CHECK(pool["LastModifiedDate"] == kStartSeconds + 90);
  // Nothing else was at anything but its default, so no reset is reported.
  CHECK(last_event(s)["Rules"] == Json::array());

  s.ok("UpdateUserPool", {{"UserPoolId", id}, {"PoolName", "after"}});
  CHECK(s.ok("DescribeUserPool", {{"UserPoolId", id}})["UserPool"]["Name"] == "after");
}

TEST_CASE("UpdateUserPool puts every setting it is not given back to its default and logs which changed") {
  Sandbox s;
  const std::string id = s.create_pool(
      {{"Policies", {{"PasswordPolicy", {{"MinimumLength", 12}}}}},
       {"DeletionProtection", "ACTIVE"},
       {"LambdaConfig", {{"PreSignUp", "arn:aws:lambda:us-east-1:123456789012:function:pre"}}},
       {"AutoVerifiedAttributes", {"email"}},
       {"AliasAttributes", {"email"}},
       {"UsernameConfiguration", {{"CaseSensitive", false}}},
       {"Schema", {{{"Name", "email"}, {"Required", true}}, {{"Name", "team"}}}},
       {"SmsAuthenticationMessage", "Code {####}"},
       {"MfaConfiguration", "OPTIONAL"},
       {"SmsConfiguration", {{"SnsCallerArn", kSnsRole}}},
       {"DeviceConfiguration", {{"ChallengeRequiredOnNewDevice", true}}},
       {"UserPoolTags", {{"team", "a"}}},
       {"AdminCreateUserConfig", {{"AllowAdminCreateUserOnly", true}}},
       {"AccountRecoverySetting", {{"RecoveryMechanisms", {{{"Priority", 1}, {"Name", "verified_email"}}}}}}});
  const Json before = s.ok("DescribeUserPool", {{"UserPoolId", id}})["UserPool"];

  s.ok("UpdateUserPool", {{"UserPoolId", id}});
  CHECK(last_event(s)["Rules"] ==
        Json::array({"UpdateUserPool sets every setting it is not given back to its default; these changed: Policies, "
                     "DeletionProtection, LambdaConfig, AutoVerifiedAttributes, SmsAuthenticationMessage, MfaConfiguration, "
                     "DeviceConfiguration, SmsConfiguration, UserPoolTags, AdminCreateUserConfig, AccountRecoverySetting"}));

  Sandbox fresh;
  const Json defaults = fresh.ok("DescribeUserPool", {{"UserPoolId", fresh.create_pool()}})["UserPool"];
  const Json after = s.ok("DescribeUserPool", {{"UserPoolId", id}})["UserPool"];
  for (const char* member : {"Policies", "DeletionProtection", "LambdaConfig", "MfaConfiguration", "UserPoolTags",
                             "AdminCreateUserConfig", "EmailConfiguration", "VerificationMessageTemplate"})
    CHECK(after[member] == defaults[member]);
  for (const char* member : {"AutoVerifiedAttributes", "SmsAuthenticationMessage", "DeviceConfiguration", "SmsConfiguration",
                             "AccountRecoverySetting"})
    CHECK_FALSE(after.contains(member));
  CHECK(s.ok("GetUserPoolMfaConfig", {{"UserPoolId", id}})["MfaConfiguration"] == "OFF");

  // Settings fixed at creation stay.
  CHECK(after["AliasAttributes"] == Json::array({"email"}));
  CHECK(after["UsernameConfiguration"] == Json{{"CaseSensitive", false}});
  CHECK(after["SchemaAttributes"] == before["SchemaAttributes"]);
  CHECK(after["SchemaAttributes"][10]["Required"] == true);
  CHECK(after["SchemaAttributes"].back()["Name"] == "custom:team");
  CHECK(after["Name"] == before["Name"]);
  CHECK(after["Arn"] == before["Arn"]);

  // DeletionProtection went back to INACTIVE, so the pool can now be deleted.
  s.ok("DeleteUserPool", {{"UserPoolId", id}});
}

TEST_CASE("UpdateUserPool ignores members that can only be set at creation") {
  Sandbox s;
  const std::string id = s.create_pool({{"UsernameAttributes", {"email"}}, {"UsernameConfiguration", {{"CaseSensitive", false}}}});
  s.ok("UpdateUserPool", {{"UserPoolId", id},
                          {"UsernameAttributes", {"phone_number"}},
                          {"AliasAttributes", {"preferred_username"}},
                          {"UsernameConfiguration", {{"CaseSensitive", true}}},
                          {"Schema", {{{"Name", "extra"}}}}});
  const Json pool = s.ok("DescribeUserPool", {{"UserPoolId", id}})["UserPool"];
  CHECK(pool["UsernameAttributes"] == Json::array({"email"}));
  CHECK_FALSE(pool.contains("AliasAttributes"));
  CHECK(pool["UsernameConfiguration"]["CaseSensitive"] == false);
  CHECK(pool["SchemaAttributes"].size() == 21);
}

TEST_CASE("UpdateUserPool keeps authenticator-app MFA, which only SetUserPoolMfaConfig changes") {
  Sandbox s;
  const std::string id = s.create_pool();
  s.ok("SetUserPoolMfaConfig", {{"UserPoolId", id}, {"SoftwareTokenMfaConfiguration", {{"Enabled", true}}}, {"MfaConfiguration", "ON"}});
  // MFA ON without SMS is fine while TOTP is on.
  s.ok("UpdateUserPool", {{"UserPoolId", id}, {"MfaConfiguration", "ON"}});
  CHECK(s.ok("GetUserPoolMfaConfig", {{"UserPoolId", id}}) ==
        Json{{"SoftwareTokenMfaConfiguration", {{"Enabled", true}}}, {"MfaConfiguration", "ON"}});
  // Leaving MfaConfiguration out turns MFA OFF, but TOTP stays enabled as a factor.
  s.ok("UpdateUserPool", {{"UserPoolId", id}});
  CHECK(s.ok("GetUserPoolMfaConfig", {{"UserPoolId", id}}) ==
        Json{{"SoftwareTokenMfaConfiguration", {{"Enabled", true}}}, {"MfaConfiguration", "OFF"}});
}

TEST_CASE("UpdateUserPool refuses what CreateUserPool refuses, names an unknown pool, and a refusal changes nothing") {
  Sandbox s;
  const std::string id = s.create_pool({{"UserPoolTags", {{"keep", "me"}}}});
  const Json before = s.ok("DescribeUserPool", {{"UserPoolId", id}})["UserPool"];
  CHECK(failure(s, "UpdateUserPool", {{"UserPoolId", "us-east-1_missing01"}}) ==
        Failure{"ResourceNotFoundException", "User pool us-east-1_missing01 does not exist."});
  CHECK(failure(s, "UpdateUserPool", Json::object()) ==
        invalid("1 validation error detected: Value null at 'userPoolId' failed to satisfy constraint: Member must not be null"));
  CHECK(failure(s, "UpdateUserPool", {{"UserPoolId", id}, {"MfaConfiguration", "ON"}}) ==
        invalid("SMS configuration is required to turn on MFA with UpdateUserPool. To use authenticator apps only, "
                "create the pool with MFA OFF, then call SetUserPoolMfaConfig."));
  CHECK(failure(s, "UpdateUserPool", {{"UserPoolId", id}, {"DeletionProtection", "YES"}}) ==
        invalid("1 validation error detected: Value 'YES' at 'deletionProtection' failed to satisfy constraint: "
                "Member must satisfy enum value set: [ACTIVE, INACTIVE]"));
  CHECK(failure(s, "UpdateUserPool", {{"UserPoolId", id}, {"PoolName", "bad/name"}}) ==
        invalid("1 validation error detected: Value 'bad/name' at 'poolName' failed to satisfy constraint: "
                "Member must satisfy regular expression pattern: [\\w\\s+=,.@-]+"));
  CHECK(failure(s, "UpdateUserPool", {{"UserPoolId", id},
                                      {"Policies", {{"PasswordPolicy", {{"TemporaryPasswordValidityDays", 3}}}}},
                                      {"AdminCreateUserConfig", {{"UnusedAccountValidityDays", 5}}}}) ==
        invalid("Please use TemporaryPasswordValidityDays in PasswordPolicy instead of UnusedAccountValidityDays"));
  CHECK(failure(s, "UpdateUserPool", {{"UserPoolId", id}, {"Policies", {{"PasswordPolicy", {{"MinimumLength", 100}}}}}}) ==
        invalid("1 validation error detected: Value '100' at 'policies.passwordPolicy.minimumLength' failed to satisfy "
                "constraint: Member must have value less than or equal to 99"));
  CHECK(s.ok("DescribeUserPool", {{"UserPoolId", id}})["UserPool"] == before);
}

TEST_CASE("DeleteUserPool removes the pool with its clients") {
  Sandbox s;
  const std::string id = s.create_pool();
  const std::string client = s.create_client(id);
  s.ok("AdminCreateUser", {{"UserPoolId", id}, {"Username", "ann"}, {"MessageAction", "SUPPRESS"}});
  CHECK(s.ok("DeleteUserPool", {{"UserPoolId", id}}) == Json::object());
  CHECK(last_event(s)["Rules"] == Json::array({"Deleted with its 1 users and 1 app clients"}));
  CHECK(failure(s, "DescribeUserPool", {{"UserPoolId", id}}) ==
        Failure{"ResourceNotFoundException", "User pool " + id + " does not exist."});
  CHECK(failure(s, "DescribeUserPoolClient", {{"UserPoolId", id}, {"ClientId", client}}) ==
        Failure{"ResourceNotFoundException", "User pool " + id + " does not exist."});
  CHECK(failure(s, "InitiateAuth", {{"ClientId", client}, {"AuthFlow", "USER_PASSWORD_AUTH"},
                                    {"AuthParameters", {{"USERNAME", "ann"}, {"PASSWORD", "Passw0rd!"}}}}) ==
        Failure{"ResourceNotFoundException", "User pool client " + client + " does not exist."});
  CHECK(s.ok("ListUserPools", {{"MaxResults", 60}})["UserPools"] == Json::array());
  // Deleting it again: it is gone.
  CHECK(failure(s, "DeleteUserPool", {{"UserPoolId", id}}) ==
        Failure{"ResourceNotFoundException", "User pool " + id + " does not exist."});
}

TEST_CASE("DeleteUserPool refuses a pool with deletion protection until it is turned off") {
  Sandbox s;
  const std::string id = s.create_pool({{"DeletionProtection", "ACTIVE"}});
  CHECK(failure(s, "DeleteUserPool", {{"UserPoolId", id}}) ==
        invalid("The user pool cannot be deleted because deletion protection is activated."));
  CHECK(last_event(s)["Rules"] == Json::array({"DeletionProtection is ACTIVE; UpdateUserPool with DeletionProtection INACTIVE first"}));
  s.ok("DescribeUserPool", {{"UserPoolId", id}});  // still there
  s.ok("UpdateUserPool", {{"UserPoolId", id}, {"DeletionProtection", "INACTIVE"}});
  s.ok("DeleteUserPool", {{"UserPoolId", id}});
}

TEST_CASE("DeleteUserPool refuses a pool that still has a domain") {
  Sandbox s;
  const std::string id = s.create_pool();
  s.ok("CreateUserPoolDomain", {{"UserPoolId", id}, {"Domain", "still-here"}});
  CHECK(failure(s, "DeleteUserPool", {{"UserPoolId", id}}) ==
        invalid("User pool cannot be deleted. It has a domain configured that should be deleted first."));
  s.ok("DeleteUserPoolDomain", {{"UserPoolId", id}, {"Domain", "still-here"}});
  s.ok("DeleteUserPool", {{"UserPoolId", id}});
  CHECK(failure(s, "DeleteUserPool", Json::object()) ==
        invalid("1 validation error detected: Value null at 'userPoolId' failed to satisfy constraint: Member must not be null"));
}

TEST_CASE("ListUserPools pages through the pools in creation order") {
  Sandbox s;
  CHECK(s.ok("ListUserPools", {{"MaxResults", 10}}) == Json{{"UserPools", Json::array()}});
  const std::string a = s.create_pool({{"PoolName", "a"}, {"LambdaConfig", {{"PreSignUp", "arn:aws:lambda:us-east-1:1:function:f"}}}});
  s.advance(1s);
  const std::string b = s.create_pool({{"PoolName", "b"}});
  const std::string c = s.create_pool({{"PoolName", "c"}});

  const Json first = s.ok("ListUserPools", {{"MaxResults", 2}});
  REQUIRE(first["UserPools"].size() == 2);
  CHECK(first["UserPools"][0] == Json{{"Id", a}, {"Name", "a"}, {"LambdaConfig", {{"PreSignUp", "arn:aws:lambda:us-east-1:1:function:f"}}},
                                      {"LastModifiedDate", kStartSeconds}, {"CreationDate", kStartSeconds}});
  CHECK(first["UserPools"][1]["Id"] == b);
  CHECK(first["UserPools"][1]["CreationDate"] == kStartSeconds + 1);
  REQUIRE(first.contains("NextToken"));
  const Json second = s.ok("ListUserPools", {{"MaxResults", 2}, {"NextToken", first["NextToken"]}});
  REQUIRE(second["UserPools"].size() == 1);
  CHECK(second["UserPools"][0]["Id"] == c);
  CHECK_FALSE(second.contains("NextToken"));
  // All at once: no token.
  const Json all = s.ok("ListUserPools", {{"MaxResults", 60}});
  CHECK(all["UserPools"].size() == 3);
  CHECK_FALSE(all.contains("NextToken"));
}

TEST_CASE("ListUserPools requires MaxResults from 1 to 60 and a token it issued") {
  Sandbox s;
  s.create_pool();
  CHECK(failure(s, "ListUserPools", Json::object()) ==
        invalid("1 validation error detected: Value null at 'maxResults' failed to satisfy constraint: Member must not be null"));
  CHECK(failure(s, "ListUserPools", {{"MaxResults", 0}}) ==
        invalid("1 validation error detected: Value '0' at 'maxResults' failed to satisfy constraint: "
                "Member must have value greater than or equal to 1"));
  CHECK(failure(s, "ListUserPools", {{"MaxResults", 61}}) ==
        invalid("1 validation error detected: Value '61' at 'maxResults' failed to satisfy constraint: "
                "Member must have value less than or equal to 60"));
  CHECK(failure(s, "ListUserPools", {{"MaxResults", "10"}}) ==
        Failure{"SerializationException", "STRING_VALUE can not be converted to Integer"});
  CHECK(failure(s, "ListUserPools", {{"MaxResults", 10}, {"NextToken", "not-a-token"}}) == invalid("Invalid pagination token."));
  CHECK(failure(s, "ListUserPools", {{"MaxResults", 10}, {"NextToken", 1}}) ==
        Failure{"SerializationException", "NUMBER_VALUE can not be converted to String"});
}

TEST_CASE("CreateUserPool refuses a pool beyond the account's 1000") {
  Sandbox s;
  // 999 pools put in place directly (1000 CreateUserPool calls would be slow in wasm).
  for (int i = 0; i < 999; ++i) {
    auto pool = std::make_unique<UserPool>(s.account.make_pool_keys(s.account.random));
    pool->id = "us-east-1_filler" + std::to_string(i);
    s.account.pools.push_back(std::move(pool));
  }
  s.create_pool({{"PoolName", "the thousandth"}});
  CHECK(failure(s, "CreateUserPool", {{"PoolName", "one too many"}}) ==
        Failure{"LimitExceededException", "The account has reached its limit of 1000 user pools in this Region."});
  CHECK(s.account.pools.size() == 1000);
}
