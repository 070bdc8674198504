// Lessons in the app: the list, the step column, hints, the solution behind
// a confirmation, "do it for me", the outlined widget, progress kept with
// the saved work, and a presenter's own lesson file.
#include <catch2/catch.hpp>

#include "imgui.h"
#include "web/shell/frame_fingerprint.h"

#include <algorithm>

#include "tests/web/screen_text.h"
#include "tests/web/ui_harness.h"
#include "web/shell/app.h"
#include "web/shell/saved_work.h"

using namespace userpool;
using userpool::test::AppUnderTest;

namespace {

web::LessonState& state(AppUnderTest& t) { return t.app->context().lessons; }

void start_from_the_list(AppUnderTest& t, const std::string& id) {
  REQUIRE(t.click("nav.lessons"));
  REQUIRE(t.click("lessons.start." + id));
  t.frames(2);
  REQUIRE(state(t).progress().lesson_id() == id);
}

// The next step, as a learner who gives up on it: solution, confirm, do it.
void do_it_for_me(AppUnderTest& t) {
  REQUIRE(t.click("lesson.show_solution"));
  REQUIRE(t.click("lesson.confirm_solution"));
  REQUIRE(t.click("lesson.do_it"));
  t.frames(2);
}

const std::string kOwnLesson = R"({
  "Format": "userpool-sandbox-lesson", "Version": 1,
  "Id": "workshop-pool", "Title": "Our workshop pool", "Summary": "Make the pool we use today.",
  "Steps": [{
    "Id": "make-it", "Title": "Create the pool", "Text": "Create a pool named **workshop**.",
    "Check": {"Source": {"Call": "ListUserPools", "Request": {"MaxResults": 60}},
              "Pointer": "/UserPools", "Where": {"Name": "workshop"}, "Exists": true},
    "Hints": ["Use the wizard."],
    "Solution": [{"Call": "CreateUserPool", "Request": {"PoolName": "workshop"}}]
  }]
})";

}  // namespace

TEST_CASE("The lesson list offers every lesson that ships, and starting one opens its first step beside the app") {
  AppUnderTest t;
  REQUIRE(t.click("nav.lessons"));
  for (const auto& lesson : state(t).catalogue().lessons) {
    INFO(lesson.id);
    CHECK(t.ui.reveal("lessons.start." + lesson.id, t.draw()));
  }
  REQUIRE(t.click("lessons.start.create-user-pool"));
  t.frames(2);
  CHECK(t.shown("lesson.leave"));
  CHECK(t.ui.reveal("lesson.hint", t.draw()));  // below lesson 1's diagram at 720 pixels high
  CHECK(state(t).step()->id == state(t).lesson()->steps[0].id);
  CHECK_FALSE(state(t).not_yet().empty());  // the check says why the step is not done
  // Leaving closes the column; the lesson can be continued from the list.
  REQUIRE(t.click("lesson.leave"));
  t.frames(1);
  CHECK_FALSE(t.shown("lesson.hint"));
}

TEST_CASE("Lesson 1 opens with its architecture diagram; 'Not done yet' speaks plain words, the check's reason under Details") {
  AppUnderTest t;
  start_from_the_list(t, "create-user-pool");
  const lessons::Step& first = *state(t).step();
  REQUIRE_FALSE(first.diagram.empty());
  CHECK(t.shown("lesson.diagram"));
  t.frames(1);
  // Each box, and each arrow's words in the legend, are on the screen.
  for (const auto& box : first.diagram.boxes) CHECK(test::screen_text().find(box.label) != std::string::npos);
  for (const auto& arrow : first.diagram.arrows) CHECK(test::screen_text().find(arrow.label) != std::string::npos);
  REQUIRE_FALSE(first.not_yet.empty());
  REQUIRE(t.ui.reveal("lesson.not_yet", t.draw()));
  CHECK(test::screen_text().find("Not done yet: " + first.not_yet) != std::string::npos);
  // The check's own reason, for the curious, one click away.
  const std::string reason = state(t).not_yet();
  REQUIRE_FALSE(reason.empty());
  CHECK(test::screen_text().find(reason) == std::string::npos);
  REQUIRE(t.click("lesson.details"));
  t.frames(1);
  CHECK(t.shown("lesson.not_yet.details"));
  CHECK(test::screen_text().find(reason) != std::string::npos);
  // The next step has no diagram.
  do_it_for_me(t);
  CHECK(state(t).step()->diagram.empty());
  CHECK_FALSE(t.shown("lesson.diagram"));
}

