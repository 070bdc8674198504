// End-to-end flows through the dispatcher, as a learner's app would run them.
#include "core/tokens/jwt_verify.h"
#include "core/crypto/totp.h"
#include "core/tokens/well_known.h"
#include "tests/core/harness/harness.h"

using namespace userpool;
using namespace userpool::test;
using namespace std::chrono_literals;

namespace {

// The lab's pool: email as the username, email verified, recovery by email.
std::string lab_pool(Sandbox& s) {
  return s.create_pool(Json{{"UsernameAttributes", {"email"}},
                            {"AutoVerifiedAttributes", {"email"}},
                            {"UsernameConfiguration", {{"CaseSensitive", false}}},
                            {"AccountRecoverySetting", {{"RecoveryMechanisms", {{{"Priority", 1}, {"Name", "verified_email"}}}}}},
                            {"Schema", {{{"Name", "name"}, {"Required", true}}}}});
}

JwtExpectations expect_access(const std::string& pool, const std::string& client) {
  return {issuer_for(pool), "access", {client}, 0s};
}

}  // namespace

TEST_CASE("Sign-up, confirm with the emailed code, SRP sign-in, refresh, global sign-out") {
  Sandbox s;
  const auto pool = lab_pool(s);
  const auto client = s.create_client(pool);

  const Json signed_up = s.ok("SignUp", {{"ClientId", client}, {"Username", "jane@example.com"}, {"Password", "Passw0rd!"},
                                         {"UserAttributes", attrs({{"name", "Jane Doe"}})}});
  CHECK(signed_up["UserConfirmed"] == false);
  CHECK(signed_up["CodeDeliveryDetails"] == Json{{"Destination", "j***@e***.com"}, {"DeliveryMedium", "EMAIL"}, {"AttributeName", "email"}});

  // Not confirmed yet: sign-in is refused.
  CHECK(s.error("InitiateAuth", {{"ClientId", client}, {"AuthFlow", "USER_PASSWORD_AUTH"},
                                 {"AuthParameters", {{"USERNAME", "jane@example.com"}, {"PASSWORD", "Passw0rd!"}}}})
            .type == "UserNotConfirmedException");

  const std::string code = s.last_code("jane@example.com");
  CHECK(code.size() == 6);
  s.ok("ConfirmSignUp", {{"ClientId", client}, {"Username", "Jane@Example.com"}, {"ConfirmationCode", code}});
  const Json user = s.ok("AdminGetUser", {{"UserPoolId", pool}, {"Username", "jane@example.com"}});
  CHECK(user["UserStatus"] == "CONFIRMED");
  CHECK(user["Username"] == signed_up["UserSub"]);  // email pools use the sub as the username

  const Response signed_in = s.srp_sign_in(pool, client, "jane@example.com", "Passw0rd!");
  REQUIRE(signed_in.status == 200);
  const Json tokens = signed_in.body["AuthenticationResult"];
  CHECK(tokens["TokenType"] == "Bearer");
  CHECK(tokens["ExpiresIn"] == 3600);

  // The tokens verify against the pool's JWKS, as a backend would check them.
  const auto jwks = Jwks::parse(s.ok("Sandbox.GetJwks", {{"UserPoolId", pool}})).value();
  const auto id_check = verify_jwt(tokens["IdToken"].get<std::string>(), jwks,
                                   JwtExpectations{issuer_for(pool), "id", {client}, 0s}, s.now());
  CHECK(id_check.valid());
  CHECK(id_check.decoded->payload["email"] == "jane@example.com");
  CHECK(id_check.decoded->payload["email_verified"] == true);
  CHECK(id_check.decoded->payload["name"] == "Jane Doe");
  CHECK(verify_jwt(tokens["AccessToken"].get<std::string>(), jwks, expect_access(pool, client), s.now()).valid());

  // Refresh later: new tokens, same auth_time and origin_jti, no new refresh token.
  s.advance(30min);
  const Json refreshed = s.ok("InitiateAuth", {{"ClientId", client}, {"AuthFlow", "REFRESH_TOKEN_AUTH"},
                                               {"AuthParameters", {{"REFRESH_TOKEN", tokens["RefreshToken"]}}}})["AuthenticationResult"];
  CHECK_FALSE(refreshed.contains("RefreshToken"));
  const auto old_access = decode_jwt(tokens["AccessToken"].get<std::string>()).value().payload;
  const auto new_access = decode_jwt(refreshed["AccessToken"].get<std::string>()).value().payload;
  CHECK(new_access["auth_time"] == old_access["auth_time"]);
  CHECK(new_access["origin_jti"] == old_access["origin_jti"]);
  CHECK(new_access["iat"].get<std::int64_t>() == old_access["iat"].get<std::int64_t>() + 1800);

  CHECK(s.ok("GetUser", {{"AccessToken", refreshed["AccessToken"]}})["Username"] == signed_up["UserSub"]);
  s.ok("GlobalSignOut", {{"AccessToken", refreshed["AccessToken"]}});

  // Every token of the user is now refused by Cognito's APIs...
  for (const auto& token : {tokens["AccessToken"], refreshed["AccessToken"]}) {
    const ApiError e = s.error("GetUser", {{"AccessToken", token}});
    CHECK(e.type == "NotAuthorizedException");
    CHECK(e.message == "Access Token has been revoked");
  }
  const ApiError refresh = s.error("InitiateAuth", {{"ClientId", client}, {"AuthFlow", "REFRESH_TOKEN_AUTH"},
                                                    {"AuthParameters", {{"REFRESH_TOKEN", tokens["RefreshToken"]}}}});
  CHECK(refresh.message == "Refresh Token has been revoked");
  // ...but still verifies offline until it expires: that is what JWTs are.
  CHECK(verify_jwt(refreshed["AccessToken"].get<std::string>(), jwks, expect_access(pool, client), s.now()).valid());

  // A new sign-in after the sign-out works.
  CHECK(s.srp_sign_in(pool, client, "jane@example.com", "Passw0rd!").status == 200);
}

