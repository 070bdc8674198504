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
  const std::string base = domain_base_url("demo", domain_host("us-east-1_AbCdEfGhI", "demo", false), "");
  CHECK(base == "https://demo.auth.us-east-1.amazoncognito.com");
  const auto hosted = openid_configuration("us-east-1_AbCdEfGhI", base);
  CHECK(hosted["authorization_endpoint"] == "https://demo.auth.us-east-1.amazoncognito.com/oauth2/authorize");
  CHECK(hosted["token_endpoint"] == "https://demo.auth.us-east-1.amazoncognito.com/oauth2/token");
  CHECK_FALSE(hosted.contains("end_session_endpoint"));
  // Served locally with its own issuer: every endpoint an OIDC client looks for, on the local address.
  const std::string local = domain_base_url("demo", "demo.auth.us-east-1.amazoncognito.com", "http://127.0.0.1:9229");
  CHECK(local == "http://127.0.0.1:9229/domain/demo");
  const auto served = openid_configuration("us-east-1_AbCdEfGhI", local, "http://127.0.0.1:9229");
  CHECK(served["issuer"] == "http://127.0.0.1:9229/us-east-1_AbCdEfGhI");
  CHECK(served["authorization_endpoint"] == local + "/oauth2/authorize");
  CHECK(served["end_session_endpoint"] == local + "/logout");
  CHECK(served["revocation_endpoint"] == local + "/oauth2/revoke");
  CHECK(served["code_challenge_methods_supported"] == Json::array({"S256"}));
  CHECK(domain_host("us-east-1_AbCdEfGhI", "auth.example.com", true) == "auth.example.com");
}
