// Text made safe to place in HTML: in an element's content or a quoted
// attribute value (& < > " ' escaped). Every page the sandbox writes (the
// endpoint's status page, the hosted UI) puts what users and administrators
// typed through this.
#pragma once

#include <string>
#include <string_view>

namespace userpool {

std::string html_escape(std::string_view text);
// The reverse of html_escape: its five escapes back to their characters
// (other entities are left as written).
std::string html_unescape(std::string_view text);

}  // namespace userpool
