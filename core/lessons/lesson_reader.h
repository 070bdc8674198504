// Reading a lesson file's JSON into the typed lesson: the pieces shared by
// lesson.cpp (the lesson and its steps) and lesson_read_checks.cpp (checks
// and actions). Internal to the loader.
//
// A problem is thrown as LessonFormatError and caught by parse_lesson(), so
// the readers read as a list of rules; nothing escapes it.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/json.h"
#include "core/lessons/lesson.h"

namespace userpool::lessons::reader {

struct LessonFormatError {
  std::string message;  // without the file name
};

// `where` is the place in the file ("step 3 \"sign-in\": Check: All[2]"),
// empty for the top level.
[[noreturn]] void fail(const std::string& where, const std::string& message);

// "<where>: <rest>", or just `rest` at the top level.
std::string at(const std::string& where, const std::string& rest);
// "<where>[n]", n counting from 1.
std::string item(const std::string& where, std::size_t index);

// Refuses a member not in `allowed` ("unknown member \"Hint\" (expected Id,
// Title or Text)").
void only_members(const Json& object, const std::string& where, std::initializer_list<std::string_view> allowed);

// A required member that is a non-empty string.
std::string required_text(const Json& object, const char* name, const std::string& where);
// An optional one: empty when absent; present but empty is an error.
std::string optional_text(const Json& object, const char* name, const std::string& where);
// A member that must be an array of at least `min` elements when present;
// nullptr when absent and not required.
const Json* array_member(const Json& object, const char* name, const std::string& where, bool required,
                         std::size_t min, const char* what);

// The operation named by a Call member, checked against the dispatcher's
// operations; returned without the target prefix.
std::string known_operation(const Json& value, const std::string& where);

Check read_check(const Json& value, const std::string& where);
Diagram read_diagram(const Json& value, const std::string& where);
Action read_action(const Json& value, const std::string& where);

}  // namespace userpool::lessons::reader
