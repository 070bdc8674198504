#include "web/app.h"

#include "core/identifiers.h"
#include "imgui.h"
#include "web/widgets.h"

namespace userpool::web {
namespace {

// Height of the dark header bar, in units of the body text height.
constexpr float kHeaderLines = 2.4f;

// Width of the cards on the start page, in units of the body text height.
constexpr float kCardEms = 40.0f;

void label_value(const char* label, const std::string& value, ImFont* mono) {
  ImGui::TextDisabled("%s", label);
  ImGui::SameLine(ImGui::GetFontSize() * 9.0f);
  text_in(mono, value.c_str());
}

}  // namespace

App::App(Account& account) : account_(account) { regenerate_examples(); }

void App::regenerate_examples() {
  examples_.user_pool_id = generate_user_pool_id(account_.region, account_.random);
  examples_.app_client_id = generate_app_client_id(account_.random);
  examples_.sub = generate_uuid_v4(account_.random);
}

void App::frame() {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->WorkPos);
  ImGui::SetNextWindowSize(viewport->WorkSize);
  constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                      ImGuiWindowFlags_NoSavedSettings |
                                      ImGuiWindowFlags_NoBringToFrontOnFocus;
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::Begin("##sandbox", nullptr, kFlags);
  ImGui::PopStyleVar();
  draw_header();
  const float pad = ImGui::GetStyle().WindowPadding.x * 1.5f;
  ImGui::SetCursorPos(ImVec2(pad, ImGui::GetCursorPosY() + pad));
  ImGui::BeginGroup();
  draw_welcome();
  ImGui::Spacing();
  draw_identifier_formats();
  ImGui::EndGroup();
  ImGui::End();
}

void App::draw_header() {
  const float height = ImGui::GetFontSize() * kHeaderLines;
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + height), IM_COL32(0x23, 0x2f, 0x3e, 0xff));

  const float text_y = origin.y + (height - ImGui::GetFontSize()) * 0.5f;
  const float pad = ImGui::GetStyle().WindowPadding.x * 1.5f;
  ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(0xff, 0xff, 0xff, 0xff));
  if (fonts_.heading != nullptr) ImGui::PushFont(fonts_.heading);
  // Headings are taller than body text: centre them on their own height.
  ImGui::SetCursorScreenPos(ImVec2(origin.x + pad, origin.y + (height - ImGui::GetFontSize()) * 0.5f));
  ImGui::TextUnformatted("User pool sandbox");
  if (fonts_.heading != nullptr) ImGui::PopFont();
  ImGui::PopStyleColor();

  // The virtual clock, right-aligned: every expiry in the sandbox reads it.
  std::string stamp = to_iso8601(account_.clock.now()).substr(0, 19);  // 2026-11-23T08:09:04
  stamp[10] = ' ';
  const std::string now = "Virtual time  " + stamp + " UTC";
  const float text_w = ImGui::CalcTextSize(now.c_str()).x;
  ImGui::SetCursorScreenPos(ImVec2(origin.x + width - pad - text_w, text_y));
  ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(0xd1, 0xd5, 0xdb, 0xff));
  ImGui::TextUnformatted(now.c_str());
  ImGui::PopStyleColor();
  ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + height));
}

void App::draw_welcome() {
  begin_card(ImGui::GetFontSize() * kCardEms);
  text_in(fonts_.heading, "Learn Amazon Cognito user pools, right here");
  ImGui::TextWrapped(
      "This sandbox simulates a Cognito user pool in your browser. No AWS account is "
      "needed and nothing leaves this page. Everything that expires in a user pool "
      "(codes, tokens, sessions) runs on the virtual clock shown above.");
  end_card();
}

void App::draw_identifier_formats() {
  begin_card(ImGui::GetFontSize() * kCardEms);
  text_in(fonts_.heading, "What Cognito identifiers look like");
  card_separator();
  label_value("User pool ID", examples_.user_pool_id, fonts_.mono);
  label_value("App client ID", examples_.app_client_id, fonts_.mono);
  label_value("User sub", examples_.sub, fonts_.mono);
  ImGui::Spacing();
  if (ImGui::Button("Generate new examples")) regenerate_examples();
  end_card();
}

}  // namespace userpool::web
