#include "core/tokens/token_inspection.h"

#include <algorithm>
#include <cctype>

#include "core/crypto/digest.h"
#include "core/base/encoding.h"

namespace userpool {

std::string with_payload(const DecodedJwt& jwt, const Json& payload) {
  // Replacing invalid UTF-8 rather than throwing: the inspector calls this
  // while drawing, where an exception has nowhere sensible to go.
  const std::string body = payload == jwt.payload
                               ? jwt.payload_b64
                               : base64url_encode(bytes_of(payload.dump(-1, ' ', false, Json::error_handler_t::replace)));
  return jwt.header_b64 + "." + body + "." + jwt.signature_b64;
}

std::string claim_as_text(const Json& value) {
  if (value.is_string()) return value.get<std::string>();
  return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

tl::expected<Json, std::string> claim_from_text(const Json& original, std::string_view text) {
  if (original.is_string()) return Json(std::string(text));
  auto parsed = parse_json_text(text);
  if (!parsed)
    return tl::unexpected("This claim is " + json_kind(original) + "; type it as JSON (" +
                          (original.is_number() ? std::string("digits, e.g. 1700000000")
                           : original.is_boolean() ? std::string("true or false")
                                                   : std::string("as shown")) +
                          "). " + parsed.error());
  return *parsed;
}

std::optional<std::string> user_pool_id_from_issuer(std::string_view issuer) {
  constexpr std::string_view kScheme = "https://cognito-idp.", kHost = ".amazonaws.com/";
  if (!issuer.starts_with(kScheme)) return std::nullopt;
  const auto host_end = issuer.find(kHost);
  if (host_end == std::string_view::npos) return std::nullopt;
  const std::string_view region = issuer.substr(kScheme.size(), host_end - kScheme.size());
  const std::string_view pool = issuer.substr(host_end + kHost.size());
  // A pool ID is "<region>_<letters and digits>", and its region is the host's.
  const bool plain = std::all_of(pool.begin(), pool.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '-';
  });
  if (region.empty() || !plain || !pool.starts_with(region) || pool.size() <= region.size() + 1 ||
      pool[region.size()] != '_')
    return std::nullopt;
  return std::string(pool);
}

std::string_view trim_token(std::string_view text) {
  constexpr std::string_view kBlanks = " \t\r\n";
  const auto first = text.find_first_not_of(kBlanks);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(kBlanks) - first + 1);
}

}  // namespace userpool
