// Sign-in through a federated identity provider, end to end in the engine:
// the hosted sign-in page's button, the simulated provider's sign-in and
// consent pages, /oauth2/idpresponse, the <Provider>_<id> user Cognito makes
// and its identities claim (the reference's §7), and each check Cognito
// makes of what the provider sends.
#include "tests/core/hosted/federated.h"

using namespace userpool;
using namespace userpool::test;
using namespace std::chrono_literals;


TEST_CASE("Google: the button on the sign-in page, the provider's pages, and the Google_ user Cognito makes") {
  Federated f("Google");
  // The hosted sign-in page offers the provider beside the pool's own form.
  const HttpResponse login = f.b.follow(f.b.get(authorize_url(f.client)));
  REQUIRE(login.status == 200);
  CHECK(shows(login, "Continue with Google"));
  CHECK(shows(login, "identity_provider=Google"));
  CHECK(shows(login, "name=\"password\""));

  // authorize?identity_provider=Google goes straight to Google with Cognito's client ID there.
  const HttpResponse out = f.b.get(authorize_url(f.client, {{"identity_provider", "Google"}, {"state", "app-state"}, {"nonce", "app-nonce"}}));
  REQUIRE(out.status == 302);
  const std::string to_google = HostedBrowser::location(out);
  CHECK(to_google.starts_with("https://accounts.google.com/o/oauth2/v2/auth?"));
  CHECK(HostedBrowser::url_param(to_google, "client_id") == "g-client.apps.googleusercontent.com");
  CHECK(HostedBrowser::url_param(to_google, "redirect_uri") == kIdpResponse);
  CHECK(HostedBrowser::url_param(to_google, "scope") == "openid email profile");
  CHECK(HostedBrowser::url_param(to_google, "response_type") == "code");
  // Cognito's own state and nonce, not the app's.
  const std::string state = HostedBrowser::url_param(to_google, "state");
  CHECK_FALSE(state.empty());
  CHECK(state != "app-state");
  CHECK_FALSE(HostedBrowser::url_param(to_google, "nonce").empty());
  CHECK(HostedBrowser::url_param(to_google, "nonce") != "app-nonce");

  // The provider's page: its own look and a plain form.
  HttpResponse page = f.b.get(to_google);
  CHECK(f.b.last_operation == "SimulatedIdP.GetSignInPage");
  REQUIRE(page.status == 200);
  CHECK(shows(page, "Google (simulated)"));
  CHECK(shows(page, "type=\"email\""));
  CHECK(shows(page, "name=\"name\""));
  CHECK_FALSE(shows(page, "<script"));

  // A first sign-in asks for consent; Allow goes back to Cognito, then to the app.
  page = f.b.submit(page, {{"email", "jane@example.com"}, {"name", "Jane Doe"}});
  REQUIRE(page.status == 200);
  CHECK(shows(page, "Share your account?"));
  CHECK(shows(page, "your email address"));
  const HttpResponse back = f.b.submit(page);
  REQUIRE(back.status == 302);
  CHECK(HostedBrowser::location(back).starts_with(kIdpResponse + "?code=4%2F0A"));
  CHECK(HostedBrowser::url_param(HostedBrowser::location(back), "state") == state);
  const HttpResponse at_app = f.b.get(HostedBrowser::location(back));
  CHECK(f.b.last_operation == "HostedUI.IdpResponse");
  REQUIRE(at_app.status == 302);
  const std::string callback = HostedBrowser::location(at_app);
  CHECK(callback.starts_with(kCallback + "?code="));
  CHECK(HostedBrowser::url_param(callback, "state") == "app-state");

  // The user Cognito made.
  const std::string sub = subject(f.s, "https://accounts.google.com", "jane@example.com");
  CHECK(sub.size() == 21);
  const std::string username = "Google_" + sub;  // as the provider is named: the pool's user names are case-sensitive (the API's default)
  const Json user = f.user(username);
  CHECK(user["UserStatus"] == "EXTERNAL_PROVIDER");
  CHECK(user["Enabled"] == true);
  CHECK(f.attribute(user, "email") == "jane@example.com");
  CHECK(f.attribute(user, "name") == "Jane Doe");
  CHECK(f.attribute(user, "sub").size() == 36);
  CHECK(f.attribute(user, "sub") != sub);
  const Json identities = Json::parse(f.attribute(user, "identities"));
  REQUIRE(identities.size() == 1);
  CHECK(identities[0]["userId"] == sub);
  CHECK(identities[0]["providerName"] == "Google");
  CHECK(identities[0]["providerType"] == "Google");
  CHECK(identities[0]["issuer"].is_null());
  CHECK(identities[0]["primary"] == "true");
  CHECK(identities[0]["dateCreated"] == epoch_ms(f.s.now()));
  // Its automatic group.
  const Json groups = f.s.ok("AdminListGroupsForUser", {{"UserPoolId", f.pool}, {"Username", username}})["Groups"];
  REQUIRE(groups.size() == 1);
  CHECK(groups[0]["GroupName"] == f.pool + "_Google");

  // The tokens: the identities claim is an array, the same entry.
  const Json tokens = f.tokens(callback);
  const Json id = token_claims(tokens["id_token"]);
  CHECK(id["cognito:username"] == username);
  CHECK(id["nonce"] == "app-nonce");
  CHECK(id["email"] == "jane@example.com");
  CHECK(id["identities"].is_array());
  CHECK(id["identities"] == identities);
  CHECK(id["cognito:groups"] == Json{f.pool + "_Google"});
  CHECK(token_claims(tokens["access_token"])["username"] == username);
  // A federated user has no password: the API sign-in is not for it.
  CHECK(f.s.call("InitiateAuth", {{"ClientId", f.client}, {"AuthFlow", "USER_PASSWORD_AUTH"},
                                  {"AuthParameters", {{"USERNAME", username}, {"PASSWORD", "Passw0rd!"}}}})
            .status == 400);
}

