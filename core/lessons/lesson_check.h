// Evaluating a step's check against the sandbox: read the source (through
// the dispatcher, unrecorded), find the value the pointer names, narrow it
// with Where, compare. Every result carries a reason in plain words that
// the lesson panel can show as it is:
//   UserPool.MfaConfiguration is "ON", expected "OFF"
//   found 0 Events where Operation is "RespondToAuthChallenge" and Status is 200, expected at least 1
//   no user pool named kekepool yet
#pragma once

#include <string>

#include <tl/expected.hpp>

#include "core/base/json.h"
#include "core/lessons/lesson.h"
#include "core/lessons/lesson_context.h"

namespace userpool::lessons {

struct CheckResult {
  bool satisfied = false;
  // Why: what was found, and when the check is not satisfied, what was
  // expected. For All and Any, the reasons of the checks that decided it,
  // joined with "; ".
  std::string reason;
};

// Never throws: a source that cannot be read, or a template that cannot be
// resolved yet, makes the check false with that as the reason (and so
// {"Not": ...} of it true).
CheckResult evaluate_check(const Check& check, const LessonContext& ctx);

// The document a source gives (the response body, the token's claims, the
// session), or why there is none.
tl::expected<Json, std::string> read_source(const Source& source, const LessonContext& ctx);

}  // namespace userpool::lessons
