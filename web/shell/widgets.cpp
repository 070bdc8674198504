#include "web/shell/widgets.h"

#include <algorithm>
#include <cmath>

#include "core/base/clock.h"
#include "imgui.h"
#include "imgui_internal.h"
#include "imgui_stdlib.h"
#include "web/shell/ui_context.h"

namespace userpool::web {
namespace {

struct OpenCard {
  ImVec2 origin;
  float width = 0;
  bool open = false;
  int first_vertex = 0;
};
OpenCard g_card;  // at most one open card (see widgets.h)

// The cards of the frame being drawn (emptied when a new frame starts).
std::vector<DrawnCard>& this_frame_cards() {
  static std::vector<DrawnCard> cards;
  static int frame = -1;
  if (frame != ImGui::GetFrameCount()) {
    frame = ImGui::GetFrameCount();
    cards.clear();
  }
  return cards;
}

}  // namespace

float card_padding() { return ImGui::GetStyle().WindowPadding.x; }

float ems(float count) { return ImGui::GetFontSize() * count; }

std::string date_text(const Json& epoch_seconds) {
  if (!epoch_seconds.is_number()) return "-";
  const auto ms = static_cast<std::int64_t>(std::llround(epoch_seconds.get<double>() * 1000.0));
  std::string iso = to_iso8601(from_epoch_millis(ms));  // 2026-01-15T10:00:00.000Z
  return iso.substr(0, 10) + " " + iso.substr(11, 8) + " UTC";
}

void begin_card(float width) {
  IM_ASSERT(!g_card.open && "begin_card(): cards may not nest");
  ImDrawList* draw = ImGui::GetWindowDrawList();
  // Vertices are shared by the draw list's channels, so the content's are
  // the ones added from here until the fill is drawn.
  g_card = OpenCard{ImGui::GetCursorScreenPos(), width, true, draw->VtxBuffer.Size};
  draw->ChannelsSplit(2);
  draw->ChannelsSetCurrent(1);  // content above, the card's fill below
  const float pad = card_padding();
  ImGui::SetCursorScreenPos(ImVec2(g_card.origin.x + pad, g_card.origin.y + pad));
  ImGui::BeginGroup();
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - 2 * pad);
}

void end_card() {
  IM_ASSERT(g_card.open && "end_card() without begin_card()");
  ImGui::PopTextWrapPos();
  ImGui::EndGroup();
  const float pad = card_padding();
  const ImVec2 max(g_card.origin.x + g_card.width, ImGui::GetItemRectMax().y + pad);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  this_frame_cards().push_back({draw, g_card.origin.x, g_card.origin.y, max.x, max.y, g_card.first_vertex, draw->VtxBuffer.Size});
  draw->ChannelsSetCurrent(0);
  const ImGuiStyle& style = ImGui::GetStyle();
  draw->AddRectFilled(g_card.origin, max, ImGui::GetColorU32(ImGuiCol_ChildBg), style.ChildRounding);
  draw->AddRect(g_card.origin, max, ImGui::GetColorU32(ImGuiCol_Border), style.ChildRounding);
  draw->ChannelsMerge();
  // Leave the cursor below the card, as if it were one item.
  ImGui::SetCursorScreenPos(g_card.origin);
  ImGui::Dummy(ImVec2(g_card.width, max.y - g_card.origin.y));
  g_card.open = false;
}

void card_separator() {
  IM_ASSERT(g_card.open && "card_separator() outside a card");
  const float pad = card_padding();
  const float y = ImGui::GetCursorScreenPos().y;
  ImGui::GetWindowDrawList()->AddLine(ImVec2(g_card.origin.x, y), ImVec2(g_card.origin.x + g_card.width, y),
                                      ImGui::GetColorU32(ImGuiCol_Separator));
  ImGui::Dummy(ImVec2(0, pad * 0.5f));
}

float width_left() {
  const float window = ImGui::GetContentRegionAvail().x;
  if (!g_card.open) return window;
  const float card_right = g_card.origin.x + g_card.width - card_padding();
  return std::min(window, card_right - ImGui::GetCursorScreenPos().x);
}

const std::vector<DrawnCard>& cards_drawn() { return this_frame_cards(); }

void text_in(ImFont* font, const char* text) {
  if (font != nullptr) ImGui::PushFont(font);
  ImGui::TextUnformatted(text);
  if (font != nullptr) ImGui::PopFont();
}

