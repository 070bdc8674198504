// Small drawing helpers shared by the panels.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/json.h"

struct ImFont;

namespace userpool::web {

class UiContext;

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
// A heading line in the heading font.
void heading(const UiContext& ctx, const char* text);
// Grey explanatory text, wrapped.
void help_text(const char* text);
// An error line in red (a field's validation message).
void error_text(const std::string& text);

// The main action of a form: a filled blue button with white text.
bool primary_button(const char* label);
// A destructive action: red text.
bool danger_button(const char* label);

// A value in the mono font with a "Copy" button beside it (IDs, secrets, tokens).
void copyable_value(UiContext& ctx, const char* label, const std::string& value, const char* id);
// A coloured pill (user status, outcome).
void badge(const std::string& text, unsigned color);
unsigned status_color(std::string_view status);  // CONFIRMED green, UNCONFIRMED amber, ...

// A small padlock with a tooltip: the setting cannot change after creation.
void lock_mark();

// Pretty JSON, read-only but selectable, in the mono font.
void json_view(UiContext& ctx, const char* id, const Json& value, float height);

// A date from an API response (epoch seconds) as "2026-01-15 10:00:00 UTC";
// "-" when the value is not a number.
std::string date_text(const Json& epoch_seconds);

// Width of `ems` body-text heights, for laying out forms.
float ems(float count);

// An opaque colour from 0xRRGGBB, in ImGui's packed form.
constexpr unsigned rgb(unsigned hex) {
  return 0xff000000u | (hex & 0xffu) << 16 | (hex & 0xff00u) | (hex >> 16 & 0xffu);
}

// Colours used across panels. The status colours follow the theme (their
// light and dark values are in web/theme.cpp), so each is read per frame.
namespace colors {
unsigned green();
unsigned amber();
unsigned red();
unsigned blue();
unsigned grey();
unsigned primary_hovered();  // a primary button under the pointer
unsigned on_primary();       // text on a primary button
unsigned edited_field();     // a field changed by the learner (token inspector)
inline constexpr unsigned kWhite = rgb(0xffffff);  // text on the header bar and on notices
}  // namespace colors

}  // namespace userpool::web
