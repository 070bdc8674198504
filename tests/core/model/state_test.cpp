// Saved state: export, import and export again give the same bytes; a bad
// document is refused and changes nothing.
#include "core/api/state.h"

#include <fstream>
#include <iterator>

#include "tests/core/harness/rich_state.h"

using namespace userpool;
using namespace userpool::test;

TEST_CASE("Export, import and export again give byte-identical state") {
  Sandbox s;
  build_rich_state(s);
  const std::string first = s.ok("Sandbox.ExportState", Json::object())["State"].dump();

  Sandbox fresh;
  fresh.ok("Sandbox.ImportState", {{"State", Json::parse(first)}});
  const std::string second = fresh.ok("Sandbox.ExportState", Json::object())["State"].dump();
  CHECK(second.size() == first.size());
  CHECK(second == first);

  // And the same account importing its own export is unchanged too.
  s.ok("Sandbox.ImportState", {{"State", Json::parse(first)}});
  CHECK(s.ok("Sandbox.ExportState", Json::object())["State"].dump() == first);
}

TEST_CASE("Imported state works: users sign in, codes confirm, tokens stay valid or revoked") {
  Sandbox s;
  const RichState r = build_rich_state(s);
  const Json tokens = s.password_sign_in(r.client, "dan@example.com", "Passw0rd!").body;
  CHECK(tokens["message"] == "User is disabled.");
  const std::string bob_code = s.last_code("bob@example.com");

  Sandbox fresh;
  fresh.account.clock.freeze_at(s.now());
  fresh.ok("Sandbox.ImportState", {{"State", s.ok("Sandbox.ExportState", Json::object())["State"]}});
  fresh.ok("ConfirmSignUp", {{"ClientId", r.client}, {"Username", "bob@example.com"}, {"ConfirmationCode", bob_code}});
  CHECK(fresh.password_sign_in(r.client, "bob@example.com", "Passw0rd!").status == 200);
  CHECK(fresh.password_sign_in(r.client, "eve@example.com", "Passw0rd!").body["__type"] == "PasswordResetRequiredException");
  CHECK(fresh.password_sign_in(r.client, "ann@example.com", "Passw0rd!").body["ChallengeName"] == "SOFTWARE_TOKEN_MFA");
  CHECK(fresh.ok("Sandbox.GetJwks", {{"UserPoolId", r.pool}}) == s.ok("Sandbox.GetJwks", {{"UserPoolId", r.pool}}));
  CHECK(fresh.ok("ListUsers", {{"UserPoolId", r.pool}})["Users"].size() == 6);
}

TEST_CASE("A document that is not sandbox state is refused with the reason, and nothing changes") {
  Sandbox s;
  build_rich_state(s);
  const std::string before = s.ok("Sandbox.ExportState", Json::object())["State"].dump();
  const Json good = Json::parse(before);

  Json newer = good;
  newer["Version"] = 99;
  Json missing_users = good;
  missing_users["UserPools"][0].erase("Users");
  Json bad_key = good;
  bad_key["UserPools"][0]["Keys"]["IdTokenKey"] = "not a key";
  Json duplicate = good;
  duplicate["UserPools"].push_back(good["UserPools"][0]);
  Json bad_verifier = good;
  bad_verifier["UserPools"][0]["Users"][0]["Password"]["Verifier"] = "zz";

  const std::pair<Json, std::string> cases[] = {
      {Json::array(), "not a JSON object"},
      {Json{{"Format", "something-else"}}, "not a userpool-sandbox state"},
      {Json{{"Format", "userpool-sandbox-state"}}, "has no Version"},
      {newer, "newer version of the sandbox (state version 99"},
      {missing_users, "damaged at UserPools[0]: key 'Users' not found"},
      {bad_key, "damaged at UserPools[0]: keys: IdTokenKey"},
      {duplicate, "two pools have the ID"},
      {bad_verifier, "password verifier is not hex"},
  };
  for (const auto& [doc, reason] : cases) {
    INFO(reason);
    const ApiError e = s.error("Sandbox.ImportState", {{"State", doc}});
    CHECK(e.type == "InvalidParameterException");
    CHECK_THAT(e.message, Catch::Contains(reason));
    CHECK_THAT(e.message, Catch::Contains("The current state is unchanged."));
    CHECK(s.ok("Sandbox.ExportState", Json::object())["State"].dump() == before);
  }
}

TEST_CASE("A document saved by an earlier version of the sandbox (state version 1) still loads, whole") {
  // saved_state_v1.json: a pool with an app client, an unconfirmed user with
  // a code in flight, a group, a REST API, a Beanstalk application and the
  // wizard's draft, as version 1 of the format saves them.
  std::ifstream file(std::string(USERPOOL_TEST_DATA) + "/saved_state_v1.json");
  REQUIRE(file);
  const Json saved = Json::parse(std::string(std::istreambuf_iterator<char>(file), {}));
  REQUIRE(saved["Version"] == 1);
  Sandbox s;
  s.ok("Sandbox.ImportState", {{"State", saved}});
  // Exported again, it is the same document.
  CHECK(s.ok("Sandbox.ExportState", Json::object())["State"] == saved);
  // And every part of it answers through the API.
  const Json pools = s.ok("ListUserPools", {{"MaxResults", 10}})["UserPools"];
  REQUIRE(pools.size() == 1);
  CHECK(pools[0]["Name"] == "saved-v1");
  const std::string pool = pools[0]["Id"];
  CHECK(s.ok("ListUsers", {{"UserPoolId", pool}})["Users"][0]["UserStatus"] == "UNCONFIRMED");
  CHECK(s.ok("ListGroups", {{"UserPoolId", pool}})["Groups"][0]["GroupName"] == "admins");
  CHECK(s.ok("ListUserPoolClients", {{"UserPoolId", pool}, {"MaxResults", 10}})["UserPoolClients"][0]["ClientName"] == "saved-app");
  CHECK(s.ok("ApiGateway.GetRestApis", Json::object())["items"][0]["name"] == "saved-api");
  CHECK(s.ok("ElasticBeanstalk.DescribeApplications", Json::object())["Applications"][0]["ApplicationName"] == "saved-web");
  CHECK(s.ok("Sandbox.GetWizardDraft", Json::object())["Draft"]["Step"] == 2);
}
