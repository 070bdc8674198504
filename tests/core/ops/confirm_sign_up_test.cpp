// ConfirmSignUp and ResendConfirmationCode (API Reference: ConfirmSignUp, ResendConfirmationCode): codes and
// their 24-hour lifetime, statuses, aliases, hourly limits,
// PreventUserExistenceErrors (Developer Guide: "Managing user existence error responses"), SECRET_HASH (Developer Guide: "Computing secret hash values"); and the messages
// themselves: templates (API Reference: VerificationMessageTemplateType) and the daily email quota (Developer Guide: "Email settings for Amazon Cognito user pools", "Quotas in Amazon Cognito").
#include <optional>

#include "core/crypto/secret_hash.h"
#include "tests/core/harness/harness.h"

using namespace userpool;
using namespace userpool::test;
using namespace std::chrono_literals;

namespace {

const char* const kAcmeSesIdentity = "arn:aws:ses:us-east-1:123456789012:identity/no-reply@acme.example";

Json email_sign_up(const std::string& client, const std::string& username, const std::string& email) {
  return Json{{"ClientId", client}, {"Username", username}, {"Password", "Passw0rd!"},
              {"UserAttributes", attrs({{"email", email}})}};
}

Json confirm_request(const std::string& client, const std::string& username, const std::string& code) {
  return Json{{"ClientId", client}, {"Username", username}, {"ConfirmationCode", code}};
}

Json resend_request(const std::string& client, const std::string& username) {
  return Json{{"ClientId", client}, {"Username", username}};
}

// A code that is not `code` (same length, all digits).
std::string other_code(const std::string& code) { return code == "000000" ? "111111" : "000000"; }

// A pool that emails its codes, and a client of it.
struct EmailPool {
  std::string pool, client;
};
EmailPool email_pool(Sandbox& s, Json params = Json::object()) {
  params["AutoVerifiedAttributes"] = {"email"};
  const std::string pool = s.create_pool(params);
  return {pool, s.create_client(pool)};
}

}  // namespace

// ---------------------------------------------------------------------------
// ConfirmSignUp

TEST_CASE("ConfirmSignUp with the emailed code confirms the user and verifies the email") {
  Sandbox s;
  const auto [pool, client] = email_pool(s);
  s.ok("SignUp", email_sign_up(client, "jane", "jane@example.com"));
  const Json r = s.ok("ConfirmSignUp", confirm_request(client, "jane", s.last_code("jane@example.com")));
  CHECK(r == Json::object());
  const Json user = admin_get_user(s, pool, "jane");
  CHECK(user["UserStatus"] == "CONFIRMED");
  CHECK(attribute_value(user, "email_verified") == "true");
  CHECK(s.password_sign_in(client, "jane", "Passw0rd!").status == 200);
}

TEST_CASE("ConfirmSignUp with a code sent by SMS verifies the phone number only") {
  Sandbox s;
  const auto pool = s.create_pool(Json{{"AutoVerifiedAttributes", {"email", "phone_number"}}, {"SmsConfiguration", kSmsConfiguration}});
  const auto client = s.create_client(pool);
  s.ok("SignUp", {{"ClientId", client}, {"Username", "pat"}, {"Password", "Passw0rd!"},
                  {"UserAttributes", attrs({{"email", "pat@example.com"}, {"phone_number", "+15555550100"}})}});
  s.ok("ConfirmSignUp", confirm_request(client, "pat", s.last_code("+15555550100")));
  const Json user = admin_get_user(s, pool, "pat");
  CHECK(user["UserStatus"] == "CONFIRMED");
  CHECK(attribute_value(user, "phone_number_verified") == "true");
  CHECK(attribute_value(user, "email_verified") == "false");
}