TEST_CASE("Hints come one at a time; the solution needs a confirmation, and 'do it for me' completes the step") {
  AppUnderTest t;
  start_from_the_list(t, "create-user-pool");
  const auto* first = state(t).step();
  REQUIRE(first != nullptr);
  REQUIRE(t.click("lesson.hint"));
  t.frames(1);
  CHECK(t.shown("lesson.hint") == (first->hints.size() > 1));
  CHECK_FALSE(t.shown("lesson.do_it"));
  REQUIRE(t.click("lesson.show_solution"));
  CHECK_FALSE(t.shown("lesson.do_it"));  // not before the learner confirms
  REQUIRE(t.click("lesson.cancel_solution"));
  t.frames(1);
  CHECK(t.shown("lesson.show_solution"));
  do_it_for_me(t);
  CHECK(state(t).progress().step_index() == 1);
  CHECK(state(t).problem().empty());
}

TEST_CASE("Lesson 1 completes through the panel; the finished lesson is marked and the next one offered") {
  AppUnderTest t;
  start_from_the_list(t, "create-user-pool");
  const std::size_t steps = state(t).lesson()->steps.size();
  for (std::size_t i = 0; i < steps; ++i) {
    INFO("step " << i + 1);
    do_it_for_me(t);
    REQUIRE(state(t).problem().empty());
  }
  CHECK(state(t).complete());
  CHECK(state(t).finished("create-user-pool"));
  CHECK(t.shown("lesson.next"));
  // The lab's pool exists, made through the API like the learner's own work.
  const Json pools = t.ok("ListUserPools", {{"MaxResults", 60}})["UserPools"];
  REQUIRE(pools.size() == 1);
  CHECK(pools[0]["Name"] == "kekepool");
  REQUIRE(t.click("lesson.all"));
  t.frames(1);
  CHECK(t.shown("lessons.start.create-user-pool"));
}

TEST_CASE("A step completes by itself when the learner does it in the app") {
  AppUnderTest t;
  start_from_the_list(t, "create-user-pool");
  REQUIRE(state(t).step()->id == "open-the-wizard");
  REQUIRE(t.click("nav.create_pool"));
  t.frames(3);
  CHECK(state(t).progress().step_index() == 1);
  CHECK(state(t).just_completed() != nullptr);
}

TEST_CASE("Every widget a lesson step points at exists, and 'Show me' brings it into sight, in the pool the step names") {
  const web::LessonState shipped;
  for (const auto& lesson : shipped.catalogue().lessons) {
    for (std::size_t i = 0; i < lesson.steps.size(); ++i) {
      const auto& step = lesson.steps[i];
      if (step.highlight.empty()) continue;
      INFO(lesson.id << " step " << i + 1 << " \"" << step.id << "\" highlights " << step.highlight);
      AppUnderTest t;
      web::UiContext& ctx = t.app->context();
      ctx.lessons.start(ctx, lesson.id);
      REQUIRE(ctx.lessons.problem().empty());
      for (std::size_t j = 0; j < i; ++j) {
        ctx.lessons.do_it_for_me(ctx);
        REQUIRE(ctx.lessons.problem().empty());
      }
      // Another pool is open, as when the learner looked elsewhere: Show me
      // must turn to the step's own pool, not stay on this one.
      const std::string decoy = t.ok("CreateUserPool", {{"PoolName", "decoy-pool"}})["UserPool"]["Id"];
      ctx.open_pool(decoy);
      t.frames(2);
      REQUIRE(ctx.lessons.step() == &ctx.lessons.lesson()->steps[i]);
      if (!step.highlight.starts_with("nav.")) REQUIRE(t.click("lesson.show_me"));
      t.frames(12);
      CHECK(t.shown(step.highlight));
      const bool in_a_pool = step.highlight.starts_with("pool.") || step.highlight.starts_with("users.") ||
                             step.highlight.starts_with("groups.") || step.highlight.starts_with("integration.") ||
                             step.highlight.starts_with("clients.") || step.highlight.starts_with("settings.");
      if (in_a_pool) {
        const std::string named = ctx.lessons.step_pool_id(ctx);
        CHECK_FALSE(named.empty());  // the step says which pool it is about
        CHECK(ctx.view == web::View::kPool);
        CHECK(ctx.pool_id == named);
        CHECK(ctx.pool_id != decoy);
      }
      // Try it shows the app of the step's pool.
      if (step.highlight.starts_with("tryit.") && !ctx.lessons.step_pool_id(ctx).empty())
        CHECK(ctx.session.pool_id == ctx.lessons.step_pool_id(ctx));
    }
  }
}

