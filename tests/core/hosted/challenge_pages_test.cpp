// The hosted UI's challenge pages: a user with a temporary password sets a
// new one (NEW_PASSWORD_REQUIRED), a user with SMS MFA types the code; both
// through the same challenge steps as the API's sign-in, ending with the
// browser back at the app.
#include "core/crypto/totp.h"
#include "tests/core/hosted/hosted_browser.h"

using namespace userpool;
using namespace userpool::test;

namespace {


// The page after posting the sign-in form.
HttpResponse after_password(HostedBrowser& b, const std::string& client, const std::string& username, const std::string& password) {
  const HttpResponse login = b.follow(b.get(authorize_url(client, {{"state", "st"}})));
  return b.post(HostedBrowser::action(login), {{"username", username}, {"password", password}, {"_csrf", HostedBrowser::field(login, "_csrf")}});
}

}  // namespace

TEST_CASE("A temporary password leads to the Change Password page; the new one must meet the policy; then back to the app") {
  Sandbox s;
  const std::string pool = hosted_pool(s);
  const std::string client = s.create_client(pool, hosted_client_settings());
  s.ok("AdminCreateUser", {{"UserPoolId", pool}, {"Username", "tim"}, {"TemporaryPassword", "Temp0rary!"}, {"MessageAction", "SUPPRESS"},
                           {"UserAttributes", attrs({{"email", "tim@example.com"}})}});
  HostedBrowser b(s);
  const HttpResponse change = after_password(b, client, "tim", "Temp0rary!");
  REQUIRE(change.status == 200);
  CHECK(shows(change, "Change Password"));
  CHECK(HostedBrowser::field(change, "challenge") == "NEW_PASSWORD_REQUIRED");
  CHECK(HostedBrowser::action(change).starts_with(kBase + "/resetpassword?"));
  const auto form = [&](const HttpResponse& page, const std::string& password) {
    return UrlParams{{"newPassword", password}, {"challenge", HostedBrowser::field(page, "challenge")},
                     {"session", HostedBrowser::field(page, "session")}, {"username", HostedBrowser::field(page, "username")},
                     {"_csrf", HostedBrowser::field(page, "_csrf")}};
  };
  const HttpResponse weak = b.post(HostedBrowser::action(change), form(change, "short"));
  CHECK(shows(weak, "Password did not conform with policy"));  // RespondToAuthChallenge's wording
  CHECK(b.last_operation == "HostedUI.RespondToChallenge");
  const HttpResponse done = b.post(HostedBrowser::action(change), form(change, "N3w-Passw0rd!"));
  REQUIRE(done.status == 302);
  CHECK(HostedBrowser::location(done).starts_with(kCallback + "?code="));
  CHECK(s.status_of(pool, "tim") == "CONFIRMED");
}

TEST_CASE("SMS MFA: the code page after the password, a wrong code is refused on it, the right one signs in") {
  Sandbox s;
  const std::string pool = hosted_pool(s, {{"MfaConfiguration", "ON"}, {"SmsConfiguration", kSmsConfiguration}});
  const std::string client = s.create_client(pool, hosted_client_settings());
  s.add_user(pool, "mia", attrs({{"email", "mia@example.com"}, {"phone_number", "+15555550123"}, {"phone_number_verified", "true"}}));
  HostedBrowser b(s);
  const HttpResponse code_page = after_password(b, client, "mia", "Passw0rd!");
  REQUIRE(code_page.status == 200);
  CHECK(shows(code_page, "Enter the code sent to your phone"));
  CHECK(shows(code_page, "We have sent a code by SMS to +*******0123"));
  const auto form = [&](const std::string& code) {
    return UrlParams{{"code", code}, {"challenge", HostedBrowser::field(code_page, "challenge")},
                     {"session", HostedBrowser::field(code_page, "session")}, {"username", HostedBrowser::field(code_page, "username")},
                     {"_csrf", HostedBrowser::field(code_page, "_csrf")}};
  };
  const std::string code = s.last_code("+15555550123");
  const HttpResponse wrong = b.post(HostedBrowser::action(code_page), form(code_not_in({code})));
  CHECK(shows(wrong, "Invalid code received for user"));
  const HttpResponse done = b.post(HostedBrowser::action(code_page), form(code));
  REQUIRE(done.status == 302);
  CHECK(HostedBrowser::location(done).starts_with(kCallback + "?code="));
  CHECK(HostedBrowser::url_param(HostedBrowser::location(done), "state") == "st");
}

