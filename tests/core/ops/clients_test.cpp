// App clients through the dispatcher: CreateUserPoolClient,
// DescribeUserPoolClient, UpdateUserPoolClient, DeleteUserPoolClient and
// ListUserPoolClients, their shapes and defaults (API Reference: CreateUserPoolClient) and the
// not-found errors. Setting validation is in clients_validation_test.cpp.
#include <algorithm>
#include <iterator>
#include <ostream>

#include "core/tokens/jwt.h"
#include "tests/core/harness/harness.h"

using namespace userpool;
using namespace userpool::test;
using namespace std::chrono_literals;

namespace {

Failure client_not_found(const std::string& client) {
  return {"ResourceNotFoundException", "User pool client " + client + " does not exist."};
}


Json describe_client(Sandbox& s, const std::string& pool, const std::string& client) {
  return s.ok("DescribeUserPoolClient", {{"UserPoolId", pool}, {"ClientId", client}})["UserPoolClient"];
}

bool lowercase_alphanumeric(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); });
}

// A confirmed user with a permanent password.

std::int64_t lifetime_of(const Json& token) {
  const Json payload = decode_jwt(token.get<std::string>()).value().payload;
  return payload["exp"].get<std::int64_t>() - payload["iat"].get<std::int64_t>();
}

const Json kDefaultFlows = Json::array({"ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_CUSTOM_AUTH"});
const std::string kMissingClient = "abcdefghijklmnopqrstuvwxyz";

}  // namespace

TEST_CASE("CreateUserPoolClient with only a name gets the API defaults") {
  Sandbox s;
  const std::string pool = s.create_pool();
  const Json created = s.ok("CreateUserPoolClient", {{"UserPoolId", pool}, {"ClientName", "web"}})["UserPoolClient"];
  const std::string id = created["ClientId"].get<std::string>();
  CHECK(id.size() == 26);
  CHECK(lowercase_alphanumeric(id));
  CHECK(created == Json{{"UserPoolId", pool},
                        {"ClientName", "web"},
                        {"ClientId", id},
                        {"LastModifiedDate", kStartSeconds},
                        {"CreationDate", kStartSeconds},
                        {"RefreshTokenValidity", 30},
                        {"ExplicitAuthFlows", kDefaultFlows},
                        {"AllowedOAuthFlowsUserPoolClient", false},
                        {"PreventUserExistenceErrors", "LEGACY"},
                        {"EnableTokenRevocation", true},
                        {"EnablePropagateAdditionalUserContextData", false},
                        {"AuthSessionValidity", 3}});
  const Json event = last_event(s);
  CHECK(event["UserPoolId"] == pool);
  CHECK(event["ClientId"] == id);
  CHECK(event["Rules"] == Json::array({"ExplicitAuthFlows left out: the API's defaults ALLOW_REFRESH_TOKEN_AUTH, ALLOW_USER_SRP_AUTH, ALLOW_CUSTOM_AUTH",
                                       "PreventUserExistenceErrors left out: LEGACY (the API's default; the console turns it ENABLED)",
                                       "No ReadAttributes: the client reads the standard attributes only; custom attributes must be granted"}));
  CHECK(describe_client(s, pool, id) == created);

  // The default flows: SRP yes, USER_PASSWORD_AUTH no.
  s.add_user(pool, "ann");
  CHECK(failure(s, "InitiateAuth", {{"ClientId", id}, {"AuthFlow", "USER_PASSWORD_AUTH"},
                                    {"AuthParameters", {{"USERNAME", "ann"}, {"PASSWORD", "Passw0rd!"}}}}) ==
        invalid("USER_PASSWORD_AUTH flow not enabled for this client"));
  CHECK(s.srp_sign_in(pool, id, "ann", "Passw0rd!").status == 200);
}

