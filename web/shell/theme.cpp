#include "web/shell/theme.h"

#include <cstring>

#include "imgui.h"
#include "web/shell/widgets.h"

namespace userpool::web {
namespace {

ImVec4 rgba(unsigned hex, float alpha = 1.0f) {
  return ImVec4(static_cast<float>((hex >> 16) & 0xFF) / 255.0f,
                static_cast<float>((hex >> 8) & 0xFF) / 255.0f,
                static_cast<float>(hex & 0xFF) / 255.0f, alpha);
}

// Every colour that differs between the themes, as 0xRRGGBB. Quiet greys
// with one accent blue, close to the AWS console's palettes; the status
// colours keep a contrast of at least 4.5:1 against the cards they sit on.
struct Palette {
  unsigned text, text_secondary, page, card, border, field, field_hovered, field_active;
  unsigned button, button_hovered, button_active, header, header_hovered, header_active;
  unsigned green, amber, red, blue, primary_hovered, on_primary, edited_field;
};

constexpr Palette kLight{
    .text = 0x16191f, .text_secondary = 0x5f6b7a, .page = 0xf2f3f3, .card = 0xffffff, .border = 0xd1d5db,
    .field = 0xffffff, .field_hovered = 0xf4f4f4, .field_active = 0xe9ebed,
    // Buttons share the text colour, so their fill stays light.
    .button = 0xeaf3fd, .button_hovered = 0xd3e6fa, .button_active = 0xb8d5f5,
    .header = 0xe9ebed, .header_hovered = 0xdde2e8, .header_active = 0xd1d5db,
    .green = 0x037f0c, .amber = 0x8d6605, .red = 0xd91515, .blue = 0x0972d3,
    .primary_hovered = 0x033160, .on_primary = 0xffffff, .edited_field = 0xfff1c7,
};

constexpr Palette kDark{
    .text = 0xe9ebed, .text_secondary = 0x9ba7b6, .page = 0x0f1b2a, .card = 0x192534, .border = 0x414d5c,
    .field = 0x0f1b2a, .field_hovered = 0x232f3e, .field_active = 0x2a3949,
    .button = 0x1d3349, .button_hovered = 0x27486a, .button_active = 0x305a85,
    .header = 0x2a3949, .header_hovered = 0x354658, .header_active = 0x414d5c,
    .green = 0x29ad32, .amber = 0xe0ca57, .red = 0xff7a7a, .blue = 0x539fe5,
    // A light accent needs dark text on it.
    .primary_hovered = 0x89bdee, .on_primary = 0x0f1b2a, .edited_field = 0x4d3d10,
};

Theme g_theme = Theme::kLight;
float g_scale = 1.0f;

const Palette& palette() { return g_theme == Theme::kDark ? kDark : kLight; }

}  // namespace

void apply_theme(float scale) {
  g_scale = scale;
  const Palette& p = palette();
  ImGuiStyle style;  // fresh defaults each time, so scaling never compounds
  if (g_theme == Theme::kDark) ImGui::StyleColorsDark(&style);
  else ImGui::StyleColorsLight(&style);
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

  ImVec4* c = style.Colors;
  c[ImGuiCol_Text] = rgba(p.text);
  c[ImGuiCol_TextDisabled] = rgba(p.text_secondary);
  c[ImGuiCol_WindowBg] = rgba(p.page);
  c[ImGuiCol_ChildBg] = rgba(p.card);
  c[ImGuiCol_PopupBg] = rgba(p.card);
  c[ImGuiCol_Border] = rgba(p.border);
  c[ImGuiCol_FrameBg] = rgba(p.field);
  c[ImGuiCol_FrameBgHovered] = rgba(p.field_hovered);
  c[ImGuiCol_FrameBgActive] = rgba(p.field_active);
  c[ImGuiCol_Button] = rgba(p.button);
  c[ImGuiCol_ButtonHovered] = rgba(p.button_hovered);
  c[ImGuiCol_ButtonActive] = rgba(p.button_active);
  c[ImGuiCol_Header] = rgba(p.header);
  c[ImGuiCol_HeaderHovered] = rgba(p.header_hovered);
  c[ImGuiCol_HeaderActive] = rgba(p.header_active);
  c[ImGuiCol_CheckMark] = rgba(p.blue);
  c[ImGuiCol_SliderGrab] = rgba(p.blue);
  c[ImGuiCol_SliderGrabActive] = rgba(p.primary_hovered);
  c[ImGuiCol_Separator] = rgba(p.border);
  // Tabs as the console draws them: plain text, the selected one tinted
  // and underlined (web/shell/widgets.h, underline_selected_tab).
  c[ImGuiCol_Tab] = rgba(p.page, 0.0f);
  c[ImGuiCol_TabHovered] = rgba(p.button_hovered);
  c[ImGuiCol_TabActive] = rgba(p.button);
  c[ImGuiCol_TabUnfocused] = rgba(p.page, 0.0f);
  c[ImGuiCol_TabUnfocusedActive] = rgba(p.button);
  c[ImGuiCol_TitleBg] = rgba(chrome::kHeaderBar);
  c[ImGuiCol_TitleBgActive] = rgba(chrome::kHeaderBar);
  c[ImGuiCol_MenuBarBg] = rgba(chrome::kHeaderBar);
  c[ImGuiCol_TextSelectedBg] = rgba(p.blue, 0.3f);
  c[ImGuiCol_NavHighlight] = rgba(p.blue);
  c[ImGuiCol_ModalWindowDimBg] = rgba(0x000000, g_theme == Theme::kDark ? 0.55f : 0.3f);

  style.ScaleAllSizes(scale);
  ImGui::GetStyle() = style;
}

void set_theme(Theme theme) {
  g_theme = theme;
  if (ImGui::GetCurrentContext() != nullptr) apply_theme(g_scale);
}

Theme current_theme() { return g_theme; }

std::vector<ColourPair> text_on_fill_pairs(Theme theme) {
  const Palette& p = theme == Theme::kDark ? kDark : kLight;
  using namespace chrome;
  return {
      {"text on the page", p.text, p.page},
      {"text on a card", p.text, p.card},
      {"secondary text on a card", p.text_secondary, p.card},
      {"secondary text on the page", p.text_secondary, p.page},
      {"text in a field", p.text, p.field},
      {"text on a button", p.text, p.button},
      {"text on a hovered button", p.text, p.button_hovered},
      {"text on a selected row", p.text, p.header},
      {"text on a primary button", p.on_primary, p.blue},
      {"text on a hovered primary button", p.on_primary, p.primary_hovered},
      {"green on a card", p.green, p.card},
      {"amber on a card", p.amber, p.card},
      {"red on a card", p.red, p.card},
      {"blue on a card", p.blue, p.card},
      {"red on the page", p.red, p.page},
      {"text on an edited field", p.text, p.edited_field},
      {"the title on the header bar", kWhite, kHeaderBar},
      {"text on a header button", kWhite, kHeaderButton},
      {"an error notice", kWhite, kErrorNotice},
      {"a notice", kWhite, kHeaderBar},
  };
}

const char* theme_name(Theme theme) { return theme == Theme::kDark ? "dark" : "light"; }

Theme theme_from_name(const char* name) {
  return name != nullptr && std::strcmp(name, "dark") == 0 ? Theme::kDark : Theme::kLight;
}

namespace colors {
unsigned green() { return rgb(palette().green); }
unsigned amber() { return rgb(palette().amber); }
unsigned red() { return rgb(palette().red); }
unsigned blue() { return rgb(palette().blue); }
unsigned grey() { return rgb(palette().text_secondary); }
unsigned primary_hovered() { return rgb(palette().primary_hovered); }
unsigned on_primary() { return rgb(palette().on_primary); }
unsigned edited_field() { return rgb(palette().edited_field); }
}  // namespace colors

}  // namespace userpool::web
