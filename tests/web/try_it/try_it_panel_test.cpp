// The Try it panel, driven headlessly by clicks and typing: sign-up and
// confirmation, sign-in with SRP and with the password, every challenge,
// forgot password, and what a signed-in user can do. Outcomes are checked
// through the API, as a learner's script would.
#include "web/try_it/try_it_panel.h"

#include <algorithm>

#include <catch2/catch.hpp>

#include "core/tokens/jwt.h"
#include "imgui.h"
#include "tests/web/ui_harness.h"
#include "web/shell/app.h"

using namespace userpool;
using test::AppUnderTest;
using Page = web::TryItPanel::Page;

namespace {

const Json kSmsConfiguration = {{"SnsCallerArn", "arn:aws:iam::123456789012:role/CognitoSms"},
                                {"ExternalId", "sandbox"}};

// The Try it panel on its own over the app's context, so a test can read
// where the panel is (page, error) as well as what the API says.
struct TryIt {
  AppUnderTest t;
  web::TryItPanel panel{t.app->context()};

  std::function<void()> draw() {
    return [this] {
      const ImGuiViewport* viewport = ImGui::GetMainViewport();
      ImGui::SetNextWindowPos(viewport->WorkPos);
      ImGui::SetNextWindowSize(viewport->WorkSize);
      ImGui::Begin("tryit.test", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings);
      panel.draw();
      ImGui::End();
    };
  }
  bool click(std::string_view name) { return t.ui.click(name, draw()); }
  bool type(std::string_view name, std::string_view text) { return t.ui.type(name, text, draw()); }
  void frames(int n) { t.ui.frames(n, draw()); }
  // Whether the named widget is on screen once the last action's page is drawn.
  bool shown(std::string_view name) {
    frames(1);
    return t.shown(name);
  }
  web::AppSession& session() { return t.app->context().session; }
  // Calls that change the sandbox outside the UI; the panel re-reads what it shows.
  Json ok(std::string_view op, const Json& request) {
    Json body = t.ok(op, request);
    return body;
  }
  // The code in the newest message of the inbox.
  std::string newest_code() { return t.ok("Sandbox.ListMessages", {{"MaxResults", 1}})["Messages"][0]["Code"]; }

  // A confirmed user with a verified email in the lab pool (through the API).
  void add_user(const std::string& client_id, const std::string& email, const std::string& password = "Passw0rd!") {
    ok("SignUp", {{"ClientId", client_id},
                  {"Username", email},
                  {"Password", password},
                  {"UserAttributes", {{{"Name", "name"}, {"Value", "Test user"}}}}});
    ok("ConfirmSignUp", {{"ClientId", client_id}, {"Username", email}, {"ConfirmationCode", newest_code()}});
  }
  // Types the credentials and signs in with the chosen flow.
  void sign_in(const std::string& username, const std::string& password, bool srp = true) {
    if (panel.page() != Page::kSignIn) REQUIRE(click("tryit.tab.sign_in"));
    REQUIRE(type("tryit.signin.username", username));
    REQUIRE(type("tryit.signin.password", password));
    REQUIRE(click(srp ? "tryit.signin.flow.srp" : "tryit.signin.flow.password"));
    REQUIRE(click("tryit.signin.submit"));
  }
  // Operations the panel called, oldest first.
  std::vector<std::string> operations() {
    std::vector<std::string> out;
    for (const auto& e : t.app->api().log()) out.push_back(e.operation);
    return out;
  }
};

std::string claim(const std::string& token, const char* name) {
  const auto jwt = decode_jwt(token);
  REQUIRE(jwt);
  return jwt->payload.value(name, "");
}

// Turns on authenticator apps in a pool, with MFA `mode` (ON or OPTIONAL).
void enable_totp(TryIt& s, const std::string& pool_id, const char* mode) {
  s.ok("SetUserPoolMfaConfig",
       {{"UserPoolId", pool_id}, {"SoftwareTokenMfaConfiguration", {{"Enabled", true}}}, {"MfaConfiguration", mode}});
}

}  // namespace

