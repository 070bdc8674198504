// The Hosted UI view, driven headlessly: the app sends its browser to the
// pool's domain, the browser signs in on the hosted page (its form posted
// as the page's frame would post it), the app at its callback exchanges the
// code with PKCE, the tokens go to the inspector, and every hop is in the
// API log; a machine client gets a client_credentials token.
#include "web/try_it/hosted_ui_panel.h"

#include <catch2/catch.hpp>
#include <regex>

#include "core/base/url.h"
#include "core/tokens/jwt.h"
#include "core/crypto/totp.h"
#include "imgui.h"
#include "tests/web/screen_text.h"
#include "tests/web/ui_harness.h"
#include "web/shell/app.h"

using namespace userpool;
using test::AppUnderTest;

namespace {

const std::string kCallback = "http://localhost:3000/callback";

// The lab pool with a domain and an app client "web" for the code grant.
struct HostedLab {
  AppUnderTest t;
  std::string pool, client;
  HostedLab() {
    pool = t.create_lab_pool().pool_id;
    t.ok("CreateUserPoolDomain", {{"UserPoolId", pool}, {"Domain", "lab-hosted"}});
    client = t.ok("CreateUserPoolClient", {{"UserPoolId", pool}, {"ClientName", "web"}, {"AllowedOAuthFlowsUserPoolClient", true},
                                           {"AllowedOAuthFlows", {"code", "implicit"}}, {"AllowedOAuthScopes", {"openid", "email"}},
                                           {"CallbackURLs", {kCallback}}, {"SupportedIdentityProviders", {"COGNITO"}}})["UserPoolClient"]["ClientId"];
    t.ok("AdminCreateUser", {{"UserPoolId", pool}, {"Username", "jane@example.com"}, {"MessageAction", "SUPPRESS"},
                             {"UserAttributes", {{{"Name", "email"}, {"Value", "jane@example.com"}}, {{"Name", "name"}, {"Value", "Jane"}},
                                                 {{"Name", "email_verified"}, {"Value", "true"}}}}});
    t.ok("AdminSetUserPassword", {{"UserPoolId", pool}, {"Username", "jane@example.com"}, {"Password", "Passw0rd!"}, {"Permanent", true}});
    REQUIRE(t.click("nav.hosted_ui"));
    t.app->hosted_ui().choose(pool, client);
    t.frames(1);
  }
  HostedUiBrowser& browser() { return t.app->hosted_ui().browser(); }
  // A field's value on the browser's page.
  std::string field(const std::string& name) {
    std::smatch m;
    const std::string& page = browser().page();
    REQUIRE(std::regex_search(page, m, std::regex("name=\"" + name + "\" value=\"([^\"]*)\"")));
    return m[1].str();
  }
  std::string action() {
    std::smatch m;
    const std::string& page = browser().page();
    REQUIRE(std::regex_search(page, m, std::regex("<form method=\"post\" action=\"([^\"]*)\"")));
    return std::regex_replace(m[1].str(), std::regex("&amp;"), "&");
  }
};

}  // namespace

TEST_CASE("Hosted UI: sign in through the pool's domain, the app exchanges the code with PKCE, the tokens open in the inspector") {
  HostedLab h;
  REQUIRE(h.t.click("hosted.start"));
  REQUIRE(h.browser().active());
  CHECK(h.browser().url().starts_with("https://lab-hosted.auth.us-east-1.amazoncognito.com/login?"));
  CHECK(h.browser().status() == 200);
  CHECK(h.browser().page().find("Sign in with your username and password") != std::string::npos);
  // The frame posts the form (the browser build catches the submit; here the test does).
  h.browser().navigate("POST", h.action(), "username=jane%40example.com&password=Passw0rd%21&_csrf=" + h.field("_csrf"));
  h.t.frames(1);
  REQUIRE(h.browser().at_app());
  const AppCallback& c = *h.browser().callback();
  CHECK(c.url.starts_with(kCallback + "?code="));
  CHECK(c.state_matches);
  CHECK(c.token_status == 200);
  CHECK(c.token_request["code_verifier"] == h.browser().code_verifier());
  CHECK(c.tokens.contains("id_token"));
  // Every hop went through the door: the API log lists the hosted UI's operations.
  std::vector<std::string> operations;
  for (const auto& e : h.t.app->api().log()) operations.push_back(e.operation);
  for (const char* op : {"HostedUI.Authorize", "HostedUI.GetLoginPage", "HostedUI.Login", "HostedUI.Token"})
    CHECK(std::find(operations.begin(), operations.end(), op) != operations.end());
  CHECK(h.browser().hops().size() >= 5);
  REQUIRE(h.t.click("hosted.app.inspect"));
  CHECK(h.t.app->context().view == web::View::kTokens);
  CHECK(h.t.app->context().session.access_token == c.tokens["access_token"]);
  // Signing in again: the session cookie makes it silent.
  REQUIRE(h.t.click("nav.hosted_ui"));
  REQUIRE(h.t.click("hosted.start"));
  CHECK(h.browser().at_app());
}

