#include "core/tokens/refresh_token.h"

#include <algorithm>
#include <array>

#include "core/crypto/aes_gcm.h"

namespace userpool {
namespace {

const Json& jwe_header() {
  static const Json header = {{"cty", "JWT"}, {"enc", "A256GCM"}, {"alg", "RSA-OAEP"}};
  return header;
}

}  // namespace

Json RefreshTokenClaims::to_json() const {
  Json j = {{"pool", user_pool_id},
            {"client_id", client_id},
            {"username", username},
            {"sub", sub},
            {"jti", jti},
            {"origin_jti", origin_jti},
            {"auth_time", auth_time.time_since_epoch().count()},
            {"iat", issued_at.time_since_epoch().count()},
            {"exp", expires_at.time_since_epoch().count()}};
  if (!device_key.empty()) j["device_key"] = device_key;
  return j;
}

tl::expected<RefreshTokenClaims, std::string> RefreshTokenClaims::from_json(const Json& j) {
  try {
    RefreshTokenClaims c;
    c.user_pool_id = j.at("pool").get<std::string>();
    c.client_id = j.at("client_id").get<std::string>();
    c.username = j.at("username").get<std::string>();
    c.sub = j.at("sub").get<std::string>();
    c.jti = j.at("jti").get<std::string>();
    c.origin_jti = j.at("origin_jti").get<std::string>();
    c.auth_time = from_epoch_millis(j.at("auth_time").get<std::int64_t>());
    c.issued_at = from_epoch_millis(j.at("iat").get<std::int64_t>());
    c.expires_at = from_epoch_millis(j.at("exp").get<std::int64_t>());
    c.device_key = j.value("device_key", "");
    return c;
  } catch (const Json::exception&) {
    return tl::unexpected(std::string("the refresh token's contents are incomplete"));
  }
}

std::string seal_refresh_token(const RefreshTokenClaims& claims, const RsaKey& pool_key, RandomSource& random) {
  const std::string header_b64 = base64url_encode(bytes_of(jwe_header().dump()));
  const Bytes content_key = random.bytes(32);
  const Bytes iv = random.bytes(12);
  // JWE: the additional authenticated data is the ASCII of the encoded header.
  const auto box = aes256gcm_seal(content_key, iv, bytes_of(header_b64), bytes_of(claims.to_json().dump()));
  return header_b64 + "." + base64url_encode(pool_key.oaep_encrypt(content_key)) + "." + base64url_encode(iv) + "." +
         base64url_encode(box.ciphertext) + "." + base64url_encode(box.tag);
}

tl::expected<RefreshTokenClaims, std::string> open_refresh_token(std::string_view token, const RsaKey& pool_key) {
  std::array<std::string_view, 5> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const auto dot = token.find('.', start);
    if ((dot == std::string_view::npos) != (i == parts.size() - 1))
      return tl::unexpected(std::string("a refresh token has five parts separated by dots"));
    parts[i] = token.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    start = dot + 1;
  }
  const auto header = base64url_decode(parts[0]);
  const auto encrypted_key = base64url_decode(parts[1]);
  const auto iv = base64url_decode(parts[2]);
  const auto ciphertext = base64url_decode(parts[3]);
  const auto tag = base64url_decode(parts[4]);
  if (!header || !encrypted_key || !iv || !ciphertext || !tag || iv->size() != 12)
    return tl::unexpected(std::string("a part of the refresh token is not base64url"));
  const auto header_json = parse_json_text(to_string(*header));
  if (!header_json || *header_json != jwe_header())
    return tl::unexpected(std::string("the header is not a Cognito refresh token's"));
  const auto content_key = pool_key.oaep_decrypt(*encrypted_key);
  if (!content_key || content_key->size() != 32)
    return tl::unexpected(std::string("the token was not encrypted for this user pool"));
  const auto plain = aes256gcm_open(*content_key, *iv, bytes_of(parts[0]), *ciphertext, *tag);
  if (!plain) return tl::unexpected(std::string("the token was changed after it was issued"));
  const auto json = parse_json_text(to_string(*plain));
  if (!json) return tl::unexpected(std::string("the token's contents are not readable"));
  return RefreshTokenClaims::from_json(*json);
}

}  // namespace userpool