TEST_CASE("Sign up by typing, confirm with the inbox's Use button, then sign in with SRP") {
  AppUnderTest t;
  const auto lab = t.create_lab_pool();
  REQUIRE(t.click("nav.try_it"));
  REQUIRE(t.type("tryit.signup.username", "jane@example.com"));
  REQUIRE(t.type("tryit.signup.attr.name", "Jane Doe"));
  REQUIRE(t.type("tryit.signup.password", "Passw0rd!"));
  REQUIRE(t.click("tryit.signup.submit"));
  CHECK(shown(t, "tryit.confirm.code"));
  CHECK_FALSE(shown(t, "tryit.error"));

  // The code is in the inbox; "Use" brings it back to the waiting form.
  REQUIRE(t.click("nav.inbox"));
  REQUIRE(t.click("inbox.use.0"));
  CHECK(t.app->context().view == web::View::kTryIt);
  t.frames(1);
  CHECK(t.app->context().offered_code.empty());
  REQUIRE(t.click("tryit.confirm.submit"));
  const Json users = t.ok("ListUsers", {{"UserPoolId", lab.pool_id}})["Users"];
  REQUIRE(users.size() == 1);
  CHECK(users[0]["UserStatus"] == "CONFIRMED");

  // The username carries over to the sign-in form; SRP is the default flow.
  REQUIRE(t.type("tryit.signin.password", "Passw0rd!"));
  REQUIRE(t.click("tryit.signin.submit"));
  const web::AppSession& session = t.app->context().session;
  REQUIRE(session.signed_in());
  CHECK(session.pool_id == lab.pool_id);
  CHECK(session.client_id == lab.client_id);
  CHECK(session.username == "jane@example.com");
  CHECK_FALSE(session.refresh_token.empty());
  CHECK(claim(session.id_token, "email") == "jane@example.com");
  CHECK(shown(t, "tryit.signed_in.sign_out"));
  // Two round trips, the password never sent.
  std::vector<std::string> ops;
  for (const auto& e : t.app->api().log()) ops.push_back(e.operation);
  REQUIRE(ops.size() >= 2);
  CHECK(ops[ops.size() - 2] == "InitiateAuth");
  CHECK(t.app->api().log()[ops.size() - 2].request["AuthFlow"] == "USER_SRP_AUTH");
  CHECK(ops.back() == "RespondToAuthChallenge");
  CHECK(t.app->api().log().back().request["ChallengeName"] == "PASSWORD_VERIFIER");
}

TEST_CASE("Sign-up fields follow the pool: a missing required attribute is refused in Cognito's words") {
  TryIt s;
  s.t.create_lab_pool();
  s.frames(1);
  CHECK(s.shown("tryit.signup.attr.name"));
  CHECK_FALSE(s.shown("tryit.signup.attr.email"));  // email is the username
  REQUIRE(s.type("tryit.signup.username", "jane@example.com"));
  REQUIRE(s.type("tryit.signup.password", "Passw0rd!"));
  REQUIRE(s.click("tryit.signup.submit"));
  CHECK(s.panel.page() == Page::kSignUp);
  CHECK(
      s.panel.error() ==
      "InvalidParameterException: Attributes did not conform to the schema: name.formatted: The attribute is required");
  CHECK(s.shown("tryit.error"));
}

TEST_CASE("Resend code sends a new confirmation code that confirms the user") {
  TryIt s;
  const auto lab = s.t.create_lab_pool();
  REQUIRE(s.type("tryit.signup.username", "ann@example.com"));
  REQUIRE(s.type("tryit.signup.attr.name", "Ann"));
  REQUIRE(s.type("tryit.signup.password", "Passw0rd!"));
  REQUIRE(s.click("tryit.signup.submit"));
  const std::string first = s.newest_code();
  REQUIRE(s.click("tryit.confirm.resend"));
  const Json messages = s.t.ok("Sandbox.ListMessages", {{"MaxResults", 10}})["Messages"];
  REQUIRE(messages.size() == 2);
  CHECK(messages[0]["Purpose"] == "ResendCode");
  REQUIRE(s.type("tryit.confirm.code", messages[0]["Code"].get<std::string>()));
  REQUIRE(s.click("tryit.confirm.submit"));
  CHECK(s.panel.error().empty());
  CHECK(s.panel.page() == Page::kSignIn);
  CHECK(s.t.ok("AdminGetUser", {{"UserPoolId", lab.pool_id}, {"Username", "ann@example.com"}})["UserStatus"] ==
        "CONFIRMED");
}

TEST_CASE("Sign in with the password flow (USER_PASSWORD_AUTH)") {
  TryIt s;
  const auto lab = s.t.create_lab_pool();
  s.add_user(lab.client_id, "pat@example.com");
  s.sign_in("pat@example.com", "Passw0rd!", false);
  CHECK(s.panel.page() == Page::kSignedIn);
  REQUIRE(s.session().signed_in());
  CHECK(s.t.app->api().log().back().operation == "InitiateAuth");
  CHECK(s.t.app->api().log().back().request["AuthFlow"] == "USER_PASSWORD_AUTH");
}

