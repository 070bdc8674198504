#include "core/tokens/token_inspection.h"

#include <catch2/catch.hpp>

#include "core/tokens/jwt_verify.h"
#include "core/tokens/tokens.h"
#include "core/tokens/well_known.h"
#include "tests/core/test_keys.h"

using namespace userpool;
using namespace std::chrono_literals;

namespace {

constexpr const char* kPool = "us-east-1_AbCdEfGhI";
constexpr const char* kClient = "6p3bs000no6a4ue1idruvd05ad";
const Timestamp kInspectedAt = from_epoch_millis(1'800'000'000'000);

std::string id_token() {
  TokenGrant g;
  g.user_pool_id = kPool;
  g.issuer = issuer_for(g.user_pool_id);
  g.client_id = kClient;
  g.auth_time = g.issued_at = kInspectedAt - 1min;
  g.event_id = "e0000000-0000-4000-8000-000000000000";
  const TokenSubject s{"11111111-2222-4333-8444-555555555555", "alice", {}, Json{{"email", "a@example.com"}}};
  return sign_token(id_token_claims(s, g, "j1"), test::shared_pool_keys().id_token);
}

JwtVerification verify(const std::string& token) {
  return verify_jwt(token, test::shared_pool_keys().jwks(), {issuer_for(kPool), "id", {kClient}, 0s}, kInspectedAt);
}

}  // namespace

TEST_CASE("A token re-assembled around an edited payload keeps its signature, which then fails") {
  const std::string token = id_token();
  const DecodedJwt jwt = decode_jwt(token).value();
  CHECK(with_payload(jwt, jwt.payload) == token);
  REQUIRE(verify(token).valid());

  Json payload = jwt.payload;
  payload["email"] = "mallory@example.com";
  const std::string tampered = with_payload(jwt, payload);
  const DecodedJwt back = decode_jwt(tampered).value();
  CHECK(back.header_b64 == jwt.header_b64);
  CHECK(back.signature_b64 == jwt.signature_b64);
  CHECK(back.payload["email"] == "mallory@example.com");
  CHECK(back.payload.size() == jwt.payload.size());
  const JwtVerification v = verify(tampered);
  REQUIRE(v.first_failure() != nullptr);
  CHECK(v.first_failure()->check == JwtCheck::kSignature);
  CHECK(v.first_failure()->detail.find("does not match") != std::string::npos);
}

TEST_CASE("A typed claim value keeps the claim's kind") {
  CHECK(claim_from_text(Json("alice"), "123").value() == Json("123"));
  CHECK(claim_from_text(Json(1700000000), "1800000000").value() == Json(1800000000));
  CHECK(claim_from_text(Json(true), "false").value() == Json(false));
  CHECK(claim_from_text(Json::array({"a"}), R"(["a","admins"])").value() == Json::array({"a", "admins"}));
  const auto bad = claim_from_text(Json(1700000000), "tomorrow");
  REQUIRE_FALSE(bad.has_value());
  CHECK(bad.error().find("type it as JSON") != std::string::npos);
  CHECK(claim_as_text(Json("a b")) == "a b");
  CHECK(claim_as_text(Json(42)) == "42");
  CHECK(claim_as_text(Json{{"formatted", "1 Main St"}}) == R"({"formatted":"1 Main St"})");
}

TEST_CASE("The user pool is read from a Cognito issuer and from nothing else") {
  CHECK(user_pool_id_from_issuer(issuer_for(kPool)) == std::optional<std::string>(kPool));
  CHECK(user_pool_id_from_issuer("https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_x1") ==
        std::optional<std::string>("eu-west-2_x1"));
  for (const char* issuer : {"", "https://accounts.google.com", "https://cognito-idp.us-east-1.amazonaws.com/",
                             "https://cognito-idp.us-east-1.amazonaws.com/eu-west-1_AbC",
                             "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC/extra",
                             "http://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC"}) {
    INFO(issuer);
    CHECK_FALSE(user_pool_id_from_issuer(issuer).has_value());
  }
}

TEST_CASE("Blanks around a pasted token are dropped, those inside are kept") {
  CHECK(trim_token("  a.b.c\n") == "a.b.c");
  CHECK(trim_token("a. b.c") == "a. b.c");
  CHECK(trim_token(" \r\n\t").empty());
}
