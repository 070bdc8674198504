// The endpoints apps call (Developer Guide: "Token endpoint", "UserInfo
// endpoint", "Revoke endpoint"): client_credentials with custom scopes,
// refreshing, userInfo by scope, revocation.
#include "core/base/encoding.h"
#include "core/tokens/jwt.h"
#include "tests/core/hosted/hosted_browser.h"

using namespace userpool;
using namespace userpool::test;
using namespace std::chrono_literals;

namespace {

// A pool with the domain, a resource server "https://api.example.com" with
// photos.read and photos.write, and a confidential machine client.
struct Machines {
  Sandbox s;
  std::string pool = hosted_pool(s);
  std::string id, secret;
  HostedBrowser b{s};
  Machines() {
    s.ok("CreateResourceServer", {{"UserPoolId", pool}, {"Identifier", "https://api.example.com"}, {"Name", "Photos"},
                                  {"Scopes", {{{"ScopeName", "photos.read"}, {"ScopeDescription", "Read"}},
                                              {{"ScopeName", "photos.write"}, {"ScopeDescription", "Write"}}}}});
    const Json c = s.ok("CreateUserPoolClient", {{"UserPoolId", pool}, {"ClientName", "worker"}, {"GenerateSecret", true},
                                                 {"AllowedOAuthFlowsUserPoolClient", true}, {"AllowedOAuthFlows", {"client_credentials"}},
                                                 {"AllowedOAuthScopes", {"https://api.example.com/photos.read", "https://api.example.com/photos.write"}}})["UserPoolClient"];
    id = c["ClientId"];
    secret = c["ClientSecret"];
  }
  std::string basic() const { return "Basic " + base64_encode(to_bytes(id + ":" + secret)); }
};

struct SignedIn {
  Sandbox s;
  std::string pool = hosted_pool(s);
  std::string client = s.create_client(pool, hosted_client_settings());
  HostedBrowser b{s};
  Json tokens;
  explicit SignedIn(const std::string& scope = "openid email profile aws.cognito.signin.user.admin") {
    s.add_user(pool, "jane", attrs({{"email", "jane@example.com"}, {"email_verified", "true"}, {"name", "Jane Doe"},
                                    {"phone_number", "+15555550100"}}));
    const std::string callback = hosted_sign_in(b, client, "jane", "Passw0rd!", {{"scope", scope}});
    tokens = json_body(b.post("/oauth2/token", {{"grant_type", "authorization_code"}, {"client_id", client},
                                              {"code", HostedBrowser::url_param(callback, "code")}, {"redirect_uri", kCallback}}));
  }
  std::string bearer() const { return "Bearer " + tokens["access_token"].get<std::string>(); }
};

}  // namespace

TEST_CASE("client_credentials gives the app itself an access token with custom scopes only") {
  Machines m;
  const HttpResponse r = m.b.post("/oauth2/token", {{"grant_type", "client_credentials"}, {"scope", "https://api.example.com/photos.read"}}, m.basic());
  REQUIRE(r.status == 200);
  const Json body = json_body(r);
  CHECK(keys(body) == std::set<std::string>{"access_token", "expires_in", "token_type"});
  const Json c = token_claims(body["access_token"]);
  CHECK(c["sub"] == m.id);
  CHECK(c["client_id"] == m.id);
  CHECK(c["token_use"] == "access");
  CHECK(c["scope"] == "https://api.example.com/photos.read");
  CHECK(c["version"] == 2);
  CHECK_FALSE(c.contains("username"));
  CHECK_FALSE(c.contains("cognito:groups"));
  // No scope asked: every scope the client allows.
  const Json all = json_body(m.b.post("/oauth2/token", {{"grant_type", "client_credentials"}}, m.basic()));
  CHECK(token_claims(all["access_token"])["scope"] == "https://api.example.com/photos.read https://api.example.com/photos.write");
  // The secret in the body works too.
  CHECK(m.b.post("/oauth2/token", {{"grant_type", "client_credentials"}, {"client_id", m.id}, {"client_secret", m.secret}}).status == 200);
}

TEST_CASE("client_credentials refuses other scopes, a wrong secret and clients that do not allow it") {
  Machines m;
  CHECK(json_body(m.b.post("/oauth2/token", {{"grant_type", "client_credentials"}, {"scope", "openid"}}, m.basic())) ==
        Json{{"error", "invalid_scope"}});
  CHECK(json_body(m.b.post("/oauth2/token", {{"grant_type", "client_credentials"}, {"scope", "https://api.example.com/photos.delete"}}, m.basic())) ==
        Json{{"error", "invalid_scope"}});
  CHECK(json_body(m.b.post("/oauth2/token", {{"grant_type", "client_credentials"}},
                         "Basic " + base64_encode(to_bytes(m.id + ":not-the-secret")))) == Json{{"error", "invalid_client"}});
  // A client with a secret that only does the code grant.
  Json settings = hosted_client_settings({{"UserPoolId", m.pool}, {"ClientName", "web"}, {"GenerateSecret", true}});
  const Json web = m.s.ok("CreateUserPoolClient", settings)["UserPoolClient"];
  CHECK(json_body(m.b.post("/oauth2/token", {{"grant_type", "client_credentials"}},
                         "Basic " + base64_encode(to_bytes(web["ClientId"].get<std::string>() + ":" + web["ClientSecret"].get<std::string>())))) ==
        Json{{"error", "unauthorized_client"}});
  // A scope whose definition was removed is left out; with nothing left, invalid_scope.
  m.s.ok("UpdateResourceServer", {{"UserPoolId", m.pool}, {"Identifier", "https://api.example.com"}, {"Name", "Photos"},
                                  {"Scopes", {{{"ScopeName", "photos.write"}, {"ScopeDescription", "Write"}}}}});
  CHECK(token_claims(json_body(m.b.post("/oauth2/token", {{"grant_type", "client_credentials"}}, m.basic()))["access_token"])["scope"] ==
        "https://api.example.com/photos.write");
  CHECK(json_body(m.b.post("/oauth2/token", {{"grant_type", "client_credentials"}, {"scope", "https://api.example.com/photos.read"}}, m.basic())) ==
        Json{{"error", "invalid_scope"}});
}

