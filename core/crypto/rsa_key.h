// RSA keys (OpenSSL EVP_PKEY): a user pool's token-signing keys (RS256) and
// its refresh-token key (RSA-OAEP), and public keys read from a JWKS.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include <tl/expected.hpp>

#include "core/crypto/digest.h"

struct evp_pkey_st;

namespace userpool {

class RsaKey {
 public:
  // A new key pair (OpenSSL's CSPRNG, public exponent 65537). About 100 ms
  // natively and half a second in wasm for 2048 bits.
  static RsaKey generate(int bits = 2048);
  // A private key in PEM (PKCS#8), as the saved state keeps it.
  static tl::expected<RsaKey, std::string> from_private_pem(std::string_view pem);
  // A public key from its modulus and exponent (big-endian bytes), as a JWK
  // carries them.
  static tl::expected<RsaKey, std::string> from_public(ByteView modulus, ByteView exponent);

  // A public key from DER SubjectPublicKeyInfo (as an X.509 certificate holds it).
  static tl::expected<RsaKey, std::string> from_public_der(ByteView der);

  std::string private_pem() const;
  Bytes modulus() const;
  Bytes public_exponent() const;
  // DER SubjectPublicKeyInfo, the basis of the key ID.
  Bytes public_der() const;
  int bits() const;
  bool has_private() const { return has_private_; }

  // RSASSA-PKCS1-v1_5 with SHA-256: JWS "RS256".
  Bytes sign_rs256(ByteView message) const;
  bool verify_rs256(ByteView message, ByteView signature) const;

  // RSAES-OAEP with SHA-1 and MGF1-SHA-1: JWE "RSA-OAEP".
  Bytes oaep_encrypt(ByteView plaintext) const;
  // nullopt for anything that does not decrypt (wrong key, tampered).
  std::optional<Bytes> oaep_decrypt(ByteView ciphertext) const;

 private:
  RsaKey(evp_pkey_st* key, bool has_private);
  std::shared_ptr<evp_pkey_st> key_;  // immutable once made, so copies share it
  bool has_private_ = false;
};

}  // namespace userpool
