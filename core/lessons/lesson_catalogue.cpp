#include "core/lessons/lesson_catalogue.h"

#include <algorithm>
#include <set>

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

  std::set<std::string, std::less<>> ids;
  for (const Lesson& lesson : loaded) ids.insert(lesson.id);
  for (Lesson& lesson : loaded) {
    std::string problem;
    for (std::size_t i = 0; i < lesson.prerequisites.size() && problem.empty(); ++i) {
      const std::string& p = lesson.prerequisites[i];
      const std::string where = lesson.file + ": Prerequisites[" + std::to_string(i + 1) + "]: ";
      if (p == lesson.id) problem = where + "a lesson cannot be its own prerequisite";
      else if (!ids.contains(p)) problem = where + "no lesson has the Id " + Json(p).dump();
    }
    if (problem.empty()) catalogue.lessons.push_back(std::move(lesson));
    else catalogue.errors.push_back(std::move(problem));
  }
  return catalogue;
}

}  // namespace userpool::lessons
