// The authorization code grant through the hosted UI (Developer Guide:
// "Authorize endpoint", "Login endpoint", "Token endpoint"): the redirect
// dance with PKCE, the tokens it gives, and each error the reference lists.
#include "core/base/encoding.h"
#include "core/tokens/jwt.h"
#include "core/tokens/tokens.h"
#include "tests/core/hosted/hosted_browser.h"

using namespace userpool;
using namespace userpool::test;
using namespace std::chrono_literals;

namespace {

// A verifier and its S256 challenge, BASE64URL(SHA256(verifier)) computed
// apart from the sandbox (Python's hashlib and base64).
const std::string kVerifier = "dBjftJeZ4CVP-mJ92ZXZpcGvVlQFMANyVQF4Mw9i8sk";
const std::string kChallenge = "gpXBQ6POWGogo12ii1waJ4HAxqAPYaVO-QETkF_EaQ0";

struct Hosted {
  Sandbox s;
  std::string pool = hosted_pool(s);
  std::string client = s.create_client(pool, hosted_client_settings());
  HostedBrowser b{s};
  Hosted() { s.add_user(pool, "jane", attrs({{"email", "jane@example.com"}, {"email_verified", "true"}, {"name", "Jane Doe"}})); }

  HttpResponse exchange(const std::string& code, UrlParams extra = {}) {
    UrlParams form = {{"grant_type", "authorization_code"}, {"client_id", client}, {"code", code}, {"redirect_uri", kCallback}};
    for (auto& e : extra) form.push_back(std::move(e));
    return b.post("/oauth2/token", form);
  }
};

}  // namespace

TEST_CASE("The code grant with PKCE: authorize, the sign-in page, the callback with a code, the token endpoint") {
  Hosted h;
  // authorize sends a browser that is not signed in to the sign-in page, with the same parameters.
  const HttpResponse first = h.b.get(authorize_url(h.client, {{"state", "xyz"}, {"scope", "openid email"}, {"nonce", "n-0S6"},
                                                              {"code_challenge", kChallenge}, {"code_challenge_method", "S256"}}));
  CHECK(first.status == 302);
  CHECK(HostedBrowser::location(first).starts_with(kBase + "/login?client_id=" + h.client));
  CHECK(h.b.last_operation == "HostedUI.Authorize");
  const HttpResponse login = h.b.follow(first);
  CHECK(login.status == 200);
  CHECK(login.header("Content-Type") == "text/html;charset=UTF-8");
  CHECK(login.body.find("Sign in with your username and password") != std::string::npos);
  CHECK(login.body.find("name=\"username\"") != std::string::npos);
  CHECK(login.body.find("name=\"password\"") != std::string::npos);
  CHECK(h.b.cookies.contains("XSRF-TOKEN"));
  CHECK(HostedBrowser::field(login, "_csrf") == h.b.cookies["XSRF-TOKEN"]);
  // The form posts back to /login with the authorize parameters.
  const std::string action = HostedBrowser::action(login);
  CHECK(action.starts_with(kBase + "/login?"));
  CHECK(HostedBrowser::url_param(action, "code_challenge") == kChallenge);

  const HttpResponse signed_in = h.b.post(action, {{"username", "jane"}, {"password", "Passw0rd!"}, {"_csrf", HostedBrowser::field(login, "_csrf")}});
  REQUIRE(signed_in.status == 302);
  const std::string callback = HostedBrowser::location(signed_in);
  CHECK(callback.starts_with(kCallback + "?code="));
  CHECK(HostedBrowser::url_param(callback, "state") == "xyz");
  CHECK(h.b.cookies.contains("cognito"));
  const std::string code = HostedBrowser::url_param(callback, "code");

  const HttpResponse tokens = h.exchange(code, {{"code_verifier", kVerifier}});
  INFO(tokens.body);
  REQUIRE(tokens.status == 200);
  CHECK(tokens.header("Content-Type") == "application/json;charset=UTF-8");
  const Json body = json_body(tokens);
  CHECK(body["token_type"] == "Bearer");
  CHECK(body["expires_in"] == 3600);
  CHECK(body.contains("refresh_token"));
  const Json id = token_claims(body["id_token"]);
  const Json access = token_claims(body["access_token"]);
  CHECK(id["aud"] == h.client);
  CHECK(id["nonce"] == "n-0S6");
  CHECK(id["at_hash"] == access_token_hash(body["access_token"].get<std::string>()));
  CHECK(id["email"] == "jane@example.com");
  CHECK(id["email_verified"] == true);
  CHECK_FALSE(id.contains("event_id"));
  CHECK(access["scope"] == "openid email");
  CHECK(access["version"] == 2);
  CHECK(access["username"] == "jane");
  CHECK_FALSE(access.contains("event_id"));
  CHECK(access["auth_time"] == id["auth_time"]);

  // A code works once.
  CHECK(json_body(h.exchange(code, {{"code_verifier", kVerifier}})) == Json{{"error", "invalid_grant"}});
}

