// What a learner sees, checked the way a careful reviewer looks: every view
// opened with realistic content (a pool with two app clients, five users in
// several states, groups, messages, a signed-in session, lessons under way),
// at 1280x720 and 1920x1080, scrolled from top to bottom, must have nothing
// drawn outside its card, no text cut where it cannot be scrolled to, no
// text squeezed into a column a few characters wide and no text drawn over
// other text (tests/web/layout_check.h).
#include <catch2/catch.hpp>

#include <set>

#include "imgui.h"
#include "tests/web/layout_check.h"
#include "tests/web/screen_text.h"
#include "tests/web/ui_harness.h"
#include "web/shell/app.h"
#include "web/shell/widgets.h"

using namespace userpool;
using userpool::test::AppUnderTest;

namespace {

constexpr const char* kLayoutPassword = "Corr3ct-Horse!";

struct Content {
  std::string pool, client, jane;
};

// The content, made through the app's API client (so the API log and the
// flow show it) as a presenter's prepared sandbox would be.
Content realistic_content(AppUnderTest& app) {
  struct {
    AppUnderTest& t;
    Json ok(std::string_view operation, const Json& request) {
      const Response r = t.app->api().call(operation, request);
      INFO(std::string(operation) + " " + r.body.dump());
      REQUIRE(r.status == 200);
      return r.body;
    }
  } t{app};
  Content c;
  c.pool = t.ok("CreateUserPool", {{"PoolName", "kekepool"},
                                   {"UsernameAttributes", {"email"}},
                                   {"AutoVerifiedAttributes", {"email"}},
                                   {"Schema", {{{"Name", "name"}, {"Required", true}}}}})["UserPool"]["Id"];
  t.ok("CreateUserPoolDomain", {{"UserPoolId", c.pool}, {"Domain", "keke-demo"}});
  c.client = t.ok("CreateUserPoolClient",
                  {{"UserPoolId", c.pool},
                   {"ClientName", "kekeclient"},
                   {"ExplicitAuthFlows", {"ALLOW_USER_SRP_AUTH", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"}}})
                 ["UserPoolClient"]["ClientId"];
  t.ok("CreateUserPoolClient", {{"UserPoolId", c.pool},
                                {"ClientName", "kekeserver"},
                                {"GenerateSecret", true},
                                {"AccessTokenValidity", 1},
                                {"IdTokenValidity", 1},
                                {"TokenValidityUnits", {{"AccessToken", "hours"}, {"IdToken", "hours"}}}});
  const auto sign_up = [&](const std::string& email, const std::string& name, const std::string& phone) {
    Json attributes = {{{"Name", "name"}, {"Value", name}}};
    if (!phone.empty()) attributes.push_back({{"Name", "phone_number"}, {"Value", phone}});
    t.ok("SignUp", {{"ClientId", c.client}, {"Username", email}, {"Password", kLayoutPassword}, {"UserAttributes", attributes}});
  };
  const auto confirm = [&](const std::string& email) {
    t.ok("AdminConfirmSignUp", {{"UserPoolId", c.pool}, {"Username", email}});
    t.ok("AdminUpdateUserAttributes", {{"UserPoolId", c.pool},
                                       {"Username", email},
                                       {"UserAttributes", {{{"Name", "email_verified"}, {"Value", "true"}}}}});
  };
  sign_up("jane.doe.longname@example.com", "Jane Doe", "+12065550100");
  confirm("jane.doe.longname@example.com");
  sign_up("bob@example.com", "Bob", "+12065550101");  // UNCONFIRMED, a code in the inbox
  t.ok("AdminCreateUser", {{"UserPoolId", c.pool},
                           {"Username", "carol.administrator@example.com"},
                           {"DesiredDeliveryMediums", {"EMAIL"}},
                           {"UserAttributes", {{{"Name", "name"}, {"Value", "Carol"}}}}});
  sign_up("dan@example.com", "Dan", "");
  confirm("dan@example.com");
  t.ok("AdminDisableUser", {{"UserPoolId", c.pool}, {"Username", "dan@example.com"}});
  sign_up("eve@example.com", "Eve", "");
  confirm("eve@example.com");
  t.ok("AdminResetUserPassword", {{"UserPoolId", c.pool}, {"Username", "eve@example.com"}});
  for (const char* group : {"admins", "readers"}) {
    t.ok("CreateGroup", {{"UserPoolId", c.pool}, {"GroupName", group}});
    t.ok("AdminAddUserToGroup", {{"UserPoolId", c.pool}, {"Username", "jane.doe.longname@example.com"}, {"GroupName", group}});
  }
  t.ok("CreateUserPool", {{"PoolName", "second-pool"}});
  c.jane = t.ok("AdminGetUser", {{"UserPoolId", c.pool}, {"Username", "jane.doe.longname@example.com"}})["Username"];
  const Json tokens = t.ok("InitiateAuth", {{"ClientId", c.client},
                                            {"AuthFlow", "USER_PASSWORD_AUTH"},
                                            {"AuthParameters", {{"USERNAME", "jane.doe.longname@example.com"},
                                                                {"PASSWORD", kLayoutPassword}}}})["AuthenticationResult"];
  app.app->context().session = test::signed_in_session(c.pool, c.client, c.jane, tokens);
  return c;
}

// The view as it is now, scrolled from its top to its bottom: the problems
// of every position, each once, named with the view.
void look_through(AppUnderTest& t, const std::string& view, std::set<std::string>& problems) {
  t.frames(3);
  for (int position = 0; position < 14; ++position) {
    for (const std::string& p : test::layout_problems()) problems.insert(view + ": " + p);
    t.ui.wheel(-4, t.draw());
  }
  for (int i = 0; i < 14; ++i) t.ui.wheel(4, t.draw());  // back to the top, for the next click
}

std::string listed(const std::set<std::string>& problems) {
  std::string out;
  for (const std::string& p : problems) out += "\n  - " + p;
  return out;
}

void tour(AppUnderTest& t, const Content& c, std::set<std::string>& problems) {
  look_through(t, "welcome", problems);
  const auto open = [&](const std::string& view, std::initializer_list<std::string> clicks) {
    for (const std::string& name : clicks) {
      INFO(view << ": clicking " << name);
      REQUIRE(t.click(name));
    }
    look_through(t, view, problems);
  };
  open("lessons", {"nav.lessons"});
  open("pool overview", {"nav.pool." + c.pool, "pool.tab.overview"});
  open("users", {"pool.tab.users"});
  open("a user's details", {"users.row." + c.jane});
  open("create user", {"users.create"});
  open("app clients", {"pool.tab.clients"});
  open("pool settings", {"pool.tab.settings"});
  open("app integration", {"pool.tab.integration"});
  open("try it", {"nav.try_it"});
  open("hosted UI", {"nav.hosted_ui"});
  open("inbox", {"nav.inbox"});
  open("tokens", {"nav.tokens"});
  open("API log", {"nav.api_log", "apilog.entry.0"});
  open("flow", {"nav.flow"});
  open("your work", {"nav.saved_work"});
  open("API Gateway", {"nav.api_gateway"});
  open("Elastic Beanstalk", {"nav.beanstalk"});
  open("wizard step 1", {"nav.create_pool"});
  open("wizard step 2", {"wizard.next"});
  open("wizard step 3", {"wizard.next"});
  open("wizard step 4", {"wizard.next"});
  REQUIRE(t.click("wizard.email.cognito"));
  open("wizard step 5", {"wizard.next"});
  REQUIRE(t.type("wizard.pool_name", "a-pool-with-a-rather-long-name"));
  REQUIRE(t.type("wizard.client_name", "a-client-with-a-rather-long-name"));
  open("wizard step 6", {"wizard.next"});
  REQUIRE(t.click("wizard.cancel"));
  // Every lesson's first step beside the app, its hints shown; then a pool's
  // users beside a lesson (the main view at its narrowest).
  for (const auto& lesson : t.app->context().lessons.catalogue().lessons) {
    REQUIRE(t.click("nav.lessons"));
    REQUIRE(t.click("lessons.start." + lesson.id));
    INFO(lesson.id);
    for (std::size_t h = 0; h < lesson.steps.front().hints.size(); ++h) REQUIRE(t.click("lesson.hint"));
    look_through(t, "lesson " + lesson.id, problems);
  }
  REQUIRE(t.click("nav.lessons"));
  REQUIRE(t.click("lessons.start.admin-created-users"));
  open("users beside a lesson", {"nav.pool." + c.pool, "pool.tab.users"});
  open("a user's details beside a lesson", {"users.row." + c.jane});
  open("hosted UI beside a lesson", {"nav.hosted_ui"});
  open("groups beside a lesson", {"nav.pool." + c.pool, "pool.tab.groups"});
}

}  // namespace

TEST_CASE("Every view, with realistic content, is laid out cleanly at 1280x720 and 1920x1080") {
  for (const auto& [width, height] : {std::pair{1280.0f, 720.0f}, std::pair{1920.0f, 1080.0f}}) {
    AppUnderTest t(width, height);
    const Content c = realistic_content(t);
    std::set<std::string> problems;
    tour(t, c, problems);
    INFO("at " << width << "x" << height << ":" << listed(problems));
    CHECK(problems.empty());
  }
}

TEST_CASE("The layout check sees the faults it is for") {
  AppUnderTest t;
  const auto draw_card = [&](const std::function<void()>& inside) {
    t.ui.frame([&] {
      ImGui::SetNextWindowPos(ImVec2(0, 0));
      ImGui::SetNextWindowSize(ImVec2(900, 600));
      ImGui::Begin("layout");
      web::begin_card(300);
      web::heading(t.app->context(), "A card");
      inside();
      web::end_card();
      ImGui::End();
    });
  };
  const auto found = [](const char* what) {
    const auto problems = test::layout_problems();
    UNSCOPED_INFO(what << " among:" << listed({problems.begin(), problems.end()}));
    return std::any_of(problems.begin(), problems.end(), [&](const std::string& p) { return p.find(what) != std::string::npos; });
  };

  draw_card([] {
    ImGui::PushTextWrapPos(-1.0f);  // not wrapped: it runs on past the card
    ImGui::TextUnformatted("A sentence that is far too long to fit in a card three hundred pixels wide");
    ImGui::PopTextWrapPos();
  });
  CHECK(found("drawn past its right edge"));

  draw_card([] { ImGui::TextWrapped("A sentence that wraps inside the card, as it should."); });
  CHECK(test::layout_problems().empty());
  CHECK(test::screen_shows("A sentence that wraps inside"));

  draw_card([] {
    if (ImGui::BeginTable("wide", 2, ImGuiTableFlags_RowBg)) {  // as wide as the window, not the card
      for (const char* cell : {"a", "b", "c", "d"}) {
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(cell);
      }
      ImGui::EndTable();
    }
  });
  CHECK(found("drawn past its right edge"));

  draw_card([] {
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + 240);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + 20);
    ImGui::TextWrapped("stacked");
    ImGui::PopTextWrapPos();
  });
  CHECK(found("is wrapped in a column"));

  draw_card([] {
    ImGui::TextUnformatted("first");
    ImGui::SameLine();
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() - 40);  // back over "first"
    ImGui::TextUnformatted("second");
  });
  CHECK(found("are drawn over each other"));

  draw_card([] {
    if (ImGui::BeginTable("narrow", 2, 0, ImVec2(200, 0))) {
      ImGui::TableSetupColumn("a", ImGuiTableColumnFlags_WidthFixed, 40);
      ImGui::TableSetupColumn("b", ImGuiTableColumnFlags_WidthFixed, 40);
      ImGui::TableNextColumn();
      ImGui::TextUnformatted("FORCE_CHANGE_PASSWORD");
      ImGui::TableNextColumn();
      ImGui::TextUnformatted("x");
      ImGui::EndTable();
    }
  });
  CHECK(found("is cut at"));
}
