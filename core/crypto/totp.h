// Software-token MFA: RFC 6238 TOTP as Cognito uses it (Developer Guide: "TOTP software token MFA"):
// HMAC-SHA1, 30-second steps from T0 = 0, 6 digits, a base32 secret, codes
// of the previous, current and next step accepted.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/base/clock.h"
#include "core/base/encoding.h"
#include "core/base/random.h"

namespace userpool {

inline constexpr int kTotpStepSeconds = 30;

// A new SecretCode: 32 random bytes in unpadded base32 (52 characters), the
// longer of the two lengths seen from AssociateSoftwareToken (UNVERIFIED).
std::string generate_totp_secret(RandomSource& random);

// The time step a moment falls in: floor(unix seconds / 30).
std::int64_t totp_step(Timestamp t);

// The code for a step (`digits` long, zero-padded).
std::string totp_code(std::span<const std::uint8_t> key, std::int64_t step, int digits = 6);
std::string totp_code_now(std::string_view base32_secret, Timestamp now);

// Which step a code belongs to, if it matches the step of `now` or the one
// before or after. The caller refuses a step already used (Cognito's
// "Your software token has already been used once.").
std::optional<std::int64_t> totp_match(std::string_view base32_secret, std::string_view code, Timestamp now);

// otpauth://totp/<issuer>:<account>?secret=<secret>&issuer=<issuer>, as
// Amplify builds it for authenticator apps (algorithm, digits and period are
// the defaults, so left out). Label and issuer are percent-encoded.
std::string otpauth_uri(std::string_view issuer, std::string_view account, std::string_view base32_secret);

}  // namespace userpool
