#include "core/tokens/jwt.h"

#include <algorithm>
#include <cctype>

namespace userpool {
namespace {

using Problem = tl::unexpected<JwtFormatProblem>;

Problem problem(JwtFormatError kind, std::string message) { return Problem(JwtFormatProblem{kind, std::move(message)}); }

bool is_base64url_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '_';
}

// Why `part` is not base64url, naming the first offending character and its
// position in the whole token.
std::string base64url_trouble(std::string_view part, std::size_t offset) {
  const auto bad = std::find_if_not(part.begin(), part.end(), is_base64url_char);
  if (bad != part.end()) {
    const char c = *bad;
    std::string shown = std::isprint(static_cast<unsigned char>(c)) != 0 ? std::string("'") + c + "'"
                                                                         : "byte " + std::to_string(static_cast<unsigned char>(c));
    std::string hint = (c == '+' || c == '/') ? " (standard base64, not base64url)" : (c == '=' ? " (padding is not used in JWTs)" : "");
    return "it has " + shown + " at position " + std::to_string(offset + static_cast<std::size_t>(bad - part.begin()) + 1) + hint;
  }
  return "its length (" + std::to_string(part.size()) + " characters) or its last character cannot be decoded";
}

}  // namespace

tl::expected<DecodedJwt, JwtFormatProblem> decode_jwt(std::string_view token) {
  if (token.empty()) return problem(JwtFormatError::kEmpty, "The token is empty.");
  if (const auto ws = token.find_first_of(" \t\r\n"); ws != std::string_view::npos)
    return problem(JwtFormatError::kWhitespace,
                   "The token has a space or line break at position " + std::to_string(ws + 1) +
                       "; a JWT is one unbroken line.");
  const auto parts = static_cast<std::size_t>(std::count(token.begin(), token.end(), '.')) + 1;
  if (parts == 5)
    return problem(JwtFormatError::kEncrypted,
                   "This token has five parts: it is encrypted (a JWE), like a Cognito refresh token. Only the "
                   "user pool that issued it can open it; there is nothing to decode or verify here.");
  if (parts != 3)
    return problem(JwtFormatError::kWrongPartCount, "A JWT has three parts separated by dots (header.payload.signature); "
                                                    "this token has " + std::to_string(parts) + ".");
  DecodedJwt jwt;
  const auto dot1 = token.find('.'), dot2 = token.find('.', dot1 + 1);
  jwt.header_b64 = std::string(token.substr(0, dot1));
  jwt.payload_b64 = std::string(token.substr(dot1 + 1, dot2 - dot1 - 1));
  jwt.signature_b64 = std::string(token.substr(dot2 + 1));

  struct Part {
    const std::string& text;
    std::size_t offset;
    const char* name;
    JwtFormatError not_b64, not_json, not_object;
    Json* out;
  };
  for (const Part& p : {Part{jwt.header_b64, 0, "header", JwtFormatError::kHeaderNotBase64url,
                             JwtFormatError::kHeaderNotJson, JwtFormatError::kHeaderNotObject, &jwt.header},
                        Part{jwt.payload_b64, dot1 + 1, "payload", JwtFormatError::kPayloadNotBase64url,
                             JwtFormatError::kPayloadNotJson, JwtFormatError::kPayloadNotObject, &jwt.payload}}) {
    // Strict alphabet first: base64url_decode tolerates "=" padding, which a
    // JWT must not have (a token with "==" appended is not the same token).
    const bool clean = std::all_of(p.text.begin(), p.text.end(), is_base64url_char);
    const auto bytes = clean ? base64url_decode(p.text) : std::nullopt;
    if (!bytes || p.text.empty())
      return problem(p.not_b64, std::string("The ") + p.name + " is not base64url: " +
                                    (p.text.empty() ? std::string("it is empty") : base64url_trouble(p.text, p.offset)) + ".");
    auto json = parse_json_text(to_string(*bytes));
    if (!json) return problem(p.not_json, std::string("The ") + p.name + " decodes, but not to JSON: " + json.error() + ".");
    if (!json->is_object())
      return problem(p.not_object, std::string("The ") + p.name + " is JSON, but " + json_kind(*json) +
                                       " rather than an object.");
    *p.out = std::move(*json);
  }
  const bool clean = std::all_of(jwt.signature_b64.begin(), jwt.signature_b64.end(), is_base64url_char);
  const auto signature = clean ? base64url_decode(jwt.signature_b64) : std::nullopt;
  if (!signature)
    return problem(JwtFormatError::kSignatureNotBase64url,
                   "The signature is not base64url: " + base64url_trouble(jwt.signature_b64, dot2 + 1) + ".");
  jwt.signature = *signature;
  return jwt;
}

std::string sign_jwt(Json header, const Json& payload, const RsaKey& key) {
  header["alg"] = "RS256";
  const std::string input = base64url_encode(bytes_of(header.dump())) + "." + base64url_encode(bytes_of(payload.dump()));
  return input + "." + base64url_encode(key.sign_rs256(bytes_of(input)));
}

}  // namespace userpool
