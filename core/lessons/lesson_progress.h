// Where a learner is in the lessons: the active lesson, its active step, the
// steps done and the lessons finished. The app calls recheck() after every
// operation (ApiClient::revision moving); steps complete themselves as their
// checks come true, several at once if the learner ran ahead.
//
// Progress holds Ids, not pointers, so it survives a catalogue reloaded and
// can be saved with the rest of the learner's work (to_json/restore).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

#include "core/api/door.h"
#include "core/base/json.h"
#include "core/lessons/lesson_catalogue.h"
#include "core/lessons/lesson_check.h"
#include "core/lessons/lesson_context.h"

namespace userpool::lessons {

inline constexpr std::string_view kProgressFormat = "userpool-sandbox-lesson-progress";
inline constexpr int kProgressVersion = 1;

// What a recheck found.
struct Recheck {
  std::vector<std::string> steps_completed;  // Ids of the steps it found done, in order
  bool lesson_complete = false;
  // The active step's check (not satisfied) while the lesson is not
  // complete: its reason is what the panel shows as "not yet: ...".
  CheckResult active;
};

class LessonProgress {
 public:
  // The active lesson's Id; empty when no lesson is active.
  const std::string& lesson_id() const { return lesson_id_; }
  bool active() const { return !lesson_id_.empty(); }
  // The active step, counting from 0; the number of steps once complete.
  std::size_t step_index() const { return step_; }
  const std::vector<std::string>& steps_done() const { return done_; }
  // Lessons finished, in the order they were finished.
  const std::vector<std::string>& lessons_completed() const { return completed_; }

  const Lesson* lesson(const LessonCatalogue& catalogue) const;
  // nullptr when no lesson is active or it is complete.
  const Step* active_step(const LessonCatalogue& catalogue) const;
  bool complete(const LessonCatalogue& catalogue) const;

  // Makes a lesson active at its first step and replays its Setup. When a
  // Setup action fails the lesson is active all the same (the learner can
  // still read it) and the error names the action:
  // "Setup[2] (CreateUserPoolClient): ...".
  tl::expected<void, std::string> start(const LessonCatalogue& catalogue, std::string_view lesson_id, Door& door,
                                        LessonSession& session);
  // start() again for the active lesson.
  tl::expected<void, std::string> restart(const LessonCatalogue& catalogue, Door& door, LessonSession& session);
  // No lesson active (finished lessons stay finished).
  void stop();

  // Evaluates the active step's check and moves on while steps are satisfied.
  Recheck recheck(const LessonCatalogue& catalogue, Door& door, LessonSession& session);

  // "Show solution": the active step's Solution (empty when there is no
  // active step), and the same as the file wrote it, a JSON array to show.
  // The ID of the user pool the active step is about: the first pool its
  // check names with a template, else the first its solution names; empty
  // when it names none, or that pool does not exist.
  std::string active_step_pool_id(const LessonCatalogue& catalogue, Door& door, LessonSession& session);
  const std::vector<Action>& solution(const LessonCatalogue& catalogue) const;
  Json solution_as_written(const LessonCatalogue& catalogue) const;
  // "Do it for me": replays the active step's Solution, then rechecks.
  tl::expected<Recheck, std::string> do_it_for_me(const LessonCatalogue& catalogue, Door& door,
                                                  LessonSession& session);

  // The learner's own successful calls, so {{last:...}} in a check can use
  // what the learner got back (the secret AssociateSoftwareToken gave them).
  void remember(std::string_view operation, const Response& response);
  const ResponseMemory& memory() const { return memory_; }

  // For saving with the learner's work: {"Format", "Version", "Lesson",
  // "Step", "Done", "Completed", "Responses"}.
  Json to_json() const;
  // The inverse, against the catalogue (the lesson and its steps must exist).
  static tl::expected<LessonProgress, std::string> from_json(const Json& j, const LessonCatalogue& catalogue);
  // Restores saved text. On any problem (not JSON, not progress, a lesson no
  // longer offered) the progress is reset to nothing and the error returned.
  tl::expected<void, std::string> restore(std::string_view text, const LessonCatalogue& catalogue);

 private:
  std::string lesson_id_;
  std::size_t step_ = 0;
  std::vector<std::string> done_;
  std::vector<std::string> completed_;
  ResponseMemory memory_;
};

}  // namespace userpool::lessons