TEST_CASE("Lesson progress is kept with the saved work and comes back on reload") {
  std::string saved;
  {
    AppUnderTest t;
    start_from_the_list(t, "create-user-pool");
    do_it_for_me(t);
    do_it_for_me(t);
    REQUIRE(state(t).progress().step_index() == 2);
    saved = web::saved_work(t.app->context()).dump();
  }
  AppUnderTest after;
  REQUIRE_FALSE(web::restore_saved_work(after.app->context(), saved));
  after.frames(2);
  CHECK(state(after).progress().lesson_id() == "create-user-pool");
  CHECK(state(after).progress().step_index() == 2);
  CHECK(after.shown("lesson.hint"));

  // Damaged progress costs the progress only, never the sandbox.
  Json damaged = Json::parse(saved);
  damaged["Lessons"]["Progress"]["Step"] = 999;
  AppUnderTest third;
  REQUIRE_FALSE(web::restore_saved_work(third.app->context(), damaged.dump()));
  CHECK_FALSE(state(third).progress().active());
  CHECK(third.app->context().notices.back().error);
}

TEST_CASE("A presenter's own lesson file: refused with the step and what is wrong, or added to the list") {
  AppUnderTest t;
  web::UiContext& ctx = t.app->context();
  web::UiContext::FileHandler handler;
  ctx.choose_file = [&](web::UiContext::FileHandler h) { handler = std::move(h); };
  REQUIRE(t.click("nav.lessons"));

  REQUIRE(t.click("lessons.load"));
  REQUIRE(handler);
  handler("broken.json", "{\"Format\": ");
  CHECK(ctx.notices.back().error);
  REQUIRE(t.click("lessons.load"));
  Json bad_check = Json::parse(kOwnLesson);
  bad_check["Steps"][0]["Check"]["Equal"] = 1;
  handler("workshop.json", bad_check.dump());
  CHECK(ctx.notices.back().error);
  CHECK(state(t).own_lesson_files().empty());
  REQUIRE(t.click("lessons.load"));
  Json taken = Json::parse(kOwnLesson);
  taken["Id"] = "create-user-pool";
  handler("mine.json", taken.dump());
  CHECK(state(t).own_lesson_files().empty());
  CHECK(state(t).add_own_lesson("mine.json", taken.dump())->find("taken by a lesson of the sandbox") !=
        std::string::npos);
  CHECK(state(t).add_own_lesson("workshop.json", bad_check.dump())->starts_with("workshop.json: step 1 \"make-it\""));

  REQUIRE(t.click("lessons.load"));
  handler("workshop.json", kOwnLesson);
  CHECK_FALSE(ctx.notices.back().error);
  t.frames(1);
  REQUIRE(t.click("lessons.start.workshop-pool"));
  t.frames(1);
  do_it_for_me(t);
  CHECK(state(t).finished("workshop-pool"));

  // The presenter's file is kept with the work.
  const std::string saved = web::saved_work(ctx).dump();
  AppUnderTest after;
  REQUIRE_FALSE(web::restore_saved_work(after.app->context(), saved));
  CHECK(state(after).catalogue().find("workshop-pool") != nullptr);
  CHECK(state(after).finished("workshop-pool"));
}

