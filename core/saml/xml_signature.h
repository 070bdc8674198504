// Enveloped XML signatures (W3C XML Signature Syntax and Processing) as
// SAML uses them: an element with an ID attribute carries a ds:Signature
// whose one Reference (URI="#<ID>") covers the element itself, minus the
// signature (the enveloped-signature transform), in its exclusive
// canonical form (core/saml/c14n.h); SHA-256 digest, RSA-SHA256 signature.
//
// Verification is strict where signature-wrapping attacks live: the
// Reference must name the very element being read, no other element of
// the document may carry the same ID, only the two transforms above are
// taken, and the key is the one the metadata holds, never one the message
// brings in its KeyInfo.
#pragma once

#include <string>
#include <vector>

#include <pugixml.hpp>
#include <tl/expected.hpp>

#include "core/crypto/certificate.h"

namespace userpool::saml {

// Signs `element` (which has an ID attribute): a ds:Signature is inserted
// after `after` (a child of `element`: SAML puts it right after the
// Issuer), with the certificate in its KeyInfo.
void sign_enveloped(pugi::xml_node element, const pugi::xml_node& after, const RsaKey& key, const Bytes& certificate_der);

// Checks the signature `element` carries against any of `trusted`. An
// error in words when there is none, or it does not cover `element`, or it
// does not verify.
tl::expected<void, std::string> verify_enveloped(const pugi::xml_node& element, const std::vector<Certificate>& trusted);

// The element's ds:Signature child, if it has one.
pugi::xml_node signature_of(const pugi::xml_node& element);

}  // namespace userpool::saml
