// The inbox, driven headlessly: messages newest first, "Copy" and "Use" on
// the picked-out code, the destination filter, and the empty inbox.
#include "web/try_it/inbox_panel.h"

#include <catch2/catch.hpp>

#include "imgui.h"
#include "tests/web/ui_harness.h"
#include "web/shell/app.h"

using namespace userpool;
using test::AppUnderTest;

namespace {

// Signs up a user of the lab pool (email username), which sends a code.
void sign_up_someone(AppUnderTest& t, const std::string& client_id, const std::string& email) {
  t.ok("SignUp", {{"ClientId", client_id}, {"Username", email}, {"Password", "Passw0rd!"},
                  {"UserAttributes", {{{"Name", "name"}, {"Value", "Someone"}}}}});
}

Json messages(AppUnderTest& t) { return t.ok("Sandbox.ListMessages", {{"MaxResults", 10}})["Messages"]; }

}  // namespace

TEST_CASE("An empty inbox says so with a friendly line") {
  AppUnderTest t;
  REQUIRE(t.click("nav.inbox"));
  CHECK(t.shown("inbox.try_it"));
  CHECK_FALSE(t.shown("inbox.use.0"));
  REQUIRE(t.click("inbox.try_it"));
  CHECK(t.app->context().view == web::View::kTryIt);
}

TEST_CASE("The inbox lists messages newest first; Copy puts that message's code on the clipboard") {
  AppUnderTest t;
  const auto lab = t.create_lab_pool();
  sign_up_someone(t, lab.client_id, "first@example.com");
  t.app->api().call("Sandbox.AdvanceClock", {{"Seconds", 60}});
  sign_up_someone(t, lab.client_id, "second@example.com");
  const Json sent = messages(t);
  REQUIRE(sent.size() == 2);
  REQUIRE(sent[0]["Destination"] == "second@example.com");
  REQUIRE(t.click("nav.inbox"));
  CHECK(t.shown("inbox.use.1"));
  CHECK_FALSE(t.shown("inbox.use.2"));
  REQUIRE(t.click("inbox.copy.0"));
  CHECK(std::string(ImGui::GetClipboardText()) == sent[0]["Code"].get<std::string>());
  REQUIRE(t.click("inbox.copy.1"));
  CHECK(std::string(ImGui::GetClipboardText()) == sent[1]["Code"].get<std::string>());
}

TEST_CASE("Use hands the code to Try it and opens it; with no form waiting, Try it says so") {
  AppUnderTest t;
  const auto lab = t.create_lab_pool();
  sign_up_someone(t, lab.client_id, "first@example.com");
  const std::string code = messages(t)[0]["Code"];
  REQUIRE(t.click("nav.inbox"));
  REQUIRE(t.click("inbox.use.0"));
  CHECK(t.app->context().view == web::View::kTryIt);
  CHECK(t.app->context().offered_code == code);
  // Try it opens on its sign-up form, which waits for no code.
  t.frames(1);
  CHECK(t.app->context().offered_code.empty());
  REQUIRE_FALSE(t.app->context().notices.empty());
  CHECK(t.app->context().notices.back().text.find("No form") != std::string::npos);
}

TEST_CASE("The filter shows only messages to a matching destination") {
  AppUnderTest t;
  const auto lab = t.create_lab_pool();
  sign_up_someone(t, lab.client_id, "ann@example.com");
  sign_up_someone(t, lab.client_id, "bob@example.org");
  sign_up_someone(t, lab.client_id, "cat@example.com");
  const Json sent = messages(t);
  REQUIRE(t.click("nav.inbox"));
  REQUIRE(t.type("inbox.filter", "BOB@"));
  CHECK(t.shown("inbox.use.0"));
  CHECK_FALSE(t.shown("inbox.use.1"));
  REQUIRE(t.click("inbox.copy.0"));
  CHECK(std::string(ImGui::GetClipboardText()) == sent[1]["Code"].get<std::string>());
  REQUIRE(t.type("inbox.filter", "example.com"));
  CHECK(t.shown("inbox.use.1"));
  CHECK_FALSE(t.shown("inbox.use.2"));
  REQUIRE(t.type("inbox.filter", "nobody"));
  CHECK_FALSE(t.shown("inbox.use.0"));
}