TEST_CASE("Google: the second sign-in finds the same user, without consent, and writes the mapped attributes again") {
  Federated f("Google");
  f.tokens(f.sign_in("jane@example.com", "Jane Doe"));
  const std::string username = "Google_" + subject(f.s, "https://accounts.google.com", "jane@example.com");
  const std::string sub = f.attribute(f.user(username), "sub");
  f.s.advance(1h);

  // The provider remembers the account: a button of its own; no consent page this time.
  HttpResponse page = f.to_provider();
  CHECK(shows(page, "Jane Doe (jane@example.com)"));
  CHECK(shows(page, "Or use another account"));
  // Signed in again with another display name: the mapping writes it.
  page = f.b.submit(page, {{"email", "jane@example.com"}, {"name", "Jane Q. Doe"}});
  REQUIRE(page.status == 302);
  f.tokens(f.b.follow(page).header("Location").value_or(""));
  const Json user = f.user(username);
  CHECK(f.attribute(user, "name") == "Jane Q. Doe");
  CHECK(f.attribute(user, "sub") == sub);
  CHECK(f.user_count() == 1);
  // The identity keeps the date of its first sign-in.
  const Json identities = Json::parse(f.attribute(user, "identities"));
  CHECK(identities[0]["dateCreated"] == epoch_ms(f.s.now() - 1h));

  // A changed attribute in the pool (an admin's edit) is written over by the provider's on the next sign-in.
  f.s.ok("AdminUpdateUserAttributes", {{"UserPoolId", f.pool}, {"Username", username}, {"UserAttributes", {{{"Name", "name"}, {"Value", "Edited"}}}}});
  f.tokens(f.sign_in("jane@example.com", "Jane Q. Doe"));
  CHECK(f.attribute(f.user(username), "name") == "Jane Q. Doe");

  // Another account at the same provider is another user.
  f.tokens(f.sign_in("bob@example.com", "Bob Roe"));
  CHECK(f.user_count() == 2);
  // The automatic group, deleted, is made again at the next sign-in.
  f.s.ok("DeleteGroup", {{"UserPoolId", f.pool}, {"GroupName", f.pool + "_Google"}});
  f.tokens(f.sign_in("bob@example.com", "Bob Roe"));
  CHECK(f.s.ok("GetGroup", {{"UserPoolId", f.pool}, {"GroupName", f.pool + "_Google"}})["Group"]["GroupName"] == f.pool + "_Google");
}

