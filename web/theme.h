// Colours, spacing and rounding of the app, scaled for the screen, in a
// light and a dark variant. The header bar stays dark in both, as the AWS
// console's does.
#pragma once

namespace userpool::web {

enum class Theme { kLight, kDark };

// Applies the current theme to the current ImGui style, with every size
// multiplied by `scale` (device pixels per CSS pixel).
void apply_theme(float scale);

// Switches theme, re-applying it at the scale last applied.
void set_theme(Theme theme);
Theme current_theme();

// "light" / "dark", as saved in the browser; anything else reads as light.
const char* theme_name(Theme theme);
Theme theme_from_name(const char* name);

}  // namespace userpool::web