TEST_CASE("ConfirmSignUp with a wrong code is CodeMismatchException and the right code still works") {
  Sandbox s;
  const auto [pool, client] = email_pool(s);
  s.ok("SignUp", email_sign_up(client, "jane", "jane@example.com"));
  const std::string code = s.last_code("jane@example.com");
  const ApiError e = s.error("ConfirmSignUp", confirm_request(client, "jane", other_code(code)));
  CHECK(e.type == "CodeMismatchException");
  CHECK(e.message == "Invalid verification code provided, please try again.");
  CHECK(admin_get_user(s, pool, "jane")["UserStatus"] == "UNCONFIRMED");
  s.ok("ConfirmSignUp", confirm_request(client, "jane", code));
}

TEST_CASE("ConfirmSignUp codes are valid for 24 hours, then ExpiredCodeException until a new one is sent") {
  Sandbox s;
  const auto [pool, client] = email_pool(s);
  s.ok("SignUp", email_sign_up(client, "early", "early@example.com"));
  s.ok("SignUp", email_sign_up(client, "late", "late@example.com"));
  s.advance(24h);
  s.ok("ConfirmSignUp", confirm_request(client, "early", s.last_code("early@example.com")));  // the last moment
  s.advance(1s);
  const std::string old = s.last_code("late@example.com");
  const ApiError e = s.error("ConfirmSignUp", confirm_request(client, "late", old));
  CHECK(e.type == "ExpiredCodeException");
  CHECK(e.message == "Invalid code provided, please request a code again.");
  CHECK(admin_get_user(s, pool, "late")["UserStatus"] == "UNCONFIRMED");

  s.ok("ResendConfirmationCode", resend_request(client, "late"));
  s.ok("ConfirmSignUp", confirm_request(client, "late", s.last_code("late@example.com")));
  CHECK(admin_get_user(s, pool, "late")["UserStatus"] == "CONFIRMED");
}

TEST_CASE("ConfirmSignUp of a confirmed user is NotAuthorizedException naming the status") {
  Sandbox s;
  const auto [pool, client] = email_pool(s);
  s.sign_up_confirmed(client, "jane", "Passw0rd!", attrs({{"email", "jane@example.com"}}));
  const ApiError e = s.error("ConfirmSignUp", confirm_request(client, "jane", s.last_code("jane@example.com")));
  CHECK(e.type == "NotAuthorizedException");
  CHECK(e.message == "User cannot be confirmed. Current status is CONFIRMED");

  s.ok("AdminCreateUser", {{"UserPoolId", pool}, {"Username", "carl"}, {"MessageAction", "SUPPRESS"}});
  const ApiError forced = s.error("ConfirmSignUp", confirm_request(client, "carl", "123456"));
  CHECK(forced.type == "NotAuthorizedException");
  CHECK(forced.message == "User cannot be confirmed. Current status is FORCE_CHANGE_PASSWORD");
}

TEST_CASE("ConfirmSignUp of an unknown user or through an unknown client fails") {
  Sandbox s;
  const auto [pool, client] = email_pool(s);
  const ApiError user = s.error("ConfirmSignUp", confirm_request(client, "ghost", "123456"));
  CHECK(user.type == "UserNotFoundException");
  CHECK(user.message == "Username/client id combination not found.");
  const ApiError unknown_client = s.error("ConfirmSignUp", confirm_request("nosuchclient0000000000000", "ghost", "123456"));
  CHECK(unknown_client.type == "ResourceNotFoundException");
  CHECK(unknown_client.message == "User pool client nosuchclient0000000000000 does not exist.");
}

TEST_CASE("ConfirmSignUp when no code was sent is ExpiredCodeException; an administrator confirms instead") {
  Sandbox s;
  const auto pool = s.create_pool();  // nothing auto-verified
  const auto client = s.create_client(pool);
  s.ok("SignUp", email_sign_up(client, "nora", "nora@example.com"));
  const ApiError e = s.error("ConfirmSignUp", confirm_request(client, "nora", "123456"));
  CHECK(e.type == "ExpiredCodeException");
  CHECK(e.message == "Invalid code provided, please request a code again.");
  s.ok("AdminConfirmSignUp", {{"UserPoolId", pool}, {"Username", "nora"}});
  const Json user = admin_get_user(s, pool, "nora");
  CHECK(user["UserStatus"] == "CONFIRMED");
  CHECK_FALSE(attribute_value(user, "email_verified"));
}

