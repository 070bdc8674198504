#include "web/wizard/wizard_panel.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "tests/web/layout_check.h"
#include "tests/web/ui_harness.h"
#include "web/shell/app.h"
#include "web/shell/widget_registry.h"
#include "web/wizard/wizard_model.h"

using namespace userpool;
using test::AppUnderTest;

TEST_CASE("The wizard creates the lab's pool through clicks and typing") {
  AppUnderTest t;
  REQUIRE(t.click("nav.create_pool"));
  CHECK(t.app->context().view == web::View::kCreatePool);
  // Step 1: Email is the console's default sign-in option.
  REQUIRE(t.click("wizard.next"));
  // Step 2: Cognito defaults, No MFA.
  REQUIRE(t.click("wizard.mfa.off"));
  REQUIRE(t.click("wizard.next"));
  // Step 3: required name, preferred_username and phone_number.
  for (const char* a : {"wizard.required.name", "wizard.required.preferred_username", "wizard.required.phone_number"})
    REQUIRE(t.click(a));
  REQUIRE(t.click("wizard.next"));
  // Step 4: Send email with Cognito.
  REQUIRE(t.click("wizard.email.cognito"));
  REQUIRE(t.click("wizard.next"));
  // Step 5: names.
  REQUIRE(t.type("wizard.pool_name", "kekepool"));
  REQUIRE(t.type("wizard.client_name", "kekeclient"));
  REQUIRE(t.click("wizard.next"));
  // Step 6: review, then create.
  REQUIRE(t.click("wizard.create"));
  t.ui.frames(3, t.draw());
  CHECK(t.app->context().view == web::View::kPool);
  const Json pools = call(t.account, "ListUserPools", {{"MaxResults", 10}}).body["UserPools"];
  REQUIRE(pools.size() == 1);
  CHECK(pools[0]["Name"] == "kekepool");
  const Json pool = call(t.account, "DescribeUserPool", {{"UserPoolId", pools[0]["Id"]}}).body["UserPool"];
  CHECK(pool["UsernameAttributes"] == Json::array({"email"}));
  CHECK(pool["MfaConfiguration"] == "OFF");
  CHECK(pool["EmailConfiguration"]["EmailSendingAccount"] == "COGNITO_DEFAULT");
  const Json clients = call(t.account, "ListUserPoolClients", {{"UserPoolId", pools[0]["Id"]}}).body["UserPoolClients"];
  REQUIRE(clients.size() == 1);
  CHECK(clients[0]["ClientName"] == "kekeclient");
  // The wizard's requests are in the API log.
  CHECK(t.app->api().log().size() == 2);
  CHECK(t.app->api().log().front().operation == "CreateUserPool");
}

