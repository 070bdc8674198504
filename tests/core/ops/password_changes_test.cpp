// ChangePassword (API Reference: ChangePassword), AdminSetUserPassword (API Reference: AdminSetUserPassword),
// AdminResetUserPassword (API Reference: AdminResetUserPassword) and PasswordHistorySize (API Reference: PasswordPolicyType): statuses,
// policy wording, hourly limits and errors.
#include "tests/core/harness/harness.h"

using namespace userpool;
using namespace userpool::test;
using namespace std::chrono_literals;

namespace {


Json change(const std::string& token, const std::string& previous, const std::string& proposed) {
  return Json{{"AccessToken", token}, {"PreviousPassword", previous}, {"ProposedPassword", proposed}};
}

Json set_password(const std::string& pool, const std::string& username, const std::string& password, bool permanent) {
  return Json{{"UserPoolId", pool}, {"Username", username}, {"Password", password}, {"Permanent", permanent}};
}

}  // namespace

// ---------------------------------------------------------------------------
// ChangePassword

TEST_CASE("ChangePassword replaces the password; tokens already issued stay valid") {
  Sandbox s;
  const auto pool = s.create_pool();
  const auto client = s.create_client(pool);
  s.add_user(pool, "jane");
  const std::string token = s.access_token(client, "jane", "Passw0rd!").get<std::string>();
  CHECK(s.ok("ChangePassword", change(token, "Passw0rd!", "Brand-new1")) == Json::object());
  CHECK(s.password_sign_in(client, "jane", "Passw0rd!").body["message"] == "Incorrect username or password.");
  CHECK(s.password_sign_in(client, "jane", "Brand-new1").status == 200);
  CHECK(s.ok("GetUser", {{"AccessToken", token}})["Username"] == "jane");
  CHECK(s.status_of(pool, "jane") == "CONFIRMED");
}

TEST_CASE("ChangePassword with a wrong previous password is NotAuthorizedException") {
  Sandbox s;
  const auto pool = s.create_pool();
  const auto client = s.create_client(pool);
  s.add_user(pool, "jane");
  const std::string token = s.access_token(client, "jane", "Passw0rd!").get<std::string>();
  const ApiError e = s.error("ChangePassword", change(token, "Wrong-passw0rd", "Brand-new1"));
  CHECK(e.type == "NotAuthorizedException");
  CHECK(e.message == "Incorrect username or password.");
  const ApiError none = s.error("ChangePassword", {{"AccessToken", token}, {"ProposedPassword", "Brand-new1"}});
  CHECK(none.type == "NotAuthorizedException");
  CHECK(none.message == "Incorrect username or password.");
  CHECK(s.password_sign_in(client, "jane", "Passw0rd!").status == 200);
}

TEST_CASE("ChangePassword words policy failures \"Password does not conform to policy\"") {
  Sandbox s;
  const auto pool = s.create_pool();
  const auto client = s.create_client(pool);
  s.add_user(pool, "jane");
  const std::string token = s.access_token(client, "jane", "Passw0rd!").get<std::string>();
  const std::pair<const char*, const char*> cases[] = {
      {"Br-n1", "Password not long enough"},
      {"brand-new1", "Password must have uppercase characters"},
      {"BRAND-NEW1", "Password must have lowercase characters"},
      {"Brand-new!", "Password must have numeric characters"},
      {"Brandnew12", "Password must have symbol characters"},
  };
  for (const auto& [password, why] : cases) {
    INFO(password);
    const ApiError e = s.error("ChangePassword", change(token, "Passw0rd!", password));
    CHECK(e.type == "InvalidPasswordException");
    CHECK(e.message == std::string("Password does not conform to policy: ") + why);
  }
}

