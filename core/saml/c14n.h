// Exclusive XML Canonicalization 1.0 without comments (W3C, "Exclusive XML
// Canonicalization Version 1.0"): the one byte form of an element that an
// XML signature's digest and signature are computed over, whatever the
// quoting, attribute order or namespace declarations of the text it came
// from. Only the namespaces an element or its attributes use are written,
// on the element where they are first used; attributes are sorted by
// namespace URI then local name; text and attribute values are escaped as
// the specification says; comments are left out. (No InclusiveNamespaces
// prefix list: the signatures here name none.)
#pragma once

#include <string>

#include <pugixml.hpp>
#include <tl/expected.hpp>

namespace userpool::saml {

// The canonical form of `element` and its content, without `leave_out`
// (the Signature inside it, for the enveloped-signature transform). An
// error when a prefix is used that nothing declares.
tl::expected<std::string, std::string> exclusive_c14n(const pugi::xml_node& element, const pugi::xml_node& leave_out = {});

}  // namespace userpool::saml
