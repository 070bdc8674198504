#include "tests/web/ui_harness.h"

#include <catch2/catch.hpp>

#include "core/api/dispatcher.h"
#include "imgui.h"
#include "tests/core/test_keys.h"
#include "web/shell/app.h"
#include "web/shell/theme.h"
#include "web/shell/widget_registry.h"

namespace userpool::test {

HeadlessUi::HeadlessUi(float width, float height, float scale) {
  context_ = ImGui::CreateContext();
  // CreateContext makes the new context current only if there was none.
  ImGui::SetCurrentContext(context_);
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.DisplaySize = ImVec2(width, height);
  io.DeltaTime = 1.0f / 60.0f;
  // A key map, as a platform backend would set it, so tests can press keys.
  for (int k = 0; k < ImGuiKey_COUNT; ++k) io.KeyMap[k] = k;
  fonts_ = web::load_fonts(scale);
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);  // builds the atlas
  web::set_theme(web::Theme::kLight);  // a theme switched by an earlier test must not leak
  web::apply_theme(scale);
  web::widget_registry().set_enabled(true);
}

HeadlessUi::~HeadlessUi() {
  web::widget_registry().set_enabled(false);
  ImGui::DestroyContext(context_);
}

void HeadlessUi::frame(const std::function<void()>& draw) {
  // Several UIs may live in one test (an export here, an import there).
  ImGui::SetCurrentContext(context_);
  ImGui::NewFrame();
  draw();
  ImGui::Render();
}

std::optional<web::WidgetRect> HeadlessUi::reveal(std::string_view name, const std::function<void()>& draw) {
  frame(draw);
  ImGuiIO& io = ImGui::GetIO();
  // Not on screen: scroll the view under the middle of the display, as a
  // learner would, first down, then up; then the lesson column at the right
  // edge the same way.
  for (const float x : {0.6f, 0.99f}) {
    // ImGui keeps sending the wheel to the window it last scrolled for a
    // moment: the pointer rests over the next place first, as a hand would.
    io.MousePos = ImVec2(io.DisplaySize.x * x - 4.0f, io.DisplaySize.y * 0.55f);
    for (int rest = 0; rest < 60; ++rest) frame(draw);
    for (const float wheel : {-3.0f, 3.0f}) {
      for (int i = 0; i < 30; ++i) {
        if (auto rect = web::widget_registry().find(name); rect && rect->h >= 2) return rect;
        io.MousePos = ImVec2(io.DisplaySize.x * x - 4.0f, io.DisplaySize.y * 0.55f);
        io.MouseWheel = wheel;
        frame(draw);
        io.MouseWheel = 0;
        frame(draw);
      }
    }
  }
  return web::widget_registry().find(name);
}

bool HeadlessUi::click(std::string_view name, const std::function<void()>& draw) {
  auto rect = reveal(name, draw);
  if (!rect) return false;
  ImGuiIO& io = ImGui::GetIO();
  // Hover first, as a real pointer does: items that allow overlap (tabs,
  // selectable rows) only take a press they were hovered for a frame before.
  // A view still settling (a scroll asked for last frame) moves the widget:
  // the pointer follows it until it stays put.
  for (int settle = 0; settle < 5; ++settle) {
    io.MousePos = ImVec2(rect->x + rect->w / 2, rect->y + rect->h / 2);
    frame(draw);
    const auto now = web::widget_registry().find(name);
    if (!now) return false;
    if (now->x == rect->x && now->y == rect->y) break;
    rect = now;
  }
  io.MouseDown[0] = true;
  frame(draw);
  io.MouseDown[0] = false;
  frame(draw);
  return true;
}

bool HeadlessUi::type(std::string_view name, std::string_view text, const std::function<void()>& draw) {
  if (!click(name, draw)) return false;
  ImGuiIO& io = ImGui::GetIO();
  // Select all, then type over it.
  io.KeyCtrl = true;
  io.KeysDown[ImGui::GetKeyIndex(ImGuiKey_A)] = true;
  frame(draw);
  io.KeyCtrl = false;
  io.KeysDown[ImGui::GetKeyIndex(ImGuiKey_A)] = false;
  io.AddInputCharactersUTF8(std::string(text).c_str());
  frame(draw);
  frame(draw);
  return true;
}

void HeadlessUi::frames(int count, const std::function<void()>& draw) {
  for (int i = 0; i < count; ++i) frame(draw);
}

void HeadlessUi::wheel(float notches, const std::function<void()>& draw) {
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = ImVec2(io.DisplaySize.x * 0.6f, io.DisplaySize.y * 0.55f);
  io.MouseWheel = notches;
  frame(draw);
  io.MouseWheel = 0;
  frame(draw);
}

int HeadlessUi::vertex_count() const {
  const ImDrawData* data = ImGui::GetDrawData();
  return data != nullptr ? data->TotalVtxCount : 0;
}

AppUnderTest::AppUnderTest(float width, float height) : ui(width, height) {
  account.make_pool_keys = [](RandomSource&) { return shared_pool_keys(); };
  app = std::make_unique<web::App>(door);
  app->set_fonts(ui.fonts());
}

AppUnderTest::~AppUnderTest() = default;

std::function<void()> AppUnderTest::draw() {
  return [this] { app->frame(); };
}

Json AppUnderTest::ok(std::string_view operation, const Json& request) {
  const Response r = app->api().call(operation, request, CallOptions::unrecorded());
  INFO(std::string(operation) + " " + r.body.dump());
  REQUIRE(r.status == 200);
  return r.body;
}

AppUnderTest::LabPool AppUnderTest::create_lab_pool() {
  LabPool lab;
  lab.pool_id = ok("CreateUserPool", {{"PoolName", "kekepool"},
                                      {"UsernameAttributes", {"email"}},
                                      {"AutoVerifiedAttributes", {"email"}},
                                      {"Schema", {{{"Name", "name"}, {"Required", true}}}}})["UserPool"]["Id"];
  lab.client_id = ok("CreateUserPoolClient",
                     {{"UserPoolId", lab.pool_id},
                      {"ClientName", "kekeclient"},
                      {"ExplicitAuthFlows", {"ALLOW_USER_SRP_AUTH", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"}}})
                      ["UserPoolClient"]["ClientId"];
  return lab;
}

bool AppUnderTest::shown(std::string_view name) { return web::widget_registry().find(name).has_value(); }

web::AppSession signed_in_session(const std::string& pool_id, const std::string& client_id,
                                  const std::string& username, const Json& tokens) {
  web::AppSession s;
  s.pool_id = pool_id;
  s.client_id = client_id;
  s.username = username;
  s.id_token = tokens.value("IdToken", "");
  s.access_token = tokens.value("AccessToken", "");
  s.refresh_token = tokens.value("RefreshToken", "");
  return s;
}

bool shown(AppUnderTest& t, std::string_view name) {
  t.frames(1);
  return t.shown(name);
}

void choose(AppUnderTest& t, const std::string& combo, const std::string& value) {
  REQUIRE(t.click(combo));
  REQUIRE(t.click(combo + "." + value));
}

std::string clipboard() {
  const char* text = ImGui::GetClipboardText();
  return text == nullptr ? std::string() : std::string(text);
}

}  // namespace userpool::test
