#include "web/lessons/lesson_panel.h"
#include "core/base/text.h"

#include <algorithm>
#include <cmath>

#include "imgui.h"
#include "imgui_stdlib.h"
#include "web/lessons/lesson_diagram.h"
#include "web/lessons/lesson_markup.h"
#include "web/shell/named_item.h"
#include "web/shell/widget_registry.h"
#include "web/shell/widgets.h"

namespace userpool::web {
namespace {

constexpr float kColumnEms = 24.0f;

std::string step_count(const lessons::Lesson& lesson) {
  return std::to_string(lesson.steps.size()) + (lesson.steps.size() == 1 ? " step" : " steps");
}

// How far the lesson is: a thin track filled in the accent colour. (ImGui's
// ProgressBar is drawn as a framed field, which empty reads as a text box.)
void progress_track(float fraction) {
  const float height = ems(0.3f);
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(at, ImVec2(at.x + width, at.y + height), ImGui::GetColorU32(ImGuiCol_Separator), height);
  if (fraction > 0)
    draw->AddRectFilled(at, ImVec2(at.x + std::max(height, width * std::min(fraction, 1.0f)), at.y + height),
                        colors::blue(), height);
  ImGui::Dummy(ImVec2(width, height));
}

}  // namespace

float LessonPanel::step_width() const {
  return ctx_.lessons.progress().active() ? ems(kColumnEms) : 0.0f;
}

void LessonPanel::start(const std::string& lesson_id) {
  ctx_.lessons.start(ctx_, lesson_id);
  shown_for_step_.clear();
  if (!ctx_.lessons.problem().empty()) ctx_.notify("The lesson's set-up failed: " + ctx_.lessons.problem(), true);
}

void LessonPanel::load_lesson_url() {
  fetching_ = true;
  ctx_.lessons.load_from_url(ctx_, trimmed(lesson_url_), [this](std::optional<std::string> id, const std::string& error) {
    fetching_ = false;
    if (!id) {
      load_error_ = error;
      ctx_.notify("The lesson could not be loaded from the address", true);
      return;
    }
    load_error_.clear();
    // For a workshop: the address that opens this lesson for everyone.
    ctx_.notify("Lesson loaded; once started, its Copy a link to this step gives a link that loads it for everyone");
  });
}

void LessonPanel::load_lesson_file() {
  if (!ctx_.choose_file) return;
  ctx_.choose_file([this](const std::string& name, const std::string& text) {
    if (auto error = ctx_.lessons.add_own_lesson(name, text)) {
      load_error_ = *error;
      ctx_.notify("The lesson file was refused", true);
    } else {
      load_error_.clear();
      ctx_.notify("Lesson loaded from " + name);
    }
  });
}

void LessonPanel::draw_catalogue() {
  const float width = std::min(ImGui::GetContentRegionAvail().x, ems(46));
  heading(ctx_, "Lessons");
  help_text("Each lesson walks you through a part of Cognito user pools, step by step, in this sandbox. A step "
            "checks itself as soon as it is done; ask for a hint, or for the solution, when stuck.");
  ImGui::Spacing();
  for (const std::string& error : ctx_.lessons.catalogue().errors) error_text(error);
  for (const lessons::Lesson& lesson : ctx_.lessons.catalogue().lessons) {
    ImGui::PushID(lesson.id.c_str());
    begin_card(width);
    draw_lesson_card(lesson);
    end_card();
    ImGui::PopID();
    ImGui::Spacing();
  }
  begin_card(width);
  draw_own_lessons();
  end_card();
}

void LessonPanel::draw_lesson_card(const lessons::Lesson& lesson) {
  const lessons::LessonProgress& progress = ctx_.lessons.progress();
  const bool active = progress.lesson_id() == lesson.id;
  heading(ctx_, lesson.title.c_str());
  if (ctx_.lessons.finished(lesson.id)) {
    ImGui::SameLine();
    badge("Finished", colors::green());
  } else if (active) {
    ImGui::SameLine();
    badge("In progress", colors::blue());
  }
  draw_markup(ctx_, lesson.summary);
  std::string facts = step_count(lesson);
  if (!lesson.source.empty()) facts += "  ·  follows " + lesson.source;
  if (!lesson.prerequisites.empty()) {
    facts += "  ·  after ";
    for (std::size_t i = 0; i < lesson.prerequisites.size(); ++i) {
      const lessons::Lesson* before = ctx_.lessons.catalogue().find(lesson.prerequisites[i]);
      facts += (i ? ", " : "") + (before ? "\"" + before->title + "\"" : lesson.prerequisites[i]);
    }
  }
  ImGui::TextDisabled("%s", facts.c_str());
  const std::string id = "###lessons.start." + lesson.id;
  if (active && !ctx_.lessons.complete()) {
    ImGui::TextDisabled("At step %zu of %zu", progress.step_index() + 1, lesson.steps.size());
    ImGui::SameLine();
    if (ImGui::Button(("Start again" + id + ".again").c_str())) start(lesson.id);
  } else if (primary_button(((ctx_.lessons.finished(lesson.id) ? "Do it again" : "Start") + id).c_str())) {
    start(lesson.id);
  }
}

void LessonPanel::draw_own_lessons() {
  heading(ctx_, "Your own lesson");
  help_text("Presenters can write a lesson as a JSON file (the format is in lessons/README.md) and load it here. "
            "A file with a problem is refused with the step and what is wrong; load it again after fixing it.");
  if (ImGui::Button("Load a lesson file###lessons.load")) load_lesson_file();
  ImGui::TextDisabled("or from an address (its server must allow this page to read it):");
  // The field takes what the button leaves of the line, so both fit however narrow the view.
  const char* label = fetching_ ? "Loading...###lessons.load_url" : "Load###lessons.load_url";
  const float button = ImGui::CalcTextSize("Loading...").x + 2 * ImGui::GetStyle().FramePadding.x;
  ImGui::SetNextItemWidth(std::min(ems(28), ImGui::GetContentRegionAvail().x - button - ImGui::GetStyle().ItemSpacing.x));
  ImGui::InputTextWithHint("###lessons.url", "https://...", &lesson_url_);
  ImGui::SameLine();
  if (ImGui::Button(label) && !fetching_) load_lesson_url();
  for (const std::string& name : ctx_.lessons.own_lesson_files()) ImGui::BulletText("%s", name.c_str());
  if (!load_error_.empty()) error_text(load_error_);
}

void LessonPanel::draw_step(float width, float height) {
  const lessons::Lesson* lesson = ctx_.lessons.lesson();
  if (lesson == nullptr) return;
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(ems(1.0f), ems(1.0f)));
  ImGui::BeginChild("lesson.column", ImVec2(width, height), true, ImGuiWindowFlags_AlwaysUseWindowPadding);
  ImGui::TextDisabled("LESSON");
  ImGui::SameLine(ImGui::GetContentRegionAvail().x - ems(3.5f));
  if (ImGui::SmallButton("Leave###lesson.leave")) {
    ctx_.lessons.stop();
    ImGui::EndChild();
    ImGui::PopStyleVar();
    return;
  }
  ImGui::PushTextWrapPos(0);
  ImGui::TextUnformatted(lesson->title.c_str());
  ImGui::PopTextWrapPos();
  const std::size_t total = lesson->steps.size();
  const std::size_t at = std::min(ctx_.lessons.progress().step_index(), total);
  progress_track(static_cast<float>(at) / static_cast<float>(total));
  ImGui::Spacing();