TEST_CASE("A wrong password shows NotAuthorizedException inline, with either flow") {
  TryIt s;
  const auto lab = s.t.create_lab_pool();
  s.add_user(lab.client_id, "pat@example.com");
  for (const bool srp : {true, false}) {
    s.sign_in("pat@example.com", "Wrong-passw0rd", srp);
    CHECK(s.panel.page() == Page::kSignIn);
    CHECK(s.panel.error() == "NotAuthorizedException: Incorrect username or password.");
    CHECK(s.shown("tryit.error"));
    CHECK_FALSE(s.session().signed_in());
  }
}

TEST_CASE("A user an administrator created completes NEW_PASSWORD_REQUIRED with the invitation's password") {
  AppUnderTest t;
  const auto lab = t.create_lab_pool();
  // No name: the required attribute is asked for in the challenge.
  t.ok("AdminCreateUser",
       {{"UserPoolId", lab.pool_id}, {"Username", "bob@example.com"}, {"DesiredDeliveryMediums", {"EMAIL"}}});
  REQUIRE(t.click("nav.try_it"));
  REQUIRE(t.click("tryit.tab.sign_in"));
  REQUIRE(t.type("tryit.signin.username", "bob@example.com"));
  // "Use" on the invitation puts the temporary password in the sign-in form.
  REQUIRE(t.click("nav.inbox"));
  REQUIRE(t.click("inbox.use.0"));
  REQUIRE(t.click("tryit.signin.submit"));
  REQUIRE(shown(t, "tryit.challenge.new_password"));
  CHECK(shown(t, "tryit.challenge.attr.name"));
  REQUIRE(t.type("tryit.challenge.new_password", "N3w-passw0rd"));
  REQUIRE(t.type("tryit.challenge.attr.name", "Bob"));
  REQUIRE(t.click("tryit.challenge.submit"));
  CHECK(t.app->context().session.signed_in());
  const Json user = t.ok("AdminGetUser", {{"UserPoolId", lab.pool_id}, {"Username", "bob@example.com"}});
  CHECK(user["UserStatus"] == "CONFIRMED");
  const Json attributes = user["UserAttributes"];
  CHECK(std::any_of(attributes.begin(), attributes.end(),
                    [](const Json& a) { return a["Name"] == "name" && a["Value"] == "Bob"; }));
}

TEST_CASE("MFA_SETUP: the built-in authenticator's code sets up TOTP, and the next sign-in asks for it") {
  TryIt s;
  const auto lab = s.t.create_lab_pool();
  enable_totp(s, lab.pool_id, "ON");
  s.add_user(lab.client_id, "mia@example.com");
  s.sign_in("mia@example.com", "Passw0rd!");
  REQUIRE(s.panel.page() == Page::kChallenge);
  CHECK(s.shown("tryit.totp.secret.copy"));
  REQUIRE(s.click("tryit.totp.use_code"));
  REQUIRE(s.click("tryit.challenge.submit"));
  INFO(s.panel.error());
  CHECK(s.panel.page() == Page::kSignedIn);
  REQUIRE(s.session().signed_in());
  const Json user = s.t.ok("AdminGetUser", {{"UserPoolId", lab.pool_id}, {"Username", "mia@example.com"}});
  CHECK(user["UserMFASettingList"] == Json::array({"SOFTWARE_TOKEN_MFA"}));
  const auto ops = s.operations();
  CHECK(std::find(ops.begin(), ops.end(), "AssociateSoftwareToken") != ops.end());
  CHECK(std::find(ops.begin(), ops.end(), "VerifySoftwareToken") != ops.end());

  // A code is good once: the next sign-in waits for the next 30-second step.
  REQUIRE(s.click("tryit.signed_in.sign_out"));
  CHECK_FALSE(s.session().signed_in());
  s.t.app->api().call("Sandbox.AdvanceClock", {{"Seconds", 30}});
  s.sign_in("mia@example.com", "Passw0rd!", false);
  REQUIRE(s.panel.page() == Page::kChallenge);
  // A wrong code first: refused inline, the challenge stays.
  REQUIRE(s.type("tryit.challenge.code", "000000"));
  REQUIRE(s.click("tryit.challenge.submit"));
  CHECK(s.panel.page() == Page::kChallenge);
  CHECK(s.panel.error().rfind("CodeMismatchException", 0) == 0);
  // The authenticator remembers the user's secret.
  REQUIRE(s.click("tryit.totp.use_code"));
  REQUIRE(s.click("tryit.challenge.submit"));
  CHECK(s.panel.page() == Page::kSignedIn);
  CHECK(s.session().signed_in());
}