TEST_CASE("GenerateSecret makes a client secret; a ClientSecret given is kept as it is") {
  Sandbox s;
  const std::string pool = s.create_pool();
  const Json generated = s.ok("CreateUserPoolClient", {{"UserPoolId", pool}, {"ClientName", "server"}, {"GenerateSecret", true}})["UserPoolClient"];
  const std::string secret = generated["ClientSecret"].get<std::string>();
  CHECK(secret.size() == 51);
  CHECK(lowercase_alphanumeric(secret));
  const Json rules = last_event(s)["Rules"];
  CHECK(std::find(rules.begin(), rules.end(), "The client has a secret: every sign-in and sign-up request must carry a SECRET_HASH") != rules.end());
  // ClientSecret sits right after ClientId.
  auto it = generated.begin();
  std::advance(it, 3);
  CHECK(it.key() == "ClientSecret");
  CHECK(describe_client(s, pool, generated["ClientId"].get<std::string>())["ClientSecret"] == secret);

  const std::string mine = "my_own+secret_0123456789abc";
  CHECK(s.ok("CreateUserPoolClient", {{"UserPoolId", pool}, {"ClientName", "own"}, {"ClientSecret", mine},
                                      {"GenerateSecret", false}})["UserPoolClient"]["ClientSecret"] == mine);
  CHECK_FALSE(s.ok("CreateUserPoolClient", {{"UserPoolId", pool}, {"ClientName", "public"}, {"GenerateSecret", false}})["UserPoolClient"]
                  .contains("ClientSecret"));
}

TEST_CASE("CreateUserPoolClient stores every setting it is given, in DescribeUserPoolClient's order") {
  Sandbox s;
  const std::string pool = s.create_pool({{"Schema", {{{"Name", "email"}, {"Required", true}}, {{"Name", "team"}}}}});
  const Json settings = {
      {"RefreshTokenValidity", 10},
      {"AccessTokenValidity", 30},
      {"IdTokenValidity", 2},
      {"TokenValidityUnits", {{"AccessToken", "minutes"}, {"IdToken", "hours"}, {"RefreshToken", "days"}}},
      {"ReadAttributes", {"email", "email_verified", "custom:team"}},
      {"WriteAttributes", {"email", "custom:team"}},
      {"ExplicitAuthFlows", {"ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"}},
      {"SupportedIdentityProviders", {"COGNITO"}},
      {"CallbackURLs", {"https://app.example.com/callback", "http://localhost:3000/cb", "http://127.0.0.1/cb", "http://[::1]/cb", "myapp://callback"}},
      {"LogoutURLs", {"https://app.example.com/bye"}},
      {"DefaultRedirectURI", "https://app.example.com/callback"},
      {"AllowedOAuthFlows", {"code", "implicit"}},
      {"AllowedOAuthScopes", {"openid", "email", "phone", "profile", "aws.cognito.signin.user.admin"}},
      {"AllowedOAuthFlowsUserPoolClient", true},
      {"AnalyticsConfiguration", {{"ApplicationId", "abc"}, {"UserDataShared", false}}},
      {"PreventUserExistenceErrors", "ENABLED"},
      {"EnableTokenRevocation", false},
      {"EnablePropagateAdditionalUserContextData", true},
      {"AuthSessionValidity", 15},
      {"RefreshTokenRotation", {{"Feature", "DISABLED"}}}};
  Json request = {{"UserPoolId", pool}, {"ClientName", "full"}};
  request.update(settings);
  const Json created = s.ok("CreateUserPoolClient", request)["UserPoolClient"];
  Json expected = {{"UserPoolId", pool}, {"ClientName", "full"}, {"ClientId", created["ClientId"]},
                   {"LastModifiedDate", kStartSeconds}, {"CreationDate", kStartSeconds}};
  expected.update(settings);
  CHECK(created == expected);
  CHECK(last_event(s)["Rules"] == Json::array());  // nothing left to a default worth noting
}

