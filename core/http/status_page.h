// The page a person sees opening the endpoint's address in a browser: the
// user pools with their app clients and users, and the latest messages with
// their codes, read through the door. Plain HTML, no script.
#pragma once

#include <string>
#include <string_view>

#include "core/api/door.h"

namespace userpool {

// `host` is the Host the browser asked for (for the example commands);
// empty when unknown.
std::string status_page(Door& door, std::string_view host);

}  // namespace userpool