TEST_CASE("Hosted UI: a pool without a domain says what to do; Back returns to the previous page") {
  HostedLab h;
  h.t.ok("DeleteUserPoolDomain", {{"UserPoolId", h.pool}, {"Domain", "lab-hosted"}});
  h.t.frames(2);
  REQUIRE(h.t.click("hosted.start"));
  CHECK_FALSE(h.browser().active());
  CHECK(h.t.app->hosted_ui().error().find("no domain") != std::string::npos);
  h.t.ok("CreateUserPoolDomain", {{"UserPoolId", h.pool}, {"Domain", "lab-hosted"}});
  h.t.frames(2);
  REQUIRE(h.t.click("hosted.start"));
  const std::string login = h.browser().url();
  h.browser().navigate("GET", login.substr(0, login.find("/login")) + "/signup" + login.substr(login.find('?')));
  CHECK(h.browser().page().find("Sign up with a new account") != std::string::npos);
  REQUIRE(h.t.click("hosted.back"));
  CHECK(h.browser().url() == login);
}

TEST_CASE("Hosted UI: a machine client gets a client_credentials token with its custom scope") {
  HostedLab h;
  h.t.ok("CreateResourceServer", {{"UserPoolId", h.pool}, {"Identifier", "orders"}, {"Name", "Orders"},
                                  {"Scopes", {{{"ScopeName", "read"}, {"ScopeDescription", "Read"}}}}});
  const std::string worker = h.t.ok("CreateUserPoolClient", {{"UserPoolId", h.pool}, {"ClientName", "worker"}, {"GenerateSecret", true},
                                                             {"AllowedOAuthFlowsUserPoolClient", true}, {"AllowedOAuthFlows", {"client_credentials"}},
                                                             {"AllowedOAuthScopes", {"orders/read"}}})["UserPoolClient"]["ClientId"];
  h.t.app->hosted_ui().choose(h.pool, worker);
  h.t.frames(1);
  CHECK_FALSE(h.t.shown("hosted.start"));
  REQUIRE(h.t.click("hosted.machine"));
  const Json& answer = h.t.app->hosted_ui().machine_token();
  CHECK(answer.contains("access_token"));
  CHECK_FALSE(answer.contains("id_token"));
  CHECK(h.t.shown("hosted.machine.answer"));
}

TEST_CASE("Try it offers the hosted UI for a client that uses it: the button opens the Hosted UI view at the sign-in page") {
  HostedLab h;
  REQUIRE(h.t.click("nav.try_it"));
  // The lab's own client has no OAuth settings: no hosted UI button.
  CHECK_FALSE(h.t.shown("tryit.hosted.sign_in"));
  REQUIRE(h.t.click("tryit.client"));
  REQUIRE(h.t.click("tryit.client." + h.client));
  REQUIRE(h.t.click("tryit.hosted.sign_in"));
  CHECK(h.t.app->context().view == web::View::kHostedUi);
  REQUIRE(h.browser().active());
  CHECK(h.browser().page().find("name=\"username\"") != std::string::npos);  // the sign-in form
}

