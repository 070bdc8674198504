#include "web/shell/named_item.h"

#include "imgui.h"
#include "imgui_internal.h"
#include "web/shell/widget_registry.h"

namespace userpool::web {

void name_last_item(const char* label) {
  WidgetRegistry& registry = widget_registry();
  if (!registry.enabled()) return;
  const ImGuiContext& g = *ImGui::GetCurrentContext();
  // Text and groups have no ID of their own: one is made from the label.
  ImGuiID id = g.LastItemData.ID;
  if (id == 0) id = ImGui::GetID(label);
  // The visible part only, as the hooks record it (web/shell/imgui_hooks.cpp).
  ImRect visible(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  if (g.CurrentWindow != nullptr) visible.ClipWithFull(g.CurrentWindow->ClipRect);
  registry.item_added(g.FrameCount, id, {visible.Min.x, visible.Min.y, visible.GetWidth(), visible.GetHeight()});
  registry.item_info(g.FrameCount, id, label);
}

void name_item(unsigned id, const char* label) {
  WidgetRegistry& registry = widget_registry();
  if (registry.enabled()) registry.item_info(ImGui::GetFrameCount(), id, label);
}

}  // namespace userpool::web