TEST_CASE("An admin-created user signs in with the temporary password and must choose a new one") {
  Sandbox s;
  const auto pool = s.create_pool(Json{{"Schema", {{{"Name", "email"}, {"Required", true}}}}});
  const auto client = s.create_client(pool);
  const Json created = s.ok("AdminCreateUser", {{"UserPoolId", pool}, {"Username", "carlos"},
                                                {"UserAttributes", attrs({{"email", "carlos@example.com"}})},
                                                {"DesiredDeliveryMediums", {"EMAIL"}}});
  CHECK(created["User"]["UserStatus"] == "FORCE_CHANGE_PASSWORD");
  const std::string temporary = s.last_code("carlos@example.com");

  const Json challenge = s.password_sign_in(client, "carlos", temporary).body;
  REQUIRE(challenge["ChallengeName"] == "NEW_PASSWORD_REQUIRED");
  CHECK(challenge["ChallengeParameters"]["USER_ID_FOR_SRP"] == "carlos");
  CHECK(challenge["ChallengeParameters"]["requiredAttributes"] == "[]");
  CHECK(Json::parse(challenge["ChallengeParameters"]["userAttributes"].get<std::string>())["email"] == "carlos@example.com");

  const ApiError weak = s.error("RespondToAuthChallenge", {{"ClientId", client}, {"ChallengeName", "NEW_PASSWORD_REQUIRED"},
                                                            {"Session", challenge["Session"]},
                                                            {"ChallengeResponses", {{"USERNAME", "carlos"}, {"NEW_PASSWORD", "short"}}}});
  CHECK(weak.type == "InvalidPasswordException");
  CHECK(weak.message == "Password did not conform with policy: Password not long enough");

  const Json done = s.ok("RespondToAuthChallenge", {{"ClientId", client}, {"ChallengeName", "NEW_PASSWORD_REQUIRED"},
                                                    {"Session", challenge["Session"]},
                                                    {"ChallengeResponses", {{"USERNAME", "carlos"}, {"NEW_PASSWORD", "NewPassw0rd!"}}}});
  CHECK(done.contains("AuthenticationResult"));
  CHECK(s.ok("AdminGetUser", {{"UserPoolId", pool}, {"Username", "carlos"}})["UserStatus"] == "CONFIRMED");
  // The session was used: it cannot answer again.
  CHECK(s.error("RespondToAuthChallenge", {{"ClientId", client}, {"ChallengeName", "NEW_PASSWORD_REQUIRED"},
                                           {"Session", challenge["Session"]},
                                           {"ChallengeResponses", {{"USERNAME", "carlos"}, {"NEW_PASSWORD", "NewPassw0rd!2"}}}})
            .message == "Invalid session for the user, session can only be used once.");
  CHECK(s.srp_sign_in(pool, client, "carlos", "NewPassw0rd!").status == 200);
}

