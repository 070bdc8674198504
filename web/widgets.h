// Small drawing helpers shared by the panels.
#pragma once

struct ImFont;

namespace userpool::web {

// A white rounded card around whatever is drawn between begin_card() and
// end_card(), sized to its content (ImGui 1.86 child windows cannot size
// themselves to fit). `width` is the card's outer width in pixels. Cards may
// not nest.
void begin_card(float width);
void end_card();
// A horizontal rule across the open card (ImGui::Separator would run to the
// window's edge).
void card_separator();

// Text in `font` (falls back to the current font when null).
void text_in(ImFont* font, const char* text);

}  // namespace userpool::web
