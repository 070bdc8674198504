#include "web/widgets.h"

#include <cmath>

#include "core/clock.h"
#include "imgui.h"
#include "imgui_stdlib.h"
#include "web/ui_context.h"

namespace userpool::web {
namespace {

struct OpenCard {
  ImVec2 origin;
  float width = 0;
  bool open = false;
};
OpenCard g_card;  // at most one open card (see widgets.h)

float card_padding() { return ImGui::GetStyle().WindowPadding.x; }

}  // namespace

float ems(float count) { return ImGui::GetFontSize() * count; }

std::string date_text(const Json& epoch_seconds) {
  if (!epoch_seconds.is_number()) return "-";
  const auto ms = static_cast<std::int64_t>(std::llround(epoch_seconds.get<double>() * 1000.0));
  std::string iso = to_iso8601(from_epoch_millis(ms));  // 2026-01-15T10:00:00.000Z
  return iso.substr(0, 10) + " " + iso.substr(11, 8) + " UTC";
}

void begin_card(float width) {
  IM_ASSERT(!g_card.open && "begin_card(): cards may not nest");
  g_card = OpenCard{ImGui::GetCursorScreenPos(), width, true};
  ImDrawList* draw = ImGui::GetWindowDrawList();
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

void text_in(ImFont* font, const char* text) {
  if (font != nullptr) ImGui::PushFont(font);
  ImGui::TextUnformatted(text);
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
  if (label != nullptr && *label != '\0') {
    ImGui::TextDisabled("%s", label);
    ImGui::SameLine(ems(10));
  }
  text_in(ctx.fonts.mono, value.c_str());
  ImGui::SameLine();
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(ems(0.4f), ems(0.1f)));
  if (ImGui::SmallButton((std::string("Copy###") + id + ".copy").c_str())) ctx.copy(value, label && *label ? label : "Value");
  ImGui::PopStyleVar();
  ImGui::PopID();
}

unsigned status_color(std::string_view status) {
  if (status == "CONFIRMED" || status == "Success" || status == "Enabled") return colors::green();
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
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImU32 c = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  const float w = h * 0.55f, x = p.x + h * 0.2f, body_top = p.y + h * 0.45f;
  draw->AddRectFilled(ImVec2(x, body_top), ImVec2(x + w, p.y + h * 0.95f), c, h * 0.08f);
  draw->PathArcTo(ImVec2(x + w * 0.5f, body_top), w * 0.32f, 3.14159f, 2 * 3.14159f, 10);
  draw->PathStroke(c, 0, h * 0.1f);
  ImGui::Dummy(ImVec2(h * 0.95f, h));
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Cannot be changed after the user pool is created.");
}

void json_view(UiContext& ctx, const char* id, const Json& value, float height) {
  std::string text = value.dump(2, ' ', false, Json::error_handler_t::replace);
  if (ctx.fonts.mono != nullptr) ImGui::PushFont(ctx.fonts.mono);
  ImGui::InputTextMultiline(id, &text, ImVec2(-1, height), ImGuiInputTextFlags_ReadOnly);
  if (ctx.fonts.mono != nullptr) ImGui::PopFont();
}

}  // namespace userpool::web
