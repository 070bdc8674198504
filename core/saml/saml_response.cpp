#include "core/saml/saml_response.h"

#include <sstream>

#include "core/saml/xml.h"
#include "core/saml/xml_signature.h"

namespace userpool::saml {
namespace {

constexpr const char* kSuccess = "urn:oasis:names:tc:SAML:2.0:status:Success";
constexpr const char* kBearer = "urn:oasis:names:tc:SAML:2.0:cm:bearer";

pugi::xml_node add_element(pugi::xml_node parent, const char* name, const std::string& text = {}) {
  pugi::xml_node n = parent.append_child(name);
  if (!text.empty()) n.text() = text.c_str();
  return n;
}

void set(pugi::xml_node n, const char* name, const std::string& value) { n.append_attribute(name) = value.c_str(); }

std::optional<Timestamp> time_attribute(const pugi::xml_node& n, const char* name) {
  const pugi::xml_attribute a = n.attribute(name);
  if (!a) return std::nullopt;
  return from_iso8601(a.value());
}

}  // namespace

std::string write_signed_response(const AssertionContent& c, const RsaKey& key, const Bytes& certificate_der) {
  pugi::xml_document doc;
  const std::string issued = to_iso8601(c.issue_instant), until = to_iso8601(c.issue_instant + c.valid_for);
  pugi::xml_node response = doc.append_child("samlp:Response");
  set(response, "xmlns:samlp", kProtocolNs);
  set(response, "xmlns:saml", kAssertionNs);
  set(response, "ID", c.response_id);
  set(response, "Version", "2.0");
  set(response, "IssueInstant", issued);
  set(response, "Destination", c.destination);
  if (!c.in_response_to.empty()) set(response, "InResponseTo", c.in_response_to);
  add_element(response, "saml:Issuer", c.issuer);
  set(add_element(add_element(response, "samlp:Status"), "samlp:StatusCode"), "Value", kSuccess);

  pugi::xml_node assertion = add_element(response, "saml:Assertion");
  set(assertion, "ID", c.assertion_id);
  set(assertion, "Version", "2.0");
  set(assertion, "IssueInstant", issued);
  const pugi::xml_node issuer = add_element(assertion, "saml:Issuer", c.issuer);
  pugi::xml_node subject = add_element(assertion, "saml:Subject");
  set(add_element(subject, "saml:NameID", c.name_id), "Format", c.name_id_format);
  pugi::xml_node confirmation = add_element(subject, "saml:SubjectConfirmation");
  set(confirmation, "Method", kBearer);
  pugi::xml_node data = add_element(confirmation, "saml:SubjectConfirmationData");
  if (!c.in_response_to.empty()) set(data, "InResponseTo", c.in_response_to);
  set(data, "NotOnOrAfter", until);
  set(data, "Recipient", c.destination);
  pugi::xml_node conditions = add_element(assertion, "saml:Conditions");
  set(conditions, "NotBefore", issued);
  set(conditions, "NotOnOrAfter", until);
  add_element(add_element(conditions, "saml:AudienceRestriction"), "saml:Audience", c.audience);
  pugi::xml_node authn = add_element(assertion, "saml:AuthnStatement");
  set(authn, "AuthnInstant", issued);
  set(authn, "SessionIndex", "_" + c.assertion_id);
  add_element(add_element(authn, "saml:AuthnContext"), "saml:AuthnContextClassRef", "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport");
  if (!c.attributes.empty()) {
    pugi::xml_node statement = add_element(assertion, "saml:AttributeStatement");
    for (const auto& [name, values] : c.attributes) {
      pugi::xml_node attribute = add_element(statement, "saml:Attribute");
      set(attribute, "Name", name);
      set(attribute, "NameFormat", "urn:oasis:names:tc:SAML:2.0:attrname-format:uri");
      for (const std::string& v : values) add_element(attribute, "saml:AttributeValue", v);
    }
  }
  sign_enveloped(assertion, issuer, key, certificate_der);
  std::ostringstream out;
  doc.save(out, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
  return out.str();
}

tl::expected<ReadAssertion, std::string> read_response(std::string_view xml, const ResponseExpectations& e) {
  auto doc = parse_xml(xml);
  if (!doc) return tl::unexpected(doc.error());
  const pugi::xml_node response = (*doc)->document_element();
  if (!is_element(response, kProtocolNs, "Response")) return tl::unexpected(std::string("the message is not a SAML Response"));
  const std::string status = only_child(only_child(response, kProtocolNs, "Status"), kProtocolNs, "StatusCode").attribute("Value").value();
  if (status != kSuccess) return tl::unexpected("the provider answered with status " + (status.empty() ? std::string("(none)") : status));
  if (!children(response, kAssertionNs, "EncryptedAssertion").empty())
    return tl::unexpected(std::string("the assertion is encrypted, and the pool does not decrypt responses (EncryptedResponses is off)"));
  const auto assertions = children(response, kAssertionNs, "Assertion");
  if (assertions.size() != 1) return tl::unexpected(std::string("the response must carry exactly one Assertion"));
  const pugi::xml_node assertion = assertions.front();
  // The assertion is trusted when it is signed, or the whole response is;
  // everything below is read from these very elements, so a second,
  // unsigned assertion elsewhere in the document is never what is read.
  const bool response_signed = static_cast<bool>(signature_of(response));
  const bool assertion_signed = static_cast<bool>(signature_of(assertion));
  if (!response_signed && !assertion_signed) return tl::unexpected(std::string("neither the response nor its assertion is signed"));
  if (response_signed)
    if (auto v = verify_enveloped(response, e.certificates); !v) return tl::unexpected(v.error());
  if (assertion_signed)
    if (auto v = verify_enveloped(assertion, e.certificates); !v) return tl::unexpected(v.error());

  ReadAssertion r;
  r.response_id = response.attribute("ID").value();
  r.assertion_id = assertion.attribute("ID").value();
  r.issuer = text_of(only_child(assertion, kAssertionNs, "Issuer"));
  if (r.issuer != e.issuer) return tl::unexpected("the assertion's issuer " + r.issuer + " is not the provider's entity ID " + e.issuer);
  r.issue_instant = time_attribute(assertion, "IssueInstant").value_or(Timestamp{});
  const std::string response_in_reply = response.attribute("InResponseTo").value();
  const pugi::xml_node subject = only_child(assertion, kAssertionNs, "Subject");
  r.name_id = text_of(only_child(subject, kAssertionNs, "NameID"));
  if (r.name_id.empty()) return tl::unexpected(std::string("the assertion has no NameID"));

  // The bearer confirmation: for this pool's ACS, in time, answering the request.
  bool confirmed = false;
  std::string why = "the assertion has no bearer SubjectConfirmation";
  for (const pugi::xml_node& c : children(subject, kAssertionNs, "SubjectConfirmation")) {
    if (std::string(c.attribute("Method").value()) != kBearer) continue;
    const pugi::xml_node data = only_child(c, kAssertionNs, "SubjectConfirmationData");
    const std::string recipient = data.attribute("Recipient").value(), in_reply = data.attribute("InResponseTo").value();
    const auto until = time_attribute(data, "NotOnOrAfter");
    if (recipient != e.acs_url) why = "the assertion is for another recipient (" + recipient + "), not " + e.acs_url;
    else if (!until || *until <= e.now) why = "the assertion has expired (SubjectConfirmationData NotOnOrAfter)";
    else if (e.in_response_to && in_reply != *e.in_response_to) why = "the assertion does not answer the pool's request (InResponseTo)";
    else if (!e.in_response_to && !in_reply.empty()) why = "an IdP-initiated assertion must not answer a request (InResponseTo)";
    else {
      confirmed = true;
      r.not_on_or_after = *until;
    }
    if (confirmed) break;
  }
  if (!confirmed) return tl::unexpected(why);
  if (e.in_response_to && !response_in_reply.empty() && response_in_reply != *e.in_response_to)
    return tl::unexpected(std::string("the response does not answer the pool's request (InResponseTo)"));
  if (!e.in_response_to && !response_in_reply.empty())
    return tl::unexpected(std::string("an IdP-initiated response must not answer a request (InResponseTo)"));
  if (!e.in_response_to && (r.issue_instant + kIdpInitiatedWindow <= e.now || r.issue_instant > e.now + kClockSkew))
    return tl::unexpected(std::string("an IdP-initiated assertion must have been issued in the last 6 minutes"));

  const pugi::xml_node conditions = only_child(assertion, kAssertionNs, "Conditions");
  if (!conditions) return tl::unexpected(std::string("the assertion has no Conditions"));
  if (const auto from = time_attribute(conditions, "NotBefore"); from && *from > e.now + kClockSkew)
    return tl::unexpected(std::string("the assertion is not valid yet (Conditions NotBefore)"));
  if (const auto until = time_attribute(conditions, "NotOnOrAfter"); !until || *until <= e.now)
    return tl::unexpected(std::string("the assertion has expired (Conditions NotOnOrAfter)"));
  bool audience = false;
  for (const pugi::xml_node& restriction : children(conditions, kAssertionNs, "AudienceRestriction"))
    for (const pugi::xml_node& a : children(restriction, kAssertionNs, "Audience"))
      if (text_of(a) == e.audience) audience = true;
  if (!audience) return tl::unexpected("the assertion's audience is not the pool's entity ID " + e.audience);

  for (const pugi::xml_node& statement : children(assertion, kAssertionNs, "AttributeStatement"))
    for (const pugi::xml_node& a : children(statement, kAssertionNs, "Attribute")) {
      auto& values = r.attributes[a.attribute("Name").value()];
      for (const pugi::xml_node& v : children(a, kAssertionNs, "AttributeValue")) values.push_back(text_of(v));
    }
  return r;
}

}  // namespace userpool::saml