TEST_CASE("A temporary password expires after TemporaryPasswordValidityDays") {
  Sandbox s;
  const auto pool = s.create_pool(Json{{"Policies", {{"PasswordPolicy", {{"MinimumLength", 8}, {"TemporaryPasswordValidityDays", 2}}}}}});
  const auto client = s.create_client(pool);
  s.ok("AdminCreateUser", {{"UserPoolId", pool}, {"Username", "dana"}, {"TemporaryPassword", "Temp1234"}, {"MessageAction", "SUPPRESS"}});
  s.advance(48h + 1s);
  const Response r = s.password_sign_in(client, "dana", "Temp1234");
  CHECK(r.body["message"] == "Temporary password has expired and must be reset by an administrator.");
  // RESEND issues a new one and restarts the validity.
  s.ok("AdminCreateUser", {{"UserPoolId", pool}, {"Username", "dana"}, {"TemporaryPassword", "Temp5678"}, {"MessageAction", "RESEND"},
                           {"DesiredDeliveryMediums", Json::array()}});
  CHECK(s.password_sign_in(client, "dana", "Temp5678").body["ChallengeName"] == "NEW_PASSWORD_REQUIRED");
}

TEST_CASE("TOTP: set up while signed in, turned on, then required at sign-in; a code works once") {
  Sandbox s;
  const auto pool = s.create_pool();
  s.ok("SetUserPoolMfaConfig", {{"UserPoolId", pool}, {"SoftwareTokenMfaConfiguration", {{"Enabled", true}}}, {"MfaConfiguration", "OPTIONAL"}});
  const auto client = s.create_client(pool);
  s.ok("AdminCreateUser", {{"UserPoolId", pool}, {"Username", "tom"}, {"MessageAction", "SUPPRESS"}});
  s.ok("AdminSetUserPassword", {{"UserPoolId", pool}, {"Username", "tom"}, {"Password", "Passw0rd!"}, {"Permanent", true}});

  const Json first = s.password_sign_in(client, "tom", "Passw0rd!").body;
  REQUIRE(first.contains("AuthenticationResult"));  // OPTIONAL and no factor yet
  const auto access = first["AuthenticationResult"]["AccessToken"];

  const std::string secret = s.ok("AssociateSoftwareToken", {{"AccessToken", access}})["SecretCode"];
  CHECK(secret.size() == 52);
  CHECK(s.error("VerifySoftwareToken", {{"AccessToken", access}, {"UserCode", "000000"}}).type ==
        "EnableSoftwareTokenMFAException");
  CHECK(s.ok("VerifySoftwareToken", {{"AccessToken", access}, {"UserCode", totp_code_now(secret, s.now())}})["Status"] == "SUCCESS");
  s.ok("SetUserMFAPreference", {{"AccessToken", access}, {"SoftwareTokenMfaSettings", {{"Enabled", true}, {"PreferredMfa", true}}}});
  CHECK(s.ok("AdminGetUser", {{"UserPoolId", pool}, {"Username", "tom"}})["UserMFASettingList"] == Json::array({"SOFTWARE_TOKEN_MFA"}));

  s.advance(60s);  // the code used in VerifySoftwareToken is from an earlier step
  const Json challenge = s.password_sign_in(client, "tom", "Passw0rd!").body;
  REQUIRE(challenge["ChallengeName"] == "SOFTWARE_TOKEN_MFA");
  const Json answer = {{"ClientId", client}, {"ChallengeName", "SOFTWARE_TOKEN_MFA"}, {"Session", challenge["Session"]},
                       {"ChallengeResponses", {{"USERNAME", "tom"}, {"SOFTWARE_TOKEN_MFA_CODE", totp_code_now(secret, s.now())}}}};
  CHECK(s.ok("RespondToAuthChallenge", answer).contains("AuthenticationResult"));

  // The same code again in the same 30-second step is refused.
  const Json again = s.password_sign_in(client, "tom", "Passw0rd!").body;
  Json reuse = answer;
  reuse["Session"] = again["Session"];
  const ApiError e = s.error("RespondToAuthChallenge", reuse);
  CHECK(e.type == "ExpiredCodeException");
  CHECK(e.message == "Your software token has already been used once.");
}

