// ForgotPassword and ConfirmForgotPassword (API Reference: ForgotPassword, ConfirmForgotPassword): where
// the reset code goes (AccountRecoverySetting, Developer Guide: "Recovering user accounts"), who can reset, the
// 1-hour code, hourly limits (Developer Guide: "Quotas in Amazon Cognito"), PreventUserExistenceErrors (Developer Guide: "Managing user existence error responses"),
// SECRET_HASH (Developer Guide: "Computing secret hash values"), statuses and the lockout (API Reference: UserType; Developer Guide: "User pool authentication flow").
#include "core/crypto/secret_hash.h"
#include "tests/core/harness/harness.h"

using namespace userpool;
using namespace userpool::test;
using namespace std::chrono_literals;

namespace {


// {"RecoveryMechanisms": [{"Priority": p, "Name": n}, ...]} in the order given.
Json recovery(std::initializer_list<std::pair<int, const char*>> mechanisms) {
  Json list = Json::array();
  for (const auto& [priority, name] : mechanisms) list.push_back(Json{{"Priority", priority}, {"Name", name}});
  return Json{{"RecoveryMechanisms", list}};
}

// A CONFIRMED user with the given attributes (verification flags included).

Json verified_email(const std::string& email) { return attrs({{"email", email}, {"email_verified", "true"}}); }
Json verified_phone(const std::string& phone) { return attrs({{"phone_number", phone}, {"phone_number_verified", "true"}}); }
Json verified_both(const std::string& email, const std::string& phone) {
  return attrs({{"email", email}, {"email_verified", "true"}, {"phone_number", phone}, {"phone_number_verified", "true"}});
}

Json forgot(const std::string& client, const std::string& username) { return Json{{"ClientId", client}, {"Username", username}}; }

Json confirm_forgot(const std::string& client, const std::string& username, const std::string& code,
                    const std::string& password = "Brand-new1") {
  return Json{{"ClientId", client}, {"Username", username}, {"ConfirmationCode", code}, {"Password", password}};
}

Json email_details(const std::string& masked) {
  return Json{{"Destination", masked}, {"DeliveryMedium", "EMAIL"}, {"AttributeName", "email"}};
}
Json sms_details(const std::string& masked) {
  return Json{{"Destination", masked}, {"DeliveryMedium", "SMS"}, {"AttributeName", "phone_number"}};
}

std::string wrong_code(const std::string& code) { return code == "000000" ? "111111" : "000000"; }

}  // namespace

// ---------------------------------------------------------------------------
// ForgotPassword

TEST_CASE("ForgotPassword emails a reset code and leaves the password and status as they are") {
  Sandbox s;
  const auto pool = s.create_pool(Json{{"AccountRecoverySetting", recovery({{1, "verified_email"}})}});
  const auto client = s.create_client(pool);
  s.add_user(pool, "jane", verified_email("jane@example.com"));

  const Json r = s.ok("ForgotPassword", forgot(client, "jane"));
  CHECK(r == Json{{"CodeDeliveryDetails", email_details("j***@e***.com")}});
  const Json messages = s.ok("Sandbox.ListMessages", Json{{"Destination", "jane@example.com"}})["Messages"];
  REQUIRE(messages.size() == 1);
  const Json& m = messages[0];
  CHECK(m["Purpose"] == "ForgotPassword");
  CHECK(m["Medium"] == "EMAIL");
  CHECK(m["Subject"] == "Your verification code");
  CHECK(m["Body"] == "Your verification code is " + m["Code"].get<std::string>() + ". ");
  CHECK(s.status_of(pool, "jane") == "CONFIRMED");
  CHECK(s.password_sign_in(client, "jane", "Passw0rd!").status == 200);
}

