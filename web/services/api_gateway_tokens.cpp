#include "web/services/api_gateway_tokens.h"

#include "core/base/clock.h"
#include "core/base/encoding.h"
#include "core/base/json.h"
#include "core/tokens/jwt.h"

namespace userpool::web {

std::string tampered_token(const std::string& token) {
  const auto jwt = decode_jwt(token);
  if (!jwt) return {};
  Json payload = jwt->payload;
  payload["cognito:groups"] = Json::array({"admins"});
  const std::string text = payload.dump();
  return jwt->header_b64 + "." + base64url_encode(to_bytes(text)) + "." + jwt->signature_b64;
}

namespace {

std::string with_thousands(std::size_t n) {
  std::string digits = std::to_string(n);
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(static_cast<std::size_t>(i), ",");
  return digits;
}

}  // namespace

std::string shortened_token(const std::string& token) {
  constexpr std::size_t kHead = 16, kTail = 6;
  if (token.size() <= kHead + kTail + 3) return token;
  return token.substr(0, kHead) + "..." + token.substr(token.size() - kTail) + "  (" + with_thousands(token.size()) +
         " characters)";
}

std::optional<std::int64_t> token_expiry(const std::string& token) {
  const auto jwt = decode_jwt(token);
  if (!jwt) return std::nullopt;
  const auto it = jwt->payload.find("exp");
  if (it == jwt->payload.end() || !it->is_number()) return std::nullopt;
  return it->get<std::int64_t>();
}

std::string http_status_line(int status) {
  const char* reason = nullptr;
  switch (status) {
    case 200: reason = "OK"; break;
    case 400: reason = "Bad Request"; break;
    case 401: reason = "Unauthorized"; break;
    case 403: reason = "Forbidden"; break;
    case 404: reason = "Not Found"; break;
    case 429: reason = "Too Many Requests"; break;
    case 500: reason = "Internal Server Error"; break;
    case 502: reason = "Bad Gateway"; break;
    case 503: reason = "Service Unavailable"; break;
    default: break;
  }
  return reason == nullptr ? std::to_string(status) : std::to_string(status) + " " + reason;
}

std::string duration_text(std::int64_t seconds) { return format_duration(std::chrono::seconds(seconds)); }

}  // namespace userpool::web
