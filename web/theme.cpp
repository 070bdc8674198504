#include "web/theme.h"

#include "imgui.h"

namespace userpool::web {
namespace {

ImVec4 rgb(unsigned hex, float alpha = 1.0f) {
  return ImVec4(static_cast<float>((hex >> 16) & 0xFF) / 255.0f,
                static_cast<float>((hex >> 8) & 0xFF) / 255.0f,
                static_cast<float>(hex & 0xFF) / 255.0f, alpha);
}

}  // namespace

void apply_theme(float scale) {
  ImGuiStyle style;  // fresh defaults each time, so scaling never compounds
  ImGui::StyleColorsLight(&style);
  style.WindowPadding = ImVec2(16, 14);
  style.FramePadding = ImVec2(10, 6);
  style.ItemSpacing = ImVec2(10, 8);
  style.ItemInnerSpacing = ImVec2(8, 6);
  style.ScrollbarSize = 14;
  style.WindowRounding = 8;
  style.ChildRounding = 8;
  style.FrameRounding = 6;
  style.PopupRounding = 6;
  style.GrabRounding = 6;
  style.TabRounding = 6;
  style.WindowBorderSize = 0;
  style.ChildBorderSize = 1;
  style.FrameBorderSize = 1;

  // Quiet greys with one accent blue: readable on a projector.
  ImVec4* c = style.Colors;
  c[ImGuiCol_Text] = rgb(0x16191f);
  c[ImGuiCol_TextDisabled] = rgb(0x5f6b7a);
  c[ImGuiCol_WindowBg] = rgb(0xf2f3f3);
  c[ImGuiCol_ChildBg] = rgb(0xffffff);
  c[ImGuiCol_PopupBg] = rgb(0xffffff);
  c[ImGuiCol_Border] = rgb(0xd1d5db);
  c[ImGuiCol_FrameBg] = rgb(0xffffff);
  c[ImGuiCol_FrameBgHovered] = rgb(0xf4f4f4);
  c[ImGuiCol_FrameBgActive] = rgb(0xe9ebed);
  // Buttons share the text colour, so their fill stays light.
  c[ImGuiCol_Button] = rgb(0xeaf3fd);
  c[ImGuiCol_ButtonHovered] = rgb(0xd3e6fa);
  c[ImGuiCol_ButtonActive] = rgb(0xb8d5f5);
  c[ImGuiCol_Header] = rgb(0xe9ebed);
  c[ImGuiCol_HeaderHovered] = rgb(0xdde2e8);
  c[ImGuiCol_HeaderActive] = rgb(0xd1d5db);
  c[ImGuiCol_CheckMark] = rgb(0x0972d3);
  c[ImGuiCol_SliderGrab] = rgb(0x0972d3);
  c[ImGuiCol_SliderGrabActive] = rgb(0x033160);
  c[ImGuiCol_Separator] = rgb(0xd1d5db);
  c[ImGuiCol_Tab] = rgb(0xe9ebed);
  c[ImGuiCol_TabHovered] = rgb(0xffffff);
  c[ImGuiCol_TabActive] = rgb(0xffffff);
  c[ImGuiCol_TitleBg] = rgb(0x232f3e);
  c[ImGuiCol_TitleBgActive] = rgb(0x232f3e);
  c[ImGuiCol_MenuBarBg] = rgb(0x232f3e);
  c[ImGuiCol_TextSelectedBg] = rgb(0x0972d3, 0.25f);
  c[ImGuiCol_NavHighlight] = rgb(0x0972d3);

  style.ScaleAllSizes(scale);
  ImGui::GetStyle() = style;
}

}  // namespace userpool::web