TEST_CASE("ForgotPassword sends to the first recovery mechanism, by priority, that reaches the user") {
  Sandbox s;
  const auto phone_first = s.create_pool(Json{{"SmsConfiguration", kSmsConfiguration},
                                              {"AccountRecoverySetting", recovery({{1, "verified_phone_number"}, {2, "verified_email"}})}});
  const auto pf_client = s.create_client(phone_first);
  s.add_user(phone_first, "both", verified_both("both@example.com", "+15555550100"));
  s.add_user(phone_first, "mail", verified_email("mail@example.com"));
  CHECK(s.ok("ForgotPassword", forgot(pf_client, "both"))["CodeDeliveryDetails"] == sms_details("+*******0100"));
  CHECK(s.ok("ForgotPassword", forgot(pf_client, "mail"))["CodeDeliveryDetails"] == email_details("m***@e***.com"));
  const Json sms = s.ok("Sandbox.ListMessages", Json{{"Destination", "+15555550100"}})["Messages"];
  REQUIRE(sms.size() == 1);
  CHECK(sms[0]["Medium"] == "SMS");
  CHECK(sms[0]["Purpose"] == "ForgotPassword");
  CHECK(s.ok("Sandbox.ListMessages", Json{{"Destination", "both@example.com"}})["Messages"].empty());

  // Email first (listed second: the priority decides, not the order).
  const auto email_first = s.create_pool(Json{{"SmsConfiguration", kSmsConfiguration},
                                              {"AccountRecoverySetting", recovery({{2, "verified_phone_number"}, {1, "verified_email"}})}});
  const auto ef_client = s.create_client(email_first);
  s.add_user(email_first, "both", verified_both("both@example.net", "+15555550101"));
  s.add_user(email_first, "phone", verified_phone("+15555550102"));
  CHECK(s.ok("ForgotPassword", forgot(ef_client, "both"))["CodeDeliveryDetails"] == email_details("b***@e***.net"));
  CHECK(s.ok("ForgotPassword", forgot(ef_client, "phone"))["CodeDeliveryDetails"] == sms_details("+*******0102"));
}

TEST_CASE("ForgotPassword without AccountRecoverySetting uses the legacy order: verified phone, then verified email") {
  Sandbox s;
  const auto pool = s.create_pool(Json{{"SmsConfiguration", kSmsConfiguration}});
  const auto client = s.create_client(pool);
  s.add_user(pool, "both", verified_both("both@example.com", "+15555550100"));
  s.add_user(pool, "mail", verified_email("mail@example.com"));
  // The phone is there but not verified: the verified email is used.
  s.add_user(pool, "mixed", attrs({{"email", "mixed@example.com"}, {"email_verified", "true"}, {"phone_number", "+15555550103"}}));
  CHECK(s.ok("ForgotPassword", forgot(client, "both"))["CodeDeliveryDetails"] == sms_details("+*******0100"));
  CHECK(s.ok("ForgotPassword", forgot(client, "mail"))["CodeDeliveryDetails"] == email_details("m***@e***.com"));
  CHECK(s.ok("ForgotPassword", forgot(client, "mixed"))["CodeDeliveryDetails"] == email_details("m***@e***.com"));
}

TEST_CASE("ForgotPassword does not send by SMS to a user with SMS MFA") {
  Sandbox s;
  const auto pool = s.create_pool(Json{{"SmsConfiguration", kSmsConfiguration}, {"MfaConfiguration", "OPTIONAL"}});
  const auto client = s.create_client(pool);
  s.add_user(pool, "both", verified_both("both@example.com", "+15555550100"));
  s.add_user(pool, "phone", verified_phone("+15555550101"));
  for (const char* username : {"both", "phone"})
    s.ok("AdminSetUserMFAPreference", {{"UserPoolId", pool}, {"Username", username}, {"SMSMfaSettings", {{"Enabled", true}}}});
  CHECK(s.ok("ForgotPassword", forgot(client, "both"))["CodeDeliveryDetails"] == email_details("b***@e***.com"));
  const ApiError e = s.error("ForgotPassword", forgot(client, "phone"));
  CHECK(e.type == "InvalidParameterException");
  CHECK(e.message == kNoRecoveryContact);
}

TEST_CASE("ForgotPassword needs a verified contact among the pool's recovery mechanisms") {
  Sandbox s;
  const auto pool = s.create_pool(Json{{"SmsConfiguration", kSmsConfiguration},
                                       {"AccountRecoverySetting", recovery({{1, "verified_email"}})}});
  const auto client = s.create_client(pool);
  s.add_user(pool, "unverified", attrs({{"email", "unverified@example.com"}}));
  s.add_user(pool, "phone", verified_phone("+15555550100"));  // phones are not a mechanism of this pool
  s.add_user(pool, "nothing", Json::array());
  for (const char* username : {"unverified", "phone", "nothing"}) {
    INFO(username);
    const ApiError e = s.error("ForgotPassword", forgot(client, username));
    CHECK(e.type == "InvalidParameterException");
    CHECK(e.message == kNoRecoveryContact);
  }
  CHECK(s.message_count() == 0);
}

