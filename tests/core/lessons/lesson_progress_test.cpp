// Progress through a lesson (core/lessons/lesson_progress.h): starting it
// replays its Setup, recheck() moves on as checks come true (several steps
// at once when the learner ran ahead), "do it for me" replays a step's
// Solution, and saved progress comes back or, when it cannot, resets
// without throwing.
#include <limits>

#include "core/lessons/lesson_progress.h"
#include "tests/core/lessons/lesson_sandbox.h"

using namespace userpool;
using namespace userpool::lessons;
using namespace userpool::test;

namespace {


Json step(const std::string& id, const Json& check, const Json& solution) {
  return Json{{"Id", id}, {"Title", "Step " + id}, {"Text", "Do " + id + "."}, {"Check", check}, {"Hints", {"A hint."}}, {"Solution", solution}};
}

const Json kPool = {{"UserPoolId", "{{pool:lab}}"}};

Json pool_request(const Json& members) {
  Json r = kPool;
  for (const auto& [key, value] : members.items()) r[key] = value;
  return r;
}

// A pool "lab" with app client "web" and the confirmed user jane.
Json lab_setup() {
  return Json::array(
      {call_action("CreateUserPool", {{"PoolName", "lab"}}),
       call_action("CreateUserPoolClient", pool_request({{"ClientName", "web"},
                                                          {"ExplicitAuthFlows", {"ALLOW_USER_SRP_AUTH", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"}}})),
       call_action("AdminCreateUser", pool_request({{"Username", "jane"},
                                                    {"MessageAction", "SUPPRESS"},
                                                    {"UserAttributes", {{{"Name", "email"}, {"Value", "jane@example.com"}}}}})),
       call_action("AdminSetUserPassword", pool_request({{"Username", "jane"}, {"Password", "Passw0rd!"}, {"Permanent", true}}))});
}

const Json kCreateGroup = call_action("CreateGroup", pool_request({{"GroupName", "admins"}}));
const Json kAddJane = call_action("AdminAddUserToGroup", pool_request({{"Username", "jane"}, {"GroupName", "admins"}}));
const Json kSignIn = {{"SignIn", {{"Pool", "lab"}, {"Client", "web"}, {"Username", "jane"}, {"Password", "Passw0rd!"}}}};

// Three steps: make a group, put jane in it, sign in as her.
Json group_lesson() {
  Json doc = lesson_with(
      Json::array(
          {step("create-group",
                Json{{"Source", {{"Call", "GetGroup"}, {"Request", pool_request({{"GroupName", "admins"}})}}},
                     {"Pointer", "/Group/GroupName"},
                     {"Equals", "admins"}},
                Json::array({kCreateGroup})),
           step("add-jane",
                Json{{"Source", {{"Call", "AdminListGroupsForUser"}, {"Request", pool_request({{"Username", "jane"}})}}},
                     {"Pointer", "/Groups"},
                     {"Where", {{"GroupName", "admins"}}},
                     {"Exists", true}},
                Json::array({kAddJane})),
           step("sign-in",
                Json{{"All",
                      {Json{{"Source", {{"Session", Json::object()}}}, {"Pointer", "/SignedIn"}, {"Equals", true}},
                       Json{{"Source", {{"Token", "IdToken"}}}, {"Pointer", "/cognito:groups"}, {"Contains", "admins"}}}}},
                Json::array({kSignIn}))}),
      lab_setup());
  doc["Id"] = "groups";
  return doc;
}

struct Course {
  LessonCatalogue catalogue;
  Course() {
    Json other = lesson_with(Json::array({step("anything", Json{{"Source", {{"Session", Json::object()}}}, {"Exists", true}},
                                               Json::array({Json{{"SignOut", Json::object()}}}))}));
    other["Id"] = "other";
    catalogue = load_catalogue({{"lessons/groups.json", group_lesson().dump()}, {"lessons/other.json", other.dump()}});
    INFO((catalogue.errors.empty() ? std::string() : catalogue.errors[0]));
    REQUIRE(catalogue.errors.empty());
    REQUIRE(catalogue.lessons.size() == 2);
  }
};

std::vector<std::string> ids(std::initializer_list<const char*> list) { return {list.begin(), list.end()}; }


// Where progress stands, for comparing two of them.
Json state_of(const LessonProgress& p) { return p.to_json(); }

}  // namespace

TEST_CASE("Starting a lesson makes it active at its first step and replays its Setup") {
  Course course;
  LessonSandbox s;
  LessonProgress p;
  CHECK_FALSE(p.active());
  CHECK(p.lesson(course.catalogue) == nullptr);
  CHECK(p.active_step(course.catalogue) == nullptr);
  CHECK_FALSE(p.complete(course.catalogue));

  require_ok(p.start(course.catalogue, "groups", s.door, s.session));
  CHECK(p.active());
  CHECK(p.lesson_id() == "groups");
  CHECK(p.step_index() == 0);
  CHECK(p.steps_done().empty());
  REQUIRE(p.lesson(course.catalogue) != nullptr);
  CHECK(p.lesson(course.catalogue)->id == "groups");
  REQUIRE(p.active_step(course.catalogue) != nullptr);
  CHECK(p.active_step(course.catalogue)->id == "create-group");
  CHECK_FALSE(p.complete(course.catalogue));
  // The Setup went through the API, recorded; its answers are the lesson's memory.
  CHECK(s.event_count() == 4);
  CHECK(s.ok("AdminGetUser", Json{{"UserPoolId", p.memory().last("CreateUserPool")->at("UserPool").at("Id")}, {"Username", "jane"}})
            ["UserStatus"] == "CONFIRMED");

  // An unknown lesson is refused and changes nothing.
  const auto unknown = p.start(course.catalogue, "nope", s.door, s.session);
  REQUIRE_FALSE(unknown);
  CHECK(unknown.error() == "no lesson has the Id \"nope\"");
  CHECK(p.lesson_id() == "groups");
  CHECK(p.memory().last("CreateUserPool") != nullptr);
}

TEST_CASE("recheck moves on step by step, with the active step's reason while not done") {
  Course course;
  LessonSandbox s;
  LessonProgress p;
  require_ok(p.start(course.catalogue, "groups", s.door, s.session));
  const std::size_t events = s.event_count();

  Recheck r = p.recheck(course.catalogue, s.door, s.session);
  CHECK(r.steps_completed.empty());
  CHECK_FALSE(r.lesson_complete);
  CHECK_FALSE(r.active.satisfied);
  CHECK(r.active.reason == "GetGroup answered ResourceNotFoundException: Group not found.");
  CHECK(p.step_index() == 0);
  CHECK(s.event_count() == events);  // checking records nothing

  s.ok("CreateGroup", Json{{"UserPoolId", p.memory().last("CreateUserPool")->at("UserPool").at("Id")}, {"GroupName", "admins"}});
  r = p.recheck(course.catalogue, s.door, s.session);
  CHECK(r.steps_completed == ids({"create-group"}));
  CHECK_FALSE(r.lesson_complete);
  CHECK(r.active.reason == "found 0 Groups where GroupName is \"admins\", expected at least one");
  CHECK(p.step_index() == 1);
  CHECK(p.steps_done() == ids({"create-group"}));
  CHECK(p.active_step(course.catalogue)->id == "add-jane");
  // Nothing new: nothing more completed.
  r = p.recheck(course.catalogue, s.door, s.session);
  CHECK(r.steps_completed.empty());
  CHECK(p.step_index() == 1);
}

TEST_CASE("A learner who ran ahead completes several steps in one recheck, and the lesson with them") {
  Course course;
  LessonSandbox s;
  LessonProgress p;
  require_ok(p.start(course.catalogue, "groups", s.door, s.session));
  // Everything done before the first recheck.
  require_ok(s.run(Json::array({kCreateGroup, kAddJane, kSignIn})));
  const Recheck r = p.recheck(course.catalogue, s.door, s.session);
  CHECK(r.steps_completed == ids({"create-group", "add-jane", "sign-in"}));
  CHECK(r.lesson_complete);
  CHECK(p.complete(course.catalogue));
  CHECK(p.step_index() == 3);
  CHECK(p.active_step(course.catalogue) == nullptr);
  CHECK(p.steps_done() == ids({"create-group", "add-jane", "sign-in"}));
  CHECK(p.lessons_completed() == ids({"groups"}));
  // Still active (showing its end) until stopped.
  CHECK(p.active());
  CHECK(p.solution(course.catalogue).empty());
  CHECK(p.solution_as_written(course.catalogue) == Json::array());

  // Rechecking a complete lesson changes nothing and records it once.
  const Recheck again = p.recheck(course.catalogue, s.door, s.session);
  CHECK(again.lesson_complete);
  CHECK(again.steps_completed.empty());
  CHECK(p.lessons_completed() == ids({"groups"}));
}

TEST_CASE("Two of three steps done ahead: recheck stops at the first not done") {
  Course course;
  LessonSandbox s;
  LessonProgress p;
  require_ok(p.start(course.catalogue, "groups", s.door, s.session));
  require_ok(s.run(Json::array({kCreateGroup, kAddJane})));
  const Recheck r = p.recheck(course.catalogue, s.door, s.session);
  CHECK(r.steps_completed == ids({"create-group", "add-jane"}));
  CHECK_FALSE(r.lesson_complete);
  CHECK(r.active.reason == "the session's SignedIn is false, expected true");
  CHECK(p.step_index() == 2);
  CHECK(p.lessons_completed().empty());
}

TEST_CASE("Steps complete in order: a later step's check is not looked at before") {
  Course course;
  LessonSandbox s;
  LessonProgress p;
  require_ok(p.start(course.catalogue, "groups", s.door, s.session));
  s.sign_in();  // step 3's first half, but step 1 is not done
  const Recheck r = p.recheck(course.catalogue, s.door, s.session);
  CHECK(r.steps_completed.empty());
  CHECK(p.step_index() == 0);
}

TEST_CASE("Show solution and do it for me") {
  Course course;
  LessonSandbox s;
  LessonProgress p;
  CHECK(p.solution(course.catalogue).empty());
  CHECK(p.solution_as_written(course.catalogue) == Json::array());
  const auto inactive = p.do_it_for_me(course.catalogue, s.door, s.session);
  REQUIRE_FALSE(inactive);
  CHECK(inactive.error() == "no lesson is active");

  require_ok(p.start(course.catalogue, "groups", s.door, s.session));
  REQUIRE(p.solution(course.catalogue).size() == 1);
  CHECK(p.solution(course.catalogue)[0].operation == "CreateGroup");
  CHECK(p.solution_as_written(course.catalogue) == Json::array({kCreateGroup}));

  const std::size_t events = s.event_count();
  auto r = p.do_it_for_me(course.catalogue, s.door, s.session);
  REQUIRE(r);
  CHECK(r->steps_completed == ids({"create-group"}));
  CHECK(s.event_count() == events + 1);  // the replayed call is recorded
  CHECK(p.solution_as_written(course.catalogue) == Json::array({kAddJane}));

  r = p.do_it_for_me(course.catalogue, s.door, s.session);
  REQUIRE(r);
  CHECK(r->steps_completed == ids({"add-jane"}));
  CHECK(p.solution_as_written(course.catalogue) == Json::array({kSignIn}));
  CHECK(p.solution(course.catalogue)[0].kind == Action::Kind::kSignIn);

  r = p.do_it_for_me(course.catalogue, s.door, s.session);
  REQUIRE(r);
  CHECK(r->steps_completed == ids({"sign-in"}));
  CHECK(r->lesson_complete);
  CHECK(s.session.signed_in());
  CHECK(p.lessons_completed() == ids({"groups"}));

  const auto done = p.do_it_for_me(course.catalogue, s.door, s.session);
  REQUIRE_FALSE(done);
  CHECK(done.error() == "the lesson is complete");
}

TEST_CASE("Do it for me with a solution that fails names the step and the action") {
  Json doc = lesson_with(Json::array({step("confirm",
                                           Json{{"Source", {{"Session", Json::object()}}}, {"Pointer", "/SignedIn"}, {"Equals", true}},
                                           Json::array({Json{{"SignOut", Json::object()}},
                                                        call_action("ConfirmSignUp", {{"ClientId", "{{client:lab/web}}"},
                                                                                      {"Username", "jane"},
                                                                                      {"ConfirmationCode", "{{code:jane@example.com}}"}})}))}),
                         lab_setup());
  const LessonCatalogue catalogue = load_catalogue({{"lessons/confirm.json", doc.dump()}});
  REQUIRE(catalogue.lessons.size() == 1);
  LessonSandbox s;
  LessonProgress p;
  require_ok(p.start(catalogue, "test-lesson", s.door, s.session));
  const auto r = p.do_it_for_me(catalogue, s.door, s.session);
  REQUIRE_FALSE(r);
  CHECK(r.error() == "step 1 \"confirm\": Solution[2] (ConfirmSignUp): no message to jane@example.com yet");
  CHECK(p.step_index() == 0);
  CHECK(p.active());
}

TEST_CASE("A Setup action that fails leaves the lesson active, with the error naming it") {
  Json doc = group_lesson();
  doc["Setup"] = Json::array({call_action("CreateUserPool", {{"PoolName", "lab"}}),
                              call_action("CreateUserPoolClient", {{"UserPoolId", "{{pool:nope}}"}, {"ClientName", "web"}}),
                              call_action("CreateUserPool", {{"PoolName", "never"}})});
  const LessonCatalogue catalogue = load_catalogue({{"lessons/groups.json", doc.dump()}});
  REQUIRE(catalogue.lessons.size() == 1);
  LessonSandbox s;
  LessonProgress p;
  const auto started = p.start(catalogue, "groups", s.door, s.session);
  REQUIRE_FALSE(started);
  CHECK(started.error() == "Setup[2] (CreateUserPoolClient): no user pool named nope yet");
  CHECK(p.active());
  CHECK(p.lesson_id() == "groups");
  CHECK(p.step_index() == 0);
  REQUIRE(p.active_step(catalogue) != nullptr);
  CHECK(p.active_step(catalogue)->id == "create-group");
  // The actions before it ran, the ones after it did not.
  CHECK(s.event_count() == 1);
  CHECK(s.ok("ListUserPools", Json{{"MaxResults", 60}})["UserPools"].size() == 1);

  // An API error reads in the API's words.
  doc["Setup"] = Json::array({call_action("DescribeUserPool", {{"UserPoolId", "us-east-1_nopenope"}})});
  const LessonCatalogue api = load_catalogue({{"lessons/groups.json", doc.dump()}});
  const auto refused = p.start(api, "groups", s.door, s.session);
  REQUIRE_FALSE(refused);
  CHECK(refused.error() == "Setup[1] (DescribeUserPool): DescribeUserPool answered ResourceNotFoundException: User pool us-east-1_nopenope does not exist.");
  CHECK(p.active());
}

TEST_CASE("restart starts the active lesson over; stop leaves no lesson active") {
  Course course;
  LessonSandbox s;
  LessonProgress p;
  const auto nothing = p.restart(course.catalogue, s.door, s.session);
  REQUIRE_FALSE(nothing);
  CHECK(nothing.error() == "no lesson is active");

  require_ok(p.start(course.catalogue, "groups", s.door, s.session));
  REQUIRE(p.do_it_for_me(course.catalogue, s.door, s.session));
  CHECK(p.step_index() == 1);
  const std::size_t events = s.event_count();
  require_ok(p.restart(course.catalogue, s.door, s.session));
  CHECK(p.lesson_id() == "groups");
  CHECK(p.step_index() == 0);
  CHECK(p.steps_done().empty());
  CHECK(s.event_count() == events + 4);  // the Setup again: a new pool "lab", the newest
  // On the new pool the group is not there yet.
  const Recheck r = p.recheck(course.catalogue, s.door, s.session);
  CHECK(r.steps_completed.empty());
  CHECK(p.memory().last("CreateGroup") == nullptr);  // forgotten with the restart

  // Finish it, then stop: finished lessons stay finished.
  for (int i = 0; i < 3; ++i) REQUIRE(p.do_it_for_me(course.catalogue, s.door, s.session));
  REQUIRE(p.complete(course.catalogue));
  p.stop();
  CHECK_FALSE(p.active());
  CHECK(p.lesson_id().empty());
  CHECK(p.step_index() == 0);
  CHECK(p.steps_done().empty());
  CHECK(p.memory().to_json() == Json::object());
  CHECK(p.lessons_completed() == ids({"groups"}));
  CHECK(p.lesson(course.catalogue) == nullptr);
  CHECK_FALSE(p.complete(course.catalogue));
  const Recheck idle = p.recheck(course.catalogue, s.door, s.session);
  CHECK_FALSE(idle.lesson_complete);
  CHECK(idle.steps_completed.empty());

  // Another lesson, finished too, is added after the first.
  require_ok(p.start(course.catalogue, "other", s.door, s.session));
  CHECK(p.recheck(course.catalogue, s.door, s.session).lesson_complete);
  CHECK(p.lessons_completed() == ids({"groups", "other"}));
}

TEST_CASE("remember() keeps the learner's own successful answers for {{last:...}}") {
  Json doc = lesson_with(
      Json::array({step("get-user",
                        Json{{"Source", {{"Call", "GetUser"}, {"Request", {{"AccessToken", "{{last:InitiateAuth/AuthenticationResult/AccessToken}}"}}}}},
                             {"Pointer", "/Username"},
                             {"Equals", "jane"}},
                        Json::array({kSignIn}))}),
      lab_setup());
  const LessonCatalogue catalogue = load_catalogue({{"lessons/remember.json", doc.dump()}});
  REQUIRE(catalogue.lessons.size() == 1);
  LessonSandbox s;
  LessonProgress p;
  require_ok(p.start(catalogue, "test-lesson", s.door, s.session));
  Recheck r = p.recheck(catalogue, s.door, s.session);
  CHECK(r.active.reason == "no successful InitiateAuth response yet in this lesson");

  // The learner's own calls, outside any replay.
  const std::string client = s.ok("ListUserPoolClients", Json{{"UserPoolId", p.memory().last("CreateUserPool")->at("UserPool").at("Id")}})
                                 ["UserPoolClients"][0]["ClientId"].get<std::string>();
  const Json request = {{"ClientId", client}, {"AuthFlow", "USER_PASSWORD_AUTH"}, {"AuthParameters", {{"USERNAME", "jane"}, {"PASSWORD", "wrong"}}}};
  const Response failed = call(s.account, "InitiateAuth", request);
  REQUIRE(failed.status == 400);
  p.remember("InitiateAuth", failed);  // not a success: not kept
  CHECK(p.memory().last("InitiateAuth") == nullptr);
  CHECK_FALSE(p.recheck(catalogue, s.door, s.session).lesson_complete);

  Json good = request;
  good["AuthParameters"]["PASSWORD"] = "Passw0rd!";
  const Response answered = call(s.account, "AWSCognitoIdentityProviderService.InitiateAuth", good);
  REQUIRE(answered.status == 200);
  p.remember("AWSCognitoIdentityProviderService.InitiateAuth", answered);
  REQUIRE(p.memory().last("InitiateAuth") != nullptr);
  CHECK(*p.memory().last("InitiateAuth") == answered.body);
  // The session was not touched: it is the learner's app that holds the tokens.
  CHECK_FALSE(s.session.signed_in());
  r = p.recheck(catalogue, s.door, s.session);
  CHECK(r.lesson_complete);
  CHECK(r.steps_completed == ids({"get-user"}));
}

TEST_CASE("Progress saves and restores: to_json, from_json and restore") {
  Course course;
  LessonSandbox s;
  LessonProgress p;
  require_ok(p.start(course.catalogue, "groups", s.door, s.session));
  REQUIRE(p.do_it_for_me(course.catalogue, s.door, s.session));
  p.remember("GetUser", Response{200, Json{{"Username", "jane"}}});

  const Json saved = p.to_json();
  CHECK(saved["Format"] == "userpool-sandbox-lesson-progress");
  CHECK(saved["Version"] == 1);
  CHECK(saved["Lesson"] == "groups");
  CHECK(saved["Step"] == 1);
  CHECK(saved["Done"] == Json::array({"create-group"}));
  CHECK(saved["Completed"] == Json::array());
  CHECK(saved["Responses"]["GetUser"] == Json{{"Username", "jane"}});
  CHECK(saved["Responses"].contains("CreateGroup"));
  CHECK(saved["Responses"].contains("CreateUserPool"));

  SECTION("from_json") {
    const auto back = LessonProgress::from_json(saved, course.catalogue);
    INFO((back ? std::string() : back.error()));
    REQUIRE(back);
    CHECK(back->lesson_id() == "groups");
    CHECK(back->step_index() == 1);
    CHECK(back->steps_done() == ids({"create-group"}));
    CHECK(back->lessons_completed().empty());
    CHECK(back->memory().to_json() == p.memory().to_json());
    CHECK(state_of(*back) == saved);
  }
  SECTION("restore, then carry on") {
    LessonProgress q;
    require_ok(q.restore(saved.dump(), course.catalogue));
    CHECK(state_of(q) == saved);
    CHECK(q.active_step(course.catalogue)->id == "add-jane");
    // It carries on where it was.
    REQUIRE(q.do_it_for_me(course.catalogue, s.door, s.session));
    CHECK(q.step_index() == 2);
  }
  SECTION("no lesson active, lessons finished") {
    for (int i = 0; i < 2; ++i) REQUIRE(p.do_it_for_me(course.catalogue, s.door, s.session));
    REQUIRE(p.lessons_completed() == ids({"groups"}));
    p.stop();
    const Json idle = p.to_json();
    CHECK(idle["Lesson"].is_null());
    CHECK(idle["Step"] == 0);
    CHECK(idle["Completed"] == Json::array({"groups"}));
    LessonProgress q;
    require_ok(q.restore(idle.dump(), course.catalogue));
    CHECK_FALSE(q.active());
    CHECK(q.lessons_completed() == ids({"groups"}));
    CHECK(state_of(q) == idle);
  }
  SECTION("a complete lesson") {
    for (int i = 0; i < 2; ++i) REQUIRE(p.do_it_for_me(course.catalogue, s.door, s.session));
    LessonProgress q;
    require_ok(q.restore(p.to_json().dump(), course.catalogue));
    CHECK(q.complete(course.catalogue));
    CHECK(q.step_index() == 3);
  }
  SECTION("members left out take their defaults") {
    LessonProgress q;
    require_ok(q.restore(R"({"Format": "userpool-sandbox-lesson-progress", "Version": 1, "Lesson": "groups"})", course.catalogue));
    CHECK(q.lesson_id() == "groups");
    CHECK(q.step_index() == 0);
    CHECK(q.steps_done().empty());
  }
}

TEST_CASE("Restoring anything else resets the progress and says why, without throwing") {
  Course course;
  LessonSandbox s;
  const Json good = [&] {
    LessonProgress p;
    REQUIRE(p.start(course.catalogue, "groups", s.door, s.session));
    REQUIRE(p.do_it_for_me(course.catalogue, s.door, s.session));
    return p.to_json();
  }();
  const auto changed = [&](const char* member, const Json& value) {
    Json j = good;
    j[member] = value;
    return j.dump();
  };
  const std::string prefix = "saved lesson progress: ";
  struct Garbage {
    std::string text, error;
  };
  const std::vector<Garbage> table = {
      {"", "not JSON ("},
      {"not json", "not JSON ("},
      {"{\"Format\": ", "not JSON ("},
      {"[]", "not an object but an array"},
      {"null", "not an object but null"},
      {"\"groups\"", "not an object but a string"},
      {"{}", "\"Format\" must be \"userpool-sandbox-lesson-progress\""},
      {changed("Format", "userpool-sandbox-lesson"), "\"Format\" must be \"userpool-sandbox-lesson-progress\""},
      {changed("Format", 1), "\"Format\" must be \"userpool-sandbox-lesson-progress\""},
      {changed("Version", 2), "\"Version\" must be 1"},
      {changed("Version", "1"), "\"Version\" must be 1"},
      {changed("Lesson", "gone"), "it is for lesson \"gone\", which this app does not have"},
      {changed("Lesson", 5), "\"Lesson\" must be a lesson Id or null"},
      {changed("Step", 4), "\"Step\" 4 is past the lesson's last step"},
      {changed("Step", 99999999999LL), "\"Step\" 99999999999 is past the lesson's last step"},
      {changed("Step", -1), "\"Step\" must be a whole number, 0 or more"},
      {changed("Step", 1.5), "\"Step\" must be a whole number, 0 or more"},
      {changed("Step", "1"), "\"Step\" must be a whole number, 0 or more"},
      {changed("Step", std::numeric_limits<std::uint64_t>::max()), "\"Step\" must be a whole number, 0 or more"},
      {changed("Done", Json::array({"nope"})), "\"Done\" names step \"nope\", which the lesson does not have"},
      {changed("Done", "create-group"), "\"Done\" must be a list"},
      {changed("Done", Json::array({1})), "\"Done\" must list strings"},
      {changed("Completed", Json::object()), "\"Completed\" must be a list"},
      {changed("Completed", Json::array({nullptr})), "\"Completed\" must list strings"},
      {changed("Responses", Json::array()), "\"Responses\" must map operation names to response objects"},
      {changed("Responses", Json{{"GetUser", "x"}}), "\"Responses\" must map operation names to response objects"},
      {R"({"Format": "userpool-sandbox-lesson-progress", "Version": 1, "Lesson": null, "Step": 1})",
       "\"Step\" 1 is past the lesson's last step"},
      {R"({"Format": "userpool-sandbox-lesson-progress", "Version": 1, "Lesson": null, "Done": ["create-group"]})",
       "\"Done\" names step \"create-group\", which the lesson does not have"},
  };
  for (const Garbage& g : table) {
    INFO("restoring " << g.text);
    LessonProgress p;
    REQUIRE(p.start(course.catalogue, "groups", s.door, s.session));
    p.remember("GetUser", Response{200, Json{{"Username", "jane"}}});
    REQUIRE(p.recheck(course.catalogue, s.door, s.session).lesson_complete == false);
    tl::expected<void, std::string> restored;
    REQUIRE_NOTHROW(restored = p.restore(g.text, course.catalogue));
    REQUIRE_FALSE(restored);
    CHECK(restored.error().starts_with(prefix + g.error));
    if (!g.error.ends_with("(")) CHECK(restored.error() == prefix + g.error);
    // Reset to nothing.
    CHECK_FALSE(p.active());
    CHECK(p.lesson_id().empty());
    CHECK(p.step_index() == 0);
    CHECK(p.steps_done().empty());
    CHECK(p.lessons_completed().empty());
    CHECK(p.memory().to_json() == Json::object());
    // from_json refuses the same (what parses), without throwing.
    if (const auto j = parse_json_text(g.text)) {
      tl::expected<LessonProgress, std::string> direct = tl::unexpected(std::string());
      REQUIRE_NOTHROW(direct = LessonProgress::from_json(*j, course.catalogue));
      CHECK_FALSE(direct);
    }
  }
}
