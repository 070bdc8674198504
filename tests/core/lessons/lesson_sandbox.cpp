#include "tests/core/lessons/lesson_sandbox.h"

#include "core/lessons/lesson_progress.h"
#include "core/lessons/lesson_replay.h"
#include "tests/core/test_keys.h"

namespace userpool::test {

using namespace userpool::lessons;

LessonSandbox::LessonSandbox() : account(secure_random()) {
  account.clock.freeze_at(kLessonStart);
  account.make_pool_keys = [](RandomSource&) { return shared_pool_keys(); };
}

Json LessonSandbox::ok(std::string_view op, const Json& request) {
  const Response r = call(account, op, request);
  INFO(op << " " << request.dump() << " -> " << r.status << " " << r.body.dump());
  REQUIRE(r.status == 200);
  return r.body;
}

std::string LessonSandbox::pool_with_client(const std::string& pool_name, Json client_options) {
  const std::string pool_id = ok("CreateUserPool", Json{{"PoolName", pool_name}, {"AutoVerifiedAttributes", {"email"}}})["UserPool"]["Id"].get<std::string>();
  client_options["UserPoolId"] = pool_id;
  if (!client_options.contains("ClientName")) client_options["ClientName"] = "web";
  client_options["ExplicitAuthFlows"] = {"ALLOW_USER_SRP_AUTH", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"};
  ok("CreateUserPoolClient", client_options);
  return pool_id;
}

void LessonSandbox::confirmed_user(const std::string& pool_id, const std::string& username) {
  ok("AdminCreateUser", Json{{"UserPoolId", pool_id},
                             {"Username", username},
                             {"MessageAction", "SUPPRESS"},
                             {"UserAttributes", {{{"Name", "email"}, {"Value", username + "@example.com"}},
                                                 {{"Name", "email_verified"}, {"Value", "true"}}}}});
  ok("AdminSetUserPassword", Json{{"UserPoolId", pool_id}, {"Username", username}, {"Password", "Passw0rd!"}, {"Permanent", true}});
}

CheckResult LessonSandbox::check(const Json& check_json) {
  const Check c = check_from(check_json);
  return evaluate_check(c, context());
}

tl::expected<void, std::string> LessonSandbox::run(const Json& actions, std::string_view list_name) {
  return replay(actions_from(actions), context(), list_name);
}

void LessonSandbox::sign_in(const std::string& pool_name, const std::string& username, const std::string& flow) {
  Json sign_in = {{"Pool", pool_name}, {"Client", "web"}, {"Username", username}, {"Password", "Passw0rd!"}};
  if (!flow.empty()) sign_in["Flow"] = flow;
  const auto done = run(Json::array({{{"SignIn", sign_in}}}));
  INFO((done ? std::string() : done.error()));
  REQUIRE(done);
  REQUIRE(session.signed_in());
}

Json minimal_lesson() {
  return Json{{"Format", "userpool-sandbox-lesson"},
              {"Version", 1},
              {"Id", "test-lesson"},
              {"Title", "A test lesson"},
              {"Summary", "One step."},
              {"Steps",
               {{{"Id", "sign-in"},
                 {"Title", "Sign in"},
                 {"Text", "Sign in as **jane**."},
                 {"Check", {{"Source", {{"Session", Json::object()}}}, {"Pointer", "/SignedIn"}, {"Equals", true}}},
                 {"Hints", {"Use the Try it panel."}},
                 {"Solution", {{{"SignIn", {{"Pool", "lab"}, {"Client", "web"}, {"Username", "jane"}, {"Password", "Passw0rd!"}}}}}}}}}};
}

Json lesson_with(const Json& steps, const Json& setup) {
  Json doc = minimal_lesson();
  doc["Steps"] = steps;
  if (!setup.empty()) doc["Setup"] = setup;
  return doc;
}

Lesson load(const Json& document, const std::string& file) {
  auto lesson = lesson_from_json(file, document);
  INFO((lesson ? std::string() : lesson.error()));
  REQUIRE(lesson);
  return std::move(*lesson);
}

std::string refusal(const Json& document, const std::string& file) {
  const auto lesson = lesson_from_json(file, document);
  REQUIRE_FALSE(lesson);
  return lesson.error();
}

Check check_from(const Json& check_json) {
  Json doc = minimal_lesson();
  doc["Steps"][0]["Check"] = check_json;
  return load(doc).steps[0].check;
}

std::vector<Action> actions_from(const Json& actions_json) {
  Json doc = minimal_lesson();
  doc["Steps"][0]["Solution"] = actions_json;
  return load(doc).steps[0].solution;
}

void replay_every_solution(const Lesson& lesson) {
  INFO("lesson " << lesson.file);
  {
    LessonSandbox s;
    const LessonContext ctx = s.context();
    const auto setup = replay(lesson.setup, ctx, "Setup");
    INFO((setup ? std::string() : setup.error()));
    REQUIRE(setup);
    for (std::size_t i = 0; i < lesson.steps.size(); ++i) {
      const Step& step = lesson.steps[i];
      INFO("step " << i + 1 << " \"" << step.id << "\"");
      const CheckResult before = evaluate_check(step.check, ctx);
      INFO("before its solution: " << before.reason);
      CHECK_FALSE(before.satisfied);
      const auto done = replay(step.solution, ctx, "Solution");
      INFO((done ? std::string() : done.error()));
      REQUIRE(done);
      const CheckResult after = evaluate_check(step.check, ctx);
      INFO("after its solution: " << after.reason);
      CHECK(after.satisfied);
    }
  }
  {
    // The same through the progress the app keeps, "do it for me" at each step.
    LessonSandbox s;
    LessonCatalogue catalogue;
    catalogue.lessons.push_back(lesson);
    LessonProgress progress;
    REQUIRE(progress.start(catalogue, lesson.id, s.door, s.session));
    for (std::size_t i = 0; i < lesson.steps.size() && !progress.complete(catalogue); ++i) {
      const auto r = progress.do_it_for_me(catalogue, s.door, s.session);
      INFO((r ? std::string() : r.error()));
      REQUIRE(r);
    }
    CHECK(progress.complete(catalogue));
  }
}

}  // namespace userpool::test
