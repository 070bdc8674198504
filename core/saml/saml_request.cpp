#include "core/saml/saml_request.h"

#include "core/base/encoding.h"
#include "core/saml/deflate.h"
#include "core/saml/xml.h"

namespace userpool::saml {

std::string write_authn_request(const AuthnRequest& r) {
  return std::string("<samlp:AuthnRequest xmlns:samlp=\"") + kProtocolNs + "\" xmlns:saml=\"" + kAssertionNs + "\" ID=\"" +
         xml_escape(r.id) + "\" Version=\"2.0\" IssueInstant=\"" + to_iso8601(r.issue_instant) + "\" Destination=\"" +
         xml_escape(r.destination) + "\" AssertionConsumerServiceURL=\"" + xml_escape(r.acs_url) +
         "\" ProtocolBinding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST\"><saml:Issuer>" + xml_escape(r.issuer) +
         "</saml:Issuer><samlp:NameIDPolicy Format=\"urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified\" "
         "AllowCreate=\"true\"/></samlp:AuthnRequest>";
}

std::string encode_redirect_message(const std::string& xml) { return base64_encode(to_bytes(deflate_raw(xml))); }

tl::expected<AuthnRequest, std::string> read_authn_request(const std::string& saml_request_param) {
  const auto compressed = base64_decode(saml_request_param);
  if (!compressed) return tl::unexpected(std::string("SAMLRequest is not base64"));
  const auto xml = inflate_raw(std::string(compressed->begin(), compressed->end()), kMaxXmlBytes);
  if (!xml) return tl::unexpected(std::string("SAMLRequest is not deflated XML (the HTTP-Redirect binding deflates it)"));
  auto doc = parse_xml(*xml);
  if (!doc) return tl::unexpected("SAMLRequest: " + doc.error());
  const pugi::xml_node root = (*doc)->document_element();
  if (!is_element(root, kProtocolNs, "AuthnRequest")) return tl::unexpected(std::string("SAMLRequest is not an AuthnRequest"));
  AuthnRequest r;
  r.id = root.attribute("ID").value();
  r.destination = root.attribute("Destination").value();
  r.acs_url = root.attribute("AssertionConsumerServiceURL").value();
  r.issuer = text_of(only_child(root, kAssertionNs, "Issuer"));
  r.issue_instant = from_iso8601(root.attribute("IssueInstant").value()).value_or(Timestamp{});
  if (r.id.empty() || r.issuer.empty() || r.acs_url.empty())
    return tl::unexpected(std::string("the AuthnRequest lacks its ID, Issuer or AssertionConsumerServiceURL"));
  return r;
}

}  // namespace userpool::saml
