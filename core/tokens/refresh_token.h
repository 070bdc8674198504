// Refresh tokens (Developer Guide: "Refresh tokens"): opaque to clients, five-part compact JWE
// with header {"cty":"JWT","enc":"A256GCM","alg":"RSA-OAEP"}, as Cognito's.
// Only the pool, which holds the RSA private key, can open one; inside is
// what the pool needs to refresh and to revoke.
#pragma once

#include <string>
#include <string_view>

#include <tl/expected.hpp>

#include "core/base/clock.h"
#include "core/base/json.h"
#include "core/base/random.h"
#include "core/crypto/rsa_key.h"

namespace userpool {

struct RefreshTokenClaims {
  std::string user_pool_id;
  std::string client_id;
  std::string username;
  std::string sub;
  std::string jti;         // this refresh token
  std::string origin_jti;  // its lineage: revoking it revokes every token minted from it
  Timestamp auth_time;     // the sign-in it continues
  Timestamp issued_at;
  Timestamp expires_at;
  std::string device_key;  // when device tracking is on

  Json to_json() const;
  static tl::expected<RefreshTokenClaims, std::string> from_json(const Json& j);
};

// Encrypts the claims to the pool's refresh-token key. Cognito's header
// announces a nested JWT ("cty":"JWT"); here the plaintext is the claims
// JSON itself, which no client can see either way.
std::string seal_refresh_token(const RefreshTokenClaims& claims, const RsaKey& pool_key, RandomSource& random);

// Opens a refresh token; the error says why it is not one of this pool's
// (not five parts, another pool's key, tampered with).
tl::expected<RefreshTokenClaims, std::string> open_refresh_token(std::string_view token, const RsaKey& pool_key);

}  // namespace userpool
