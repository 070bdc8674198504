// SAML 2.0 metadata (SAML Metadata 2.0, "EntityDescriptor"): what a user
// pool reads from an identity provider's metadata document to trust it
// (its entity ID, where its single sign-on and logout services are, the
// certificates it signs with), and what the sandbox's simulated SAML
// providers publish. Read the way Okta, Entra ID (Azure AD), ADFS and
// Shibboleth write it: one EntityDescriptor (or an EntitiesDescriptor
// holding the provider's), an IDPSSODescriptor, KeyDescriptors for
// "signing" (or for any use), other role descriptors ignored.
#pragma once

#include <string>
#include <vector>

#include <tl/expected.hpp>

#include "core/crypto/certificate.h"

namespace userpool::saml {

inline constexpr const char* kRedirectBinding = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";
inline constexpr const char* kPostBinding = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";

struct IdpMetadata {
  std::string entity_id;
  std::string sso_redirect_url;  // SingleSignOnService, HTTP-Redirect binding (what Cognito sends users to)
  std::string sso_post_url;      // the HTTP-POST binding's, when there is one
  std::string slo_redirect_url;  // SingleLogoutService, HTTP-Redirect (optional)
  std::vector<Certificate> signing_certificates;
};

// The metadata a document describes; an error in words for one that is not
// SAML metadata, has no IDPSSODescriptor, no HTTP-Redirect sign-on service
// or no readable signing certificate.
tl::expected<IdpMetadata, std::string> read_idp_metadata(std::string_view xml);

// A metadata document for a simulated provider: its entity ID, sign-on
// service (both bindings at one URL), logout service and certificate.
std::string write_idp_metadata(const std::string& entity_id, const std::string& sso_url, const std::string& slo_url,
                               const Bytes& certificate_der);

}  // namespace userpool::saml
