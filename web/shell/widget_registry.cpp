#include "web/shell/widget_registry.h"

#include "imgui.h"
#include "imgui_internal.h"

namespace userpool::web {

void WidgetRegistry::set_enabled(bool on) {
  enabled_ = on;
  if (ImGui::GetCurrentContext() != nullptr) ImGui::GetCurrentContext()->TestEngineHookItems = on;
}

void WidgetRegistry::start_frame_if_new(int frame) {
  if (frame == frame_) return;
  frame_ = frame;
  constexpr int kRevealFrames = 60;
  if (!reveal_label_.empty() && ++reveal_frames_ > kRevealFrames) reveal_label_.clear();
  rects_.clear();
  names_.clear();
}

void WidgetRegistry::item_added(int frame, unsigned id, const WidgetRect& rect) {
  start_frame_if_new(frame);
  rects_[id] = rect;
}

void WidgetRegistry::item_info(int frame, unsigned id, const char* label) {
  start_frame_if_new(frame);
  if (label == nullptr) return;
  const std::string_view name = widget_name(label);
  if (!name.empty()) names_.emplace_back(std::string(name), id);
}

std::optional<WidgetRect> WidgetRegistry::find(std::string_view name) const {
  for (const auto& [n, id] : names_) {
    if (n != name) continue;
    if (auto it = rects_.find(id); it != rects_.end()) return it->second;
  }
  return std::nullopt;
}

void WidgetRegistry::reveal(std::string_view name) {
  reveal_label_ = "###" + std::string(name);
  reveal_frames_ = 0;
}

std::vector<std::pair<std::string, WidgetRect>> WidgetRegistry::all() const {
  std::vector<std::pair<std::string, WidgetRect>> out;
  for (const auto& [name, id] : names_) {
    if (auto it = rects_.find(id); it != rects_.end()) out.emplace_back(name, it->second);
  }
  return out;
}

WidgetRegistry& widget_registry() {
  static WidgetRegistry registry;
  return registry;
}

std::string_view widget_name(std::string_view label) {
  if (const auto id = label.find("###"); id != std::string_view::npos) return label.substr(id + 3);
  return label.substr(0, label.find("##"));
}

}  // namespace userpool::web
