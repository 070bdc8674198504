// The lesson loader: the top level and the steps, and the reading helpers
// every part of the loader shares. Checks and actions are read in
// lesson_read_checks.cpp.
#include "core/api/registry.h"
#include "core/lessons/lesson.h"

#include <algorithm>

#include "core/api/dispatcher.h"
#include "core/lessons/lesson_context.h"
#include "core/lessons/lesson_pointer.h"
#include "core/lessons/lesson_reader.h"

namespace userpool::lessons {
namespace reader {
namespace {

std::string list_words(std::initializer_list<std::string_view> words) {
  std::string out;
  std::size_t i = 0;
  for (std::string_view w : words) {
    if (i > 0) out += i + 1 == words.size() ? " or " : ", ";
    out += w;
    ++i;
  }
  return out;
}

std::string in_quotes(std::string_view text) { return Json(std::string(text)).dump(-1, ' ', false, Json::error_handler_t::replace); }

// The number of single-letter edits between two names, to suggest the
// operation a typo meant.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

}  // namespace

void fail(const std::string& where, const std::string& message) { throw LessonFormatError{at(where, message)}; }

std::string at(const std::string& where, const std::string& rest) { return where.empty() ? rest : where + ": " + rest; }

std::string item(const std::string& where, std::size_t index) { return where + "[" + std::to_string(index + 1) + "]"; }

void only_members(const Json& object, const std::string& where, std::initializer_list<std::string_view> allowed) {
  for (const auto& [key, value] : object.items())
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end())
      fail(where, "unknown member " + in_quotes(key) + " (expected " + list_words(allowed) + ")");
}

std::string required_text(const Json& object, const char* name, const std::string& where) {
  if (!object.contains(name)) fail(where, "missing " + in_quotes(name));
  return optional_text(object, name, where);
}

std::string optional_text(const Json& object, const char* name, const std::string& where) {
  const auto it = object.find(name);
  if (it == object.end()) return {};
  if (!it->is_string()) fail(where, in_quotes(name) + " must be a string, not " + json_kind(*it));
  if (it->get_ref<const std::string&>().empty()) fail(where, in_quotes(name) + " is empty");
  return it->get<std::string>();
}

const Json* array_member(const Json& object, const char* name, const std::string& where, bool required,
                         std::size_t min, const char* what) {
  const auto it = object.find(name);
  if (it == object.end()) {
    if (required) fail(where, "missing " + in_quotes(name));
    return nullptr;
  }
  if (!it->is_array()) fail(where, in_quotes(name) + " must be a list, not " + json_kind(*it));
  if (it->size() < min) fail(where, in_quotes(name) + " must list at least one " + what);
  return &*it;
}

std::string known_operation(const Json& value, const std::string& where) {
  if (!value.is_string()) fail(where, "the operation must be a string, not " + json_kind(value));
  const std::string name(plain_operation(value.get<std::string>()));
  static const std::vector<std::string> names = operation_names();
  if (std::find(names.begin(), names.end(), name) != names.end()) return name;
  std::string message = "unknown operation " + in_quotes(value.get<std::string>());
  std::size_t best = 3;  // suggest only a near miss
  std::string suggestion;
  for (const std::string& known : names)
    if (const std::size_t d = edit_distance(name, known); d <= best && d < name.size()) {
      best = d;
      suggestion = known;
    }
  if (!suggestion.empty()) message += " (did you mean " + in_quotes(suggestion) + "?)";
  fail(where, message);
}

}  // namespace reader

