#include "core/saml/c14n.h"

#include <algorithm>
#include <map>
#include <stdexcept>
#include <utility>
#include <vector>

#include "core/saml/xml.h"

namespace userpool::saml {
namespace {

std::string_view after_prefix(std::string_view name) {
  const auto colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}
bool is_namespace_declaration(std::string_view name) { return name == "xmlns" || name.starts_with("xmlns:"); }

void escape_text(std::string& out, std::string_view text) {
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '\r': out += "&#xD;"; break;
      default: out += c;
    }
  }
}

void escape_attribute(std::string& out, std::string_view value) {
  for (const char c : value) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '"': out += "&quot;"; break;
      case '\t': out += "&#x9;"; break;
      case '\n': out += "&#xA;"; break;
      case '\r': out += "&#xD;"; break;
      default: out += c;
    }
  }
}

struct Canonicalizer {
  pugi::xml_node leave_out;
  std::string out;

  // `rendered`: prefix -> URI as declared on the output ancestors ("" the default).
  void element(const pugi::xml_node& e, std::map<std::string, std::string> rendered) {
    // The namespaces this element visibly uses: its own prefix, and its attributes'.
    std::vector<std::string> used = {std::string(prefix_of(e.name()))};
    for (const pugi::xml_attribute& a : e.attributes()) {
      const std::string_view name = a.name();
      if (is_namespace_declaration(name)) continue;
      const std::string_view prefix = prefix_of(name);
      if (!prefix.empty() && prefix != "xml") used.emplace_back(prefix);
    }
    std::sort(used.begin(), used.end());
    used.erase(std::unique(used.begin(), used.end()), used.end());
    std::string declarations;
    for (const std::string& prefix : used) {  // "" (the default) sorts first, as the specification orders them
      const std::string uri = namespace_uri(e, prefix);
      if (!prefix.empty() && uri.empty()) throw std::invalid_argument("the prefix " + prefix + " is used but not declared");
      const auto it = rendered.find(prefix);
      const std::string before = it == rendered.end() ? std::string() : it->second;
      if (before == uri && (it != rendered.end() || prefix.empty())) continue;
      declarations += prefix.empty() ? " xmlns=\"" : " xmlns:" + prefix + "=\"";
      escape_attribute(declarations, uri);
      declarations += '"';
      rendered[prefix] = uri;
    }
    // Attributes by namespace URI, then local name (unqualified ones have no URI and come first).
    std::vector<std::pair<std::pair<std::string, std::string>, pugi::xml_attribute>> attributes;
    for (const pugi::xml_attribute& a : e.attributes()) {
      const std::string_view name = a.name();
      if (is_namespace_declaration(name)) continue;
      const std::string_view prefix = prefix_of(name);
      attributes.push_back({{prefix.empty() ? std::string() : namespace_uri(e, prefix), std::string(after_prefix(name))}, a});
    }
    std::sort(attributes.begin(), attributes.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
    out += '<';
    out += e.name();
    out += declarations;
    for (const auto& [key, a] : attributes) {
      out += ' ';
      out += a.name();
      out += "=\"";
      escape_attribute(out, a.value());
      out += '"';
    }
    out += '>';
    for (const pugi::xml_node& c : e.children()) {
      if (c == leave_out) continue;
      switch (c.type()) {
        case pugi::node_element: element(c, rendered); break;
        case pugi::node_pcdata:
        case pugi::node_cdata: escape_text(out, c.value()); break;
        case pugi::node_pi:
          out += "<?";
          out += c.name();
          if (*c.value() != '\0') {
            out += ' ';
            out += c.value();
          }
          out += "?>";
          break;
        default: break;  // comments are left out
      }
    }
    out += "</";
    out += e.name();
    out += '>';
  }
};

}  // namespace

tl::expected<std::string, std::string> exclusive_c14n(const pugi::xml_node& element, const pugi::xml_node& leave_out) {
  if (element.type() != pugi::node_element) return tl::unexpected(std::string("not an element"));
  Canonicalizer c{leave_out, {}};
  try {
    c.element(element, {});
  } catch (const std::invalid_argument& e) {
    return tl::unexpected(std::string(e.what()));
  }
  return std::move(c.out);
}

}  // namespace userpool::saml