TEST_CASE("ChangePassword refuses invalid, expired and revoked access tokens") {
  Sandbox s;
  const auto pool = s.create_pool();
  const auto client = s.create_client(pool);
  s.add_user(pool, "jane");
  const ApiError invalid = s.error("ChangePassword", change("not.a.token", "Passw0rd!", "Brand-new1"));
  CHECK(invalid.type == "NotAuthorizedException");
  CHECK(invalid.message == "Invalid Access Token");

  const std::string revoked = s.access_token(client, "jane", "Passw0rd!").get<std::string>();
  s.ok("GlobalSignOut", {{"AccessToken", revoked}});
  CHECK(s.error("ChangePassword", change(revoked, "Passw0rd!", "Brand-new1")).message == "Access Token has been revoked");

  const std::string old = s.access_token(client, "jane", "Passw0rd!").get<std::string>();
  s.advance(1h + 1s);
  const ApiError expired = s.error("ChangePassword", change(old, "Passw0rd!", "Brand-new1"));
  CHECK(expired.type == "NotAuthorizedException");
  CHECK(expired.message == "Access Token has expired");
  CHECK(s.password_sign_in(client, "jane", "Passw0rd!").status == 200);
}

TEST_CASE("ChangePassword allows 5 per user per hour, then LimitExceededException until the hour has passed") {
  Sandbox s;
  const auto pool = s.create_pool();
  const auto client = s.create_client(pool);
  s.add_user(pool, "jane");
  const std::string token = s.access_token(client, "jane", "Passw0rd!").get<std::string>();
  for (int i = 1; i <= 5; ++i) {
    INFO("attempt " << i);
    CHECK(s.error("ChangePassword", change(token, "Wrong-passw0rd", "Brand-new1")).type == "NotAuthorizedException");
  }
  const ApiError e = s.error("ChangePassword", change(token, "Passw0rd!", "Brand-new1"));
  CHECK(e.type == "LimitExceededException");
  CHECK(e.message == "Attempt limit exceeded, please try after some time.");
  CHECK(s.password_sign_in(client, "jane", "Passw0rd!").status == 200);
  s.advance(1h);
  s.ok("ChangePassword", change(s.access_token(client, "jane", "Passw0rd!").get<std::string>(), "Passw0rd!", "Brand-new1"));
  CHECK(s.password_sign_in(client, "jane", "Brand-new1").status == 200);
}

// ---------------------------------------------------------------------------
// PasswordHistorySize

TEST_CASE("PasswordHistorySize forbids the current and recent passwords, counting the current one") {
  Sandbox s;
  const auto pool = s.create_pool(Json{{"Policies", {{"PasswordPolicy", {{"MinimumLength", 8}, {"RequireNumbers", true}, {"PasswordHistorySize", 2}}}}}});
  const auto client = s.create_client(pool);
  s.add_user(pool, "jane", Json::array(), "password1");
  const std::string token = s.access_token(client, "jane", "password1").get<std::string>();

  const ApiError same = s.error("ChangePassword", change(token, "password1", "password1"));
  CHECK(same.type == "PasswordHistoryPolicyViolationException");
  CHECK(same.message == "The password was used previously.");
  s.ok("ChangePassword", change(token, "password1", "password2"));
  CHECK(s.error("ChangePassword", change(token, "password2", "password1")).type == "PasswordHistoryPolicyViolationException");
  s.ok("ChangePassword", change(token, "password2", "password3"));
  // Two remembered: password3 (current) and password2; password1 has dropped out.
  s.ok("ChangePassword", change(token, "password3", "password1"));
  CHECK(s.password_sign_in(client, "jane", "password1").status == 200);
}

TEST_CASE("PasswordHistorySize also holds for AdminSetUserPassword and ConfirmForgotPassword") {
  Sandbox s;
  const auto pool = s.create_pool(Json{{"Policies", {{"PasswordPolicy", {{"MinimumLength", 8}, {"PasswordHistorySize", 3}}}}}});
  const auto client = s.create_client(pool);
  s.add_user(pool, "jane", attrs({{"email", "jane@example.com"}, {"email_verified", "true"}}), "password1");
  s.ok("AdminSetUserPassword", set_password(pool, "jane", "password2", true));

  const ApiError admin = s.error("AdminSetUserPassword", set_password(pool, "jane", "password1", true));
  CHECK(admin.type == "PasswordHistoryPolicyViolationException");
  CHECK(admin.message == "The password was used previously.");

  s.ok("ForgotPassword", {{"ClientId", client}, {"Username", "jane"}});
  const std::string code = s.last_code("jane@example.com");
  const Json confirm = {{"ClientId", client}, {"Username", "jane"}, {"ConfirmationCode", code}, {"Password", "password2"}};
  const ApiError reset = s.error("ConfirmForgotPassword", confirm);
  CHECK(reset.type == "PasswordHistoryPolicyViolationException");
  CHECK(reset.message == "The password was used previously.");
  s.ok("ConfirmForgotPassword", {{"ClientId", client}, {"Username", "jane"}, {"ConfirmationCode", code}, {"Password", "password3"}});
  CHECK(s.password_sign_in(client, "jane", "password3").status == 200);
}