TEST_CASE("ForgotPassword with admin_only recovery: InvalidParameterException (LEGACY), a made-up delivery (ENABLED)") {
  Sandbox s;
  const auto pool = s.create_pool(Json{{"AccountRecoverySetting", recovery({{1, "admin_only"}})}});
  const auto legacy = s.create_client(pool);
  const auto enabled = s.create_client(pool, Json{{"PreventUserExistenceErrors", "ENABLED"}});
  s.add_user(pool, "jane", verified_email("jane@example.com"));
  const ApiError e = s.error("ForgotPassword", forgot(legacy, "jane"));
  CHECK(e.type == "InvalidParameterException");
  CHECK(e.message == kNoRecoveryContact);
  CHECK(s.ok("ForgotPassword", forgot(enabled, "jane")) == Json{{"CodeDeliveryDetails", email_details("j***@e***.com")}});
  CHECK(s.message_count() == 0);
}

TEST_CASE("ForgotPassword for a user with a temporary password is NotAuthorizedException") {
  Sandbox s;
  const auto pool = s.create_pool(Json{{"AccountRecoverySetting", recovery({{1, "verified_email"}})}});
  const auto legacy = s.create_client(pool);
  const auto enabled = s.create_client(pool, Json{{"PreventUserExistenceErrors", "ENABLED"}});
  s.ok("AdminCreateUser", {{"UserPoolId", pool}, {"Username", "fresh"}, {"UserAttributes", verified_email("fresh@example.com")},
                           {"MessageAction", "SUPPRESS"}});
  for (const auto& client : {legacy, enabled}) {
    const ApiError e = s.error("ForgotPassword", forgot(client, "fresh"));
    CHECK(e.type == "NotAuthorizedException");
    CHECK(e.message == "User password cannot be reset in the current state.");
  }
  CHECK(s.message_count() == 0);
  CHECK(s.status_of(pool, "fresh") == "FORCE_CHANGE_PASSWORD");
}

TEST_CASE("ForgotPassword for a disabled user: NotAuthorizedException (LEGACY), a made-up delivery and no code (ENABLED)") {
  Sandbox s;
  const auto pool = s.create_pool(Json{{"AccountRecoverySetting", recovery({{1, "verified_email"}})}});
  const auto legacy = s.create_client(pool);
  const auto enabled = s.create_client(pool, Json{{"PreventUserExistenceErrors", "ENABLED"}});
  s.add_user(pool, "dora", verified_email("dora@example.com"));
  s.ok("AdminDisableUser", {{"UserPoolId", pool}, {"Username", "dora"}});
  const ApiError e = s.error("ForgotPassword", forgot(legacy, "dora"));
  CHECK(e.type == "NotAuthorizedException");
  CHECK(e.message == "User is disabled.");
  CHECK(s.ok("ForgotPassword", forgot(enabled, "dora"))["CodeDeliveryDetails"]["DeliveryMedium"] == "EMAIL");
  CHECK(s.message_count() == 0);
}

TEST_CASE("ForgotPassword for an unknown user: UserNotFoundException (LEGACY), a delivery shaped by username and pool (ENABLED)") {
  Sandbox s;
  const auto pool = s.create_pool();
  const auto legacy = s.create_client(pool);
  const auto enabled = s.create_client(pool, Json{{"PreventUserExistenceErrors", "ENABLED"}});
  const ApiError e = s.error("ForgotPassword", forgot(legacy, "ghost"));
  CHECK(e.type == "UserNotFoundException");
  CHECK(e.message == "Username/client id combination not found.");

  CHECK(s.ok("ForgotPassword", forgot(enabled, "ghost"))["CodeDeliveryDetails"] == email_details("g***@e***.com"));
  CHECK(s.ok("ForgotPassword", forgot(enabled, "ghost@example.org"))["CodeDeliveryDetails"] == email_details("g***@e***.org"));
  CHECK(s.ok("ForgotPassword", forgot(enabled, "+15555550199"))["CodeDeliveryDetails"] == sms_details("+*******0199"));
  // A pool that verifies phones only answers with an SMS delivery.
  const auto sms_pool = s.create_pool(Json{{"AutoVerifiedAttributes", {"phone_number"}}, {"SmsConfiguration", kSmsConfiguration}});
  const auto sms_enabled = s.create_client(sms_pool, Json{{"PreventUserExistenceErrors", "ENABLED"}});
  CHECK(s.ok("ForgotPassword", forgot(sms_enabled, "ghost"))["CodeDeliveryDetails"] == sms_details("+*******0000"));

  // A real user without a verified contact is answered the same way.
  s.add_user(pool, "nocontact", attrs({{"email", "nocontact@example.com"}}));
  CHECK(s.ok("ForgotPassword", forgot(enabled, "nocontact"))["CodeDeliveryDetails"]["DeliveryMedium"] == "EMAIL");
  CHECK(s.message_count() == 0);
}

