// A user pool's keys, created with the pool and kept in its saved state:
// two RSA-2048 signing keys (ID tokens and access tokens are signed with
// different keys, so they have different kids), the RSA key that encrypts
// refresh tokens (never published), and a symmetric key that seals the
// pool's opaque blobs (SRP secret blocks, challenge sessions).
#pragma once

#include <string>

#include <tl/expected.hpp>

#include "core/tokens/jwks.h"
#include "core/base/random.h"

namespace userpool {

struct SigningKey {
  std::string kid;
  RsaKey key;
};

struct PoolKeys {
  SigningKey id_token;
  SigningKey access_token;
  RsaKey refresh_token;
  Bytes sealing_key;  // 32 bytes

  // Three RSA key generations: about 0.3 s natively, 1.5 s in wasm.
  static PoolKeys generate(RandomSource& random);

  // The JWKS the pool publishes (the two signing keys).
  Jwks jwks() const;

  Json to_state() const;
  static tl::expected<PoolKeys, std::string> from_state(const Json& state);
};

}  // namespace userpool
