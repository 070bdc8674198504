// Answering sign-in challenges: RespondToAuthChallenge and
// AdminRespondToAuthChallenge (API Reference: RespondToAuthChallenge, AdminInitiateAuth): PASSWORD_VERIFIER,
// NEW_PASSWORD_REQUIRED, SMS_MFA, SELECT_MFA_TYPE and the challenge sessions.
#include <algorithm>

#include "core/crypto/secret_hash.h"
#include "core/crypto/totp.h"
#include "tests/core/harness/harness.h"

using namespace userpool;
using namespace userpool::test;
using namespace std::chrono_literals;

namespace {

const Json kSmsConfigurationWithExternalId = {{"SnsCallerArn", "arn:aws:iam::123456789012:role/CognitoSms"}, {"ExternalId", "sandbox"}};

// An SRP sign-in split in its two steps, so a test can change the answer.
class SrpSignIn {
 public:
  SrpSignIn(Sandbox& sandbox, std::string pool_id, std::string client_id)
      : s(sandbox), pool(std::move(pool_id)), client(std::move(client_id)), library(pool, secure_random()) {}

  // InitiateAuth's ChallengeParameters.
  Json begin(const std::string& username, const std::string& secret_hash_value = {}) {
    Json p = {{"USERNAME", username}, {"SRP_A", library.srp_a()}};
    if (!secret_hash_value.empty()) p["SECRET_HASH"] = secret_hash_value;
    return s.ok("InitiateAuth", {{"ClientId", client}, {"AuthFlow", "USER_SRP_AUTH"}, {"AuthParameters", p}})["ChallengeParameters"];
  }
  // The PASSWORD_VERIFIER answer a client library sends.
  Json answer(const Json& p, const std::string& password) {
    const std::string user_id = p["USER_ID_FOR_SRP"];
    const std::string timestamp = srp::format_timestamp(s.now());
    const auto signature = library.password_claim_signature(user_id, password, p["SRP_B"].get<std::string>(), p["SALT"].get<std::string>(),
                                                        p["SECRET_BLOCK"].get<std::string>(), timestamp);
    REQUIRE(signature);
    return Json{{"USERNAME", user_id}, {"PASSWORD_CLAIM_SECRET_BLOCK", p["SECRET_BLOCK"]}, {"TIMESTAMP", timestamp},
                {"PASSWORD_CLAIM_SIGNATURE", *signature}};
  }
  Response respond(const Json& responses) {
    return s.call("RespondToAuthChallenge",
                  {{"ClientId", client}, {"ChallengeName", "PASSWORD_VERIFIER"}, {"ChallengeResponses", responses}});
  }

 private:
  Sandbox& s;
  std::string pool, client;
  srp::Client library;
};

Json respond(const std::string& client, const std::string& challenge, const Json& session, const Json& responses) {
  return Json{{"ClientId", client}, {"ChallengeName", challenge}, {"Session", session}, {"ChallengeResponses", responses}};
}

// A pool with SMS MFA (OPTIONAL) and a user "sol" whose SMS factor is on.
std::string sms_pool(Sandbox& s) {
  const auto pool = s.create_pool(Json{{"MfaConfiguration", "OPTIONAL"}, {"SmsConfiguration", kSmsConfigurationWithExternalId},
                                       {"SmsAuthenticationMessage", "Your sign-in code is {####}"}});
  s.add_user(pool, "sol", attrs({{"phone_number", "+15555550100"}}));
  s.ok("AdminSetUserMFAPreference", {{"UserPoolId", pool}, {"Username", "sol"}, {"SMSMfaSettings", {{"Enabled", true}, {"PreferredMfa", true}}}});
  return pool;
}

// A six-digit code that is none of `codes`.
}  // namespace

TEST_CASE("PASSWORD_VERIFIER with a changed SECRET_BLOCK is refused like a wrong password but does not count toward lockout") {
  Sandbox s;
  const auto pool = s.create_pool();
  const auto client = s.create_client(pool);
  s.add_user(pool, "tia");
  for (int i = 0; i < 6; ++i) {
    SrpSignIn flow{s, pool, client};
    Json answer = flow.answer(flow.begin("tia"), "Passw0rd!");
    std::string block = answer["PASSWORD_CLAIM_SECRET_BLOCK"];
    block[20] = block[20] == 'A' ? 'B' : 'A';
    answer["PASSWORD_CLAIM_SECRET_BLOCK"] = block;
    const Response r = flow.respond(answer);
    CHECK(r.body["__type"] == "NotAuthorizedException");
    CHECK(r.body["message"] == "Incorrect username or password.");
  }
  CHECK(last_rules(s) == std::vector<std::string>{"PASSWORD_CLAIM_SECRET_BLOCK is not one this user pool issued, or it was changed."});
  // Six refusals, yet no lockout: the right password still signs in.
  CHECK(s.srp_sign_in(pool, client, "tia", "Passw0rd!").status == 200);
}

