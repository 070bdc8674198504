// The hosted UI's challenge pages: a user with a temporary password sets a
// new one (NEW_PASSWORD_REQUIRED), a user with SMS MFA types the code; both
// through the same challenge steps as the API's sign-in, ending with the
// browser back at the app.
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
