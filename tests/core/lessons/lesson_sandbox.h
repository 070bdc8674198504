// Helpers of the lesson tests: a sandbox on a frozen clock whose pools share
// keys made once, the session and response memory a lesson runs with, lesson
// documents built in the tests, and the replay that every lesson must pass.
#pragma once

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "core/api/door.h"
#include "core/lessons/lesson.h"
#include "core/lessons/lesson_catalogue.h"
#include "core/lessons/lesson_check.h"
#include "core/lessons/lesson_context.h"

namespace userpool::test {

// 2026-01-15T10:00:00Z
inline const Timestamp kLessonStart = from_epoch_millis(1'768'471'200'000);

class LessonSandbox {
 public:
  LessonSandbox();

  Account account;
  AccountDoor door{account};  // how the lessons reach it, as every caller does
  lessons::LessonSession session;
  lessons::ResponseMemory memory;

  lessons::LessonContext context() { return {door, session, memory}; }
  // A recorded call that must answer 200; its body.
  Json ok(std::string_view op, const Json& request);
  // The number of events in the event log.
  std::size_t event_count() const { return account.events.events().size(); }

  // A pool with that name and an app client "web" with the password and
  // SRP flows; the pool's ID.
  std::string pool_with_client(const std::string& pool_name, Json client_options = Json::object());
  // A confirmed user "jane" (email jane@example.com, password Passw0rd!)
  // in the pool, made by an administrator.
  void confirmed_user(const std::string& pool_id, const std::string& username = "jane");

  // A check from its JSON, evaluated here.
  lessons::CheckResult check(const Json& check_json);

  // Actions from their JSON (read as a step's Solution), replayed here
  // under `list_name`; the replay's outcome.
  tl::expected<void, std::string> run(const Json& actions, std::string_view list_name = "Solution");
  // Signs in with a SignIn action (the test fails if it does not end with
  // tokens); `flow` empty: the default flow.
  void sign_in(const std::string& pool_name = "lab", const std::string& username = "jane", const std::string& flow = {});
};

// A "Call" action of a lesson: {"Call": operation, "Request": request}.
inline Json call_action(const std::string& operation, const Json& request) {
  return Json{{"Call", operation}, {"Request", request}};
}
// A replay or check outcome that must be a success (the test fails with its error otherwise).
inline void require_ok(const tl::expected<void, std::string>& outcome) {
  INFO((outcome ? std::string() : outcome.error()));
  REQUIRE(outcome);
}

// A minimal valid lesson document: one step whose check is the session
// being signed in. Tests change one thing in it.
Json minimal_lesson();
// A lesson document with `steps` and `setup` in the minimal lesson's frame.
Json lesson_with(const Json& steps, const Json& setup = Json::array());

// A lesson that must load (the test fails with the error otherwise).
lessons::Lesson load(const Json& document, const std::string& file = "lessons/test.json");
// The error of a lesson that must be refused.
std::string refusal(const Json& document, const std::string& file = "lessons/test.json");
// A check read from JSON (through a one-step lesson).
lessons::Check check_from(const Json& check_json);
// Actions read from JSON (as a one-step lesson's Solution).
std::vector<lessons::Action> actions_from(const Json& actions_json);

// The replay every lesson must pass, in a fresh sandbox: Setup succeeds; each
// step's check is false before its own Solution runs and true after it;
// then the same lesson through LessonProgress and "do it for me" ends
// complete.
void replay_every_solution(const lessons::Lesson& lesson);

}  // namespace userpool::test
