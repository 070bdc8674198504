#include "core/lessons/lesson_catalogue.h"

#include <algorithm>
#include <map>

namespace userpool::lessons {

const Lesson* LessonCatalogue::find(std::string_view id) const {
  for (const Lesson& lesson : lessons)
    if (lesson.id == id) return &lesson;
  return nullptr;
}

LessonCatalogue load_catalogue(std::vector<LessonFile> files) {
  // File-name order is the order a presenter controls ("01-...", "02-...").
  std::sort(files.begin(), files.end(), [](const LessonFile& a, const LessonFile& b) { return a.name < b.name; });
  LessonCatalogue catalogue;
  std::vector<Lesson> loaded;
  for (const LessonFile& file : files) {
    auto lesson = parse_lesson(file.name, file.text);
    if (!lesson) {
      catalogue.errors.push_back(lesson.error());
      continue;
    }
    const auto taken = std::find_if(loaded.begin(), loaded.end(), [&](const Lesson& l) { return l.id == lesson->id; });
    if (taken != loaded.end()) {
      catalogue.errors.push_back(file.name + ": Id " + Json(lesson->id).dump() + " is already the Id of " + taken->file);
      continue;
    }
    loaded.push_back(std::move(*lesson));
  }

  // Prerequisites must be lessons the catalogue offers. Refusing a lesson
  // can leave another naming it (b needs c, which is missing: b is refused,
  // and a, which needs b, must be too), so refuse until nothing changes.
  std::map<std::string, std::size_t, std::less<>> index_of;
  for (std::size_t i = 0; i < loaded.size(); ++i) index_of.emplace(loaded[i].id, i);
  std::vector<std::string> problems(loaded.size());
  for (bool changed = true; changed;) {
    changed = false;
    for (std::size_t i = 0; i < loaded.size(); ++i) {
      if (!problems[i].empty()) continue;
      const Lesson& lesson = loaded[i];
      std::string problem;
      for (std::size_t j = 0; j < lesson.prerequisites.size() && problem.empty(); ++j) {
        const std::string& p = lesson.prerequisites[j];
        const std::string where = lesson.file + ": Prerequisites[" + std::to_string(j + 1) + "]: ";
        const auto found = index_of.find(p);
        if (p == lesson.id) problem = where + "a lesson cannot be its own prerequisite";
        else if (found == index_of.end()) problem = where + "no lesson has the Id " + Json(p).dump();
        else if (!problems[found->second].empty())
          problem = where + "lesson " + Json(p).dump() + " was refused (" + loaded[found->second].file + ")";
      }
      if (!problem.empty()) {
        problems[i] = std::move(problem);
        changed = true;
      }
    }
  }
  for (std::size_t i = 0; i < loaded.size(); ++i) {
    if (problems[i].empty()) catalogue.lessons.push_back(std::move(loaded[i]));
    else catalogue.errors.push_back(std::move(problems[i]));
  }
  return catalogue;
}

}  // namespace userpool::lessons
