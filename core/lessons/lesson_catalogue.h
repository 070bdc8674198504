// Every lesson the app offers, loaded from (file name, text) pairs: natively
// the tests read lessons/*.json themselves, in the browser the files are
// embedded in the page, so the catalogue never touches a file system.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/lessons/lesson.h"

namespace userpool::lessons {

struct LessonFile {
  std::string name;  // as errors should name it, e.g. "lessons/create-user-pool.json"
  std::string text;
};

struct LessonCatalogue {
  std::vector<Lesson> lessons;      // the lessons that loaded, in file-name order
  std::vector<std::string> errors;  // one per file refused, naming the file

  // The lesson with that Id, or nullptr.
  const Lesson* find(std::string_view id) const;
};

// Loads every file; a malformed one is refused (its error in `errors`) and
// the others still load. Beyond each file's own rules, the catalogue
// refuses a second lesson with an Id already taken and a lesson whose
// Prerequisites name a lesson it does not have.
LessonCatalogue load_catalogue(std::vector<LessonFile> files);

}  // namespace userpool::lessons
