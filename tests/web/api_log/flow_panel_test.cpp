#include "web/api_log/flow_panel.h"

#include <catch2/catch.hpp>

#include "imgui.h"
#include "tests/web/ui_harness.h"
#include "web/shell/app.h"

using namespace userpool;
using test::AppUnderTest;

namespace {

// The panel on its own, filling the display, over the app's context.
void draw_alone(AppUnderTest& t, web::FlowPanel& panel) {
  t.ui.frame([&] {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
    ImGui::Begin("flow alone");
    panel.draw();
    ImGui::End();
  });
}

void sign_up(AppUnderTest& t, const std::string& client_id, const std::string& email) {
  const Response r = t.app->api().call(
      "SignUp", Json{{"ClientId", client_id},
                     {"Username", email},
                     {"Password", "Passw0rd!"},
                     {"UserAttributes", {{{"Name", "email"}, {"Value", email}}, {{"Name", "name"}, {"Value", "A"}}}}});
  REQUIRE(r.status == 200);
}

}  // namespace

TEST_CASE("The flow view says so when there is no flow and no pool yet") {
  AppUnderTest t;
  REQUIRE(t.click("nav.flow"));
  t.frames(1);
  CHECK(t.app->context().view == web::View::kFlow);
  CHECK_FALSE(t.shown("flow.diagram"));
  CHECK_FALSE(t.shown("flow.architecture"));
  CHECK(t.ui.vertex_count() > 1000);  // the friendly lines are drawn

  web::FlowPanel panel(t.app->context());
  draw_alone(t, panel);
  CHECK(panel.steps().empty());
  CHECK_FALSE(panel.has_pool());
}

TEST_CASE("The flow view draws the last flow and the selected pool's pieces") {
  AppUnderTest t;
  const auto lab = t.create_lab_pool();
  t.ok("CreateUserPoolDomain", Json{{"UserPoolId", lab.pool_id}, {"Domain", "kekepool-flow"}});
  sign_up(t, lab.client_id, "alice@example.com");
  // Not confirmed yet: the pool refuses the sign-in.
  t.app->api().call("InitiateAuth", Json{{"ClientId", lab.client_id},
                                        {"AuthFlow", "USER_PASSWORD_AUTH"},
                                        {"AuthParameters", {{"USERNAME", "alice@example.com"}, {"PASSWORD", "Passw0rd!"}}}});
  t.frames(1);
  t.app->context().pool_id = lab.pool_id;  // the pool the console shows
  REQUIRE(t.click("nav.flow"));
  CHECK(t.shown("flow.diagram"));
  CHECK(t.shown("flow.architecture"));

  web::FlowPanel panel(t.app->context());
  draw_alone(t, panel);
  const auto& steps = panel.steps();
  REQUIRE(steps.size() == 5);  // SignUp, its email, its response; InitiateAuth and its error
  CHECK(steps[1].label == "email: verification code");
  CHECK(steps[3].label == "InitiateAuth (USER_PASSWORD_AUTH)");
  CHECK(steps[4].label == "UserNotConfirmedException");
  CHECK(steps[4].is_error);

  REQUIRE(panel.has_pool());
  const web::PoolPicture& p = panel.picture();
  CHECK(p.pool_id == lab.pool_id);
  REQUIRE(p.clients.size() == 1);
  CHECK(p.clients[0].name == "kekeclient");
  CHECK(p.clients[0].id == lab.client_id);
  CHECK(p.user_count == 1);
  CHECK(p.user_labels == std::vector<std::string>{"alice@example.com"});
  CHECK(p.key_ids.size() >= 1);
  CHECK(p.domain.rfind("kekepool-flow.auth.", 0) == 0);
}

TEST_CASE("The flow view follows new calls and a change of pool") {
  AppUnderTest t;
  const auto lab = t.create_lab_pool();
  web::FlowPanel panel(t.app->context());
  t.app->context().session.pool_id = lab.pool_id;  // the learner's app uses it; no pool selected
  draw_alone(t, panel);
  CHECK(panel.steps().empty());
  REQUIRE(panel.has_pool());
  CHECK(panel.picture().user_count == 0);

  sign_up(t, lab.client_id, "bob@example.com");
  draw_alone(t, panel);
  CHECK(panel.steps().size() == 3);
  CHECK(panel.picture().user_count == 1);

  // A client added by another caller through the door shows at the next frame.
  t.ok("CreateUserPoolClient", Json{{"UserPoolId", lab.pool_id}, {"ClientName", "second"}});
  draw_alone(t, panel);
  CHECK(panel.picture().clients.size() == 2);

  // The pool goes away: the picture says there is none.
  t.app->api().call("DeleteUserPool", Json{{"UserPoolId", lab.pool_id}});
  draw_alone(t, panel);
  CHECK_FALSE(panel.has_pool());
}
