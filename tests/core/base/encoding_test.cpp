#include "core/base/encoding.h"

#include <catch2/catch.hpp>

using namespace userpool;

TEST_CASE("Base64 matches the RFC 4648 test vectors") {
  const std::pair<const char*, const char*> vectors[] = {
      {"", ""}, {"f", "Zg=="}, {"fo", "Zm8="}, {"foo", "Zm9v"},
      {"foob", "Zm9vYg=="}, {"fooba", "Zm9vYmE="}, {"foobar", "Zm9vYmFy"},
  };
  for (const auto& [plain, encoded] : vectors) {
    CHECK(base64_encode(to_bytes(plain)) == encoded);
    const auto back = base64_decode(encoded);
    REQUIRE(back);
    CHECK(to_string(*back) == plain);
  }
}

TEST_CASE("Base64 decoding refuses malformed input") {
  CHECK_FALSE(base64_decode("Zm9"));      // length not a multiple of 4
  CHECK_FALSE(base64_decode("Zm9v!A=="));  // character outside the alphabet
  CHECK_FALSE(base64_decode("Zm=v"));     // padding in the middle
  CHECK_FALSE(base64_decode("Zh=="));     // non-canonical: unused bits set ("Zg==" is canonical)
  CHECK_FALSE(base64_decode("Zm9v Yg=="));
}

TEST_CASE("Base64url has no padding and uses - and _") {
  const Bytes b = {0xfb, 0xff, 0xbf};
  CHECK(base64_encode(b) == "+/+/");
  CHECK(base64url_encode(b) == "-_-_");
  CHECK(base64url_encode(to_bytes("f")) == "Zg");
  REQUIRE(base64url_decode("-_-_"));
  CHECK(*base64url_decode("-_-_") == b);
  CHECK(to_string(*base64url_decode("Zg")) == "f");
  CHECK(to_string(*base64url_decode("Zg==")) == "f");  // correct padding is tolerated
}

TEST_CASE("Base64url decoding refuses the standard alphabet, bad lengths and bad padding") {
  CHECK_FALSE(base64url_decode("+/+/"));
  CHECK_FALSE(base64url_decode("Z"));     // 1 leftover character encodes no byte
  CHECK_FALSE(base64url_decode("Zg="));   // wrong padding
  CHECK_FALSE(base64url_decode("Zh"));    // non-canonical
  CHECK_FALSE(base64url_decode("ab.c"));
}

TEST_CASE("Hex is lowercase and decodes either case") {
  CHECK(hex_encode(Bytes{0x00, 0xab, 0xff}) == "00abff");
  CHECK(hex_encode(Bytes{}).empty());
  CHECK(*hex_decode("00ABff") == Bytes({0x00, 0xab, 0xff}));
  CHECK(hex_decode("")->empty());
  CHECK_FALSE(hex_decode("abc"));
  CHECK_FALSE(hex_decode("zz"));
}

TEST_CASE("Base32 matches the RFC 4648 test vectors, without padding") {
  const std::pair<const char*, const char*> vectors[] = {
      {"", ""}, {"f", "MY"}, {"fo", "MZXQ"}, {"foo", "MZXW6"},
      {"foob", "MZXW6YQ"}, {"fooba", "MZXW6YTB"}, {"foobar", "MZXW6YTBOI"},
  };
  for (const auto& [plain, encoded] : vectors) {
    CHECK(base32_encode(to_bytes(plain)) == encoded);
    CHECK(to_string(*base32_decode(encoded)) == plain);
  }
  CHECK(to_string(*base32_decode("MY======")) == "f");
  CHECK(to_string(*base32_decode("mzxw6ytboi")) == "foobar");
}

TEST_CASE("Base32 decoding refuses characters outside the alphabet and impossible lengths") {
  CHECK_FALSE(base32_decode("MZXW1"));  // '1' is not base32
  CHECK_FALSE(base32_decode("M"));      // no byte count gives 1 character
  CHECK_FALSE(base32_decode("MZX"));
}
