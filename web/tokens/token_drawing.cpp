#include "web/tokens/token_drawing.h"

#include <algorithm>

#include "imgui.h"

namespace userpool::web {

void draw_compact_token(ImFont* mono, const std::string& token, float width) {
  if (mono != nullptr) ImGui::PushFont(mono);
  // Pasted garbage may hold multi-byte characters, which the per-character
  // layout below does not measure; plain wrapped text is good enough for it.
  if (std::any_of(token.begin(), token.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; })) {
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    ImGui::TextUnformatted(token.data(), token.data() + token.size());
    ImGui::PopTextWrapPos();
    if (mono != nullptr) ImGui::PopFont();
    return;
  }
  ImFont* font = ImGui::GetFont();
  const float size = ImGui::GetFontSize(), line_height = ImGui::GetTextLineHeight();
  const float scale = size / font->FontSize;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const unsigned dot_colour = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  float x = 0, y = 0, run_x = 0;
  std::size_t run_start = 0;
  unsigned run_colour = 0;
  int part = 0;
  // Only a JWS has jwt.io's three parts; of anything else (a refresh
  // token's five) only the header is readable, so the rest stays grey.
  const bool jws = std::count(token.begin(), token.end(), '.') == 2;
  // Draws the characters since run_start, which share a line and a colour.
  const auto flush = [&](std::size_t end) {
    if (end > run_start)
      draw->AddText(font, size, ImVec2(origin.x + run_x, origin.y + y), run_colour, token.data() + run_start,
                    token.data() + end);
  };
  for (std::size_t i = 0; i < token.size(); ++i) {
    const char c = token[i];
    unsigned colour = dot_colour;
    if (c != '.') colour = jws || part == 0 ? kPartColours[std::min(part, 2)] : colors::grey();
    const float advance = font->GetCharAdvance(static_cast<ImWchar>(c)) * scale;
    const bool wrap = x > 0 && x + advance > width;
    if (i == 0 || wrap || colour != run_colour) {
      flush(i);
      if (wrap) x = 0, y += line_height;
      run_start = i, run_x = x, run_colour = colour;
    }
    x += advance;
    if (c == '.') ++part;
  }
  flush(token.size());
  ImGui::Dummy(ImVec2(width, y + line_height));
  if (mono != nullptr) ImGui::PopFont();
}

bool begin_claims_table(const char* id, const char* first_column, float name_width, float width, const char* third_column) {
  constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable(id, 3, kFlags, ImVec2(width, 0))) return false;
  ImGui::TableSetupColumn(first_column, ImGuiTableColumnFlags_WidthFixed, name_width);
  ImGui::TableSetupColumn("Value", ImGuiTableColumnFlags_WidthStretch, 1.0f);
  ImGui::TableSetupColumn(third_column, ImGuiTableColumnFlags_WidthStretch, 1.3f);
  ImGui::TableHeadersRow();
  ImGui::PushTextWrapPos(0.0f);  // wrap at the right edge of each cell
  return true;
}

void end_claims_table() {
  ImGui::PopTextWrapPos();
  ImGui::EndTable();
}

float name_column_width(ImFont* mono, const Json& members) {
  if (mono != nullptr) ImGui::PushFont(mono);
  float width = ems(4);
  for (const auto& member : members.items()) width = std::max(width, ImGui::CalcTextSize(member.key().c_str()).x);
  if (mono != nullptr) ImGui::PopFont();
  return std::min(width, ems(11));
}

void wrapped_in(ImFont* font, const std::string& text, unsigned colour) {
  if (font != nullptr) ImGui::PushFont(font);
  if (colour != 0) ImGui::PushStyleColor(ImGuiCol_Text, colour);
  ImGui::TextUnformatted(text.data(), text.data() + text.size());
  if (colour != 0) ImGui::PopStyleColor();
  if (font != nullptr) ImGui::PopFont();
}

}  // namespace userpool::web
