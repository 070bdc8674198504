// The JSON type of the simulation. Insertion-ordered, so documents come out
// with their members in the order Cognito sends them (a learner comparing a
// response with the real one sees the same shape).
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>
#include <tl/expected.hpp>

namespace userpool {

using Json = nlohmann::ordered_json;

// Parses without throwing; the error reads as a sentence ("syntax error at
// line 1, column 5: ..."), without nlohmann's "[json.exception...]" prefix.
tl::expected<Json, std::string> parse_json_text(std::string_view text);

// An nlohmann exception's text without its "[json.exception.x.nnn] " prefix.
std::string plain_json_error(std::string what);

// "an object", "an array", "a string", "a number", "a boolean", "null".
std::string json_kind(const Json& j);

}  // namespace userpool