  if (const lessons::Step* done = ctx_.lessons.just_completed(); done != nullptr && !done->explanation.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, colors::green());
    ImGui::TextWrapped("\u2713 %s", done->title.c_str());
    ImGui::PopStyleColor();
    draw_markup(ctx_, done->explanation);
    ImGui::Separator();
  }
  if (!ctx_.lessons.problem().empty()) error_text(ctx_.lessons.problem());

  if (const lessons::Step* step = ctx_.lessons.step()) {
    if (shown_for_step_ != lesson->id + "/" + step->id) {
      shown_for_step_ = lesson->id + "/" + step->id;
      hints_shown_ = 0;
      confirm_solution_ = solution_shown_ = false;
    }
    ImGui::TextDisabled("Step %zu of %zu", at + 1, total);
    if (ctx_.fonts.heading != nullptr) ImGui::PushFont(ctx_.fonts.heading);
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(step->title.c_str());
    ImGui::PopTextWrapPos();
    if (ctx_.fonts.heading != nullptr) ImGui::PopFont();
    // Above the text, so it is in sight however long the text is.
    if (!step->highlight.empty() && primary_button("Show me###lesson.show_me") && show_me)
      show_me(step->highlight, ctx_.lessons.step_pool_id(ctx_));
    draw_diagram(step->diagram);
    draw_markup(ctx_, step->text);
    ImGui::Spacing();
    draw_step_actions(*step);
  } else {
    draw_complete(*lesson);
  }
  ImGui::EndChild();
  ImGui::PopStyleVar();
}