TEST_CASE("Integrate your app through clicks: the hosted UI's domain, grants and scopes, lifetimes with units, the attribute grid") {
  AppUnderTest t;
  REQUIRE(t.click("nav.create_pool"));
  for (int step = 1; step <= 3; ++step) REQUIRE(t.click("wizard.next"));
  REQUIRE(t.click("wizard.email.cognito"));
  REQUIRE(t.click("wizard.next"));
  REQUIRE(t.app->wizard().step() == 5);
  REQUIRE(t.type("wizard.pool_name", "oauthpool"));
  REQUIRE(t.click("wizard.hosted_ui"));
  REQUIRE(t.type("wizard.domain", "oauth-demo"));
  REQUIRE(t.type("wizard.client_name", "web"));
  REQUIRE(t.type("wizard.callback_url", "http://localhost:3000/callback"));
  REQUIRE(t.click("wizard.callback.add"));
  REQUIRE(t.type("wizard.sign_out_url", "http://localhost:3000/"));
  REQUIRE(t.click("wizard.sign_out.add"));
  REQUIRE(t.click("wizard.grant.implicit"));
  REQUIRE(t.click("wizard.scope.profile"));
  // The confidential client's grant appears only for a client with a secret.
  CHECK_FALSE(t.shown("wizard.grant.client_credentials"));
  // Access tokens for 2 hours: the number, then the unit from its list.
  REQUIRE(t.type("wizard.access_token", "2"));
  REQUIRE(t.type("wizard.auth_session", "5"));
  CHECK(t.app->wizard().choices().auth_session_minutes == 5);
  REQUIRE(t.click("wizard.access_token.unit"));
  REQUIRE(t.click("wizard.access_token.unit.hours"));
  // The grid: birthdate not readable.
  REQUIRE(t.click("wizard.permissions.read.birthdate"));
  REQUIRE(t.click("wizard.next"));
  std::string refused;
  for (const auto& e : web::validate_step(t.app->wizard().choices(), 5)) refused += e.field + ": " + e.message + "\n";
  INFO(refused);
  REQUIRE(refused.empty());
  REQUIRE(t.app->wizard().step() == 6);
  REQUIRE(t.click("wizard.create"));
  t.ui.frames(3, t.draw());

  const Json pools = call(t.account, "ListUserPools", {{"MaxResults", 10}}).body["UserPools"];
  REQUIRE(pools.size() == 1);
  const Json clients = call(t.account, "ListUserPoolClients", {{"UserPoolId", pools[0]["Id"]}}).body["UserPoolClients"];
  REQUIRE(clients.size() == 1);
  const Json client =
      call(t.account, "DescribeUserPoolClient", {{"UserPoolId", pools[0]["Id"]}, {"ClientId", clients[0]["ClientId"]}}).body["UserPoolClient"];
  CHECK(client["CallbackURLs"] == Json::array({"http://localhost:3000/callback"}));
  CHECK(client["LogoutURLs"] == Json::array({"http://localhost:3000/"}));
  CHECK(client["AllowedOAuthFlows"] == Json::array({"code", "implicit"}));
  CHECK(client["AllowedOAuthScopes"] == Json::array({"email", "openid", "phone", "profile"}));
  CHECK(client["AccessTokenValidity"] == 2);
  CHECK(client["AuthSessionValidity"] == 5);
  CHECK(client["TokenValidityUnits"]["AccessToken"] == "hours");
  const Json& read = client["ReadAttributes"];
  CHECK(std::find(read.begin(), read.end(), Json("birthdate")) == read.end());
  CHECK(std::find(read.begin(), read.end(), Json("email")) != read.end());
  CHECK(call(t.account, "DescribeUserPoolDomain", {{"Domain", "oauth-demo"}}).body["DomainDescription"]["UserPoolId"] == pools[0]["Id"]);
}

TEST_CASE("The wizard will not leave a step that breaks a rule, and Back keeps what was entered") {
  AppUnderTest t;
  REQUIRE(t.click("nav.create_pool"));
  REQUIRE(t.click("wizard.sign_in.email"));  // now no sign-in option at all
  REQUIRE(t.click("wizard.next"));
  CHECK(t.app->wizard().step() == 1);
  REQUIRE(t.click("wizard.sign_in.email"));
  for (int step = 1; step <= 3; ++step) REQUIRE(t.click("wizard.next"));
  // Step 4: the console's default (Amazon SES) needs a FROM address.
  REQUIRE(t.click("wizard.next"));
  CHECK(t.app->wizard().step() == 4);
  REQUIRE(t.click("wizard.email.cognito"));
  REQUIRE(t.click("wizard.next"));
  CHECK(t.app->wizard().step() == 5);
  // Step 5 with no names: stays.
  REQUIRE(t.click("wizard.next"));
  CHECK(t.app->wizard().step() == 5);
  // Back keeps what was entered.
  REQUIRE(t.type("wizard.pool_name", "keep me"));
  REQUIRE(t.click("wizard.previous"));
  CHECK(t.app->wizard().step() == 4);
  REQUIRE(t.click("wizard.next"));
  CHECK(t.app->wizard().choices().pool_name == "keep me");
  // Earlier steps open from the list on the left.
  REQUIRE(t.click("wizard.goto.2"));
  CHECK(t.app->wizard().step() == 2);
  CHECK(call(t.account, "ListUserPools", {{"MaxResults", 10}}).body["UserPools"].empty());
}