TEST_CASE("ConfirmSignUp through a client with a secret needs the SECRET_HASH") {
  Sandbox s;
  const auto pool = s.create_pool(Json{{"AutoVerifiedAttributes", {"email"}}});
  const Json c = s.ok("CreateUserPoolClient", {{"UserPoolId", pool}, {"ClientName", "server"}, {"GenerateSecret", true}})["UserPoolClient"];
  const std::string client = c["ClientId"].get<std::string>();
  const std::string secret = c["ClientSecret"].get<std::string>();
  Json sign_up = email_sign_up(client, "jane", "jane@example.com");
  sign_up["SecretHash"] = secret_hash("jane", client, secret);
  s.ok("SignUp", sign_up);
  const std::string code = s.last_code("jane@example.com");

  const ApiError missing = s.error("ConfirmSignUp", confirm_request(client, "jane", code));
  CHECK(missing.type == "NotAuthorizedException");
  CHECK(missing.message == "Client " + client + " is configured for secret but secret was not received");
  Json wrong = confirm_request(client, "jane", code);
  wrong["SecretHash"] = secret_hash("jane", client, secret + "x");
  const ApiError mismatch = s.error("ConfirmSignUp", wrong);
  CHECK(mismatch.type == "NotAuthorizedException");
  CHECK(mismatch.message == "Unable to verify secret hash for client " + client);
  CHECK(admin_get_user(s, pool, "jane")["UserStatus"] == "UNCONFIRMED");

  Json right = confirm_request(client, "jane", code);
  right["SecretHash"] = secret_hash("jane", client, secret);
  s.ok("ConfirmSignUp", right);
  CHECK(s.srp_sign_in(pool, client, "jane", "Passw0rd!", secret).status == 200);
}

TEST_CASE("ConfirmSignUp allows 15 attempts per user per hour, then LimitExceededException until the hour has passed") {
  Sandbox s;
  const auto [pool, client] = email_pool(s);
  s.ok("SignUp", email_sign_up(client, "jane", "jane@example.com"));
  const std::string code = s.last_code("jane@example.com");
  for (int i = 1; i <= 15; ++i) {
    INFO("attempt " << i);
    CHECK(s.error("ConfirmSignUp", confirm_request(client, "jane", other_code(code))).type == "CodeMismatchException");
  }
  // Even the right code is refused now.
  const ApiError limited = s.error("ConfirmSignUp", confirm_request(client, "jane", code));
  CHECK(limited.type == "LimitExceededException");
  CHECK(limited.message == "Attempt limit exceeded, please try after some time.");
  s.advance(1h - 1s);
  CHECK(s.error("ConfirmSignUp", confirm_request(client, "jane", code)).type == "LimitExceededException");
  s.advance(1s);
  s.ok("ConfirmSignUp", confirm_request(client, "jane", code));
  CHECK(admin_get_user(s, pool, "jane")["UserStatus"] == "CONFIRMED");
}

