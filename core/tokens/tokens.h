// The ID and access tokens a user pool issues (Developer Guide: "Understanding the identity (ID) token", "Understanding the access token"):
// their claims, in Cognito's order, and their RS256 signatures.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/clock.h"
#include "core/rules/quotas.h"
#include "core/base/json.h"
#include "core/tokens/pool_keys.h"

namespace userpool {

// Who the tokens are about.
struct TokenSubject {
  std::string sub;
  std::string username;              // cognito:username (ID) / username (access)
  std::vector<std::string> groups;   // cognito:groups, only when not empty
  Json attributes = Json::object();  // readable attributes as ID token claims (see attribute_claim)
  std::vector<std::string> roles = {};  // cognito:roles (ID tokens): the groups' IAM roles
  std::optional<std::string> preferred_role = std::nullopt;  // cognito:preferred_role (ID tokens)
};

// The authentication the tokens come from.
struct TokenGrant {
  std::string user_pool_id;
  std::string issuer;  // iss (core/tokens/well_known.h issuer_for)
  std::string client_id;
  Timestamp auth_time;                    // the original sign-in; unchanged by refreshes
  Timestamp issued_at;                    // iat; exp = iat + validity
  std::string event_id;                   // shared by the ID and access token of one event
  std::optional<std::string> origin_jti;  // the refresh-token lineage, when the client has token revocation on
  // The app client's lifetimes; Cognito's defaults until set.
  std::chrono::seconds id_validity{quotas::kDefaultIdTokenValidity};
  std::chrono::seconds access_validity{quotas::kDefaultAccessTokenValidity};
  std::string scope = "aws.cognito.signin.user.admin";  // what API-issued access tokens carry
  // Tokens from the OAuth 2.0 endpoints (the hosted UI) differ from the
  // API's: the access token carries the granted scopes and "version": 2,
  // neither token an event_id; the ID token has the authorize request's
  // nonce and at_hash, the hash of the access token issued with it.
  bool oauth = false;
  std::optional<std::string> nonce;
  std::optional<std::string> at_hash;
};

// A client_credentials grant (Developer Guide: "Scopes, M2M, and APIs with
// resource servers"): the app client itself is the subject.
struct MachineGrant {
  std::string issuer;
  std::string client_id;
  Timestamp issued_at;
  std::chrono::seconds access_validity{quotas::kDefaultAccessTokenValidity};
  std::string scope;  // the granted custom scopes, space-separated
};

// Claims in the order Cognito writes them. The jti is the caller's (a fresh
// UUID per token).
Json id_token_claims(const TokenSubject& subject, const TokenGrant& grant, std::string jti);
Json access_token_claims(const TokenSubject& subject, const TokenGrant& grant, std::string jti);

// The access token of a client_credentials grant: no user, no username or
// groups; sub and client_id are both the app client's ID. (UNVERIFIED as a
// complete list; the claims third-party libraries rely on.)
Json machine_access_token_claims(const MachineGrant& grant, std::string jti);

// at_hash (OpenID Connect Core 3.3.2.11): the left half of the SHA-256 of
// the access token, base64url.
std::string access_token_hash(std::string_view access_token);

// A compact JWS with header {"kid": ..., "alg": "RS256"}, as Cognito's.
std::string sign_token(const Json& claims, const SigningKey& key);

// A user attribute (always a string in the API) as its ID token claim:
// email_verified and phone_number_verified become booleans, updated_at a
// number, address an object {"formatted": ...}, identities the JSON array
// it holds; everything else, custom
// attributes included, stays a string.
Json attribute_claim(std::string_view name, std::string_view value);

}  // namespace userpool
