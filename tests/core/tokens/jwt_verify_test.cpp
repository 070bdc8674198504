#include "core/tokens/jwt_verify.h"

#include <catch2/catch.hpp>
#include <functional>

#include "core/crypto/digest.h"
#include "core/tokens/tokens.h"
#include "core/tokens/well_known.h"
#include "tests/core/test_keys.h"

using namespace userpool;
using namespace std::chrono_literals;

namespace {

constexpr const char* kVerifyPool = "us-east-1_AbCdEfGhI";
constexpr const char* kVerifyClient = "6p3bs000no6a4ue1idruvd05ad";
const Timestamp kVerifiedAt = from_epoch_millis(1'800'000'000'000);

std::string encoded(const std::string& text) { return base64url_encode(to_bytes(text)); }

TokenGrant verify_grant() {
  TokenGrant g;
  g.user_pool_id = kVerifyPool;
  g.issuer = issuer_for(g.user_pool_id);
  g.client_id = kVerifyClient;
  g.auth_time = g.issued_at = kVerifiedAt - 10min;
  g.event_id = "e0000000-0000-4000-8000-000000000000";
  g.origin_jti = "o0000000-0000-4000-8000-000000000000";
  return g;
}

TokenSubject verify_subject() { return {"11111111-2222-4333-8444-555555555555", "alice", {}, Json{{"email", "a@example.com"}}}; }

std::string signed_id_token(const TokenGrant& g = verify_grant()) {
  return sign_token(id_token_claims(verify_subject(), g, "j1"), test::shared_pool_keys().id_token);
}
std::string access_token() {
  return sign_token(access_token_claims(verify_subject(), verify_grant(), "j2"), test::shared_pool_keys().access_token);
}

JwtExpectations expect(std::optional<std::string> use = "id") {
  return {issuer_for(kVerifyPool), std::move(use), {kVerifyClient}, 0s};
}

// Re-signs a modified payload with a key (to build tokens that are validly
// signed but wrong in their claims).
std::string resign(const std::string& token, const std::function<void(Json&)>& edit, const SigningKey& key) {
  auto jwt = decode_jwt(token).value();
  edit(jwt.payload);
  return sign_jwt(Json{{"kid", key.kid}}, jwt.payload, key.key);
}

const JwtCheckOutcome& failure(const JwtVerification& v) {
  REQUIRE(v.first_failure() != nullptr);
  return *v.first_failure();
}

}  // namespace

TEST_CASE("A token the pool issued passes every check") {
  const auto v = verify_jwt(signed_id_token(), test::shared_pool_keys().jwks(), expect(), kVerifiedAt);
  CHECK(v.valid());
  CHECK(v.checks.size() == 10);
  CHECK(v.first_failure() == nullptr);
  const auto a = verify_jwt(access_token(), test::shared_pool_keys().jwks(), expect("access"), kVerifiedAt);
  CHECK(a.valid());
}

