#include "web/shell/app.h"

#include <catch2/catch.hpp>

#include "core/base/identifiers.h"
#include "imgui.h"
#include "tests/web/ui_harness.h"
#include "web/shell/theme.h"
#include "tests/web/screen_text.h"
#include "web/shell/widgets.h"

using namespace userpool;

TEST_CASE("The start page draws at 1x and 2x pixel ratios without ImGui errors") {
  for (const float scale : {1.0f, 2.0f}) {
    test::HeadlessUi ui(1280 * scale, 720 * scale, scale);
    Account account;
    AccountDoor door(account);
    web::App app(door);
    app.set_fonts(ui.fonts());
    REQUIRE_NOTHROW(ui.frame([&] { app.frame(); }));
    REQUIRE_NOTHROW(ui.frame([&] { app.frame(); }));
    // Text, header and cards: thousands of vertices; an empty frame has none.
    CHECK(ui.vertex_count() > 1000);
  }
}

TEST_CASE("Generate new examples replaces all three identifiers") {
  test::HeadlessUi ui;
  Account account;
  AccountDoor door(account);
  web::App app(door);
  app.set_fonts(ui.fonts());
  const auto before = app.examples();
  REQUIRE(ui.click("Generate new examples", [&] { app.frame(); }));
  const auto after = app.examples();
  CHECK(after.user_pool_id != before.user_pool_id);
  CHECK(after.app_client_id != before.app_client_id);
  CHECK(after.sub != before.sub);
  CHECK(is_user_pool_id(after.user_pool_id));
  CHECK(is_uuid(after.sub));
}

TEST_CASE("A click outside any widget changes nothing") {
  test::HeadlessUi ui;
  Account account;
  AccountDoor door(account);
  web::App app(door);
  app.set_fonts(ui.fonts());
  CHECK_FALSE(ui.click("no such widget", [&] { app.frame(); }));
  const auto before = app.examples();
  ui.frame([&] { app.frame(); });
  CHECK(app.examples().sub == before.sub);
}

TEST_CASE("A pool made through the API appears in the sidebar and opens its console") {
  userpool::test::AppUnderTest t;
  const auto lab = t.create_lab_pool();
  t.frames(1);
  REQUIRE(t.click("nav.pool." + lab.pool_id));
  CHECK(t.app->context().view == userpool::web::View::kPool);
  CHECK(t.app->context().pool_id == lab.pool_id);
}

TEST_CASE("The theme switch turns the whole app dark and back, and tells the page which was chosen") {
  test::AppUnderTest t;
  std::vector<web::Theme> remembered;
  t.app->context().theme_chosen = [&](web::Theme theme) { remembered.push_back(theme); };
  t.frames(1);
  const auto brightness = [](const ImVec4& c) { return (c.x + c.y + c.z) / 3; };
  CHECK(brightness(ImGui::GetStyle().Colors[ImGuiCol_WindowBg]) > 0.8f);
  const unsigned light_red = web::colors::red();

  REQUIRE(t.click("theme.toggle"));
  t.frames(1);  // the switch takes effect at the start of the next frame
  CHECK(web::current_theme() == web::Theme::kDark);
  CHECK(brightness(ImGui::GetStyle().Colors[ImGuiCol_WindowBg]) < 0.2f);
  CHECK(brightness(ImGui::GetStyle().Colors[ImGuiCol_Text]) > 0.8f);
  CHECK(web::colors::red() != light_red);  // status colours follow, to stay readable
  // Every panel still draws in the dark.
  for (const char* nav : {"nav.create_pool", "nav.try_it", "nav.inbox", "nav.tokens", "nav.api_log", "nav.flow",
                          "nav.saved_work"})
    REQUIRE(t.click(nav));

  REQUIRE(t.click("theme.toggle"));
  t.frames(1);
  CHECK(web::current_theme() == web::Theme::kLight);
  CHECK(brightness(ImGui::GetStyle().Colors[ImGuiCol_WindowBg]) > 0.8f);
  CHECK(remembered == std::vector{web::Theme::kDark, web::Theme::kLight});
}

TEST_CASE("Pools that share a name are told apart in the sidebar by the end of their IDs") {
  userpool::test::AppUnderTest t;
  const std::string first = t.ok("CreateUserPool", {{"PoolName", "staff-pool"}})["UserPool"]["Id"];
  const std::string second = t.ok("CreateUserPool", {{"PoolName", "staff-pool"}})["UserPool"]["Id"];
  const std::string alone = t.ok("CreateUserPool", {{"PoolName", "kekepool"}})["UserPool"]["Id"];
  t.frames(2);
  CHECK(userpool::test::screen_shows("staff-pool " + first.substr(first.size() - 5)));
  CHECK(userpool::test::screen_shows("staff-pool " + second.substr(second.size() - 5)));
  CHECK_FALSE(userpool::test::screen_shows("kekepool " + alone.substr(alone.size() - 5)));
}

TEST_CASE("The start page offers a first user pool only while there is none") {
  userpool::test::AppUnderTest t;
  t.frames(2);
  CHECK(userpool::test::screen_shows("Create your first user pool"));
  t.create_lab_pool();
  // Back from a cancelled wizard, a pool exists.
  REQUIRE(t.click("nav.create_pool"));
  REQUIRE(t.click("wizard.cancel"));
  t.frames(2);
  CHECK(t.app->context().view == userpool::web::View::kWelcome);
  CHECK_FALSE(userpool::test::screen_shows("Create your first user pool"));
  CHECK(userpool::test::screen_shows("Create a user pool"));
}
