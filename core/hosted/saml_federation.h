// Sign-in through a SAML identity provider, Cognito's side (Developer
// Guide: "Using SAML identity providers with a user pool", "SAML session
// initiation"; the reference's §7.6). SP-initiated: the browser goes to the
// provider's HTTP-Redirect sign-on URL with a deflated AuthnRequest and a
// RelayState that brings the app's request back; the provider posts a
// signed Response to /saml2/idpresponse, which Cognito checks against the
// provider's metadata (signature by a certificate there, issuer, audience
// urn:amazon:cognito:sp:<poolId>, recipient, time, InResponseTo, replay)
// before it maps the attributes and signs the user in as <Provider>_<NameID>.
// IdP-initiated (the provider's IDPInit "true"): a Response answering no
// request, issued in the last 6 minutes, whose RelayState carries the
// authorize parameters itself.
//
//   POST /saml2/idpresponse   HostedUI.SamlResponse
#pragma once

#include "core/hosted/authorization.h"

namespace userpool::hosted {

// The browser sent to a SAML provider's sign-on service.
Reply to_saml_provider(OpContext& ctx, const Site& site, const Authorization& a, const IdentityProvider& provider);

// The pool's entity ID as a SAML service provider.
std::string service_provider_entity_id(const UserPool& pool);

}  // namespace userpool::hosted