TEST_CASE("Verification refuses each bad token and says which check failed and why") {
  const auto& keys = test::shared_pool_keys();
  const auto jwks = keys.jwks();
  const auto good = signed_id_token();
  const auto parts = decode_jwt(good).value();
  const std::string payload = parts.payload_b64;

  // HS256 "signed" with the RSA public key as the HMAC secret: the
  // algorithm-confusion attack.
  const std::string hs_header = encoded(R"({"kid":")" + keys.id_token.kid + R"(","alg":"HS256"})");
  const std::string hs_input = hs_header + "." + payload;
  const std::string hs_token =
      hs_input + "." + base64url_encode(hmac_sha256(keys.id_token.key.public_der(), bytes_of(hs_input)));

  Jwks enc_use = jwks;
  enc_use.keys[0].use = "enc";
  Jwks other_alg = jwks;
  other_alg.keys[0].alg = "RS512";

  struct Case {
    const char* name;
    std::string token;
    const Jwks* keys;
    JwtExpectations expectations;
    JwtCheck failed;
    std::string message_part;
  };
  const Case cases[] = {
      {"garbage", "notatoken", &jwks, expect(), JwtCheck::kFormat, "three parts"},
      {"trailing garbage", good + ".x", &jwks, expect(), JwtCheck::kFormat, "this token has 4"},
      {"padding appended", good + "==", &jwks, expect(), JwtCheck::kFormat, "padding is not used"},
      {"non-object header", encoded("[]") + "." + payload + ".", &jwks, expect(), JwtCheck::kFormat, "an array rather than an object"},
      {"alg none", encoded(R"({"kid":")" + keys.id_token.kid + R"(","alg":"none"})") + "." + payload + ".", &jwks, expect(),
       JwtCheck::kAlgorithm, "alg is \"none\""},
      {"HMAC with the RSA key", hs_token, &jwks, expect(), JwtCheck::kAlgorithm, "algorithm-confusion"},
      {"other algorithm", encoded(R"({"kid":"x","alg":"ES256"})") + "." + payload + ".", &jwks, expect(),
       JwtCheck::kAlgorithm, "RS256 only"},
      {"no alg", encoded(R"({"kid":"x"})") + "." + payload + ".", &jwks, expect(), JwtCheck::kAlgorithm, "no alg"},
      {"unknown kid", resign(good, [](Json&) {}, SigningKey{"unknown-kid", keys.id_token.key}), &jwks, expect(),
       JwtCheck::kKeyId, "No key in the JWKS has kid \"unknown-kid\""},
      {"no kid", sign_jwt(Json::object(), parts.payload, keys.id_token.key), &jwks, expect(), JwtCheck::kKeyId,
       "no kid"},
      {"key for encryption", good, &enc_use, expect(), JwtCheck::kKey, "use is \"enc\""},
      {"key for another alg", good, &other_alg, expect(), JwtCheck::kKey, "for alg \"RS512\""},
      {"tampered payload",
       parts.header_b64 + "." + encoded(R"({"sub":"someone-else"})") + "." + parts.signature_b64, &jwks, expect(),
       JwtCheck::kSignature, "does not match"},
      {"signed by the other pool key", resign(good, [](Json&) {}, SigningKey{keys.id_token.kid, keys.access_token.key}),
       &jwks, expect(), JwtCheck::kSignature, "does not match"},
      {"expired", signed_id_token([] { auto g = verify_grant(); g.issued_at = kVerifiedAt - 2h; return g; }()), &jwks, expect(),
       JwtCheck::kExpiry, "expired at"},
      {"no exp", resign(good, [](Json& p) { p.erase("exp"); }, keys.id_token), &jwks, expect(), JwtCheck::kExpiry,
       "no exp claim"},
      {"exp not a number", resign(good, [](Json& p) { p["exp"] = "soon"; }, keys.id_token), &jwks, expect(),
       JwtCheck::kExpiry, "must be a number"},
      {"not yet valid", resign(good, [](Json& p) { p["nbf"] = to_epoch_whole_seconds(kVerifiedAt) + 600; }, keys.id_token),
       &jwks, expect(), JwtCheck::kNotBefore, "not valid before"},
      {"other issuer",
       resign(good, [](Json& p) { p["iss"] = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Other"; },
              keys.id_token),
       &jwks, expect(), JwtCheck::kIssuer, "another user pool"},
      {"access token where an ID token is expected", access_token(), &jwks, expect("id"), JwtCheck::kTokenUse,
       "This is an access token; an ID token was expected."},
      {"no token_use", resign(good, [](Json& p) { p.erase("token_use"); }, keys.id_token), &jwks, expect(),
       JwtCheck::kTokenUse, "no token_use"},
      {"other app client", signed_id_token(), &jwks, JwtExpectations{issuer_for(kVerifyPool), "id", {"someotherclient"}, 0s},
       JwtCheck::kClientId, "aud is \"" + std::string(kVerifyClient) + "\""},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    const auto v = verify_jwt(c.token, *c.keys, c.expectations, kVerifiedAt);
    CHECK_FALSE(v.valid());
    const auto& f = failure(v);
    CHECK(f.check == c.failed);
    CHECK(f.status == CheckStatus::kFailed);
    CHECK_THAT(f.detail, Catch::Contains(c.message_part));
  }
}

TEST_CASE("A pasted refresh token is recognised as encrypted, not as a broken JWT") {
  const auto v = verify_jwt("a.b.c.d.e", test::shared_pool_keys().jwks(), expect(), kVerifiedAt);
  CHECK_THAT(failure(v).detail, Catch::Contains("refresh token"));
}

TEST_CASE("Claims are still checked when the signature fails, so the inspector can show them") {
  const auto parts = decode_jwt(signed_id_token()).value();
  const auto tampered = parts.header_b64 + "." + encoded(R"({"sub":"x","exp":1})") + "." + parts.signature_b64;
  const auto v = verify_jwt(tampered, test::shared_pool_keys().jwks(), expect(), kVerifiedAt);
  REQUIRE(v.decoded);
  auto status_of = [&](JwtCheck c) {
    for (const auto& o : v.checks)
      if (o.check == c) return o.status;
    FAIL("missing check");
    return CheckStatus::kSkipped;
  };
  CHECK(status_of(JwtCheck::kSignature) == CheckStatus::kFailed);
  CHECK(status_of(JwtCheck::kExpiry) == CheckStatus::kFailed);
  CHECK(status_of(JwtCheck::kIssuer) == CheckStatus::kFailed);
}

TEST_CASE("The grace period lets a just-expired token through") {
  auto g = verify_grant();
  g.issued_at = kVerifiedAt - 1h - 30s;  // expired 30 s ago
  auto e = expect();
  CHECK_FALSE(verify_jwt(signed_id_token(g), test::shared_pool_keys().jwks(), e, kVerifiedAt).valid());
  e.grace = 60s;
  CHECK(verify_jwt(signed_id_token(g), test::shared_pool_keys().jwks(), e, kVerifiedAt).valid());
}

TEST_CASE("A token verifies with a JWKS pasted as text, and a bad JWKS is refused with the reason") {
  const auto text = test::shared_pool_keys().jwks().to_json().dump();
  const auto pasted = Jwks::parse_text(text);
  REQUIRE(pasted);
  CHECK(verify_jwt(signed_id_token(), *pasted, expect(), kVerifiedAt).valid());
}

TEST_CASE("Every check has a name") {
  for (int c = 0; c <= static_cast<int>(JwtCheck::kClientId); ++c)
    CHECK(jwt_check_name(static_cast<JwtCheck>(c)) != "?");
}