TEST_CASE("TOTP set up during sign-in when MFA is required (MFA_SETUP)") {
  Sandbox s;
  const auto pool = s.create_pool();
  s.ok("SetUserPoolMfaConfig", {{"UserPoolId", pool}, {"SoftwareTokenMfaConfiguration", {{"Enabled", true}}}, {"MfaConfiguration", "ON"}});
  const auto client = s.create_client(pool);
  s.ok("AdminCreateUser", {{"UserPoolId", pool}, {"Username", "mia"}, {"MessageAction", "SUPPRESS"}});
  s.ok("AdminSetUserPassword", {{"UserPoolId", pool}, {"Username", "mia"}, {"Password", "Passw0rd!"}, {"Permanent", true}});

  const Json setup = s.srp_sign_in(pool, client, "mia", "Passw0rd!").body;
  REQUIRE(setup["ChallengeName"] == "MFA_SETUP");
  CHECK(setup["ChallengeParameters"]["MFAS_CAN_SETUP"] == "[\"SOFTWARE_TOKEN_MFA\"]");
  const Json associated = s.ok("AssociateSoftwareToken", {{"Session", setup["Session"]}});
  const Json verified = s.ok("VerifySoftwareToken", {{"Session", associated["Session"]},
                                                     {"UserCode", totp_code_now(associated["SecretCode"].get<std::string>(), s.now())}});
  CHECK(verified["Status"] == "SUCCESS");
  const Json tokens = s.ok("RespondToAuthChallenge", {{"ClientId", client}, {"ChallengeName", "MFA_SETUP"}, {"Session", verified["Session"]},
                                                      {"ChallengeResponses", {{"USERNAME", "mia"}}}});
  CHECK(tokens.contains("AuthenticationResult"));
  // From now on sign-in asks for the authenticator's code.
  s.advance(30s);
  CHECK(s.srp_sign_in(pool, client, "mia", "Passw0rd!").body["ChallengeName"] == "SOFTWARE_TOKEN_MFA");
}

