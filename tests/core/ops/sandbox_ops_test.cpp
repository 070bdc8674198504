// The sandbox's own operations: the virtual clock (GetClock, SetClock,
// AdvanceClock), the inbox (ListMessages), the event log (ListEvents), a
// pool's published documents (GetJwks, GetOpenIdConfiguration) and Reset.
#include <set>

#include "core/tokens/jwt.h"
#include "tests/core/harness/harness.h"

using namespace userpool;
using namespace userpool::test;
using namespace std::chrono_literals;

namespace {

void invite(Sandbox& s, const std::string& pool, const std::string& username) {
  s.ok("AdminCreateUser", {{"UserPoolId", pool}, {"Username", username}, {"DesiredDeliveryMediums", {"EMAIL"}},
                           {"UserAttributes", attrs({{"email", username + "@example.com"}})}});
}

std::vector<std::string> destinations(const Json& messages) {
  std::vector<std::string> out;
  for (const auto& m : messages) out.push_back(m["Destination"].get<std::string>());
  return out;
}

Json events(Sandbox& s, const Json& request = Json::object()) { return s.ok("Sandbox.ListEvents", request)["Events"]; }

}  // namespace

TEST_CASE("Sandbox.GetClock shows the virtual time and whether it is frozen") {
  Sandbox s;
  const Json c = s.ok("Sandbox.GetClock", Json::object());
  CHECK(keys(c) == std::set<std::string>{"Now", "NowMillis", "Iso", "Frozen", "OffsetSeconds"});
  CHECK(c["NowMillis"] == 1768471200000);
  CHECK(c["Now"] == 1768471200.0);
  CHECK(c["Iso"] == "2026-01-15T10:00:00.000Z");
  CHECK(c["Frozen"] == true);
  CHECK(c["OffsetSeconds"].is_number());
  s.advance(1500ms);
  CHECK(s.ok("Sandbox.GetClock", Json::object())["Iso"] == "2026-01-15T10:00:01.500Z");
  CHECK(events(s).empty());  // looking is not logged
}

TEST_CASE("Sandbox.SetClock jumps ahead but never back; Frozen stops and starts the clock") {
  Sandbox s;
  const Json later = s.ok("Sandbox.SetClock", {{"Time", 1768474800}});
  CHECK(later["Now"] == 1768474800.0);
  CHECK(later["Iso"] == "2026-01-15T11:00:00.000Z");
  CHECK(later["Frozen"] == true);
  CHECK(events(s)[0]["Rules"] == Json::array({"The virtual clock jumped to 2026-01-15T11:00:00.000Z"}));
  // The same time is no jump back.
  CHECK(s.ok("Sandbox.SetClock", {{"Time", 1768474800.0}})["Now"] == 1768474800.0);
  ApiError e = s.error("Sandbox.SetClock", {{"Time", 1768471200}});
  CHECK(e.type == "InvalidParameterException");
  CHECK(e.message == "The sandbox clock cannot go back in time (it is 2026-01-15T11:00:00.000Z).");
  e = s.error("Sandbox.SetClock", {{"Time", "tomorrow"}});
  CHECK(e.type == "SerializationException");
  CHECK(e.message == "Time must be a number of seconds since 1970");
  CHECK(s.now() == kStart + 1h);

  const Json running = s.ok("Sandbox.SetClock", {{"Frozen", false}});
  CHECK(running["Frozen"] == false);
  CHECK(running["Now"].get<double>() >= 1768474800.0);
  const Json stopped = s.ok("Sandbox.SetClock", {{"Frozen", true}});
  CHECK(stopped["Frozen"] == true);
  CHECK(stopped["Now"].get<double>() >= running["Now"].get<double>());
  CHECK(s.ok("Sandbox.GetClock", Json::object())["Now"] == stopped["Now"]);
  CHECK(events(s).back()["Rules"] == Json::array({"The virtual clock is frozen: it moves only when told to"}));
}

