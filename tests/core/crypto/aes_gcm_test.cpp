#include "core/crypto/aes_gcm.h"

#include <catch2/catch.hpp>

using namespace userpool;

TEST_CASE("AES-256-GCM matches the GCM specification's test cases 13 and 14") {
  const Bytes key(32, 0), iv(12, 0);
  const auto empty = aes256gcm_seal(key, iv, {}, {});
  CHECK(empty.ciphertext.empty());
  CHECK(hex_encode(empty.tag) == "530f8afbc74536b9a963b4f1c4cb738b");
  const auto block = aes256gcm_seal(key, iv, {}, Bytes(16, 0));
  CHECK(hex_encode(block.ciphertext) == "cea7403d4d606b6e074ec5d3baf39d18");
  CHECK(hex_encode(block.tag) == "d0d1c8a799996bf0265b98b5d48ab919");
}

TEST_CASE("AES-256-GCM opens what it sealed and refuses anything tampered with") {
  const Bytes key(32, 7), iv(12, 9), aad = to_bytes("header");
  const auto sealed = aes256gcm_seal(key, iv, aad, to_bytes("secret block"));
  REQUIRE(aes256gcm_open(key, iv, aad, sealed.ciphertext, sealed.tag));
  CHECK(to_string(*aes256gcm_open(key, iv, aad, sealed.ciphertext, sealed.tag)) == "secret block");

  auto ciphertext = sealed.ciphertext;
  ciphertext[0] ^= 1;
  CHECK_FALSE(aes256gcm_open(key, iv, aad, ciphertext, sealed.tag));
  auto tag = sealed.tag;
  tag[15] ^= 1;
  CHECK_FALSE(aes256gcm_open(key, iv, aad, sealed.ciphertext, tag));
  CHECK_FALSE(aes256gcm_open(key, iv, to_bytes("other"), sealed.ciphertext, sealed.tag));
  CHECK_FALSE(aes256gcm_open(Bytes(32, 8), iv, aad, sealed.ciphertext, sealed.tag));
  CHECK_FALSE(aes256gcm_open(key, iv, aad, sealed.ciphertext, Bytes(5, 0)));
}

TEST_CASE("AES-256-GCM refuses keys and IVs of the wrong size") {
  CHECK_THROWS_AS(aes256gcm_seal(Bytes(16, 0), Bytes(12, 0), {}, {}), std::invalid_argument);
  CHECK_THROWS_AS(aes256gcm_seal(Bytes(32, 0), Bytes(16, 0), {}, {}), std::invalid_argument);
}
