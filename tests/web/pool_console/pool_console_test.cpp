// The pool console drawn headlessly: each page's main actions done by clicks
// and typing, and their outcome checked through the API.
#include "web/pool_console/pool_console.h"

#include <catch2/catch.hpp>

#include "core/api/dispatcher.h"
#include "tests/web/screen_text.h"
#include "tests/web/ui_harness.h"
#include "web/shell/app.h"
#include "web/pool_console/pool_update.h"

using namespace userpool;
using test::AppUnderTest;

namespace {

// The lab pool, opened in the console on the given tab.
AppUnderTest::LabPool open_console(AppUnderTest& t, const char* tab) {
  const auto lab = t.create_lab_pool();
  t.frames(1);
  REQUIRE(t.click("nav.pool." + lab.pool_id));
  REQUIRE(t.click(tab));
  return lab;
}

Json user(AppUnderTest& t, const std::string& pool, const std::string& username) {
  return t.ok("AdminGetUser", {{"UserPoolId", pool}, {"Username", username}});
}

Json without_dates(Json j) {
  j.erase("LastModifiedDate");
  return j;
}

}  // namespace

TEST_CASE("An update request built from DescribeUserPool changes nothing, however the pool is set up") {
  AppUnderTest t;
  const std::string pool = t.ok("CreateUserPool", {
      {"PoolName", "full"},
      {"AliasAttributes", {"email", "preferred_username"}},
      {"AutoVerifiedAttributes", {"email"}},
      {"Policies", {{"PasswordPolicy", {{"MinimumLength", 12}, {"RequireSymbols", false}, {"PasswordHistorySize", 3}}}}},
      {"MfaConfiguration", "OPTIONAL"},
      {"SmsConfiguration", {{"SnsCallerArn", "arn:aws:iam::123456789012:role/sms"}, {"ExternalId", "x"}}},
      {"AccountRecoverySetting", {{"RecoveryMechanisms", {{{"Priority", 1}, {"Name", "verified_email"}}}}}},
      {"VerificationMessageTemplate", {{"DefaultEmailOption", "CONFIRM_WITH_LINK"}}},
      {"UserAttributeUpdateSettings", {{"AttributesRequireVerificationBeforeUpdate", {"email"}}}},
      {"UserPoolTags", {{"team", "blue"}}},
      {"DeletionProtection", "ACTIVE"}})["UserPool"]["Id"];
  const Json before = t.ok("DescribeUserPool", {{"UserPoolId", pool}})["UserPool"];
  t.ok("UpdateUserPool", web::update_user_pool_request(before));
  CHECK(without_dates(t.ok("DescribeUserPool", {{"UserPoolId", pool}})["UserPool"]) == without_dates(before));
  // The same request without the members would have reset them: the trap the page avoids.
  CHECK(web::update_user_pool_request(before).contains("VerificationMessageTemplate"));

  const std::string client = t.ok("CreateUserPoolClient", {
      {"UserPoolId", pool}, {"ClientName", "web"}, {"GenerateSecret", true}, {"AccessTokenValidity", 30},
      {"TokenValidityUnits", {{"AccessToken", "minutes"}}}, {"CallbackURLs", {"https://example.com/cb"}},
      {"ReadAttributes", {"email"}}, {"EnableTokenRevocation", false}})["UserPoolClient"]["ClientId"];
  const Json described = t.ok("DescribeUserPoolClient", {{"UserPoolId", pool}, {"ClientId", client}})["UserPoolClient"];
  t.ok("UpdateUserPoolClient", web::update_user_pool_client_request(described));
  CHECK(without_dates(t.ok("DescribeUserPoolClient", {{"UserPoolId", pool}, {"ClientId", client}})["UserPoolClient"]) ==
        without_dates(described));
}