TEST_CASE("Calls a lesson makes, in its set-up and by 'Do it for me', are in the API log, marked as the lesson's") {
  AppUnderTest t;
  web::UiContext& ctx = t.app->context();
  // Lesson 7's set-up makes staff-pool and its app client.
  start_from_the_list(t, "admin-created-users");
  std::vector<std::string> setup;
  for (const auto& e : ctx.api.log())
    if (e.made_by == "lesson") setup.push_back(e.operation);
  CHECK(setup == std::vector<std::string>{"CreateUserPool", "CreateUserPoolClient"});
  // The solution of the first step (AdminCreateUser), run for the learner.
  const std::size_t before = ctx.api.log().size();
  do_it_for_me(t);
  REQUIRE(ctx.api.log().size() > before);
  const auto& last = ctx.api.log().back();
  CHECK(last.operation == "AdminCreateUser");
  CHECK(last.made_by == "lesson");
  CHECK(last.status == 200);
  // The API log view shows the mark.
  REQUIRE(t.click("nav.api_log"));
  t.frames(2);
  const auto lines = test::screen_lines();
  CHECK(std::count(lines.begin(), lines.end(), "lesson") == 3);  // a mark on each of the three calls
  CHECK(std::count(lines.begin(), lines.end(), "AdminCreateUser") == 1);
  // The learner's own calls carry none.
  t.app->api().call("ListUserPools", Json{{"MaxResults", 10}});
  CHECK(ctx.api.log().back().made_by.empty());
}

TEST_CASE("The outline round a step's widget pulses for a few seconds, then holds still (the page stops redrawing)") {
  AppUnderTest t;
  // A still clock: the header's time would otherwise change the picture each second.
  t.account.clock = Clock([] { return from_epoch_millis(1'768'471'200'000); });
  REQUIRE(t.click("nav.lessons"));
  REQUIRE(t.click("lessons.start.create-user-pool"));
  REQUIRE_FALSE(state(t).step()->highlight.empty());
  ImGui::GetIO().MousePos = ImVec2(5, 700);  // nothing hovered
  t.frames(3);
  const float background[4] = {1, 1, 1, 1};
  const auto picture = [&] { return web::frame_fingerprint(*ImGui::GetDrawData(), background); };
  // Pulsing: frames a tenth of a second apart differ.
  const std::uint64_t early = picture();
  t.frames(6);
  CHECK(picture() != early);
  // After the pulse (frames are 1/60 s apart here): frame after frame alike.
  t.frames(200);
  const std::uint64_t settled = picture();
  t.frames(6);
  CHECK(picture() == settled);
}

TEST_CASE("A presenter's link opens a lesson at a step, the steps before done; a wrong link says why; the panel copies the link") {
  AppUnderTest t;
  web::UiContext& ctx = t.app->context();
  CHECK(ctx.lessons.open_link(ctx, "#lesson=no-such-lesson") == "The link's lesson \"no-such-lesson\" is not in the list.");
  CHECK(ctx.lessons.open_link(ctx, "step=2") == "The link names no lesson (#lesson=<Id>&step=<n>).");
  CHECK(ctx.lessons.open_link(ctx, "lesson=groups-and-roles&step=99").value_or("").find("which has steps 1 to 5") !=
        std::string::npos);
  CHECK(ctx.lessons.open_link(ctx, "lesson=groups-and-roles&step=x").has_value());
  CHECK_FALSE(ctx.lessons.progress().active());  // a wrong link starts nothing

  REQUIRE_FALSE(ctx.lessons.open_link(ctx, "#lesson=groups-and-roles&step=3").has_value());
  CHECK(ctx.lessons.progress().lesson_id() == "groups-and-roles");
  CHECK(ctx.lessons.progress().step_index() == 2);
  const Json pools = t.ok("ListUserPools", {{"MaxResults", 60}})["UserPools"];
  REQUIRE(pools.size() == 1);
  CHECK(t.ok("ListGroups", {{"UserPoolId", pools[0]["Id"]}})["Groups"].size() == 2);  // steps 1 and 2, done

  ctx.page_address = "https://sandbox.example/";
  t.frames(2);
  REQUIRE(t.click("lesson.copy_link"));
  CHECK(test::clipboard() == "https://sandbox.example/#lesson=groups-and-roles&step=3");
}

