#include "core/lessons/lesson_progress.h"

#include <algorithm>

#include "core/lessons/lesson_replay.h"
#include "core/lessons/lesson_template.h"

namespace userpool::lessons {
namespace {

bool contains(const std::vector<std::string>& list, std::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

// A list member of saved progress: strings only.
tl::expected<std::vector<std::string>, std::string> string_list(const Json& j, const char* name) {
  std::vector<std::string> out;
  const auto it = j.find(name);
  if (it == j.end()) return out;
  if (!it->is_array()) return tl::unexpected("\"" + std::string(name) + "\" must be a list");
  for (const Json& element : *it) {
    if (!element.is_string()) return tl::unexpected("\"" + std::string(name) + "\" must list strings");
    out.push_back(element.get<std::string>());
  }
  return out;
}

}  // namespace

const Lesson* LessonProgress::lesson(const LessonCatalogue& catalogue) const {
  return active() ? catalogue.find(lesson_id_) : nullptr;
}

const Step* LessonProgress::active_step(const LessonCatalogue& catalogue) const {
  const Lesson* l = lesson(catalogue);
  return l && step_ < l->steps.size() ? &l->steps[step_] : nullptr;
}

bool LessonProgress::complete(const LessonCatalogue& catalogue) const {
  const Lesson* l = lesson(catalogue);
  return l && step_ >= l->steps.size();
}

tl::expected<void, std::string> LessonProgress::start(const LessonCatalogue& catalogue, std::string_view lesson_id,
                                                      Door& door, LessonSession& session) {
  const Lesson* l = catalogue.find(lesson_id);
  if (!l) return tl::unexpected("no lesson has the Id " + Json(std::string(lesson_id)).dump());
  lesson_id_ = l->id;
  step_ = 0;
  done_.clear();
  memory_.clear();
  return replay(l->setup, LessonContext{door, session, memory_}, "Setup");
}

tl::expected<void, std::string> LessonProgress::restart(const LessonCatalogue& catalogue, Door& door,
                                                        LessonSession& session) {
  if (!active()) return tl::unexpected(std::string("no lesson is active"));
  const std::string id = lesson_id_;
  return start(catalogue, id, door, session);
}

void LessonProgress::stop() {
  lesson_id_.clear();
  step_ = 0;
  done_.clear();
  memory_.clear();
}

Recheck LessonProgress::recheck(const LessonCatalogue& catalogue, Door& door, LessonSession& session) {
  Recheck out;
  const Lesson* l = lesson(catalogue);
  if (!l) return out;
  const LessonContext ctx{door, session, memory_};
  while (step_ < l->steps.size()) {
    const Step& step = l->steps[step_];
    CheckResult result = evaluate_check(step.check, ctx);
    if (!result.satisfied) {
      out.active = std::move(result);
      return out;
    }
    if (!contains(done_, step.id)) done_.push_back(step.id);
    out.steps_completed.push_back(step.id);
    ++step_;
  }
  out.lesson_complete = true;
  if (!contains(completed_, l->id)) completed_.push_back(l->id);
  return out;
}

namespace {

// The first pool a check names, looking where its templates may be.
std::string pool_named_by(const Check& check) {
  if (check.kind != Check::Kind::kSource) {
    for (const Check& inner : check.checks)
      if (std::string name = pool_named_by(inner); !name.empty()) return name;
    return "";
  }
  std::string name = pool_named_in(check.source.request);
  if (name.empty() && check.where) name = pool_named_in(*check.where);
  if (name.empty()) name = pool_named_in(check.expected);
  return name;
}

}  // namespace

std::string LessonProgress::active_step_pool_id(const LessonCatalogue& catalogue, Door& door,
                                                LessonSession& session) {
  const Step* step = active_step(catalogue);
  if (step == nullptr) return "";
  std::string name = pool_named_by(step->check);
  for (const Action& action : step->solution) {
    if (!name.empty()) break;
    name = action.kind == Action::Kind::kSignIn         ? action.sign_in.pool
           : action.kind == Action::Kind::kHostedSignIn ? action.hosted_sign_in.pool
           : action.kind == Action::Kind::kMachineToken ? action.machine_token.pool
                                                        : pool_named_in(action.request);
  }
  if (name.empty()) return "";
  const auto id = resolve_reference("pool:" + name, LessonContext{door, session, memory_});
  return id && id->is_string() ? id->get<std::string>() : "";
}

const std::vector<Action>& LessonProgress::solution(const LessonCatalogue& catalogue) const {
  static const std::vector<Action> kNone;
  const Step* step = active_step(catalogue);
  return step ? step->solution : kNone;
}

Json LessonProgress::solution_as_written(const LessonCatalogue& catalogue) const {
  Json out = Json::array();
  for (const Action& action : solution(catalogue)) out.push_back(action.written);
  return out;
}

tl::expected<Recheck, std::string> LessonProgress::do_it_for_me(const LessonCatalogue& catalogue, Door& door,
                                                                LessonSession& session) {
  const Step* step = active_step(catalogue);
  if (!step) return tl::unexpected(std::string(active() ? "the lesson is complete" : "no lesson is active"));
  const auto done = replay(step->solution, LessonContext{door, session, memory_}, "Solution");
  if (!done)
    return tl::unexpected("step " + std::to_string(step_ + 1) + " " + Json(step->id).dump() + ": " + done.error());
  return recheck(catalogue, door, session);
}

void LessonProgress::remember(std::string_view operation, const Response& response) {
  if (response.status == 200) memory_.remember(operation, response.body);
}

Json LessonProgress::to_json() const {
  return Json{{"Format", kProgressFormat},
              {"Version", kProgressVersion},
              {"Lesson", active() ? Json(lesson_id_) : Json(nullptr)},
              {"Step", step_},
              {"Done", done_},
              {"Completed", completed_},
              {"Responses", memory_.to_json()}};
}

tl::expected<LessonProgress, std::string> LessonProgress::from_json(const Json& j, const LessonCatalogue& catalogue) {
  const auto refuse = [](const std::string& why) {
    return tl::unexpected("saved lesson progress: " + why);
  };
  if (!j.is_object()) return refuse("not an object but " + json_kind(j));
  if (!j.contains("Format") || j["Format"] != kProgressFormat)
    return refuse("\"Format\" must be \"" + std::string(kProgressFormat) + "\"");
  if (!j.contains("Version") || j["Version"] != kProgressVersion)
    return refuse("\"Version\" must be " + std::to_string(kProgressVersion));

  LessonProgress p;
  const Json lesson = j.value("Lesson", Json(nullptr));
  if (!lesson.is_null() && !lesson.is_string()) return refuse("\"Lesson\" must be a lesson Id or null");
  const Lesson* l = nullptr;
  if (lesson.is_string()) {
    l = catalogue.find(lesson.get<std::string>());
    if (!l) return refuse("it is for lesson " + lesson.dump() + ", which this app does not have");
    p.lesson_id_ = l->id;
  }

  const Json step = j.contains("Step") ? j["Step"] : Json(0);
  if (!step.is_number_integer() || step.get<std::int64_t>() < 0) return refuse("\"Step\" must be a whole number, 0 or more");
  p.step_ = static_cast<std::size_t>(step.get<std::int64_t>());
  if (p.step_ > (l ? l->steps.size() : 0)) return refuse("\"Step\" " + step.dump() + " is past the lesson's last step");

  auto done = string_list(j, "Done");
  if (!done) return refuse(done.error());
  for (const std::string& id : *done)
    if (!l || !l->find_step(id)) return refuse("\"Done\" names step " + Json(id).dump() + ", which the lesson does not have");
  p.done_ = std::move(*done);

  auto completed = string_list(j, "Completed");
  if (!completed) return refuse(completed.error());
  p.completed_ = std::move(*completed);

  if (j.contains("Responses") && !p.memory_.restore(j["Responses"]))
    return refuse("\"Responses\" must map operation names to response objects");
  return p;
}

tl::expected<void, std::string> LessonProgress::restore(std::string_view text, const LessonCatalogue& catalogue) {
  *this = LessonProgress();
  const auto j = parse_json_text(text);
  if (!j) return tl::unexpected("saved lesson progress: not JSON (" + j.error() + ")");
  try {
    auto restored = from_json(*j, catalogue);
    if (!restored) return tl::unexpected(restored.error());
    *this = std::move(*restored);
    return {};
  } catch (const std::exception& e) {
    return tl::unexpected("saved lesson progress: could not be read (" + plain_json_error(e.what()) + ")");
  }
}

}  // namespace userpool::lessons