TEST_CASE("Without PasswordHistorySize the current password may be set again") {
  Sandbox s;
  const auto pool = s.create_pool();
  const auto client = s.create_client(pool);
  s.add_user(pool, "jane");
  s.ok("ChangePassword", change(s.access_token(client, "jane", "Passw0rd!").get<std::string>(), "Passw0rd!", "Passw0rd!"));
  s.ok("AdminSetUserPassword", set_password(pool, "jane", "Passw0rd!", true));
  CHECK(s.password_sign_in(client, "jane", "Passw0rd!").status == 200);
}

// ---------------------------------------------------------------------------
// AdminSetUserPassword

TEST_CASE("AdminSetUserPassword with Permanent true confirms the user") {
  Sandbox s;
  const auto pool = s.create_pool(Json{{"AutoVerifiedAttributes", {"email"}}});
  const auto client = s.create_client(pool);
  // An invited user with a temporary password.
  s.ok("AdminCreateUser", {{"UserPoolId", pool}, {"Username", "carl"}, {"MessageAction", "SUPPRESS"}});
  CHECK(s.ok("AdminSetUserPassword", set_password(pool, "carl", "Passw0rd!", true)) == Json::object());
  CHECK(s.status_of(pool, "carl") == "CONFIRMED");
  CHECK(s.password_sign_in(client, "carl", "Passw0rd!").body.contains("AuthenticationResult"));

  // A user who signed up and never confirmed.
  s.ok("SignUp", {{"ClientId", client}, {"Username", "una"}, {"Password", "Passw0rd!"},
                  {"UserAttributes", attrs({{"email", "una@example.com"}})}});
  s.ok("AdminSetUserPassword", set_password(pool, "una", "Another-1", true));
  CHECK(s.status_of(pool, "una") == "CONFIRMED");
  CHECK(s.password_sign_in(client, "una", "Another-1").status == 200);

  // A user whose password an administrator reset.
  s.add_user(pool, "rita", attrs({{"email", "rita@example.com"}, {"email_verified", "true"}}));
  s.ok("AdminResetUserPassword", {{"UserPoolId", pool}, {"Username", "rita"}});
  REQUIRE(s.status_of(pool, "rita") == "RESET_REQUIRED");
  s.ok("AdminSetUserPassword", set_password(pool, "rita", "Another-1", true));
  CHECK(s.status_of(pool, "rita") == "CONFIRMED");
  CHECK(s.password_sign_in(client, "rita", "Another-1").status == 200);
}

TEST_CASE("AdminSetUserPassword without Permanent sets a temporary password (FORCE_CHANGE_PASSWORD)") {
  Sandbox s;
  const auto pool = s.create_pool();
  const auto client = s.create_client(pool);
  s.add_user(pool, "jane");
  s.ok("AdminSetUserPassword", {{"UserPoolId", pool}, {"Username", "jane"}, {"Password", "Temp-passw0rd"}});
  CHECK(s.status_of(pool, "jane") == "FORCE_CHANGE_PASSWORD");
  CHECK(s.password_sign_in(client, "jane", "Passw0rd!").body["message"] == "Incorrect username or password.");
  CHECK(s.password_sign_in(client, "jane", "Temp-passw0rd").body["ChallengeName"] == "NEW_PASSWORD_REQUIRED");

  s.ok("AdminSetUserPassword", set_password(pool, "jane", "Passw0rd!", true));
  s.ok("AdminSetUserPassword", set_password(pool, "jane", "Temp-passw0rd2", false));
  CHECK(s.status_of(pool, "jane") == "FORCE_CHANGE_PASSWORD");
}