TEST_CASE("MFA required with an authenticator app: the set-up page shows the key, a wrong code is refused, the right one signs in") {
  Sandbox s;
  const std::string pool = hosted_pool(s, {{"MfaConfiguration", "OFF"}});
  s.ok("SetUserPoolMfaConfig", {{"UserPoolId", pool}, {"MfaConfiguration", "ON"}, {"SoftwareTokenMfaConfiguration", {{"Enabled", true}}}});
  const std::string client = s.create_client(pool, hosted_client_settings());
  s.add_user(pool, "ana", attrs({{"email", "ana@example.com"}}));
  HostedBrowser b(s);
  const HttpResponse setup = after_password(b, client, "ana", "Passw0rd!");
  REQUIRE(setup.status == 200);
  CHECK(shows(setup, "Set up an authenticator app"));
  CHECK(HostedBrowser::field(setup, "challenge") == "MFA_SETUP");
  const std::string secret = HostedBrowser::field(setup, "secret");
  REQUIRE(secret.size() >= 16);
  CHECK(shows(setup, "Secret key: " + secret));
  CHECK(shows(setup, "otpauth://totp/"));
  const auto form = [&](const std::string& code) {
    return UrlParams{{"code", code}, {"friendlyDeviceName", "phone"}, {"secret", secret},
                     {"challenge", "MFA_SETUP"}, {"session", HostedBrowser::field(setup, "session")},
                     {"username", "ana"}, {"_csrf", HostedBrowser::field(setup, "_csrf")}};
  };
  const std::string code = totp_code_now(secret, s.now());
  const HttpResponse wrong = b.post(HostedBrowser::action(setup), form(code_not_in({code})));
  CHECK(shows(wrong, "Code mismatch"));
  CHECK(HostedBrowser::field(wrong, "secret") == secret);  // the same key, to try again
  const HttpResponse done = b.post(HostedBrowser::action(wrong), form(code));
  REQUIRE(done.status == 302);
  CHECK(HostedBrowser::location(done).starts_with(kCallback + "?code="));
  const Json user = s.ok("AdminGetUser", {{"UserPoolId", pool}, {"Username", "ana"}});
  CHECK(user["UserMFASettingList"] == Json::array({"SOFTWARE_TOKEN_MFA"}));

  // The next sign-in asks for the authenticator's code on its own page.
  s.advance(std::chrono::seconds(60));
  HostedBrowser again(s);
  const HttpResponse code_page = after_password(again, client, "ana", "Passw0rd!");
  CHECK(shows(code_page, "Enter the code from your authenticator app"));
  CHECK(HostedBrowser::field(code_page, "challenge") == "SOFTWARE_TOKEN_MFA");
}

TEST_CASE("A user with two MFA factors and no preference chooses one on the page, then gets that factor's code page") {
  Sandbox s;
  const std::string pool = hosted_pool(s, {{"MfaConfiguration", "OFF"}});
  s.ok("SetUserPoolMfaConfig", {{"UserPoolId", pool}, {"MfaConfiguration", "OPTIONAL"},
                                {"SmsMfaConfiguration", {{"SmsConfiguration", kSmsConfiguration}}},
                                {"SoftwareTokenMfaConfiguration", {{"Enabled", true}}}});
  const std::string client = s.create_client(pool, hosted_client_settings());
  s.add_user(pool, "leo", attrs({{"email", "leo@example.com"}, {"phone_number", "+15555550199"}, {"phone_number_verified", "true"}}));
  // An authenticator registered through the API (with an access token), then both factors on, neither preferred.
  const std::string access = s.access_token(client, "leo").get<std::string>();
  const std::string secret = s.ok("AssociateSoftwareToken", {{"AccessToken", access}})["SecretCode"].get<std::string>();
  s.ok("VerifySoftwareToken", {{"AccessToken", access}, {"UserCode", totp_code_now(secret, s.now())}});
  s.ok("AdminSetUserMFAPreference", {{"UserPoolId", pool}, {"Username", "leo"}, {"SMSMfaSettings", {{"Enabled", true}}},
                                     {"SoftwareTokenMfaSettings", {{"Enabled", true}}}});
  HostedBrowser b(s);
  const HttpResponse choose = after_password(b, client, "leo", "Passw0rd!");
  REQUIRE(choose.status == 200);
  CHECK(HostedBrowser::field(choose, "challenge") == "SELECT_MFA_TYPE");
  CHECK(shows(choose, "Choose an MFA method"));
  CHECK(shows(choose, "value=\"SMS_MFA\""));
  CHECK(shows(choose, "value=\"SOFTWARE_TOKEN_MFA\""));
  const HttpResponse sms = b.post(HostedBrowser::action(choose),
                                  {{"mfaType", "SMS_MFA"}, {"challenge", "SELECT_MFA_TYPE"}, {"session", HostedBrowser::field(choose, "session")},
                                   {"username", "leo"}, {"_csrf", HostedBrowser::field(choose, "_csrf")}});
  REQUIRE(sms.status == 200);
  CHECK(shows(sms, "Enter the code sent to your phone"));
  const HttpResponse done = b.post(HostedBrowser::action(sms),
                                   {{"code", s.last_code("+15555550199")}, {"challenge", "SMS_MFA"}, {"session", HostedBrowser::field(sms, "session")},
                                    {"username", "leo"}, {"_csrf", HostedBrowser::field(sms, "_csrf")}});
  REQUIRE(done.status == 302);
  CHECK(HostedBrowser::location(done).starts_with(kCallback + "?code="));
}
