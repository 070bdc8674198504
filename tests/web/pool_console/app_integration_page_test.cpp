// The pool console's App integration page and the app clients' hosted UI
// settings, driven headlessly: a Cognito domain, a resource server with its
// scopes, the classic customization's CSS, and an app client turned to the
// authorization code grant with a callback URL.
#include <catch2/catch.hpp>

#include "tests/web/screen_text.h"
#include "tests/web/ui_harness.h"
#include "web/shell/app.h"

using namespace userpool;
using test::AppUnderTest;

namespace {

AppUnderTest::LabPool open_integration(AppUnderTest& t) {
  const auto lab = t.create_lab_pool();
  t.frames(1);
  REQUIRE(t.click("nav.pool." + lab.pool_id));
  REQUIRE(t.click("pool.tab.integration"));
  return lab;
}

Json pool_of(AppUnderTest& t, const std::string& id) { return t.ok("DescribeUserPool", {{"UserPoolId", id}})["UserPool"]; }

}  // namespace

TEST_CASE("App integration: create a Cognito domain, switch it to managed login, a refused prefix says why") {
  AppUnderTest t;
  const auto lab = open_integration(t);
  REQUIRE(t.type("integration.domain.prefix", "my-aws-lab"));
  REQUIRE(t.click("integration.domain.create"));
  CHECK_FALSE(pool_of(t, lab.pool_id).contains("Domain"));
  CHECK((t.app->context().notices.empty() || t.app->context().notices.back().text != "Domain created"));
  REQUIRE(t.type("integration.domain.prefix", "my-lab"));
  REQUIRE(t.click("integration.domain.create"));
  CHECK(pool_of(t, lab.pool_id)["Domain"] == "my-lab");
  CHECK(test::shown(t, "integration.domain.copy"));
  REQUIRE(t.click("integration.domain.managed"));
  CHECK(t.ok("DescribeUserPoolDomain", {{"Domain", "my-lab"}})["DomainDescription"]["ManagedLoginVersion"] == 2);
}

TEST_CASE("App integration: a resource server with scopes, then an app client allowed one for the code grant") {
  AppUnderTest t;
  const auto lab = open_integration(t);
  REQUIRE(t.type("integration.server.identifier", "orders"));
  REQUIRE(t.type("integration.server.name", "Orders"));
  REQUIRE(t.click("integration.server.create"));
  const Json server = t.ok("DescribeResourceServer", {{"UserPoolId", lab.pool_id}, {"Identifier", "orders"}})["ResourceServer"];
  CHECK(server["Scopes"].size() == 2);
  CHECK(server["Scopes"][0]["ScopeName"] == "read");
  CHECK(server["Scopes"][0]["ScopeDescription"] == "Read access");

  REQUIRE(t.click("pool.tab.clients"));
  REQUIRE(t.click("clients.edit." + lab.client_id));
  REQUIRE(t.click("clients.form.oauth"));
  REQUIRE(t.click("clients.form.oauth_flow.code"));
  REQUIRE(t.type("clients.form.scopes", "openid email orders/read"));
  REQUIRE(t.type("clients.form.callbacks", "http://localhost:3000/callback"));
  REQUIRE(t.click("clients.form.save"));
  const Json client = t.ok("DescribeUserPoolClient", {{"UserPoolId", lab.pool_id}, {"ClientId", lab.client_id}})["UserPoolClient"];
  CHECK(client["AllowedOAuthFlowsUserPoolClient"] == true);
  CHECK(client["AllowedOAuthFlows"] == Json::array({"code"}));
  CHECK(client["AllowedOAuthScopes"] == Json::array({"openid", "email", "orders/read"}));
  CHECK(client["CallbackURLs"] == Json::array({"http://localhost:3000/callback"}));
  CHECK(client["ExplicitAuthFlows"].size() == 3);  // the rest of the client kept
}