TEST_CASE("PASSWORD_VERIFIER: wrong passwords count toward the lockout USER_PASSWORD_AUTH shares") {
  Sandbox s;
  const auto pool = s.create_pool();
  const auto client = s.create_client(pool);
  s.add_user(pool, "lou");
  for (int i = 0; i < 4; ++i) CHECK(s.srp_sign_in(pool, client, "lou", "Wrong-pass1").body["message"] == "Incorrect username or password.");
  CHECK(s.password_sign_in(client, "lou", "wrong").body["message"] == "Incorrect username or password.");  // the fifth
  const Response locked = s.srp_sign_in(pool, client, "lou", "Passw0rd!");
  CHECK(locked.body["__type"] == "NotAuthorizedException");
  CHECK(locked.body["message"] == "Password attempts exceeded");
  s.advance(1s);
  CHECK(s.srp_sign_in(pool, client, "lou", "Passw0rd!").status == 200);
}

TEST_CASE("PASSWORD_VERIFIER for a disabled user: the first step answers, the second refuses") {
  Sandbox s;
  const auto pool = s.create_pool();
  const auto client = s.create_client(pool);
  s.add_user(pool, "dan");
  s.ok("AdminDisableUser", {{"UserPoolId", pool}, {"Username", "dan"}});
  SrpSignIn flow{s, pool, client};
  const Json p = flow.begin("dan");
  CHECK(p["USER_ID_FOR_SRP"] == "dan");
  const Response r = flow.respond(flow.answer(p, "Passw0rd!"));
  CHECK(r.body["__type"] == "NotAuthorizedException");
  CHECK(r.body["message"] == "User is disabled.");
}

TEST_CASE("PASSWORD_VERIFIER after the auth session validity is an expired session; another user's name is refused") {
  Sandbox s;
  const auto pool = s.create_pool();
  const auto client = s.create_client(pool);
  s.add_user(pool, "pat");
  s.add_user(pool, "kim");
  SrpSignIn late{s, pool, client};
  const Json p = late.begin("pat");
  s.advance(3min + 1s);
  const Response r = late.respond(late.answer(p, "Passw0rd!"));
  CHECK(r.body["__type"] == "NotAuthorizedException");
  CHECK(r.body["message"] == "Invalid session for the user, session is expired.");

  SrpSignIn swap{s, pool, client};
  Json answer = swap.answer(swap.begin("pat"), "Passw0rd!");
  answer["USERNAME"] = "kim";
  CHECK(swap.respond(answer).body["message"] == "Incorrect username or password.");

  SrpSignIn missing{s, pool, client};
  Json incomplete = missing.answer(missing.begin("pat"), "Passw0rd!");
  incomplete.erase("TIMESTAMP");
  const Response m = missing.respond(incomplete);
  CHECK(m.body["__type"] == "InvalidParameterException");
  CHECK(m.body["message"] == "Missing required parameter TIMESTAMP");
}

TEST_CASE("PASSWORD_VERIFIER for a client with a secret: SECRET_HASH of USER_ID_FOR_SRP, not the email typed") {
  Sandbox s;
  const auto pool = s.create_pool(Json{{"UsernameAttributes", {"email"}}});
  const auto client = s.create_client(pool, Json{{"GenerateSecret", true}});
  const std::string secret = s.ok("DescribeUserPoolClient", {{"UserPoolId", pool}, {"ClientId", client}})["UserPoolClient"]["ClientSecret"];
  s.add_user(pool, "gia@example.com");
  SrpSignIn flow{s, pool, client};
  const Json p = flow.begin("gia@example.com", secret_hash("gia@example.com", client, secret));
  Json answer = flow.answer(p, "Passw0rd!");
  answer["SECRET_HASH"] = secret_hash("gia@example.com", client, secret);
  const Response r = flow.respond(answer);
  CHECK(r.body["__type"] == "NotAuthorizedException");
  CHECK(r.body["message"] == "Unable to verify secret hash for client " + client);
  answer["SECRET_HASH"] = secret_hash(p["USER_ID_FOR_SRP"].get<std::string>(), client, secret);
  CHECK(flow.respond(answer).body.contains("AuthenticationResult"));
}

