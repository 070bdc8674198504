#include "web/wizard/wizard_panel.h"

#include <catch2/catch.hpp>

#include <algorithm>

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