TEST_CASE("ConfirmSignUp in an alias pool refuses an email verified for another user unless ForceAliasCreation") {
  Sandbox s;
  const auto [pool, client] = email_pool(s, Json{{"AliasAttributes", {"email"}}});
  s.sign_up_confirmed(client, "alice", "Passw0rd!", attrs({{"email", "shared@example.com"}}));
  s.ok("SignUp", email_sign_up(client, "bob", "shared@example.com"));
  const std::string code = s.last_code("shared@example.com");

  const ApiError e = s.error("ConfirmSignUp", confirm_request(client, "bob", code));
  CHECK(e.type == "AliasExistsException");
  CHECK(e.message == "An account with the given email already exists.");
  CHECK(admin_get_user(s, pool, "bob")["UserStatus"] == "UNCONFIRMED");
  CHECK(admin_get_user(s, pool, "shared@example.com")["Username"] == "alice");

  Json force = confirm_request(client, "bob", code);
  force["ForceAliasCreation"] = true;
  s.ok("ConfirmSignUp", force);
  const Json bob = admin_get_user(s, pool, "bob");
  CHECK(bob["UserStatus"] == "CONFIRMED");
  CHECK(attribute_value(bob, "email_verified") == "true");
  const Json alice = admin_get_user(s, pool, "alice");
  CHECK(attribute_value(alice, "email") == "shared@example.com");
  CHECK(attribute_value(alice, "email_verified") == "false");
  // The alias now signs in as bob.
  CHECK(admin_get_user(s, pool, "shared@example.com")["Username"] == "bob");
  CHECK(s.password_sign_in(client, "shared@example.com", "Passw0rd!").status == 200);
}

TEST_CASE("ConfirmSignUp names phone_number when a phone alias is taken") {
  Sandbox s;
  const auto pool = s.create_pool(Json{{"AliasAttributes", {"phone_number"}}, {"AutoVerifiedAttributes", {"phone_number"}},
                                       {"SmsConfiguration", kSmsConfiguration}});
  const auto client = s.create_client(pool);
  const Json phone = attrs({{"phone_number", "+15555550100"}});
  s.ok("SignUp", {{"ClientId", client}, {"Username", "alice"}, {"Password", "Passw0rd!"}, {"UserAttributes", phone}});
  s.ok("ConfirmSignUp", confirm_request(client, "alice", s.last_code("+15555550100")));
  s.ok("SignUp", {{"ClientId", client}, {"Username", "bob"}, {"Password", "Passw0rd!"}, {"UserAttributes", phone}});
  const ApiError e = s.error("ConfirmSignUp", confirm_request(client, "bob", s.last_code("+15555550100")));
  CHECK(e.type == "AliasExistsException");
  CHECK(e.message == "An account with the given phone_number already exists.");
}

TEST_CASE("ConfirmSignUp in a pool without aliases lets two users verify the same email") {
  Sandbox s;
  const auto [pool, client] = email_pool(s);
  s.sign_up_confirmed(client, "alice", "Passw0rd!", attrs({{"email", "shared@example.com"}}));
  s.sign_up_confirmed(client, "bob", "Passw0rd!", attrs({{"email", "shared@example.com"}}));
  CHECK(attribute_value(admin_get_user(s, pool, "alice"), "email_verified") == "true");
  CHECK(attribute_value(admin_get_user(s, pool, "bob"), "email_verified") == "true");
}

// ---------------------------------------------------------------------------
// ResendConfirmationCode

TEST_CASE("ResendConfirmationCode sends a new code that replaces the previous one") {
  Sandbox s;
  const auto [pool, client] = email_pool(s);
  s.ok("SignUp", email_sign_up(client, "jane", "jane@example.com"));
  const std::string first = s.last_code("jane@example.com");
  const Json r = s.ok("ResendConfirmationCode", resend_request(client, "jane"));
  CHECK(r == Json{{"CodeDeliveryDetails", {{"Destination", "j***@e***.com"}, {"DeliveryMedium", "EMAIL"}, {"AttributeName", "email"}}}});
  const Json newest = s.ok("Sandbox.ListMessages", Json{{"Destination", "jane@example.com"}})["Messages"];
  REQUIRE(newest.size() == 2);
  CHECK(newest[0]["Purpose"] == "ResendCode");
  CHECK(newest[1]["Purpose"] == "SignUp");
  const std::string second = newest[0]["Code"].get<std::string>();
  REQUIRE(second != first);  // one chance in a million that a new code repeats the old one
  CHECK(s.error("ConfirmSignUp", confirm_request(client, "jane", first)).type == "CodeMismatchException");
  s.ok("ConfirmSignUp", confirm_request(client, "jane", second));
}