TEST_CASE("Every widget of a wizard page is known to be on that page, so 'Show me' can turn to it") {
  AppUnderTest t;
  REQUIRE(t.click("nav.create_pool"));
  int checked = 0;
  for (int page = 1; page <= 6; ++page) {
    INFO("page " << page);
    if (page == 5) REQUIRE(t.click("wizard.email.cognito"));  // SES would need a sender first
    if (page == 6) {
      REQUIRE(t.type("wizard.pool_name", "pages"));
      REQUIRE(t.type("wizard.client_name", "pages-client"));
    }
    if (page > 1) REQUIRE(t.click("wizard.next"));
    t.frames(2);
    REQUIRE(t.app->wizard().step() == page);
    for (const auto& [name, rect] : web::widget_registry().all()) {
      const int found = web::wizard_step_of(name);
      if (found == 0) continue;
      INFO(name);
      CHECK(found == page);
      ++checked;
    }
  }
  CHECK(checked > 30);
  CHECK(web::wizard_step_of("wizard.next") == 0);
  CHECK(web::wizard_step_of("users.create") == 0);
}

namespace {

// Steps 1 to 4 with federation ticked and the given providers chosen, the
// rest as the lab has them (Send email with Cognito).
void through_step_4_with(AppUnderTest& t, std::initializer_list<const char*> providers) {
  REQUIRE(t.click("nav.create_pool"));
  REQUIRE(t.click("wizard.provider.federated"));
  for (const char* p : providers) REQUIRE(t.click(std::string("wizard.provider.") + p));
  for (int step = 1; step <= 3; ++step) REQUIRE(t.click("wizard.next"));
  REQUIRE(t.click("wizard.email.cognito"));
  REQUIRE(t.click("wizard.next"));
}

// The layout faults of the page, scrolled through from top to bottom
// (and back to the top after).
std::string layout_problems_scrolled(AppUnderTest& t) {
  std::set<std::string> problems;
  for (int position = 0; position < 20; ++position) {
    for (const std::string& p : test::layout_problems()) problems.insert(p);
    t.ui.wheel(-4, t.draw());
  }
  for (int i = 0; i < 20; ++i) t.ui.wheel(4, t.draw());
  std::string listed;
  for (const std::string& p : problems) listed += "\n  - " + p;
  return listed;
}

std::vector<std::string> logged_operations(AppUnderTest& t) {
  std::vector<std::string> ops;
  for (const auto& entry : t.app->api().log()) ops.push_back(entry.operation);
  return ops;
}

}  // namespace