TEST_CASE("Inbox: a verification email's link opens on the pool's domain in the Hosted UI view and confirms the user") {
  HostedLab h;
  h.t.ok("UpdateUserPool", {{"UserPoolId", h.pool}, {"AutoVerifiedAttributes", {"email"}},
                            {"VerificationMessageTemplate", {{"DefaultEmailOption", "CONFIRM_WITH_LINK"}}}});
  h.t.ok("SignUp", {{"ClientId", h.client}, {"Username", "lin@example.com"}, {"Password", "Passw0rd!"},
                    {"UserAttributes", {{{"Name", "email"}, {"Value", "lin@example.com"}}, {{"Name", "name"}, {"Value", "Lin"}}}}});
  REQUIRE(h.t.click("nav.inbox"));
  h.t.frames(1);
  std::string link_button;
  for (const auto& [name, rect] : web::widget_registry().all())
    if (name.starts_with("inbox.link.")) link_button = name;
  REQUIRE_FALSE(link_button.empty());
  REQUIRE(h.t.click(link_button));
  CHECK(h.t.app->context().view == web::View::kHostedUi);
  CHECK(h.browser().page().find("Your registration has been confirmed!") != std::string::npos);
  CHECK(h.t.ok("AdminGetUser", {{"UserPoolId", h.pool}, {"Username", "lin@example.com"}})["UserStatus"] == "CONFIRMED");
}

TEST_CASE("Hosted UI with MFA required: the authenticator takes the set-up page's key, its code signs the user in") {
  HostedLab h;
  h.t.ok("SetUserPoolMfaConfig", {{"UserPoolId", h.pool}, {"MfaConfiguration", "ON"}, {"SoftwareTokenMfaConfiguration", {{"Enabled", true}}}});
  REQUIRE(h.t.click("hosted.start"));
  const std::string form = "username=" + url_encode("jane@example.com") + "&password=" + url_encode("Passw0rd!") + "&_csrf=" + h.field("_csrf");
  h.browser().navigate("POST", h.action(), form);
  h.t.frames(2);
  REQUIRE(h.browser().page().find("Set up an authenticator app") != std::string::npos);
  CHECK(h.t.shown("hosted.totp.copy"));
  const std::string secret = h.field("secret");
  const std::string code = totp_code_now(secret, h.t.account.clock.now());
  // The code the app shows is the one to type: Copy puts it on the clipboard.
  REQUIRE(h.t.click("hosted.totp.copy"));
  CHECK(std::string(ImGui::GetClipboardText()) == code);
  const std::string answer = "code=" + code + "&friendlyDeviceName=phone&secret=" + secret + "&challenge=MFA_SETUP&session=" +
                             url_encode(h.field("session")) + "&username=" + url_encode(h.field("username")) + "&_csrf=" + h.field("_csrf");
  h.browser().navigate("POST", h.action(), answer);
  h.t.frames(2);
  CHECK(h.browser().at_app());
}

TEST_CASE("In the Hosted UI view notices hang from the header, above the hosted page's frame; elsewhere they sit at the bottom") {
  HostedLab h;
  const auto notice_top = [&] {
    h.t.frames(1);
    for (const test::TextRun& r : test::read_screen_text())
      if (r.text.find("A notice for the test") != std::string::npos) return r.y0;
    return -1.0f;
  };
  h.t.app->context().notify("A notice for the test");
  const float in_hosted_view = notice_top();
  CHECK(in_hosted_view > 0);
  CHECK(in_hosted_view < 720 * 0.25f);
  REQUIRE(h.t.click("nav.inbox"));
  h.t.app->context().notify("A notice for the test");
  CHECK(notice_top() > 720 * 0.75f);
}