TEST_CASE("A signed-in user sets up an authenticator app and turns it on") {
  TryIt s;
  const auto lab = s.t.create_lab_pool();
  enable_totp(s, lab.pool_id, "OPTIONAL");
  s.add_user(lab.client_id, "liv@example.com");
  s.sign_in("liv@example.com", "Passw0rd!");
  REQUIRE(s.panel.page() == Page::kSignedIn);
  REQUIRE(s.click("tryit.signed_in.totp.start"));
  REQUIRE(s.t.ui.reveal("tryit.totp.uri.copy", s.draw()));
  REQUIRE(s.click("tryit.totp.use_code"));
  REQUIRE(s.click("tryit.signed_in.totp.verify"));
  CHECK(s.panel.error().empty());
  const Json user = s.t.ok("AdminGetUser", {{"UserPoolId", lab.pool_id}, {"Username", "liv@example.com"}});
  CHECK(user["UserMFASettingList"] == Json::array({"SOFTWARE_TOKEN_MFA"}));
  CHECK(user["PreferredMfaSetting"] == "SOFTWARE_TOKEN_MFA");
  REQUIRE(s.click("tryit.signed_in.sign_out"));
  s.t.app->api().call("Sandbox.AdvanceClock", {{"Seconds", 30}});
  s.sign_in("liv@example.com", "Passw0rd!");
  REQUIRE(s.panel.page() == Page::kChallenge);
  REQUIRE(s.click("tryit.totp.use_code"));
  REQUIRE(s.click("tryit.challenge.submit"));
  CHECK(s.session().signed_in());
}

TEST_CASE("SMS_MFA takes the code from the inbox; SELECT_MFA_TYPE lets the user pick a factor") {
  AppUnderTest t;
  const std::string pool_id =
      t.ok("CreateUserPool", {{"PoolName", "smspool"},
                              {"MfaConfiguration", "OPTIONAL"},
                              {"SmsConfiguration", kSmsConfiguration}})["UserPool"]["Id"];
  t.ok("SetUserPoolMfaConfig", {{"UserPoolId", pool_id},
                                {"SmsMfaConfiguration", {{"SmsConfiguration", kSmsConfiguration}}},
                                {"SoftwareTokenMfaConfiguration", {{"Enabled", true}}},
                                {"MfaConfiguration", "OPTIONAL"}});
  t.ok("CreateUserPoolClient", {{"UserPoolId", pool_id},
                                {"ClientName", "app"},
                                {"ExplicitAuthFlows", {"ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"}}});
  t.ok("AdminCreateUser", {{"UserPoolId", pool_id},
                           {"Username", "sol"},
                           {"UserAttributes", {{{"Name", "phone_number"}, {"Value", "+15555550100"}}}},
                           {"MessageAction", "SUPPRESS"}});
  t.ok("AdminSetUserPassword",
       {{"UserPoolId", pool_id}, {"Username", "sol"}, {"Password", "Passw0rd!"}, {"Permanent", true}});
  t.ok("AdminSetUserMFAPreference",
       {{"UserPoolId", pool_id}, {"Username", "sol"}, {"SMSMfaSettings", {{"Enabled", true}}}});
  REQUIRE(t.click("nav.try_it"));
  REQUIRE(t.click("tryit.tab.sign_in"));
  REQUIRE(t.type("tryit.signin.username", "sol"));
  REQUIRE(t.type("tryit.signin.password", "Passw0rd!"));
  REQUIRE(t.click("tryit.signin.submit"));
  REQUIRE(shown(t, "tryit.challenge.code"));
  REQUIRE(t.click("nav.inbox"));
  REQUIRE(t.click("inbox.use.0"));
  REQUIRE(t.click("tryit.challenge.submit"));
  REQUIRE(t.app->context().session.signed_in());

  // With the authenticator too, and neither preferred: the user chooses.
  REQUIRE(t.click("tryit.signed_in.totp.start"));
  REQUIRE(t.click("tryit.totp.use_code"));
  REQUIRE(t.click("tryit.signed_in.totp.verify"));
  t.ok("AdminSetUserMFAPreference",
       {{"UserPoolId", pool_id}, {"Username", "sol"}, {"SoftwareTokenMfaSettings", {{"Enabled", false}}}});
  t.ok("AdminSetUserMFAPreference",
       {{"UserPoolId", pool_id}, {"Username", "sol"}, {"SoftwareTokenMfaSettings", {{"Enabled", true}}}});
  REQUIRE(t.click("tryit.signed_in.sign_out"));
  REQUIRE(t.type("tryit.signin.password", "Passw0rd!"));
  REQUIRE(t.click("tryit.signin.submit"));
  REQUIRE(shown(t, "tryit.challenge.mfa.SMS_MFA"));
  REQUIRE(shown(t, "tryit.challenge.mfa.SOFTWARE_TOKEN_MFA"));
  REQUIRE(t.click("tryit.challenge.mfa.SMS_MFA"));
  REQUIRE(t.click("tryit.challenge.submit"));
  // SELECT_MFA_TYPE led to an SMS code.
  const Json newest = t.ok("Sandbox.ListMessages", {{"MaxResults", 1}})["Messages"][0];
  CHECK(newest["Purpose"] == "MFA");
  REQUIRE(t.type("tryit.challenge.code", newest["Code"].get<std::string>()));
  REQUIRE(t.click("tryit.challenge.submit"));
  CHECK(t.app->context().session.signed_in());
}

