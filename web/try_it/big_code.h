// A one-time code drawn large in the mono font, as an authenticator app or a
// message preview shows it: easy to read across the room in a workshop.
#pragma once

#include <string>

struct ImFont;

namespace userpool::web {

// Draws `code` at 1.8 times the body size in `mono` (the current font when
// null), as one item; returns its height, to centre buttons beside it.
float big_code(ImFont* mono, const std::string& code, unsigned color);

}  // namespace userpool::web