TEST_CASE("A client's token validities, in their units, are the lifetimes of the tokens it issues") {
  Sandbox s;
  const std::string pool = s.create_pool();
  s.add_user(pool, "ann");
  const std::string client = s.create_client(pool, {{"AccessTokenValidity", 10}, {"IdTokenValidity", 2},
                                                    {"TokenValidityUnits", {{"AccessToken", "minutes"}}}});
  const Json described = describe_client(s, pool, client);
  CHECK(described["AccessTokenValidity"] == 10);
  CHECK(described["IdTokenValidity"] == 2);
  CHECK(described["TokenValidityUnits"] == Json{{"AccessToken", "minutes"}});
  const Json tokens = s.password_sign_in(client, "ann", "Passw0rd!").body["AuthenticationResult"];
  CHECK(tokens["ExpiresIn"] == 600);
  CHECK(lifetime_of(tokens["AccessToken"]) == 600);
  CHECK(lifetime_of(tokens["IdToken"]) == 7200);  // no unit given: hours
}

TEST_CASE("RefreshTokenValidity 0 means the default of 30 days") {
  Sandbox s;
  const std::string pool = s.create_pool();
  const Json client = s.ok("CreateUserPoolClient", {{"UserPoolId", pool}, {"ClientName", "c"}, {"RefreshTokenValidity", 0}})["UserPoolClient"];
  CHECK(client["RefreshTokenValidity"] == 30);
  CHECK_FALSE(client.contains("TokenValidityUnits"));
}

TEST_CASE("Legacy ExplicitAuthFlows values work on their own") {
  Sandbox s;
  const std::string pool = s.create_pool();
  s.add_user(pool, "ann");
  const std::string client = s.create_client(pool, {{"ExplicitAuthFlows", {"USER_PASSWORD_AUTH", "ADMIN_NO_SRP_AUTH"}}});
  CHECK(describe_client(s, pool, client)["ExplicitAuthFlows"] == Json::array({"USER_PASSWORD_AUTH", "ADMIN_NO_SRP_AUTH"}));
  CHECK(s.password_sign_in(client, "ann", "Passw0rd!").status == 200);
}

TEST_CASE("DescribeUserPoolClient names the unknown pool or client") {
  Sandbox s;
  const std::string pool = s.create_pool();
  const std::string other_pool = s.create_pool();
  const std::string other_client = s.create_client(other_pool);
  CHECK(failure(s, "DescribeUserPoolClient", {{"UserPoolId", kMissingPool}, {"ClientId", other_client}}) == pool_not_found(kMissingPool));
  CHECK(failure(s, "DescribeUserPoolClient", {{"UserPoolId", pool}, {"ClientId", kMissingClient}}) == client_not_found(kMissingClient));
  // A client of another pool is not found in this one.
  CHECK(failure(s, "DescribeUserPoolClient", {{"UserPoolId", pool}, {"ClientId", other_client}}) == client_not_found(other_client));
  CHECK(failure(s, "DescribeUserPoolClient", {{"UserPoolId", pool}}) ==
        invalid("1 validation error detected: Value null at 'clientId' failed to satisfy constraint: Member must not be null"));
  // Client IDs are sensitive: the message does not echo them.
  CHECK(failure(s, "DescribeUserPoolClient", {{"UserPoolId", pool}, {"ClientId", "not an id!"}}) ==
        invalid("1 validation error detected: Value at 'clientId' failed to satisfy constraint: "
                "Member must satisfy regular expression pattern: [\\w+]+"));
  CHECK(failure(s, "DescribeUserPoolClient", {{"UserPoolId", pool}, {"ClientId", std::string(129, 'a')}}) ==
        invalid("1 validation error detected: Value at 'clientId' failed to satisfy constraint: "
                "Member must have length less than or equal to 128"));
  CHECK(failure(s, "DescribeUserPoolClient", {{"ClientId", other_client}}) ==
        invalid("1 validation error detected: Value null at 'userPoolId' failed to satisfy constraint: Member must not be null"));
}