TEST_CASE("ForgotPassword finds users by a verified alias, and by email in email-username pools") {
  Sandbox s;
  const auto alias_pool = s.create_pool(Json{{"AliasAttributes", {"email"}}});
  const auto alias_client = s.create_client(alias_pool);
  s.add_user(alias_pool, "jane", verified_email("jane@example.com"));
  s.add_user(alias_pool, "joe", attrs({{"email", "joe@example.com"}}));  // unverified: not an alias yet
  CHECK(s.ok("ForgotPassword", forgot(alias_client, "jane@example.com"))["CodeDeliveryDetails"] == email_details("j***@e***.com"));
  CHECK(s.error("ForgotPassword", forgot(alias_client, "joe@example.com")).type == "UserNotFoundException");

  const auto email_pool = s.create_pool(Json{{"UsernameAttributes", {"email"}}});
  const auto email_client = s.create_client(email_pool);
  s.add_user(email_pool, "kim@example.com", attrs({{"email_verified", "true"}}));
  CHECK(s.ok("ForgotPassword", forgot(email_client, "kim@example.com"))["CodeDeliveryDetails"] == email_details("k***@e***.com"));
}

TEST_CASE("ForgotPassword finds a verified email alias regardless of case in a case-insensitive pool") {
  Sandbox s;
  const auto pool = s.create_pool(Json{{"AliasAttributes", {"email"}}, {"UsernameConfiguration", {{"CaseSensitive", false}}}});
  const auto client = s.create_client(pool);
  s.add_user(pool, "jane", verified_email("Jane@Example.com"));
  CHECK(s.ok("ForgotPassword", forgot(client, "jane@EXAMPLE.com"))["CodeDeliveryDetails"] == email_details("J***@E***.com"));
  CHECK(s.ok("ForgotPassword", forgot(client, "JANE"))["CodeDeliveryDetails"] == email_details("J***@E***.com"));
  CHECK(s.ok("Sandbox.ListMessages", Json{{"Destination", "Jane@Example.com"}})["Messages"].size() == 2);
}

TEST_CASE("ForgotPassword allows 5 per user per hour, then LimitExceededException until the hour has passed") {
  Sandbox s;
  const auto pool = s.create_pool();
  const auto client = s.create_client(pool);
  s.add_user(pool, "jane", verified_email("jane@example.com"));
  for (int i = 1; i <= 5; ++i) {
    INFO("request " << i);
    s.ok("ForgotPassword", forgot(client, "jane"));
  }
  const ApiError e = s.error("ForgotPassword", forgot(client, "jane"));
  CHECK(e.type == "LimitExceededException");
  CHECK(e.message == "Attempt limit exceeded, please try after some time.");
  CHECK(s.message_count() == 5);
  s.advance(1h);
  s.ok("ForgotPassword", forgot(client, "jane"));
  CHECK(s.message_count() == 6);
}

