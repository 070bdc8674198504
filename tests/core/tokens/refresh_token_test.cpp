#include "core/tokens/refresh_token.h"

#include <catch2/catch.hpp>

#include "core/tokens/jwt.h"
#include "tests/core/test_keys.h"

using namespace userpool;
using namespace std::chrono_literals;

namespace {
RefreshTokenClaims claims() {
  RefreshTokenClaims c;
  c.user_pool_id = "us-east-1_AbCdEfGhI";
  c.client_id = "client";
  c.username = "alice";
  c.sub = "sub";
  c.jti = "jti";
  c.origin_jti = "origin";
  c.auth_time = c.issued_at = from_epoch_millis(1'800'000'000'000);
  c.expires_at = c.issued_at + 24h * 30;
  return c;
}
}  // namespace

TEST_CASE("A refresh token is a five-part JWE with Cognito's header") {
  const auto token = seal_refresh_token(claims(), test::shared_pool_keys().refresh_token, secure_random());
  CHECK(std::count(token.begin(), token.end(), '.') == 4);
  const auto header = base64url_decode(token.substr(0, token.find('.')));
  REQUIRE(header);
  CHECK(to_string(*header) == R"({"cty":"JWT","enc":"A256GCM","alg":"RSA-OAEP"})");
  // A JWT decoder recognises it as encrypted.
  CHECK(decode_jwt(token).error().kind == JwtFormatError::kEncrypted);
}

TEST_CASE("Only the pool's key opens a refresh token, and it gives back the claims") {
  const auto& keys = test::shared_pool_keys();
  const auto token = seal_refresh_token(claims(), keys.refresh_token, secure_random());
  const auto opened = open_refresh_token(token, keys.refresh_token);
  REQUIRE(opened);
  CHECK(opened->to_json() == claims().to_json());
  // Another key (here, a signing key) cannot open it.
  CHECK_THAT(open_refresh_token(token, keys.id_token.key).error(), Catch::Contains("not encrypted for this user pool"));
}

TEST_CASE("A tampered or malformed refresh token is refused") {
  const auto& key = test::shared_pool_keys().refresh_token;
  const auto token = seal_refresh_token(claims(), key, secure_random());
  auto tampered = token;
  tampered[tampered.rfind('.') - 3] = tampered[tampered.rfind('.') - 3] == 'A' ? 'B' : 'A';
  CHECK_FALSE(open_refresh_token(tampered, key));
  CHECK_THAT(open_refresh_token("a.b.c", key).error(), Catch::Contains("five parts"));
  CHECK_THAT(open_refresh_token("a.b.c.d.e", key).error(), Catch::Contains("not base64url"));
  CHECK_FALSE(open_refresh_token(token + ".x", key));
  CHECK_FALSE(open_refresh_token("", key));
}

TEST_CASE("Two refresh tokens for the same claims differ (fresh key and IV each time)") {
  const auto& key = test::shared_pool_keys().refresh_token;
  CHECK(seal_refresh_token(claims(), key, secure_random()) != seal_refresh_token(claims(), key, secure_random()));
}