std::string fit_text(const std::string& text, float width) {
  if (ImGui::CalcTextSize(text.c_str()).x <= width) return text;
  // The longest start that fits with the dots, cut between characters.
  std::size_t keep = text.size();
  while (keep > 0) {
    do --keep;
    while (keep > 0 && (static_cast<unsigned char>(text[keep]) & 0xC0) == 0x80);
    if (ImGui::CalcTextSize((text.substr(0, keep) + "...").c_str()).x <= width) break;
  }
  return text.substr(0, keep) + "...";
}

void text_fitted(const std::string& text, float width) {
  const std::string shown = fit_text(text, width);
  ImGui::TextUnformatted(shown.c_str());
  if (shown.size() != text.size() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", text.c_str());
}

std::string break_lines(const std::string& text, float width) {
  std::string out;
  std::size_t start = 0;
  while (start < text.size()) {
    // The longest piece that fits, ended after a separator when it can be.
    std::size_t end = start + 1;
    while (end < text.size() && ImGui::CalcTextSize(text.data() + start, text.data() + end + 1).x <= width) ++end;
    if (end < text.size()) {
      const std::size_t separator = text.find_last_of("/:", end - 1);
      if (separator != std::string::npos && separator >= start && separator + 1 > start + (end - start) / 3)
        end = separator + 1;
    }
    out += text.substr(start, end - start);
    if (end < text.size()) out += '\n';
    start = end;
  }
  return out;
}

float row_field_x() { return ems(12); }

void row_label(const char* label) {
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(label);
  ImGui::SameLine(row_field_x());
}

void value_row(const char* label, const std::string& value, ImFont* font) {
  ImGui::TextDisabled("%s", label);
  ImGui::SameLine(row_field_x());
  if (font != nullptr) ImGui::PushFont(font);
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width_left());
  ImGui::TextUnformatted(value.c_str());
  ImGui::PopTextWrapPos();
  if (font != nullptr) ImGui::PopFont();
}

void heading(const UiContext& ctx, const char* text) { text_in(ctx.fonts.heading, text); }

void help_text(const char* text) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("%s", text);
  ImGui::PopStyleColor();
}

void error_text(const std::string& text) {
  ImGui::PushStyleColor(ImGuiCol_Text, colors::red());
  ImGui::TextWrapped("%s", text.c_str());
  ImGui::PopStyleColor();
}

bool primary_button(const char* label) {
  ImGui::PushStyleColor(ImGuiCol_Button, colors::blue());
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, colors::primary_hovered());
  ImGui::PushStyleColor(ImGuiCol_ButtonActive, colors::primary_hovered());
  ImGui::PushStyleColor(ImGuiCol_Text, colors::on_primary());
  const bool pressed = ImGui::Button(label);
  ImGui::PopStyleColor(4);
  return pressed;
}

bool danger_button(const char* label) {
  ImGui::PushStyleColor(ImGuiCol_Text, colors::red());
  const bool pressed = ImGui::Button(label);
  ImGui::PopStyleColor();
  return pressed;
}

void copyable_value(UiContext& ctx, const char* label, const std::string& value, const char* id) {
  ImGui::PushID(id);
  const bool labelled = label != nullptr && *label != '\0';
  if (labelled) {
    ImGui::TextDisabled("%s", label);
    ImGui::SameLine(row_field_x());
  }
  const std::string button = std::string("Copy###") + id + ".copy";
  const auto copy_button = [&] {
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(ems(0.4f), ems(0.1f)));
    if (ImGui::SmallButton(button.c_str())) ctx.copy(value, labelled ? label : "Value");
    ImGui::PopStyleVar();
  };
  if (ctx.fonts.mono != nullptr) ImGui::PushFont(ctx.fonts.mono);
  const float value_width = ImGui::CalcTextSize(value.c_str()).x;
  if (ctx.fonts.mono != nullptr) ImGui::PopFont();
  const float button_width = ImGui::CalcTextSize("Copy").x + ems(0.8f) + ImGui::GetStyle().ItemSpacing.x;
  if (value_width + button_width <= width_left()) {
    text_in(ctx.fonts.mono, value.c_str());
    ImGui::SameLine();
    copy_button();
  } else {
    // The button stays in sight beside the label; the value, whole, below,
    // broken where a reader expects (after a "/" or ":" of a URL or an ARN).
    const float x = ImGui::GetCursorPosX();
    copy_button();
    ImGui::SetCursorPosX(x);
    if (ctx.fonts.mono != nullptr) ImGui::PushFont(ctx.fonts.mono);
    const std::string lines = break_lines(value, width_left());
    ImGui::PushTextWrapPos(-1.0f);  // broken already
    ImGui::TextUnformatted(lines.c_str());
    ImGui::PopTextWrapPos();
    if (ctx.fonts.mono != nullptr) ImGui::PopFont();
  }
  ImGui::PopID();
}