TEST_CASE("A pool whose user names are case-insensitive (the console's default) makes them lower-case: google_...") {
  Federated f("Google", {{"UsernameConfiguration", {{"CaseSensitive", false}}}});
  const Json id = token_claims(f.tokens(f.sign_in("jane@example.com", "Jane Doe"))["id_token"]);
  CHECK(id["cognito:username"] == "google_" + subject(f.s, "https://accounts.google.com", "jane@example.com"));
}

TEST_CASE("Facebook: an access token, and the profile read from the Graph API with the mapped fields") {
  Federated f("Facebook");
  const HttpResponse out = f.b.get(authorize_url(f.client, {{"identity_provider", "Facebook"}}));
  const std::string to_facebook = HostedBrowser::location(out);
  CHECK(to_facebook.starts_with("https://www.facebook.com/v17.0/dialog/oauth?"));
  CHECK(HostedBrowser::url_param(to_facebook, "scope") == "public_profile, email");
  CHECK(HostedBrowser::url_param(to_facebook, "nonce").empty());  // no ID token, no nonce
  const Json tokens = f.tokens(f.sign_in("jane@example.com", "Jane Doe"));
  const std::string id = subject(f.s, "https://graph.facebook.com", "jane@example.com");
  CHECK(id.size() == 16);
  const Json claims = token_claims(tokens["id_token"]);
  CHECK(claims["cognito:username"] == "Facebook_" + id);
  CHECK(claims["identities"][0]["providerType"] == "Facebook");
  CHECK(claims["identities"][0]["userId"] == id);
  CHECK(claims["email"] == "jane@example.com");
  CHECK(claims["name"] == "Jane Doe");
}

TEST_CASE("Login with Amazon: the profile's user_id is the identity") {
  Federated f("LoginWithAmazon");
  const Json claims = token_claims(f.tokens(f.sign_in("jane@example.com", "Jane Doe"))["id_token"]);
  const std::string id = subject(f.s, "https://api.amazon.com", "jane@example.com");
  CHECK(id.starts_with("amzn1.account."));
  CHECK(claims["cognito:username"] == "LoginWithAmazon_" + id);
  CHECK(claims["identities"][0]["providerName"] == "LoginWithAmazon");
  CHECK(claims["name"] == "Jane Doe");
}

TEST_CASE("Sign in with Apple: a form post back to Cognito, and the name only with the first consent") {
  Federated f("SignInWithApple");
  HttpResponse page = f.to_provider();
  REQUIRE(page.status == 200);
  CHECK(shows(page, "Sign in with Apple (simulated)"));
  page = f.b.submit(f.b.submit(page, {{"email", "jane@example.com"}, {"name", "Jane Doe"}}));  // the sign-in, then Allow
  REQUIRE(page.status == 200);
  CHECK(shows(page, "response_mode=form_post"));
  CHECK(HostedBrowser::action(page) == kIdpResponse);
  const UrlParams posted = HostedBrowser::hidden_fields(page);
  const auto user_field = std::find_if(posted.begin(), posted.end(), [](const auto& p) { return p.first == "user"; });
  REQUIRE(user_field != posted.end());
  CHECK(Json::parse(user_field->second)["name"] == Json{{"firstName", "Jane"}, {"lastName", "Doe"}});
  const HttpResponse back = f.b.submit(page);
  CHECK(f.b.last_operation == "HostedUI.IdpResponse");
  REQUIRE(back.status == 302);
  const Json claims = token_claims(f.tokens(HostedBrowser::location(back))["id_token"]);
  const std::string id = subject(f.s, "https://appleid.apple.com", "jane@example.com");
  CHECK(claims["cognito:username"] == "SignInWithApple_" + id);
  CHECK(claims["name"] == "Jane Doe");

  // The second time Apple sends no name: the user keeps the one it has.
  page = f.b.submit(f.to_provider(), {{"email", "jane@example.com"}, {"name", "Someone Else"}});
  REQUIRE(page.status == 200);
  const UrlParams again = HostedBrowser::hidden_fields(page);
  CHECK(std::none_of(again.begin(), again.end(), [](const auto& p) { return p.first == "user"; }));
  f.tokens(f.finish(page));
  CHECK(f.attribute(f.user("SignInWithApple_" + id), "name") == "Jane Doe");
}

