#include "web/try_it/big_code.h"

#include "imgui.h"

namespace userpool::web {

float big_code(ImFont* mono, const std::string& code, unsigned color) {
  ImFont* font = mono != nullptr ? mono : ImGui::GetFont();
  const float size = ImGui::GetFontSize() * 1.8f;
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImGui::GetWindowDrawList()->AddText(font, size, at, color, code.c_str());
  const ImVec2 extent = font->CalcTextSizeA(size, 1e9f, 0, code.c_str());
  ImGui::Dummy(extent);
  return extent.y;
}

}  // namespace userpool::web