TEST_CASE("Forgot password: the code from the inbox and a new password, then sign in with it") {
  AppUnderTest t;
  const auto lab = t.create_lab_pool();
  t.ok("SignUp", {{"ClientId", lab.client_id}, {"Username", "kim@example.com"}, {"Password", "Passw0rd!"},
                  {"UserAttributes", {{{"Name", "name"}, {"Value", "Kim"}}}}});
  const std::string code = t.ok("Sandbox.ListMessages", {{"MaxResults", 1}})["Messages"][0]["Code"];
  t.ok("ConfirmSignUp", {{"ClientId", lab.client_id}, {"Username", "kim@example.com"}, {"ConfirmationCode", code}});
  REQUIRE(t.click("nav.try_it"));
  REQUIRE(t.click("tryit.tab.forgot"));
  REQUIRE(t.type("tryit.forgot.username", "kim@example.com"));
  REQUIRE(t.click("tryit.forgot.submit"));
  REQUIRE(shown(t, "tryit.forgot.code"));
  REQUIRE(t.click("nav.inbox"));
  REQUIRE(t.click("inbox.use.0"));
  REQUIRE(t.type("tryit.forgot.password", "Brand-n3w-pass"));
  REQUIRE(t.click("tryit.forgot.confirm"));
  // Back on the sign-in form, with the username filled in.
  REQUIRE(t.type("tryit.signin.password", "Brand-n3w-pass"));
  REQUIRE(t.click("tryit.signin.submit"));
  CHECK(t.app->context().session.signed_in());
}

TEST_CASE("The password checklist ticks each rule of the pool's policy as the password is typed") {
  TryIt s;
  s.t.create_lab_pool();  // Cognito's default policy
  const auto met = [&](const char* key) {
    const auto checks = s.panel.sign_up_checks();
    const auto it =
        std::find_if(checks.begin(), checks.end(), [&](const web::PasswordCheck& c) { return c.key == key; });
    REQUIRE(it != checks.end());
    return it->met;
  };
  REQUIRE(s.type("tryit.signup.password", "abc"));
  CHECK(met("lowercase"));
  CHECK_FALSE(met("uppercase"));
  CHECK_FALSE(met("number"));
  CHECK_FALSE(met("symbol"));
  CHECK_FALSE(met("length"));
  REQUIRE(s.type("tryit.signup.password", "Abcdefg1!"));
  for (const char* key : {"length", "uppercase", "lowercase", "number", "symbol"}) CHECK(met(key));
  CHECK(s.panel.sign_up_checks().front().label == "At least 8 characters");
}

TEST_CASE("The checklist lists only the rules a custom policy has") {
  const PasswordPolicy policy = web::password_policy_from_json(
      Json{{"MinimumLength", 6}, {"RequireUppercase", false}, {"RequireLowercase", false}, {"RequireNumbers", true},
           {"RequireSymbols", false}});
  const auto checks = web::check_password(policy, "12345");
  REQUIRE(checks.size() == 2);
  CHECK(checks[0].label == "At least 6 characters");
  CHECK_FALSE(checks[0].met);
  CHECK(checks[1].key == "number");
  CHECK(checks[1].met);
}

