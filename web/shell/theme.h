// Colours, spacing and rounding of the app, scaled for the screen, in a
// light and a dark variant. The header bar stays dark in both, as the AWS
// console's does.
#pragma once

#include <vector>

namespace userpool::web {

enum class Theme { kLight, kDark };

// The colours that are the same in both themes (0xRRGGBB): the dark header
// bar and its buttons, and the notices at the bottom of the window.
namespace chrome {
inline constexpr unsigned kHeaderBar = 0x232f3e;
inline constexpr unsigned kHeaderButton = 0x3b4a5c;
inline constexpr unsigned kHeaderButtonHovered = 0x4b5d72;
inline constexpr unsigned kHeaderButtonBorder = 0x5f6b7a;
inline constexpr unsigned kErrorNotice = 0xd91515;
inline constexpr unsigned kWhite = 0xffffff;
}  // namespace chrome

// Applies the current theme to the current ImGui style, with every size
// multiplied by `scale` (device pixels per CSS pixel).
void apply_theme(float scale);

// Switches theme, re-applying it at the scale last applied.
void set_theme(Theme theme);
Theme current_theme();

// Each pairing of a text colour with the fill the app draws it on, in
// `theme`, as 0xRRGGBB: what a contrast check must pass (WCAG AA, 4.5:1).
struct ColourPair {
  const char* what;
  unsigned text, fill;
};
std::vector<ColourPair> text_on_fill_pairs(Theme theme);

// "light" / "dark", as saved in the browser; anything else reads as light.
const char* theme_name(Theme theme);
Theme theme_from_name(const char* name);

}  // namespace userpool::web