TEST_CASE("OIDC: the issuer a pool names is played by the sandbox; idp_identifier finds the provider") {
  Federated f("OIDC");
  const HttpResponse out = f.b.get(authorize_url(f.client, {{"idp_identifier", "example.com"}, {"login_hint", "jane@example.com"}}));
  const std::string to_idp = HostedBrowser::location(out);
  CHECK(to_idp.starts_with("https://idp.example.com/authorize?"));
  CHECK(HostedBrowser::url_param(to_idp, "login_hint") == "jane@example.com");
  HttpResponse page = f.b.get(to_idp);
  CHECK(shows(page, "idp.example.com (simulated OpenID Connect provider)"));
  CHECK(HostedBrowser::field(page, "email") == "jane@example.com");  // the hint fills the field
  const Json claims = token_claims(f.tokens(f.finish(f.b.submit(page, {{"email", "jane@example.com"}, {"name", "Jane Doe"}})))["id_token"]);
  const std::string sub = subject(f.s, "https://idp.example.com", "jane@example.com");
  CHECK(claims["cognito:username"] == "Corp_" + sub);
  CHECK(claims["identities"][0]["providerType"] == "OIDC");
  CHECK(claims["identities"][0]["providerName"] == "Corp");
  // Its keys are published where the provider says.
  const Json jwks = json_body(f.b.get("https://idp.example.com/.well-known/jwks.json"));
  CHECK(jwks["keys"].size() == 1);
}

TEST_CASE("The provider's page refuses what is not an email address, and Cancel goes back to the app with access_denied") {
  Federated f("Google");
  HttpResponse page = f.b.submit(f.to_provider(), {{"email", "not-an-email"}, {"name", "X"}});
  CHECK(page.status == 400);
  CHECK(shows(page, "Enter an email address"));
  page = f.b.submit(page, {{"email", "jane@example.com"}, {"name", "Jane"}});
  REQUIRE(shows(page, "Share your account?"));
  const std::string cancel = [&] {
    const auto at = page.body.find("<a href=\"");
    REQUIRE(at != std::string::npos);
    std::string href = page.body.substr(at + 9, page.body.find('"', at + 9) - at - 9);
    for (std::size_t amp = href.find("&amp;"); amp != std::string::npos; amp = href.find("&amp;")) href.replace(amp, 5, "&");
    return href;
  }();
  const HttpResponse back = f.b.follow(f.b.get(cancel));
  REQUIRE(back.status == 302);
  const std::string callback = HostedBrowser::location(back);
  CHECK(callback.starts_with(kCallback + "?"));
  CHECK(HostedBrowser::url_param(callback, "error") == "access_denied");
  CHECK(f.user_count() == 0);
}