TEST_CASE("Signed in: refresh gives new tokens, and global sign-out revokes them") {
  TryIt s;
  const auto lab = s.t.create_lab_pool();
  s.add_user(lab.client_id, "ray@example.com");
  s.sign_in("ray@example.com", "Passw0rd!");
  REQUIRE(s.session().signed_in());
  CHECK(s.shown("tryit.signed_in.view_tokens"));
  const std::string first_access = s.session().access_token;
  const std::string refresh = s.session().refresh_token;
  s.t.app->api().call("Sandbox.AdvanceClock", {{"Seconds", 5}});
  REQUIRE(s.click("tryit.signed_in.refresh"));
  CHECK(s.panel.error().empty());
  CHECK(s.session().access_token != first_access);
  CHECK(s.session().refresh_token == refresh);
  CHECK(s.t.app->api().log().back().request["AuthFlow"] == "REFRESH_TOKEN_AUTH");

  const std::string access = s.session().access_token;
  REQUIRE(s.click("tryit.signed_in.global_sign_out"));
  CHECK_FALSE(s.session().signed_in());
  CHECK(s.panel.page() == Page::kSignIn);
  const Response r = call(s.t.account, "GetUser", {{"AccessToken", access}});
  CHECK(r.status == 400);
  CHECK(r.body["__type"] == "NotAuthorizedException");
}

TEST_CASE("Signed in: View tokens opens the token inspector; sign out forgets the tokens only") {
  AppUnderTest t;
  const auto lab = t.create_lab_pool();
  t.ok("SignUp", {{"ClientId", lab.client_id}, {"Username", "eve@example.com"}, {"Password", "Passw0rd!"},
                  {"UserAttributes", {{{"Name", "name"}, {"Value", "Eve"}}}}});
  t.ok("AdminConfirmSignUp", {{"UserPoolId", lab.pool_id}, {"Username", "eve@example.com"}});
  REQUIRE(t.click("nav.try_it"));
  REQUIRE(t.click("tryit.tab.sign_in"));
  REQUIRE(t.type("tryit.signin.username", "eve@example.com"));
  REQUIRE(t.type("tryit.signin.password", "Passw0rd!"));
  REQUIRE(t.click("tryit.signin.submit"));
  REQUIRE(t.click("tryit.signed_in.view_tokens"));
  CHECK(t.app->context().view == web::View::kTokens);
  const std::string access = t.app->context().session.access_token;
  REQUIRE(t.click("nav.try_it"));
  REQUIRE(t.click("tryit.signed_in.sign_out"));
  CHECK_FALSE(t.app->context().session.signed_in());
  CHECK(shown(t, "tryit.signin.submit"));
  // A local sign-out leaves the token valid at the pool.
  CHECK(call(t.account, "GetUser", {{"AccessToken", access}}).status == 200);
}

TEST_CASE("Signed in: Delete my account asks once more, then DeleteUser removes the user and signs out") {
  TryIt s;
  const auto lab = s.t.create_lab_pool();
  s.add_user(lab.client_id, "del@example.com");
  s.sign_in("del@example.com", "Passw0rd!");
  REQUIRE(s.session().signed_in());
  // The first press only asks; Keep it changes nothing.
  REQUIRE(s.click("tryit.signed_in.delete"));
  REQUIRE(s.click("tryit.signed_in.delete_cancel"));
  CHECK(s.t.ok("AdminGetUser", {{"UserPoolId", lab.pool_id}, {"Username", "del@example.com"}})["Enabled"] == true);
  REQUIRE(s.click("tryit.signed_in.delete"));
  REQUIRE(s.click("tryit.signed_in.delete_confirmed"));
  CHECK(s.operations().back() == "DeleteUser");
  CHECK(s.t.app->api().log().back().status == 200);
  CHECK(call(s.t.account, "AdminGetUser", {{"UserPoolId", lab.pool_id}, {"Username", "del@example.com"}}).body["__type"] ==
        "UserNotFoundException");
  CHECK_FALSE(s.session().signed_in());
  CHECK(s.shown("tryit.signin.submit"));
}