TEST_CASE("Hosted UI: Continue with Google goes to the simulated Google's pages in the same browser, and back to the app as a Google_ user") {
  HostedLab h;
  h.t.ok("CreateIdentityProvider", {{"UserPoolId", h.pool}, {"ProviderName", "Google"}, {"ProviderType", "Google"},
                                    {"ProviderDetails", {{"client_id", "g-client"}, {"client_secret", "g-secret"}, {"authorize_scopes", "openid email profile"}}},
                                    {"AttributeMapping", {{"email", "email"}, {"name", "name"}}}});
  const Json client = h.t.ok("DescribeUserPoolClient", {{"UserPoolId", h.pool}, {"ClientId", h.client}})["UserPoolClient"];
  Json update = {{"UserPoolId", h.pool}, {"ClientId", h.client}};
  for (const char* k : {"AllowedOAuthFlowsUserPoolClient", "AllowedOAuthFlows", "AllowedOAuthScopes", "CallbackURLs"}) update[k] = client[k];
  update["SupportedIdentityProviders"] = {"COGNITO", "Google"};
  h.t.ok("UpdateUserPoolClient", update);
  REQUIRE(h.t.click("hosted.start"));
  const std::string& login = h.browser().page();
  const auto at = login.find("<a class=\"idpButton-customizable\" href=\"");
  REQUIRE(at != std::string::npos);
  const auto start = at + std::string("<a class=\"idpButton-customizable\" href=\"").size();
  const std::string button = std::regex_replace(login.substr(start, login.find('"', start) - start), std::regex("&amp;"), "&");
  // The frame follows the link (the browser build catches the click; here the test does).
  h.browser().navigate("GET", button);
  h.t.frames(1);
  CHECK(h.browser().url().starts_with("https://accounts.google.com/o/oauth2/v2/auth?"));
  CHECK(h.browser().page().find("Google (simulated)") != std::string::npos);
  h.browser().navigate("POST", h.action(), "step=signin&email=jane.g%40example.com&name=Jane+G");
  CHECK(h.browser().page().find("Share your account?") != std::string::npos);
  h.browser().navigate("POST", h.action(), "step=consent&email=jane.g%40example.com&name=Jane+G");
  h.t.frames(1);
  REQUIRE(h.browser().at_app());
  const AppCallback& c = *h.browser().callback();
  CHECK(c.state_matches);
  REQUIRE(c.token_status == 200);
  const auto id = decode_jwt(c.tokens["id_token"].get<std::string>());
  REQUIRE(id);
  CHECK(id->payload["cognito:username"].get<std::string>().starts_with("Google_"));
  CHECK(id->payload["identities"][0]["providerName"] == "Google");
  // The hops name who was asked: Cognito, then Google's host, then Cognito again at /oauth2/idpresponse.
  std::vector<std::string> to;
  for (const auto& hop : h.browser().hops()) to.push_back(hop.to);
  CHECK(std::find(to.begin(), to.end(), "accounts.google.com") != to.end());
  CHECK(h.browser().hops().back().to == "Cognito");
  // The inspector shows, beside Cognito's tokens, the ID token Google sent
  // Cognito on the back channel, and what each of its claims became.
  REQUIRE(h.t.click("hosted.app.inspect"));
  REQUIRE(h.t.app->context().view == web::View::kTokens);
  REQUIRE(h.t.click("tokens.provider.copy.0"));
  const auto google = decode_jwt(test::clipboard());
  REQUIRE(google);
  CHECK(google->payload["iss"] == "https://accounts.google.com");
  CHECK(google->payload["email"] == "jane.g@example.com");
  CHECK(test::screen_shows("What Google sent Cognito"));
  REQUIRE(h.t.click("tokens.provider.copy.1"));
  CHECK(Json::parse(test::clipboard())["email"] == "jane.g@example.com");
  REQUIRE(h.t.ui.reveal("tokens.provider.steps", h.t.draw()));
  h.t.frames(1);
  CHECK(test::screen_shows("What Cognito made of it"));
  CHECK(test::screen_shows("In the user pool"));
  CHECK(test::screen_shows("not mapped"));
  // The Flow view draws the provider's lifeline.
  REQUIRE(h.t.click("nav.flow"));
  h.t.frames(2);
  CHECK(test::screen_shows("Identity provider"));
}

