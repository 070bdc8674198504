#include "core/saml/xml.h"
#include "core/base/text.h"

#include <sstream>

#include "core/base/html.h"

namespace userpool::saml {
namespace {

// The depth of the deepest element, counted without recursion.
int depth_of(const pugi::xml_node& root) {
  int deepest = 0;
  struct Walker : pugi::xml_tree_walker {
    int* deepest;
    explicit Walker(int* d) : deepest(d) {}
    bool for_each(pugi::xml_node&) override {
      if (depth() > *deepest) *deepest = depth();
      return *deepest <= kMaxXmlDepth;
    }
  } walker(&deepest);
  const_cast<pugi::xml_node&>(root).traverse(walker);
  return deepest;
}

}  // namespace

tl::expected<XmlDocument, std::string> parse_xml(std::string_view text) {
  if (text.size() > kMaxXmlBytes) return tl::unexpected("the document is over " + std::to_string(kMaxXmlBytes / 1024) + " KB");
  auto doc = std::make_shared<pugi::xml_document>();
  // Whitespace-only text is kept (a signature covers it); the DOCTYPE is
  // parsed only to be refused: SAML allows none, and its entities are how
  // documents explode (billion laughs) or reach files (XXE).
  const unsigned flags = pugi::parse_default | pugi::parse_ws_pcdata | pugi::parse_doctype;
  const pugi::xml_parse_result r = doc->load_buffer(text.data(), text.size(), flags, pugi::encoding_utf8);
  if (!r) return tl::unexpected("the XML is malformed (" + std::string(r.description()) + " at byte " + std::to_string(r.offset) + ")");
  for (const pugi::xml_node& n : doc->children())
    if (n.type() == pugi::node_doctype) return tl::unexpected(std::string("the XML has a DOCTYPE, which SAML does not allow"));
  if (!doc->document_element()) return tl::unexpected(std::string("the XML has no element"));
  if (depth_of(*doc) > kMaxXmlDepth) return tl::unexpected("the XML nests deeper than " + std::to_string(kMaxXmlDepth) + " elements");
  return doc;
}

tl::expected<std::string, std::string> indented_xml(std::string_view text) {
  if (auto checked = parse_xml(text); !checked) return tl::unexpected(checked.error());
  // Read again without the whitespace between elements, which the layout replaces.
  pugi::xml_document doc;
  doc.load_buffer(text.data(), text.size(), pugi::parse_default, pugi::encoding_utf8);
  std::ostringstream out;
  doc.save(out, "  ", pugi::format_indent | pugi::format_no_declaration, pugi::encoding_utf8);
  return out.str();
}

std::string_view prefix_of(std::string_view qualified_name) {
  const auto colon = qualified_name.find(':');
  return colon == std::string_view::npos ? std::string_view{} : qualified_name.substr(0, colon);
}

std::string without_whitespace(std::string text) {
  std::erase_if(text, [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; });
  return text;
}

std::string_view local_name(const pugi::xml_node& node) {
  const std::string_view name = node.name();
  const auto colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

std::string namespace_uri(const pugi::xml_node& at, std::string_view prefix) {
  if (prefix == "xml") return "http://www.w3.org/XML/1998/namespace";
  const std::string attribute = prefix.empty() ? std::string("xmlns") : "xmlns:" + std::string(prefix);
  for (pugi::xml_node n = at; n && n.type() == pugi::node_element; n = n.parent())
    if (const pugi::xml_attribute a = n.attribute(attribute.c_str())) return a.value();
  return {};
}

std::string namespace_of(const pugi::xml_node& node) { return namespace_uri(node, prefix_of(node.name())); }

bool is_element(const pugi::xml_node& node, std::string_view ns, std::string_view local) {
  return node.type() == pugi::node_element && local_name(node) == local && namespace_of(node) == ns;
}

std::vector<pugi::xml_node> children(const pugi::xml_node& parent, std::string_view ns, std::string_view local) {
  std::vector<pugi::xml_node> out;
  for (const pugi::xml_node& c : parent.children())
    if (is_element(c, ns, local)) out.push_back(c);
  return out;
}

pugi::xml_node only_child(const pugi::xml_node& parent, std::string_view ns, std::string_view local) {
  const auto found = children(parent, ns, local);
  return found.size() == 1 ? found.front() : pugi::xml_node();
}

std::string text_of(const pugi::xml_node& node) {
  std::string text;
  for (const pugi::xml_node& c : node.children())
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) text += c.value();
  return trimmed(text);
}

// HTML's escaping (& < > " ') is XML's as well.
std::string xml_escape(std::string_view text) { return html_escape(text); }

}  // namespace userpool::saml
