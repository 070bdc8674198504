#include "web/try_it/try_it_form.h"

#include <algorithm>

#include "imgui.h"
#include "imgui_stdlib.h"
#include "web/shell/named_item.h"
#include "web/shell/widgets.h"

namespace userpool::web {

float form_card_width() { return std::min(ImGui::GetContentRegionAvail().x, ems(34)); }

float form_field_width() { return form_card_width() - 2 * ImGui::GetStyle().WindowPadding.x; }

namespace {

bool labelled_field(const char* label, const char* id, std::string* value, const char* hint,
                    ImGuiInputTextFlags flags) {
  ImGui::TextUnformatted(label);
  ImGui::SetNextItemWidth(form_field_width());
  const std::string widget = std::string("###") + id;
  if (hint != nullptr)
    ImGui::InputTextWithHint(widget.c_str(), hint, value, flags);
  else
    ImGui::InputText(widget.c_str(), value, flags);
  // Enter leaves a single-line field. (ImGuiInputTextFlags_EnterReturnsTrue
  // would also hold edits back from `value` until then.)
  const bool enter = ImGui::IsItemDeactivated() && (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)) ||
                                                    ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter)));
  ImGui::Spacing();
  return enter;
}

}  // namespace

bool form_field(const char* label, const char* id, std::string* value, const char* hint) {
  return labelled_field(label, id, value, hint, ImGuiInputTextFlags_None);
}

bool form_password(const char* label, const char* id, std::string* value) {
  return labelled_field(label, id, value, nullptr, ImGuiInputTextFlags_Password);
}

bool link_button(const char* label) {
  ImGui::PushStyleColor(ImGuiCol_Button, 0u);
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, 0u);
  ImGui::PushStyleColor(ImGuiCol_ButtonActive, 0u);
  ImGui::PushStyleColor(ImGuiCol_Border, 0u);
  ImGui::PushStyleColor(ImGuiCol_Text, colors::blue());
  const bool pressed = ImGui::SmallButton(label);
  if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
  ImGui::PopStyleColor(5);
  return pressed;
}

std::string username_label(const Json& pool) {
  const auto has = [](const Json& list, const char* value) {
    return list.is_array() && std::find(list.begin(), list.end(), Json(value)) != list.end();
  };
  const Json usernames = pool.value("UsernameAttributes", Json::array());
  const Json aliases = pool.value("AliasAttributes", Json::array());
  // UsernameAttributes: the email or phone number is the username.
  if (has(usernames, "email") && has(usernames, "phone_number")) return "Email or phone number";
  if (has(usernames, "email")) return "Email";
  if (has(usernames, "phone_number")) return "Phone number";
  // AliasAttributes: a username, or a verified alias.
  std::string label = "Username";
  if (has(aliases, "preferred_username")) label += ", preferred username";
  if (has(aliases, "email")) label += has(aliases, "phone_number") ? ", email" : " or email";
  if (has(aliases, "phone_number")) label += " or phone number";
  return label;
}

std::string delivery_text(const Json& details) {
  if (!details.is_object()) return {};
  const std::string medium = details.value("DeliveryMedium", "");
  const std::string to = details.value("Destination", "");
  return "by " + medium + " to " + to;
}

void form_error(const std::string& text) {
  error_text(text);
  name_last_item("###tryit.error");
}

}  // namespace userpool::web