TEST_CASE("The overview shows the pool's ARN and keys, and deleting needs the pool's name typed") {
  AppUnderTest t;
  const auto lab = open_console(t, "pool.tab.overview");
  CHECK(t.shown("pool.arn.copy"));
  CHECK(t.ui.reveal("pool.jwks.copy", t.draw()).has_value());
  REQUIRE(t.click("pool.delete"));
  REQUIRE(t.type("pool.delete_confirm", "not the name"));
  REQUIRE(t.click("pool.delete_confirmed"));  // disabled: nothing happens
  CHECK(call(t.account, "DescribeUserPool", {{"UserPoolId", lab.pool_id}}).status == 200);
  REQUIRE(t.type("pool.delete_confirm", "kekepool"));
  REQUIRE(t.click("pool.delete_confirmed"));
  CHECK(call(t.account, "DescribeUserPool", {{"UserPoolId", lab.pool_id}}).body["__type"] == "ResourceNotFoundException");
  t.frames(2);
  CHECK(t.app->context().view == web::View::kWelcome);
}

TEST_CASE("Create user with an email invitation and a generated password, as the console does") {
  AppUnderTest t;
  const auto lab = open_console(t, "pool.tab.users");
  REQUIRE(t.click("users.create"));
  REQUIRE(t.click("users.new.invite.email"));
  REQUIRE(t.type("users.new.email", "ada@example.com"));
  REQUIRE(t.click("users.new.email_verified"));
  REQUIRE(t.click("users.new.submit"));
  const Json ada = user(t, lab.pool_id, "ada@example.com");
  CHECK(ada["UserStatus"] == "FORCE_CHANGE_PASSWORD");
  const Json messages = t.ok("Sandbox.ListMessages", {{"Destination", "ada@example.com"}})["Messages"];
  REQUIRE(messages.size() == 1);
  CHECK(messages[0]["Purpose"] == "Invitation");
  // The new user is in the table, selected, with its attributes shown.
  t.frames(2);
  CHECK(t.ui.reveal("users.row." + ada["Username"].get<std::string>(), t.draw()).has_value());
  CHECK(t.ui.reveal("users.disable", t.draw()).has_value());
}

TEST_CASE("Create user refuses a password that breaks the policy, in Cognito's words, and keeps the form") {
  AppUnderTest t;
  const auto lab = open_console(t, "pool.tab.users");
  REQUIRE(t.click("users.create"));
  REQUIRE(t.type("users.new.email", "bo@example.com"));
  REQUIRE(t.click("users.new.password.set"));
  REQUIRE(t.type("users.new.password", "short"));
  REQUIRE(t.click("users.new.submit"));
  CHECK(call(t.account, "AdminGetUser", {{"UserPoolId", lab.pool_id}, {"Username", "bo@example.com"}}).status == 400);
  CHECK(t.shown("users.new.submit"));  // still open, with the error under it
}

TEST_CASE("A user's actions: disable, enable, add to a group, confirm, delete") {
  AppUnderTest t;
  const auto lab = open_console(t, "pool.tab.users");
  t.ok("SignUp", {{"ClientId", lab.client_id}, {"Username", "cy@example.com"}, {"Password", "Passw0rd!"},
                  {"UserAttributes", {{{"Name", "name"}, {"Value", "Cy"}}}}});
  t.frames(1);
  const std::string username = user(t, lab.pool_id, "cy@example.com")["Username"];
  REQUIRE(t.click("users.row." + username));
  REQUIRE(t.click("users.disable"));
  CHECK(user(t, lab.pool_id, username)["Enabled"] == false);
  REQUIRE(t.click("users.enable"));
  CHECK(user(t, lab.pool_id, username)["Enabled"] == true);
  REQUIRE(t.click("users.confirm"));
  CHECK(user(t, lab.pool_id, username)["UserStatus"] == "CONFIRMED");
  REQUIRE(t.type("users.group.name", "admins"));
  REQUIRE(t.click("users.group.add"));
  const Json groups = t.ok("AdminListGroupsForUser", {{"UserPoolId", lab.pool_id}, {"Username", username}})["Groups"];
  REQUIRE(groups.size() == 1);
  CHECK(groups[0]["GroupName"] == "admins");
  t.frames(1);
  REQUIRE(t.click("users.group.remove.admins"));
  CHECK(t.ok("AdminListGroupsForUser", {{"UserPoolId", lab.pool_id}, {"Username", username}})["Groups"].empty());
  REQUIRE(t.click("users.delete"));
  REQUIRE(t.click("users.delete_confirmed"));
  CHECK(call(t.account, "AdminGetUser", {{"UserPoolId", lab.pool_id}, {"Username", username}}).body["__type"] ==
        "UserNotFoundException");
}

