// Verifying a Cognito JWT as aws-jwt-verify does (aws-jwt-verify: README): structure,
// algorithm, key ID, key, signature, expiry, not-before, issuer, token use
// and client ID. Every check is reported with its outcome, so the token
// inspector can show which one failed and why; an API that must decide
// stops at the first failure.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "core/base/clock.h"
#include "core/tokens/jwks.h"
#include "core/tokens/jwt.h"

namespace userpool {

// What the verifier expects of a token.
struct JwtExpectations {
  std::string issuer;                    // e.g. https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC
  std::optional<std::string> token_use;  // "id" or "access"; nullopt accepts either
  std::vector<std::string> client_ids;   // empty: not checked
  std::chrono::seconds grace{0};         // clock skew allowed on exp and nbf
};

// The checks in the order they are made.
enum class JwtCheck { kFormat, kAlgorithm, kKeyId, kKey, kSignature, kExpiry, kNotBefore, kIssuer, kTokenUse, kClientId };
// A short name for the check ("signature", "expiry", ...).
std::string_view jwt_check_name(JwtCheck check);

enum class CheckStatus { kPassed, kFailed, kSkipped };

struct JwtCheckOutcome {
  JwtCheck check;
  CheckStatus status;
  std::string detail;  // why it passed, failed or could not be made
};

struct JwtVerification {
  std::optional<DecodedJwt> decoded;  // present whenever the format check passed
  std::vector<JwtCheckOutcome> checks;

  // True when every check passed (none failed or was skipped).
  bool valid() const;
  // The first check that did not pass, in the order above.
  const JwtCheckOutcome* first_failure() const;
};

JwtVerification verify_jwt(std::string_view token, const Jwks& jwks, const JwtExpectations& expect, Timestamp now);

}  // namespace userpool