TEST_CASE("UpdateUserPoolClient keeps the ID, secret, name and creation date, and moves LastModifiedDate") {
  Sandbox s;
  const std::string pool = s.create_pool();
  const Json created = s.ok("CreateUserPoolClient", {{"UserPoolId", pool}, {"ClientName", "old"}, {"GenerateSecret", true}})["UserPoolClient"];
  const std::string id = created["ClientId"].get<std::string>();
  s.advance(60s);
  const Json updated = s.ok("UpdateUserPoolClient", {{"UserPoolId", pool}, {"ClientId", id},
                                                     {"ExplicitAuthFlows", {"ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"}}})["UserPoolClient"];
  CHECK(updated["ClientId"] == id);
  CHECK(updated["ClientSecret"] == created["ClientSecret"]);
  CHECK(updated["ClientName"] == "old");
  CHECK(updated["CreationDate"] == kStartSeconds);
  CHECK(updated["LastModifiedDate"] == kStartSeconds + 60);
  CHECK(updated["ExplicitAuthFlows"] == Json::array({"ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"}));
  CHECK(describe_client(s, pool, id) == updated);

  CHECK(s.ok("UpdateUserPoolClient", {{"UserPoolId", pool}, {"ClientId", id}, {"ClientName", "renamed"}})["UserPoolClient"]["ClientName"] ==
        "renamed");
  // GenerateSecret is not an update member: a public client stays public.
  const std::string public_client = s.create_client(pool);
  CHECK_FALSE(s.ok("UpdateUserPoolClient", {{"UserPoolId", pool}, {"ClientId", public_client}, {"GenerateSecret", true}})["UserPoolClient"]
                  .contains("ClientSecret"));
}

TEST_CASE("UpdateUserPoolClient puts every setting it is not given back to its default") {
  Sandbox s;
  const std::string pool = s.create_pool({{"Schema", {{{"Name", "team"}}}}});
  const std::string id = s.create_client(pool, {{"AccessTokenValidity", 2}, {"IdTokenValidity", 2}, {"RefreshTokenValidity", 7},
                                                {"TokenValidityUnits", {{"RefreshToken", "days"}}},
                                                {"ReadAttributes", {"custom:team"}}, {"WriteAttributes", {"custom:team"}},
                                                {"CallbackURLs", {"https://example.com/cb"}}, {"AllowedOAuthFlowsUserPoolClient", true},
                                                {"AllowedOAuthFlows", {"code"}}, {"AllowedOAuthScopes", {"openid"}},
                                                {"PreventUserExistenceErrors", "ENABLED"}, {"EnableTokenRevocation", false},
                                                {"AuthSessionValidity", 10}, {"AnalyticsConfiguration", {{"ApplicationId", "a"}}}});
  s.ok("UpdateUserPoolClient", {{"UserPoolId", pool}, {"ClientId", id}});
  CHECK(last_event(s)["Rules"] ==
        Json::array({"ExplicitAuthFlows left out: the API's defaults ALLOW_REFRESH_TOKEN_AUTH, ALLOW_USER_SRP_AUTH, ALLOW_CUSTOM_AUTH",
                     "PreventUserExistenceErrors left out: LEGACY (the API's default; the console turns it ENABLED)",
                     "No ReadAttributes: the client reads the standard attributes only; custom attributes must be granted",
                     "UpdateUserPoolClient sets every setting it is not given back to its default"}));
  CHECK(describe_client(s, pool, id) == Json{{"UserPoolId", pool},
                                             {"ClientName", "app"},
                                             {"ClientId", id},
                                             {"LastModifiedDate", kStartSeconds},
                                             {"CreationDate", kStartSeconds},
                                             {"RefreshTokenValidity", 30},
                                             {"ExplicitAuthFlows", kDefaultFlows},
                                             {"AllowedOAuthFlowsUserPoolClient", false},
                                             {"PreventUserExistenceErrors", "LEGACY"},
                                             {"EnableTokenRevocation", true},
                                             {"EnablePropagateAdditionalUserContextData", false},
                                             {"AuthSessionValidity", 3}});
}

