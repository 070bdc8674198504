#include "web/try_it/password_checklist.h"

#include <algorithm>

#include "imgui.h"
#include "web/shell/widgets.h"

namespace userpool::web {

PasswordPolicy password_policy_from_json(const Json& p) {
  PasswordPolicy policy;
  if (!p.is_object()) return policy;
  const auto flag = [&](const char* member, bool fallback) {
    const auto it = p.find(member);
    return it != p.end() && it->is_boolean() ? it->get<bool>() : fallback;
  };
  if (const auto it = p.find("MinimumLength"); it != p.end() && it->is_number_integer())
    policy.minimum_length = it->get<int>();
  policy.require_uppercase = flag("RequireUppercase", policy.require_uppercase);
  policy.require_lowercase = flag("RequireLowercase", policy.require_lowercase);
  policy.require_numbers = flag("RequireNumbers", policy.require_numbers);
  policy.require_symbols = flag("RequireSymbols", policy.require_symbols);
  return policy;
}

std::vector<PasswordCheck> check_password(const PasswordPolicy& policy, std::string_view password) {
  const auto has = [&](auto predicate) { return std::any_of(password.begin(), password.end(), predicate); };
  std::vector<PasswordCheck> checks;
  // Length counts bytes, as the pool's own check does (core/rules/password_policy.cpp).
  checks.push_back({"length", "At least " + std::to_string(policy.minimum_length) + " characters",
                    static_cast<int>(password.size()) >= policy.minimum_length});
  if (policy.require_numbers)
    checks.push_back({"number", "Contains at least 1 number", has([](char c) { return c >= '0' && c <= '9'; })});
  if (policy.require_symbols)
    checks.push_back({"symbol", "Contains at least 1 special character", has(is_password_symbol)});
  if (policy.require_uppercase)
    checks.push_back(
        {"uppercase", "Contains at least 1 uppercase letter", has([](char c) { return c >= 'A' && c <= 'Z'; })});
  if (policy.require_lowercase)
    checks.push_back(
        {"lowercase", "Contains at least 1 lowercase letter", has([](char c) { return c >= 'a' && c <= 'z'; })});
  return checks;
}

void draw_password_checklist(const std::vector<PasswordCheck>& checks) {
  for (const auto& c : checks) {
    // DejaVu (merged into the body font) has the check and cross marks.
    ImGui::PushStyleColor(ImGuiCol_Text, c.met ? colors::green() : colors::grey());
    ImGui::Text("%s  %s", c.met ? "\xE2\x9C\x93" : "\xE2\x9C\x97", c.label.c_str());
    ImGui::PopStyleColor();
  }
}

}  // namespace userpool::web