TEST_CASE("Without openid the token endpoint gives no ID token, and the access token's scope is what was granted") {
  Hosted h;
  const std::string callback = hosted_sign_in(h.b, h.client, "jane", "Passw0rd!", {{"scope", "aws.cognito.signin.user.admin"}});
  const Json body = json_body(h.exchange(HostedBrowser::url_param(callback, "code")));
  CHECK_FALSE(body.contains("id_token"));
  CHECK(token_claims(body["access_token"])["scope"] == "aws.cognito.signin.user.admin");
  // That scope lets the user call Cognito's own-profile operations with the token.
  CHECK(h.s.ok("GetUser", {{"AccessToken", body["access_token"]}})["Username"] == "jane");
  // Without a scope parameter: every scope the client allows.
  HostedBrowser fresh(h.s);
  const std::string all = hosted_sign_in(fresh, h.client, "jane", "Passw0rd!");
  CHECK(token_claims(json_body(h.exchange(HostedBrowser::url_param(all, "code")))["access_token"])["scope"] ==
        "openid email profile aws.cognito.signin.user.admin");
}

TEST_CASE("An unregistered redirect_uri gets the error page, never a redirect to it") {
  Hosted h;
  for (const std::string& uri : {std::string("https://evil.example/callback"), kCallback + "/", std::string("")}) {
    INFO(uri);
    const HttpResponse r = h.b.get(authorize_url(h.client, {{"redirect_uri", uri}}));
    CHECK(r.status == 302);
    CHECK(HostedBrowser::location(r) == kBase + "/error?error=redirect_mismatch&client_id=" + h.client);
  }
  const HttpResponse page = h.b.follow(h.b.get(authorize_url(h.client, {{"redirect_uri", "https://evil.example/"}})));
  CHECK(page.status == 400);
  CHECK(page.body.find("An error was encountered with the requested page.") != std::string::npos);
  CHECK(page.body.find("redirect_mismatch") != std::string::npos);
  // An unknown client: the error page too.
  CHECK(HostedBrowser::location(h.b.get(authorize_url("nosuchclient0000000000000"))).starts_with(kBase + "/error?error="));
}

TEST_CASE("After the redirect_uri checks, authorize errors go back to the app with the state") {
  Hosted h;
  const auto error_of = [&](UrlParams extra) {
    extra.emplace_back("state", "s1");
    const HttpResponse r = h.b.get(authorize_url(h.client, std::move(extra)));
    const std::string to = HostedBrowser::location(r);
    CHECK(to.starts_with(kCallback + "?error="));
    CHECK(HostedBrowser::url_param(to, "state") == "s1");
    return HostedBrowser::url_param(to, "error");
  };
  CHECK(error_of({{"code_challenge", kVerifier}, {"code_challenge_method", "plain"}}) == "invalid_request");
  CHECK(error_of({{"code_challenge", kChallenge}}) == "invalid_request");
  CHECK(error_of({{"response_type", "id_token"}}) == "unsupported_response_type");
  CHECK(error_of({{"scope", "openid phone"}}) == "invalid_scope");
  CHECK(error_of({{"scope", "email"}}) == "invalid_scope");  // email needs openid
  CHECK(error_of({{"prompt", "none"}}) == "login_required");
  // A client that does not allow the grant.
  const std::string machine_free = h.s.create_client(h.pool, hosted_client_settings({{"AllowedOAuthFlows", {"implicit"}}}));
  const HttpResponse r = h.b.get(authorize_url(machine_free));
  CHECK(HostedBrowser::url_param(HostedBrowser::location(r), "error") == "unauthorized_client");
}