TEST_CASE("UpdateUserPoolClient names the unknown pool or client and refuses what creation refuses, changing nothing") {
  Sandbox s;
  const std::string pool = s.create_pool();
  const std::string id = s.create_client(pool, {{"AccessTokenValidity", 2}});
  const Json before = describe_client(s, pool, id);
  CHECK(failure(s, "UpdateUserPoolClient", {{"UserPoolId", kMissingPool}, {"ClientId", id}}) == pool_not_found(kMissingPool));
  CHECK(failure(s, "UpdateUserPoolClient", {{"UserPoolId", pool}, {"ClientId", kMissingClient}}) == client_not_found(kMissingClient));
  CHECK(failure(s, "UpdateUserPoolClient", {{"UserPoolId", pool}}) ==
        invalid("1 validation error detected: Value null at 'clientId' failed to satisfy constraint: Member must not be null"));
  CHECK(failure(s, "UpdateUserPoolClient", {{"UserPoolId", pool}, {"ClientId", id}, {"ReadAttributes", {"custom:nope"}}}) ==
        invalid("Invalid read attributes specified while updating a client"));
  CHECK(failure(s, "UpdateUserPoolClient", {{"UserPoolId", pool}, {"ClientId", id}, {"WriteAttributes", {"email_verified"}}}) ==
        invalid("Invalid write attributes specified while updating a client"));
  CHECK(failure(s, "UpdateUserPoolClient", {{"UserPoolId", pool}, {"ClientId", id}, {"AccessTokenValidity", 25}}) ==
        invalid("Access token validity must be between 5 minutes and 1 day."));
  CHECK(failure(s, "UpdateUserPoolClient", {{"UserPoolId", pool}, {"ClientId", id}, {"ClientName", ""}}) ==
        invalid("1 validation error detected: Value '' at 'clientName' failed to satisfy constraint: "
                "Member must have length greater than or equal to 1"));
  CHECK(failure(s, "UpdateUserPoolClient", {{"UserPoolId", pool}, {"ClientId", id}, {"AllowedOAuthFlowsUserPoolClient", true},
                                            {"AllowedOAuthFlows", {"client_credentials"}}, {"AllowedOAuthScopes", {"openid"}}}) ==
        Failure{"InvalidOAuthFlowException", "client_credentials flow can not be selected if client does not have a client secret."});
  CHECK(describe_client(s, pool, id) == before);
}

TEST_CASE("DeleteUserPoolClient removes the client and its tokens stop working") {
  Sandbox s;
  const std::string pool = s.create_pool();
  const std::string id = s.create_client(pool);
  const std::string kept = s.create_client(pool, {{"ClientName", "kept"}});
  s.add_user(pool, "ann");
  const Json tokens = s.password_sign_in(id, "ann", "Passw0rd!").body["AuthenticationResult"];
  REQUIRE(tokens.contains("AccessToken"));

  CHECK(s.ok("DeleteUserPoolClient", {{"UserPoolId", pool}, {"ClientId", id}}) == Json::object());
  CHECK(last_event(s)["Rules"] == Json::array({"Tokens the client issued are refused from now on"}));
  CHECK(failure(s, "DescribeUserPoolClient", {{"UserPoolId", pool}, {"ClientId", id}}) == client_not_found(id));
  CHECK(failure(s, "DeleteUserPoolClient", {{"UserPoolId", pool}, {"ClientId", id}}) == client_not_found(id));
  CHECK(failure(s, "GetUser", {{"AccessToken", tokens["AccessToken"]}}) == Failure{"NotAuthorizedException", "Invalid Access Token"});
  CHECK(failure(s, "InitiateAuth", {{"ClientId", id}, {"AuthFlow", "REFRESH_TOKEN_AUTH"},
                                    {"AuthParameters", {{"REFRESH_TOKEN", tokens["RefreshToken"]}}}}) == client_not_found(id));
  const Json listed = s.ok("ListUserPoolClients", {{"UserPoolId", pool}})["UserPoolClients"];
  REQUIRE(listed.size() == 1);
  CHECK(listed[0]["ClientId"] == kept);
  CHECK(failure(s, "DeleteUserPoolClient", {{"UserPoolId", kMissingPool}, {"ClientId", kept}}) == pool_not_found(kMissingPool));
  CHECK(failure(s, "DeleteUserPoolClient", {{"UserPoolId", pool}}) ==
        invalid("1 validation error detected: Value null at 'clientId' failed to satisfy constraint: Member must not be null"));
}