TEST_CASE("Forgot password: a code by email, a new password, and the old one stops working") {
  Sandbox s;
  const auto pool = lab_pool(s);
  const auto client = s.create_client(pool);
  s.sign_up_confirmed(client, "lee@example.com", "Passw0rd!", attrs({{"name", "Lee"}}));
  const Json sent = s.ok("ForgotPassword", {{"ClientId", client}, {"Username", "lee@example.com"}});
  CHECK(sent["CodeDeliveryDetails"]["DeliveryMedium"] == "EMAIL");
  const std::string code = s.last_code("lee@example.com");
  CHECK(s.error("ConfirmForgotPassword", {{"ClientId", client}, {"Username", "lee@example.com"}, {"ConfirmationCode", "000000"},
                                          {"Password", "Brand-new1"}})
            .type == "CodeMismatchException");
  s.ok("ConfirmForgotPassword", {{"ClientId", client}, {"Username", "lee@example.com"}, {"ConfirmationCode", code}, {"Password", "Brand-new1"}});
  CHECK(s.password_sign_in(client, "lee@example.com", "Passw0rd!").status == 400);
  CHECK(s.password_sign_in(client, "lee@example.com", "Brand-new1").status == 200);
  // The code was used up.
  CHECK(s.error("ConfirmForgotPassword", {{"ClientId", client}, {"Username", "lee@example.com"}, {"ConfirmationCode", code},
                                          {"Password", "Brand-new2"}})
            .type == "ExpiredCodeException");
}

TEST_CASE("Lockout: from the fifth failure the lock doubles, and it lifts as the clock moves") {
  Sandbox s;
  const auto pool = s.create_pool();
  const auto client = s.create_client(pool);
  s.ok("AdminCreateUser", {{"UserPoolId", pool}, {"Username", "max"}, {"MessageAction", "SUPPRESS"}});
  s.ok("AdminSetUserPassword", {{"UserPoolId", pool}, {"Username", "max"}, {"Password", "Passw0rd!"}, {"Permanent", true}});
  for (int i = 1; i <= 5; ++i) CHECK(s.password_sign_in(client, "max", "wrong").body["message"] == "Incorrect username or password.");
  // Locked for 1 s: even the right password is refused.
  CHECK(s.password_sign_in(client, "max", "Passw0rd!").body["message"] == "Password attempts exceeded");
  s.advance(1s);
  CHECK(s.password_sign_in(client, "max", "wrong").body["message"] == "Incorrect username or password.");  // sixth: 2 s
  s.advance(1s);
  CHECK(s.password_sign_in(client, "max", "Passw0rd!").body["message"] == "Password attempts exceeded");
  s.advance(1s);
  CHECK(s.password_sign_in(client, "max", "Passw0rd!").status == 200);
  // A success resets the count: the next failure does not lock.
  CHECK(s.password_sign_in(client, "max", "wrong").body["message"] == "Incorrect username or password.");
  CHECK(s.password_sign_in(client, "max", "Passw0rd!").status == 200);
}

TEST_CASE("Lockout caps at 15 minutes, and 15 idle minutes reset the count") {
  Sandbox s;
  const auto pool = s.create_pool();
  const auto client = s.create_client(pool);
  s.ok("AdminCreateUser", {{"UserPoolId", pool}, {"Username", "ivy"}, {"MessageAction", "SUPPRESS"}});
  s.ok("AdminSetUserPassword", {{"UserPoolId", pool}, {"Username", "ivy"}, {"Password", "Passw0rd!"}, {"Permanent", true}});
  for (int i = 1; i <= 20; ++i) {
    s.password_sign_in(client, "ivy", "wrong");
    s.advance(16min);  // past any lock, and 15 idle minutes: the count starts over each time
  }
  // Always reset by the idle time: a fresh failure does not lock.
  CHECK(s.password_sign_in(client, "ivy", "Passw0rd!").status == 200);
  for (int i = 1; i <= 15; ++i) {
    CHECK(s.password_sign_in(client, "ivy", "wrong").body["message"] == "Incorrect username or password.");
    s.advance(14min + 59s);  // never 15 idle minutes, and past every lock before the cap
  }
  // The 15th failure would lock for 2^10 s without the cap; it is 15 minutes,
  // so one second of it is left.
  CHECK(s.password_sign_in(client, "ivy", "Passw0rd!").body["message"] == "Password attempts exceeded");
  s.advance(1s);
  CHECK(s.password_sign_in(client, "ivy", "Passw0rd!").status == 200);
}

