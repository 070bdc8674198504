#include "core/crypto/digest.h"

#include <catch2/catch.hpp>

using namespace userpool;

namespace {
Bytes repeat(std::uint8_t b, std::size_t n) { return Bytes(n, b); }
std::string hmac_hex(const Bytes& key, const Bytes& data) { return hex_encode(hmac_sha256(key, data)); }
}  // namespace

TEST_CASE("SHA-256 of 'abc' is the FIPS 180-2 value") {
  CHECK(hex_encode(sha256(to_bytes("abc"))) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("HMAC-SHA256 matches the RFC 4231 test cases") {
  // Test case 1
  CHECK(hmac_hex(repeat(0x0b, 20), to_bytes("Hi There")) ==
        "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
  // Test case 2: a key shorter than the output
  CHECK(hmac_hex(to_bytes("Jefe"), to_bytes("what do ya want for nothing?")) ==
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  // Test case 3
  CHECK(hmac_hex(repeat(0xaa, 20), repeat(0xdd, 50)) ==
        "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe");
  // Test case 4
  Bytes key4;
  for (std::uint8_t i = 1; i <= 25; ++i) key4.push_back(i);
  CHECK(hmac_hex(key4, repeat(0xcd, 50)) == "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b");
  // Test case 5: output truncated to 128 bits
  CHECK(hmac_hex(repeat(0x0c, 20), to_bytes("Test With Truncation")).substr(0, 32) ==
        "a3b6167473100ee06e0c796c2955552b");
  // Test case 6: a key larger than the block size
  CHECK(hmac_hex(repeat(0xaa, 131), to_bytes("Test Using Larger Than Block-Size Key - Hash Key First")) ==
        "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
  // Test case 7: key and data larger than the block size
  CHECK(hmac_hex(repeat(0xaa, 131),
                 to_bytes("This is a test using a larger than block-size key and a larger than block-size data. "
                          "The key needs to be hashed before being used by the HMAC algorithm.")) ==
        "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2");
}

TEST_CASE("HMAC-SHA1 matches RFC 2202 test case 2") {
  CHECK(hex_encode(hmac_sha1(to_bytes("Jefe"), to_bytes("what do ya want for nothing?"))) ==
        "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79");
}

TEST_CASE("HKDF-SHA256 matches RFC 5869 test case 1") {
  Bytes salt, info;
  for (std::uint8_t i = 0x00; i <= 0x0c; ++i) salt.push_back(i);
  for (std::uint8_t i = 0xf0; i <= 0xf9; ++i) info.push_back(i);
  CHECK(hex_encode(hkdf_sha256(salt, repeat(0x0b, 22), info, 42)) ==
        "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865");
}

TEST_CASE("Constant-time equality compares contents and lengths") {
  CHECK(constant_time_equal(std::string_view("abc"), std::string_view("abc")));
  CHECK_FALSE(constant_time_equal(std::string_view("abc"), std::string_view("abd")));
  CHECK_FALSE(constant_time_equal(std::string_view("abc"), std::string_view("abcd")));
  CHECK(constant_time_equal(std::string_view(""), std::string_view("")));
}
