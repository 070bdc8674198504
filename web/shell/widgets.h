// Small drawing helpers shared by the panels.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/base/json.h"

struct ImFont;
struct ImDrawList;

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
// The space between a card's edge and its contents.
float card_padding();
// The width from the cursor to the right edge of what holds it: the open
// card's content, else the window's. ImGui's GetContentRegionAvail() knows
// only the window, so a table or a paragraph in a card sized by it would run
// past the card.
float width_left();

// Where each card of the current frame was drawn, for the UI tests' layout
// check (tests/web/layout_check.h): its rectangle, and the vertices its
// content added to the window's draw list (they must all lie inside it).
struct DrawnCard {
  const ImDrawList* draw_list = nullptr;
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  int first_vertex = 0, end_vertex = 0;
};
const std::vector<DrawnCard>& cards_drawn();

// Text in `font` (falls back to the current font when null).
void text_in(ImFont* font, const char* text);
// `text` cut to `width` in the current font, ending in "..." when it had
// to be cut.
std::string fit_text(const std::string& text, float width);
// `text` (one line, no spaces: a URL, an ARN) broken into lines no wider
// than `width` in the current font, each ending after a "/" or ":" where
// one falls in its last two thirds.
std::string break_lines(const std::string& text, float width);
// Text cut to `width` with "..." when longer, the whole of it in a tooltip
// (a table cell, a list entry).
void text_fitted(const std::string& text, float width);

// Labelled rows, their values lined up in one column across the app.
// The column where a row's value or field starts (from the left of what
// holds it, a card or the window).
float row_field_x();
// The label of a form row, left of its field; the field follows on the same line.
void row_label(const char* label);
// A read-only row: a grey label, then the value wrapped in the space left
// (in `font` when not null).
void value_row(const char* label, const std::string& value, ImFont* font = nullptr);
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

// A value in the mono font with a "Copy" button beside it (IDs, secrets,
// URLs), as a row when `label` is given. A value too long for the line goes
// on the lines below, whole, the button staying beside the label.
void copyable_value(UiContext& ctx, const char* label, const std::string& value, const char* id);
// A coloured pill (user status, outcome).
void badge(const std::string& text, unsigned color);
unsigned status_color(std::string_view status);  // CONFIRMED green, UNCONFIRMED amber, ...

// A small padlock with a tooltip: the setting cannot change after creation.
// Sits on the text baseline of its line (beside a checkbox or a heading).
void lock_mark();

// Read-only, selectable text in the mono font (JSON, a request on the wire),
// never wrapped: a pane as wide as the space left and at most `max_height`
// tall (shorter when the text is), with scroll bars for what does not fit.
// The mouse wheel scrolls the page, not the pane, unless the pane is full.
void code_view(UiContext& ctx, const char* id, const std::string& text, float max_height);
// Pretty JSON in a code_view.
void json_view(UiContext& ctx, const char* id, const Json& value, float max_height);

// Marks the tab just begun (BeginTabItem answered true) as the selected one,
// with an underline in the accent colour, as the AWS console does.
void underline_selected_tab();

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
// light and dark values are in web/shell/theme.cpp), so each is read per frame.
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
