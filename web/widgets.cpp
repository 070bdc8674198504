#include "web/widgets.h"

#include "imgui.h"

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

}  // namespace userpool::web
