// Identifiers in the formats Cognito uses (API Reference: UserPoolIdType, ClientIdType).
#pragma once

#include <string>
#include <string_view>

#include "core/base/random.h"

namespace userpool {

// "<region>_<9 alphanumerics>", mixed case, e.g. "us-east-1_pxAHZcSSX". The
// part after '_' is the pool name that SRP hashes.
std::string generate_user_pool_id(std::string_view region, RandomSource& random);

// 26 lowercase alphanumerics, e.g. "6p3bs000no6a4ue1idruvd05ad".
std::string generate_app_client_id(RandomSource& random);

// RFC 4122 version 4 UUID in lowercase, e.g. "7325c1de-b05b-4f84-b321-9adc6e61f4a2".
// Used for a user's `sub` and for token `jti`, `origin_jti` and `event_id`.
std::string generate_uuid_v4(RandomSource& random);

// A 6-digit confirmation, verification, reset or MFA code ("042917").
std::string generate_confirmation_code(RandomSource& random);

// Shape checks, for validating identifiers that arrive in requests.
bool is_user_pool_id(std::string_view s);  // [\w-]+_[0-9a-zA-Z]+, at most 55 chars
bool is_uuid(std::string_view s);          // 8-4-4-4-12 lowercase or uppercase hex

// The pool name used in SRP: the part of the pool ID after '_'.
std::string_view pool_name_of(std::string_view user_pool_id);

}  // namespace userpool