TEST_CASE("The token endpoint refuses a wrong PKCE verifier, another redirect_uri, an expired code and unknown grants") {
  Hosted h;
  const auto code_for = [&](UrlParams extra) {
    HostedBrowser b(h.s);
    return HostedBrowser::url_param(hosted_sign_in(b, h.client, "jane", "Passw0rd!", std::move(extra)), "code");
  };
  const UrlParams pkce = {{"code_challenge", kChallenge}, {"code_challenge_method", "S256"}};
  CHECK(json_body(h.exchange(code_for(pkce), {{"code_verifier", "wrong-verifier-wrong-verifier-wrong-verifier"}})) ==
        Json{{"error", "invalid_grant"}});
  CHECK(json_body(h.exchange(code_for(pkce))) == Json{{"error", "invalid_grant"}});
  // A different redirect_uri: unauthorized_client, invalid_redirect.
  const HttpResponse other = h.b.post("/oauth2/token", {{"grant_type", "authorization_code"}, {"client_id", h.client},
                                                        {"code", code_for({})}, {"redirect_uri", "https://app.example.com/other"}});
  CHECK(other.status == 400);
  CHECK(json_body(other) == Json{{"error", "unauthorized_client"}, {"error_description", "invalid_redirect"}});
  // Codes last five minutes.
  const std::string late = code_for({});
  h.s.advance(5min + 1s);
  CHECK(json_body(h.exchange(late)) == Json{{"error", "invalid_grant"}});
  CHECK(json_body(h.exchange("not-a-code")) == Json{{"error", "invalid_grant"}});
  CHECK(json_body(h.b.post("/oauth2/token", {{"grant_type", "password"}, {"client_id", h.client}})) ==
        Json{{"error", "unsupported_grant_type"}});
  CHECK(json_body(h.b.post("/oauth2/token", {{"client_id", h.client}})) == Json{{"error", "invalid_request"}});
  CHECK(json_body(h.b.post("/oauth2/token", {{"grant_type", "authorization_code"}, {"client_id", "nosuchclient0000000000000"},
                                              {"code", "x"}})) == Json{{"error", "invalid_client"}});
  CHECK(h.b.get("/oauth2/token").status == 405);
}

TEST_CASE("A confidential client authenticates at the token endpoint with Basic or in the body") {
  Hosted h;
  Json request = hosted_client_settings({{"UserPoolId", h.pool}, {"ClientName", "server"}, {"GenerateSecret", true}});
  const Json made = h.s.ok("CreateUserPoolClient", request)["UserPoolClient"];
  const std::string id = made["ClientId"], secret = made["ClientSecret"];
  const auto code = [&] {
    HostedBrowser b(h.s);
    return HostedBrowser::url_param(hosted_sign_in(b, id, "jane", "Passw0rd!"), "code");
  };
  const UrlParams grant = {{"grant_type", "authorization_code"}, {"redirect_uri", kCallback}};
  UrlParams no_secret = grant;
  no_secret.emplace_back("client_id", id);
  no_secret.emplace_back("code", code());
  CHECK(json_body(h.b.post("/oauth2/token", no_secret)) == Json{{"error", "invalid_client"}});
  UrlParams basic = grant;
  basic.emplace_back("code", code());
  CHECK(h.b.post("/oauth2/token", basic, "Basic " + base64_encode(to_bytes(id + ":" + secret))).status == 200);
  UrlParams wrong = grant;
  wrong.emplace_back("code", code());
  CHECK(json_body(h.b.post("/oauth2/token", wrong, "Basic " + base64_encode(to_bytes(id + ":wrong")))) == Json{{"error", "invalid_client"}});
  UrlParams post = grant;
  post.emplace_back("code", code());
  post.emplace_back("client_id", id);
  post.emplace_back("client_secret", secret);
  CHECK(h.b.post("/oauth2/token", post).status == 200);
}

