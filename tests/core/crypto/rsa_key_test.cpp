#include "core/crypto/rsa_key.h"

#include <catch2/catch.hpp>

using namespace userpool;

namespace {
// Key generation is slow in wasm: one key for the whole file.
const RsaKey& key() {
  static const RsaKey k = RsaKey::generate(2048);
  return k;
}
}  // namespace

TEST_CASE("A generated key is 2048-bit RSA with exponent 65537") {
  CHECK(key().bits() == 2048);
  CHECK(key().has_private());
  CHECK(key().modulus().size() == 256);
  CHECK(key().public_exponent() == Bytes({0x01, 0x00, 0x01}));
}

TEST_CASE("RS256 signatures verify with the key and fail when anything changes") {
  const auto message = to_bytes("header.payload");
  const auto signature = key().sign_rs256(message);
  CHECK(signature.size() == 256);
  CHECK(key().verify_rs256(message, signature));
  CHECK_FALSE(key().verify_rs256(to_bytes("header.payloaD"), signature));
  auto bad = signature;
  bad[100] ^= 0x01;
  CHECK_FALSE(key().verify_rs256(message, bad));
  CHECK_FALSE(key().verify_rs256(message, Bytes{}));
}

TEST_CASE("A public key rebuilt from modulus and exponent verifies but cannot sign") {
  const auto pub = RsaKey::from_public(key().modulus(), key().public_exponent());
  REQUIRE(pub);
  CHECK_FALSE(pub->has_private());
  const auto message = to_bytes("m");
  CHECK(pub->verify_rs256(message, key().sign_rs256(message)));
  CHECK(pub->public_der() == key().public_der());
  CHECK_THROWS_AS(pub->sign_rs256(message), std::logic_error);
}

TEST_CASE("Public key components that are not an RSA key are refused") {
  CHECK_FALSE(RsaKey::from_public({}, Bytes{1, 0, 1}));
  CHECK_FALSE(RsaKey::from_public(Bytes(16, 0xff), Bytes{1, 0, 1}));  // 128 bits is too small
}

TEST_CASE("The private key round-trips through PEM") {
  const auto pem = key().private_pem();
  CHECK(pem.rfind("-----BEGIN PRIVATE KEY-----", 0) == 0);
  const auto back = RsaKey::from_private_pem(pem);
  REQUIRE(back);
  CHECK(back->modulus() == key().modulus());
  CHECK_FALSE(RsaKey::from_private_pem("not a key"));
  CHECK_FALSE(RsaKey::from_private_pem(pem.substr(0, pem.size() / 2)));
}

TEST_CASE("RSA-OAEP decrypts what it encrypted and refuses tampered input") {
  const auto ciphertext = key().oaep_encrypt(Bytes(32, 0x42));
  CHECK(ciphertext.size() == 256);
  CHECK(key().oaep_decrypt(ciphertext) == Bytes(32, 0x42));
  auto bad = ciphertext;
  bad[0] ^= 0x80;
  CHECK_FALSE(key().oaep_decrypt(bad));
  CHECK_FALSE(key().oaep_decrypt(Bytes(10, 1)));
}
