// The catalogue (core/lessons/lesson_catalogue.h): lessons in file-name
// order, a malformed file refused by name while the others still load, and
// the rules across files (unique Ids, prerequisites that exist).
#include "core/lessons/lesson_catalogue.h"
#include "tests/core/lessons/lesson_sandbox.h"

using namespace userpool;
using namespace userpool::lessons;
using namespace userpool::test;

namespace {

// The minimal lesson with an Id (and prerequisites), as a file's text.
std::string lesson_text(const std::string& id, const Json& prerequisites = Json::array()) {
  Json doc = minimal_lesson();
  doc["Id"] = id;
  doc["Title"] = "Lesson " + id;
  if (!prerequisites.empty()) doc["Prerequisites"] = prerequisites;
  return doc.dump(2);
}

std::vector<std::string> ids_of(const LessonCatalogue& c) {
  std::vector<std::string> out;
  for (const Lesson& l : c.lessons) out.push_back(l.id);
  return out;
}

std::vector<std::string> files_of(const LessonCatalogue& c) {
  std::vector<std::string> out;
  for (const Lesson& l : c.lessons) out.push_back(l.file);
  return out;
}

}  // namespace

TEST_CASE("Lessons load in file-name order, whatever order the files come in") {
  const LessonCatalogue c = load_catalogue({{"lessons/03-third.json", lesson_text("third")},
                                            {"lessons/01-first.json", lesson_text("first")},
                                            {"lessons/10-last.json", lesson_text("last")},
                                            {"lessons/02-second.json", lesson_text("second", Json::array({"first"}))}});
  CHECK(c.errors.empty());
  CHECK(ids_of(c) == std::vector<std::string>{"first", "second", "third", "last"});
  CHECK(files_of(c) == std::vector<std::string>{"lessons/01-first.json", "lessons/02-second.json", "lessons/03-third.json",
                                                 "lessons/10-last.json"});
  CHECK(c.lessons[1].prerequisites == std::vector<std::string>{"first"});
  CHECK(c.lessons[0].title == "Lesson first");
}

TEST_CASE("An empty catalogue is fine") {
  const LessonCatalogue c = load_catalogue({});
  CHECK(c.lessons.empty());
  CHECK(c.errors.empty());
  CHECK(c.find("anything") == nullptr);
}

TEST_CASE("A malformed file is refused with its name; the others still load") {
  Json no_steps = minimal_lesson();
  no_steps["Id"] = "no-steps";
  no_steps.erase("Steps");
  const LessonCatalogue c = load_catalogue({{"lessons/a.json", lesson_text("a")},
                                            {"lessons/b.json", "{ not json"},
                                            {"lessons/c.json", no_steps.dump()},
                                            {"lessons/d.json", lesson_text("d")}});
  CHECK(ids_of(c) == std::vector<std::string>{"a", "d"});
  REQUIRE(c.errors.size() == 2);
  CHECK(c.errors[0].starts_with("lessons/b.json: "));
  CHECK(c.errors[1].starts_with("lessons/c.json: "));
  CHECK(c.errors[1].find("Steps") != std::string::npos);
  CHECK(c.errors[1] == refusal(no_steps, "lessons/c.json"));
}

TEST_CASE("A second lesson with an Id already taken is refused, naming both files") {
  const LessonCatalogue c = load_catalogue({{"lessons/b-copy.json", lesson_text("same")},
                                            {"lessons/a-original.json", lesson_text("same")},
                                            {"lessons/c.json", lesson_text("other")}});
  // The first in file-name order keeps the Id.
  CHECK(files_of(c) == std::vector<std::string>{"lessons/a-original.json", "lessons/c.json"});
  REQUIRE(c.errors.size() == 1);
  CHECK(c.errors[0] == "lessons/b-copy.json: Id \"same\" is already the Id of lessons/a-original.json");
  REQUIRE(c.find("same") != nullptr);
  CHECK(c.find("same")->file == "lessons/a-original.json");
}

