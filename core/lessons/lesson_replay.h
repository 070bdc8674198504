// Replaying a lesson's actions through the dispatcher: its Setup when it
// starts, a step's Solution when the learner asks "do it for me", and every
// solution in the tests. Calls are recorded in the event log like the
// learner's own, since they stand for what the learner would have done.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

#include "core/lessons/lesson.h"
#include "core/lessons/lesson_context.h"

namespace userpool::lessons {

// Runs one action. Successful responses go into ctx.memory; tokens an
// answer carries become ctx.session. The error says why, in the API's
// words ("ConfirmSignUp answered CodeMismatchException: ...") or the
// template's ("no message to jane@example.com yet"). Never throws.
tl::expected<void, std::string> run_action(const Action& action, const LessonContext& ctx);

// Runs the actions in order and stops at the first that fails, naming it:
// "Solution[2] (ConfirmSignUp): no message to jane@example.com yet".
// `list_name` is what the list is called in the lesson ("Setup", "Solution").
tl::expected<void, std::string> replay(const std::vector<Action>& actions, const LessonContext& ctx,
                                       std::string_view list_name);

// How an action is named in messages: its operation, "SignIn" or "SignOut".
std::string action_label(const Action& action);

}  // namespace userpool::lessons