TEST_CASE("ListUserPoolClients pages through a pool's clients in creation order") {
  Sandbox s;
  const std::string pool = s.create_pool();
  CHECK(s.ok("ListUserPoolClients", {{"UserPoolId", pool}}) == Json{{"UserPoolClients", Json::array()}});
  const std::string a = s.create_client(pool, {{"ClientName", "a"}});
  const std::string b = s.create_client(pool, {{"ClientName", "b"}});
  const std::string c = s.create_client(pool, {{"ClientName", "c"}});
  s.create_client(s.create_pool(), {{"ClientName", "elsewhere"}});

  const Json all = s.ok("ListUserPoolClients", {{"UserPoolId", pool}});
  CHECK(all == Json{{"UserPoolClients", {{{"ClientId", a}, {"UserPoolId", pool}, {"ClientName", "a"}},
                                         {{"ClientId", b}, {"UserPoolId", pool}, {"ClientName", "b"}},
                                         {{"ClientId", c}, {"UserPoolId", pool}, {"ClientName", "c"}}}}});
  const Json first = s.ok("ListUserPoolClients", {{"UserPoolId", pool}, {"MaxResults", 2}});
  REQUIRE(first["UserPoolClients"].size() == 2);
  REQUIRE(first.contains("NextToken"));
  const Json second = s.ok("ListUserPoolClients", {{"UserPoolId", pool}, {"MaxResults", 2}, {"NextToken", first["NextToken"]}});
  REQUIRE(second["UserPoolClients"].size() == 1);
  CHECK(second["UserPoolClients"][0]["ClientId"] == c);
  CHECK_FALSE(second.contains("NextToken"));
}

TEST_CASE("ListUserPoolClients takes MaxResults from 1 to 60, its own tokens and an existing pool") {
  Sandbox s;
  const std::string pool = s.create_pool();
  s.create_client(pool);
  CHECK(failure(s, "ListUserPoolClients", {{"UserPoolId", pool}, {"MaxResults", 0}}) ==
        invalid("1 validation error detected: Value '0' at 'maxResults' failed to satisfy constraint: "
                "Member must have value greater than or equal to 1"));
  CHECK(failure(s, "ListUserPoolClients", {{"UserPoolId", pool}, {"MaxResults", 61}}) ==
        invalid("1 validation error detected: Value '61' at 'maxResults' failed to satisfy constraint: "
                "Member must have value less than or equal to 60"));
  CHECK(failure(s, "ListUserPoolClients", {{"UserPoolId", pool}, {"NextToken", "bogus"}}) == invalid("Invalid pagination token."));
  CHECK(failure(s, "ListUserPoolClients", {{"UserPoolId", kMissingPool}}) == pool_not_found(kMissingPool));
  CHECK(failure(s, "ListUserPoolClients", Json::object()) ==
        invalid("1 validation error detected: Value null at 'userPoolId' failed to satisfy constraint: Member must not be null"));
}

TEST_CASE("CreateUserPoolClient refuses a client beyond the pool's 1000, and names an unknown pool") {
  Sandbox s;
  const std::string pool = s.create_pool();
  CHECK(failure(s, "CreateUserPoolClient", {{"UserPoolId", kMissingPool}, {"ClientName", "app"}}) == pool_not_found(kMissingPool));
  // 999 clients put in place directly (1000 calls would be slow in wasm).
  UserPool* stored = s.account.find_pool(pool);
  REQUIRE(stored != nullptr);
  for (int i = 0; i < 999; ++i) {
    AppClient filler;
    filler.client_id = "filler" + std::to_string(i);
    filler.client_name = "filler";
    stored->clients.push_back(filler);
  }
  s.create_client(pool);
  CHECK(failure(s, "CreateUserPoolClient", {{"UserPoolId", pool}, {"ClientName", "one too many"}}) ==
        Failure{"LimitExceededException", "The user pool has reached its limit of 1000 app clients."});
  CHECK(stored->clients.size() == 1000);
}