TEST_CASE("ResendConfirmationCode starts a new 24-hour validity") {
  Sandbox s;
  const auto [pool, client] = email_pool(s);
  s.ok("SignUp", email_sign_up(client, "jane", "jane@example.com"));
  s.advance(23h);
  s.ok("ResendConfirmationCode", resend_request(client, "jane"));
  s.advance(24h);  // 47 hours after signing up
  s.ok("ConfirmSignUp", confirm_request(client, "jane", s.last_code("jane@example.com")));
}

TEST_CASE("ResendConfirmationCode goes by SMS when the phone is auto-verified") {
  Sandbox s;
  const auto pool = s.create_pool(Json{{"AutoVerifiedAttributes", {"email", "phone_number"}}, {"SmsConfiguration", kSmsConfiguration}});
  const auto client = s.create_client(pool);
  s.ok("SignUp", {{"ClientId", client}, {"Username", "pat"}, {"Password", "Passw0rd!"},
                  {"UserAttributes", attrs({{"email", "pat@example.com"}, {"phone_number", "+15555550100"}})}});
  const Json r = s.ok("ResendConfirmationCode", resend_request(client, "pat"));
  CHECK(r["CodeDeliveryDetails"] == Json{{"Destination", "+*******0100"}, {"DeliveryMedium", "SMS"}, {"AttributeName", "phone_number"}});
  s.ok("ConfirmSignUp", confirm_request(client, "pat", s.last_code("+15555550100")));
}

TEST_CASE("ResendConfirmationCode for a confirmed user is InvalidParameterException") {
  Sandbox s;
  const auto [pool, client] = email_pool(s);
  s.sign_up_confirmed(client, "jane", "Passw0rd!", attrs({{"email", "jane@example.com"}}));
  const std::size_t before = s.message_count();
  const ApiError e = s.error("ResendConfirmationCode", resend_request(client, "jane"));
  CHECK(e.type == "InvalidParameterException");
  CHECK(e.message == "User is already confirmed.");
  CHECK(s.message_count() == before);
}

TEST_CASE("ResendConfirmationCode without auto-verification is InvalidParameterException") {
  Sandbox s;
  const auto pool = s.create_pool();
  const auto client = s.create_client(pool);
  s.ok("SignUp", email_sign_up(client, "nora", "nora@example.com"));
  const ApiError e = s.error("ResendConfirmationCode", resend_request(client, "nora"));
  CHECK(e.type == "InvalidParameterException");
  CHECK(e.message == "Cannot resend codes. Auto verification not turned on.");
  CHECK(s.message_count() == 0);
}

TEST_CASE("ResendConfirmationCode for an unknown or disabled user: UserNotFoundException or NotAuthorizedException (LEGACY), or a made-up delivery (ENABLED)") {
  Sandbox s;
  const auto [pool, legacy] = email_pool(s);
  const auto enabled = s.create_client(pool, Json{{"PreventUserExistenceErrors", "ENABLED"}});
  s.ok("SignUp", email_sign_up(legacy, "dora", "dora@example.com"));
  s.ok("AdminDisableUser", {{"UserPoolId", pool}, {"Username", "dora"}});
  const std::size_t before = s.message_count();

  const ApiError unknown = s.error("ResendConfirmationCode", resend_request(legacy, "ghost"));
  CHECK(unknown.type == "UserNotFoundException");
  CHECK(unknown.message == "Username/client id combination not found.");
  const ApiError disabled_legacy = s.error("ResendConfirmationCode", resend_request(legacy, "dora"));
  CHECK(disabled_legacy.type == "NotAuthorizedException");
  CHECK(disabled_legacy.message == "User is disabled.");
  const Json ghost = s.ok("ResendConfirmationCode", resend_request(enabled, "ghost"));
  CHECK(ghost == Json{{"CodeDeliveryDetails", {{"Destination", "g***@e***.com"}, {"DeliveryMedium", "EMAIL"}, {"AttributeName", "email"}}}});
  const Json disabled = s.ok("ResendConfirmationCode", resend_request(enabled, "dora"));
  CHECK(disabled["CodeDeliveryDetails"]["DeliveryMedium"] == "EMAIL");
  // An email-shaped username is masked as that address.
  CHECK(s.ok("ResendConfirmationCode", resend_request(enabled, "ghost@example.org"))["CodeDeliveryDetails"]["Destination"] ==
        "g***@e***.org");
  CHECK(s.message_count() == before);  // nothing was sent
}

