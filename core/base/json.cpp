#include "core/base/json.h"

namespace userpool {

tl::expected<Json, std::string> parse_json_text(std::string_view text) {
  try {
    return Json::parse(text);
  } catch (const Json::exception& e) {
    return tl::unexpected(plain_json_error(e.what()));
  }
}

std::string plain_json_error(std::string what) {
  // "[json.exception.parse_error.101] parse error at line 1, ..." -> "parse error at line 1, ..."
  if (const auto end = what.find("] "); what.rfind("[json.exception.", 0) == 0 && end != std::string::npos)
    what.erase(0, end + 2);
  // A parse error quotes the bytes it read, which may not be UTF-8; the
  // message goes into JSON responses, so invalid bytes become U+FFFD.
  const std::string quoted = Json(what).dump(-1, ' ', false, Json::error_handler_t::replace);
  return Json::parse(quoted).get<std::string>();
}

std::string json_kind(const Json& j) {
  switch (j.type()) {
    case Json::value_t::object: return "an object";
    case Json::value_t::array: return "an array";
    case Json::value_t::string: return "a string";
    case Json::value_t::boolean: return "a boolean";
    case Json::value_t::null: return "null";
    case Json::value_t::discarded: return "nothing";
    default: return "a number";
  }
}

}  // namespace userpool