TEST_CASE("Federated identity providers: seven steps, Google connected on step 5, named by the app client") {
  AppUnderTest t;
  REQUIRE(t.click("nav.create_pool"));
  // The federated sign-in options appear once federation is ticked.
  CHECK_FALSE(shown(t, "wizard.provider.google"));
  CHECK(shown(t, "wizard.goto.6"));
  CHECK_FALSE(shown(t, "wizard.goto.7"));
  REQUIRE(t.click("wizard.provider.federated"));
  for (const char* p : {"facebook", "google", "amazon", "apple", "saml", "oidc"})
    CHECK(shown(t, std::string("wizard.provider.") + p));
  CHECK(shown(t, "wizard.goto.7"));
  // Without a provider chosen, step 1 stays.
  REQUIRE(t.click("wizard.next"));
  CHECK(t.app->wizard().step() == 1);
  REQUIRE(t.click("wizard.provider.google"));
  for (int step = 1; step <= 3; ++step) REQUIRE(t.click("wizard.next"));
  REQUIRE(t.click("wizard.email.cognito"));
  REQUIRE(t.click("wizard.next"));

  // Step 5: Connect federated identity providers, Google's section only.
  REQUIRE(t.app->wizard().step() == 5);
  CHECK(t.app->wizard().page() == web::WizardPage::kFederation);
  CHECK_FALSE(shown(t, "wizard.federation.facebook.client_id"));
  REQUIRE(t.click("wizard.next"));  // nothing filled in: refused, on the fields
  CHECK(t.app->wizard().step() == 5);
  REQUIRE(t.type("wizard.federation.google.client_id", "123-abc.apps.googleusercontent.com"));
  REQUIRE(t.type("wizard.federation.google.client_secret", "GOCSPX-secret"));
  CHECK(t.app->wizard().choices().provider("Google")->scopes == "profile email openid");
  // A second mapping: name from Google's name.
  REQUIRE(t.click("wizard.federation.google.map.add"));
  test::choose(t, "wizard.federation.google.map.1.attribute", "name");
  REQUIRE(t.type("wizard.federation.google.map.1.provider", "name"));
  REQUIRE(t.click("wizard.next"));

  // Step 6: Integrate your app, with Google offered and ticked.
  REQUIRE(t.app->wizard().step() == 6);
  CHECK(t.app->wizard().page() == web::WizardPage::kApp);
  t.frames(1);  // the draft is kept on the next frame
  const Json draft = call(t.account, "Sandbox.GetWizardDraft", Json::object()).body["Draft"];
  CHECK(draft["Step"] == 6);
  CHECK(draft["Choices"]["FederatedSignInOptions"] == Json::array({"Google"}));
  REQUIRE(t.type("wizard.pool_name", "federated"));
  REQUIRE(t.type("wizard.client_name", "web"));
  REQUIRE(t.click("wizard.hosted_ui"));
  REQUIRE(t.type("wizard.domain", "federated-demo"));
  REQUIRE(t.type("wizard.callback_url", "http://localhost:3000/callback"));
  REQUIRE(t.click("wizard.callback.add"));
  CHECK(shown(t, "wizard.idp.COGNITO"));
  CHECK(shown(t, "wizard.idp.Google"));
  CHECK(t.app->wizard().choices().identity_providers == std::vector<std::string>{"COGNITO", "Google"});
  REQUIRE(t.click("wizard.next"));

  // Step 7: Review; Edit turns to the page by its number.
  REQUIRE(t.app->wizard().step() == 7);
  CHECK(layout_problems_scrolled(t).empty());
  REQUIRE(t.click("wizard.edit.5"));
  CHECK(t.app->wizard().page() == web::WizardPage::kFederation);
  REQUIRE(t.click("wizard.goto.6"));
  REQUIRE(t.click("wizard.goto.7"));
  REQUIRE(t.click("wizard.edit.6"));
  CHECK(t.app->wizard().page() == web::WizardPage::kApp);
  REQUIRE(t.click("wizard.next"));
  REQUIRE(t.click("wizard.create"));
  t.ui.frames(3, t.draw());
  CHECK(t.app->context().view == web::View::kPool);

  // The provider, through the API.
  const Json pools = call(t.account, "ListUserPools", {{"MaxResults", 10}}).body["UserPools"];
  REQUIRE(pools.size() == 1);
  const Json pool_id = pools[0]["Id"];
  const Json providers = call(t.account, "ListIdentityProviders", {{"UserPoolId", pool_id}}).body["Providers"];
  REQUIRE(providers.size() == 1);
  CHECK(providers[0]["ProviderName"] == "Google");
  CHECK(providers[0]["ProviderType"] == "Google");
  const Json google =
      call(t.account, "DescribeIdentityProvider", {{"UserPoolId", pool_id}, {"ProviderName", "Google"}}).body["IdentityProvider"];
  CHECK(google["ProviderDetails"]["client_id"] == "123-abc.apps.googleusercontent.com");
  CHECK(google["ProviderDetails"]["authorize_scopes"] == "profile email openid");
  CHECK(google["AttributeMapping"]["email"] == "email");
  CHECK(google["AttributeMapping"]["name"] == "name");
  const Json clients = call(t.account, "ListUserPoolClients", {{"UserPoolId", pool_id}}).body["UserPoolClients"];
  REQUIRE(clients.size() == 1);
  const Json client =
      call(t.account, "DescribeUserPoolClient", {{"UserPoolId", pool_id}, {"ClientId", clients[0]["ClientId"]}}).body["UserPoolClient"];
  CHECK(client["SupportedIdentityProviders"] == Json::array({"COGNITO", "Google"}));
  // Through the app's API client, in the console's order.
  const auto ops = logged_operations(t);
  const auto at = [&](const char* op) { return std::find(ops.begin(), ops.end(), op) - ops.begin(); };
  CHECK(at("CreateUserPool") < at("CreateUserPoolDomain"));
  CHECK(at("CreateUserPoolDomain") < at("CreateIdentityProvider"));
  CHECK(at("CreateIdentityProvider") < at("CreateUserPoolClient"));
  CHECK(at("CreateUserPoolClient") < static_cast<std::ptrdiff_t>(ops.size()));
}