TEST_CASE("Sandbox.AdvanceClock moves the clock by Seconds, and expiries follow it") {
  Sandbox s;
  const auto pool = s.create_pool();
  const auto client = s.create_client(pool);
  s.ok("AdminCreateUser", {{"UserPoolId", pool}, {"Username", "cl"}, {"MessageAction", "SUPPRESS"}});
  s.ok("AdminSetUserPassword", {{"UserPoolId", pool}, {"Username", "cl"}, {"Password", "Passw0rd!"}, {"Permanent", true}});
  const Json access = s.password_sign_in(client, "cl", "Passw0rd!").body["AuthenticationResult"]["AccessToken"];
  const Json moved = s.ok("Sandbox.AdvanceClock", {{"Seconds", 3600}});
  CHECK(moved["Now"] == 1768474800.0);
  CHECK(events(s).back()["Rules"] == Json::array({"The virtual clock moved ahead 1 h"}));
  CHECK(s.ok("GetUser", {{"AccessToken", access}})["Username"] == "cl");
  s.ok("Sandbox.AdvanceClock", {{"Seconds", 1}});
  CHECK(s.error("GetUser", {{"AccessToken", access}}).message == "Access Token has expired");
  CHECK(s.ok("Sandbox.AdvanceClock", {{"Seconds", 0}})["Now"] == 1768474801.0);

  ApiError e = s.error("Sandbox.AdvanceClock", Json::object());
  CHECK(e.type == "InvalidParameterException");
  CHECK(e.message == "1 validation error detected: Value null at 'seconds' failed to satisfy constraint: Member must not be null");
  e = s.error("Sandbox.AdvanceClock", {{"Seconds", -1}});
  CHECK(e.message == "1 validation error detected: Value '-1' at 'seconds' failed to satisfy constraint: Member must have value greater than or equal to 0");
  CHECK(s.now() == kStart + 1h + 1s);
}

TEST_CASE("Sandbox.ListMessages lists newest first, by pool and destination, at most MaxResults") {
  Sandbox s;
  const auto a = s.create_pool(Json{{"PoolName", "a"}});
  const auto b = s.create_pool(Json{{"PoolName", "b"}});
  invite(s, a, "a1");
  s.advance(1s);
  invite(s, a, "a2");
  invite(s, b, "b1");
  const Json all = s.ok("Sandbox.ListMessages", Json::object())["Messages"];
  CHECK(destinations(all) == std::vector<std::string>{"b1@example.com", "a2@example.com", "a1@example.com"});
  const Json& m = all[2];
  CHECK(keys(m) == std::set<std::string>{"MessageId", "Time", "UserPoolId", "Username", "Medium", "Destination", "From", "Subject",
                                         "Body", "Code", "Purpose"});
  CHECK(m["MessageId"] == 1);
  CHECK(m["Time"] == 1768471200.0);
  CHECK(m["UserPoolId"] == a);
  CHECK(m["Username"] == "a1");
  CHECK(all[0]["MessageId"] == 3);
  CHECK(all[0]["Time"] == 1768471201.0);

  CHECK(destinations(s.ok("Sandbox.ListMessages", {{"UserPoolId", a}})["Messages"]) ==
        std::vector<std::string>{"a2@example.com", "a1@example.com"});
  CHECK(destinations(s.ok("Sandbox.ListMessages", {{"Destination", "a1@example.com"}})["Messages"]) ==
        std::vector<std::string>{"a1@example.com"});
  CHECK(destinations(s.ok("Sandbox.ListMessages", {{"UserPoolId", b}, {"Destination", "a1@example.com"}})["Messages"]).empty());
  CHECK(destinations(s.ok("Sandbox.ListMessages", {{"MaxResults", 2}})["Messages"]) ==
        std::vector<std::string>{"b1@example.com", "a2@example.com"});
  // AfterMessageId: only what came after a message already read, so a
  // follower reads each message once.
  CHECK(destinations(s.ok("Sandbox.ListMessages", {{"AfterMessageId", 1}})["Messages"]) ==
        std::vector<std::string>{"b1@example.com", "a2@example.com"});
  CHECK(s.ok("Sandbox.ListMessages", {{"AfterMessageId", 3}})["Messages"].empty());
  const ApiError e = s.error("Sandbox.ListMessages", {{"MaxResults", 0}});
  CHECK(e.type == "InvalidParameterException");
  CHECK(e.message == "1 validation error detected: Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1");
}

