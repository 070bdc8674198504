// The addresses and discovery documents of a user pool (Developer Guide: "Understanding user pool JSON web tokens (JWTs)").
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/base/json.h"

namespace userpool {

// "us-east-1" from "us-east-1_AbCdEfGhI".
std::string region_of(std::string_view user_pool_id);

// The token issuer: https://cognito-idp.<region>.amazonaws.com/<poolId>
// (Cognito's ORIGINAL issuer form), or <issuer_origin>/<poolId> when the
// sandbox is reached at an address of its own (`userpool serve --issuer
// local`, where OIDC clients fetch discovery from the endpoint and require
// the issuer to be the address they fetched it from).
std::string issuer_for(std::string_view user_pool_id, std::string_view issuer_origin = {});

// <issuer>/.well-known/jwks.json
std::string jwks_uri_for(std::string_view user_pool_id, std::string_view issuer_origin = {});

// The OpenID Connect discovery document served at
// <issuer>/.well-known/openid-configuration. The OAuth endpoints exist only
// when the pool has a domain (hosted UI); without one they are left out.
// Contents beyond the standard members are the sandbox's best reading of
// Cognito's (the reference marks them UNVERIFIED).
Json openid_configuration(std::string_view user_pool_id, std::optional<std::string> domain = std::nullopt,
                          std::string_view issuer_origin = {});

}  // namespace userpool