TEST_CASE("NEW_PASSWORD_REQUIRED lists the required attributes still missing and needs them answered") {
  Sandbox s;
  const auto pool = s.create_pool(Json{{"Schema", {{{"Name", "family_name"}, {"Required", true}}}}});
  const auto client = s.create_client(pool);
  s.ok("AdminCreateUser", {{"UserPoolId", pool}, {"Username", "nia"}, {"TemporaryPassword", "Temp-pass1"}, {"MessageAction", "SUPPRESS"}});
  const Json c = s.password_sign_in(client, "nia", "Temp-pass1").body;
  REQUIRE(c["ChallengeName"] == "NEW_PASSWORD_REQUIRED");
  CHECK(c["ChallengeParameters"]["requiredAttributes"] == "[\"userAttributes.family_name\"]");
  CHECK(c["ChallengeParameters"]["userAttributes"] == "{}");  // sub is left out

  const ApiError e = s.error("RespondToAuthChallenge", respond(client, "NEW_PASSWORD_REQUIRED", c["Session"],
                                                                {{"USERNAME", "nia"}, {"NEW_PASSWORD", "Passw0rd!"}}));
  CHECK(e.type == "InvalidParameterException");
  CHECK(e.message == "Attributes did not conform to the schema: family_name: The attribute is required");
  const Json done = s.ok("RespondToAuthChallenge", respond(client, "NEW_PASSWORD_REQUIRED", c["Session"],
                                                            {{"USERNAME", "nia"}, {"NEW_PASSWORD", "Passw0rd!"},
                                                             {"userAttributes.family_name", "Ng"}, {"userAttributes.given_name", "Nia"}}));
  CHECK(done.contains("AuthenticationResult"));
  const Json user = s.ok("AdminGetUser", {{"UserPoolId", pool}, {"Username", "nia"}});
  CHECK(user["UserStatus"] == "CONFIRMED");
  const std::string sub = user["UserAttributes"][0]["Value"];
  CHECK(user["UserAttributes"] == attrs({{"sub", sub}, {"family_name", "Ng"}, {"given_name", "Nia"}}));
}

TEST_CASE("NEW_PASSWORD_REQUIRED cannot change a required attribute that already has a value") {
  Sandbox s;
  const auto pool = s.create_pool(Json{{"Schema", {{{"Name", "family_name"}, {"Required", true}}}}});
  const auto client = s.create_client(pool);
  s.ok("AdminCreateUser", {{"UserPoolId", pool}, {"Username", "oli"}, {"TemporaryPassword", "Temp-pass1"}, {"MessageAction", "SUPPRESS"},
                           {"UserAttributes", attrs({{"family_name", "Old"}})}});
  const Json c = s.password_sign_in(client, "oli", "Temp-pass1").body;
  CHECK(c["ChallengeParameters"]["requiredAttributes"] == "[]");
  CHECK(c["ChallengeParameters"]["userAttributes"] == "{\"family_name\":\"Old\"}");
  const ApiError e = s.error("RespondToAuthChallenge", respond(client, "NEW_PASSWORD_REQUIRED", c["Session"],
                                                                {{"USERNAME", "oli"}, {"NEW_PASSWORD", "Passw0rd!"},
                                                                 {"userAttributes.family_name", "New"}}));
  CHECK(e.type == "InvalidParameterException");
  CHECK(e.message == "Cannot modify an already provided family_name");
  CHECK(s.ok("AdminGetUser", {{"UserPoolId", pool}, {"Username", "oli"}})["UserStatus"] == "FORCE_CHANGE_PASSWORD");
}