TEST_CASE("Skip for now goes on to Integrate your app and creates no provider") {
  AppUnderTest t;
  through_step_4_with(t, {"facebook"});
  REQUIRE(t.app->wizard().step() == 5);
  REQUIRE(t.type("wizard.federation.facebook.client_id", "1613644848950245"));
  REQUIRE(t.click("wizard.federation.skip"));
  REQUIRE(t.app->wizard().step() == 6);
  CHECK(t.app->wizard().choices().federation_skipped);
  CHECK(t.app->wizard().choices().identity_providers == std::vector<std::string>{"COGNITO"});
  REQUIRE(t.type("wizard.pool_name", "skipped"));
  REQUIRE(t.type("wizard.client_name", "web"));
  REQUIRE(t.click("wizard.hosted_ui"));
  REQUIRE(t.type("wizard.domain", "skipped-demo"));
  REQUIRE(t.type("wizard.callback_url", "http://localhost:3000/callback"));
  REQUIRE(t.click("wizard.callback.add"));
  CHECK_FALSE(shown(t, "wizard.idp.Facebook"));
  REQUIRE(t.click("wizard.next"));
  REQUIRE(t.app->wizard().step() == 7);
  REQUIRE(t.click("wizard.create"));
  t.ui.frames(3, t.draw());
  CHECK(t.app->context().view == web::View::kPool);
  const Json pools = call(t.account, "ListUserPools", {{"MaxResults", 10}}).body["UserPools"];
  REQUIRE(pools.size() == 1);
  CHECK(call(t.account, "ListIdentityProviders", {{"UserPoolId", pools[0]["Id"]}}).body["Providers"].empty());
  const auto ops = logged_operations(t);
  CHECK(std::find(ops.begin(), ops.end(), "CreateIdentityProvider") == ops.end());
  const Json clients = call(t.account, "ListUserPoolClients", {{"UserPoolId", pools[0]["Id"]}}).body["UserPoolClients"];
  REQUIRE(clients.size() == 1);
  const Json client =
      call(t.account, "DescribeUserPoolClient", {{"UserPoolId", pools[0]["Id"]}, {"ClientId", clients[0]["ClientId"]}}).body["UserPoolClient"];
  CHECK(client["SupportedIdentityProviders"] == Json::array({"COGNITO"}));
}

TEST_CASE("Back from Integrate your app is the providers' page; Next there connects them after a Skip") {
  AppUnderTest t;
  through_step_4_with(t, {"oidc"});
  REQUIRE(t.click("wizard.federation.skip"));
  REQUIRE(t.app->wizard().step() == 6);
  REQUIRE(t.click("wizard.previous"));
  REQUIRE(t.app->wizard().page() == web::WizardPage::kFederation);
  // Next means connecting them: the empty fields are refused now.
  REQUIRE(t.click("wizard.next"));
  CHECK(t.app->wizard().step() == 5);
  CHECK_FALSE(t.app->wizard().choices().federation_skipped);
  REQUIRE(t.type("wizard.federation.oidc.name", "Corp IdP"));
  REQUIRE(t.type("wizard.federation.oidc.client_id", "corp"));
  REQUIRE(t.type("wizard.federation.oidc.client_secret", "secret"));
  REQUIRE(t.type("wizard.federation.oidc.issuer", "https://idp.example.com"));
  REQUIRE(t.click("wizard.federation.oidc.method.post"));
  REQUIRE(t.click("wizard.next"));
  CHECK(t.app->wizard().step() == 5);  // a space in the name
  REQUIRE(t.type("wizard.federation.oidc.name", "CorpIdP"));
  REQUIRE(t.click("wizard.next"));
  CHECK(t.app->wizard().step() == 6);
  CHECK(t.app->wizard().choices().provider("OIDC")->attributes_request_method == "POST");
  CHECK(t.app->wizard().choices().identity_providers == std::vector<std::string>{"COGNITO", "CorpIdP"});
  // Federation unticked: six steps again, Integrate your app is 5.
  REQUIRE(t.click("wizard.goto.1"));
  REQUIRE(t.click("wizard.provider.federated"));
  CHECK_FALSE(shown(t, "wizard.goto.7"));
  for (int step = 1; step <= 4; ++step) REQUIRE(t.click("wizard.next"));
  CHECK(t.app->wizard().step() == 5);
  CHECK(t.app->wizard().page() == web::WizardPage::kApp);
}

