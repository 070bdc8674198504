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

// The host of a pool's domain: <prefix>.auth.<region>.amazoncognito.com for
// a Cognito domain, the name itself for a custom domain.
std::string domain_host(std::string_view user_pool_id, std::string_view domain, bool custom);

// Where a domain's pages and OAuth endpoints are reached: https://<host>, or
// <hosted_origin>/domain/<domain> when the sandbox is served locally
// (`userpool serve`), where a browser cannot reach Cognito's host names.
std::string domain_base_url(std::string_view domain, std::string_view host, std::string_view hosted_origin);

// The OpenID Connect discovery document served at
// <issuer>/.well-known/openid-configuration. The OAuth endpoints exist only
// when the pool has a domain (`domain_base_url`); without one they are left
// out. With Cognito's issuer the members are those Cognito's document has
// (no revocation or end-session endpoint); with the sandbox's own issuer
// (`--issuer local`) the document also lists revocation_endpoint,
// end_session_endpoint and the PKCE method, so a stock OIDC client finds
// everything. Beyond the standard members, the sandbox's best reading of
// Cognito's (the reference marks some UNVERIFIED).
Json openid_configuration(std::string_view user_pool_id, std::optional<std::string> domain_base_url = std::nullopt,
                          std::string_view issuer_origin = {});

}  // namespace userpool