TEST_CASE("Resend invitation sends an invited user a new temporary password (AdminCreateUser with RESEND)") {
  AppUnderTest t;
  const auto lab = open_console(t, "pool.tab.users");
  t.ok("AdminCreateUser", {{"UserPoolId", lab.pool_id}, {"Username", "inv@example.com"}, {"DesiredDeliveryMediums", {"EMAIL"}},
                           {"UserAttributes", {{{"Name", "email"}, {"Value", "inv@example.com"}}, {{"Name", "email_verified"}, {"Value", "true"}}}}});
  t.frames(1);
  const std::string username = user(t, lab.pool_id, "inv@example.com")["Username"];
  REQUIRE(t.click("users.row." + username));
  REQUIRE(t.click("users.resend_invitation"));
  CHECK(t.app->api().log().back().operation == "AdminCreateUser");
  CHECK(t.app->api().log().back().request["MessageAction"] == "RESEND");
  CHECK(t.app->api().log().back().status == 200);
  CHECK(t.ok("Sandbox.ListMessages", {{"Destination", "inv@example.com"}})["Messages"].size() == 2);
}

TEST_CASE("App clients: the secret is shown on demand; a new client and an edit keep the other settings") {
  AppUnderTest t;
  const auto lab = open_console(t, "pool.tab.clients");
  CHECK(t.shown("clients.id." + lab.client_id + ".copy"));
  REQUIRE(t.click("clients.create"));
  REQUIRE(t.type("clients.form.name", "server"));
  REQUIRE(t.click("clients.form.secret"));
  REQUIRE(t.click("clients.form.create"));
  const Json clients = t.ok("ListUserPoolClients", {{"UserPoolId", lab.pool_id}, {"MaxResults", 10}})["UserPoolClients"];
  REQUIRE(clients.size() == 2);
  const std::string server = clients[1]["ClientId"];
  const Json described = t.ok("DescribeUserPoolClient", {{"UserPoolId", lab.pool_id}, {"ClientId", server}})["UserPoolClient"];
  CHECK(described["ClientName"] == "server");
  CHECK(described.contains("ClientSecret"));
  t.frames(1);
  CHECK_FALSE(t.shown("clients.secret." + server + ".copy"));
  REQUIRE(t.click("clients.show_secret." + server));
  CHECK(t.ui.reveal("clients.secret." + server + ".copy", t.draw()).has_value());

  // An edit of the lab client: a shorter access token; the flows stay.
  t.ok("UpdateUserPoolClient", web::update_user_pool_client_request(
                                   t.ok("DescribeUserPoolClient", {{"UserPoolId", lab.pool_id}, {"ClientId", lab.client_id}})
                                       ["UserPoolClient"]));
  t.ok("UpdateUserPoolClient", [&] {
    Json r = web::update_user_pool_client_request(
        t.ok("DescribeUserPoolClient", {{"UserPoolId", lab.pool_id}, {"ClientId", lab.client_id}})["UserPoolClient"]);
    r["CallbackURLs"] = {"https://example.com/cb"};
    return r;
  }());
  REQUIRE(t.click("clients.edit." + lab.client_id));
  REQUIRE(t.type("clients.form.access", "30"));
  REQUIRE(t.click("clients.form.save"));
  const Json edited = t.ok("DescribeUserPoolClient", {{"UserPoolId", lab.pool_id}, {"ClientId", lab.client_id}})["UserPoolClient"];
  CHECK(edited["AccessTokenValidity"] == 30);
  CHECK(edited["TokenValidityUnits"]["AccessToken"] == "minutes");
  CHECK(edited["CallbackURLs"] == Json{"https://example.com/cb"});
  CHECK(edited["ExplicitAuthFlows"].size() == 3);
}