TEST_CASE("The refresh_token grant keeps the sign-in's scopes") {
  SignedIn h("openid email");
  const HttpResponse r = h.b.post("/oauth2/token", {{"grant_type", "refresh_token"}, {"client_id", h.client}, {"refresh_token", h.tokens["refresh_token"]}});
  REQUIRE(r.status == 200);
  const Json body = json_body(r);
  CHECK_FALSE(body.contains("refresh_token"));  // no rotation configured
  CHECK(token_claims(body["access_token"])["scope"] == "openid email");
  CHECK(token_claims(body["id_token"])["auth_time"] == token_claims(h.tokens["id_token"])["auth_time"]);
  CHECK(json_body(h.b.post("/oauth2/token", {{"grant_type", "refresh_token"}, {"client_id", h.client}, {"refresh_token", "garbage"}})) ==
        Json{{"error", "invalid_grant"}});
  CHECK(json_body(h.b.post("/oauth2/token", {{"grant_type", "refresh_token"}, {"client_id", h.client}})) == Json{{"error", "invalid_request"}});
}

TEST_CASE("userInfo answers by the token's scopes, with the verification flags as strings") {
  SignedIn all("openid");
  const Json everything = json_body(all.b.get("/oauth2/userInfo", all.bearer()));
  CHECK(everything["email"] == "jane@example.com");
  CHECK(everything["email_verified"] == "true");
  CHECK(everything["name"] == "Jane Doe");
  CHECK(everything["phone_number"] == "+15555550100");
  CHECK(everything["username"] == "jane");
  CHECK(everything.contains("sub"));

  SignedIn email("openid email");
  const Json narrowed = json_body(email.b.get("/oauth2/userInfo", email.bearer()));
  CHECK(narrowed["email"] == "jane@example.com");
  CHECK_FALSE(narrowed.contains("name"));
  CHECK_FALSE(narrowed.contains("phone_number"));
  // POST works too.
  CHECK(email.b.post("/oauth2/userInfo", {}, email.bearer()).status == 200);
}

TEST_CASE("userInfo refuses tokens without openid, API tokens, missing and expired tokens") {
  SignedIn h("aws.cognito.signin.user.admin");
  const HttpResponse no_openid = h.b.get("/oauth2/userInfo", h.bearer());
  CHECK(no_openid.status == 401);
  CHECK(no_openid.header("WWW-Authenticate") ==
        "error=\"invalid_token\", error_description=\"Access token is expired, disabled, or deleted, or the user has globally signed out.\"");
  const Json api = h.s.access_token(h.client, "jane");
  CHECK(h.b.get("/oauth2/userInfo", "Bearer " + api.get<std::string>()).status == 401);
  const HttpResponse missing = h.b.get("/oauth2/userInfo");
  CHECK(missing.status == 400);
  CHECK(missing.header("WWW-Authenticate") == "error=\"invalid_request\", error_description=\"Bad OAuth2 request at UserInfo Endpoint\"");
  SignedIn later("openid");
  later.s.advance(61min);
  CHECK(later.b.get("/oauth2/userInfo", later.bearer()).status == 401);
}

TEST_CASE("/oauth2/revoke revokes a refresh token and what it minted; other tokens are refused or ignored as documented") {
  SignedIn h;
  const std::string refresh = h.tokens["refresh_token"];
  CHECK(json_body(h.b.post("/oauth2/revoke", {{"token", h.tokens["access_token"]}, {"client_id", h.client}})) ==
        Json{{"error", "unsupported_token_type"}});
  // Garbage or already revoked: 200, as RFC 7009 says.
  CHECK(h.b.post("/oauth2/revoke", {{"token", "a.b.c.d.e"}, {"client_id", h.client}}).status == 200);
  const HttpResponse ok = h.b.post("/oauth2/revoke", {{"token", refresh}, {"client_id", h.client}});
  CHECK(ok.status == 200);
  CHECK(ok.body.empty());
  CHECK(h.b.post("/oauth2/revoke", {{"token", refresh}, {"client_id", h.client}}).status == 200);
  CHECK(json_body(h.b.post("/oauth2/token", {{"grant_type", "refresh_token"}, {"client_id", h.client}, {"refresh_token", refresh}})) ==
        Json{{"error", "invalid_grant"}});
  CHECK(h.b.get("/oauth2/userInfo", h.bearer()).status == 401);
  CHECK(json_body(h.b.post("/oauth2/revoke", {{"client_id", h.client}})) == Json{{"error", "invalid_request"}});
  const HttpResponse stranger = h.b.post("/oauth2/revoke", {{"token", refresh}, {"client_id", "nosuchclient0000000000000"}});
  CHECK(stranger.status == 401);
  CHECK(json_body(stranger) == Json{{"error", "invalid_client"}});
  // With token revocation off: invalid_request.
  h.s.ok("UpdateUserPoolClient", hosted_client_settings({{"UserPoolId", h.pool}, {"ClientId", h.client}, {"EnableTokenRevocation", false}}));
  CHECK(json_body(h.b.post("/oauth2/revoke", {{"token", refresh}, {"client_id", h.client}})) == Json{{"error", "invalid_request"}});
}