TEST_CASE("ForgotPassword checks the client and its SECRET_HASH") {
  Sandbox s;
  const auto pool = s.create_pool();
  s.add_user(pool, "jane", verified_email("jane@example.com"));
  const ApiError unknown = s.error("ForgotPassword", forgot("nosuchclient0000000000000", "jane"));
  CHECK(unknown.type == "ResourceNotFoundException");
  CHECK(unknown.message == "User pool client nosuchclient0000000000000 does not exist.");

  const Json c = s.ok("CreateUserPoolClient", {{"UserPoolId", pool}, {"ClientName", "server"}, {"GenerateSecret", true}})["UserPoolClient"];
  const std::string client = c["ClientId"].get<std::string>();
  const std::string secret = c["ClientSecret"].get<std::string>();
  const ApiError missing = s.error("ForgotPassword", forgot(client, "jane"));
  CHECK(missing.type == "NotAuthorizedException");
  CHECK(missing.message == "Client " + client + " is configured for secret but secret was not received");
  Json wrong = forgot(client, "jane");
  wrong["SecretHash"] = secret_hash("jane", client, "not-the-secret");
  const ApiError mismatch = s.error("ForgotPassword", wrong);
  CHECK(mismatch.type == "NotAuthorizedException");
  CHECK(mismatch.message == "Unable to verify secret hash for client " + client);
  CHECK(s.message_count() == 0);
  Json right = forgot(client, "jane");
  right["SecretHash"] = secret_hash("jane", client, secret);
  CHECK(s.ok("ForgotPassword", right)["CodeDeliveryDetails"] == email_details("j***@e***.com"));
}

// ---------------------------------------------------------------------------
// ConfirmForgotPassword

TEST_CASE("ConfirmForgotPassword sets the new password and uses up the code") {
  Sandbox s;
  const auto pool = s.create_pool();
  const auto client = s.create_client(pool);
  s.add_user(pool, "jane", verified_email("jane@example.com"));
  s.ok("ForgotPassword", forgot(client, "jane"));
  const std::string code = s.last_code("jane@example.com");
  CHECK(s.ok("ConfirmForgotPassword", confirm_forgot(client, "jane", code, "Brand-new1")) == Json::object());
  CHECK(s.status_of(pool, "jane") == "CONFIRMED");
  CHECK(s.password_sign_in(client, "jane", "Passw0rd!").body["message"] == "Incorrect username or password.");
  CHECK(s.password_sign_in(client, "jane", "Brand-new1").status == 200);
  const ApiError reuse = s.error("ConfirmForgotPassword", confirm_forgot(client, "jane", code, "Brand-new2"));
  CHECK(reuse.type == "ExpiredCodeException");
  CHECK(reuse.message == "Invalid code provided, please request a code again.");
}

TEST_CASE("ConfirmForgotPassword reset codes are valid for 1 hour") {
  Sandbox s;
  const auto pool = s.create_pool();
  const auto client = s.create_client(pool);
  s.add_user(pool, "early", verified_email("early@example.com"));
  s.add_user(pool, "late", verified_email("late@example.com"));
  s.ok("ForgotPassword", forgot(client, "early"));
  s.ok("ForgotPassword", forgot(client, "late"));
  s.advance(1h);
  s.ok("ConfirmForgotPassword", confirm_forgot(client, "early", s.last_code("early@example.com")));  // the last moment
  s.advance(1s);
  const ApiError e = s.error("ConfirmForgotPassword", confirm_forgot(client, "late", s.last_code("late@example.com")));
  CHECK(e.type == "ExpiredCodeException");
  CHECK(e.message == "Invalid code provided, please request a code again.");
  CHECK(s.password_sign_in(client, "late", "Passw0rd!").status == 200);  // unchanged
}

TEST_CASE("ConfirmForgotPassword without a requested code is ExpiredCodeException, whatever the client") {
  Sandbox s;
  const auto pool = s.create_pool();
  const auto legacy = s.create_client(pool);
  const auto enabled = s.create_client(pool, Json{{"PreventUserExistenceErrors", "ENABLED"}});
  s.add_user(pool, "jane", verified_email("jane@example.com"));
  for (const auto& client : {legacy, enabled}) {
    const ApiError e = s.error("ConfirmForgotPassword", confirm_forgot(client, "jane", "123456"));
    CHECK(e.type == "ExpiredCodeException");
    CHECK(e.message == "Invalid code provided, please request a code again.");
  }
}

TEST_CASE("ConfirmForgotPassword with a wrong or replaced code is CodeMismatchException") {
  Sandbox s;
  const auto pool = s.create_pool();
  const auto client = s.create_client(pool);
  s.add_user(pool, "jane", verified_email("jane@example.com"));
  s.ok("ForgotPassword", forgot(client, "jane"));
  const std::string first = s.last_code("jane@example.com");
  const ApiError wrong = s.error("ConfirmForgotPassword", confirm_forgot(client, "jane", wrong_code(first)));
  CHECK(wrong.type == "CodeMismatchException");
  CHECK(wrong.message == "Invalid verification code provided, please try again.");

  s.ok("ForgotPassword", forgot(client, "jane"));  // a new code replaces the first
  const std::string second = s.last_code("jane@example.com");
  REQUIRE(second != first);  // one chance in a million that they repeat
  CHECK(s.error("ConfirmForgotPassword", confirm_forgot(client, "jane", first)).type == "CodeMismatchException");
  s.ok("ConfirmForgotPassword", confirm_forgot(client, "jane", second));
}

