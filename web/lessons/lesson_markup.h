// The light markup of lesson texts: **bold**, `code`, lines starting with
// "- " as list items, a blank line between paragraphs. Parsing is plain C++
// (tested natively); drawing wraps words across fonts, which ImGui's own
// wrapped text cannot do.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace userpool::web {

struct MarkupRun {
  enum class Style { kPlain, kBold, kCode };
  Style style = Style::kPlain;
  std::string text;
};

struct MarkupBlock {
  bool list_item = false;  // drawn with a bullet
  std::vector<MarkupRun> runs;
};

// An unclosed ** or ` is kept as the characters written: a typo in a lesson
// shows as typed rather than swallowing the rest of the text.
std::vector<MarkupBlock> parse_markup(std::string_view text);

class UiContext;

// Draws marked-up text wrapped to the available width.
void draw_markup(const UiContext& ctx, std::string_view text);

}  // namespace userpool::web
