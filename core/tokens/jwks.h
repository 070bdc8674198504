// JSON Web Keys (RFC 7517) as a user pool publishes them at
// /<poolId>/.well-known/jwks.json, and as a learner may paste them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

#include "core/base/json.h"
#include "core/crypto/rsa_key.h"

namespace userpool {

struct Jwk {
  std::string kty;  // "RSA" for Cognito's keys
  std::string kid;
  std::string alg;  // "RS256"; may be empty in a pasted key
  std::string use;  // "sig"; may be empty in a pasted key
  std::string n, e;  // base64url modulus and exponent (RSA)

  // The RSA public key, or why there is none ("kty EC is not RSA", "n is not base64url").
  tl::expected<RsaKey, std::string> rsa_key() const;
  // Members in the order Cognito's JWKS lists them: alg, e, kid, kty, n, use.
  Json to_json() const;
};

// The JWK of an RSA signing key, as a pool publishes it.
Jwk make_signing_jwk(const RsaKey& key, std::string kid);

// Cognito-style key ID: standard base64 of the SHA-256 of the public key's
// DER, 44 characters ending in "=" (the shape of Cognito's kids; how Cognito
// derives them is not documented, so this derivation is the sandbox's own).
std::string key_id_for(const RsaKey& key);

struct Jwks {
  std::vector<Jwk> keys;

  const Jwk* find(std::string_view kid) const;
  Json to_json() const;

  // A JWKS document; errors name the member at fault ("keys[1].kid is missing").
  static tl::expected<Jwks, std::string> parse(const Json& document);
  static tl::expected<Jwks, std::string> parse_text(std::string_view text);
};

}  // namespace userpool
