#include "core/ops/sign_in.h"

#include <algorithm>

#include "core/api/api_error.h"
#include "core/base/identifiers.h"
#include "core/ops/delivery.h"
#include "core/ops/sessions.h"
#include "core/ops/token_grants.h"

namespace userpool::ops {
namespace {

// NEW_PASSWORD_REQUIRED's parameters: the user's attributes (but sub) and the
// required attributes still missing, both as JSON text (API Reference: InitiateAuth).
Json new_password_parameters(const UserPool& pool, const User& user) {
  Json attributes = Json::object();
  for (const auto& [name, value] : user.attributes)
    if (name != "sub") attributes[name] = value;
  Json required = Json::array();
  for (const auto& a : pool.config.schema)
    if (a.required && a.name != "sub" && user.attribute(a.name) == nullptr) required.push_back("userAttributes." + a.name);
  return Json{{"USER_ID_FOR_SRP", user.username}, {"requiredAttributes", required.dump()},
              {"userAttributes", attributes.dump()}};
}

std::vector<std::string> setup_options(const PoolConfig& c) {
  std::vector<std::string> options;
  if (c.sms_mfa_enabled) options.push_back("SMS_MFA");
  if (c.software_token_mfa_enabled) options.push_back("SOFTWARE_TOKEN_MFA");
  return options;
}

}  // namespace

Json challenge_response(const std::string& challenge, const std::string& session, Json parameters) {
  Json j = {{"ChallengeName", challenge}};
  if (!session.empty()) j["Session"] = session;
  j["ChallengeParameters"] = std::move(parameters);
  return j;
}

Json tokens_response(Json authentication_result) {
  return Json{{"ChallengeParameters", Json::object()}, {"AuthenticationResult", std::move(authentication_result)}};
}

std::vector<std::string> enabled_mfa_factors(const UserPool& pool, const User& user) {
  const PoolConfig& c = pool.config;
  std::vector<std::string> factors;
  if (c.mfa == MfaMode::kOff) return factors;
  if (c.sms_mfa_enabled && user.sms_mfa_enabled && user.attribute("phone_number") != nullptr) factors.push_back("SMS_MFA");
  if (c.software_token_mfa_enabled && user.software_token_mfa_enabled && !user.totp_secret.empty())
    factors.push_back("SOFTWARE_TOKEN_MFA");
  return factors;
}

Json after_password(OpContext& ctx, UserPool& pool, const AppClient& client, User& user) {
  if (user.status == status::kUnconfirmed)
    fail("UserNotConfirmedException", "User is not confirmed.",
         "The user signed up but has not confirmed (ConfirmSignUp or AdminConfirmSignUp)");
  if (user.status == status::kResetRequired)
    fail("PasswordResetRequiredException", "Password reset required for the user",
         "An administrator reset the password: the user sets a new one with ForgotPassword and ConfirmForgotPassword");
  if (user.status == status::kForceChangePassword) {
    const auto validity = std::chrono::days(pool.config.password_policy.temporary_password_validity_days);
    if (ctx.now - user.password_set_at > validity)
      fail_not_authorized("Temporary password has expired and must be reset by an administrator.",
                          "Temporary passwords are valid for " + std::to_string(validity.count()) +
                              " days (TemporaryPasswordValidityDays); AdminCreateUser with MessageAction RESEND issues a new one");
    ctx.rule("The user signed in with a temporary password, so the next step is NEW_PASSWORD_REQUIRED");
    const std::string session = open_session(ctx, pool, client, user, "NEW_PASSWORD_REQUIRED");
    return challenge_response("NEW_PASSWORD_REQUIRED", session, new_password_parameters(pool, user));
  }
  return mfa_or_tokens(ctx, pool, client, user);
}

Json start_mfa_challenge(OpContext& ctx, UserPool& pool, const AppClient& client, User& user, const std::string& challenge) {
  if (challenge == "SMS_MFA") {
    const std::string code = generate_confirmation_code(ctx.random());
    const Json details = deliver_code(ctx, pool, user, destination_of(user, "phone_number"), CodePurpose::kMfa, code);
    const std::string session = open_session(ctx, pool, client, user, "SMS_MFA", Json{{"Code", code}});
    return challenge_response("SMS_MFA", session,
                              Json{{"CODE_DELIVERY_DELIVERY_MEDIUM", "SMS"},
                                   {"CODE_DELIVERY_DESTINATION", details["Destination"]}});
  }
  const std::string session = open_session(ctx, pool, client, user, challenge);
  return challenge_response(challenge, session, Json::object());
}

Json signed_in(OpContext& ctx, UserPool& pool, const AppClient& client, User& user) {
  if (ctx.finish_sign_in) return ctx.finish_sign_in(user);
  return tokens_response(issue_sign_in_tokens(ctx, pool, client, user, ctx.now));
}

Json mfa_or_tokens(OpContext& ctx, UserPool& pool, const AppClient& client, User& user) {
  const PoolConfig& c = pool.config;
  auto factors = enabled_mfa_factors(pool, user);
  // With MFA required, a user with a phone number but no factor chosen gets
  // SMS codes (the pool's SMS MFA covers them).
  if (factors.empty() && c.mfa == MfaMode::kOn && c.sms_mfa_enabled && user.attribute("phone_number") != nullptr) {
    ctx.rule("MFA is required and the user has a phone number: Cognito sends an SMS code");
    factors.push_back("SMS_MFA");
  }
  if (factors.empty()) {
    if (c.mfa == MfaMode::kOn) {
      ctx.rule("MFA is required (MfaConfiguration ON) and the user has no MFA factor yet: MFA_SETUP");
      const std::string session = open_session(ctx, pool, client, user, "MFA_SETUP");
      return challenge_response("MFA_SETUP", session, Json{{"MFAS_CAN_SETUP", Json(setup_options(c)).dump()}});
    }
    if (c.mfa == MfaMode::kOptional) ctx.rule("MFA is optional and the user has not turned it on: no MFA challenge");
    return signed_in(ctx, pool, client, user);
  }
  if (factors.size() == 1 || !user.preferred_mfa.empty()) {
    const std::string chosen =
        factors.size() == 1 || std::find(factors.begin(), factors.end(), user.preferred_mfa) == factors.end()
            ? factors.front()
            : user.preferred_mfa;
    ctx.rule("MFA: the user's " + std::string(chosen == "SMS_MFA" ? "SMS" : "authenticator app") + " factor is challenged");
    return start_mfa_challenge(ctx, pool, client, user, chosen);
  }
  ctx.rule("The user has several MFA factors and no preferred one: SELECT_MFA_TYPE");
  const std::string session = open_session(ctx, pool, client, user, "SELECT_MFA_TYPE");
  return challenge_response("SELECT_MFA_TYPE", session, Json{{"MFAS_CAN_CHOOSE", Json(factors).dump()}});
}

}  // namespace userpool::ops