TEST_CASE("A provider the app client does not offer, or the pool does not have, is not available") {
  Federated f("Google");
  for (const char* name : {"Facebook", "Nobody"}) {
    INFO(name);
    const HttpResponse r = f.b.get(authorize_url(f.client, {{"identity_provider", name}}));
    REQUIRE(r.status == 302);
    CHECK(HostedBrowser::location(r).starts_with(kCallback + "?error=invalid_request"));
    CHECK(HostedBrowser::url_param(HostedBrowser::location(r), "error_description") == "Login option is not available. Please try another one");
  }
  // A client that does not list COGNITO has no username and password form, and refuses one posted.
  const std::string social_only = f.s.create_client(f.pool, hosted_client_settings({{"SupportedIdentityProviders", {"Google"}}}));
  const HttpResponse login = f.b.follow(f.b.get(authorize_url(social_only)));
  CHECK(shows(login, "Continue with Google"));
  CHECK_FALSE(shows(login, "name=\"password\""));
}

TEST_CASE("An answer at /oauth2/idpresponse with an unknown, used or late state gets Cognito's error page") {
  Federated f("Google");
  HttpResponse page = f.b.submit(f.b.submit(f.to_provider(), {{"email", "jane@example.com"}, {"name", "Jane"}}));
  REQUIRE(page.status == 302);
  const std::string answer = HostedBrowser::location(page);
  // Replayed: the first use signs in, the second is refused.
  REQUIRE(f.b.get(answer).status == 302);
  HttpResponse again = f.b.get(answer);
  CHECK(again.status == 400);
  CHECK(shows(again, "Something went wrong"));
  // Made up.
  again = f.b.get(kIdpResponse + "?code=abc&state=made-up");
  CHECK(again.status == 400);
  CHECK(shows(again, "Something went wrong"));
  // Too late: the round trip has five minutes.
  page = f.b.submit(f.to_provider(), {{"email", "jane@example.com"}, {"name", "Jane"}});
  REQUIRE(page.status == 302);
  f.s.advance(6min);
  CHECK(shows(f.b.get(HostedBrowser::location(page)), "Something went wrong"));
  CHECK(f.user_count() == 1);
}

TEST_CASE("Cognito refuses an ID token with the wrong audience, issuer, nonce, key, signature or expiry") {
  const std::pair<const char*, const char*> cases[] = {
      {"WrongAudience", "audience"}, {"WrongIssuer", "Bad id_token issuer https://issuer.example.net"}, {"Expired", "expired"},
      {"WrongNonce", "nonce"},       {"UnknownKey", "no key of Google has the kid"},                   {"BadSignature", "signature"}};
  for (const auto& [fault, says] : cases) {
    INFO(fault);
    Federated f("Google");
    f.s.ok("SimulatedIdP.SetFault", {{"Url", "https://accounts.google.com"}, {"Fault", fault}});
    const std::string callback = f.sign_in("jane@example.com", "Jane Doe");
    CHECK(callback.starts_with(kCallback + "?error=invalid_request"));
    CHECK(HostedBrowser::url_param(callback, "error_description").find(says) != std::string::npos);
    CHECK(f.user_count() == 0);
    // Told to behave again, the provider's next token is accepted.
    f.s.ok("SimulatedIdP.SetFault", {{"Url", "https://accounts.google.com"}, {"Fault", "None"}});
    CHECK(f.sign_in("jane@example.com", "Jane Doe").starts_with(kCallback + "?code="));
  }
  Sandbox s;
  CHECK(s.error("SimulatedIdP.SetFault", {{"Url", "https://accounts.google.com"}, {"Fault", "Sometimes"}}).type == "InvalidParameterException");
  CHECK(s.error("SimulatedIdP.SetFault", {{"Url", "https://graph.facebook.com"}, {"Fault", "Expired"}}).type == "InvalidParameterException");
  CHECK(s.error("SimulatedIdP.SetFault", {{"Url", "https://nowhere.example.org"}, {"Fault", "Expired"}}).type == "ResourceNotFoundException");
}