TEST_CASE("Settings: a new password policy and MFA are saved without resetting anything else") {
  AppUnderTest t;
  const auto lab = open_console(t, "pool.tab.settings");
  const Json before = t.ok("DescribeUserPool", {{"UserPoolId", lab.pool_id}})["UserPool"];
  REQUIRE(t.type("settings.min_length", "12"));
  REQUIRE(t.click("settings.mfa.optional"));
  REQUIRE(t.click("settings.save"));
  const Json after = t.ok("DescribeUserPool", {{"UserPoolId", lab.pool_id}})["UserPool"];
  CHECK(after["Policies"]["PasswordPolicy"]["MinimumLength"] == 12);
  CHECK(after["AutoVerifiedAttributes"] == before["AutoVerifiedAttributes"]);
  CHECK(after["VerificationMessageTemplate"] == before["VerificationMessageTemplate"]);
  const Json mfa = t.ok("GetUserPoolMfaConfig", {{"UserPoolId", lab.pool_id}});
  CHECK(mfa["MfaConfiguration"] == "OPTIONAL");
  CHECK(mfa["SoftwareTokenMfaConfiguration"]["Enabled"] == true);
}

TEST_CASE("Settings: with deletion protection on, deleting the pool is refused with Cognito's message") {
  AppUnderTest t;
  const auto lab = open_console(t, "pool.tab.settings");
  REQUIRE(t.click("settings.deletion_protection"));
  REQUIRE(t.click("settings.save"));
  CHECK(t.ok("DescribeUserPool", {{"UserPoolId", lab.pool_id}})["UserPool"]["DeletionProtection"] == "ACTIVE");
  REQUIRE(t.click("pool.tab.overview"));
  REQUIRE(t.click("pool.delete"));
  REQUIRE(t.type("pool.delete_confirm", "kekepool"));
  REQUIRE(t.click("pool.delete_confirmed"));
  CHECK(call(t.account, "DescribeUserPool", {{"UserPoolId", lab.pool_id}}).status == 200);
  const auto& log = t.app->api().log();
  REQUIRE_FALSE(log.empty());
  CHECK(log.back().operation == "DeleteUserPool");
  CHECK(log.back().response["message"] == "The user pool cannot be deleted because deletion protection is activated.");
}

TEST_CASE("Settings: each caption says what its box's current state does") {
  AppUnderTest t;
  open_console(t, "pool.tab.settings");
  // The lab pool: self-registration on, deletion protection off.
  REQUIRE(t.ui.reveal("settings.deletion_protection", t.draw()));
  CHECK(test::screen_shows("On: anyone with the app client ID can sign up"));
  CHECK(test::screen_shows("Off: the pool can be deleted"));
  REQUIRE(t.click("settings.self_registration"));
  REQUIRE(t.click("settings.deletion_protection"));
  t.frames(2);
  CHECK(test::screen_shows("Off: only administrators create users"));
  CHECK(test::screen_shows("On: DeleteUserPool is refused until this is turned off."));
  CHECK_FALSE(test::screen_shows("On: anyone with the app client ID can sign up"));
  CHECK_FALSE(test::screen_shows("Off: the pool can be deleted"));
}

TEST_CASE("App clients: token lifetimes read in Cognito's units, one of a unit in the singular") {
  AppUnderTest t;
  const auto lab = t.create_lab_pool();
  t.ok("CreateUserPoolClient", {{"UserPoolId", lab.pool_id},
                                {"ClientName", "one-hour"},
                                {"AccessTokenValidity", 1},
                                {"IdTokenValidity", 2},
                                {"RefreshTokenValidity", 1},
                                {"TokenValidityUnits", {{"AccessToken", "hours"}, {"IdToken", "hours"}, {"RefreshToken", "days"}}}});
  t.frames(1);
  REQUIRE(t.click("nav.pool." + lab.pool_id));
  REQUIRE(t.click("pool.tab.clients"));
  t.frames(2);
  CHECK(test::screen_shows("access 1 hour, ID 2 hours, refresh 1 day"));
  CHECK_FALSE(test::screen_shows("1 hours"));
}

