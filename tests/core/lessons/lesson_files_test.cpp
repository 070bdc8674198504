// Every lesson that ships (lessons/*.json, as bundled into the app): it
// loads, and its reference solutions replay headlessly with each step's
// check false before its own solution and true after it.
#include "core/lessons/bundled_lessons.h"
#include "tests/core/lessons/lesson_sandbox.h"

using namespace userpool;
using namespace userpool::lessons;
using namespace userpool::test;

namespace {

const LessonCatalogue& shipped() {
  static const LessonCatalogue catalogue = load_catalogue(bundled_lesson_files());
  return catalogue;
}

}  // namespace

TEST_CASE("Every lesson file that ships loads, with no errors") {
  const std::vector<LessonFile> files = bundled_lesson_files();
  const LessonCatalogue& catalogue = shipped();
  for (const std::string& error : catalogue.errors) FAIL_CHECK(error);
  CHECK(catalogue.lessons.size() == files.size());
}

TEST_CASE("The lessons of the course ship in the course's order, each mirroring its source") {
  const LessonCatalogue& catalogue = shipped();
  const std::vector<std::string> course = {"create-user-pool", "wizard-settings", "sign-up-and-sign-in", "tokens-up-close",
                                           "managing-a-profile", "groups-and-roles", "multi-factor-authentication", "mfa-required",
                                           "account-recovery-and-lockout", "admin-created-users", "sign-in-with-the-hosted-ui",
                                           "sign-in-with-google", "enterprise-sign-in-with-saml",
                                           "brand-the-sign-in-page", "protect-an-api",
                                           "apis-and-machines", "elastic-beanstalk"};
  std::vector<std::string> order;
  for (const Lesson& lesson : catalogue.lessons) order.push_back(lesson.id);
  CHECK(order == course);
  for (const std::string& id : course) {
    INFO(id);
    const Lesson* lesson = catalogue.find(id);
    REQUIRE(lesson != nullptr);
    CHECK(lesson->steps.size() >= 3);
  }
  CHECK(catalogue.find("create-user-pool")->source == "create-user-pool-lab.md");
  CHECK(catalogue.find("wizard-settings")->source == "user-pool-notes.md");
}

TEST_CASE("Every shipped lesson's solutions complete it, one step at a time") {
  const LessonCatalogue& catalogue = shipped();
  REQUIRE_FALSE(catalogue.lessons.empty());
  for (const Lesson& lesson : catalogue.lessons) {
    SECTION(lesson.id) { replay_every_solution(lesson); }
  }
}

TEST_CASE("Every step of every shipped lesson has two hints or more, says in plain words what is missing, and what happened once done") {
  for (const Lesson& lesson : shipped().lessons)
    for (const Step& step : lesson.steps) {
      INFO(lesson.id << " step " << step.id);
      CHECK(step.hints.size() >= 2);
      CHECK_FALSE(step.explanation.empty());
      // Plain words: a sentence, not the check's JSON pointers or numbers to compare.
      CHECK(step.not_yet.ends_with("."));
      for (const char* technical : {"expected", "Draft.", "/UserPool", "Pointer", "{{", "found 0"})
        CHECK(step.not_yet.find(technical) == std::string::npos);
    }
}