TEST_CASE("A lesson whose Prerequisites name a lesson the catalogue does not have is refused") {
  const LessonCatalogue c = load_catalogue({{"lessons/a.json", lesson_text("a", Json::array({"b", "nope"}))},
                                            {"lessons/b.json", lesson_text("b")},
                                            {"lessons/self.json", lesson_text("self", Json::array({"self"}))}});
  CHECK(ids_of(c) == std::vector<std::string>{"b"});
  REQUIRE(c.errors.size() == 2);
  CHECK(c.errors[0] == "lessons/a.json: Prerequisites[2]: no lesson has the Id \"nope\"");
  CHECK(c.errors[1] == "lessons/self.json: Prerequisites[1]: a lesson cannot be its own prerequisite");
}

TEST_CASE("A prerequisite may come later in file-name order") {
  const LessonCatalogue c = load_catalogue({{"lessons/a.json", lesson_text("a", Json::array({"z"}))}, {"lessons/z.json", lesson_text("z")}});
  CHECK(c.errors.empty());
  CHECK(ids_of(c) == std::vector<std::string>{"a", "z"});
}

TEST_CASE("A prerequisite whose own file was refused is not in the catalogue either") {
  // b is malformed, c needs b, d needs c: only a is left, and each refusal says why.
  const LessonCatalogue c = load_catalogue({{"lessons/a.json", lesson_text("a")},
                                            {"lessons/b.json", "{}"},
                                            {"lessons/c.json", lesson_text("c", Json::array({"a", "b"}))},
                                            {"lessons/d.json", lesson_text("d", Json::array({"c"}))}});
  CHECK(ids_of(c) == std::vector<std::string>{"a"});
  REQUIRE(c.errors.size() == 3);
  CHECK(c.errors[0].starts_with("lessons/b.json: "));
  CHECK(c.errors[1] == "lessons/c.json: Prerequisites[2]: no lesson has the Id \"b\"");
  CHECK(c.errors[2] == "lessons/d.json: Prerequisites[1]: lesson \"c\" was refused (lessons/c.json)");

  // A prerequisite refused for its own prerequisite takes its dependants with it.
  const LessonCatalogue chain = load_catalogue({{"lessons/1.json", lesson_text("one", Json::array({"two"}))},
                                                {"lessons/2.json", lesson_text("two", Json::array({"missing"}))},
                                                {"lessons/3.json", lesson_text("three")}});
  CHECK(ids_of(chain) == std::vector<std::string>{"three"});
  REQUIRE(chain.errors.size() == 2);
  // In file-name order, whichever was found first.
  CHECK(chain.errors[0] == "lessons/1.json: Prerequisites[1]: lesson \"two\" was refused (lessons/2.json)");
  CHECK(chain.errors[1] == "lessons/2.json: Prerequisites[1]: no lesson has the Id \"missing\"");
  for (const Lesson& lesson : chain.lessons)
    for (const std::string& p : lesson.prerequisites) CHECK(chain.find(p) != nullptr);
}

TEST_CASE("find() gives the lesson with that Id, or nullptr") {
  const LessonCatalogue c = load_catalogue({{"lessons/a.json", lesson_text("alpha")}, {"lessons/b.json", lesson_text("beta")}});
  REQUIRE(c.find("alpha") != nullptr);
  CHECK(c.find("alpha")->file == "lessons/a.json");
  REQUIRE(c.find("beta") != nullptr);
  CHECK(c.find("beta")->title == "Lesson beta");
  CHECK(c.find("gamma") == nullptr);
  CHECK(c.find("") == nullptr);
  CHECK(c.find("Alpha") == nullptr);
  // The lesson's own pieces are there to use.
  CHECK(c.find("alpha")->find_step("sign-in") != nullptr);
  CHECK(c.find("alpha")->find_step("nope") == nullptr);
}