TEST_CASE("The attribute mapping: a required attribute left unmapped, or one the client may not write, fails the sign-in") {
  SECTION("required, not mapped") {
    Federated f("Google", Json::object(), {{"AttributeMapping", {{"name", "name"}}}});
    const std::string callback = f.sign_in("jane@example.com", "Jane Doe");
    CHECK(callback.starts_with(kCallback + "?error=invalid_request"));
    CHECK(HostedBrowser::url_param(callback, "error_description") == "attributes required: [email]");
    CHECK(f.user_count() == 0);
  }
  SECTION("not writable by the client") {
    Federated f("Google");
    const std::string reader = f.s.create_client(f.pool, hosted_client_settings({{"SupportedIdentityProviders", {"Google"}},
                                                                                  {"WriteAttributes", {"email"}}}));
    f.client = reader;
    const std::string callback = f.sign_in("jane@example.com", "Jane Doe");
    CHECK(HostedBrowser::url_param(callback, "error_description") == "Invalid user attributes: name: Attribute cannot be updated.");
  }
}

TEST_CASE("The simulated providers' accounts, consents and keys are kept in the saved state") {
  Federated f("Google");
  f.tokens(f.sign_in("jane@example.com", "Jane Doe"));
  const Json saved = f.s.ok("Sandbox.ExportState", Json::object());
  INFO(saved.dump());
  const Json& google = saved["State"]["SimulatedIdentityProviders"]["Google"];
  CHECK(google["Accounts"] == Json{{{"Email", "jane@example.com"}, {"Name", "Jane Doe"}}});
  CHECK(google["Consents"].size() == 1);
  CHECK(google.contains("PrivateKey"));
  // Imported again, the provider remembers the account and its consent, and its key still verifies.
  Federated g("Google");
  g.s.ok("Sandbox.ImportState", saved);
  g.pool = f.pool;
  g.client = f.client;
  HttpResponse page = g.to_provider();
  CHECK(shows(page, "Jane Doe (jane@example.com)"));
  page = g.b.submit(page, {{"email", "jane@example.com"}, {"name", "Jane Doe"}});
  CHECK(page.status == 302);  // no consent page
  CHECK(g.finish(page).starts_with(kCallback + "?code="));
}

// The event of the hop no browser sees, kept for the inspector.
Json last_federation(Sandbox& s, const std::string& pool) {
  const Json events = s.ok("Sandbox.ListEvents", {{"UserPoolId", pool}})["Events"];
  for (auto e = events.rbegin(); e != events.rend(); ++e)
    if (e->contains("Federation")) return (*e)["Federation"];
  return nullptr;
}

