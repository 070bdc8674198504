// The tokens a test request to API Gateway can carry, and how the request
// and its answer are worded: a tampered copy of a token, a token shortened
// for display, when a token expires, and HTTP status lines.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace userpool::web {

// A copy of `token` whose payload claims membership of the group "admins"
// (cognito:groups), re-encoded around the original header and signature, so
// it still looks like a token of its pool but no longer matches its
// signature. Empty when `token` is not a JWT.
std::string tampered_token(const std::string& token);

// A long token shortened for a header line: its first and last characters
// and its length ("eyJraWQiOiJ...Q3fA (1,034 characters)").
std::string shortened_token(const std::string& token);

// The token's exp claim (epoch seconds), if it has one.
std::optional<std::int64_t> token_expiry(const std::string& token);

// "401 Unauthorized", "200 OK", ... (the code alone for codes it does not name).
std::string http_status_line(int status);

// A length of time in whole seconds, in words as format_duration (core/base/clock.h) puts it.
std::string duration_text(std::int64_t seconds);

}  // namespace userpool::web
