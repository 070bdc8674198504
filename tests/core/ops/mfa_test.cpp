// MFA set-up (API Reference: AssociateSoftwareToken, VerifySoftwareToken, SetUserMFAPreference; Developer Guide: "TOTP software token MFA"): AssociateSoftwareToken,
// VerifySoftwareToken, SetUserMFAPreference, AdminSetUserMFAPreference, and
// which factor sign-in then asks for.
#include <algorithm>

#include "core/crypto/totp.h"
#include "tests/core/harness/harness.h"

using namespace userpool;
using namespace userpool::test;
using namespace std::chrono_literals;

namespace {

// A pool with SMS and authenticator-app MFA, OPTIONAL.
std::string two_factor_pool(Sandbox& s) {
  const auto pool = s.create_pool(Json{{"MfaConfiguration", "OPTIONAL"}, {"SmsConfiguration", kSmsConfiguration}});
  s.ok("SetUserPoolMfaConfig", {{"UserPoolId", pool}, {"SmsMfaConfiguration", Json::object()},
                                {"SoftwareTokenMfaConfiguration", {{"Enabled", true}}}, {"MfaConfiguration", "OPTIONAL"}});
  return pool;
}

// Associates and verifies an authenticator; returns its secret.
std::string register_authenticator(Sandbox& s, const Json& access) {
  const std::string secret = s.ok("AssociateSoftwareToken", {{"AccessToken", access}})["SecretCode"];
  CHECK(s.ok("VerifySoftwareToken", {{"AccessToken", access}, {"UserCode", totp_code_now(secret, s.now())}})["Status"] == "SUCCESS");
  return secret;
}

}  // namespace

TEST_CASE("In a pool without authenticator apps, software tokens are SoftwareTokenMFANotFoundException") {
  Sandbox s;
  const auto pool = s.create_pool();
  const auto client = s.create_client(pool);
  s.add_user(pool, "ned");
  const Json access = s.access_token(client, "ned");
  ApiError e = s.error("AssociateSoftwareToken", {{"AccessToken", access}});
  CHECK(e.type == "SoftwareTokenMFANotFoundException");
  CHECK(e.message == "Software Token MFA has not been enabled by the userPool");
  e = s.error("VerifySoftwareToken", {{"AccessToken", access}, {"UserCode", "123456"}});
  CHECK(e.type == "SoftwareTokenMFANotFoundException");
  CHECK(e.message == "Software Token MFA has not been enabled by the userPool");
  e = s.error("SetUserMFAPreference", {{"AccessToken", access}, {"SoftwareTokenMfaSettings", {{"Enabled", true}}}});
  CHECK(e.type == "InvalidParameterException");
  CHECK(e.message == "Software token MFA is not enabled for the user pool.");
}