TEST_CASE("Hosted UI through a SAML provider: the inspector shows the signed Response the browser posted, laid out, and the NameID") {
  HostedLab h;
  h.t.ok("CreateIdentityProvider", {{"UserPoolId", h.pool}, {"ProviderName", "Corp"}, {"ProviderType", "SAML"},
                                    {"ProviderDetails", {{"MetadataURL", "https://idp.example.com/saml/metadata"}}},
                                    {"AttributeMapping", {{"email", "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress"},
                                                          {"name", "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name"}}}});
  const Json client = h.t.ok("DescribeUserPoolClient", {{"UserPoolId", h.pool}, {"ClientId", h.client}})["UserPoolClient"];
  Json update = {{"UserPoolId", h.pool}, {"ClientId", h.client}};
  for (const char* k : {"AllowedOAuthFlowsUserPoolClient", "AllowedOAuthFlows", "AllowedOAuthScopes", "CallbackURLs"}) update[k] = client[k];
  update["SupportedIdentityProviders"] = {"Corp"};
  h.t.ok("UpdateUserPoolClient", update);
  REQUIRE(h.t.click("hosted.start"));
  // The sign-in page offers the provider alone; its button goes to the provider's sign-on service.
  const std::string& login = h.browser().page();
  CHECK(login.find("name=\"password\"") == std::string::npos);
  const std::string anchor = "<a class=\"idpButton-customizable\" href=\"";
  const auto at = login.find(anchor);
  REQUIRE(at != std::string::npos);
  const auto start = at + anchor.size();
  h.browser().navigate("GET", std::regex_replace(login.substr(start, login.find('"', start) - start), std::regex("&amp;"), "&"));
  REQUIRE(h.browser().url().starts_with("https://idp.example.com/saml/sso?SAMLRequest="));
  h.browser().navigate("POST", h.action(), "step=signin&email=sam%40corp.example&name=Sam+Corp");
  // The provider's page posts the Response to Cognito's ACS URL.
  const std::string post = "SAMLResponse=" + url_encode(h.field("SAMLResponse")) + "&RelayState=" + url_encode(h.field("RelayState"));
  REQUIRE(h.action().ends_with("/saml2/idpresponse"));
  h.browser().navigate("POST", h.action(), post);
  h.t.frames(1);
  REQUIRE(h.browser().at_app());
  INFO(h.browser().callback()->url << " " << h.browser().callback()->error_description);
  REQUIRE(h.browser().callback()->token_status == 200);
  REQUIRE(h.t.click("hosted.app.inspect"));
  REQUIRE(h.t.click("tokens.provider.copy.0"));
  const std::string xml = test::clipboard();
  CHECK(xml.find("<saml:NameID") != std::string::npos);
  CHECK(xml.find("sam@corp.example") != std::string::npos);
  CHECK(test::screen_shows("What Corp sent Cognito"));
  CHECK(test::screen_shows("SAML Response"));
  // Below the Response, what Cognito read from it; below that, its steps.
  REQUIRE(h.t.ui.reveal("tokens.provider.steps", h.t.draw()));
  h.t.frames(1);
  CHECK(test::screen_shows("NameID"));
  // Attribute names are URIs, wrapped in their column.
  CHECK(test::screen_text().find("emailaddress") != std::string::npos);
  // Cognito's steps, as the API log has them.
  REQUIRE(h.t.click("tokens.provider.steps"));
  REQUIRE(h.t.ui.reveal("tokens.copy.refresh", h.t.draw()));  // the card below
  h.t.frames(1);
  CHECK(test::screen_text().find("The assertion is signed by a certificate in Corp's metadata") != std::string::npos);

  // The Users page names each user's provider: Corp for the user the sign-in
  // made, Cognito for the pool's own, with the identities linked to them.
  // In a pool with email as the user name, the user's name is its sub.
  const std::string jane = h.t.ok("AdminGetUser", {{"UserPoolId", h.pool}, {"Username", "jane@example.com"}})["Username"];
  h.t.ok("AdminLinkProviderForUser", {{"UserPoolId", h.pool},
                                      {"DestinationUser", {{"ProviderName", "Cognito"}, {"ProviderAttributeValue", jane}}},
                                      {"SourceUser", {{"ProviderName", "Corp"}, {"ProviderAttributeName", "Cognito_Subject"},
                                                      {"ProviderAttributeValue", "jane@corp.example"}}}});
  REQUIRE(h.t.click("nav.pool." + h.pool));
  REQUIRE(h.t.click("pool.tab.users"));
  h.t.frames(1);
  const std::string screen = test::screen_text();
  CHECK(screen.find("Identity provider") != std::string::npos);
  CHECK(screen.find("Cognito (linked: Corp)") != std::string::npos);
  CHECK(screen.find("Corp_sam@corp.example sam@corp.example Corp") != std::string::npos);
  CHECK(screen.find("EXTERNAL_PROVIDER") != std::string::npos);
}

TEST_CASE("Hosted UI: a callback URL the client does not list gets Cognito's redirect_mismatch page, never a redirect") {
  HostedLab h;
  REQUIRE(h.t.click("hosted.redirect"));
  REQUIRE(h.t.click("hosted.redirect.unregistered"));
  h.t.frames(1);
  CHECK(test::screen_text().find("Cognito will show its error page (redirect_mismatch)") != std::string::npos);
  REQUIRE(h.t.click("hosted.start"));
  CHECK_FALSE(h.browser().at_app());
  CHECK(h.browser().url().find("/error?") != std::string::npos);
  CHECK(h.browser().page().find("redirect_mismatch") != std::string::npos);
  CHECK(h.browser().status() == 400);
}