TEST_CASE("Groups: create one with the console's four fields, see its members, delete it; a bad precedence is refused") {
  AppUnderTest t;
  const auto lab = open_console(t, "pool.tab.groups");
  CHECK(test::screen_text().find("No groups yet") != std::string::npos);
  REQUIRE(t.click("groups.create"));
  REQUIRE(t.type("groups.new.name", "admins"));
  REQUIRE(t.type("groups.new.description", "People who run the shop"));
  REQUIRE(t.type("groups.new.role_arn", "arn:aws:iam::123456789012:role/admins"));
  REQUIRE(t.type("groups.new.precedence", "1"));
  REQUIRE(t.click("groups.new.submit"));
  const Json group = t.ok("GetGroup", {{"UserPoolId", lab.pool_id}, {"GroupName", "admins"}})["Group"];
  CHECK(group["Description"] == "People who run the shop");
  CHECK(group["RoleArn"] == "arn:aws:iam::123456789012:role/admins");
  CHECK(group["Precedence"] == 1);
  // The same name again: refused in Cognito's words, the form kept.
  REQUIRE(t.click("groups.create"));
  REQUIRE(t.type("groups.new.name", "admins"));
  REQUIRE(t.click("groups.new.submit"));
  t.frames(1);
  CHECK(test::screen_text().find("GroupExistsException") != std::string::npos);
  REQUIRE(t.type("groups.new.name", "readers"));
  REQUIRE(t.type("groups.new.precedence", "-"));
  REQUIRE(t.click("groups.new.submit"));
  t.frames(1);
  CHECK(test::screen_text().find("Precedence must be a whole number") != std::string::npos);
  REQUIRE(t.click("groups.new.cancel"));
  // A member, seen on the group's card.
  t.ok("AdminCreateUser", {{"UserPoolId", lab.pool_id}, {"Username", "ann@example.com"}, {"MessageAction", "SUPPRESS"}});
  t.ok("AdminAddUserToGroup", {{"UserPoolId", lab.pool_id}, {"Username", "ann@example.com"}, {"GroupName", "admins"}});
  REQUIRE(t.click("groups.row.admins"));
  t.frames(1);
  const std::string ann = t.ok("AdminGetUser", {{"UserPoolId", lab.pool_id}, {"Username", "ann@example.com"}})["Username"];
  CHECK(test::screen_text().find(ann) != std::string::npos);
  REQUIRE(t.click("groups.delete"));
  REQUIRE(t.click("groups.delete_confirmed"));
  CHECK(call(t.account, "GetGroup", {{"UserPoolId", lab.pool_id}, {"GroupName", "admins"}}).body["__type"] == "ResourceNotFoundException");
}