TEST_CASE("PreventUserExistenceErrors: LEGACY says the user does not exist, ENABLED does not tell") {
  Sandbox s;
  const auto pool = s.create_pool();
  const auto legacy = s.create_client(pool);
  const auto enabled = s.create_client(pool, Json{{"PreventUserExistenceErrors", "ENABLED"}});
  s.ok("AdminCreateUser", {{"UserPoolId", pool}, {"Username", "real"}, {"MessageAction", "SUPPRESS"}});
  s.ok("AdminSetUserPassword", {{"UserPoolId", pool}, {"Username", "real"}, {"Password", "Passw0rd!"}, {"Permanent", true}});

  const ApiError l = s.error("InitiateAuth", {{"ClientId", legacy}, {"AuthFlow", "USER_PASSWORD_AUTH"},
                                              {"AuthParameters", {{"USERNAME", "ghost"}, {"PASSWORD", "x"}}}});
  CHECK(l.type == "UserNotFoundException");
  CHECK(l.message == "User does not exist.");
  const ApiError e = s.error("InitiateAuth", {{"ClientId", enabled}, {"AuthFlow", "USER_PASSWORD_AUTH"},
                                              {"AuthParameters", {{"USERNAME", "ghost"}, {"PASSWORD", "x"}}}});
  CHECK(e.type == "NotAuthorizedException");
  CHECK(e.message == "Incorrect username or password.");
  // The same as a wrong password for a real user.
  CHECK(s.password_sign_in(enabled, "real", "wrong").body == Json{{"__type", e.type}, {"message", e.message}});

  // SRP: a made-up challenge, the same for the same username, failing only at the end.
  const Response ghost1 = s.call("InitiateAuth", {{"ClientId", enabled}, {"AuthFlow", "USER_SRP_AUTH"},
                                                  {"AuthParameters", {{"USERNAME", "ghost"}, {"SRP_A", srp::Client(pool, secure_random()).srp_a()}}}});
  const Response ghost2 = s.call("InitiateAuth", {{"ClientId", enabled}, {"AuthFlow", "USER_SRP_AUTH"},
                                                  {"AuthParameters", {{"USERNAME", "ghost"}, {"SRP_A", srp::Client(pool, secure_random()).srp_a()}}}});
  REQUIRE(ghost1.status == 200);
  CHECK(ghost1.body["ChallengeParameters"]["SALT"] == ghost2.body["ChallengeParameters"]["SALT"]);
  CHECK(ghost1.body["ChallengeParameters"]["USER_ID_FOR_SRP"] == ghost2.body["ChallengeParameters"]["USER_ID_FOR_SRP"]);
  CHECK(s.srp_sign_in(pool, enabled, "ghost", "x").body["message"] == "Incorrect username or password.");
  CHECK(s.srp_sign_in(pool, legacy, "ghost", "x").body["__type"] == "UserNotFoundException");

  // ForgotPassword: LEGACY names the problem; ENABLED answers as if a code went out.
  CHECK(s.error("ForgotPassword", {{"ClientId", legacy}, {"Username", "ghost"}}).message ==
        "Username/client id combination not found.");
  const std::size_t before = s.message_count();
  CHECK(s.ok("ForgotPassword", {{"ClientId", enabled}, {"Username", "ghost"}}).contains("CodeDeliveryDetails"));
  CHECK(s.message_count() == before);  // nothing was sent
  CHECK(s.error("ConfirmForgotPassword", {{"ClientId", enabled}, {"Username", "ghost"}, {"ConfirmationCode", "123456"},
                                          {"Password", "Passw0rd!"}})
            .type == "CodeMismatchException");
  // SignUp is not changed by the setting: an existing username is still reported.
  CHECK(s.error("SignUp", {{"ClientId", enabled}, {"Username", "real"}, {"Password", "Passw0rd!"}}).type == "UsernameExistsException");
}