TEST_CASE("Sandbox.ListEvents: every logged request with its outcome, filtered by sequence and pool, the latest MaxResults") {
  Sandbox s;
  const auto a = s.create_pool(Json{{"PoolName", "a"}});
  const auto b = s.create_pool(Json{{"PoolName", "b"}});
  s.call("DescribeUserPool", {{"UserPoolId", "us-east-1_Missing1"}});
  s.ok("Sandbox.GetJwks", {{"UserPoolId", a}});  // reads are not logged
  s.ok("Sandbox.GetOpenIdConfiguration", {{"UserPoolId", a}});
  s.ok("Sandbox.ListMessages", Json::object());
  s.ok("Sandbox.ExportState", Json::object());
  s.ok("DescribeUserPool", {{"UserPoolId", b}});

  const Json all = events(s);
  REQUIRE(all.size() == 4);
  std::vector<std::string> operations;
  for (const auto& e : all) operations.push_back(e["Operation"].get<std::string>());
  CHECK(operations == std::vector<std::string>{"CreateUserPool", "CreateUserPool", "DescribeUserPool", "DescribeUserPool"});
  for (std::size_t i = 0; i < all.size(); ++i) CHECK(all[i]["Sequence"] == i + 1);
  const Json& failed = all[2];
  CHECK(failed["Outcome"] == "ResourceNotFoundException");
  CHECK(failed["Message"] == "User pool us-east-1_Missing1 does not exist.");
  CHECK(failed["Status"] == 400);
  CHECK_FALSE(failed.contains("UserPoolId"));  // no such pool, so none is named
  CHECK(all[3]["Outcome"] == "Success");
  CHECK(all[3]["Status"] == 200);
  CHECK(all[3]["UserPoolId"] == b);
  CHECK(all[3]["Time"] == 1768471200.0);

  CHECK(events(s, {{"AfterSequence", 2}}).size() == 2);
  CHECK(events(s, {{"AfterSequence", 2}})[0]["Sequence"] == 3);
  CHECK(events(s, {{"AfterSequence", 4}}).empty());
  const Json for_b = events(s, {{"UserPoolId", b}});
  REQUIRE(for_b.size() == 2);
  CHECK(for_b[0]["Operation"] == "CreateUserPool");
  CHECK(for_b[1]["Operation"] == "DescribeUserPool");
  const Json latest = events(s, {{"MaxResults", 2}});
  REQUIRE(latest.size() == 2);
  CHECK(latest[0]["Sequence"] == 3);
  CHECK(latest[1]["Sequence"] == 4);
  CHECK(s.error("Sandbox.ListEvents", {{"AfterSequence", -1}}).type == "InvalidParameterException");
}

TEST_CASE("Sandbox.GetJwks publishes the pool's two RSA signing keys") {
  Sandbox s;
  const auto pool = s.create_pool();
  const Json jwks = s.ok("Sandbox.GetJwks", {{"UserPoolId", pool}});
  CHECK(keys(jwks) == std::set<std::string>{"keys"});
  REQUIRE(jwks["keys"].size() == 2);
  for (const auto& k : jwks["keys"]) {
    CHECK(keys(k) == std::set<std::string>{"alg", "e", "kid", "kty", "n", "use"});
    CHECK(k["alg"] == "RS256");
    CHECK(k["e"] == "AQAB");
    CHECK(k["kty"] == "RSA");
    CHECK(k["use"] == "sig");
    CHECK(k["n"].get<std::string>().size() == 342);  // 2048 bits in base64url
  }
  CHECK(jwks["keys"][0]["kid"] != jwks["keys"][1]["kid"]);
  const ApiError e = s.error("Sandbox.GetJwks", {{"UserPoolId", "us-east-1_Missing1"}});
  CHECK(e.type == "ResourceNotFoundException");
  CHECK(e.message == "User pool us-east-1_Missing1 does not exist.");
}

TEST_CASE("Sandbox.GetOpenIdConfiguration names the issuer and JWKS; the OAuth endpoints come with a domain") {
  Sandbox s;
  const auto pool = s.create_pool();
  const std::string issuer = "https://cognito-idp.us-east-1.amazonaws.com/" + pool;
  const Json plain = s.ok("Sandbox.GetOpenIdConfiguration", {{"UserPoolId", pool}});
  CHECK(keys(plain) == std::set<std::string>{"id_token_signing_alg_values_supported", "issuer", "jwks_uri", "response_types_supported",
                                             "scopes_supported", "subject_types_supported"});
  CHECK(plain["issuer"] == issuer);
  CHECK(plain["jwks_uri"] == issuer + "/.well-known/jwks.json");
  CHECK(plain["id_token_signing_alg_values_supported"] == Json::array({"RS256"}));

  s.ok("CreateUserPoolDomain", {{"UserPoolId", pool}, {"Domain", "my-demo"}});
  const Json hosted = s.ok("Sandbox.GetOpenIdConfiguration", {{"UserPoolId", pool}});
  const std::string base = "https://my-demo.auth.us-east-1.amazoncognito.com";
  CHECK(hosted["authorization_endpoint"] == base + "/oauth2/authorize");
  CHECK(hosted["token_endpoint"] == base + "/oauth2/token");
  CHECK(hosted["userinfo_endpoint"] == base + "/oauth2/userInfo");
  // Cognito's own document has no end-session or revocation endpoint.
  CHECK_FALSE(hosted.contains("end_session_endpoint"));
  CHECK_FALSE(hosted.contains("revocation_endpoint"));
  CHECK(hosted["issuer"] == issuer);
  // A custom domain is the one advertised.
  s.ok("CreateUserPoolDomain", {{"UserPoolId", pool}, {"Domain", "auth.example.com"},
                                {"CustomDomainConfig", {{"CertificateArn", "arn:aws:acm:us-east-1:123456789012:certificate/0f1e2d3c-aaaa-bbbb-cccc-123456789abc"}}}});
  CHECK(s.ok("Sandbox.GetOpenIdConfiguration", {{"UserPoolId", pool}})["token_endpoint"] == "https://auth.example.com/oauth2/token");
  CHECK(s.error("Sandbox.GetOpenIdConfiguration", {{"UserPoolId", "us-east-1_Missing1"}}).type == "ResourceNotFoundException");
}

