#include "core/tokens/well_known.h"

#include <catch2/catch.hpp>

using namespace userpool;

TEST_CASE("The issuer and JWKS address follow the pool's Region and ID") {
  CHECK(region_of("ap-southeast-1_zeN7E8U11") == "ap-southeast-1");
  CHECK(issuer_for("us-east-1_AbCdEfGhI") == "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEfGhI");
  CHECK(jwks_uri_for("us-east-1_AbCdEfGhI") ==
        "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEfGhI/.well-known/jwks.json");
}

TEST_CASE("The OpenID configuration names the issuer and keys, and OAuth endpoints only with a domain") {
  const auto plain = openid_configuration("us-east-1_AbCdEfGhI");
  CHECK(plain["issuer"] == issuer_for("us-east-1_AbCdEfGhI"));
  CHECK(plain["jwks_uri"] == jwks_uri_for("us-east-1_AbCdEfGhI"));
  CHECK(plain["id_token_signing_alg_values_supported"] == Json::array({"RS256"}));
  CHECK_FALSE(plain.contains("authorization_endpoint"));
  const auto hosted = openid_configuration("us-east-1_AbCdEfGhI", "demo.auth.us-east-1.amazoncognito.com");
  CHECK(hosted["authorization_endpoint"] == "https://demo.auth.us-east-1.amazoncognito.com/oauth2/authorize");
  CHECK(hosted["token_endpoint"] == "https://demo.auth.us-east-1.amazoncognito.com/oauth2/token");
}