TEST_CASE("The session cookie signs in again silently; prompt=login asks again; logout ends it") {
  Hosted h;
  hosted_sign_in(h.b, h.client, "jane", "Passw0rd!");
  const HttpResponse again = h.b.get(authorize_url(h.client, {{"state", "2"}}));
  CHECK(again.status == 302);
  CHECK(HostedBrowser::location(again).starts_with(kCallback + "?code="));
  CHECK(HostedBrowser::url_param(HostedBrowser::location(again), "state") == "2");
  CHECK(HostedBrowser::location(h.b.get(authorize_url(h.client, {{"prompt", "login"}}))).starts_with(kBase + "/login?"));
  // The session lasts an hour.
  h.s.advance(61min);
  CHECK(HostedBrowser::location(h.b.get(authorize_url(h.client))).starts_with(kBase + "/login?"));

  hosted_sign_in(h.b, h.client, "jane", "Passw0rd!");
  CHECK(HostedBrowser::location(h.b.get("/logout?client_id=" + h.client + "&logout_uri=" + url_encode("https://evil.example/"))) ==
        kBase + "/error?error=redirect_mismatch&client_id=" + h.client);
  const HttpResponse out = h.b.get("/logout?client_id=" + h.client + "&logout_uri=" + url_encode(kSignedOut));
  CHECK(out.status == 302);
  CHECK(HostedBrowser::location(out) == kSignedOut);
  CHECK_FALSE(h.b.cookies.contains("cognito"));
  CHECK(HostedBrowser::location(h.b.get(authorize_url(h.client))).starts_with(kBase + "/login?"));
}

TEST_CASE("The implicit grant returns the tokens in the fragment, with no refresh token") {
  Hosted h;
  const std::string callback = hosted_sign_in(h.b, h.client, "jane", "Passw0rd!", {{"response_type", "token"}, {"state", "i"}});
  CHECK(callback.starts_with(kCallback + "#id_token="));
  CHECK(HostedBrowser::url_param(callback, "token_type") == "Bearer");
  CHECK(HostedBrowser::url_param(callback, "expires_in") == "3600");
  CHECK(HostedBrowser::url_param(callback, "state") == "i");
  CHECK(HostedBrowser::url_param(callback, "refresh_token").empty());
  CHECK(token_claims(HostedBrowser::url_param(callback, "access_token"))["version"] == 2);
}

TEST_CASE("The sign-in page: a wrong password, an unknown user and a forged form are refused on the page") {
  Hosted h;
  const HttpResponse login = h.b.follow(h.b.get(authorize_url(h.client)));
  const std::string action = HostedBrowser::action(login), csrf = HostedBrowser::field(login, "_csrf");
  const HttpResponse wrong = h.b.post(action, {{"username", "jane"}, {"password", "nope"}, {"_csrf", csrf}});
  CHECK(wrong.status == 200);
  CHECK(wrong.body.find("Incorrect username or password.") != std::string::npos);
  CHECK(HostedBrowser::field(wrong, "username") == "jane");
  const HttpResponse nobody = h.b.post(action, {{"username", "nobody"}, {"password", "Passw0rd!"}, {"_csrf", csrf}});
  CHECK(nobody.body.find("User does not exist.") != std::string::npos);
  // A post without the page's CSRF token is not a sign-in.
  const HttpResponse forged = h.b.post(action, {{"username", "jane"}, {"password", "Passw0rd!"}, {"_csrf", "guess"}});
  CHECK(forged.status == 200);
  CHECK(forged.body.find("Your session has expired") != std::string::npos);
  CHECK_FALSE(h.b.cookies.contains("cognito"));
}
