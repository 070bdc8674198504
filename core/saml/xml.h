// XML as SAML uses it, read with pugixml: a parser that refuses what SAML
// never needs and attackers use (a DOCTYPE and its entities, huge or deeply
// nested documents), and namespace-aware lookups over pugixml's plain
// "prefix:name" elements, so <saml:Issuer> and <Issuer xmlns="..."> are the
// same element to the readers (core/saml/saml_metadata.h, saml_response.h).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>
#include <tl/expected.hpp>

namespace userpool::saml {

// The namespaces SAML documents use.
inline constexpr const char* kProtocolNs = "urn:oasis:names:tc:SAML:2.0:protocol";
inline constexpr const char* kAssertionNs = "urn:oasis:names:tc:SAML:2.0:assertion";
inline constexpr const char* kMetadataNs = "urn:oasis:names:tc:SAML:2.0:metadata";
inline constexpr const char* kDsigNs = "http://www.w3.org/2000/09/xmldsig#";

// The most a document may be (a metadata file with several certificates is
// some tens of kilobytes) and the deepest it may nest.
inline constexpr std::size_t kMaxXmlBytes = 1 << 20;
inline constexpr int kMaxXmlDepth = 48;

// A parsed document (pugixml's documents cannot be copied).
using XmlDocument = std::shared_ptr<pugi::xml_document>;

// Parses a document, whitespace kept (signatures cover it). An error in
// words for a malformed, oversized or too deeply nested document and for
// any DOCTYPE.
tl::expected<XmlDocument, std::string> parse_xml(std::string_view text);

// An element's local name ("Issuer" for saml:Issuer) and its namespace URI
// (from the xmlns declarations on it and its ancestors; empty if none).
std::string_view local_name(const pugi::xml_node& node);
std::string namespace_of(const pugi::xml_node& node);
// The URI a prefix stands for at an element ("" for the default namespace).
std::string namespace_uri(const pugi::xml_node& at, std::string_view prefix);
// Whether an element is {ns}local.
bool is_element(const pugi::xml_node& node, std::string_view ns, std::string_view local);
// Its child elements that are {ns}local.
std::vector<pugi::xml_node> children(const pugi::xml_node& parent, std::string_view ns, std::string_view local);
// The one such child, or an empty node when there is none or more than one.
pugi::xml_node only_child(const pugi::xml_node& parent, std::string_view ns, std::string_view local);
// The prefix of a qualified name ("saml" for saml:Issuer; empty for none).
std::string_view prefix_of(std::string_view qualified_name);
// Text without its spaces, tabs and line breaks (base64 in XML is often wrapped).
std::string without_whitespace(std::string text);

// An element's text content (its text children joined), trimmed.
std::string text_of(const pugi::xml_node& node);

// A document laid out for reading, one element a line and indented by
// depth; the error of parse_xml when it does not parse. Only for showing:
// the layout changes the bytes a signature covers.
tl::expected<std::string, std::string> indented_xml(std::string_view text);

// Text escaped for an XML attribute value or element content.
std::string xml_escape(std::string_view text);

}  // namespace userpool::saml