TEST_CASE("AdminRespondToAuthChallenge: a weak new password keeps the session; the USERNAME must be the session's user") {
  Sandbox s;
  const auto pool = s.create_pool();
  const auto client = s.create_client(pool);
  s.ok("AdminCreateUser", {{"UserPoolId", pool}, {"Username", "ada"}, {"TemporaryPassword", "Temp-pass1"}, {"MessageAction", "SUPPRESS"}});
  s.add_user(pool, "bob");
  const Json c = s.ok("AdminInitiateAuth", {{"UserPoolId", pool}, {"ClientId", client}, {"AuthFlow", "ADMIN_USER_PASSWORD_AUTH"},
                                            {"AuthParameters", {{"USERNAME", "ada"}, {"PASSWORD", "Temp-pass1"}}}});
  REQUIRE(c["ChallengeName"] == "NEW_PASSWORD_REQUIRED");
  Json request = respond(client, "NEW_PASSWORD_REQUIRED", c["Session"], {{"USERNAME", "ada"}, {"NEW_PASSWORD", "No-digits-here"}});
  request["UserPoolId"] = pool;
  ApiError e = s.error("AdminRespondToAuthChallenge", request);
  CHECK(e.type == "InvalidPasswordException");
  CHECK(e.message == "Password did not conform with policy: Password must have numeric characters");
  request["ChallengeResponses"] = {{"USERNAME", "bob"}, {"NEW_PASSWORD", "Passw0rd!2"}};
  e = s.error("AdminRespondToAuthChallenge", request);
  CHECK(e.type == "NotAuthorizedException");
  CHECK(e.message == "Incorrect username or password.");
  request["ChallengeResponses"] = {{"USERNAME", "ada"}};
  CHECK(s.error("AdminRespondToAuthChallenge", request).message == "Missing required parameter NEW_PASSWORD");
  request["ChallengeResponses"] = {{"USERNAME", "ada"}, {"NEW_PASSWORD", "Passw0rd!2"}};
  CHECK(s.ok("AdminRespondToAuthChallenge", request).contains("AuthenticationResult"));
  CHECK(s.password_sign_in(client, "ada", "Passw0rd!2").status == 200);
}

TEST_CASE("After NEW_PASSWORD_REQUIRED, a pool that requires MFA asks for MFA_SETUP") {
  Sandbox s;
  const auto pool = s.create_pool();
  s.ok("SetUserPoolMfaConfig", {{"UserPoolId", pool}, {"SoftwareTokenMfaConfiguration", {{"Enabled", true}}}, {"MfaConfiguration", "ON"}});
  const auto client = s.create_client(pool);
  s.ok("AdminCreateUser", {{"UserPoolId", pool}, {"Username", "max"}, {"TemporaryPassword", "Temp-pass1"}, {"MessageAction", "SUPPRESS"}});
  const Json c = s.password_sign_in(client, "max", "Temp-pass1").body;
  const Json next = s.ok("RespondToAuthChallenge", respond(client, "NEW_PASSWORD_REQUIRED", c["Session"],
                                                            {{"USERNAME", "max"}, {"NEW_PASSWORD", "Passw0rd!"}}));
  CHECK(next["ChallengeName"] == "MFA_SETUP");
  CHECK(next["ChallengeParameters"]["MFAS_CAN_SETUP"] == "[\"SOFTWARE_TOKEN_MFA\"]");
  CHECK(next["Session"] != c["Session"]);
  CHECK_FALSE(next.contains("AuthenticationResult"));
  // The MFA_SETUP session cannot finish before an authenticator is verified.
  const ApiError e = s.error("RespondToAuthChallenge", respond(client, "MFA_SETUP", next["Session"], {{"USERNAME", "max"}}));
  CHECK(e.type == "InvalidParameterException");
  CHECK(e.message == "MFA_SETUP needs the Session that VerifySoftwareToken returned after the authenticator was verified.");
}

TEST_CASE("SMS_MFA: the code goes to the phone; a wrong code keeps the session; the right one verifies the phone") {
  Sandbox s;
  const auto pool = sms_pool(s);
  const auto client = s.create_client(pool);
  CHECK(s.ok("AdminGetUser", {{"UserPoolId", pool}, {"Username", "sol"}})["UserAttributes"].dump().find("phone_number_verified") ==
        std::string::npos);
  const std::size_t before = s.message_count();
  const Json c = s.password_sign_in(client, "sol", "Passw0rd!").body;
  REQUIRE(c["ChallengeName"] == "SMS_MFA");
  CHECK(c["ChallengeParameters"] == Json{{"CODE_DELIVERY_DELIVERY_MEDIUM", "SMS"}, {"CODE_DELIVERY_DESTINATION", "+*******0100"}});
  CHECK(s.message_count() == before + 1);
  const Json sms = s.ok("Sandbox.ListMessages", {{"Destination", "+15555550100"}})["Messages"][0];
  CHECK(sms["Medium"] == "SMS");
  CHECK(sms["Purpose"] == "MFA");
  const std::string code = sms["Code"];
  CHECK(sms["Body"] == "Your sign-in code is " + code);

  const std::string wrong = code_not_in({code});
  const ApiError e = s.error("RespondToAuthChallenge", respond(client, "SMS_MFA", c["Session"], {{"USERNAME", "sol"}, {"SMS_MFA_CODE", wrong}}));
  CHECK(e.type == "CodeMismatchException");
  CHECK(e.message == "Invalid code received for user");
  CHECK(s.error("RespondToAuthChallenge", respond(client, "SMS_MFA", c["Session"], {{"USERNAME", "sol"}})).message ==
        "Missing required parameter SMS_MFA_CODE");
  const Json done = s.ok("RespondToAuthChallenge", respond(client, "SMS_MFA", c["Session"], {{"USERNAME", "sol"}, {"SMS_MFA_CODE", code}}));
  CHECK(done["AuthenticationResult"]["TokenType"] == "Bearer");
  const Json user = s.ok("AdminGetUser", {{"UserPoolId", pool}, {"Username", "sol"}});
  CHECK(user["UserAttributes"].back() == Json{{"Name", "phone_number_verified"}, {"Value", "true"}});
  // Used once.
  const ApiError again = s.error("RespondToAuthChallenge", respond(client, "SMS_MFA", c["Session"], {{"USERNAME", "sol"}, {"SMS_MFA_CODE", code}}));
  CHECK(again.type == "NotAuthorizedException");
  CHECK(again.message == "Invalid session for the user, session can only be used once.");
}