TEST_CASE("Signed in: change password, and update an email verified with the inbox's code") {
  AppUnderTest t;
  const auto lab = t.create_lab_pool();
  t.ok("SignUp", {{"ClientId", lab.client_id}, {"Username", "zoe@example.com"}, {"Password", "Passw0rd!"},
                  {"UserAttributes", {{{"Name", "name"}, {"Value", "Zoe"}}}}});
  t.ok("AdminConfirmSignUp", {{"UserPoolId", lab.pool_id}, {"Username", "zoe@example.com"}});
  REQUIRE(t.click("nav.try_it"));
  REQUIRE(t.click("tryit.tab.sign_in"));
  REQUIRE(t.type("tryit.signin.username", "zoe@example.com"));
  REQUIRE(t.type("tryit.signin.password", "Passw0rd!"));
  REQUIRE(t.click("tryit.signin.submit"));
  REQUIRE(t.app->context().session.signed_in());

  REQUIRE(t.type("tryit.signed_in.previous_password", "Passw0rd!"));
  REQUIRE(t.type("tryit.signed_in.proposed_password", "Chang3d-pass"));
  REQUIRE(t.click("tryit.signed_in.change_password"));
  CHECK(t.app->api().log().back().operation == "ChangePassword");
  CHECK(t.app->api().log().back().status == 200);

  // The attribute list starts at the pool's first changeable attribute; pick email.
  REQUIRE(t.click("tryit.signed_in.attribute"));
  REQUIRE(t.click("tryit.signed_in.attribute.email"));
  REQUIRE(t.type("tryit.signed_in.attribute_value", "zoe@example.org"));
  REQUIRE(t.click("tryit.signed_in.update_attribute"));
  REQUIRE(shown(t, "tryit.signed_in.verify_code"));
  REQUIRE(t.click("nav.inbox"));
  REQUIRE(t.click("inbox.use.0"));
  REQUIRE(t.click("tryit.signed_in.verify"));
  CHECK(t.app->api().log().back().operation == "VerifyUserAttribute");
  CHECK(t.app->api().log().back().status == 200);
  const Json user = t.ok("AdminGetUser", {{"UserPoolId", lab.pool_id}, {"Username", "zoe@example.org"}});
  const Json attributes = user["UserAttributes"];
  CHECK(std::any_of(attributes.begin(), attributes.end(),
                    [](const Json& a) { return a["Name"] == "email_verified" && a["Value"] == "true"; }));
}

TEST_CASE("An app client with a secret: the panel sends SECRET_HASH on sign-up, sign-in and refresh") {
  TryIt s;
  const auto lab = s.t.create_lab_pool();
  const std::string client_id =
      s.ok("CreateUserPoolClient", {{"UserPoolId", lab.pool_id},
                                    {"ClientName", "server"},
                                    {"GenerateSecret", true},
                                    {"ExplicitAuthFlows",
                                     {"ALLOW_USER_SRP_AUTH", "ALLOW_USER_PASSWORD_AUTH",
                                      "ALLOW_REFRESH_TOKEN_AUTH"}}})["UserPoolClient"]["ClientId"];
  REQUIRE(s.click("tryit.client"));
  REQUIRE(s.click("tryit.client." + client_id));
  CHECK(s.session().client_id == client_id);
  CHECK_FALSE(s.session().client_secret.empty());
  REQUIRE(s.type("tryit.signup.username", "sam@example.com"));
  REQUIRE(s.type("tryit.signup.attr.name", "Sam"));
  REQUIRE(s.type("tryit.signup.password", "Passw0rd!"));
  REQUIRE(s.click("tryit.signup.submit"));
  INFO(s.panel.error());
  REQUIRE(s.panel.page() == Page::kConfirm);
  REQUIRE(s.type("tryit.confirm.code", s.newest_code()));
  REQUIRE(s.click("tryit.confirm.submit"));
  for (const bool srp : {true, false}) {
    s.sign_in("sam@example.com", "Passw0rd!", srp);
    REQUIRE(s.session().signed_in());
    REQUIRE(s.click("tryit.signed_in.refresh"));
    CHECK(s.panel.error().empty());
    REQUIRE(s.click("tryit.signed_in.sign_out"));
  }
}

TEST_CASE("Without a user pool, Try it says so and opens the wizard") {
  AppUnderTest t;
  REQUIRE(t.click("nav.try_it"));
  REQUIRE(t.click("tryit.create_pool"));
  CHECK(t.app->context().view == web::View::kCreatePool);
}