TEST_CASE("ResendConfirmationCode allows 5 per user per hour, then LimitExceededException until the hour has passed") {
  Sandbox s;
  const auto [pool, client] = email_pool(s);
  s.ok("SignUp", email_sign_up(client, "jane", "jane@example.com"));
  for (int i = 1; i <= 5; ++i) {
    INFO("resend " << i);
    s.ok("ResendConfirmationCode", resend_request(client, "jane"));
  }
  const std::size_t before = s.message_count();
  const ApiError e = s.error("ResendConfirmationCode", resend_request(client, "jane"));
  CHECK(e.type == "LimitExceededException");
  CHECK(e.message == "Attempt limit exceeded, please try after some time.");
  CHECK(s.message_count() == before);
  s.advance(1h);
  s.ok("ResendConfirmationCode", resend_request(client, "jane"));
  CHECK(s.message_count() == before + 1);
}

TEST_CASE("ResendConfirmationCode checks the client and its SECRET_HASH") {
  Sandbox s;
  const auto pool = s.create_pool(Json{{"AutoVerifiedAttributes", {"email"}}});
  const ApiError unknown = s.error("ResendConfirmationCode", resend_request("nosuchclient0000000000000", "jane"));
  CHECK(unknown.type == "ResourceNotFoundException");
  CHECK(unknown.message == "User pool client nosuchclient0000000000000 does not exist.");

  const Json c = s.ok("CreateUserPoolClient", {{"UserPoolId", pool}, {"ClientName", "server"}, {"GenerateSecret", true}})["UserPoolClient"];
  const std::string client = c["ClientId"].get<std::string>();
  const std::string secret = c["ClientSecret"].get<std::string>();
  Json sign_up = email_sign_up(client, "jane", "jane@example.com");
  sign_up["SecretHash"] = secret_hash("jane", client, secret);
  s.ok("SignUp", sign_up);

  const ApiError missing = s.error("ResendConfirmationCode", resend_request(client, "jane"));
  CHECK(missing.type == "NotAuthorizedException");
  CHECK(missing.message == "Client " + client + " is configured for secret but secret was not received");
  Json wrong = resend_request(client, "jane");
  wrong["SecretHash"] = secret_hash("jane", "another-client", secret);
  CHECK(s.error("ResendConfirmationCode", wrong).message == "Unable to verify secret hash for client " + client);
  Json right = resend_request(client, "jane");
  right["SecretHash"] = secret_hash("jane", client, secret);
  CHECK(s.ok("ResendConfirmationCode", right)["CodeDeliveryDetails"]["DeliveryMedium"] == "EMAIL");
}

// ---------------------------------------------------------------------------
// The messages: templates and the daily email quota

TEST_CASE("Verification messages are rendered from a DEVELOPER pool's custom templates") {
  Sandbox s;
  const auto pool = s.create_pool(Json{
      {"AutoVerifiedAttributes", {"email"}},
      {"EmailConfiguration", {{"EmailSendingAccount", "DEVELOPER"}, {"SourceArn", kAcmeSesIdentity}}},
      {"VerificationMessageTemplate", {{"EmailMessage", "Welcome to Acme! Your code: {####} (valid for a day)"},
                                       {"EmailSubject", "Your Acme code"},
                                       {"SmsMessage", "Acme code {####}"}}}});
  const auto client = s.create_client(pool);
  s.ok("SignUp", email_sign_up(client, "jane", "jane@example.com"));
  s.ok("ResendConfirmationCode", resend_request(client, "jane"));
  const Json messages = s.ok("Sandbox.ListMessages", Json{{"Destination", "jane@example.com"}})["Messages"];
  REQUIRE(messages.size() == 2);
  for (const auto& m : messages) {
    const std::string code = m["Code"].get<std::string>();
    CHECK(m["From"] == "no-reply@acme.example");
    CHECK(m["Subject"] == "Your Acme code");
    CHECK(m["Body"] == "Welcome to Acme! Your code: " + code + " (valid for a day)");
  }
}

