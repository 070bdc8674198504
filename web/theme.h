// Colours, spacing and rounding of the app, scaled for the screen.
#pragma once

namespace userpool::web {

// Applies the light theme to the current ImGui style, with every size
// multiplied by `scale` (device pixels per CSS pixel).
void apply_theme(float scale);

}  // namespace userpool::web
