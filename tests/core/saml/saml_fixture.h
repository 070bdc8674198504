// A simulated identity provider's key and certificate for the SAML tests
// (made once: RSA key generation is slow in wasm), and a response it signed.
#pragma once

#include <string>

#include "core/crypto/certificate.h"
#include "core/saml/saml_response.h"

namespace userpool::test {

struct SamlFixture {
  RsaKey key;
  Bytes certificate_der;
  Certificate certificate;
};
// The shared provider: CN=idp.example.com, valid from 2020 for 30 years.
const SamlFixture& saml_provider();
// Another key and certificate, trusted by no one.
const SamlFixture& saml_stranger();

inline const std::string kIdpEntity = "https://idp.example.com/saml";
inline const std::string kSpEntity = "urn:amazon:cognito:sp:us-east-1_Example1";
inline const std::string kAcs = "https://demo.auth.us-east-1.amazoncognito.com/saml2/idpresponse";
inline const Timestamp kSamlNow = from_epoch_millis(1'800'000'000'000);

// An assertion answering request _req1 for jane@example.com, issued now.
saml::AssertionContent sample_assertion();
// What the pool expects of it.
saml::ResponseExpectations sample_expectations();

}  // namespace userpool::test
