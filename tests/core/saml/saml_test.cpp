// SAML in the sandbox's own terms: exclusive canonicalization, enveloped
// signatures, the Response a provider signs and every check the pool makes
// of it, metadata as Okta and Entra ID write it, the HTTP-Redirect
// binding's AuthnRequest, and hostile XML refused without a crash.
// (tests/core/saml/native/ checks the same signatures with xmlsec1.)
#include <catch2/catch.hpp>

#include <random>
#include <sstream>

#include "core/base/encoding.h"
#include "core/saml/c14n.h"
#include "core/saml/deflate.h"
#include "core/saml/saml_metadata.h"
#include "core/saml/saml_request.h"
#include "core/saml/xml.h"
#include "core/saml/xml_signature.h"
#include "tests/core/saml/saml_fixture.h"

using namespace userpool;
using namespace userpool::saml;
using namespace userpool::test;

namespace {

std::string c14n_of(const std::string& xml, const char* path = nullptr) {
  auto doc = parse_xml(xml);
  REQUIRE(doc);
  pugi::xml_node e = (*doc)->document_element();
  if (path != nullptr) e = e.first_element_by_path(path);
  auto out = exclusive_c14n(e);
  REQUIRE(out);
  return *out;
}

std::string signed_response(const AssertionContent& c = sample_assertion()) {
  return write_signed_response(c, saml_provider().key, saml_provider().certificate_der);
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("Exclusive canonicalization: sorted attributes, namespaces where used, escapes, no comments") {
  CHECK(c14n_of("<b:root xmlns:b='urn:b' xmlns:a='urn:a' xmlns:unused='urn:u' z='1' a:y='2' b='x&quot;'>"
                "<child c='&#9;'>t&amp;&lt;&gt;\r</child><!-- gone --><e/></b:root>") ==
        "<b:root xmlns:a=\"urn:a\" xmlns:b=\"urn:b\" b=\"x&quot;\" z=\"1\" a:y=\"2\"><child c=\"&#x9;\">t&amp;&lt;&gt;\n</child><e></e></b:root>");
  // A subtree brings the namespaces it uses from its ancestors, and only those.
  CHECK(c14n_of("<r xmlns='urn:d' xmlns:s='urn:s' xmlns:u='urn:u'><s:a><b>x</b></s:a></r>", "s:a") ==
        "<s:a xmlns:s=\"urn:s\"><b xmlns=\"urn:d\">x</b></s:a>");
  // A default namespace undone inside is written as xmlns="".
  CHECK(c14n_of("<r xmlns='urn:d'><i xmlns=''>x</i></r>") == "<r xmlns=\"urn:d\"><i xmlns=\"\">x</i></r>");
  CHECK(c14n_of("<r><![CDATA[a<b]]></r>") == "<r>a&lt;b</r>");
  auto doc = parse_xml("<r><p:x/></r>");
  REQUIRE(doc);
  CHECK_FALSE(exclusive_c14n((*doc)->document_element()));
}

TEST_CASE("A signed response reads back: NameID, attributes in order, times") {
  const auto read = read_response(signed_response(), sample_expectations());
  INFO((read ? "" : read.error()));
  REQUIRE(read);
  CHECK(read->name_id == "jane@example.com");
  CHECK(read->issuer == kIdpEntity);
  CHECK(read->assertion_id == "_assert1");
  CHECK(read->attributes.at("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name") == std::vector<std::string>{"Jane & <Doe>"});
  CHECK(read->attributes.at("groups") == std::vector<std::string>{"staff", "admins"});
  CHECK(read->not_on_or_after == kSamlNow + std::chrono::minutes(5));
}

TEST_CASE("The pool refuses a response that was changed, signed by another key, or not signed") {
  const std::string good = signed_response();
  auto r = read_response(replaced(good, "jane@example.com</saml:NameID>", "mallory@example.com</saml:NameID>"), sample_expectations());
  REQUIRE_FALSE(r);
  CHECK(r.error() == "the digest does not match: the signed element was changed");
  r = read_response(write_signed_response(sample_assertion(), saml_stranger().key, saml_stranger().certificate_der), sample_expectations());
  REQUIRE_FALSE(r);
  CHECK(r.error() == "the signature does not verify with the provider's signing certificate");
  // The signature removed altogether.
  auto doc = parse_xml(good);
  REQUIRE(doc);
  pugi::xml_node assertion = (*doc)->document_element().child("saml:Assertion");
  assertion.remove_child(assertion.child("ds:Signature"));
  std::ostringstream unsigned_xml;
  (*doc)->save(unsigned_xml, "", pugi::format_raw);
  r = read_response(unsigned_xml.str(), sample_expectations());
  REQUIRE_FALSE(r);
  CHECK(r.error() == "neither the response nor its assertion is signed");
}

TEST_CASE("Signature wrapping: a second assertion, a moved signature, a reference to another element, a duplicated ID") {
  const std::string good = signed_response();
  auto doc = parse_xml(good);
  REQUIRE(doc);
  const pugi::xml_node response = (*doc)->document_element();
  const pugi::xml_node assertion = response.child("saml:Assertion");
  const auto save = [](const XmlDocument& d) {
    std::ostringstream out;
    d->save(out, "", pugi::format_raw);
    return out.str();
  };
  // An unsigned assertion beside the signed one.
  {
    auto d = parse_xml(good).value();
    pugi::xml_node evil = d->document_element().append_copy(d->document_element().child("saml:Assertion"));
    evil.attribute("ID") = "_evil";
    evil.remove_child(evil.child("ds:Signature"));
    const auto r = read_response(save(d), sample_expectations());
    REQUIRE_FALSE(r);
    CHECK(r.error() == "the response must carry exactly one Assertion");
  }
  // The signed assertion hidden in Extensions, an evil one in its place.
  {
    auto d = parse_xml(good).value();
    pugi::xml_node root = d->document_element();
    pugi::xml_node original = root.child("saml:Assertion");
    pugi::xml_node extensions = root.insert_child_after("samlp:Extensions", root.child("saml:Issuer"));
    extensions.append_copy(original);
    original.child("saml:Subject").child("saml:NameID").text() = "mallory@example.com";
    const auto r = read_response(save(d), sample_expectations());
    REQUIRE_FALSE(r);
    CHECK(r.error() == "another element of the document has the ID _assert1");
  }
  // The evil assertion takes the original's signature, whose Reference names the original.
  {
    auto d = parse_xml(good).value();
    pugi::xml_node root = d->document_element();
    pugi::xml_node original = root.child("saml:Assertion");
    original.attribute("ID") = "_evil";
    const auto r = read_response(save(d), sample_expectations());
    REQUIRE_FALSE(r);
    CHECK(r.error() == "the signature does not cover the element it is in (its Reference names another)");
  }
  CHECK(assertion);
}

TEST_CASE("The pool's checks: issuer, audience, recipient, time, InResponseTo, status, encryption") {
  const auto refused = [](const AssertionContent& c, const ResponseExpectations& e) {
    const auto r = read_response(write_signed_response(c, saml_provider().key, saml_provider().certificate_der), e);
    REQUIRE_FALSE(r);
    return r.error();
  };
  AssertionContent c = sample_assertion();
  ResponseExpectations e = sample_expectations();
  c.issuer = "https://other.example.com";
  CHECK(refused(c, e) == "the assertion's issuer https://other.example.com is not the provider's entity ID " + kIdpEntity);
  c = sample_assertion();
  c.audience = "urn:amazon:cognito:sp:us-east-1_Other";
  CHECK(refused(c, e) == "the assertion's audience is not the pool's entity ID " + kSpEntity);
  c = sample_assertion();
  c.destination = "https://evil.example.com/acs";
  CHECK(refused(c, e).starts_with("the assertion is for another recipient"));
  c = sample_assertion();
  e.now = kSamlNow + std::chrono::minutes(5);
  CHECK(refused(c, e) == "the assertion has expired (SubjectConfirmationData NotOnOrAfter)");
  e = sample_expectations();
  e.now = kSamlNow - std::chrono::minutes(3);
  CHECK(refused(c, e) == "the assertion is not valid yet (Conditions NotBefore)");
  e = sample_expectations();
  e.in_response_to = "_req2";
  CHECK(refused(c, e) == "the assertion does not answer the pool's request (InResponseTo)");
  // IdP-initiated: no InResponseTo, issued in the last 6 minutes.
  e.in_response_to.reset();
  CHECK(refused(c, e) == "an IdP-initiated assertion must not answer a request (InResponseTo)");
  c.in_response_to.clear();
  c.valid_for = std::chrono::minutes(30);
  e.now = kSamlNow + std::chrono::minutes(7);
  CHECK(refused(c, e) == "an IdP-initiated assertion must have been issued in the last 6 minutes");
  e.now = kSamlNow + std::chrono::minutes(1);
  CHECK(read_response(write_signed_response(c, saml_provider().key, saml_provider().certificate_der), e));
  // A failure status, and an encrypted assertion.
  const std::string good = signed_response();
  auto r = read_response(replaced(good, "status:Success", "status:Responder"), sample_expectations());
  REQUIRE_FALSE(r);
  CHECK(r.error() == "the provider answered with status urn:oasis:names:tc:SAML:2.0:status:Responder");
  r = read_response(replaced(replaced(good, "<saml:Assertion ", "<saml:EncryptedAssertion "), "</saml:Assertion>", "</saml:EncryptedAssertion>"),
                    sample_expectations());
  REQUIRE_FALSE(r);
  CHECK(r.error().starts_with("the assertion is encrypted"));
}

TEST_CASE("Metadata: the sandbox's own, and documents written the way Okta and Entra ID write them") {
  const std::string cert = base64_encode(saml_provider().certificate_der);
  std::string wrapped;  // 64 characters a line, as Okta writes it
  for (std::size_t i = 0; i < cert.size(); i += 64) wrapped += cert.substr(i, 64) + "\n";
  const std::string mine = write_idp_metadata(kIdpEntity, "https://idp.example.com/saml/sso", "https://idp.example.com/saml/slo",
                                              saml_provider().certificate_der);
  auto m = read_idp_metadata(mine);
  REQUIRE(m);
  CHECK(m->entity_id == kIdpEntity);
  CHECK(m->sso_redirect_url == "https://idp.example.com/saml/sso");
  CHECK(m->slo_redirect_url == "https://idp.example.com/saml/slo");
  REQUIRE(m->signing_certificates.size() == 1);
  CHECK(m->signing_certificates[0].subject == "/CN=idp.example.com");

  const std::string okta =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><md:EntityDescriptor entityID=\"http://www.okta.com/exk1fcia6d6EMsf331d8\" "
      "xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\"><md:IDPSSODescriptor WantAuthnRequestsSigned=\"false\" "
      "protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\"><md:KeyDescriptor use=\"signing\"><ds:KeyInfo "
      "xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"><ds:X509Data><ds:X509Certificate>" + wrapped +
      "</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor><md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:"
      "unspecified</md:NameIDFormat><md:SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST\" "
      "Location=\"https://dev-123.okta.com/app/dev-123_cognito_1/exk1fcia6d6EMsf331d8/sso/saml\"/><md:SingleSignOnService "
      "Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\" Location=\"https://dev-123.okta.com/app/dev-123_cognito_1/"
      "exk1fcia6d6EMsf331d8/sso/saml\"/></md:IDPSSODescriptor></md:EntityDescriptor>";
  m = read_idp_metadata(okta);
  REQUIRE(m);
  CHECK(m->entity_id == "http://www.okta.com/exk1fcia6d6EMsf331d8");
  CHECK(m->sso_redirect_url.starts_with("https://dev-123.okta.com/app/"));

  // Entra ID: default namespaces, a signature over the metadata, role
  // descriptors for WS-Federation before the IDPSSODescriptor, an
  // encryption key beside the signing one.
  const std::string entra =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?><EntityDescriptor ID=\"_5b1a\" entityID=\"https://sts.windows.net/"
      "0b1d2e3f-0000-4000-8000-000000000000/\" xmlns=\"urn:oasis:names:tc:SAML:2.0:metadata\"><Signature "
      "xmlns=\"http://www.w3.org/2000/09/xmldsig#\"><SignedInfo/></Signature><RoleDescriptor "
      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:fed=\"http://docs.oasis-open.org/wsfed/federation/200706\" "
      "xsi:type=\"fed:SecurityTokenServiceType\" protocolSupportEnumeration=\"http://docs.oasis-open.org/wsfed/federation/200706\">"
      "<KeyDescriptor use=\"signing\"><KeyInfo xmlns=\"http://www.w3.org/2000/09/xmldsig#\"><X509Data><X509Certificate>AAAA"
      "</X509Certificate></X509Data></KeyInfo></KeyDescriptor></RoleDescriptor><IDPSSODescriptor "
      "protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\"><KeyDescriptor use=\"encryption\"><KeyInfo "
      "xmlns=\"http://www.w3.org/2000/09/xmldsig#\"><X509Data><X509Certificate>not-a-certificate</X509Certificate></X509Data>"
      "</KeyInfo></KeyDescriptor><KeyDescriptor use=\"signing\"><KeyInfo xmlns=\"http://www.w3.org/2000/09/xmldsig#\"><X509Data>"
      "<X509Certificate>" + cert + "</X509Certificate></X509Data></KeyInfo></KeyDescriptor><SingleLogoutService "
      "Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\" Location=\"https://login.microsoftonline.com/"
      "0b1d2e3f-0000-4000-8000-000000000000/saml2\"/><SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\" "
      "Location=\"https://login.microsoftonline.com/0b1d2e3f-0000-4000-8000-000000000000/saml2\"/><SingleSignOnService "
      "Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST\" Location=\"https://login.microsoftonline.com/"
      "0b1d2e3f-0000-4000-8000-000000000000/saml2\"/></IDPSSODescriptor></EntityDescriptor>";
  m = read_idp_metadata(entra);
  INFO((m ? "" : m.error()));
  REQUIRE(m);
  CHECK(m->entity_id == "https://sts.windows.net/0b1d2e3f-0000-4000-8000-000000000000/");
  CHECK(m->signing_certificates.size() == 1);
  CHECK(m->slo_redirect_url == "https://login.microsoftonline.com/0b1d2e3f-0000-4000-8000-000000000000/saml2");

  // What is not usable metadata says why.
  CHECK(read_idp_metadata("<html/>").error() == "the document is not SAML metadata (its root is html, not md:EntityDescriptor)");
  CHECK(read_idp_metadata(replaced(mine, "HTTP-Redirect\" Location=\"https://idp.example.com/saml/sso",
                                   "SOAP\" Location=\"https://idp.example.com/saml/sso")).error()
            .starts_with("the metadata has no SingleSignOnService with the HTTP-Redirect binding"));
  CHECK(read_idp_metadata(replaced(mine, cert, "bm90IGEgY2VydA==")).error().starts_with("a signing certificate cannot be read"));
  CHECK(read_idp_metadata(replaced(mine, "use=\"signing\"", "use=\"encryption\"")).error().starts_with("the metadata has no signing certificate"));
}

TEST_CASE("The AuthnRequest goes deflated and base64, and reads back") {
  AuthnRequest r{"_a1b2", kSpEntity, "https://idp.example.com/saml/sso", kAcs, kSamlNow};
  const std::string param = encode_redirect_message(write_authn_request(r));
  CHECK(param.find('<') == std::string::npos);
  const auto back = read_authn_request(param);
  REQUIRE(back);
  CHECK(back->id == "_a1b2");
  CHECK(back->issuer == kSpEntity);
  CHECK(back->acs_url == kAcs);
  CHECK(back->issue_instant == kSamlNow);
  CHECK(read_authn_request("!!!").error() == "SAMLRequest is not base64");
  CHECK(read_authn_request(base64_encode(to_bytes("<AuthnRequest/>"))).error().starts_with("SAMLRequest is not deflated XML"));
  // A deflate bomb: 4 MB of zeros in a few kilobytes, stopped at the limit.
  const std::string bomb = deflate_raw(std::string(4 << 20, '\0'));
  CHECK(bomb.size() < 10000);
  CHECK_FALSE(inflate_raw(bomb, 1 << 20));
  CHECK(inflate_raw(bomb, 8 << 20)->size() == (4u << 20));
}

TEST_CASE("Hostile XML is refused with a reason: entities, DOCTYPE, size, depth, garbage") {
  const std::string laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]>"
                             "<lolz>&lol2;</lolz>";
  CHECK(parse_xml(laughs).error() == "the XML has a DOCTYPE, which SAML does not allow");
  const std::string xxe = "<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>";
  CHECK(parse_xml(xxe).error() == "the XML has a DOCTYPE, which SAML does not allow");
  CHECK(read_response(laughs, sample_expectations()).error() == "the XML has a DOCTYPE, which SAML does not allow");
  CHECK(parse_xml(std::string(kMaxXmlBytes + 1, ' ')).error() == "the document is over 1024 KB");
  std::string deep;
  for (int i = 0; i < 200; ++i) deep += "<a>";
  for (int i = 0; i < 200; ++i) deep += "</a>";
  CHECK(parse_xml(deep).error() == "the XML nests deeper than 48 elements");
  CHECK(parse_xml("<a><b></a>").error().starts_with("the XML is malformed"));
  CHECK_FALSE(parse_xml(""));
  CHECK_FALSE(read_idp_metadata("\xff\xfe<x"));
}

TEST_CASE("A response laid out for reading: one element a line, indented by depth; what does not parse says why") {
  const auto shown = indented_xml("<a xmlns=\"urn:x\">\n <b c=\"1\">text</b><d/></a>");
  REQUIRE(shown);
  CHECK(*shown == "<a xmlns=\"urn:x\">\n  <b c=\"1\">text</b>\n  <d />\n</a>\n");
  const auto response = indented_xml(signed_response());
  REQUIRE(response);
  CHECK(response->find("\n  <saml:Assertion") != std::string::npos);
  CHECK(indented_xml("<!DOCTYPE r [<!ENTITY x \"y\">]><r>&x;</r>").error() == "the XML has a DOCTYPE, which SAML does not allow");
  CHECK(indented_xml("<a><b></a>").error().starts_with("the XML is malformed"));
}

TEST_CASE("Fuzz-style: thousands of mutated responses and metadata documents are read without a crash, and none is taken") {
  const std::string response = signed_response();
  const std::string metadata = write_idp_metadata(kIdpEntity, "https://idp.example.com/saml/sso", "https://idp.example.com/saml/slo",
                                                  saml_provider().certificate_der);
  std::mt19937 rng(20261204);
  const char alphabet[] = "<>/=\"'&;:#x0aZ \n\t!?[]-";
  int taken = 0;
  for (int i = 0; i < 2000; ++i) {
    std::string mutated = i % 2 ? response : metadata;
    const int edits = 1 + static_cast<int>(rng() % 4);
    for (int k = 0; k < edits; ++k) {
      const std::size_t at = rng() % mutated.size();
      switch (rng() % 3) {
        case 0: mutated[at] = alphabet[rng() % (sizeof alphabet - 1)]; break;
        case 1: mutated.erase(at, 1 + rng() % 8); break;
        default: mutated.insert(at, mutated.substr(rng() % mutated.size(), 1 + rng() % 40)); break;
      }
    }
    if (i % 2) {
      // A change inside the signed assertion must be caught; one in the
      // unsigned envelope (the Response's attributes) may still read.
      if (const auto r = read_response(mutated, sample_expectations()); r && r->name_id != "jane@example.com") ++taken;
    } else {
      (void)read_idp_metadata(mutated);
    }
  }
  CHECK(taken == 0);
}