TEST_CASE("AssociateSoftwareToken takes an AccessToken or an MFA_SETUP Session, exactly one") {
  Sandbox s;
  const auto pool = s.create_pool();
  s.ok("SetUserPoolMfaConfig", {{"UserPoolId", pool}, {"SoftwareTokenMfaConfiguration", {{"Enabled", true}}}, {"MfaConfiguration", "OPTIONAL"}});
  const auto client = s.create_client(pool);
  s.add_user(pool, "one");
  s.ok("AdminCreateUser", {{"UserPoolId", pool}, {"Username", "tmp"}, {"TemporaryPassword", "Temp-pass1"}, {"MessageAction", "SUPPRESS"}});
  const Json access = s.access_token(client, "one");
  const Json new_password = s.password_sign_in(client, "tmp", "Temp-pass1").body;
  REQUIRE(new_password["ChallengeName"] == "NEW_PASSWORD_REQUIRED");

  for (const Json& request : {Json{{"AccessToken", access}, {"Session", new_password["Session"]}}, Json::object()}) {
    const ApiError e = s.error("AssociateSoftwareToken", request);
    CHECK(e.type == "InvalidParameterException");
    CHECK(e.message == "Give either AccessToken or Session, not both and not neither.");
  }
  ApiError e = s.error("AssociateSoftwareToken", {{"Session", new_password["Session"]}});
  CHECK(e.type == "NotAuthorizedException");
  CHECK(e.message == "Invalid session for the user.");
  e = s.error("AssociateSoftwareToken", {{"Session", std::string(64, 'z')}});
  CHECK(e.type == "NotAuthorizedException");
  CHECK(e.message == "Invalid session for the user, session is expired.");
  e = s.error("AssociateSoftwareToken", {{"AccessToken", "not-a-token"}});
  CHECK(e.type == "NotAuthorizedException");
  CHECK(e.message == "Invalid Access Token");

  // With an access token: a base32 secret and no Session; a new one each time.
  const Json first = s.ok("AssociateSoftwareToken", {{"AccessToken", access}});
  CHECK(first.size() == 1);
  const std::string secret = first["SecretCode"];
  CHECK(secret.size() == 52);
  CHECK(secret.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567") == std::string::npos);
  CHECK(s.ok("AssociateSoftwareToken", {{"AccessToken", access}})["SecretCode"] != secret);
}

TEST_CASE("VerifySoftwareToken: nothing associated, a wrong code, a code of the wrong length; one step of skew is fine") {
  Sandbox s;
  const auto pool = s.create_pool();
  s.ok("SetUserPoolMfaConfig", {{"UserPoolId", pool}, {"SoftwareTokenMfaConfiguration", {{"Enabled", true}}}, {"MfaConfiguration", "OPTIONAL"}});
  const auto client = s.create_client(pool);
  s.add_user(pool, "vera");
  const Json access = s.access_token(client, "vera");
  ApiError e = s.error("VerifySoftwareToken", {{"AccessToken", access}, {"UserCode", "123456"}});
  CHECK(e.type == "InvalidParameterException");
  CHECK(e.message == "There is no software token to verify: call AssociateSoftwareToken first.");

  const std::string secret = s.ok("AssociateSoftwareToken", {{"AccessToken", access}})["SecretCode"];
  e = s.error("VerifySoftwareToken", {{"AccessToken", access}, {"UserCode", "12345"}});
  CHECK(e.type == "InvalidParameterException");
  CHECK(e.message ==
        "1 validation error detected: Value '12345' at 'userCode' failed to satisfy constraint: Member must have length greater than "
        "or equal to 6");
  const std::string wrong = code_not_in({totp_code_now(secret, s.now() - 30s), totp_code_now(secret, s.now()),
                                          totp_code_now(secret, s.now() + 30s)});
  e = s.error("VerifySoftwareToken", {{"AccessToken", access}, {"UserCode", wrong}});
  CHECK(e.type == "EnableSoftwareTokenMFAException");
  CHECK(e.message == "Code mismatch and fail enable Software Token MFA");
  // The previous step's code is still accepted.
  CHECK(s.ok("VerifySoftwareToken", {{"AccessToken", access}, {"UserCode", totp_code_now(secret, s.now() - 30s)}, {"FriendlyDeviceName", "phone"}})
            ["Status"] == "SUCCESS");
  // Verifying alone does not turn the factor on.
  const Json user = s.ok("AdminGetUser", {{"UserPoolId", pool}, {"Username", "vera"}});
  CHECK_FALSE(user.contains("UserMFASettingList"));
  CHECK(s.password_sign_in(client, "vera", "Passw0rd!").body.contains("AuthenticationResult"));
}

TEST_CASE("A new authenticator replaces the old one only once it is verified") {
  Sandbox s;
  const auto pool = s.create_pool();
  s.ok("SetUserPoolMfaConfig", {{"UserPoolId", pool}, {"SoftwareTokenMfaConfiguration", {{"Enabled", true}}}, {"MfaConfiguration", "OPTIONAL"}});
  const auto client = s.create_client(pool);
  s.add_user(pool, "rey");
  const Json access = s.access_token(client, "rey");
  const std::string old_secret = register_authenticator(s, access);
  s.ok("SetUserMFAPreference", {{"AccessToken", access}, {"SoftwareTokenMfaSettings", {{"Enabled", true}, {"PreferredMfa", true}}}});
  const std::string new_secret = s.ok("AssociateSoftwareToken", {{"AccessToken", access}})["SecretCode"];

  const auto answer_with = [&](const std::string& secret) {
    const Json c = s.password_sign_in(client, "rey", "Passw0rd!").body;
    REQUIRE(c["ChallengeName"] == "SOFTWARE_TOKEN_MFA");
    return s.call("RespondToAuthChallenge", {{"ClientId", client}, {"ChallengeName", "SOFTWARE_TOKEN_MFA"}, {"Session", c["Session"]},
                                             {"ChallengeResponses", {{"USERNAME", "rey"}, {"SOFTWARE_TOKEN_MFA_CODE", totp_code_now(secret, s.now())}}}});
  };
  s.advance(60s);
  CHECK(answer_with(old_secret).status == 200);  // the new one is not verified yet
  s.advance(60s);
  CHECK(s.ok("VerifySoftwareToken", {{"AccessToken", access}, {"UserCode", totp_code_now(new_secret, s.now())}})["Status"] == "SUCCESS");
  s.advance(60s);
  if (totp_code_now(old_secret, s.now()) != totp_code_now(new_secret, s.now())) {
    const Response old = answer_with(old_secret);
    CHECK(old.body["__type"] == "CodeMismatchException");
  }
  CHECK(answer_with(new_secret).status == 200);
}

TEST_CASE("MFA_SETUP: every step hands on a new Session and uses up the one it was given") {
  Sandbox s;
  const auto pool = s.create_pool();
  s.ok("SetUserPoolMfaConfig", {{"UserPoolId", pool}, {"SoftwareTokenMfaConfiguration", {{"Enabled", true}}}, {"MfaConfiguration", "ON"}});
  const auto client = s.create_client(pool);
  s.add_user(pool, "set");
  const Json setup = s.password_sign_in(client, "set", "Passw0rd!").body;
  REQUIRE(setup["ChallengeName"] == "MFA_SETUP");
  const Json associated = s.ok("AssociateSoftwareToken", {{"Session", setup["Session"]}});
  REQUIRE(associated.contains("Session"));
  CHECK(s.error("AssociateSoftwareToken", {{"Session", setup["Session"]}}).message ==
        "Invalid session for the user, session can only be used once.");
  const std::string secret = associated["SecretCode"];
  const std::string good = totp_code_now(secret, s.now());
  const ApiError wrong = s.error("VerifySoftwareToken", {{"Session", associated["Session"]},
                                                          {"UserCode", code_not_in({totp_code_now(secret, s.now() - 30s), good,
                                                                                    totp_code_now(secret, s.now() + 30s)})}});
  CHECK(wrong.type == "EnableSoftwareTokenMFAException");
  const Json verified = s.ok("VerifySoftwareToken", {{"Session", associated["Session"]}, {"UserCode", good}});
  CHECK(verified["Status"] == "SUCCESS");
  REQUIRE(verified.contains("Session"));
  const Json respond = {{"ClientId", client}, {"ChallengeName", "MFA_SETUP"}, {"ChallengeResponses", {{"USERNAME", "set"}}}};
  Json stale = respond;
  stale["Session"] = associated["Session"];
  CHECK(s.error("RespondToAuthChallenge", stale).message == "Invalid session for the user, session can only be used once.");
  Json fresh = respond;
  fresh["Session"] = verified["Session"];
  CHECK(s.ok("RespondToAuthChallenge", fresh).contains("AuthenticationResult"));
  const Json user = s.ok("AdminGetUser", {{"UserPoolId", pool}, {"Username", "set"}});
  CHECK(user["UserMFASettingList"] == Json::array({"SOFTWARE_TOKEN_MFA"}));
  CHECK(user["PreferredMfaSetting"] == "SOFTWARE_TOKEN_MFA");
  CHECK_FALSE(user.contains("MFAOptions"));
}

TEST_CASE("SetUserMFAPreference refuses an unverified authenticator, SMS without a phone, and two preferred factors") {
  Sandbox s;
  const auto pool = two_factor_pool(s);
  const auto client = s.create_client(pool);
  s.add_user(pool, "nop");
  const Json access = s.access_token(client, "nop");
  ApiError e = s.error("SetUserMFAPreference", {{"AccessToken", access}, {"SoftwareTokenMfaSettings", {{"Enabled", true}}}});
  CHECK(e.type == "InvalidParameterException");
  CHECK(e.message == "User has not verified software token mfa");
  s.ok("AssociateSoftwareToken", {{"AccessToken", access}});
  CHECK(s.error("SetUserMFAPreference", {{"AccessToken", access}, {"SoftwareTokenMfaSettings", {{"Enabled", true}}}}).message ==
        "User has not verified software token mfa");  // associated is not verified
  e = s.error("SetUserMFAPreference", {{"AccessToken", access}, {"SMSMfaSettings", {{"Enabled", true}}}});
  CHECK(e.type == "InvalidParameterException");
  CHECK(e.message == "User does not have delivery config set to turn on SMS_MFA");
  e = s.error("AdminSetUserMFAPreference", {{"UserPoolId", pool}, {"Username", "nop"}, {"SMSMfaSettings", {{"Enabled", true}}}});
  CHECK(e.message == "User does not have delivery config set to turn on SMS_MFA");

  s.ok("AdminUpdateUserAttributes", {{"UserPoolId", pool}, {"Username", "nop"}, {"UserAttributes", attrs({{"phone_number", "+15555550111"}})}});
  e = s.error("SetUserMFAPreference", {{"AccessToken", access}, {"SMSMfaSettings", {{"Enabled", true}, {"PreferredMfa", true}}},
                                       {"SoftwareTokenMfaSettings", {{"Enabled", false}, {"PreferredMfa", true}}}});
  CHECK(e.type == "InvalidParameterException");
  CHECK(e.message == "Only one MFA method can be preferred.");
  e = s.error("SetUserMFAPreference", {{"AccessToken", access}, {"EmailMfaSettings", {{"Enabled", true}}}});
  CHECK(e.type == "InvalidParameterException");
  CHECK(e.message == "This sandbox simulates SMS and authenticator-app (TOTP) MFA only.");
  // Nothing was changed by the refusals.
  CHECK_FALSE(s.ok("GetUser", {{"AccessToken", access}}).contains("UserMFASettingList"));
}

TEST_CASE("MFA settings show in GetUser and AdminGetUser; turning the preferred factor off clears the preference") {
  Sandbox s;
  const auto pool = two_factor_pool(s);
  const auto client = s.create_client(pool);
  s.add_user(pool, "pam", attrs({{"phone_number", "+15555550122"}}));
  const Json access = s.access_token(client, "pam");
  register_authenticator(s, access);
  s.ok("SetUserMFAPreference", {{"AccessToken", access}, {"SMSMfaSettings", {{"Enabled", true}, {"PreferredMfa", true}}},
                                {"SoftwareTokenMfaSettings", {{"Enabled", true}}}});
  for (const Json& user : {s.ok("GetUser", {{"AccessToken", access}}), s.ok("AdminGetUser", {{"UserPoolId", pool}, {"Username", "pam"}})}) {
    CHECK(user["MFAOptions"] == Json::array({Json{{"DeliveryMedium", "SMS"}, {"AttributeName", "phone_number"}}}));
    CHECK(user["PreferredMfaSetting"] == "SMS_MFA");
    CHECK(user["UserMFASettingList"] == Json::array({"SMS_MFA", "SOFTWARE_TOKEN_MFA"}));
  }
  s.ok("AdminSetUserMFAPreference", {{"UserPoolId", pool}, {"Username", "pam"}, {"SMSMfaSettings", {{"Enabled", false}}}});
  const Json user = s.ok("GetUser", {{"AccessToken", access}});
  CHECK_FALSE(user.contains("MFAOptions"));
  CHECK_FALSE(user.contains("PreferredMfaSetting"));
  CHECK(user["UserMFASettingList"] == Json::array({"SOFTWARE_TOKEN_MFA"}));
  // The only factor left is the one challenged.
  s.advance(60s);
  CHECK(s.password_sign_in(client, "pam", "Passw0rd!").body["ChallengeName"] == "SOFTWARE_TOKEN_MFA");
}

TEST_CASE("With two factors on, sign-in challenges the preferred one") {
  Sandbox s;
  const auto pool = two_factor_pool(s);
  const auto client = s.create_client(pool);
  s.add_user(pool, "duo", attrs({{"phone_number", "+15555550133"}}));
  const Json access = s.access_token(client, "duo");
  register_authenticator(s, access);
  s.ok("SetUserMFAPreference", {{"AccessToken", access}, {"SMSMfaSettings", {{"Enabled", true}}},
                                {"SoftwareTokenMfaSettings", {{"Enabled", true}, {"PreferredMfa", true}}}});
  CHECK(s.password_sign_in(client, "duo", "Passw0rd!").body["ChallengeName"] == "SOFTWARE_TOKEN_MFA");
  s.ok("AdminSetUserMFAPreference", {{"UserPoolId", pool}, {"Username", "duo"}, {"SMSMfaSettings", {{"Enabled", true}, {"PreferredMfa", true}}}});
  CHECK(s.ok("AdminGetUser", {{"UserPoolId", pool}, {"Username", "duo"}})["PreferredMfaSetting"] == "SMS_MFA");
  const Json c = s.password_sign_in(client, "duo", "Passw0rd!").body;
  CHECK(c["ChallengeName"] == "SMS_MFA");
  CHECK(c["ChallengeParameters"]["CODE_DELIVERY_DESTINATION"] == "+*******0133");
}

TEST_CASE("AdminSetUserMFAPreference needs a known pool and user") {
  Sandbox s;
  const auto pool = two_factor_pool(s);
  ApiError e = s.error("AdminSetUserMFAPreference", {{"UserPoolId", pool}, {"Username", "ghost"}, {"SMSMfaSettings", {{"Enabled", false}}}});
  CHECK(e.type == "UserNotFoundException");
  CHECK(e.message == "User does not exist.");
  e = s.error("AdminSetUserMFAPreference", {{"UserPoolId", "us-east-1_Missing99"}, {"Username", "ghost"}});
  CHECK(e.type == "ResourceNotFoundException");
  CHECK(e.message == "User pool us-east-1_Missing99 does not exist.");
  e = s.error("SetUserMFAPreference", {{"SMSMfaSettings", {{"Enabled", false}}}});
  CHECK(e.type == "InvalidParameterException");
  CHECK(e.message == "1 validation error detected: Value null at 'accessToken' failed to satisfy constraint: Member must not be null");
}

TEST_CASE("A factor turned on while the pool's MFA is OFF is saved but asks for no code") {
  Sandbox s;
  const auto pool = s.create_pool();
  s.ok("SetUserPoolMfaConfig", {{"UserPoolId", pool}, {"SoftwareTokenMfaConfiguration", {{"Enabled", true}}}, {"MfaConfiguration", "OFF"}});
  const auto client = s.create_client(pool);
  s.add_user(pool, "off");
  const Json access = s.access_token(client, "off");
  register_authenticator(s, access);
  s.ok("SetUserMFAPreference", {{"AccessToken", access}, {"SoftwareTokenMfaSettings", {{"Enabled", true}, {"PreferredMfa", true}}}});
  const Json event = s.ok("Sandbox.ListEvents", {{"MaxResults", 1}})["Events"][0];
  CHECK(event["Operation"] == "SetUserMFAPreference");
  CHECK(event["Rules"].back() == "The preference is saved, but the pool's MFA is OFF, so sign-in asks for no code");
  CHECK(s.ok("GetUser", {{"AccessToken", access}})["UserMFASettingList"] == Json::array({"SOFTWARE_TOKEN_MFA"}));
  CHECK(s.password_sign_in(client, "off", "Passw0rd!").body.contains("AuthenticationResult"));
}

TEST_CASE("MFA required with SMS only: a user with no phone number and no factor gets MFA_SETUP") {
  Sandbox s;
  const auto pool = s.create_pool(Json{{"MfaConfiguration", "ON"}, {"SmsConfiguration", kSmsConfiguration}});
  const auto client = s.create_client(pool);
  s.add_user(pool, "nophone");
  const Json setup = s.password_sign_in(client, "nophone", "Passw0rd!").body;
  CHECK(setup["ChallengeName"] == "MFA_SETUP");
  CHECK(setup["ChallengeParameters"] == Json{{"MFAS_CAN_SETUP", "[\"SMS_MFA\"]"}});
}
