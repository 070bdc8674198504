// The lessons that ship with the sandbox: lessons/*.json, compiled in at
// build time (cmake/EmbedLessons.cmake) so the page and the wasm tests carry
// them without a file system. Load them with load_catalogue().
#pragma once

#include <vector>

#include "core/lessons/lesson_catalogue.h"

namespace userpool::lessons {

// Every lessons/*.json, named "lessons/<file>", in file-name order.
std::vector<LessonFile> bundled_lesson_files();

}  // namespace userpool::lessons
