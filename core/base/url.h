// URLs as the OAuth endpoints read and write them (RFC 3986 percent-encoding,
// application/x-www-form-urlencoded query strings and form bodies, cookies).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace userpool {

// Percent-encodes everything but RFC 3986's unreserved characters
// (A-Z a-z 0-9 - . _ ~), as OAuth 2.0 parameters are encoded.
std::string url_encode(std::string_view text);
// Decodes %XX, and '+' as a space (form encoding). nullopt for a broken %
// escape.
std::optional<std::string> url_decode(std::string_view text);

// Parameters in order, as a query string or form body carries them.
using UrlParams = std::vector<std::pair<std::string, std::string>>;

// "a=1&b=x%20y" -> {{"a","1"},{"b","x y"}}; pieces without '=' have an empty
// value; broken escapes are kept as written.
UrlParams parse_url_params(std::string_view text);
// The first value of each name (OAuth ignores repeats; Cognito answers
// with the first).
std::map<std::string, std::string> first_values(const UrlParams& params);
// "a=1&b=x%20y"
std::string format_url_params(const UrlParams& params);

// A URL with parameters added to its query (or to its fragment, for the
// implicit grant), keeping any query it already has.
std::string with_query(std::string_view url, const UrlParams& params);
std::string with_fragment(std::string_view url, const UrlParams& params);

// The cookies of a Cookie header ("a=1; b=2"), by name.
std::map<std::string, std::string> parse_cookie_header(std::string_view header);

}  // namespace userpool
