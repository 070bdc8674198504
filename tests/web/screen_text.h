// The text the last frame showed, read back from ImGui's draw data as a
// screen reader would read the screen: every glyph quad is matched to the
// font atlas, and glyphs drawn one after another on one line become a run.
// Tests use it to check what a learner reads (a caption, a message) and where
// it lies (tests/web/layout_check.h).
#pragma once

#include <string>
#include <string_view>
#include <vector>

struct ImDrawList;
struct ImFont;

namespace userpool::test {

struct TextRun {
  std::string text;  // UTF-8; gaps wider than a narrow space read as one space
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // the glyphs' box, display pixels
  float line_top = 0;   // where the line the glyphs sit on starts
  float font_size = 0;  // the size the run was drawn at
  const ImFont* font = nullptr;
  const ImDrawList* draw_list = nullptr;
  float clip_x0 = 0, clip_y0 = 0, clip_x1 = 0, clip_y1 = 0;  // what the run was clipped to
  // A glyph crosses the clip rectangle's right edge: the text is cut there.
  bool cut_at_right = false;
  // Its vertices in the draw list: [first_vertex, end_vertex).
  int first_vertex = 0, end_vertex = 0;
  // Whether any of it is inside its clip rectangle (on screen).
  bool visible() const { return x1 > clip_x0 && x0 < clip_x1 && y1 > clip_y0 && y0 < clip_y1; }
};

// Every run of the last frame drawn (ImGui::GetDrawData()), in drawing order
// within each draw list. Glyphs ImGui clipped on the left or top to fit a
// frame (a scrolled text field) are left out.
std::vector<TextRun> read_screen_text();

// The visible runs of the last frame joined into lines (runs on one line,
// close together), top to bottom.
std::vector<std::string> screen_lines();

// Whether a visible line of the last frame contains `text`.
bool screen_shows(std::string_view text);

// The visible lines of the last frame as one text, joined by spaces, so a
// sentence wrapped over lines can be looked for whole.
std::string screen_text();

}  // namespace userpool::test
