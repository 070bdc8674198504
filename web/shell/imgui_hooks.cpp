// Functions ImGui calls back into (see web/shell/imgui_config.h): the assert
// handler and the test-engine item hooks. Compiled into the imgui library
// itself, because ImGui's own objects refer to them.
#include <stdexcept>
#include <string>

#include "imgui.h"
#include "imgui_internal.h"
#include "web/shell/widget_registry.h"

namespace userpool::web {

void imgui_assert_failed(const char* expression, const char* file, int line) {
  // An exception (not abort) so that a test reports which check failed, and
  // the page's error handler can show it.
  throw std::logic_error(std::string("ImGui check failed: ") + expression + " (" + file + ":" +
                         std::to_string(line) + ")");
}

}  // namespace userpool::web

void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, const ImRect& bb, ImGuiID id) {
  // The visible part only: clicking the middle of it must land on the widget,
  // not on a window edge that hides part of it.
  userpool::web::WidgetRegistry& registry = userpool::web::widget_registry();
  // A widget to bring into sight: compared by ID, which ImGui computes even
  // for items scrolled out of view (their labels are never reported). A
  // widget made of parts (InputInt: a field and two buttons) pushes its own
  // ID for them, so a part under that ID counts as the widget.
  if (ImGuiWindow* window = ctx->CurrentWindow; window != nullptr && !registry.reveal_label().empty()) {
    const char* label = registry.reveal_label().c_str();
    const ImVector<ImGuiID>& stack = window->IDStack;
    const bool whole = id == window->GetIDNoKeepAlive(label);
    const bool part = stack.Size >= 2 && stack.back() == ImHashStr(label, 0, stack[stack.Size - 2]);
    if (whole || part) {
      // Asked again each frame until it is in sight: on the frame a page
      // changes, the window's scroll range is still the old page's.
      if (window->InnerClipRect.Contains(bb))
        registry.revealed();
      else
        ImGui::ScrollToRect(window, bb, ImGuiScrollFlags_KeepVisibleCenterY);
    }
  }
  ImRect visible = bb;
  if (ctx->CurrentWindow != nullptr) visible.ClipWithFull(ctx->CurrentWindow->ClipRect);
  registry.item_added(ctx->FrameCount, id,
                                              {visible.Min.x, visible.Min.y, visible.GetWidth(), visible.GetHeight()});
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID id, const char* label, ImGuiItemStatusFlags) {
  userpool::web::widget_registry().item_info(ctx->FrameCount, id, label);
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }
