// Sign-in through a federated identity provider, Cognito's side (Developer
// Guide: "Adding user pool sign-in through a third party"; the reference's
// "Federated sign-in at runtime"): the browser is sent to the provider with
// Cognito's own client ID there and /oauth2/idpresponse as the redirect URI;
// when it comes back with a code, Cognito exchanges it at the provider's
// token endpoint, checks the ID token (signature by the provider's key,
// issuer, audience, expiry, nonce) or reads the profile with the access
// token, maps the attributes and signs the user in (core/hosted/
// federated_users.h). Every call Cognito makes to the provider is a call of
// the provider's operation, so its rules are in the same event.
//
//   GET|POST /oauth2/idpresponse   HostedUI.IdpResponse
#pragma once

#include <string>

#include "core/hosted/authorization.h"

namespace userpool::hosted {

// The browser sent to the provider the authorize request names.
Reply to_identity_provider(OpContext& ctx, const Site& site, const Authorization& a);

// The sign-in page's button for a provider ("Continue with Google", or the
// name of an OIDC or SAML provider).
std::string provider_button_text(const IdentityProvider& provider);

// The record that brings an authorize request back when the provider
// answers: a new state, the app's parameters (naming the provider), the
// lifetime; expired ones are dropped first. The caller adds it to the pool.
FederationRequest new_federation_request(OpContext& ctx, UserPool& pool, const Authorization& a, const IdentityProvider& p);

// One of a provider's ProviderDetails, or `fallback` when it is absent or empty.
std::string provider_detail(const IdentityProvider& p, const char* key, std::string fallback = {});

// Keeps what a provider sent Cognito (an ID token, a user-info answer, a
// SAML Response) with the event, for the inspector (Event::federation).
void record_received(OpContext& ctx, const IdentityProvider& p, const char* kind, std::string content);

// Five minutes for the round trip through the provider.
inline constexpr auto kFederationRequestLifetime = std::chrono::minutes(5);

}  // namespace userpool::hosted
