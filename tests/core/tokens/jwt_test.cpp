#include "core/tokens/jwt.h"

#include <catch2/catch.hpp>

#include "tests/core/test_keys.h"

using namespace userpool;

namespace {

// RFC 7515 appendix A.2: a JWS signed with RS256, and the public key.
constexpr const char* kA2Token =
    "eyJhbGciOiJSUzI1NiJ9."
    "eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ."
    "cC4hiUPoj9Eetdgtv3hF80EGrhuB__dzERat0XF9g2VtQgr9PJbu3XOiZj5RZmh7AAuHIm4Bh-0Qc_lF5YKt_O8W2Fp5jujGbds9uJdbF9CUAr7t"
    "1dnZcAcQjbKBYNX4BAynRFdiuB--f_nZLgrnbyTyWzO75vRK5h6xBArLIARNPvkSjtQBMHlb1L07Qe7K0GarZRmB_eSN9383LcOLn6_dO--xi12j"
    "zDwusC-eOkHWEsqtFZESc6BfI7noOPqvhJ1phCnvWh6IeYI2w9QOYEUipUTI8np6LbgGY9Fs98rqVt5AXLIhWkWywlVmtVrBp0igcN_IoypGlUPQGe"
    "77Rw";
constexpr const char* kA2Modulus =
    "ofgWCuLjybRlzo0tZWJjNiuSfb4p4fAkd_wWJcyQoTbji9k0l8W26mPddxHmfHQp-Vaw-4qPCJrcS2mJPMEzP1Pt0Bm4d4QlL-yRT-SFd2lZS-pC"
    "gNMsD1W_YpRPEwOWvG6b32690r2jZ47soMZo9wGzjb_7OMg0LOL-bSf63kpaSHSXndS5z5rexMdbBYUsLA9e-KXBdQOS-UTo7WTBEMa2R2CapHg6"
    "65xsmtdVMTBQY4uDZlxvb3qCo5ZwKh9kG4LT6_I5IhlJH7aGhyxXFvUK-DWNmoudF8NAco9_h9iaGNj8q2ethFkMLs91kzk2PAcDTW9gb54h4FRW"
    "yuXpoQ";

std::string b64(const std::string& text) { return base64url_encode(to_bytes(text)); }

}  // namespace

TEST_CASE("The RFC 7515 A.2 example decodes and its RS256 signature verifies") {
  const auto jwt = decode_jwt(kA2Token);
  REQUIRE(jwt);
  CHECK(jwt->header == Json{{"alg", "RS256"}});
  CHECK(jwt->payload["iss"] == "joe");
  CHECK(jwt->payload["exp"] == 1300819380);
  CHECK(jwt->payload["http://example.com/is_root"] == true);
  const auto key = RsaKey::from_public(*base64url_decode(kA2Modulus), *base64url_decode("AQAB"));
  REQUIRE(key);
  CHECK(key->verify_rs256(bytes_of(jwt->signing_input()), jwt->signature));
}

TEST_CASE("A token we sign decodes to the same header and payload, and verifies") {
  const auto& keys = test::shared_pool_keys();
  const Json payload = {{"sub", "abc"}, {"n", 1}};
  const auto token = sign_jwt(Json{{"kid", keys.id_token.kid}}, payload, keys.id_token.key);
  const auto jwt = decode_jwt(token);
  REQUIRE(jwt);
  CHECK(jwt->header.dump() == Json{{"kid", keys.id_token.kid}, {"alg", "RS256"}}.dump());  // kid first, as Cognito's
  CHECK(jwt->payload == payload);
  CHECK(keys.id_token.key.verify_rs256(bytes_of(jwt->signing_input()), jwt->signature));
  CHECK(token.find('=') == std::string::npos);
}

TEST_CASE("Each way a token can be malformed has its own precise error") {
  const std::string h = b64(R"({"alg":"RS256"})"), p = b64(R"({"sub":"x"})"), s = "c2ln";
  struct Case {
    std::string token;
    JwtFormatError kind;
    std::string message_part;
  };
  const Case cases[] = {
      {"", JwtFormatError::kEmpty, "empty"},
      {h + "." + p + "." + s + "\n", JwtFormatError::kWhitespace, "line break at position"},
      {h + " ." + p + "." + s, JwtFormatError::kWhitespace, "position " + std::to_string(h.size() + 1)},
      {h + "." + p, JwtFormatError::kWrongPartCount, "this token has 2"},
      {h + "." + p + "." + s + ".extra", JwtFormatError::kWrongPartCount, "this token has 4"},
      {"a.b.c.d.e", JwtFormatError::kEncrypted, "encrypted (a JWE)"},
      {"." + p + "." + s, JwtFormatError::kHeaderNotBase64url, "it is empty"},
      {"ab+c." + p + "." + s, JwtFormatError::kHeaderNotBase64url, "'+' at position 3 (standard base64"},
      {h + "=." + p + "." + s, JwtFormatError::kHeaderNotBase64url, "padding is not used"},
      {b64("not json") + "." + p + "." + s, JwtFormatError::kHeaderNotJson, "The header decodes, but not to JSON"},
      {b64("[1,2]") + "." + p + "." + s, JwtFormatError::kHeaderNotObject, "an array rather than an object"},
      {b64(R"({"alg":"RS256"} trailing)") + "." + p + "." + s, JwtFormatError::kHeaderNotJson, "not to JSON"},
      {h + "." + p + "%." + s, JwtFormatError::kPayloadNotBase64url,
       "'%' at position " + std::to_string(h.size() + 1 + p.size() + 1)},
      {h + "." + b64("{\"a\":") + "." + s, JwtFormatError::kPayloadNotJson, "payload decodes, but not to JSON"},
      {h + "." + b64("\"text\"") + "." + s, JwtFormatError::kPayloadNotObject, "a string rather than an object"},
      {h + "." + p + ".sig==", JwtFormatError::kSignatureNotBase64url, "padding is not used"},
      {h + "." + p + ".s", JwtFormatError::kSignatureNotBase64url, "cannot be decoded"},
  };
  for (const auto& c : cases) {
    INFO("token: " << c.token);
    const auto r = decode_jwt(c.token);
    REQUIRE_FALSE(r);
    CHECK(r.error().kind == c.kind);
    CHECK_THAT(r.error().message, Catch::Contains(c.message_part));
  }
}

TEST_CASE("An unsigned token with an empty signature part still decodes (verification refuses it)") {
  const auto r = decode_jwt(b64(R"({"alg":"none"})") + "." + b64(R"({"sub":"x"})") + ".");
  REQUIRE(r);
  CHECK(r->signature.empty());
}