TEST_CASE("AdminSetUserPassword with a temporary password starts a new validity period") {
  Sandbox s;
  const auto pool = s.create_pool();
  const auto client = s.create_client(pool);
  s.ok("AdminCreateUser", {{"UserPoolId", pool}, {"Username", "dana"}, {"TemporaryPassword", "Temp-1234"}, {"MessageAction", "SUPPRESS"}});
  s.advance(std::chrono::days(7) + 1s);
  REQUIRE(s.password_sign_in(client, "dana", "Temp-1234").body["message"] ==
          "Temporary password has expired and must be reset by an administrator.");
  s.ok("AdminSetUserPassword", set_password(pool, "dana", "Temp-5678", false));
  s.advance(std::chrono::days(6));
  CHECK(s.password_sign_in(client, "dana", "Temp-5678").body["ChallengeName"] == "NEW_PASSWORD_REQUIRED");
}

TEST_CASE("AdminSetUserPassword words policy failures \"Password does not conform to policy\" and changes nothing") {
  Sandbox s;
  const auto pool = s.create_pool();
  const auto client = s.create_client(pool);
  s.add_user(pool, "jane");
  const ApiError upper = s.error("AdminSetUserPassword", set_password(pool, "jane", "passw0rd!", true));
  CHECK(upper.type == "InvalidPasswordException");
  CHECK(upper.message == "Password does not conform to policy: Password must have uppercase characters");
  const ApiError temporary = s.error("AdminSetUserPassword", set_password(pool, "jane", "P0!", false));
  CHECK(temporary.message == "Password does not conform to policy: Password not long enough");
  CHECK(s.status_of(pool, "jane") == "CONFIRMED");
  CHECK(s.password_sign_in(client, "jane", "Passw0rd!").status == 200);
}

TEST_CASE("AdminSetUserPassword for an unknown user or pool fails") {
  Sandbox s;
  const auto pool = s.create_pool();
  const ApiError user = s.error("AdminSetUserPassword", set_password(pool, "ghost", "Passw0rd!", true));
  CHECK(user.type == "UserNotFoundException");
  CHECK(user.message == "User does not exist.");
  const ApiError unknown_pool = s.error("AdminSetUserPassword", set_password("us-east-1_NoSuchPool", "ghost", "Passw0rd!", true));
  CHECK(unknown_pool.type == "ResourceNotFoundException");
  CHECK(unknown_pool.message == "User pool us-east-1_NoSuchPool does not exist.");
}

// ---------------------------------------------------------------------------
// AdminResetUserPassword

TEST_CASE("AdminResetUserPassword sends a reset code and requires a reset before the next sign-in") {
  Sandbox s;
  const auto pool = s.create_pool(Json{{"AccountRecoverySetting", {{"RecoveryMechanisms", {{{"Priority", 1}, {"Name", "verified_email"}}}}}}});
  const auto client = s.create_client(pool);
  s.add_user(pool, "jane", attrs({{"email", "jane@example.com"}, {"email_verified", "true"}}));
  CHECK(s.ok("AdminResetUserPassword", {{"UserPoolId", pool}, {"Username", "jane"}}) == Json::object());
  CHECK(s.status_of(pool, "jane") == "RESET_REQUIRED");
  const Json messages = s.ok("Sandbox.ListMessages", Json{{"Destination", "jane@example.com"}})["Messages"];
  REQUIRE(messages.size() == 1);
  CHECK(messages[0]["Purpose"] == "ForgotPassword");
  CHECK(messages[0]["Medium"] == "EMAIL");

  const Response r = s.password_sign_in(client, "jane", "Passw0rd!");
  CHECK(r.body["__type"] == "PasswordResetRequiredException");
  CHECK(r.body["message"] == "Password reset required for the user");

  s.ok("ConfirmForgotPassword", {{"ClientId", client}, {"Username", "jane"}, {"ConfirmationCode", messages[0]["Code"]},
                                 {"Password", "Brand-new1"}});
  CHECK(s.status_of(pool, "jane") == "CONFIRMED");
  CHECK(s.password_sign_in(client, "jane", "Brand-new1").status == 200);
}