unsigned status_color(std::string_view status) {
  if (status == "CONFIRMED" || status == "EXTERNAL_PROVIDER" || status == "Success" || status == "Enabled") return colors::green();
  if (status == "UNCONFIRMED" || status == "FORCE_CHANGE_PASSWORD" || status == "RESET_REQUIRED") return colors::amber();
  if (status == "Disabled") return colors::red();
  return colors::grey();
}

void badge(const std::string& text, unsigned color) {
  const ImVec2 size = ImGui::CalcTextSize(text.c_str());
  const ImVec2 pad(ems(0.45f), ems(0.1f));
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImU32 fill = (color & 0x00ffffffu) | 0x26000000u;  // the colour at 15%
  draw->AddRectFilled(pos, ImVec2(pos.x + size.x + 2 * pad.x, pos.y + size.y + 2 * pad.y), fill, size.y);
  draw->AddText(ImVec2(pos.x + pad.x, pos.y + pad.y), color, text.c_str());
  ImGui::Dummy(ImVec2(size.x + 2 * pad.x, size.y + 2 * pad.y));
}

void lock_mark() {
  const float h = ImGui::GetTextLineHeight();
  // On the line's text baseline: beside a checkbox the text sits lower than
  // the top of the line by the frame's padding.
  const float baseline = ImGui::GetCurrentWindow()->DC.CurrLineTextBaseOffset;
  const ImVec2 p(ImGui::GetCursorScreenPos().x, ImGui::GetCursorScreenPos().y + baseline);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImU32 c = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  const float w = h * 0.55f, x = p.x + h * 0.2f, body_top = p.y + h * 0.45f;
  draw->AddRectFilled(ImVec2(x, body_top), ImVec2(x + w, p.y + h * 0.95f), c, h * 0.08f);
  draw->PathArcTo(ImVec2(x + w * 0.5f, body_top), w * 0.32f, 3.14159f, 2 * 3.14159f, 10);
  draw->PathStroke(c, 0, h * 0.1f);
  ImGui::Dummy(ImVec2(h * 0.95f, h + baseline));
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Cannot be changed after the user pool is created.");
}

void code_view(UiContext& ctx, const char* id, const std::string& text, float max_height) {
  if (ctx.fonts.mono != nullptr) ImGui::PushFont(ctx.fonts.mono);
  const ImGuiStyle& style = ImGui::GetStyle();
  const ImVec2 text_size = ImGui::CalcTextSize(text.c_str());
  const ImVec2 content(text_size.x + 2 * style.FramePadding.x + ems(0.5f), text_size.y + 2 * style.FramePadding.y);
  const float width = width_left();
  const float scroll_bar = content.x > width ? style.ScrollbarSize : 0.0f;
  const float height = std::min(max_height, content.y + scroll_bar + 2);
  // The pane scrolls; the text field inside is as big as the text, so it
  // never scrolls itself (a wheel over it reaches the pane, then the page).
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::GetStyleColorVec4(ImGuiCol_FrameBg));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::BeginChild((std::string(id) + ".pane").c_str(), ImVec2(width, height), true, ImGuiWindowFlags_HorizontalScrollbar);
  ImGui::PushStyleColor(ImGuiCol_FrameBg, ImVec4(0, 0, 0, 0));
  ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 0.0f);
  std::string copy = text;  // read-only, but ImGui takes a buffer
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  ImGui::InputTextMultiline(id, &copy, ImVec2(std::max(content.x, avail.x), std::max(content.y, avail.y)),
                            ImGuiInputTextFlags_ReadOnly);
  ImGui::PopStyleVar();
  ImGui::PopStyleColor();
  ImGui::EndChild();
  ImGui::PopStyleVar();
  ImGui::PopStyleColor();
  if (ctx.fonts.mono != nullptr) ImGui::PopFont();
}

void json_view(UiContext& ctx, const char* id, const Json& value, float max_height) {
  code_view(ctx, id, value.dump(2, ' ', false, Json::error_handler_t::replace), max_height);
}

void underline_selected_tab() {
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  const float thick = std::max(2.0f, ems(0.15f));
  ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(min.x + ems(0.3f), max.y - thick), ImVec2(max.x - ems(0.3f), max.y),
                                            colors::blue(), thick * 0.5f);
}

}  // namespace userpool::web
