#include "core/crypto/bignum.h"

#include <catch2/catch.hpp>

using namespace userpool;

TEST_CASE("Big numbers print as JavaScript's toString(16) does") {
  CHECK(BigNum(0).to_hex() == "0");
  CHECK(BigNum(255).to_hex() == "ff");
  CHECK(BigNum(256).to_hex() == "100");
  CHECK(BigNum::from_hex("000ABC")->to_hex() == "abc");
}

TEST_CASE("Hex parsing refuses what is not hex") {
  CHECK_FALSE(BigNum::from_hex(""));
  CHECK_FALSE(BigNum::from_hex("-1"));
  CHECK_FALSE(BigNum::from_hex("0x10"));
  CHECK_FALSE(BigNum::from_hex("12 34"));
}

TEST_CASE("Modular arithmetic gives non-negative results") {
  const BigNum m(97);
  CHECK(mod_sub(BigNum(3), BigNum(5), m) == BigNum(95));
  CHECK(mod_add(BigNum(90), BigNum(10), m) == BigNum(3));
  CHECK(mod_mul(BigNum(50), BigNum(2), m) == BigNum(3));
  CHECK(mod_exp(BigNum(2), BigNum(10), m) == BigNum(1024 % 97));
  CHECK(mod(BigNum(200), m) == BigNum(6));
  CHECK((BigNum(2) + BigNum(3)) * BigNum(4) == BigNum(20));
}

TEST_CASE("Bytes round-trip big-endian") {
  const Bytes b = {0x01, 0x00, 0xff};
  CHECK(BigNum::from_bytes(b).to_bytes() == b);
  CHECK(BigNum::from_bytes(b).to_hex() == "100ff");
  CHECK(BigNum(0).to_bytes().empty());
}
