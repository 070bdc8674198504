// The learner's work kept and moved: a saved document restores the same
// sandbox and session elsewhere; a bad one is refused and changes nothing.
#include "web/shell/saved_work.h"

#include <catch2/catch.hpp>

#include "core/api/dispatcher.h"
#include "core/api/state.h"
#include "tests/web/ui_harness.h"
#include "web/shell/app.h"

using namespace userpool;
using test::AppUnderTest;

namespace {

std::string exported(AppUnderTest& t) { return t.ok("Sandbox.ExportState", Json::object())["State"].dump(); }

// A lab pool with a signed-up user and a signed-in session in the app.
AppUnderTest::LabPool some_work(AppUnderTest& t) {
  const auto lab = t.create_lab_pool();
  t.ok("AdminCreateUser", {{"UserPoolId", lab.pool_id}, {"Username", "ada@example.com"}, {"MessageAction", "SUPPRESS"}});
  t.ok("AdminSetUserPassword", {{"UserPoolId", lab.pool_id}, {"Username", "ada@example.com"}, {"Password", "Passw0rd!"},
                                {"Permanent", true}});
  const Json tokens = t.ok("InitiateAuth", {{"ClientId", lab.client_id}, {"AuthFlow", "USER_PASSWORD_AUTH"},
                                            {"AuthParameters", {{"USERNAME", "ada@example.com"}, {"PASSWORD", "Passw0rd!"}}}})
                          ["AuthenticationResult"];
  web::UiContext& ctx = t.app->context();
  ctx.session = test::signed_in_session(lab.pool_id, lab.client_id, "ada@example.com", tokens);
  ctx.open_pool(lab.pool_id);
  return lab;
}

}  // namespace

TEST_CASE("Saved work restores the same sandbox, session and open pool in a fresh app") {
  AppUnderTest first;
  const auto lab = some_work(first);
  const std::string document = web::saved_work(first.app->context()).dump();

  AppUnderTest second;
  REQUIRE_FALSE(web::restore_saved_work(second.app->context(), document).has_value());
  CHECK(exported(second) == exported(first));
  const web::UiContext& ctx = second.app->context();
  CHECK(ctx.session.access_token == first.app->context().session.access_token);
  CHECK(ctx.view == web::View::kPool);
  CHECK(ctx.pool_id == lab.pool_id);
  // The restored tokens work against the restored pool.
  CHECK(second.ok("GetUser", {{"AccessToken", ctx.session.access_token}})["Username"] ==
        first.ok("AdminGetUser", {{"UserPoolId", lab.pool_id}, {"Username", "ada@example.com"}})["Username"]);
  second.frames(2);  // and the app draws it
}

TEST_CASE("The work changes (and is saved again) when only the session does: tokens opened in the inspector, a sign-out") {
  AppUnderTest t;
  const auto lab = t.create_lab_pool();
  web::UiContext& ctx = t.app->context();
  const std::uint64_t before = ctx.work_revision();
  CHECK(ctx.work_revision() == before);  // nothing changed: nothing to save
  ctx.session.pool_id = lab.pool_id;
  ctx.session.id_token = "a.b.c";
  const std::uint64_t signed_in = ctx.work_revision();
  CHECK(signed_in != before);
  ctx.session.sign_out();
  CHECK(ctx.work_revision() != signed_in);
}

TEST_CASE("A bare state document from Sandbox.ExportState imports too, signed out") {
  AppUnderTest first;
  some_work(first);
  AppUnderTest second;
  REQUIRE_FALSE(web::restore_saved_work(second.app->context(), exported(first)).has_value());
  CHECK(exported(second) == exported(first));
  CHECK_FALSE(second.app->context().session.signed_in());
}

TEST_CASE("A file that is not saved work is refused with the reason, and nothing changes") {
  AppUnderTest t;
  some_work(t);
  const std::string before = exported(t);
  const std::string access = t.app->context().session.access_token;
  const Json good = web::saved_work(t.app->context());
  Json newer = good;
  newer["Version"] = 99;
  Json damaged = good;
  damaged["State"]["UserPools"] = "not a list";
  const std::string truncated = good.dump().substr(0, good.dump().size() / 2);
  const struct {
    std::string text, error_start;
  } cases[] = {
      {"", "SerializationException: The file is not JSON"},
      {truncated, "SerializationException: The file is not JSON"},
      {"[1, 2]", "InvalidParameterException: Saved sandbox work is a JSON object."},
      {newer.dump(), "InvalidParameterException: This file was saved by another version of the sandbox (Version 99)"},
      {damaged.dump(), "InvalidParameterException"},
      {R"({"hello": "world"})", "InvalidParameterException"},
  };
  for (const auto& c : cases) {
    INFO(c.text.substr(0, 80));
    const auto error = web::restore_saved_work(t.app->context(), c.text);
    REQUIRE(error.has_value());
    CHECK(error->rfind(c.error_start, 0) == 0);
    CHECK(exported(t) == before);
    CHECK(t.app->context().session.access_token == access);
  }
}

TEST_CASE("Your work: export hands the document to the page, import asks for a file, reset needs a confirmation") {
  AppUnderTest t;
  some_work(t);
  std::string file_name, file_text;
  bool asked = false;
  web::UiContext& ctx = t.app->context();
  ctx.download = [&](const std::string& name, const std::string& text) { file_name = name, file_text = text; };
  web::UiContext::FileHandler handler;
  ctx.choose_file = [&](web::UiContext::FileHandler h) { asked = true, handler = std::move(h); };
  REQUIRE(t.click("nav.saved_work"));
  REQUIRE(t.click("work.export"));
  CHECK(file_name == "userpool-sandbox.json");
  CHECK(Json::parse(file_text)["Format"] == kSavedWorkFormat);
  REQUIRE(t.click("work.import"));
  CHECK(asked);
  // The chosen file arrives later; a file that is not sandbox work changes nothing.
  REQUIRE(handler);
  handler("notes.txt", "hello");
  CHECK(t.ok("ListUserPools", {{"MaxResults", 10}})["UserPools"].size() == 1);
  CHECK(ctx.notices.back().error);
  handler("userpool-sandbox.json", file_text);
  CHECK_FALSE(ctx.notices.back().error);
  REQUIRE(t.click("nav.saved_work"));  // an import opens the work it brought
  REQUIRE(t.click("work.reset"));
  CHECK(t.ok("ListUserPools", {{"MaxResults", 10}})["UserPools"].size() == 1);  // not yet
  REQUIRE(t.click("work.reset_confirmed"));
  CHECK(t.ok("ListUserPools", {{"MaxResults", 10}})["UserPools"].empty());
  CHECK_FALSE(ctx.session.signed_in());
  // The exported file brings everything back.
  REQUIRE_FALSE(web::restore_saved_work(ctx, file_text).has_value());
  CHECK(t.ok("ListUserPools", {{"MaxResults", 10}})["UserPools"].size() == 1);
}
