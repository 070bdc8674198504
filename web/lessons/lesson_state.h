// The lessons as the app runs them: the catalogue (the lessons that ship,
// plus any a presenter loads from a file), the learner's progress, and the
// bridge between the app's signed-in session and the one lesson checks read.
// After every operation the app calls update(), which re-checks the active
// step. No ImGui here, so it is tested natively; the lesson panel draws it.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/json.h"
#include "core/lessons/lesson_catalogue.h"
#include "core/lessons/lesson_progress.h"

namespace userpool::web {

class UiContext;

class LessonState {
 public:
  // Loads the lessons that ship with the sandbox.
  LessonState();

  const lessons::LessonCatalogue& catalogue() const { return catalogue_; }
  const lessons::LessonProgress& progress() const { return progress_; }
  // The active lesson and step; nullptr when none (or the lesson is complete).
  const lessons::Lesson* lesson() const { return progress_.lesson(catalogue_); }
  const lessons::Step* step() const { return progress_.active_step(catalogue_); }
  bool complete() const { return progress_.complete(catalogue_); }
  bool finished(const std::string& lesson_id) const;

  // The ID of the user pool the active step is about (the one its check or
  // solution names), or empty.
  std::string step_pool_id(UiContext& ctx);
  // Why the active step is not done yet (the check's reason), or empty.
  const std::string& not_yet() const { return not_yet_; }
  // The step completed last in this lesson (to show its explanation), or nullptr.
  const lessons::Step* just_completed() const;
  // A Setup or "do it for me" that failed, in the API's words; empty when none.
  const std::string& problem() const { return problem_; }

  // Starts a lesson: replays its Setup, then checks where the learner is.
  void start(UiContext& ctx, const std::string& lesson_id);
  void restart(UiContext& ctx);
  void stop();
  // Re-checks the active step when the sandbox or the session changed since
  // the last call. Cheap when nothing changed; the app calls it every frame.
  void update(UiContext& ctx);
  // Replays the active step's reference solution, then re-checks.
  void do_it_for_me(UiContext& ctx);

  // A presenter's link to a lesson, the part of the page's address after
  // "#": "lesson=<Id>" or "lesson=<Id>&step=<n>" (from 1). The lesson
  // starts, and the steps before n are done for the learner, so everyone in
  // a workshop stands at the same place. Why not, in words, when the link
  // names no lesson of the list or a step it does not have.
  // "lesson-url=<address>&step=<n>" fetches a lesson file first (as
  // load_from_url does) and opens its lesson; what goes wrong then is told
  // in a notice, since it comes later.
  std::optional<std::string> open_link(UiContext& ctx, std::string_view fragment);
  // Fetches a lesson file from an address and adds it as the learner's own
  // (add_own_lesson); `done` gets the lesson's Id, or nullopt and why not.
  void load_from_url(UiContext& ctx, const std::string& url,
                     std::function<void(std::optional<std::string> id, const std::string& error)> done);
  // The link to the active step ("lesson=<Id>&step=<n>", or for a lesson
  // loaded from an address "lesson-url=<address>&step=<n>"); empty without one.
  std::string link_to_step() const;

  // A presenter's own lesson file. Refused with the loader's precise error
  // (the file, the step, what is wrong); nothing changes then. A file with
  // the Id of a lesson loaded before from a file replaces it, so a presenter
  // can edit and load again; the lessons that ship cannot be replaced.
  std::optional<std::string> add_own_lesson(const std::string& file_name, const std::string& text);
  // The names of the lesson files loaded by the learner.
  std::vector<std::string> own_lesson_files() const;

  // Moves whenever the progress changes (a lesson started or left, a step
  // done): progress is part of the saved work.
  std::uint64_t version() const { return version_; }

  // For the saved work: {"Progress": ..., "OwnLessons": [{"Name", "Text"}]}.
  Json to_json() const;
  // The inverse. A part that cannot be read is dropped (its reason
  // returned) and the rest kept: lesson progress is never worth losing the
  // learner's sandbox over.
  std::optional<std::string> restore(const Json& saved);

 private:
  void reload_catalogue();
  void check_now(UiContext& ctx);
  void remember_new_calls(UiContext& ctx);

  std::vector<lessons::LessonFile> own_files_;
  lessons::LessonCatalogue catalogue_;
  lessons::LessonProgress progress_;
  std::string not_yet_;
  std::string just_completed_;
  std::string problem_;
  std::uint64_t checked_revision_ = ~0ull;
  std::string checked_session_;  // the access token the last check saw
  std::uint64_t version_ = 0;
  std::uint64_t remembered_log_id_ = 0;
};

}  // namespace userpool::web
