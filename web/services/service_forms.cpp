#include "web/services/service_forms.h"

#include "imgui.h"
#include "web/shell/named_item.h"
#include "web/shell/ui_context.h"
#include "web/shell/widgets.h"

namespace userpool::web {

void step_heading(const UiContext& ctx, int step, const char* title) {
  ImFont* font = ctx.fonts.heading;
  if (font != nullptr) ImGui::PushFont(font);
  const float size = ImGui::GetTextLineHeight();
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 centre(at.x + size * 0.5f, at.y + size * 0.5f);
  draw->AddCircleFilled(centre, size * 0.5f, colors::blue(), 24);
  const std::string number = std::to_string(step);
  const ImVec2 text = ImGui::CalcTextSize(number.c_str());
  draw->AddText(ImVec2(centre.x - text.x * 0.5f, centre.y - text.y * 0.5f), colors::on_primary(), number.c_str());
  ImGui::Dummy(ImVec2(size, size));
  ImGui::SameLine(0, size * 0.5f);
  ImGui::TextUnformatted(title);
  if (font != nullptr) ImGui::PopFont();
}

bool named_combo(const char* id, const std::vector<ComboChoice>& choices, std::string* value, float width,
                 const char* empty_preview) {
  std::string preview = empty_preview;
  for (const auto& c : choices)
    if (c.value == *value) preview = c.label;
  const std::string widget = std::string("###") + id;
  ImGui::SetNextItemWidth(width);
  const ImGuiID combo_id = ImGui::GetID(widget.c_str());
  const bool open = ImGui::BeginCombo(widget.c_str(), preview.c_str());
  name_item(combo_id, widget.c_str());
  if (!open) return false;
  bool changed = false;
  for (const auto& c : choices) {
    const bool selected = c.value == *value;
    if (ImGui::Selectable((c.label + "###" + id + "." + c.value).c_str(), selected) && !selected) {
      *value = c.value;
      changed = true;
    }
    if (selected) ImGui::SetItemDefaultFocus();
  }
  ImGui::EndCombo();
  return changed;
}

void named_error(const std::string& text, const std::string& name) {
  if (text.empty()) return;
  error_text(text);
  name_last_item(("###" + name).c_str());
}

bool choice_button(const char* label, bool selected) {
  return selected ? primary_button(label) : ImGui::Button(label);
}

}  // namespace userpool::web
