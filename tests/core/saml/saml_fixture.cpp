#include "tests/core/saml/saml_fixture.h"

namespace userpool::test {
namespace {
SamlFixture make(const std::string& name) {
  RsaKey key = RsaKey::generate();
  Bytes der = make_self_signed_certificate(key, name, from_epoch_millis(1'577'836'800'000), 365 * 30);
  Certificate cert = read_certificate(der).value();
  return SamlFixture{std::move(key), std::move(der), std::move(cert)};
}
}  // namespace

const SamlFixture& saml_provider() {
  static const SamlFixture f = make("idp.example.com");
  return f;
}

const SamlFixture& saml_stranger() {
  static const SamlFixture f = make("stranger.example.net");
  return f;
}

saml::AssertionContent sample_assertion() {
  saml::AssertionContent c;
  c.response_id = "_resp1";
  c.assertion_id = "_assert1";
  c.issuer = kIdpEntity;
  c.destination = kAcs;
  c.in_response_to = "_req1";
  c.audience = kSpEntity;
  c.name_id = "jane@example.com";
  c.attributes = {{"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress", {"jane@example.com"}},
                  {"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name", {"Jane & <Doe>"}},
                  {"groups", {"staff", "admins"}}};
  c.issue_instant = kSamlNow;
  return c;
}

saml::ResponseExpectations sample_expectations() {
  return saml::ResponseExpectations{{saml_provider().certificate}, kIdpEntity, kSpEntity, kAcs, std::string("_req1"), kSamlNow + std::chrono::seconds(5)};
}

}  // namespace userpool::test
