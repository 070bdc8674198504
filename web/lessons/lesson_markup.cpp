#include "web/lessons/lesson_markup.h"

#include "imgui.h"
#include "web/shell/ui_context.h"
#include "web/shell/widgets.h"

namespace userpool::web {
namespace {

// Splits one paragraph's text into runs of the three styles.
std::vector<MarkupRun> parse_runs(std::string_view text) {
  std::vector<MarkupRun> runs;
  std::string plain;
  auto flush = [&] {
    if (!plain.empty()) runs.push_back({MarkupRun::Style::kPlain, std::move(plain)});
    plain.clear();
  };
  std::size_t i = 0;
  while (i < text.size()) {
    if (text.compare(i, 2, "**") == 0) {
      const std::size_t end = text.find("**", i + 2);
      if (end != std::string_view::npos && end > i + 2) {
        flush();
        runs.push_back({MarkupRun::Style::kBold, std::string(text.substr(i + 2, end - i - 2))});
        i = end + 2;
        continue;
      }
    } else if (text[i] == '`') {
      const std::size_t end = text.find('`', i + 1);
      if (end != std::string_view::npos && end > i + 1) {
        flush();
        runs.push_back({MarkupRun::Style::kCode, std::string(text.substr(i + 1, end - i - 1))});
        i = end + 1;
        continue;
      }
    }
    plain += text[i++];
  }
  flush();
  return runs;
}

ImFont* font_for(const UiContext& ctx, MarkupRun::Style style) {
  switch (style) {
    case MarkupRun::Style::kBold: return ctx.fonts.bold;
    case MarkupRun::Style::kCode: return ctx.fonts.mono;
    case MarkupRun::Style::kPlain: break;
  }
  return nullptr;
}

// Draws runs word by word, starting a new line when the next word would
// pass the right edge. Spaces stay with the word before them.
void draw_runs(const UiContext& ctx, const std::vector<MarkupRun>& runs, float left, float right) {
  bool first = true;
  for (const MarkupRun& run : runs) {
    ImFont* font = font_for(ctx, run.style);
    if (font != nullptr) ImGui::PushFont(font);
    std::size_t i = 0;
    while (i < run.text.size()) {
      std::size_t end = run.text.find(' ', i);
      end = end == std::string::npos ? run.text.size() : end + 1;
      const std::string word = run.text.substr(i, end - i);
      i = end;
      const float width = ImGui::CalcTextSize(word.c_str()).x;
      if (!first) {
        ImGui::SameLine(0, 0);
        if (ImGui::GetCursorPosX() + width > right && ImGui::GetCursorPosX() > left) ImGui::NewLine();
      }
      if (ImGui::GetCursorPosX() < left) ImGui::SetCursorPosX(left);
      if (run.style == MarkupRun::Style::kCode) {
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const ImVec2 size = ImGui::CalcTextSize(word.c_str());
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(at.x - 1, at.y), ImVec2(at.x + size.x + 1, at.y + size.y),
                                                  ImGui::GetColorU32(ImGuiCol_FrameBg), 2.0f);
      }
      ImGui::TextUnformatted(word.c_str());
      first = false;
    }
    if (font != nullptr) ImGui::PopFont();
  }
}

}  // namespace

std::vector<MarkupBlock> parse_markup(std::string_view text) {
  std::vector<MarkupBlock> blocks;
  std::string paragraph;
  auto flush = [&] {
    if (!paragraph.empty()) blocks.push_back({false, parse_runs(paragraph)});
    paragraph.clear();
  };
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    if (line.empty()) {
      flush();
    } else if (line.starts_with("- ")) {
      flush();
      blocks.push_back({true, parse_runs(line.substr(2))});
    } else {
      if (!paragraph.empty()) paragraph += ' ';
      paragraph += line;
    }
    start = end + 1;
  }
  flush();
  return blocks;
}

void draw_markup(const UiContext& ctx, std::string_view text) {
  const float left = ImGui::GetCursorPosX();
  // The space of what holds the text (a card, a column), not the window's.
  const float right = left + width_left();
  const float indent = ImGui::GetFontSize() * 1.6f;
  const float gap = ImGui::GetStyle().ItemSpacing.y;
  // Lines of a paragraph one line height apart, as wrapped text is; a word
  // longer than the whole line wraps inside it, nothing else does.
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ImGui::GetStyle().ItemSpacing.x, 0));
  ImGui::PushTextWrapPos(right);
  bool previous_was_item = false;
  bool first = true;
  for (const MarkupBlock& block : parse_markup(text)) {
    if (!first) ImGui::Dummy(ImVec2(0, block.list_item && previous_was_item ? gap * 0.5f : gap));
    first = false;
    ImGui::SetCursorPosX(left);
    if (block.list_item) {
      ImGui::Bullet();
      ImGui::SameLine(0, 0);
      ImGui::SetCursorPosX(left + indent);
    }
    draw_runs(ctx, block.runs, block.list_item ? left + indent : left, right);
    previous_was_item = block.list_item;
  }
  ImGui::PopTextWrapPos();
  ImGui::PopStyleVar();
  ImGui::Dummy(ImVec2(0, 0));  // the usual space before what follows
}

}  // namespace userpool::web
