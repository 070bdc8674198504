#include "web/lessons/lesson_state.h"

#include <algorithm>

#include "core/base/url.h"
#include "core/lessons/bundled_lessons.h"
#include "web/shell/ui_context.h"

namespace userpool::web {
namespace {

// The app's session is the one lessons read and replays sign in with. A
// replay that signed in with another app client leaves Try it that
// client's secret, which it signs its requests with.
void follow_client(UiContext& ctx, const std::string& client_before) {
  AppSession& app = ctx.session;
  if (app.client_id == client_before) return;
  const Response r = ctx.api.peek("DescribeUserPoolClient", Json{{"UserPoolId", app.pool_id}, {"ClientId", app.client_id}});
  app.client_secret = r.status == 200 ? r.body["UserPoolClient"].value("ClientSecret", "") : "";
}

}  // namespace

LessonState::LessonState() { reload_catalogue(); }

void LessonState::reload_catalogue() {
  std::vector<lessons::LessonFile> files = lessons::bundled_lesson_files();
  files.insert(files.end(), own_files_.begin(), own_files_.end());
  catalogue_ = lessons::load_catalogue(std::move(files));
}

bool LessonState::finished(const std::string& lesson_id) const {
  const auto& done = progress_.lessons_completed();
  return std::find(done.begin(), done.end(), lesson_id) != done.end();
}

const lessons::Step* LessonState::just_completed() const {
  const lessons::Lesson* l = lesson();
  return l && !just_completed_.empty() ? l->find_step(just_completed_) : nullptr;
}

std::string LessonState::step_pool_id(UiContext& ctx) {
  return progress_.active_step_pool_id(catalogue_, ctx.api, ctx.session);
}

void LessonState::start(UiContext& ctx, const std::string& lesson_id) {
  const std::string client_before = ctx.session.client_id;
  ++version_;
  const auto started = progress_.start(catalogue_, lesson_id, ctx.api, ctx.session);
  problem_ = started ? "" : started.error();
  not_yet_.clear();
  just_completed_.clear();
  follow_client(ctx, client_before);
  // Calls made before the lesson started are not the lesson's to remember.
  remembered_log_id_ = ctx.api.log().empty() ? 0 : ctx.api.log().back().id;
  check_now(ctx);
}

void LessonState::restart(UiContext& ctx) {
  if (progress_.active()) start(ctx, progress_.lesson_id());
}

void LessonState::stop() {
  ++version_;
  progress_.stop();
  not_yet_.clear();
  just_completed_.clear();
  problem_.clear();
}

void LessonState::remember_new_calls(UiContext& ctx) {
  for (const ApiLogEntry& entry : ctx.api.log()) {
    if (entry.id <= remembered_log_id_) continue;
    remembered_log_id_ = entry.id;
    if (entry.status == 200) progress_.remember(entry.operation, Response{entry.status, entry.response});
  }
}

void LessonState::update(UiContext& ctx) {
  if (!progress_.active()) return;
  if (checked_revision_ == ctx.api.revision() && checked_session_ == ctx.session.access_token) return;
  remember_new_calls(ctx);
  check_now(ctx);
}

void LessonState::check_now(UiContext& ctx) {
  checked_revision_ = ctx.api.revision();
  checked_session_ = ctx.session.access_token;
  if (!progress_.active()) return;
  const lessons::Recheck r = progress_.recheck(catalogue_, ctx.api, ctx.session);
  not_yet_ = r.lesson_complete ? "" : r.active.reason;
  if (!r.steps_completed.empty()) {
    just_completed_ = r.steps_completed.back();
    ++version_;  // progress is part of the saved work
  }
}

void LessonState::do_it_for_me(UiContext& ctx) {
  const std::string client_before = ctx.session.client_id;
  const auto done = progress_.do_it_for_me(catalogue_, ctx.api, ctx.session);
  problem_ = done ? "" : done.error();
  follow_client(ctx, client_before);
  check_now(ctx);
}

namespace {
// An address the page can fetch a lesson file from (and a lesson loaded from one).
bool is_web_address(const std::string& text) { return text.starts_with("https://") || text.starts_with("http://"); }
}  // namespace

std::optional<std::string> LessonState::open_link(UiContext& ctx, std::string_view fragment) {
  if (fragment.starts_with("#")) fragment.remove_prefix(1);
  const auto params = first_values(parse_url_params(fragment));
  if (const auto url = params.find("lesson-url"); url != params.end() && !params.contains("lesson")) {
    if (url->second.empty()) return "The link names no lesson file (#lesson-url=<address>&step=<n>).";
    const auto step = params.find("step");
    const std::string then = step == params.end() ? std::string() : "&step=" + step->second;
    load_from_url(ctx, url->second, [&ctx, then](std::optional<std::string> id, const std::string& error) {
      std::optional<std::string> problem = id ? ctx.lessons.open_link(ctx, "lesson=" + *id + then) : error;
      if (problem) ctx.notify("This link's lesson could not be opened: " + *problem, true);
    });
    return std::nullopt;
  }
  const auto id = params.find("lesson");
  if (id == params.end() || id->second.empty()) return "The link names no lesson (#lesson=<Id>&step=<n>).";
  const lessons::Lesson* lesson = catalogue_.find(id->second);
  if (lesson == nullptr) return "The link's lesson \"" + id->second + "\" is not in the list.";
  std::size_t step = 1;
  if (const auto n = params.find("step"); n != params.end()) {
    const std::string& text = n->second;
    const bool digits = !text.empty() && text.size() <= 3 && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
    step = digits ? static_cast<std::size_t>(std::stoi(text)) : 0;
    if (step < 1 || step > lesson->steps.size())
      return "The link asks for step " + text + " of \"" + lesson->title + "\", which has steps 1 to " +
             std::to_string(lesson->steps.size()) + ".";
  }
  start(ctx, lesson->id);
  for (std::size_t i = 1; i < step && problem_.empty(); ++i) do_it_for_me(ctx);
  return problem_.empty() ? std::nullopt : std::optional<std::string>(problem_);
}

void LessonState::load_from_url(UiContext& ctx, const std::string& url,
                                std::function<void(std::optional<std::string> id, const std::string& error)> done) {
  if (!is_web_address(url)) {
    done(std::nullopt, "\"" + url + "\" is not an http or https address");
    return;
  }
  if (!ctx.fetch_text) {
    done(std::nullopt, "this page cannot fetch files");
    return;
  }
  ctx.fetch_text(
      url,
      [this, done](const std::string& name, const std::string& text) {
        if (const auto error = add_own_lesson(name, text)) return done(std::nullopt, *error);
        // Added: the catalogue's lesson from that file.
        for (const lessons::Lesson& l : catalogue_.lessons)
          if (l.file == name) return done(l.id, {});
        done(std::nullopt, name + " added no lesson");
      },
      [url, done](const std::string& why) { done(std::nullopt, "could not fetch " + url + ": " + why); });
}

std::string LessonState::link_to_step() const {
  const lessons::Lesson* l = lesson();
  if (l == nullptr || !progress_.active()) return {};
  const std::string step = "&step=" + std::to_string(std::min(progress_.step_index() + 1, l->steps.size()));
  // A lesson loaded from an address: the link fetches it too, so it works
  // for learners who never loaded it.
  const bool own = std::any_of(own_files_.begin(), own_files_.end(), [&](const lessons::LessonFile& f) { return f.name == l->file; });
  if (own && is_web_address(l->file))
    return "lesson-url=" + url_encode(l->file) + step;
  return "lesson=" + l->id + step;
}

std::optional<std::string> LessonState::add_own_lesson(const std::string& file_name, const std::string& text) {
  const auto parsed = lessons::parse_lesson(file_name, text);
  if (!parsed) return parsed.error();
  const std::string& id = parsed->id;
  // The catalogue already knows every Id and the file it came from.
  const std::vector<lessons::LessonFile> before = own_files_;
  if (const lessons::Lesson* taken = catalogue_.find(id)) {
    const auto own = std::find_if(own_files_.begin(), own_files_.end(),
                                  [&](const lessons::LessonFile& f) { return f.name == taken->file; });
    if (own == own_files_.end())
      return file_name + ": the Id \"" + id + "\" is taken by a lesson of the sandbox (" + taken->file +
             "); give your lesson another Id";
    own_files_.erase(own);
  }
  own_files_.push_back({file_name, text});
  reload_catalogue();
  for (const std::string& error : catalogue_.errors) {
    if (error.starts_with(file_name + ":")) {
      own_files_ = before;
      reload_catalogue();
      return error;
    }
  }
  return std::nullopt;
}

std::vector<std::string> LessonState::own_lesson_files() const {
  std::vector<std::string> names;
  for (const lessons::LessonFile& f : own_files_) names.push_back(f.name);
  return names;
}

Json LessonState::to_json() const {
  Json own = Json::array();
  for (const lessons::LessonFile& f : own_files_) own.push_back({{"Name", f.name}, {"Text", f.text}});
  return Json{{"Progress", progress_.to_json()}, {"OwnLessons", own}};
}

std::optional<std::string> LessonState::restore(const Json& saved) {
  own_files_.clear();
  stop();
  std::optional<std::string> problem;
  if (!saved.is_object()) {
    reload_catalogue();
    return saved.is_null() ? problem : std::optional<std::string>("the lessons part is not an object");
  }
  for (const Json& f : saved.value("OwnLessons", Json::array())) {
    if (!f.is_object() || !f.value("Name", Json()).is_string() || !f.value("Text", Json()).is_string()) {
      problem = "a saved lesson file is damaged and was dropped";
      continue;
    }
    if (auto error = add_own_lesson(f["Name"].get<std::string>(), f["Text"].get<std::string>())) problem = *error;
  }
  reload_catalogue();
  if (saved.contains("Progress")) {
    auto restored = lessons::LessonProgress::from_json(saved["Progress"], catalogue_);
    progress_ = restored ? std::move(*restored) : lessons::LessonProgress{};
    if (!restored) problem = restored.error();
  }
  // The next update() checks the restored step against the restored sandbox.
  checked_revision_ = ~0ull;
  return problem;
}

}  // namespace userpool::web
