// Lessons in the app: the list of lessons with the learner's progress (a
// view of its own), and beside whatever view is open, the active step: its
// text, a hint at a time, the solution after a confirmation, "do it for me",
// restart. While a lesson runs, the widget its step names is outlined on the
// canvas wherever it is drawn.
#pragma once

#include <functional>
#include <string>

#include "web/shell/ui_context.h"

namespace userpool::web {

class LessonPanel {
 public:
  explicit LessonPanel(UiContext& ctx) : ctx_(ctx) {}

  // Opens the view and scrolls to the widget with that name (the app knows
  // where each widget lives).
  // "Show me": the widget to bring into sight, and the user pool the step is
  // about (its ID; empty when the step names none).
  std::function<void(const std::string& widget, const std::string& pool_id)> show_me;

  // The lessons view: every lesson, its progress, start or continue; a
  // presenter's own lesson file.
  void draw_catalogue();
  // The active step, in a column `width` wide beside the open view.
  void draw_step(float width, float height);
  // Outlines the active step's widget; call after everything else is drawn.
  void draw_highlight();

  // The column's width in pixels, or 0 when no lesson is active.
  float step_width() const;

 private:
  void draw_lesson_card(const lessons::Lesson& lesson);
  void draw_own_lessons();
  void draw_complete(const lessons::Lesson& lesson);
  void draw_step_actions(const lessons::Step& step);
  void start(const std::string& lesson_id);
  void load_lesson_file();
  void load_lesson_url();

  UiContext& ctx_;
  // What the learner has opened for the active step; reset when it changes.
  std::string shown_for_step_;
  int hints_shown_ = 0;
  bool confirm_solution_ = false;
  bool solution_shown_ = false;
  bool details_shown_ = false;  // the check's own reason under "Not done yet"
  std::string load_error_;
  std::string lesson_url_;  // a lesson file's address, typed by a presenter
  bool fetching_ = false;
  // The widget outlined last, and since when (ImGui's clock): it pulses for
  // kPulseSeconds, then stays lit.
  static constexpr double kPulseSeconds = 3.0;
  std::string highlighted_;
  double highlight_since_ = 0;
};

}  // namespace userpool::web