TEST_CASE("The event of a federated sign-in keeps what the provider sent Cognito and what Cognito read from it") {
  SECTION("Google: its ID token and People API answer, the claims, the mapped attributes and the user") {
    Federated f("Google");
    f.tokens(f.sign_in("jane@example.com", "Jane Doe"));
    const Json record = last_federation(f.s, f.pool);
    REQUIRE(record.is_object());
    CHECK(record["ProviderName"] == "Google");
    CHECK(record["ProviderType"] == "Google");
    REQUIRE(record["Received"].size() == 2);
    CHECK(record["Received"][0]["Kind"] == "IdToken");
    CHECK(record["Received"][1]["Kind"] == "UserInfo");
    const Json google = token_claims(record["Received"][0]["Content"]);
    CHECK(google["iss"] == "https://accounts.google.com");
    CHECK(google["email"] == "jane@example.com");
    const std::string sub = subject(f.s, "https://accounts.google.com", "jane@example.com");
    CHECK(record["ProviderUserId"] == sub);
    CHECK(record["Claims"]["sub"] == sub);
    CHECK(record["Username"] == "Google_" + sub);
    CHECK(record["Mapped"].size() == 2);
    const Json email = {{"Attribute", "email"}, {"From", "email"}, {"Value", "jane@example.com"}};
    CHECK(std::find(record["Mapped"].begin(), record["Mapped"].end(), email) != record["Mapped"].end());
  }
  SECTION("Facebook: the Graph API's answer, as JSON text") {
    Federated f("Facebook");
    f.tokens(f.sign_in("jane@example.com", "Jane Doe"));
    const Json record = last_federation(f.s, f.pool);
    REQUIRE(record["Received"].size() == 1);
    CHECK(record["Received"][0]["Kind"] == "UserInfo");
    const Json info = Json::parse(record["Received"][0]["Content"].get<std::string>());
    CHECK(info["id"] == subject(f.s, "https://graph.facebook.com", "jane@example.com"));
    CHECK(info["email"] == "jane@example.com");
  }
  SECTION("SAML: the Response as posted, and a refused one is kept too") {
    Federated f("SAML");
    f.tokens(f.sign_in("jane@example.com", "Jane Doe"));
    const Json record = last_federation(f.s, f.pool);
    REQUIRE(record["Received"].size() == 1);
    CHECK(record["Received"][0]["Kind"] == "SamlResponse");
    const std::string xml = record["Received"][0]["Content"];
    CHECK(xml.find("urn:oasis:names:tc:SAML:2.0:protocol") != std::string::npos);
    CHECK(xml.find("<ds:SignatureValue>") != std::string::npos);
    CHECK(record["ProviderUserId"] == "jane@example.com");
    CHECK(record["Username"] == "Corp_jane@example.com");
  }
  SECTION("other events have none") {
    Federated f("Google");
    const Json events = f.s.ok("Sandbox.ListEvents", {{"UserPoolId", f.pool}})["Events"];
    REQUIRE_FALSE(events.empty());
    for (const Json& e : events) CHECK_FALSE(e.contains("Federation"));
  }
}

TEST_CASE("The identities claim comes even when the client's ReadAttributes do not list it, as with the console's clients") {
  Federated f("Google");
  Json client = f.s.ok("DescribeUserPoolClient", {{"UserPoolId", f.pool}, {"ClientId", f.client}})["UserPoolClient"];
  Json update = {{"UserPoolId", f.pool}, {"ClientId", f.client}, {"ReadAttributes", {"email", "name"}}};
  for (const char* k : {"ClientName", "AllowedOAuthFlowsUserPoolClient", "AllowedOAuthFlows", "AllowedOAuthScopes", "CallbackURLs",
                        "SupportedIdentityProviders"})
    if (client.contains(k)) update[k] = client[k];
  f.s.ok("UpdateUserPoolClient", update);
  const Json id = token_claims(f.tokens(f.sign_in("jane@example.com", "Jane Doe"))["id_token"]);
  REQUIRE(id["identities"].is_array());
  CHECK(id["identities"][0]["providerName"] == "Google");
  CHECK(id["email"] == "jane@example.com");
  CHECK_FALSE(id.contains("email_verified"));  // not listed: not read
}

TEST_CASE("Every provider type: the second sign-in finds the user the first made and writes its mapped attributes again") {
  for (const std::string type : {"Google", "Facebook", "LoginWithAmazon", "SignInWithApple", "OIDC", "SAML"}) {
    INFO(type);
    Federated f(type);
    const Json first = token_claims(f.tokens(f.sign_in("kim@example.com", "Kim Lee"))["id_token"]);
    const std::string username = first["cognito:username"];
    CHECK(username.starts_with(f.provider + "_"));
    CHECK(f.user(username)["UserStatus"] == "EXTERNAL_PROVIDER");
    CHECK(first["identities"][0]["providerType"] == type);
    f.s.advance(1h);
    const Json second = token_claims(f.tokens(f.sign_in("kim@example.com", "Kim B. Lee"))["id_token"]);
    CHECK(second["cognito:username"] == username);
    CHECK(second["sub"] == first["sub"]);
    CHECK(f.user_count() == 1);
    // Apple gives the name only with the first consent: the attribute keeps it.
    CHECK(f.attribute(f.user(username), "name") == (type == "SignInWithApple" ? "Kim Lee" : "Kim B. Lee"));
    CHECK(second["identities"] == first["identities"]);
  }
}