TEST_CASE("App clients: turning on the hosted UI offers the pool's own users by default; Google is ticked in; none is refused") {
  AppUnderTest t;
  const auto lab = open_console(t, "pool.tab.clients");
  t.ok("CreateIdentityProvider", {{"UserPoolId", lab.pool_id}, {"ProviderName", "Google"}, {"ProviderType", "Google"},
                                  {"ProviderDetails", {{"client_id", "g"}, {"client_secret", "s"}, {"authorize_scopes", "openid email"}}},
                                  {"AttributeMapping", {{"email", "email"}}}});
  const auto client = [&] { return t.ok("DescribeUserPoolClient", {{"UserPoolId", lab.pool_id}, {"ClientId", lab.client_id}})["UserPoolClient"]; };
  REQUIRE_FALSE(client().contains("SupportedIdentityProviders"));
  t.frames(1);
  REQUIRE(t.click("clients.edit." + lab.client_id));
  REQUIRE(t.click("clients.form.oauth"));
  REQUIRE(t.click("clients.form.oauth_flow.code"));
  REQUIRE(t.type("clients.form.scopes", "openid email"));
  REQUIRE(t.type("clients.form.callbacks", "http://localhost:3000/callback"));
  REQUIRE(t.click("clients.form.save"));
  CHECK(client()["SupportedIdentityProviders"] == Json::array({"COGNITO"}));
  REQUIRE(t.click("clients.edit." + lab.client_id));
  REQUIRE(t.click("clients.form.idp.Google"));
  REQUIRE(t.click("clients.form.save"));
  CHECK(client()["SupportedIdentityProviders"] == Json::array({"COGNITO", "Google"}));
  // Both unticked: refused before any call, the client unchanged.
  REQUIRE(t.click("clients.edit." + lab.client_id));
  REQUIRE(t.click("clients.form.idp.COGNITO"));
  REQUIRE(t.click("clients.form.idp.Google"));
  REQUIRE(t.click("clients.form.save"));
  t.frames(1);
  CHECK(test::screen_text().find("Choose at least one identity provider") != std::string::npos);
  CHECK(client()["SupportedIdentityProviders"] == Json::array({"COGNITO", "Google"}));
}

TEST_CASE("Users: a provider's account linked to a native user signs in as that user; linking it twice is refused; unlinked, it is not") {
  AppUnderTest t;
  const auto lab = open_console(t, "pool.tab.users");
  t.ok("SignUp", {{"ClientId", lab.client_id}, {"Username", "mei@example.com"}, {"Password", "Passw0rd!"},
                  {"UserAttributes", {{{"Name", "name"}, {"Value", "Mei"}}}}});
  t.frames(1);
  const std::string username = user(t, lab.pool_id, "mei@example.com")["Username"];
  REQUIRE(t.click("users.row." + username));
  CHECK_FALSE(shown(t, "users.link"));  // the pool has no identity provider yet
  t.ok("CreateIdentityProvider", {{"UserPoolId", lab.pool_id}, {"ProviderName", "Google"}, {"ProviderType", "Google"},
                                  {"ProviderDetails", {{"client_id", "g"}, {"client_secret", "s"}, {"authorize_scopes", "openid email"}}},
                                  {"AttributeMapping", {{"email", "email"}}}});
  t.frames(1);
  REQUIRE(t.type("users.link.email", "mei@gmail.example"));
  REQUIRE(t.click("users.link"));
  const auto& log = t.app->api().log();
  REQUIRE(log.size() >= 2);
  CHECK(log[log.size() - 2].operation == "SimulatedIdP.GetAccountId");
  CHECK(log.back().operation == "AdminLinkProviderForUser");
  CHECK(log.back().status == 200);
  const std::string google_id = log[log.size() - 2].response["ProviderAttributeValue"];
  const auto identities = [&] {
    const Json described = user(t, lab.pool_id, username);
    for (const Json& a : described["UserAttributes"])
      if (a["Name"] == "identities") return Json::parse(a["Value"].get<std::string>());
    return Json::array();
  };
  REQUIRE(identities().size() == 1);
  CHECK(identities()[0]["providerName"] == "Google");
  CHECK(identities()[0]["userId"] == google_id);
  REQUIRE(t.ui.reveal("users.unlink.Google", t.draw()));
  CHECK(test::screen_text().find(google_id) != std::string::npos);
  // The same account again: Cognito's error, on the page.
  REQUIRE(t.type("users.link.email", "mei@gmail.example"));
  REQUIRE(t.click("users.link"));
  CHECK(t.app->api().log().back().status == 400);
  REQUIRE(t.ui.reveal("users.delete", t.draw()));
  CHECK(test::screen_text().find("The SourceUser is already linked to this DestinationUser.") != std::string::npos);
  REQUIRE(t.click("users.unlink.Google"));
  CHECK(t.app->api().log().back().operation == "AdminDisableProviderForUser");
  CHECK(identities().empty());
}