TEST_CASE("Verification by link sends the link template with the code in a confirmation link") {
  Sandbox s;
  const auto pool = s.create_pool(Json{{"AutoVerifiedAttributes", {"email"}},
                                       {"VerificationMessageTemplate", {{"DefaultEmailOption", "CONFIRM_WITH_LINK"}}}});
  const auto client = s.create_client(pool);
  s.ok("SignUp", email_sign_up(client, "jane", "jane@example.com"));
  const Json m = s.ok("Sandbox.ListMessages", Json{{"Destination", "jane@example.com"}})["Messages"][0];
  CHECK(m["Subject"] == "Your verification link");
  const std::string body = m["Body"].get<std::string>();
  CHECK(body.rfind("Please click the link below to verify your email address. Verify Email (https://", 0) == 0);
  CHECK(body.find("client_id=" + client) != std::string::npos);
  CHECK(body.find("user_name=jane") != std::string::npos);
  CHECK(body.find("confirmation_code=" + m["Code"].get<std::string>()) != std::string::npos);
  CHECK(body.find("{##") == std::string::npos);
}

TEST_CASE("Cognito's own email sender stops after 50 emails a day, until the next UTC day; DEVELOPER email is not limited") {
  Sandbox s;
  const auto [pool, client] = email_pool(s);
  const auto other = email_pool(s);  // the quota is the account's, not the pool's
  for (int i = 0; i < 25; ++i) {
    s.ok("SignUp", email_sign_up(client, "user" + std::to_string(i), "user" + std::to_string(i) + "@example.com"));
    s.ok("SignUp", email_sign_up(other.client, "user" + std::to_string(i), "other" + std::to_string(i) + "@example.com"));
  }
  CHECK(s.message_count() == 50);

  const ApiError e = s.error("SignUp", email_sign_up(client, "late", "late@example.com"));
  CHECK(e.type == "LimitExceededException");
  CHECK(e.message ==
        "Exceeded daily email limit for the operation or the account. If a higher limit is required, please configure "
        "your user pool to use your own Amazon SES configuration for sending email.");
  CHECK(s.call("AdminGetUser", {{"UserPoolId", pool}, {"Username", "late"}}).status == 400);  // not created
  CHECK(s.error("ResendConfirmationCode", resend_request(client, "user0")).type == "LimitExceededException");
  CHECK(s.message_count() == 50);

  // A pool sending through its own SES identity is not held by the quota.
  const auto developer = s.create_pool(Json{{"AutoVerifiedAttributes", {"email"}},
                                            {"EmailConfiguration", {{"EmailSendingAccount", "DEVELOPER"}, {"SourceArn", kAcmeSesIdentity}}}});
  const auto developer_client = s.create_client(developer);
  for (int i = 0; i < 3; ++i)
    s.ok("SignUp", email_sign_up(developer_client, "dev" + std::to_string(i), "dev" + std::to_string(i) + "@example.com"));
  CHECK(s.message_count() == 53);

  // 2026-01-15T10:00Z + 14 h is midnight UTC: a new day, a new count.
  s.advance(14h - 1s);
  CHECK(s.error("SignUp", email_sign_up(client, "late", "late@example.com")).type == "LimitExceededException");
  s.advance(1s);
  s.ok("SignUp", email_sign_up(client, "late", "late@example.com"));
  CHECK(s.last_code("late@example.com").size() == 6);
}
