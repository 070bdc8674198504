// What each member of a token's header and each claim of its payload means,
// in plain words, as the token inspector shows them beside the values
// (Developer Guide: "Understanding user pool JSON web tokens (JWTs)", "Refresh tokens"), and the time claims read against the virtual
// clock ("expires in 54 min", "expired 3 h ago").
#pragma once

#include <string>
#include <string_view>

#include "core/base/clock.h"

namespace userpool {

struct ClaimExplanation {
  std::string_view text;  // one or two sentences for the learner
  bool cognito_sets;      // false: not a claim (or header member) Cognito puts in its tokens
};

// A payload claim: the standard JWT ones, Cognito's own, the user
// attributes an ID token carries (custom:* included) and the OAuth extras.
ClaimExplanation explain_claim(std::string_view name);
// A header member: alg and kid, plus typ, cty and enc (refresh tokens).
ClaimExplanation explain_header_member(std::string_view name);

// Whether a claim holds a time in seconds since 1970 (exp, iat, auth_time,
// nbf, updated_at).
bool is_time_claim(std::string_view name);
// "2026-11-23 08:00:00 UTC".
std::string format_utc(double epoch_seconds);
// The time a claim holds, relative to `now` and in the claim's own terms:
// "expires in 54 min", "expired 3 h ago", "issued 5 min ago", "signed in
// 2 days ago", "valid in 10 s". Empty for a claim that is not a time.
std::string describe_claim_time(std::string_view name, double epoch_seconds, Timestamp now);

}  // namespace userpool
