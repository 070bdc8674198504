// JSON pointers (RFC 6901) as lessons use them: parsed once when a lesson
// loads, looked up without exceptions (a value a check looks for is often
// not there yet), and named in reasons the way a learner reads a response
// ("/UserPool/Policies/PasswordPolicy" is "UserPool.Policies.PasswordPolicy").
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

#include "core/base/json.h"

namespace userpool::lessons {

// The reference tokens of a pointer, unescaped ("~1" is "/", "~0" is "~").
// The error completes "Pointer \"x\" ..." (e.g. "is not a JSON pointer (it
// must be empty or start with \"/\")").
tl::expected<std::vector<std::string>, std::string> parse_pointer(std::string_view pointer);

// The value a pointer names in a document, or nullptr. An array is indexed
// only by a plain decimal index ("0", "12"; not "01", "-" or "x").
const Json* find_pointer(const Json& document, const std::vector<std::string>& tokens);

// The pointer as a dotted path: object members after dots, array indexes in
// brackets ("Events[0].Status"). Empty for the whole document.
std::string path_name(const std::vector<std::string>& tokens);

// A value as a reason quotes it: compact JSON, cut to about `limit`
// characters (on a UTF-8 boundary) with "..." after.
std::string quote_value(const Json& value, std::size_t limit = 80);

}  // namespace userpool::lessons