TEST_CASE("Choosing another pool starts a new session") {
  TryIt s;
  const auto lab = s.t.create_lab_pool();
  s.add_user(lab.client_id, "ida@example.com");
  s.sign_in("ida@example.com", "Passw0rd!");
  REQUIRE(s.session().signed_in());
  const std::string other = s.ok("CreateUserPool", {{"PoolName", "other"}})["UserPool"]["Id"];
  REQUIRE(s.click("tryit.pool"));
  REQUIRE(s.click("tryit.pool." + other));
  CHECK(s.session().pool_id == other);
  CHECK_FALSE(s.session().signed_in());
  CHECK(s.session().client_id.empty());
  CHECK(s.shown("tryit.open_pool"));  // the new pool has no app client yet
}

TEST_CASE("Enter in the password field submits the sign-in form") {
  TryIt s;
  const auto lab = s.t.create_lab_pool();
  s.add_user(lab.client_id, "ned@example.com");
  REQUIRE(s.click("tryit.tab.sign_in"));
  REQUIRE(s.type("tryit.signin.username", "ned@example.com"));
  REQUIRE(s.type("tryit.signin.password", "Passw0rd!"));
  ImGuiIO& io = ImGui::GetIO();
  io.KeysDown[ImGui::GetKeyIndex(ImGuiKey_Enter)] = true;
  s.frames(1);
  io.KeysDown[ImGui::GetKeyIndex(ImGuiKey_Enter)] = false;
  s.frames(1);
  CHECK(s.session().signed_in());
}

TEST_CASE("Change password with a wrong current password is refused inline in Cognito's words") {
  TryIt s;
  const auto lab = s.t.create_lab_pool();
  s.add_user(lab.client_id, "una@example.com");
  s.sign_in("una@example.com", "Passw0rd!");
  REQUIRE(s.session().signed_in());
  REQUIRE(s.type("tryit.signed_in.previous_password", "Not-the-passw0rd"));
  REQUIRE(s.type("tryit.signed_in.proposed_password", "Chang3d-pass"));
  REQUIRE(s.click("tryit.signed_in.change_password"));
  CHECK(s.panel.error() == "NotAuthorizedException: Incorrect username or password.");
  CHECK(s.t.ui.reveal("tryit.error", s.draw()));
  CHECK(s.session().signed_in());
}

TEST_CASE("Signed in: Revoke the refresh token ends the session's tokens; Preferred MFA sets which factor sign-in asks for") {
  AppUnderTest t;
  const auto lab = t.create_lab_pool();
  t.ok("SetUserPoolMfaConfig", {{"UserPoolId", lab.pool_id}, {"MfaConfiguration", "OPTIONAL"}, {"SoftwareTokenMfaConfiguration", {{"Enabled", true}}},
                                {"SmsMfaConfiguration", {{"SmsConfiguration", {{"SnsCallerArn", "arn:aws:iam::123456789012:role/sms"}, {"ExternalId", "x"}}}}}});
  t.ok("AdminCreateUser", {{"UserPoolId", lab.pool_id}, {"Username", "rev@example.com"}, {"MessageAction", "SUPPRESS"},
                           {"UserAttributes", {{{"Name", "name"}, {"Value", "Rev"}}, {{"Name", "phone_number"}, {"Value", "+12065550199"}},
                                               {{"Name", "phone_number_verified"}, {"Value", "true"}}}}});
  t.ok("AdminSetUserPassword", {{"UserPoolId", lab.pool_id}, {"Username", "rev@example.com"}, {"Password", "Passw0rd!"}, {"Permanent", true}});
  REQUIRE(t.click("nav.try_it"));
  REQUIRE(t.click("tryit.tab.sign_in"));
  REQUIRE(t.type("tryit.signin.username", "rev@example.com"));
  REQUIRE(t.type("tryit.signin.password", "Passw0rd!"));
  REQUIRE(t.click("tryit.signin.submit"));
  REQUIRE(t.app->context().session.signed_in());
  // SMS preferred: the user's MFA settings say so (the authenticator, not set up, is refused by Cognito).
  REQUIRE(t.click("tryit.signed_in.prefer.sms"));
  CHECK(t.app->api().log().back().operation == "SetUserMFAPreference");
  const std::string access = t.app->context().session.access_token;
  REQUIRE(t.click("tryit.signed_in.revoke"));
  CHECK(t.app->api().log().back().operation == "RevokeToken");
  CHECK(t.app->api().log().back().status == 200);
  CHECK(call(t.account, "GetUser", {{"AccessToken", access}}).body["__type"] == "NotAuthorizedException");
}