TEST_CASE("Every widget of the seven pages is known to be on its page, and the providers' page has room for them all") {
  AppUnderTest t;
  REQUIRE(t.click("nav.create_pool"));
  REQUIRE(t.click("wizard.provider.federated"));
  for (const char* p : {"facebook", "google", "amazon", "apple", "saml", "oidc"})
    REQUIRE(t.click(std::string("wizard.provider.") + p));
  std::set<std::string> checked, federation_widgets;
  for (int page = 1; page <= 7; ++page) {
    INFO("page " << page);
    if (page == 5) REQUIRE(t.click("wizard.email.cognito"));
    if (page == 7) {
      REQUIRE(t.type("wizard.pool_name", "pages"));
      REQUIRE(t.type("wizard.client_name", "pages-client"));
    }
    if (page == 6)
      REQUIRE(t.click("wizard.federation.skip"));
    else if (page > 1)
      REQUIRE(t.click("wizard.next"));
    t.frames(2);
    REQUIRE(t.app->wizard().step() == page);
    // Scrolled through: each widget drawn is known to be on this page.
    for (int position = 0; position < 20; ++position) {
      for (const auto& [name, rect] : web::widget_registry().all()) {
        const int found = web::wizard_step_of(name, t.app->wizard().choices());
        if (found == 0) continue;
        INFO(name);
        CHECK(found == page);
        checked.insert(name);
        if (name.starts_with("wizard.federation.")) federation_widgets.insert(name);
      }
      t.ui.wheel(-4, t.draw());
    }
    for (int i = 0; i < 20; ++i) t.ui.wheel(4, t.draw());
    // Nothing drawn outside its card or over other text.
    CHECK(layout_problems_scrolled(t).empty());
  }
  CHECK(federation_widgets.size() > 40);
  CHECK(checked.size() > 100);
  web::WizardChoices federated;
  federated.federated_providers = true;
  CHECK(web::wizard_step_of("wizard.pool_name", federated) == 6);
  CHECK(web::wizard_step_of("wizard.pool_name") == 5);
  CHECK(web::wizard_step_of("wizard.federation.google.client_id") == 0);  // no such page without federation
  CHECK(web::wizard_step_of("wizard.federation.google.client_id", federated) == 5);
  CHECK(web::wizard_step_of("wizard.create", federated) == 7);
}

TEST_CASE("Show me turns to the providers' page with federation, and stays put without it") {
  AppUnderTest t;
  through_step_4_with(t, {"google"});
  REQUIRE(t.click("wizard.federation.skip"));
  REQUIRE(t.app->wizard().step() == 6);
  t.app->wizard().show_step_of("wizard.federation.google.client_id");
  t.frames(2);
  CHECK(t.app->wizard().page() == web::WizardPage::kFederation);
  t.app->wizard().show_step_of("wizard.pool_name");
  t.frames(2);
  CHECK(t.app->wizard().step() == 6);
  REQUIRE(t.click("wizard.goto.1"));
  REQUIRE(t.click("wizard.provider.federated"));
  t.app->wizard().show_step_of("wizard.federation.google.client_id");
  t.frames(2);
  CHECK(t.app->wizard().page() == web::WizardPage::kSignIn);
}
