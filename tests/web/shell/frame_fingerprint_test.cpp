// The page skips drawing a frame whose fingerprint equals the one on the
// canvas, so the fingerprint must change whenever the picture would, and
// stay put while nothing changes.
#include <catch2/catch.hpp>

#include "imgui.h"
#include "tests/web/ui_harness.h"
#include "web/shell/frame_fingerprint.h"

using namespace userpool;

namespace {

constexpr float kLightBackground[4] = {1, 1, 1, 1};

std::uint64_t fingerprint_now(const float background[4] = kLightBackground) {
  return web::frame_fingerprint(*ImGui::GetDrawData(), background);
}

}  // namespace

TEST_CASE("A frame that would look the same has the same fingerprint; any change in the picture changes it") {
  test::HeadlessUi ui;
  std::string label = "Sign in";
  const auto draw = [&] {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(400, 200));
    ImGui::Begin("fingerprint");
    ImGui::TextUnformatted(label.c_str());
    ImGui::End();
  };
  ui.frames(3, draw);
  const std::uint64_t first = fingerprint_now();
  ui.frames(1, draw);
  CHECK(fingerprint_now() == first);  // idle: nothing to draw

  label = "Sign up";  // same length, other glyphs
  ui.frames(1, draw);
  const std::uint64_t changed_text = fingerprint_now();
  CHECK(changed_text != first);

  const float dark[4] = {0.1f, 0.1f, 0.1f, 1};
  CHECK(fingerprint_now(dark) != changed_text);  // the theme's background alone
}

TEST_CASE("Moving the mouse over a button changes the fingerprint (the hover colour), and back restores it") {
  test::HeadlessUi ui;
  const auto draw = [&] {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(400, 200));
    ImGui::Begin("hover");
    ImGui::SetCursorPos(ImVec2(20, 40));
    ImGui::Button("Create user", ImVec2(160, 30));
    ImGui::End();
  };
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = ImVec2(350, 180);
  ui.frames(3, draw);
  const std::uint64_t away = fingerprint_now();
  io.MousePos = ImVec2(60, 50);
  ui.frames(2, draw);
  const std::uint64_t over = fingerprint_now();
  CHECK(over != away);
  io.MousePos = ImVec2(350, 180);
  ui.frames(2, draw);
  CHECK(fingerprint_now() == away);
}
