#include "web/shell/widget_registry.h"

#include <catch2/catch.hpp>

#include "imgui.h"
#include "tests/web/ui_harness.h"

using namespace userpool;

TEST_CASE("A widget's name is its ### identifier, or else its visible label") {
  CHECK(web::widget_name("Create user pool###wizard.create") == "wizard.create");
  CHECK(web::widget_name("OK##second") == "OK");
  CHECK(web::widget_name("Plain") == "Plain");
  CHECK(web::widget_name("##hidden").empty());
}

TEST_CASE("The registry records where each named widget was drawn in the last frame") {
  test::HeadlessUi ui;
  bool second = true;
  auto draw = [&] {
    ImGui::Begin("w");
    ImGui::Button("First###a.first");
    if (second) ImGui::Button("Second");
    ImGui::End();
  };
  // A new window is sized on its second frame; until then items clipped
  // out of it report no label (and could not be clicked anyway).
  ui.frame(draw);
  ui.frame(draw);
  const auto first = web::widget_registry().find("a.first");
  const auto other = web::widget_registry().find("Second");
  REQUIRE(first);
  REQUIRE(other);
  CHECK(first->w > 0);
  CHECK(first->h > 0);
  CHECK(other->y > first->y);  // drawn below
  CHECK(web::widget_registry().all().size() == 2);

  second = false;
  ui.frame(draw);
  CHECK_FALSE(web::widget_registry().find("Second"));
  CHECK(web::widget_registry().find("a.first"));
}

TEST_CASE("A broken Begin/End pairing fails loudly instead of drawing garbage") {
  test::HeadlessUi ui;
  // End() without Begin() trips one of ImGui's checks, which stay on.
  CHECK_THROWS_AS(ui.frame([] { ImGui::End(); }), std::logic_error);
}