namespace {

using namespace reader;

void require_id(const std::string& id, const std::string& where, const char* what) {
  if (!is_lesson_id(id)) fail(where, what + std::string(" ") + Json(id).dump() + " must be lowercase letters, digits and dashes");
}

std::vector<Action> read_actions(const Json* list, const std::string& name) {
  std::vector<Action> actions;
  if (!list) return actions;
  for (std::size_t i = 0; i < list->size(); ++i) actions.push_back(read_action((*list)[i], item(name, i)));
  return actions;
}

Step read_step(const Json& value, std::size_t index) {
  std::string where = "step " + std::to_string(index + 1);
  if (!value.is_object()) fail(where, "must be an object, not " + json_kind(value));
  if (const auto id = value.find("Id"); id != value.end() && id->is_string())
    where += " " + Json(id->get<std::string>()).dump();
  only_members(value, where, {"Id", "Title", "Text", "Highlight", "Check", "Hints", "Solution", "Explanation", "NotYet", "Diagram"});

  Step step;
  step.id = required_text(value, "Id", where);
  require_id(step.id, where, "Id");
  step.title = required_text(value, "Title", where);
  step.text = required_text(value, "Text", where);
  step.highlight = optional_text(value, "Highlight", where);
  if (!value.contains("Check")) fail(where, "missing \"Check\"");
  step.check = read_check(value["Check"], at(where, "Check"));
  const Json* hints = array_member(value, "Hints", where, true, 1, "hint");
  for (std::size_t i = 0; i < hints->size(); ++i) {
    const Json& hint = (*hints)[i];
    if (!hint.is_string() || hint.get_ref<const std::string&>().empty())
      fail(at(where, item("Hints", i)), "must be a non-empty string");
    step.hints.push_back(hint.get<std::string>());
  }
  step.solution = read_actions(array_member(value, "Solution", where, true, 1, "action"), at(where, "Solution"));
  step.explanation = optional_text(value, "Explanation", where);
  step.not_yet = optional_text(value, "NotYet", where);
  if (value.contains("Diagram")) step.diagram = read_diagram(value["Diagram"], at(where, "Diagram"));
  return step;
}

Lesson read_lesson(const Json& doc) {
  if (!doc.is_object()) fail("", "a lesson must be a JSON object, not " + json_kind(doc));
  // Format and Version first: a file that is not a lesson at all says so
  // rather than listing everything it lacks.
  if (!doc.contains("Format"))
    fail("", "missing \"Format\" (a lesson starts with \"Format\": \"" + std::string(kLessonFormat) + "\")");
  if (doc["Format"] != kLessonFormat)
    fail("", "\"Format\" is " + quote_value(doc["Format"]) + ", expected \"" + std::string(kLessonFormat) + "\"");
  if (!doc.contains("Version")) fail("", "missing \"Version\"");
  if (doc["Version"] != kLessonVersion)
    fail("", "\"Version\" is " + quote_value(doc["Version"]) + ", but this sandbox reads version " + std::to_string(kLessonVersion));
  only_members(doc, "", {"Format", "Version", "Id", "Title", "Summary", "Source", "Prerequisites", "Setup", "Steps"});

  Lesson lesson;
  lesson.id = required_text(doc, "Id", "");
  require_id(lesson.id, "", "Id");
  lesson.title = required_text(doc, "Title", "");
  lesson.summary = required_text(doc, "Summary", "");
  lesson.source = optional_text(doc, "Source", "");
  if (const Json* prerequisites = array_member(doc, "Prerequisites", "", false, 0, "lesson")) {
    for (std::size_t i = 0; i < prerequisites->size(); ++i) {
      const Json& p = (*prerequisites)[i];
      if (!p.is_string() || !is_lesson_id(p.get_ref<const std::string&>()))
        fail(item("Prerequisites", i), quote_value(p) + " is not a lesson Id (lowercase letters, digits and dashes)");
      lesson.prerequisites.push_back(p.get<std::string>());
    }
  }
  lesson.setup = read_actions(array_member(doc, "Setup", "", false, 0, "action"), "Setup");
  const Json* steps = array_member(doc, "Steps", "", true, 1, "step");
  for (std::size_t i = 0; i < steps->size(); ++i) {
    Step step = read_step((*steps)[i], i);
    for (std::size_t j = 0; j < lesson.steps.size(); ++j)
      if (lesson.steps[j].id == step.id)
        fail("step " + std::to_string(i + 1) + " " + Json(step.id).dump(),
             "duplicate step Id (step " + std::to_string(j + 1) + " has it too)");
    lesson.steps.push_back(std::move(step));
  }
  return lesson;
}

// "parse error at line 5, column 3: syntax error ..." -> "line 5, column 3:
// syntax error ...": the byte offset comes first, then where an editor shows it.
std::string parse_error_detail(const std::string& message) {
  std::string plain = plain_json_error(message);
  constexpr std::string_view kPrefix = "parse error at ";
  if (plain.starts_with(kPrefix)) plain.erase(0, kPrefix.size());
  return plain;
}

}  // namespace

bool is_lesson_id(std::string_view id) {
  if (id.empty()) return false;
  return std::all_of(id.begin(), id.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

const Step* Lesson::find_step(std::string_view step_id) const {
  for (const Step& s : steps)
    if (s.id == step_id) return &s;
  return nullptr;
}

tl::expected<Lesson, std::string> parse_lesson(std::string_view file_name, std::string_view text) {
  Json doc;
  try {
    doc = Json::parse(text);
  } catch (const Json::parse_error& e) {
    return tl::unexpected(std::string(file_name) + ": not JSON (parse error at byte " + std::to_string(e.byte) + ": " +
                          parse_error_detail(e.what()) + ")");
  } catch (const std::exception& e) {
    return tl::unexpected(std::string(file_name) + ": not JSON (" + plain_json_error(e.what()) + ")");
  }
  return lesson_from_json(file_name, doc);
}

tl::expected<Lesson, std::string> lesson_from_json(std::string_view file_name, const Json& document) {
  try {
    Lesson lesson = read_lesson(document);
    lesson.file = std::string(file_name);
    return lesson;
  } catch (const reader::LessonFormatError& e) {
    return tl::unexpected(std::string(file_name) + ": " + e.message);
  } catch (const std::exception& e) {
    // A rule above that forgot a type check; refused all the same.
    return tl::unexpected(std::string(file_name) + ": could not be read (" + plain_json_error(e.what()) + ")");
  }
}

}  // namespace userpool::lessons