TEST_CASE("Served at an address of its own (issuer_origin), tokens and discovery name that issuer, and Reset and ImportState keep it") {
  Sandbox s;
  s.account.issuer_origin = "http://127.0.0.1:9229";
  const auto pool = s.create_pool();
  const auto client = s.create_client(pool);
  s.add_user(pool, "ana", attrs({{"email", "ana@example.com"}}));
  const auto check_issuer = [&] {
    const Json result = s.password_sign_in(client, "ana", "Passw0rd!").body["AuthenticationResult"];
    const std::string issuer = "http://127.0.0.1:9229/" + pool;
    CHECK(decode_jwt(result["IdToken"].get<std::string>())->payload["iss"] == issuer);
    CHECK(decode_jwt(result["AccessToken"].get<std::string>())->payload["iss"] == issuer);
    // The access token is accepted back (its issuer is this sandbox's).
    CHECK(s.call("GetUser", {{"AccessToken", result["AccessToken"]}}).status == 200);
    const Json discovery = s.ok("Sandbox.GetOpenIdConfiguration", {{"UserPoolId", pool}});
    CHECK(discovery["issuer"] == issuer);
    CHECK(discovery["jwks_uri"] == issuer + "/.well-known/jwks.json");
  };
  check_issuer();
  const Json saved = s.ok("Sandbox.ExportState", Json::object())["State"];
  s.ok("Sandbox.Reset", Json::object());
  CHECK(s.account.issuer_origin == "http://127.0.0.1:9229");
  s.ok("Sandbox.ImportState", {{"State", saved}});
  check_issuer();
  // It is not part of the saved state: the same document in the browser
  // issues Cognito's own issuer.
  CHECK(saved.dump().find("127.0.0.1") == std::string::npos);
}

TEST_CASE("Sandbox.Reset removes pools, messages and events and keeps the clock") {
  Sandbox s;
  const auto pool = s.create_pool();
  invite(s, pool, "res");
  s.advance(5min);
  CHECK(s.ok("Sandbox.Reset", Json::object()) == Json::object());
  const Json log = events(s);
  REQUIRE(log.size() == 1);  // only the Reset itself
  CHECK(log[0]["Operation"] == "Sandbox.Reset");
  CHECK(log[0]["Sequence"] == 1);
  CHECK(s.message_count() == 0);
  CHECK(s.ok("ListUserPools", {{"MaxResults", 60}})["UserPools"] == Json::array());
  CHECK(s.ok("Sandbox.GetClock", Json::object())["Now"] == 1768471500.0);
  const ApiError e = s.error("DescribeUserPool", {{"UserPoolId", pool}});
  CHECK(e.type == "ResourceNotFoundException");
  // The sandbox works as new afterwards.
  invite(s, s.create_pool(), "again");
  CHECK(s.ok("Sandbox.ListMessages", Json::object())["Messages"][0]["MessageId"] == 1);
}

TEST_CASE("An operation the dispatcher does not know is UnknownOperationException") {
  Sandbox s;
  const ApiError e = s.error("Sandbox.TimeTravel", Json::object());
  CHECK(e.type == "UnknownOperationException");
  CHECK(e.message == "The operation Sandbox.TimeTravel is not known.");
  CHECK(s.error("AdminFrobnicate", Json::object()).message == "The operation AdminFrobnicate is not known.");
}