TEST_CASE("AdminResetUserPassword without AccountRecoverySetting sends to the verified phone first") {
  Sandbox s;
  const auto pool = s.create_pool(Json{{"SmsConfiguration", kSmsConfiguration}});
  s.add_user(pool, "pat", attrs({{"email", "pat@example.com"}, {"email_verified", "true"},
                                  {"phone_number", "+15555550100"}, {"phone_number_verified", "true"}}));
  s.ok("AdminResetUserPassword", {{"UserPoolId", pool}, {"Username", "pat"}});
  const Json sms = s.ok("Sandbox.ListMessages", Json{{"Destination", "+15555550100"}})["Messages"];
  REQUIRE(sms.size() == 1);
  CHECK(sms[0]["Medium"] == "SMS");
  CHECK(s.ok("Sandbox.ListMessages", Json{{"Destination", "pat@example.com"}})["Messages"].empty());
}

TEST_CASE("AdminResetUserPassword for a user with a temporary password is NotAuthorizedException") {
  Sandbox s;
  const auto pool = s.create_pool();
  s.ok("AdminCreateUser", {{"UserPoolId", pool}, {"Username", "fresh"}, {"MessageAction", "SUPPRESS"},
                           {"UserAttributes", attrs({{"email", "fresh@example.com"}, {"email_verified", "true"}})}});
  const ApiError e = s.error("AdminResetUserPassword", {{"UserPoolId", pool}, {"Username", "fresh"}});
  CHECK(e.type == "NotAuthorizedException");
  CHECK(e.message == "User password cannot be reset in the current state.");
  CHECK(s.status_of(pool, "fresh") == "FORCE_CHANGE_PASSWORD");
  CHECK(s.message_count() == 0);
}

TEST_CASE("AdminResetUserPassword without a verified contact is InvalidParameterException") {
  Sandbox s;
  const auto pool = s.create_pool();
  const auto client = s.create_client(pool);
  s.add_user(pool, "jane", attrs({{"email", "jane@example.com"}}));  // not verified
  const ApiError e = s.error("AdminResetUserPassword", {{"UserPoolId", pool}, {"Username", "jane"}});
  CHECK(e.type == "InvalidParameterException");
  CHECK(e.message == kNoRecoveryContact);
  CHECK(s.status_of(pool, "jane") == "CONFIRMED");
  CHECK(s.message_count() == 0);
  CHECK(s.password_sign_in(client, "jane", "Passw0rd!").status == 200);
}

TEST_CASE("AdminResetUserPassword for an unknown user or pool fails") {
  Sandbox s;
  const auto pool = s.create_pool();
  const ApiError user = s.error("AdminResetUserPassword", {{"UserPoolId", pool}, {"Username", "ghost"}});
  CHECK(user.type == "UserNotFoundException");
  CHECK(user.message == "User does not exist.");
  const ApiError unknown_pool = s.error("AdminResetUserPassword", {{"UserPoolId", "us-east-1_NoSuchPool"}, {"Username", "ghost"}});
  CHECK(unknown_pool.type == "ResourceNotFoundException");
  CHECK(unknown_pool.message == "User pool us-east-1_NoSuchPool does not exist.");
}

TEST_CASE("AdminResetUserPassword with admin_only recovery is InvalidParameterException: the code has nowhere to go") {
  Sandbox s;
  const auto pool = s.create_pool(Json{{"AccountRecoverySetting", {{"RecoveryMechanisms", {{{"Priority", 1}, {"Name", "admin_only"}}}}}}});
  const auto client = s.create_client(pool);
  s.add_user(pool, "ada", attrs({{"email", "ada@example.com"}, {"email_verified", "true"}}));
  const ApiError e = s.error("AdminResetUserPassword", {{"UserPoolId", pool}, {"Username", "ada"}});
  CHECK(e.type == "InvalidParameterException");
  CHECK(e.message == kNoRecoveryContact);
  CHECK(s.status_of(pool, "ada") == "CONFIRMED");
  CHECK(s.message_count() == 0);
  // The administrator's way with admin_only: set the password.
  s.ok("AdminSetUserPassword", set_password(pool, "ada", "Another-pw1", true));
  CHECK(s.password_sign_in(client, "ada", "Another-pw1").status == 200);
}
