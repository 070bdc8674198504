#include "core/saml/xml_signature.h"

#include <algorithm>

#include "core/base/encoding.h"
#include "core/crypto/digest.h"
#include "core/saml/c14n.h"
#include "core/saml/xml.h"

namespace userpool::saml {
namespace {

constexpr const char* kExclusiveC14n = "http://www.w3.org/2001/10/xml-exc-c14n#";
constexpr const char* kEnveloped = "http://www.w3.org/2000/09/xmldsig#enveloped-signature";
constexpr const char* kRsaSha256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
constexpr const char* kSha256 = "http://www.w3.org/2001/04/xmlenc#sha256";

pugi::xml_node add_ds(pugi::xml_node parent, const char* local) { return parent.append_child((std::string("ds:") + local).c_str()); }

pugi::xml_node add_with_algorithm(pugi::xml_node parent, const char* local, const char* algorithm) {
  pugi::xml_node n = add_ds(parent, local);
  n.append_attribute("Algorithm") = algorithm;
  return n;
}

// Whether any element of the document other than `element` has this ID.
bool id_used_elsewhere(const pugi::xml_node& element, const std::string& id) {
  struct Finder : pugi::xml_tree_walker {
    const pugi::xml_node* element;
    const std::string* id;
    bool found = false;
    bool for_each(pugi::xml_node& n) override {
      if (n.type() != pugi::node_element || n == *element) return true;
      for (const char* name : {"ID", "Id", "id"})
        if (const pugi::xml_attribute a = n.attribute(name); a && *id == a.value()) found = true;
      return !found;
    }
  } finder;
  finder.element = &element;
  finder.id = &id;
  element.root().traverse(finder);
  return finder.found;
}

std::string algorithm_of(const pugi::xml_node& n) { return n.attribute("Algorithm").value(); }

}  // namespace

pugi::xml_node signature_of(const pugi::xml_node& element) { return only_child(element, kDsigNs, "Signature"); }

void sign_enveloped(pugi::xml_node element, const pugi::xml_node& after, const RsaKey& key, const Bytes& certificate_der) {
  const std::string id = element.attribute("ID").value();
  pugi::xml_node signature = after ? element.insert_child_after("ds:Signature", after) : element.prepend_child("ds:Signature");
  signature.append_attribute("xmlns:ds") = kDsigNs;
  pugi::xml_node signed_info = add_ds(signature, "SignedInfo");
  add_with_algorithm(signed_info, "CanonicalizationMethod", kExclusiveC14n);
  add_with_algorithm(signed_info, "SignatureMethod", kRsaSha256);
  pugi::xml_node reference = add_ds(signed_info, "Reference");
  reference.append_attribute("URI") = ("#" + id).c_str();
  pugi::xml_node transforms = add_ds(reference, "Transforms");
  add_with_algorithm(transforms, "Transform", kEnveloped);
  add_with_algorithm(transforms, "Transform", kExclusiveC14n);
  add_with_algorithm(reference, "DigestMethod", kSha256);
  pugi::xml_node digest = add_ds(reference, "DigestValue");
  // The digest of the element without its signature, then the signature of SignedInfo.
  digest.text() = base64_encode(sha256(to_bytes(exclusive_c14n(element, signature).value()))).c_str();
  add_ds(signature, "SignatureValue").text() = base64_encode(key.sign_rs256(to_bytes(exclusive_c14n(signed_info).value()))).c_str();
  add_ds(add_ds(add_ds(signature, "KeyInfo"), "X509Data"), "X509Certificate").text() = base64_encode(certificate_der).c_str();
}

tl::expected<void, std::string> verify_enveloped(const pugi::xml_node& element, const std::vector<Certificate>& trusted) {
  const auto signatures = children(element, kDsigNs, "Signature");
  if (signatures.empty()) return tl::unexpected("the " + std::string(local_name(element)) + " is not signed");
  if (signatures.size() > 1) return tl::unexpected("the " + std::string(local_name(element)) + " has more than one signature");
  const pugi::xml_node signature = signatures.front();
  const pugi::xml_node signed_info = only_child(signature, kDsigNs, "SignedInfo");
  if (!signed_info) return tl::unexpected(std::string("the signature has no SignedInfo"));
  if (algorithm_of(only_child(signed_info, kDsigNs, "CanonicalizationMethod")) != kExclusiveC14n)
    return tl::unexpected(std::string("the signature's canonicalization is not exclusive XML canonicalization"));
  if (algorithm_of(only_child(signed_info, kDsigNs, "SignatureMethod")) != kRsaSha256)
    return tl::unexpected(std::string("the signature's algorithm is not RSA-SHA256"));
  const auto references = children(signed_info, kDsigNs, "Reference");
  if (references.size() != 1) return tl::unexpected(std::string("the signature must have exactly one Reference"));
  const pugi::xml_node reference = references.front();
  const std::string id = element.attribute("ID").value();
  if (id.empty() || std::string(reference.attribute("URI").value()) != "#" + id)
    return tl::unexpected(std::string("the signature does not cover the element it is in (its Reference names another)"));
  if (id_used_elsewhere(element, id)) return tl::unexpected("another element of the document has the ID " + id);
  bool enveloped = false, exclusive = false;
  for (const pugi::xml_node& t : children(only_child(reference, kDsigNs, "Transforms"), kDsigNs, "Transform")) {
    const std::string algorithm = algorithm_of(t);
    if (algorithm == kEnveloped && !enveloped) enveloped = true;
    else if (algorithm == kExclusiveC14n && !exclusive) exclusive = true;
    else return tl::unexpected("the signature has a transform the sandbox does not take: " + algorithm);
  }
  if (!enveloped || !exclusive) return tl::unexpected(std::string("the signature's transforms must be enveloped-signature and exclusive canonicalization"));
  if (algorithm_of(only_child(reference, kDsigNs, "DigestMethod")) != kSha256)
    return tl::unexpected(std::string("the signature's digest is not SHA-256"));
  const auto digest = base64_decode(without_whitespace(text_of(only_child(reference, kDsigNs, "DigestValue"))));
  const auto content = exclusive_c14n(element, signature);
  if (!content) return tl::unexpected("the signed element cannot be canonicalized: " + content.error());
  if (!digest || *digest != sha256(to_bytes(*content))) return tl::unexpected(std::string("the digest does not match: the signed element was changed"));
  const auto value = base64_decode(without_whitespace(text_of(only_child(signature, kDsigNs, "SignatureValue"))));
  const auto info = exclusive_c14n(signed_info);
  if (!value || !info) return tl::unexpected(std::string("the signature value cannot be read"));
  for (const Certificate& c : trusted)
    if (c.public_key.verify_rs256(to_bytes(*info), *value)) return {};
  return tl::unexpected(std::string("the signature does not verify with the provider's signing certificate"));
}

}  // namespace userpool::saml
