#include "tests/web/ui_harness.h"

#include "imgui.h"
#include "web/theme.h"
#include "web/widget_registry.h"

namespace userpool::test {

HeadlessUi::HeadlessUi(float width, float height, float scale) {
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.DisplaySize = ImVec2(width, height);
  io.DeltaTime = 1.0f / 60.0f;
  fonts_ = web::load_fonts(scale);
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);  // builds the atlas
  web::apply_theme(scale);
  web::widget_registry().set_enabled(true);
}

HeadlessUi::~HeadlessUi() {
  web::widget_registry().set_enabled(false);
  ImGui::DestroyContext();
}

void HeadlessUi::frame(const std::function<void()>& draw) {
  ImGui::NewFrame();
  draw();
  ImGui::Render();
}

bool HeadlessUi::click(std::string_view name, const std::function<void()>& draw) {
  frame(draw);
  const auto rect = web::widget_registry().find(name);
  if (!rect) return false;
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = ImVec2(rect->x + rect->w / 2, rect->y + rect->h / 2);
  io.MouseDown[0] = true;
  frame(draw);
  io.MouseDown[0] = false;
  frame(draw);
  return true;
}

int HeadlessUi::vertex_count() const {
  const ImDrawData* data = ImGui::GetDrawData();
  return data != nullptr ? data->TotalVtxCount : 0;
}

}  // namespace userpool::test