TEST_CASE("ConfirmForgotPassword checks the password policy and keeps the code for another try") {
  Sandbox s;
  const auto pool = s.create_pool();
  const auto client = s.create_client(pool);
  s.add_user(pool, "jane", verified_email("jane@example.com"));
  s.ok("ForgotPassword", forgot(client, "jane"));
  const std::string code = s.last_code("jane@example.com");
  const ApiError weak = s.error("ConfirmForgotPassword", confirm_forgot(client, "jane", code, "Brandnew1"));
  CHECK(weak.type == "InvalidPasswordException");
  CHECK(weak.message == "Password did not conform with policy: Password must have symbol characters");
  const ApiError short_one = s.error("ConfirmForgotPassword", confirm_forgot(client, "jane", code, "B-n1"));
  CHECK(short_one.message == "Password did not conform with policy: Password not long enough");
  CHECK(s.password_sign_in(client, "jane", "Passw0rd!").status == 200);
  s.ok("ConfirmForgotPassword", confirm_forgot(client, "jane", code, "Brand-new1"));
}

TEST_CASE("ConfirmForgotPassword for an unknown or disabled user: UserNotFoundException or NotAuthorizedException (LEGACY), CodeMismatchException (ENABLED)") {
  Sandbox s;
  const auto pool = s.create_pool();
  const auto legacy = s.create_client(pool);
  const auto enabled = s.create_client(pool, Json{{"PreventUserExistenceErrors", "ENABLED"}});
  const ApiError l = s.error("ConfirmForgotPassword", confirm_forgot(legacy, "ghost", "123456"));
  CHECK(l.type == "UserNotFoundException");
  CHECK(l.message == "Username/client id combination not found.");
  const ApiError e = s.error("ConfirmForgotPassword", confirm_forgot(enabled, "ghost", "123456"));
  CHECK(e.type == "CodeMismatchException");
  CHECK(e.message == "Invalid verification code provided, please try again.");

  // A disabled user looks the same to an ENABLED client, even with the right code.
  s.add_user(pool, "dora", verified_email("dora@example.com"));
  s.ok("ForgotPassword", forgot(legacy, "dora"));
  s.ok("AdminDisableUser", {{"UserPoolId", pool}, {"Username", "dora"}});
  const ApiError disabled = s.error("ConfirmForgotPassword", confirm_forgot(enabled, "dora", s.last_code("dora@example.com")));
  CHECK(disabled.type == "CodeMismatchException");
  CHECK(disabled.message == "Invalid verification code provided, please try again.");
  // A LEGACY client is told the truth, and the password stays as it was.
  const ApiError disabled_legacy = s.error("ConfirmForgotPassword", confirm_forgot(legacy, "dora", s.last_code("dora@example.com")));
  CHECK(disabled_legacy.type == "NotAuthorizedException");
  CHECK(disabled_legacy.message == "User is disabled.");
  s.ok("AdminEnableUser", {{"UserPoolId", pool}, {"Username", "dora"}});
  CHECK(s.password_sign_in(legacy, "dora", "Passw0rd!").status == 200);
}

TEST_CASE("ConfirmForgotPassword moves a RESET_REQUIRED user to CONFIRMED") {
  Sandbox s;
  const auto pool = s.create_pool();
  const auto client = s.create_client(pool);
  s.add_user(pool, "jane", verified_email("jane@example.com"));
  s.ok("AdminResetUserPassword", {{"UserPoolId", pool}, {"Username", "jane"}});
  CHECK(s.status_of(pool, "jane") == "RESET_REQUIRED");
  s.ok("ConfirmForgotPassword", confirm_forgot(client, "jane", s.last_code("jane@example.com")));
  CHECK(s.status_of(pool, "jane") == "CONFIRMED");
  CHECK(s.password_sign_in(client, "jane", "Brand-new1").status == 200);
}