void LessonPanel::draw_step_actions(const lessons::Step& step) {
  const int hints = static_cast<int>(step.hints.size());
  if (hints_shown_ < hints && ImGui::Button(hints_shown_ == 0 ? "Hint###lesson.hint" : "Another hint###lesson.hint"))
    ++hints_shown_;
  for (int i = 0; i < hints_shown_; ++i) {
    ImGui::PushStyleColor(ImGuiCol_Text, colors::blue());
    ImGui::Bullet();
    ImGui::PopStyleColor();
    ImGui::SameLine();
    ImGui::BeginGroup();
    draw_markup(ctx_, step.hints[static_cast<std::size_t>(i)]);
    ImGui::EndGroup();
  }
  ImGui::Spacing();
  // The step's own plain words when it has them; the check's reason, exact
  // but technical, is under Details for presenters and the curious.
  const std::string& reason = ctx_.lessons.not_yet();
  const bool plain = !step.not_yet.empty();
  ImGui::PushTextWrapPos(0);
  ImGui::TextDisabled("Not done yet: %s", plain ? step.not_yet.c_str() : reason.c_str());
  name_last_item("###lesson.not_yet");
  if (plain && !reason.empty()) {
    if (ImGui::SmallButton(details_shown_ ? "Hide details###lesson.details" : "Details###lesson.details")) details_shown_ = !details_shown_;
    if (details_shown_) {
      ImGui::TextDisabled("%s", reason.c_str());
      name_last_item("###lesson.not_yet.details");
    }
  }
  ImGui::PopTextWrapPos();
  ImGui::Spacing();
  ImGui::Separator();
  if (!solution_shown_) {
    if (!confirm_solution_) {
      if (ImGui::Button("Show solution###lesson.show_solution")) confirm_solution_ = true;
    } else {
      ImGui::TextWrapped("Try it yourself first? The solution shows the exact API calls.");
      if (ImGui::Button("Yes, show it###lesson.confirm_solution")) solution_shown_ = true;
      ImGui::SameLine();
      if (ImGui::Button("Not yet###lesson.cancel_solution")) confirm_solution_ = false;
    }
  } else {
    help_text("The reference solution, as API calls:");
    json_view(ctx_, "##lesson.solution", ctx_.lessons.progress().solution_as_written(ctx_.lessons.catalogue()),
              ems(9));
    if (ImGui::Button("Do it for me###lesson.do_it")) ctx_.lessons.do_it_for_me(ctx_);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Runs these calls in the sandbox, then checks the step");
  }
  if (ImGui::Button("Restart the lesson###lesson.restart")) start(ctx_.lessons.progress().lesson_id());
  // For presenters: one address that opens this lesson at this step.
  ImGui::SameLine();
  if (ImGui::Button("Copy a link to this step###lesson.copy_link"))
    ctx_.copy(ctx_.page_address + "#" + ctx_.lessons.link_to_step(), "A link to this step");
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Whoever opens it gets this lesson with the steps before this one done for them");
}

void LessonPanel::draw_complete(const lessons::Lesson& lesson) {
  ImGui::PushStyleColor(ImGuiCol_Text, colors::green());
  if (ctx_.fonts.heading != nullptr) ImGui::PushFont(ctx_.fonts.heading);
  ImGui::TextUnformatted("Lesson complete");
  if (ctx_.fonts.heading != nullptr) ImGui::PopFont();
  ImGui::PopStyleColor();
  ImGui::TextWrapped("You did every step of \"%s\".", lesson.title.c_str());
  ImGui::Spacing();
  const auto& all = ctx_.lessons.catalogue().lessons;
  const auto it = std::find_if(all.begin(), all.end(), [&](const lessons::Lesson& l) { return l.id == lesson.id; });
  if (it != all.end() && it + 1 != all.end()) {
    const std::string next = (it + 1)->id;
    if (primary_button(("Next: " + (it + 1)->title + "###lesson.next").c_str())) start(next);
  }
  if (ImGui::Button("All lessons###lesson.all")) {
    ctx_.lessons.stop();
    ctx_.open(View::kLessons);
  }
}

void LessonPanel::draw_highlight() {
  const lessons::Step* step = ctx_.lessons.step();
  if (step == nullptr || step->highlight.empty()) return;
  const auto rect = widget_registry().find(step->highlight);
  if (!rect) return;
  // A slow pulse draws the eye without hiding the widget, for a few seconds
  // after the outline moves to a new widget; then it holds still, so an open
  // lesson does not keep the page redrawing (and a laptop's fan running).
  if (step->highlight != highlighted_) {
    highlighted_ = step->highlight;
    highlight_since_ = ImGui::GetTime();
  }
  const double age = ImGui::GetTime() - highlight_since_;
  const float pulse = age < kPulseSeconds ? 0.6f + 0.4f * std::cos(static_cast<float>(age) * 4.0f) : 1.0f;
  const ImVec4 amber = ImGui::ColorConvertU32ToFloat4(colors::amber());
  const ImU32 color = ImGui::GetColorU32(ImVec4(amber.x, amber.y, amber.z, pulse));
  const float pad = ems(0.25f);
  ImGui::GetForegroundDrawList()->AddRect(ImVec2(rect->x - pad, rect->y - pad),
                                          ImVec2(rect->x + rect->w + pad, rect->y + rect->h + pad), color,
                                          ems(0.3f), 0, std::max(2.0f, ems(0.18f)));
}

}  // namespace userpool::web
