// Answering sign-in challenges: RespondToAuthChallenge and
// AdminRespondToAuthChallenge (API Reference: RespondToAuthChallenge): PASSWORD_VERIFIER (SRP),
// NEW_PASSWORD_REQUIRED, SMS_MFA, SOFTWARE_TOKEN_MFA, SELECT_MFA_TYPE and
// MFA_SETUP.
#include <algorithm>

#include "core/api/api_error.h"
#include "core/rules/user_existence.h"
#include "core/rules/lockout.h"
#include "core/ops/common.h"
#include "core/api/registry.h"
#include "core/ops/sessions.h"
#include "core/ops/sign_in.h"
#include "core/ops/token_grants.h"
#include "core/crypto/totp.h"

namespace userpool::ops {
namespace {

using Responses = std::map<std::string, std::string>;

const std::string& required_response(const Responses& r, const std::string& name) {
  const auto it = r.find(name);
  if (it == r.end() || it->second.empty()) fail_invalid_parameter("Missing required parameter " + name);
  return it->second;
}

std::optional<std::string> response(const Responses& r, const std::string& name) {
  const auto it = r.find(name);
  return it == r.end() ? std::nullopt : std::optional<std::string>(it->second);
}

[[noreturn]] void srp_refused(srp::Error e) {
  if (e == srp::Error::kSecretBlockExpired)
    fail_not_authorized("Invalid session for the user, session is expired.", std::string(srp::describe(e)));
  fail_not_authorized("Incorrect username or password.", std::string(srp::describe(e)));
}

Json password_verifier(OpContext& ctx, UserPool& pool, const AppClient& client, const Responses& r) {
  const std::string& username = required_response(r, "USERNAME");
  const std::string& block = required_response(r, "PASSWORD_CLAIM_SECRET_BLOCK");
  const std::string& timestamp = required_response(r, "TIMESTAMP");
  const std::string& signature = required_response(r, "PASSWORD_CLAIM_SIGNATURE");
  ctx.event.username = username;
  check_secret_hash(ctx, client, username, response(r, "SECRET_HASH"));
  const srp::Server server(pool.id, pool.keys.sealing_key);
  const auto block_user = server.user_of_secret_block(block);
  if (!block_user) srp_refused(block_user.error());
  User* user = pool.users.by_username(*block_user);
  if (user == nullptr || !user->password) user_existence::made_up_challenge_answered();
  ctx.event.username = user->username;
  check_not_locked_out(ctx, *user);
  if (!user->enabled) fail_not_authorized("User is disabled.", "An administrator disabled the user (AdminDisableUser)");
  srp::ClaimLimits limits;
  limits.secret_block_lifetime = client.auth_session_lifetime();
  const auto verdict = server.verify({username, block, timestamp, signature}, *user->password, ctx.now, limits);
  if (!verdict) {
    if (verdict.error() == srp::Error::kSignatureMismatch) record_failed_sign_in(ctx, *user);
    srp_refused(verdict.error());
  }
  ctx.rule("SRP step 2: PASSWORD_CLAIM_SIGNATURE matches, so the client knows the password");
  record_successful_sign_in(*user);
  return after_password(ctx, pool, client, *user);
}

// The session's user, still there and allowed to go on.
User& session_user(OpContext& ctx, UserPool& pool, const ChallengeSession& s, const Responses& r, const AppClient& client) {
  if (s.client_id != client.client_id)
    fail_not_authorized("Invalid session for the user.", "The session belongs to another app client");
  User* user = pool.users.by_username(s.username);
  if (user == nullptr) fail_user_not_found("User does not exist.");
  if (const auto name = response(r, "USERNAME"); name && find_user(pool, *name) != user)
    fail_not_authorized("Incorrect username or password.", "USERNAME is not the user this session is for");
  check_secret_hash(ctx, client, response(r, "USERNAME").value_or(user->username), response(r, "SECRET_HASH"));
  if (!user->enabled) fail_not_authorized("User is disabled.");
  return *user;
}

Json new_password_required(OpContext& ctx, UserPool& pool, const AppClient& client, ChallengeSession& s, const Responses& r) {
  User& user = session_user(ctx, pool, s, r, client);
  const std::string& password = required_response(r, "NEW_PASSWORD");
  AttributeList attributes;
  for (const auto& [key, value] : r)
    if (key.rfind("userAttributes.", 0) == 0) attributes.emplace_back(key.substr(15), value);
  for (const auto& [name, value] : attributes) {
    const SchemaAttribute* a = find_attribute(pool.config.schema, name);
    if (a != nullptr && a->required && user.attribute(name) != nullptr)
      fail_invalid_parameter("Cannot modify an already provided " + name,
                             "NEW_PASSWORD_REQUIRED can only fill in required attributes that have no value yet");
  }
  check_client_can_write(pool, client, attributes);
  check_attribute_values(pool.config.schema, attributes, true);
  AttributeList all = user.attributes;
  for (const auto& kv : attributes) all.push_back(kv);
  const auto missing = missing_required_attributes(pool.config.schema, all);
  if (!missing.empty())
    fail_invalid_parameter("Attributes did not conform to the schema: " + missing.front() + ": The attribute is required",
                           "NEW_PASSWORD_REQUIRED's requiredAttributes must be answered as userAttributes.<name>");
  set_password(ctx, pool, user, password, PolicyWording::kDidNotConformWith);
  for (const auto& [name, value] : attributes) pool.users.set_attribute(user, name, value);
  user.status = status::kConfirmed;
  close_session(s);
  ctx.rule("The new password replaces the temporary one; the user is CONFIRMED");
  return mfa_or_tokens(ctx, pool, client, user);
}

Json sms_mfa(OpContext& ctx, UserPool& pool, const AppClient& client, ChallengeSession& s, const Responses& r) {
  User& user = session_user(ctx, pool, s, r, client);
  const std::string& code = required_response(r, "SMS_MFA_CODE");
  if (!constant_time_equal(std::string_view(code), std::string_view(s.data.value("Code", ""))))
    fail("CodeMismatchException", "Invalid code received for user", "The SMS code does not match; the session stays open for another try");
  close_session(s);
  pool.users.set_attribute(user, "phone_number_verified", "true");
  ctx.rule("SMS code matched; a successful SMS MFA also verifies the phone number");
  return signed_in(ctx, pool, client, user);
}

Json software_token_mfa(OpContext& ctx, UserPool& pool, const AppClient& client, ChallengeSession& s, const Responses& r) {
  User& user = session_user(ctx, pool, s, r, client);
  const std::string& code = required_response(r, "SOFTWARE_TOKEN_MFA_CODE");
  const auto step = totp_match(user.totp_secret, code, ctx.now);
  if (!step)
    fail("CodeMismatchException", "Invalid code received for user",
         "The code matches neither the current 30-second step nor the one before or after");
  if (*step <= user.last_totp_step)
    fail("ExpiredCodeException", "Your software token has already been used once.",
         "A TOTP code is accepted once; wait for the next one (a new one every 30 seconds)");
  user.last_totp_step = *step;
  close_session(s);
  ctx.rule("Authenticator code matched (TOTP, 30-second steps, one step of clock skew allowed)");
  return signed_in(ctx, pool, client, user);
}

Json select_mfa_type(OpContext& ctx, UserPool& pool, const AppClient& client, ChallengeSession& s, const Responses& r) {
  User& user = session_user(ctx, pool, s, r, client);
  const std::string& answer = required_response(r, "ANSWER");
  const auto factors = enabled_mfa_factors(pool, user);
  if (std::find(factors.begin(), factors.end(), answer) == factors.end())
    fail_invalid_parameter("Invalid ANSWER: " + answer + " is not one of the user's MFA factors.");
  close_session(s);
  return start_mfa_challenge(ctx, pool, client, user, answer);
}

Json mfa_setup(OpContext& ctx, UserPool& pool, const AppClient& client, ChallengeSession& s, const Responses& r) {
  User& user = session_user(ctx, pool, s, r, client);
  if (!s.data.value("Verified", false))
    fail_invalid_parameter("MFA_SETUP needs the Session that VerifySoftwareToken returned after the authenticator was verified.");
  close_session(s);
  ctx.rule("MFA set up during sign-in: the authenticator app is now the user's MFA factor");
  return signed_in(ctx, pool, client, user);
}

Json respond(OpContext& ctx, UserPool& pool, const AppClient& client, const Request& r) {
  const std::string challenge = r.string("ChallengeName");
  const Responses responses = r.string_map("ChallengeResponses");
  if (challenge == "PASSWORD_VERIFIER") return password_verifier(ctx, pool, client, responses);
  using Handler = Json (*)(OpContext&, UserPool&, const AppClient&, ChallengeSession&, const Responses&);
  Handler handler = nullptr;
  if (challenge == "NEW_PASSWORD_REQUIRED") handler = new_password_required;
  if (challenge == "SMS_MFA") handler = sms_mfa;
  if (challenge == "SOFTWARE_TOKEN_MFA") handler = software_token_mfa;
  if (challenge == "SELECT_MFA_TYPE") handler = select_mfa_type;
  if (challenge == "MFA_SETUP") handler = mfa_setup;
  if (handler == nullptr)
    fail_invalid_parameter("The sandbox does not simulate the " + challenge + " challenge.",
                           "Custom, device and passwordless challenges are not simulated");
  const auto session_text = r.optional_string("Session", shapes::kSession);
  if (!session_text) fail_invalid_parameter("Missing required parameter Session");
  OpenSession open = find_session(ctx, *session_text);
  ChallengeSession& session = open.session;
  if (&open.pool != &pool) fail_not_authorized("Invalid session for the user.", "The session belongs to another user pool");
  if (session.challenge != challenge)
    fail_invalid_parameter("The session is for the " + session.challenge + " challenge, not " + challenge + ".");
  return handler(ctx, pool, client, session, responses);
}


Json respond_to_auth_challenge(OpContext& ctx, const Request& r) {
  PoolClient pc = require_client(ctx, r.string("ClientId", shapes::kClientId));
  UserPool& pool = pc.pool;
  AppClient& client = pc.client;
  return respond(ctx, pool, client, r);
}

Json admin_respond_to_auth_challenge(OpContext& ctx, const Request& r) {
  UserPool& pool = require_pool(ctx, r.string("UserPoolId", shapes::kUserPoolId));
  AppClient& client = require_client_in(ctx, pool, r.string("ClientId", shapes::kClientId));
  return respond(ctx, pool, client, r);
}

}  // namespace

// The operations of this file, for the registry (core/api/registry.h).
const OperationTable& challenge_operations() {
  static const OperationTable table = {
      {"RespondToAuthChallenge", respond_to_auth_challenge, OperationKind::kChange},
      {"AdminRespondToAuthChallenge", admin_respond_to_auth_challenge, OperationKind::kChange},
  };
  return table;
}

}  // namespace userpool::ops