TEST_CASE("App clients: a machine's client (client credentials, a secret, a custom scope) made with the form, with no identity provider") {
  AppUnderTest t;
  const auto lab = open_integration(t);
  REQUIRE(t.type("integration.server.identifier", "stock"));
  REQUIRE(t.type("integration.server.name", "Stock"));
  REQUIRE(t.type("integration.server.scopes", "read: Read the stock\nwrite: Change the stock"));
  REQUIRE(t.click("integration.server.create"));
  REQUIRE(t.click("pool.tab.clients"));
  REQUIRE(t.click("clients.create"));
  REQUIRE(t.type("clients.form.name", "stock-sync"));
  REQUIRE(t.click("clients.form.secret"));
  REQUIRE(t.click("clients.form.oauth"));
  REQUIRE(t.click("clients.form.oauth_flow.client_credentials"));
  REQUIRE(t.type("clients.form.scopes", "stock/read"));
  REQUIRE(t.click("clients.form.idp.COGNITO"));  // no sign-in page: no provider needed
  REQUIRE(t.click("clients.form.create"));
  CHECK(t.app->api().log().back().status == 200);
  const Json clients = t.ok("ListUserPoolClients", {{"UserPoolId", lab.pool_id}, {"MaxResults", 10}})["UserPoolClients"];
  REQUIRE(clients.size() == 2);
  const Json client = t.ok("DescribeUserPoolClient", {{"UserPoolId", lab.pool_id}, {"ClientId", clients[1]["ClientId"]}})["UserPoolClient"];
  CHECK(client["AllowedOAuthFlows"] == Json::array({"client_credentials"}));
  CHECK(client["AllowedOAuthScopes"] == Json::array({"stock/read"}));
  CHECK(client.contains("ClientSecret"));
  CHECK_FALSE(client.contains("SupportedIdentityProviders"));
}

TEST_CASE("App integration: the classic customization's CSS is saved for ALL, refused CSS says why, Preview opens the Hosted UI") {
  AppUnderTest t;
  const auto lab = open_integration(t);
  REQUIRE(t.type("integration.domain.prefix", "look-lab"));
  REQUIRE(t.click("integration.domain.create"));
  REQUIRE(t.type("integration.look.css", "body { color: red; }"));
  REQUIRE(t.click("integration.look.save"));
  CHECK(t.ok("GetUICustomization", {{"UserPoolId", lab.pool_id}})["UICustomization"] == Json::object());
  REQUIRE(t.type("integration.look.css", ".submitButton-customizable { background-color: #1e7b34; }"));
  REQUIRE(t.click("integration.look.save"));
  CHECK(t.ok("GetUICustomization", {{"UserPoolId", lab.pool_id}})["UICustomization"]["CSS"] == ".submitButton-customizable { background-color: #1e7b34; }");
  REQUIRE(t.click("integration.look.preview"));
  CHECK(t.app->context().view == web::View::kHostedUi);
}

TEST_CASE("App integration: a logo chosen from a file is uploaded with the CSS; saving the CSS again keeps it; a non-image is refused") {
  AppUnderTest t;
  const auto lab = open_integration(t);
  REQUIRE(t.type("integration.domain.prefix", "logo-lab"));
  REQUIRE(t.click("integration.domain.create"));
  // The page's file picker, as the browser would answer it: a 1x1 PNG, then a text file.
  std::string chosen = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
  t.app->context().choose_image = [&](web::UiContext::FileHandler handler) { handler("logo.png", chosen); };
  REQUIRE(t.type("integration.look.css", ".banner-customizable { background-color: #232f3e; }"));
  REQUIRE(t.click("integration.look.logo"));
  const auto customization = [&] { return t.ok("GetUICustomization", {{"UserPoolId", lab.pool_id}})["UICustomization"]; };
  CHECK(customization()["ImageUrl"].get<std::string>().ends_with(".png"));
  CHECK(customization()["CSS"] == ".banner-customizable { background-color: #232f3e; }");
  REQUIRE(t.type("integration.look.css", ".banner-customizable { background-color: #ffffff; }"));
  REQUIRE(t.click("integration.look.save"));
  CHECK(customization().contains("ImageUrl"));  // the logo went again with the CSS
  CHECK(customization()["CSS"] == ".banner-customizable { background-color: #ffffff; }");

  chosen = "aGVsbG8gd29ybGQ=";  // "hello world": not an image
  REQUIRE(t.click("integration.look.logo"));
  CHECK(customization()["ImageUrl"].get<std::string>().ends_with(".png"));
  t.ui.wheel(-10, t.draw());  // the message is under the card's buttons
  const std::string screen = test::screen_text();
  INFO(screen);
  CHECK(screen.find("must be a PNG or JPEG image") != std::string::npos);
}

