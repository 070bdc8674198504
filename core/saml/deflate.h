// Raw DEFLATE (RFC 1951), as the SAML HTTP-Redirect binding carries a
// message: deflated, then base64, then URL-encoded (SAML Bindings 3.4.4.1).
// zlib does the work.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace userpool::saml {

std::string deflate_raw(std::string_view data);
// nullopt when the data is not raw DEFLATE or inflates past `max_bytes`
// (a small message can inflate a thousandfold: the limit stops that).
std::optional<std::string> inflate_raw(std::string_view data, std::size_t max_bytes);

}  // namespace userpool::saml