TEST_CASE("SELECT_MFA_TYPE when the user has SMS and TOTP on and prefers neither") {
  Sandbox s;
  const auto pool = s.create_pool(Json{{"MfaConfiguration", "OPTIONAL"}, {"SmsConfiguration", kSmsConfigurationWithExternalId}});
  s.ok("SetUserPoolMfaConfig", {{"UserPoolId", pool}, {"SmsMfaConfiguration", Json::object()},
                                {"SoftwareTokenMfaConfiguration", {{"Enabled", true}}}, {"MfaConfiguration", "OPTIONAL"}});
  const auto client = s.create_client(pool);
  s.add_user(pool, "sel", attrs({{"phone_number", "+15555550199"}}));
  const Json access = s.password_sign_in(client, "sel", "Passw0rd!").body["AuthenticationResult"]["AccessToken"];
  const std::string secret = s.ok("AssociateSoftwareToken", {{"AccessToken", access}})["SecretCode"];
  s.ok("VerifySoftwareToken", {{"AccessToken", access}, {"UserCode", totp_code_now(secret, s.now())}});
  s.ok("SetUserMFAPreference", {{"AccessToken", access}, {"SMSMfaSettings", {{"Enabled", true}}}, {"SoftwareTokenMfaSettings", {{"Enabled", true}}}});
  s.advance(60s);

  const Json c = s.password_sign_in(client, "sel", "Passw0rd!").body;
  REQUIRE(c["ChallengeName"] == "SELECT_MFA_TYPE");
  CHECK(c["ChallengeParameters"] == Json{{"MFAS_CAN_CHOOSE", "[\"SMS_MFA\",\"SOFTWARE_TOKEN_MFA\"]"}});
  const ApiError e = s.error("RespondToAuthChallenge", respond(client, "SELECT_MFA_TYPE", c["Session"], {{"USERNAME", "sel"}, {"ANSWER", "EMAIL_OTP"}}));
  CHECK(e.type == "InvalidParameterException");
  CHECK(e.message == "Invalid ANSWER: EMAIL_OTP is not one of the user's MFA factors.");
  const Json totp = s.ok("RespondToAuthChallenge", respond(client, "SELECT_MFA_TYPE", c["Session"],
                                                          {{"USERNAME", "sel"}, {"ANSWER", "SOFTWARE_TOKEN_MFA"}}));
  CHECK(totp["ChallengeName"] == "SOFTWARE_TOKEN_MFA");
  CHECK(totp["ChallengeParameters"] == Json::object());
  const std::string good = totp_code_now(secret, s.now());
  const std::string bad = code_not_in({totp_code_now(secret, s.now() - 30s), good, totp_code_now(secret, s.now() + 30s)});
  const ApiError mismatch = s.error("RespondToAuthChallenge", respond(client, "SOFTWARE_TOKEN_MFA", totp["Session"],
                                                                       {{"USERNAME", "sel"}, {"SOFTWARE_TOKEN_MFA_CODE", bad}}));
  CHECK(mismatch.type == "CodeMismatchException");
  CHECK(mismatch.message == "Invalid code received for user");
  CHECK(s.ok("RespondToAuthChallenge", respond(client, "SOFTWARE_TOKEN_MFA", totp["Session"],
                                               {{"USERNAME", "sel"}, {"SOFTWARE_TOKEN_MFA_CODE", good}}))
            .contains("AuthenticationResult"));

  // Choosing SMS sends a code.
  const Json again = s.password_sign_in(client, "sel", "Passw0rd!").body;
  const Json sms = s.ok("RespondToAuthChallenge", respond(client, "SELECT_MFA_TYPE", again["Session"], {{"USERNAME", "sel"}, {"ANSWER", "SMS_MFA"}}));
  CHECK(sms["ChallengeName"] == "SMS_MFA");
  CHECK(s.ok("RespondToAuthChallenge", respond(client, "SMS_MFA", sms["Session"],
                                               {{"USERNAME", "sel"}, {"SMS_MFA_CODE", s.last_code("+15555550199")}}))
            .contains("AuthenticationResult"));
}

