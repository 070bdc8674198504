// The SAML Response an identity provider posts to the service provider's
// assertion consumer service (SAML Core 3.2.2 and 2.3.3; Profiles 4.1, Web
// Browser SSO): a signed Assertion with the subject's NameID, the
// conditions (time window, audience), the bearer confirmation (recipient,
// InResponseTo) and the attributes, named as the provider names them
// (often URIs such as http://schemas.xmlsoap.org/ws/2005/05/identity/
// claims/emailaddress).
//
// write_signed_response is the simulated providers' side; read_response
// is the user pool's, checking everything Cognito checks.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <tl/expected.hpp>

#include "core/base/clock.h"
#include "core/crypto/certificate.h"

namespace userpool::saml {

struct AssertionContent {
  std::string response_id, assertion_id;  // XML IDs: a letter or "_" first
  std::string issuer;                     // the IdP's entity ID
  std::string destination;                // the ACS URL it is posted to
  std::string in_response_to;             // the AuthnRequest's ID; empty when IdP-initiated
  std::string audience;                   // the SP's entity ID
  std::string name_id;
  std::string name_id_format = "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress";
  std::vector<std::pair<std::string, std::vector<std::string>>> attributes;
  Timestamp issue_instant{};
  Millis valid_for = std::chrono::minutes(5);
};

// The Response, its Assertion signed (as Okta and Entra ID sign by default).
std::string write_signed_response(const AssertionContent& content, const RsaKey& key, const Bytes& certificate_der);

// What the user pool expects of a response.
struct ResponseExpectations {
  std::vector<Certificate> certificates;  // from the provider's metadata
  std::string issuer;                     // its entity ID
  std::string audience;                   // urn:amazon:cognito:sp:<poolId>
  std::string acs_url;                    // https://<domain>/saml2/idpresponse
  std::optional<std::string> in_response_to;  // the AuthnRequest's ID; nullopt: IdP-initiated, none allowed
  Timestamp now{};
};

struct ReadAssertion {
  std::string response_id, assertion_id, issuer, name_id;
  Timestamp issue_instant{}, not_on_or_after{};
  std::map<std::string, std::vector<std::string>> attributes;
};

// Reads and checks a Response (the decoded SAMLResponse parameter). The
// error is the reason, in words, that the response is refused.
tl::expected<ReadAssertion, std::string> read_response(std::string_view xml, const ResponseExpectations& expected);

// How long after its IssueInstant an IdP-initiated response is taken, and
// how far ahead of the pool's clock a provider's may be.
inline constexpr auto kIdpInitiatedWindow = std::chrono::minutes(6);
inline constexpr auto kClockSkew = std::chrono::minutes(1);

}  // namespace userpool::saml
