// Templates in lessons: "{{function:argument}}" inside the strings of a
// request (and of a check's expected values), resolved against the sandbox
// when a check runs or an action replays, so a lesson can name "the pool
// called kekepool" without knowing its generated ID.
//
// The functions live in one table (lesson_template_functions.cpp): adding
// one is adding a row with its argument check and its resolver.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

#include "core/base/json.h"
#include "core/lessons/lesson_context.h"

namespace userpool::lessons {

struct TemplateFunction {
  std::string_view name;      // before the colon: "pool"
  std::string_view argument;  // how its argument reads, for messages: "NAME"
  // Checks the argument when a lesson loads: empty when it is fine, else a
  // sentence saying what is wrong with it.
  std::string (*check_argument)(std::string_view argument);
  // The value, or why there is none yet ("no user pool named kekepool yet").
  // Reads go through the dispatcher, unrecorded.
  tl::expected<Json, std::string> (*resolve)(std::string_view argument, const LessonContext& ctx);
};

// Every template function, in the order messages list them.
const std::vector<TemplateFunction>& template_functions();
const TemplateFunction* find_template_function(std::string_view name);

// A reference is a template without its braces: "pool:kekepool".
// check_reference: empty when it is fine, else what is wrong.
std::string check_reference(std::string_view reference);
tl::expected<Json, std::string> resolve_reference(std::string_view reference, const LessonContext& ctx);

// The templates in every string of `value`, checked when a lesson loads.
// Empty when all are fine; else "<where>.<member path>: <what is wrong>"
// (`where` names `value`, e.g. "Request").
std::string check_templates(const Json& value, std::string_view where);

// The name of the first user pool a template in `value` names
// ({{pool:NAME}}, {{pool_arn:NAME}} or {{client:NAME/CLIENT}}); empty when
// none does. How "Show me" knows which pool a step is about.
std::string pool_named_in(const Json& value);

// `value` with every template resolved: a string that is exactly one
// template becomes its value (with its JSON type); in any other string each
// template is replaced by its value as text (strings as they are, other
// values as compact JSON). Fails with the first reason a template cannot be
// resolved.
tl::expected<Json, std::string> resolve_templates(const Json& value, const LessonContext& ctx);

}  // namespace userpool::lessons