TEST_CASE("A challenge session expires after the client's AuthSessionValidity") {
  Sandbox s;
  const auto pool = sms_pool(s);
  const auto quick = s.create_client(pool);
  const auto slow = s.create_client(pool, Json{{"AuthSessionValidity", 5}});
  const Json c1 = s.password_sign_in(quick, "sol", "Passw0rd!").body;
  const std::string code1 = s.last_code("+15555550100");
  const Json c2 = s.password_sign_in(slow, "sol", "Passw0rd!").body;
  const std::string code2 = s.last_code("+15555550100");
  s.advance(3min);
  s.advance(1s);
  const ApiError e = s.error("RespondToAuthChallenge", respond(quick, "SMS_MFA", c1["Session"], {{"USERNAME", "sol"}, {"SMS_MFA_CODE", code1}}));
  CHECK(e.type == "NotAuthorizedException");
  CHECK(e.message == "Invalid session for the user, session is expired.");
  s.advance(1min + 58s);  // 4 min 59 s
  CHECK(s.ok("RespondToAuthChallenge", respond(slow, "SMS_MFA", c2["Session"], {{"USERNAME", "sol"}, {"SMS_MFA_CODE", code2}}))
            .contains("AuthenticationResult"));
}

TEST_CASE("A session answers only its own challenge, client and pool; unknown or missing sessions are refused") {
  Sandbox s;
  const auto pool = sms_pool(s);
  const auto client = s.create_client(pool);
  const auto sibling = s.create_client(pool);
  const auto other_pool = s.create_pool(Json{{"PoolName", "other"}});
  const auto foreign = s.create_client(other_pool);
  const Json c = s.password_sign_in(client, "sol", "Passw0rd!").body;
  const std::string code = s.last_code("+15555550100");
  const Json answer = {{"USERNAME", "sol"}, {"SMS_MFA_CODE", code}};

  ApiError e = s.error("RespondToAuthChallenge", respond(client, "SOFTWARE_TOKEN_MFA", c["Session"], answer));
  CHECK(e.type == "InvalidParameterException");
  CHECK(e.message == "The session is for the SMS_MFA challenge, not SOFTWARE_TOKEN_MFA.");
  for (const auto& other : {sibling, foreign}) {
    e = s.error("RespondToAuthChallenge", respond(other, "SMS_MFA", c["Session"], answer));
    CHECK(e.type == "NotAuthorizedException");
    CHECK(e.message == "Invalid session for the user.");
  }
  e = s.error("RespondToAuthChallenge", respond(client, "SMS_MFA", std::string(40, 'x'), answer));
  CHECK(e.type == "NotAuthorizedException");
  CHECK(e.message == "Invalid session for the user, session is expired.");
  e = s.error("RespondToAuthChallenge", {{"ClientId", client}, {"ChallengeName", "SMS_MFA"}, {"ChallengeResponses", answer}});
  CHECK(e.type == "InvalidParameterException");
  CHECK(e.message == "Missing required parameter Session");
  e = s.error("RespondToAuthChallenge", respond(client, "SMS_MFA", "short", answer));
  CHECK(e.message ==
        "1 validation error detected: Value 'short' at 'session' failed to satisfy constraint: Member must have length greater than or "
        "equal to 20");
  e = s.error("RespondToAuthChallenge", respond(client, "CUSTOM_CHALLENGE", c["Session"], answer));
  CHECK(e.type == "InvalidParameterException");
  CHECK(e.message == "The sandbox does not simulate the CUSTOM_CHALLENGE challenge.");
  // None of that used the session up.
  CHECK(s.ok("RespondToAuthChallenge", respond(client, "SMS_MFA", c["Session"], answer)).contains("AuthenticationResult"));
}
