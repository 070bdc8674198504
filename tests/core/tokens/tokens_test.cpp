#include "core/tokens/tokens.h"
#include "core/tokens/well_known.h"

#include <catch2/catch.hpp>

#include "core/tokens/jwt.h"
#include "tests/core/test_keys.h"

using namespace userpool;
using namespace std::chrono_literals;

namespace {

std::vector<std::string> member_names(const Json& j) {
  std::vector<std::string> names;
  for (const auto& [name, value] : j.items()) names.push_back(name);
  return names;
}

TokenGrant grant() {
  TokenGrant g;
  g.user_pool_id = "us-east-1_AbCdEfGhI";
  g.issuer = issuer_for(g.user_pool_id);
  g.client_id = "6p3bs000no6a4ue1idruvd05ad";
  g.auth_time = from_epoch_millis(1'800'000'000'000);
  g.issued_at = g.auth_time + 2h;  // a refresh two hours later
  g.event_id = "ev";
  g.origin_jti = "origin";
  g.id_validity = 30min;
  g.access_validity = 1h;
  return g;
}

TokenSubject subject(std::vector<std::string> groups = {}) {
  TokenSubject s{"sub-uuid", "janedoe", std::move(groups), Json::object()};
  s.attributes["email"] = "jane@example.com";
  s.attributes["email_verified"] = attribute_claim("email_verified", "true");
  s.attributes["custom:isMember"] = attribute_claim("custom:isMember", "true");
  return s;
}

}  // namespace

TEST_CASE("An ID token has every claim Cognito puts in one, in Cognito's order") {
  const Json c = id_token_claims(subject({"admins"}), grant(), "jti-1");
  CHECK(member_names(c) ==
        std::vector<std::string>{"sub", "cognito:groups", "email_verified", "iss", "cognito:username", "origin_jti",
                                 "aud", "event_id", "token_use", "auth_time", "email", "custom:isMember", "exp", "iat",
                                 "jti"});
  CHECK(c["iss"] == "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEfGhI");
  CHECK(c["aud"] == "6p3bs000no6a4ue1idruvd05ad");
  CHECK(c["token_use"] == "id");
  CHECK(c["cognito:groups"] == Json::array({"admins"}));
  CHECK(c["email_verified"] == true);         // a JSON boolean
  CHECK(c["custom:isMember"] == "true");      // custom attributes stay strings
  CHECK(c["auth_time"] == 1'800'000'000);     // the original sign-in, not the refresh
  CHECK(c["iat"] == 1'800'007'200);
  CHECK(c["exp"] == 1'800'007'200 + 1800);    // the client's ID token validity
}

TEST_CASE("An access token has client_id and scope, no aud, and username") {
  const Json c = access_token_claims(subject(), grant(), "jti-2");
  CHECK(member_names(c) == std::vector<std::string>{"sub", "iss", "client_id", "origin_jti", "event_id", "token_use",
                                                    "scope", "auth_time", "exp", "iat", "jti", "username"});
  CHECK_FALSE(c.contains("aud"));
  CHECK(c["scope"] == "aws.cognito.signin.user.admin");
  CHECK(c["username"] == "janedoe");
  CHECK(c["exp"].get<std::int64_t>() - c["iat"].get<std::int64_t>() == 3600);
  CHECK_FALSE(c.contains("email"));  // attributes are for the ID token only
}

TEST_CASE("Without token revocation there is no origin_jti; without groups no cognito:groups") {
  auto g = grant();
  g.origin_jti.reset();
  const Json id = id_token_claims(subject(), g, "j");
  CHECK_FALSE(id.contains("origin_jti"));
  CHECK_FALSE(id.contains("cognito:groups"));
  CHECK_FALSE(access_token_claims(subject(), g, "j").contains("origin_jti"));
}

TEST_CASE("Signed tokens carry the kid of the key that signed them") {
  const auto& keys = test::shared_pool_keys();
  const auto id = decode_jwt(sign_token(id_token_claims(subject(), grant(), "j"), keys.id_token)).value();
  const auto access = decode_jwt(sign_token(access_token_claims(subject(), grant(), "j"), keys.access_token)).value();
  CHECK(id.header["kid"] == keys.id_token.kid);
  CHECK(access.header["kid"] == keys.access_token.kid);
  CHECK(id.header["kid"] != access.header["kid"]);
}

TEST_CASE("Attribute values become claims of the right JSON type") {
  CHECK(attribute_claim("email_verified", "true") == true);
  CHECK(attribute_claim("phone_number_verified", "false") == false);
  CHECK(attribute_claim("updated_at", "1700000000") == 1700000000);
  CHECK(attribute_claim("updated_at", "soon") == "soon");
  CHECK(attribute_claim("address", "1 Main St") == Json{{"formatted", "1 Main St"}});
  CHECK(attribute_claim("custom:age", "42") == "42");
  CHECK(attribute_claim("name", "Jane") == "Jane");
}
