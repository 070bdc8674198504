// A user of a user pool (Developer Guide: "Managing users in your user pool"): identity, attributes, status, the
// password verifier (never the password), codes in flight, MFA settings,
// sign-in lockout, hourly limits and the token lineages the user holds.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/clock.h"
#include "core/api/request.h"
#include "core/crypto/srp.h"

namespace userpool {

// UserStatusType values the sandbox uses.
namespace status {
inline constexpr const char* kUnconfirmed = "UNCONFIRMED";
inline constexpr const char* kConfirmed = "CONFIRMED";
inline constexpr const char* kForceChangePassword = "FORCE_CHANGE_PASSWORD";
inline constexpr const char* kResetRequired = "RESET_REQUIRED";
// A user made by a first sign-in through a federated identity provider.
inline constexpr const char* kExternalProvider = "EXTERNAL_PROVIDER";
}  // namespace status

// A code sent to the user (sign-up confirmation, password reset, attribute
// verification).
struct Code {
  std::string value;
  Timestamp expires_at{};
  std::string attribute;  // where it was sent: "email" or "phone_number"
};

// The tokens of one sign-in: its refresh token and every ID and access
// token minted from it share an origin (Cognito's origin_jti), which is what
// sign-out and revocation act on.
struct TokenLineage {
  std::string origin_jti;
  std::string client_id;
  Timestamp auth_time{};
  Timestamp refresh_expires_at{};
  std::vector<std::string> event_ids;  // one per sign-in or refresh
  bool revoked = false;
  // Refresh-token rotation: the current refresh token, and the one it
  // replaced (usable for the client's grace period after rotated_at).
  std::string refresh_jti, previous_refresh_jti;
  Timestamp rotated_at{};
  // A sign-in through the OAuth 2.0 endpoints (the hosted UI): the scopes it
  // granted, which its refreshed tokens keep. Absent for API sign-ins.
  std::optional<std::vector<std::string>> oauth_scopes;
};

struct User {
  std::uint64_t seq = 0;  // creation order, for listing and pagination
  std::string username;   // the internal username (the sub in pools with username attributes)
  std::string sub;
  AttributeList attributes;  // values are strings, as the API has them; sub first
  std::string status = status::kUnconfirmed;
  bool enabled = true;
  Timestamp created{}, last_modified{};

  // Password: an SRP verifier (see srp.h), and earlier ones for the history rule.
  std::optional<srp::PasswordVerifier> password;
  Timestamp password_set_at{};  // a temporary password expires from here
  std::vector<srp::PasswordVerifier> password_history;

  std::optional<Code> sign_up_code;
  std::optional<Code> reset_code;
  std::map<std::string, Code> attribute_codes;  // by attribute name
  AttributeList pending_attributes;             // updates waiting for verification

  // MFA
  bool sms_mfa_enabled = false;
  bool software_token_mfa_enabled = false;
  std::string preferred_mfa;         // "SMS_MFA" | "SOFTWARE_TOKEN_MFA" | ""
  std::string totp_secret;           // verified authenticator secret
  std::string totp_pending_secret;   // associated, waiting for VerifySoftwareToken
  std::int64_t last_totp_step = -1;  // a code is accepted once per step

  // Sign-in lockout (Developer Guide: "User pool authentication flow").
  int failed_sign_ins = 0;
  Timestamp locked_until{};
  std::optional<Timestamp> last_sign_in_attempt;

  // Per-user hourly limits: when each limited action was last done.
  std::map<std::string, std::vector<Timestamp>> recent_actions;

  std::vector<TokenLineage> lineages;
  std::vector<std::string> groups;  // group names

  const std::string* attribute(std::string_view name) const;
  bool attribute_is_true(std::string_view name) const;  // "true" for email_verified, phone_number_verified
};

}  // namespace userpool
