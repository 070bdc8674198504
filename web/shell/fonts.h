// The app's fonts, compiled into the binary (no file system in the page).
#pragma once

struct ImFont;

namespace userpool::web {

struct Fonts {
  ImFont* body = nullptr;     // running text and widgets (Noto Sans + DejaVu symbols)
  ImFont* heading = nullptr;  // titles (Noto Sans Bold)
  ImFont* mono = nullptr;     // identifiers, JSON, tokens (DejaVu Sans Mono)
  ImFont* bold = nullptr;     // **bold** in lesson texts (Noto Sans Bold, body size)
};

// Body text size in CSS pixels.
inline constexpr float kBodyTextSize = 16.0f;

// Clears the current ImGui font atlas and fills it for a screen with `scale`
// device pixels per CSS pixel, so glyphs are rasterized at the screen's own
// resolution (sharp on HiDPI). The caller uploads the atlas texture.
Fonts load_fonts(float scale);

}  // namespace userpool::web
