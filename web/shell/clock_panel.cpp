#include "web/shell/clock_panel.h"

#include <cmath>

#include "imgui.h"
#include "web/shell/widgets.h"

namespace userpool::web {

void ClockPanel::jump(long long seconds) {
  const Response r = ctx_.api.call("Sandbox.AdvanceClock", Json{{"Seconds", seconds}});
  if (r.status == 200)
    ctx_.notify("The virtual clock moved ahead " + format_duration(std::chrono::seconds(seconds)));
  else
    ctx_.notify(r.body.value("message", "The clock did not move."), true);
}

void ClockPanel::draw(float right_edge) {
  const Json clock = ctx_.api.peek("Sandbox.GetClock", Json::object()).body;
  std::string stamp = clock.value("Iso", std::string("1970-01-01T00:00:00")).substr(0, 19);
  if (stamp.size() > 10) stamp[10] = ' ';
  const std::string text = "Virtual time  " + stamp + " UTC";
  const auto ahead = std::chrono::milliseconds(std::llround(clock.value("OffsetSeconds", 0.0) * 1000.0));
  const std::string ahead_text = ahead > std::chrono::seconds(1) ? "  (+" + format_duration(ahead) + ")" : "";
  const ImGuiStyle& style = ImGui::GetStyle();
  const float buttons = ImGui::CalcTextSize("+1 min+1 h+1 dayJump...").x + 8 * style.FramePadding.x + 4 * style.ItemSpacing.x;
  const float width = ImGui::CalcTextSize((text + ahead_text).c_str()).x + style.ItemSpacing.x + buttons;
  ImGui::SetCursorScreenPos(ImVec2(right_edge - width, ImGui::GetCursorScreenPos().y));
  ImGui::AlignTextToFramePadding();
  ImGui::PushStyleColor(ImGuiCol_Text, rgb(0xe9ebed));
  ImGui::TextUnformatted(text.c_str());
  if (!ahead_text.empty()) {
    ImGui::SameLine(0, 0);
    ImGui::PushStyleColor(ImGuiCol_Text, rgb(0xffb74d));
    ImGui::TextUnformatted(ahead_text.c_str());
    ImGui::PopStyleColor();
  }
  ImGui::PopStyleColor();
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Every expiry in the sandbox (codes, tokens, sessions, lockouts) is judged by this clock.\n"
                      "It runs with real time, plus the jumps you make.");
  ImGui::SameLine();
  if (ImGui::Button("+1 min###clock.minute")) jump(60);
  ImGui::SameLine();
  if (ImGui::Button("+1 h###clock.hour")) jump(3600);
  ImGui::SameLine();
  if (ImGui::Button("+1 day###clock.day")) jump(86400);
  ImGui::SameLine();
  if (ImGui::Button("Jump...###clock.jump")) ImGui::OpenPopup("clock.jump.popup");
  if (ImGui::BeginPopup("clock.jump.popup")) {
    ImGui::TextUnformatted("Move the virtual clock ahead by");
    ImGui::SetNextItemWidth(ems(5));
    ImGui::InputInt("###clock.jump.amount", &custom_amount_);
    if (custom_amount_ < 1) custom_amount_ = 1;
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ems(7));
    ImGui::Combo("###clock.jump.unit", &custom_unit_, "minutes\0hours\0days\0");
    static constexpr long long kUnit[] = {60, 3600, 86400};
    if (primary_button("Move ahead###clock.jump.go")) {
      jump(static_cast<long long>(custom_amount_) * kUnit[custom_unit_]);
      ImGui::CloseCurrentPopup();
    }
    help_text("The clock never goes back: everything already issued stays in the past.");
    ImGui::EndPopup();
  }
}

}  // namespace userpool::web
