// The AuthnRequest a service provider (the user pool) sends an identity
// provider for SP-initiated sign-in (SAML Core 3.4.1), by the HTTP-Redirect
// binding: deflated, base64, in the SAMLRequest parameter beside an opaque
// RelayState. Unsigned, as Cognito sends it unless RequestSigningAlgorithm
// is set.
#pragma once

#include <string>

#include <tl/expected.hpp>

#include "core/base/clock.h"

namespace userpool::saml {

struct AuthnRequest {
  std::string id;           // "_" and random hex: the Response answers it (InResponseTo)
  std::string issuer;       // the SP's entity ID: urn:amazon:cognito:sp:<poolId>
  std::string destination;  // the IdP's sign-on URL
  std::string acs_url;      // AssertionConsumerServiceURL: https://<domain>/saml2/idpresponse
  Timestamp issue_instant{};
};

// The XML of a request, and its SAMLRequest parameter (deflate, base64).
std::string write_authn_request(const AuthnRequest& r);
std::string encode_redirect_message(const std::string& xml);

// A SAMLRequest parameter read back (the simulated provider's side). An
// error in words for anything that is not a deflated, base64 AuthnRequest.
tl::expected<AuthnRequest, std::string> read_authn_request(const std::string& saml_request_param);

}  // namespace userpool::saml
