#include "tests/web/screen_text.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <tuple>

#include "imgui.h"
#include "imgui_internal.h"

namespace userpool::test {
namespace {

// A glyph of the atlas, found by the texture coordinates of its top-left
// corner (ImGui copies them into the quad's first vertex unchanged).
struct AtlasGlyph {
  const ImFont* font;
  const ImFontGlyph* glyph;
};

using UvKey = std::pair<std::uint32_t, std::uint32_t>;

UvKey uv_key(float u, float v) {
  std::uint32_t a = 0, b = 0;
  std::memcpy(&a, &u, sizeof a);
  std::memcpy(&b, &v, sizeof b);
  return {a, b};
}

std::map<UvKey, AtlasGlyph> atlas_glyphs() {
  std::map<UvKey, AtlasGlyph> out;
  const ImFontAtlas* atlas = ImGui::GetIO().Fonts;
  for (const ImFont* font : atlas->Fonts)
    for (const ImFontGlyph& g : font->Glyphs)
      if (g.Visible) out.try_emplace(uv_key(g.U0, g.V0), AtlasGlyph{font, &g});
  return out;
}

// Reads the glyph quads of one draw command into runs.
void read_command(const ImDrawList* list, const ImDrawCmd& cmd, const std::map<UvKey, AtlasGlyph>& atlas,
                  std::vector<TextRun>& runs) {
  const ImDrawIdx* idx = list->IdxBuffer.Data + cmd.IdxOffset;
  const ImDrawVert* vtx = list->VtxBuffer.Data + cmd.VtxOffset;
  TextRun* run = nullptr;
  float pen = 0;
  // ImGui writes a glyph as 4 vertices and 6 indices: a b c, a c d.
  for (unsigned i = 0; i + 6 <= cmd.ElemCount; ++i) {
    const unsigned a = idx[i];
    if (idx[i + 1] != a + 1 || idx[i + 2] != a + 2 || idx[i + 3] != a || idx[i + 4] != a + 2 || idx[i + 5] != a + 3)
      continue;
    const ImDrawVert& top_left = vtx[a];
    const ImDrawVert& bottom_right = vtx[a + 2];
    const auto found = atlas.find(uv_key(top_left.uv.x, top_left.uv.y));
    if (found == atlas.end()) continue;
    const ImFontGlyph& g = *found->second.glyph;
    if (vtx[a + 1].uv.y != g.V0 || bottom_right.uv.y > g.V1 + 1e-6f) continue;
    i += 5;
    const float height = bottom_right.pos.y - top_left.pos.y;
    const float scale = g.Y1 > g.Y0 && height > 0 ? height / (g.Y1 - g.Y0) : 1.0f;
    const float line_top = top_left.pos.y - g.Y0 * scale;
    const float size = found->second.font->FontSize * scale;
    // ImGui clips a glyph that overhangs a frame by shrinking the quad and
    // its texture coordinates (buttons, fields); a glyph kept whole across
    // the clip edge is cut by the scissor instead.
    const bool fine_clipped = bottom_right.uv.x < g.U1 - 1e-6f;
    const bool crosses = bottom_right.pos.x > cmd.ClipRect.z + 0.5f && top_left.pos.x < cmd.ClipRect.z;
    // Where the glyph's pen position was, and where the previous glyph left
    // it: a gap between them is a space (or more).
    const float origin = top_left.pos.x - g.X0 * scale;
    const bool same_run = run != nullptr && run->font == found->second.font && std::fabs(run->line_top - line_top) < 0.5f &&
                          origin >= pen - size * 0.3f && origin - pen < size * 1.2f;
    if (!same_run) {
      runs.push_back(TextRun{});
      run = &runs.back();
      run->x0 = top_left.pos.x;
      run->y0 = top_left.pos.y;
      run->x1 = bottom_right.pos.x;
      run->y1 = bottom_right.pos.y;
      run->line_top = line_top;
      run->font_size = size;
      run->font = found->second.font;
      run->draw_list = list;
      run->clip_x0 = cmd.ClipRect.x;
      run->clip_y0 = cmd.ClipRect.y;
      run->clip_x1 = cmd.ClipRect.z;
      run->clip_y1 = cmd.ClipRect.w;
      run->first_vertex = static_cast<int>(cmd.VtxOffset + a);
    } else if (origin - pen > size * 0.15f) {
      run->text += ' ';
    }
    pen = origin + g.AdvanceX * scale;
    char utf8[5];
    run->text += ImTextCharToUtf8(utf8, g.Codepoint);
    run->x0 = std::min(run->x0, top_left.pos.x);
    run->y0 = std::min(run->y0, top_left.pos.y);
    run->x1 = std::max(run->x1, bottom_right.pos.x);
    run->y1 = std::max(run->y1, bottom_right.pos.y);
    run->cut_at_right = run->cut_at_right || fine_clipped || crosses;
    run->end_vertex = static_cast<int>(cmd.VtxOffset + a + 4);
  }
}

}  // namespace

std::vector<TextRun> read_screen_text() {
  std::vector<TextRun> runs;
  const ImDrawData* data = ImGui::GetDrawData();
  if (data == nullptr) return runs;
  const auto atlas = atlas_glyphs();
  for (int l = 0; l < data->CmdListsCount; ++l) {
    const ImDrawList* list = data->CmdLists[l];
    for (const ImDrawCmd& cmd : list->CmdBuffer)
      if (cmd.UserCallback == nullptr) read_command(list, cmd, atlas, runs);
  }
  return runs;
}

std::vector<std::string> screen_lines() {
  std::vector<TextRun> runs;
  for (TextRun& r : read_screen_text())
    if (r.visible()) runs.push_back(std::move(r));
  std::stable_sort(runs.begin(), runs.end(), [](const TextRun& a, const TextRun& b) {
    return std::tie(a.draw_list, a.line_top, a.x0) < std::tie(b.draw_list, b.line_top, b.x0);
  });
  std::vector<std::string> lines;
  const TextRun* last = nullptr;
  for (const TextRun& r : runs) {
    const bool same_line = last != nullptr && last->draw_list == r.draw_list && std::fabs(last->line_top - r.line_top) < 2 &&
                           r.x0 - last->x1 < r.font_size * 1.5f;
    if (same_line)
      lines.back() += (r.x0 - last->x1 > r.font_size * 0.13f ? " " : "") + r.text;
    else
      lines.push_back(r.text);
    last = &r;
  }
  return lines;
}

bool screen_shows(std::string_view text) {
  const auto lines = screen_lines();
  return std::any_of(lines.begin(), lines.end(), [&](const std::string& l) { return l.find(text) != std::string::npos; });
}

}  // namespace userpool::test

namespace userpool::test {

std::string screen_text() {
  std::string text;
  for (const std::string& line : screen_lines()) text += line + " ";
  return text;
}

}  // namespace userpool::test
