// Multi-factor authentication set-up: AssociateSoftwareToken,
// VerifySoftwareToken, SetUserMFAPreference, AdminSetUserMFAPreference
// (API Reference: AssociateSoftwareToken, VerifySoftwareToken, SetUserMFAPreference; Developer Guide: "TOTP software token MFA").
#include "core/api/api_error.h"
#include "core/ops/common.h"
#include "core/api/registry.h"
#include "core/ops/sessions.h"
#include "core/ops/token_grants.h"
#include "core/crypto/totp.h"

namespace userpool::ops {
namespace {

// The user a request acts for: by its AccessToken, or by its Session during
// MFA_SETUP (exactly one of the two).
struct Subject {
  UserPool& pool;
  User& user;
  ChallengeSession* session;  // null when an access token was given
};

Subject mfa_subject_of(OpContext& ctx, const Request& r) {
  const auto token = r.optional_string("AccessToken", shapes::kToken);
  const auto session = r.optional_string("Session", shapes::kSession);
  if (token.has_value() == session.has_value())
    fail_invalid_parameter("Give either AccessToken or Session, not both and not neither.");
  if (token) {
    Caller caller = authorize_access_token(ctx, *token);
    return {caller.pool, caller.user, nullptr};
  }
  OpenSession open = find_session(ctx, *session);
  UserPool& pool = open.pool;
  ChallengeSession& s = open.session;
  if (s.challenge != "MFA_SETUP") fail_not_authorized("Invalid session for the user.", "The session is not an MFA_SETUP session");
  User* user = pool.users.by_username(s.username);
  if (user == nullptr) fail_user_not_found("User does not exist.");
  return {pool, *user, &s};
}

void require_totp_in_pool(const UserPool& pool) {
  if (!pool.config.software_token_mfa_enabled)
    fail("SoftwareTokenMFANotFoundException", "Software Token MFA has not been enabled by the userPool",
         "Turn on authenticator apps with SetUserPoolMfaConfig (SoftwareTokenMfaConfiguration.Enabled)");
}

// Opens the next MFA_SETUP session for the same sign-in.
std::string next_setup_session(OpContext& ctx, UserPool& pool, ChallengeSession& s, const User& user, Json data) {
  AppClient* client = pool.find_client(s.client_id);
  if (client == nullptr) fail_not_authorized("Invalid session for the user.", "The app client no longer exists");
  close_session(s);
  return open_session(ctx, pool, *client, user, "MFA_SETUP", std::move(data));
}

struct FactorSetting {
  std::optional<bool> enabled, preferred;
};

FactorSetting read_setting(const Request& r, const char* member) {
  if (!r.has(member)) return {};
  const Request s = r.member(member);
  return {s.optional_bool("Enabled"), s.optional_bool("PreferredMfa")};
}

void apply_preferences(OpContext& ctx, UserPool& pool, User& user, const Request& r) {
  const FactorSetting sms = read_setting(r, "SMSMfaSettings");
  const FactorSetting totp = read_setting(r, "SoftwareTokenMfaSettings");
  if (r.has("EmailMfaSettings") || r.has("WebAuthnMfaSettings"))
    fail_invalid_parameter("This sandbox simulates SMS and authenticator-app (TOTP) MFA only.");
  if (sms.preferred.value_or(false) && totp.preferred.value_or(false))
    fail_invalid_parameter("Only one MFA method can be preferred.");
  if (totp.enabled.value_or(false)) {
    if (!pool.config.software_token_mfa_enabled)
      fail_invalid_parameter("Software token MFA is not enabled for the user pool.");
    if (user.totp_secret.empty())
      fail_invalid_parameter("User has not verified software token mfa",
                             "AssociateSoftwareToken and VerifySoftwareToken come first");
  }
  if (sms.enabled.value_or(false) && user.attribute("phone_number") == nullptr)
    fail_invalid_parameter("User does not have delivery config set to turn on SMS_MFA");
  if (sms.enabled) user.sms_mfa_enabled = *sms.enabled;
  if (totp.enabled) user.software_token_mfa_enabled = *totp.enabled;
  if (sms.preferred.value_or(false)) user.preferred_mfa = "SMS_MFA";
  if (totp.preferred.value_or(false)) user.preferred_mfa = "SOFTWARE_TOKEN_MFA";
  if ((user.preferred_mfa == "SMS_MFA" && !user.sms_mfa_enabled) ||
      (user.preferred_mfa == "SOFTWARE_TOKEN_MFA" && !user.software_token_mfa_enabled))
    user.preferred_mfa.clear();  // a turned-off factor cannot stay preferred
  user.last_modified = ctx.now;
  if (pool.config.mfa == MfaMode::kOff)
    ctx.rule("The preference is saved, but the pool's MFA is OFF, so sign-in asks for no code");
}


Json associate_software_token(OpContext& ctx, const Request& r) {
  Subject s = mfa_subject_of(ctx, r);
  require_totp_in_pool(s.pool);
  s.user.totp_pending_secret = generate_totp_secret(ctx.random());
  ctx.rule("A new authenticator secret; it replaces the current one only once VerifySoftwareToken confirms a code");
  Json out = {{"SecretCode", s.user.totp_pending_secret}};
  if (s.session != nullptr) out["Session"] = next_setup_session(ctx, s.pool, *s.session, s.user, Json::object());
  return out;
}

Json verify_software_token(OpContext& ctx, const Request& r) {
  StringShape code_shape;
  code_shape.min = code_shape.max = 6;
  const std::string code = r.string("UserCode", code_shape);
  Subject s = mfa_subject_of(ctx, r);
  require_totp_in_pool(s.pool);
  if (s.user.totp_pending_secret.empty())
    fail_invalid_parameter("There is no software token to verify: call AssociateSoftwareToken first.");
  const auto step = totp_match(s.user.totp_pending_secret, code, ctx.now);
  if (!step)
    fail("EnableSoftwareTokenMFAException", "Code mismatch and fail enable Software Token MFA",
         "The code is not the authenticator's current one for the new secret");
  s.user.totp_secret = s.user.totp_pending_secret;
  s.user.totp_pending_secret.clear();
  s.user.last_totp_step = *step;
  Json out = {{"Status", "SUCCESS"}};
  if (s.session != nullptr) {
    s.user.software_token_mfa_enabled = true;
    s.user.preferred_mfa = "SOFTWARE_TOKEN_MFA";
    ctx.rule("Verified during MFA_SETUP: the authenticator app is the user's MFA factor");
    out["Session"] = next_setup_session(ctx, s.pool, *s.session, s.user, Json{{"Verified", true}});
  } else {
    ctx.rule("Verified: the authenticator is registered; SetUserMFAPreference turns it on for sign-in");
  }
  return out;
}

Json set_user_mfa_preference(OpContext& ctx, const Request& r) {
  Caller caller = authorize_access_token(ctx, r.string("AccessToken", shapes::kToken));
  apply_preferences(ctx, caller.pool, caller.user, r);
  return Json::object();
}

Json admin_set_user_mfa_preference(OpContext& ctx, const Request& r) {
  UserPool& pool = require_pool(ctx, r.string("UserPoolId", shapes::kUserPoolId));
  User& user = require_user(ctx, pool, r.string("Username", shapes::kUsername));
  apply_preferences(ctx, pool, user, r);
  return Json::object();
}

}  // namespace

// The operations of this file, for the registry (core/api/registry.h).
const OperationTable& mfa_operations() {
  static const OperationTable table = {
      {"AssociateSoftwareToken", associate_software_token, OperationKind::kChange},
      {"VerifySoftwareToken", verify_software_token, OperationKind::kChange},
      {"SetUserMFAPreference", set_user_mfa_preference, OperationKind::kChange},
      {"AdminSetUserMFAPreference", admin_set_user_mfa_preference, OperationKind::kChange},
  };
  return table;
}

}  // namespace userpool::ops