TEST_CASE("App integration: add Google as an identity provider with its client ID and secret; a refused one says why; delete it") {
  AppUnderTest t;
  const auto lab = open_integration(t);
  REQUIRE(t.type("integration.idp.client_id", "1234.apps.googleusercontent.com"));
  REQUIRE(t.type("integration.idp.client_secret", "g-secret"));
  REQUIRE(t.type("integration.idp.name_claim", "name"));
  REQUIRE(t.click("integration.idp.add"));
  const Json google = t.ok("DescribeIdentityProvider", {{"UserPoolId", lab.pool_id}, {"ProviderName", "Google"}})["IdentityProvider"];
  CHECK(google["ProviderDetails"]["client_id"] == "1234.apps.googleusercontent.com");
  CHECK(google["ProviderDetails"]["authorize_scopes"] == "openid email profile");
  CHECK(google["AttributeMapping"]["email"] == "email");
  CHECK(google["AttributeMapping"]["name"] == "name");
  t.frames(1);
  CHECK(t.shown("integration.idp.delete.Google"));
  // An OIDC provider without an issuer is refused, with Cognito's reason.
  REQUIRE(t.click("integration.idp.type"));
  REQUIRE(t.click("integration.idp.type.OIDC"));
  REQUIRE(t.type("integration.idp.name", "CorpIdP"));
  REQUIRE(t.type("integration.idp.client_id", "corp"));
  REQUIRE(t.click("integration.idp.add"));
  CHECK(call(t.account, "DescribeIdentityProvider", {{"UserPoolId", lab.pool_id}, {"ProviderName", "CorpIdP"}}).status == 400);
  REQUIRE(t.ui.reveal("integration.idp.add", t.draw()));
  t.ui.wheel(-3, t.draw());  // the line under the button
  const std::string screen = test::screen_text();
  INFO(screen);
  CHECK(screen.find("oidc_issuer is required") != std::string::npos);
  REQUIRE(t.click("integration.idp.delete.Google"));
  CHECK(call(t.account, "DescribeIdentityProvider", {{"UserPoolId", lab.pool_id}, {"ProviderName", "Google"}}).status == 400);
}

TEST_CASE("App integration: a SAML provider from a simulated provider's metadata URL, with the pool's entity ID to give it") {
  AppUnderTest t;
  const auto lab = open_integration(t);
  REQUIRE(t.click("integration.idp.type"));
  REQUIRE(t.click("integration.idp.type.SAML"));
  REQUIRE(t.type("integration.idp.name", "CorpSAML"));
  REQUIRE(t.click("integration.idp.add"));
  const Json saml = t.ok("DescribeIdentityProvider", {{"UserPoolId", lab.pool_id}, {"ProviderName", "CorpSAML"}})["IdentityProvider"];
  CHECK(saml["ProviderDetails"]["MetadataURL"] == "https://idp.example.com/saml/metadata");
  CHECK(saml["ProviderDetails"]["SSORedirectBindingURI"] == "https://idp.example.com/saml/sso");
  CHECK(saml["AttributeMapping"]["email"] == "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress");
  REQUIRE(t.ui.reveal("integration.idp.delete.CorpSAML", t.draw()));
  t.frames(1);
  CHECK(test::screen_text().find("SAML: email <- http://schemas.xmlsoap.org") != std::string::npos);
  // A pasted document that is not metadata is refused with the reason.
  REQUIRE(t.type("integration.idp.name", "Broken"));
  REQUIRE(t.type("integration.idp.metadata_file", "<html/>"));
  REQUIRE(t.click("integration.idp.add"));
  t.frames(1);
  CHECK(test::screen_text().find("Could not read the SAML metadata") != std::string::npos);
}
