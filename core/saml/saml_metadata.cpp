#include "core/saml/saml_metadata.h"

#include "core/base/encoding.h"
#include "core/saml/xml.h"

namespace userpool::saml {
namespace {

// Certificates are each at most 4,096 characters of base64 (the reference's §7.6).
constexpr std::size_t kMaxCertificateChars = 4096;

// The EntityDescriptor that has an IDPSSODescriptor: the root, or one inside an EntitiesDescriptor.
pugi::xml_node idp_entity(const pugi::xml_node& root) {
  if (is_element(root, kMetadataNs, "EntityDescriptor")) return root;
  if (is_element(root, kMetadataNs, "EntitiesDescriptor"))
    for (const pugi::xml_node& e : children(root, kMetadataNs, "EntityDescriptor"))
      if (!children(e, kMetadataNs, "IDPSSODescriptor").empty()) return e;
  return {};
}

}  // namespace

tl::expected<IdpMetadata, std::string> read_idp_metadata(std::string_view xml) {
  auto doc = parse_xml(xml);
  if (!doc) return tl::unexpected(doc.error());
  const pugi::xml_node root = (*doc)->document_element();
  const pugi::xml_node entity = idp_entity(root);
  if (!entity) {
    if (is_element(root, kMetadataNs, "EntityDescriptor") || is_element(root, kMetadataNs, "EntitiesDescriptor"))
      return tl::unexpected(std::string("the metadata describes no identity provider (no IDPSSODescriptor)"));
    return tl::unexpected("the document is not SAML metadata (its root is " + std::string(root.name()) + ", not md:EntityDescriptor)");
  }
  IdpMetadata m;
  m.entity_id = entity.attribute("entityID").value();
  if (m.entity_id.empty()) return tl::unexpected(std::string("the EntityDescriptor has no entityID"));
  const auto descriptors = children(entity, kMetadataNs, "IDPSSODescriptor");
  if (descriptors.empty()) return tl::unexpected(std::string("the metadata describes no identity provider (no IDPSSODescriptor)"));
  const pugi::xml_node idp = descriptors.front();
  for (const pugi::xml_node& s : children(idp, kMetadataNs, "SingleSignOnService")) {
    const std::string binding = s.attribute("Binding").value(), location = s.attribute("Location").value();
    if (binding == kRedirectBinding && m.sso_redirect_url.empty()) m.sso_redirect_url = location;
    if (binding == kPostBinding && m.sso_post_url.empty()) m.sso_post_url = location;
  }
  if (m.sso_redirect_url.empty())
    return tl::unexpected(std::string("the metadata has no SingleSignOnService with the HTTP-Redirect binding, which Cognito sends users to"));
  for (const pugi::xml_node& s : children(idp, kMetadataNs, "SingleLogoutService"))
    if (std::string(s.attribute("Binding").value()) == kRedirectBinding && m.slo_redirect_url.empty()) m.slo_redirect_url = s.attribute("Location").value();
  for (const pugi::xml_node& key : children(idp, kMetadataNs, "KeyDescriptor")) {
    const std::string use = key.attribute("use").value();
    if (!use.empty() && use != "signing") continue;
    for (const pugi::xml_node& data : children(only_child(key, kDsigNs, "KeyInfo"), kDsigNs, "X509Data"))
      for (const pugi::xml_node& c : children(data, kDsigNs, "X509Certificate")) {
        const std::string text = without_whitespace(text_of(c));
        if (text.size() > kMaxCertificateChars) return tl::unexpected(std::string("a signing certificate is over 4,096 characters"));
        const auto der = base64_decode(text);
        if (!der) return tl::unexpected(std::string("a signing certificate is not base64"));
        auto cert = read_certificate(*der);
        if (!cert) return tl::unexpected("a signing certificate cannot be read: " + cert.error());
        m.signing_certificates.push_back(std::move(*cert));
      }
  }
  if (m.signing_certificates.empty()) return tl::unexpected(std::string("the metadata has no signing certificate (KeyDescriptor use=\"signing\")"));
  return m;
}

std::string write_idp_metadata(const std::string& entity_id, const std::string& sso_url, const std::string& slo_url,
                               const Bytes& certificate_der) {
  const std::string sso = xml_escape(sso_url), slo = xml_escape(slo_url);
  return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n") +
         "<md:EntityDescriptor xmlns:md=\"" + kMetadataNs + "\" entityID=\"" + xml_escape(entity_id) + "\">\n"
         "  <md:IDPSSODescriptor WantAuthnRequestsSigned=\"false\" protocolSupportEnumeration=\"" + kProtocolNs + "\">\n"
         "    <md:KeyDescriptor use=\"signing\">\n"
         "      <ds:KeyInfo xmlns:ds=\"" + kDsigNs + "\">\n"
         "        <ds:X509Data>\n"
         "          <ds:X509Certificate>" + base64_encode(certificate_der) + "</ds:X509Certificate>\n"
         "        </ds:X509Data>\n"
         "      </ds:KeyInfo>\n"
         "    </md:KeyDescriptor>\n"
         "    <md:SingleLogoutService Binding=\"" + kRedirectBinding + "\" Location=\"" + slo + "\"/>\n"
         "    <md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</md:NameIDFormat>\n"
         "    <md:SingleSignOnService Binding=\"" + kRedirectBinding + "\" Location=\"" + sso + "\"/>\n"
         "    <md:SingleSignOnService Binding=\"" + kPostBinding + "\" Location=\"" + sso + "\"/>\n"
         "  </md:IDPSSODescriptor>\n"
         "</md:EntityDescriptor>\n";
}

}  // namespace userpool::saml