TEST_CASE("A lesson file from an address: loaded from the list, refused with why, and opened by a link that fetches it") {
  const std::string kAddress = "https://workshop.example/lessons/workshop-pool.json";
  // The page's fetch(), as a web server would answer: the workshop's file, or nothing.
  Json two_steps = Json::parse(kOwnLesson);
  Json second = two_steps["Steps"][0];
  second["Id"] = "make-another";
  second["Check"]["Where"]["Name"] = "workshop-2";
  second["Solution"][0]["Request"]["PoolName"] = "workshop-2";
  two_steps["Steps"].push_back(second);
  std::vector<std::string> fetched;
  const auto serve = [&](web::UiContext& ctx) {
    ctx.fetch_text = [&](const std::string& url, web::UiContext::FileHandler done, web::UiContext::FetchFailure failed) {
      fetched.push_back(url);
      if (url == kAddress) done(url, two_steps.dump());
      else if (url.ends_with("broken.json")) done(url, "{\"Format\": ");
      else failed("the server answered HTTP 404");
    };
  };

  AppUnderTest t;
  web::UiContext& ctx = t.app->context();
  serve(ctx);
  REQUIRE(t.click("nav.lessons"));
  REQUIRE(t.type("lessons.url", "ftp://workshop.example/x.json"));
  REQUIRE(t.click("lessons.load_url"));
  CHECK(fetched.empty());  // not an address the page can fetch
  CHECK(ctx.notices.back().error);
  REQUIRE(t.type("lessons.url", "https://workshop.example/missing.json"));
  REQUIRE(t.click("lessons.load_url"));
  for (int i = 0; i < 10; ++i) t.ui.wheel(-5, t.draw());  // the end of the list, where the error is
  CHECK(test::screen_text().find("missing.json: the server answered HTTP 404") != std::string::npos);
  REQUIRE(t.type("lessons.url", "https://workshop.example/broken.json"));
  REQUIRE(t.click("lessons.load_url"));
  CHECK(state(t).own_lesson_files().empty());
  REQUIRE(t.type("lessons.url", "  " + kAddress + " "));
  REQUIRE(t.click("lessons.load_url"));
  CHECK_FALSE(ctx.notices.back().error);
  CHECK(state(t).own_lesson_files() == std::vector<std::string>{kAddress});
  REQUIRE(t.click("lessons.start.workshop-pool"));
  t.frames(2);
  do_it_for_me(t);
  // The step's link loads the file for learners who never did.
  ctx.page_address = "https://sandbox.example/";
  REQUIRE(t.click("lesson.copy_link"));
  const std::string link = test::clipboard();
  CHECK(link == "https://sandbox.example/#lesson-url=https%3A%2F%2Fworkshop.example%2Flessons%2Fworkshop-pool.json&step=2");

  AppUnderTest learner;
  web::UiContext& theirs = learner.app->context();
  serve(theirs);
  fetched.clear();
  REQUIRE_FALSE(theirs.lessons.open_link(theirs, link.substr(link.find('#'))).has_value());
  CHECK(fetched == std::vector<std::string>{kAddress});
  CHECK(theirs.lessons.progress().lesson_id() == "workshop-pool");
  CHECK(theirs.lessons.progress().step_index() == 1);  // step 1 done for them
  CHECK(learner.ok("ListUserPools", {{"MaxResults", 60}})["UserPools"].size() == 1);
  // A link whose file is gone says so in a notice, and starts nothing.
  AppUnderTest third;
  web::UiContext& other = third.app->context();
  serve(other);
  REQUIRE_FALSE(other.lessons.open_link(other, "lesson-url=https%3A%2F%2Fworkshop.example%2Fgone.json").has_value());
  CHECK_FALSE(other.lessons.progress().active());
  REQUIRE_FALSE(other.notices.empty());
  CHECK(other.notices.back().error);
  CHECK(other.notices.back().text.find("could not fetch https://workshop.example/gone.json") != std::string::npos);
}