TEST_CASE("ConfirmForgotPassword lifts a sign-in lockout") {
  Sandbox s;
  const auto pool = s.create_pool();
  const auto client = s.create_client(pool);
  s.add_user(pool, "max", verified_email("max@example.com"));
  for (int i = 1; i <= 5; ++i) s.password_sign_in(client, "max", "wrong");
  REQUIRE(s.password_sign_in(client, "max", "Passw0rd!").body["message"] == "Password attempts exceeded");
  s.ok("ForgotPassword", forgot(client, "max"));
  s.ok("ConfirmForgotPassword", confirm_forgot(client, "max", s.last_code("max@example.com")));
  // The clock has not moved: without the reset, the lock would still hold.
  CHECK(s.password_sign_in(client, "max", "Brand-new1").status == 200);
  // And the count starts over: one failure does not lock.
  CHECK(s.password_sign_in(client, "max", "wrong").body["message"] == "Incorrect username or password.");
  CHECK(s.password_sign_in(client, "max", "Brand-new1").status == 200);
}

TEST_CASE("ConfirmForgotPassword allows 10 attempts per user per hour, then LimitExceededException") {
  Sandbox s;
  const auto pool = s.create_pool();
  const auto client = s.create_client(pool);
  s.add_user(pool, "jane", verified_email("jane@example.com"));
  s.ok("ForgotPassword", forgot(client, "jane"));
  const std::string code = s.last_code("jane@example.com");
  for (int i = 1; i <= 10; ++i) {
    INFO("attempt " << i);
    CHECK(s.error("ConfirmForgotPassword", confirm_forgot(client, "jane", wrong_code(code))).type == "CodeMismatchException");
  }
  const ApiError e = s.error("ConfirmForgotPassword", confirm_forgot(client, "jane", code));
  CHECK(e.type == "LimitExceededException");
  CHECK(e.message == "Attempt limit exceeded, please try after some time.");
  CHECK(s.password_sign_in(client, "jane", "Passw0rd!").status == 200);
  // After the hour the attempts are allowed again; the code itself has expired by then.
  s.advance(1h + 1s);
  CHECK(s.error("ConfirmForgotPassword", confirm_forgot(client, "jane", code)).type == "ExpiredCodeException");
  s.ok("ForgotPassword", forgot(client, "jane"));
  s.ok("ConfirmForgotPassword", confirm_forgot(client, "jane", s.last_code("jane@example.com")));
}

TEST_CASE("ConfirmForgotPassword checks the client and its SECRET_HASH") {
  Sandbox s;
  const auto pool = s.create_pool();
  s.add_user(pool, "jane", verified_email("jane@example.com"));
  const ApiError unknown = s.error("ConfirmForgotPassword", confirm_forgot("nosuchclient0000000000000", "jane", "123456"));
  CHECK(unknown.type == "ResourceNotFoundException");
  CHECK(unknown.message == "User pool client nosuchclient0000000000000 does not exist.");

  const Json c = s.ok("CreateUserPoolClient", {{"UserPoolId", pool}, {"ClientName", "server"}, {"GenerateSecret", true}})["UserPoolClient"];
  const std::string client = c["ClientId"].get<std::string>();
  const std::string secret = c["ClientSecret"].get<std::string>();
  Json request = forgot(client, "jane");
  request["SecretHash"] = secret_hash("jane", client, secret);
  s.ok("ForgotPassword", request);
  const std::string code = s.last_code("jane@example.com");

  const ApiError missing = s.error("ConfirmForgotPassword", confirm_forgot(client, "jane", code));
  CHECK(missing.type == "NotAuthorizedException");
  CHECK(missing.message == "Client " + client + " is configured for secret but secret was not received");
  Json wrong = confirm_forgot(client, "jane", code);
  wrong["SecretHash"] = secret_hash("JANE", client, secret);
  const ApiError mismatch = s.error("ConfirmForgotPassword", wrong);
  CHECK(mismatch.type == "NotAuthorizedException");
  CHECK(mismatch.message == "Unable to verify secret hash for client " + client);
  Json right = confirm_forgot(client, "jane", code);
  right["SecretHash"] = secret_hash("jane", client, secret);
  s.ok("ConfirmForgotPassword", right);
  CHECK(s.srp_sign_in(pool, client, "jane", "Brand-new1", secret).status == 200);
}
