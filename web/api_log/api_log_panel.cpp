#include "web/api_log/api_log_panel.h"

#include <algorithm>

#include "imgui.h"
#include "imgui_stdlib.h"
#include "web/api_log/api_log_format.h"
#include "web/shell/widgets.h"

namespace userpool::web {
namespace {

constexpr float kListEms = 14.0f;    // the most height the list of requests takes
constexpr float kBodyEms = 18.0f;    // height of the request and response text
constexpr float kFilterEms = 18.0f;  // width of the filter field

float badge_height() { return ImGui::GetTextLineHeight() + 2 * ems(0.1f); }

}  // namespace

void ApiLogPanel::draw() {
  heading(ctx_, "API log");
  help_text("Every request the app sent to the user pool and what came back, newest first, as the AWS JSON protocol "
            "carries them. Passwords, SRP values and tokens are shown as sent: this is a sandbox for learning, so "
            "never paste real ones here.");
  ImGui::Spacing();
  refresh_rows();  // for the toolbar's count
  draw_toolbar();
  refresh_rows();  // the filter or the log may have just changed
  ImGui::Spacing();
  if (ctx_.api.log().empty()) {
    help_text("No requests yet. Create a user pool, or sign up and sign in from Try it: each call appears here.");
    return;
  }
  // As tall as its rows, up to kListEms; then it scrolls.
  const float row_h = ImGui::GetFrameHeight() + 2 * ImGui::GetStyle().CellPadding.y;
  draw_list(std::min(ems(kListEms), row_h * static_cast<float>(rows_.size() + 1) + ems(0.3f)));
  ImGui::Spacing();
  draw_detail();
}

void ApiLogPanel::draw_toolbar() {
  ImGui::SetNextItemWidth(ems(kFilterEms));
  ImGui::InputTextWithHint("###apilog.filter", "Filter by operation or body text", &filter_);
  ImGui::SameLine();
  // A toggle, not a checkbox: beside the filter, a checkbox's white square
  // reads as a second text field.
  if (errors_only_ ? primary_button("Errors only###apilog.errors_only") : ImGui::Button("Errors only###apilog.errors_only"))
    errors_only_ = !errors_only_;
  if (ImGui::IsItemHovered()) ImGui::SetTooltip(errors_only_ ? "Showing failed requests only" : "Show failed requests only");
  ImGui::SameLine();
  ImGui::AlignTextToFramePadding();
  ImGui::TextDisabled("%zu of %zu requests", rows_.size(), ctx_.api.log().size());
  ImGui::SameLine();
  if (danger_button("Clear###apilog.clear")) {
    ctx_.api.clear_log();
    selected_id_ = 0;
    detail_ = Detail{};
    texts_.clear();
    list_valid_ = false;
  }
}

void ApiLogPanel::refresh_rows() {
  const auto& log = ctx_.api.log();
  ListKey key{log.size(), log.empty() ? 0 : log.front().id, log.empty() ? 0 : log.back().id, filter_, errors_only_};
  if (list_valid_ && key == list_key_) return;
  list_key_ = std::move(key);
  list_valid_ = true;
  // Entries that left the log (capacity or Clear) no longer need their text.
  const std::uint64_t oldest = list_key_.oldest_id;
  std::erase_if(texts_, [oldest](const auto& item) { return item.first < oldest; });
  const std::string needle = lower_ascii(filter_);
  rows_.clear();
  for (std::size_t i = log.size(); i-- > 0;) {
    const ApiLogEntry& e = log[i];
    if (errors_only_ && e.status == 200) continue;
    if (!needle.empty() && entry_text(e).search.find(needle) == std::string::npos) continue;
    rows_.push_back(i);
  }
}

const ApiLogPanel::EntryText& ApiLogPanel::entry_text(const ApiLogEntry& entry) {
  auto [it, added] = texts_.try_emplace(entry.id);
  if (added) {
    it->second.search = searchable_text(entry);
    it->second.summary = request_summary(entry.request);
  }
  return it->second;
}

const ApiLogEntry* ApiLogPanel::find_entry(std::uint64_t id) const {
  // Entries are appended with increasing ids, so the log is sorted by id.
  const auto& log = ctx_.api.log();
  const auto it = std::lower_bound(log.begin(), log.end(), id,
                                   [](const ApiLogEntry& e, std::uint64_t wanted) { return e.id < wanted; });
  return it != log.end() && it->id == id ? &*it : nullptr;
}

void ApiLogPanel::draw_list(float height) {
  if (rows_.empty()) {
    help_text(errors_only_ ? "No failed requests match." : "No requests match the filter.");
    return;
  }
  constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter |
                                     ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit;
  if (!ImGui::BeginTable("apilog.list", 5, kFlags, ImVec2(0, height))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("Time", ImGuiTableColumnFlags_WidthFixed, ems(6.5f));
  ImGui::TableSetupColumn("Operation", ImGuiTableColumnFlags_WidthFixed, ems(16));
  ImGui::TableSetupColumn("Status", ImGuiTableColumnFlags_WidthFixed, ems(3));
  ImGui::TableSetupColumn("Error", ImGuiTableColumnFlags_WidthFixed, ems(12));
  ImGui::TableSetupColumn("Request", ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableHeadersRow();
  // Only the rows in view are drawn: the log holds up to 500 entries.
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(rows_.size()));
  while (clipper.Step())
    for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row)
      draw_row(row, ctx_.api.log()[rows_[static_cast<std::size_t>(row)]]);
  ImGui::EndTable();
}

void ApiLogPanel::draw_row(int row, const ApiLogEntry& entry) {
  const EntryText& text = entry_text(entry);
  ImGui::TableNextRow();
  ImGui::TableSetColumnIndex(0);
  // The time on the virtual clock, to the millisecond ("08:00:00.123", UTC).
  const std::string iso = to_iso8601(entry.time);
  const std::string label = iso.substr(11, 12) + "###apilog.entry." + std::to_string(row);
  ImGui::AlignTextToFramePadding();
  // The row is one selectable across every column; the cells drawn over it
  // are plain text, so it needs no AllowItemOverlap (which would also ignore
  // a click in the first frame the row is hovered).
  if (ImGui::Selectable(label.c_str(), entry.id == selected_id_, ImGuiSelectableFlags_SpanAllColumns))
    selected_id_ = entry.id;
  if (ImGui::IsItemHovered()) {
    // Above the row, so it hides none of the row's own cells or the next row's.
    ImGui::SetNextWindowPos(ImGui::GetItemRectMin(), ImGuiCond_Always, ImVec2(0.0f, 1.0f));
    ImGui::SetTooltip("%s (virtual clock)", iso.c_str());
  }
  ImGui::TableSetColumnIndex(1);
  ImGui::AlignTextToFramePadding();
  // A call a lesson made (its set-up, "Do it for me") carries its maker.
  const std::string maker = entry.made_by.empty() ? "" : " " + entry.made_by;
  const float maker_width = maker.empty() ? 0.0f : ImGui::CalcTextSize(maker.c_str()).x + ems(1.1f);
  text_fitted(std::string(plain_operation(entry.operation)), ImGui::GetContentRegionAvail().x - maker_width);
  if (!maker.empty()) {
    ImGui::SameLine(0, ems(0.3f));
    badge(entry.made_by, colors::blue());
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Made by the lesson (its set-up, or \"Do it for me\")");
  }
  ImGui::TableSetColumnIndex(2);
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (ImGui::GetFrameHeight() - badge_height()) * 0.5f);
  badge(std::to_string(entry.status), entry.status == 200 ? colors::green() : colors::red());
  ImGui::TableSetColumnIndex(3);
  if (entry.status != 200) {
    ImGui::AlignTextToFramePadding();
    ImGui::PushStyleColor(ImGuiCol_Text, colors::red());
    text_fitted(error_type(entry), ImGui::GetContentRegionAvail().x);
    ImGui::PopStyleColor();
  }
  ImGui::TableSetColumnIndex(4);
  ImGui::AlignTextToFramePadding();
  if (ctx_.fonts.mono != nullptr) ImGui::PushFont(ctx_.fonts.mono);
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  text_fitted(text.summary, ImGui::GetContentRegionAvail().x);
  ImGui::PopStyleColor();
  if (ctx_.fonts.mono != nullptr) ImGui::PopFont();
}

void ApiLogPanel::draw_detail() {
  const ApiLogEntry* entry = selected_id_ != 0 ? find_entry(selected_id_) : nullptr;
  if (entry == nullptr) {
    help_text("Select a request to see it as it went over the wire, with the response that came back.");
    return;
  }
  if (detail_.entry_id != entry->id) {
    // Formatted once per selection, not per frame: tokens make bodies long.
    detail_.entry_id = entry->id;
    detail_.operation = std::string(plain_operation(entry->operation));
    detail_.request = wire_request(*entry, ctx_.api.facts().region);
    detail_.response = wire_response(*entry);
    detail_.cli = aws_cli_command(*entry);
  }
  heading(ctx_, detail_.operation.c_str());
  ImGui::SameLine();
  badge(entry->status == 200 ? "200 OK" : std::to_string(entry->status) + " " + error_type(*entry),
        entry->status == 200 ? colors::green() : colors::red());
  if (!entry->made_by.empty())
    help_text(("Made by the " + entry->made_by + " (its set-up, or \"Do it for me\"), through the same API as the app.").c_str());
  if (is_sandbox_operation(detail_.operation))
    help_text("A Sandbox.* operation: the sandbox's own (its clock, inbox and state), not part of Cognito's API.");
  else if (needs_iam_signature(detail_.operation))
    help_text("An administrator's operation: a real call is signed with IAM credentials (SigV4). The sandbox has no "
              "IAM, so the signature is only sketched.");
  else
    help_text("A user's operation: no AWS credentials, only the app client ID and what the user knows or holds.");
  if (ImGui::BeginTable("apilog.detail", 2, ImGuiTableFlags_SizingStretchSame)) {
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Request");
    ImGui::SameLine();
    if (ImGui::SmallButton("Copy###apilog.copy.request")) ctx_.copy(detail_.request, detail_.operation + " request");
    code_view(ctx_, "###apilog.request", detail_.request, ems(kBodyEms));
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Response");
    ImGui::SameLine();
    if (ImGui::SmallButton("Copy###apilog.copy.response")) ctx_.copy(detail_.response, detail_.operation + " response");
    code_view(ctx_, "###apilog.response", detail_.response, ems(kBodyEms));
    ImGui::EndTable();
  }
  ImGui::Spacing();
  if (detail_.cli.empty()) {
    ImGui::BeginDisabled();
    ImGui::Button("Copy as AWS CLI###apilog.copy.cli");
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("The AWS CLI has no form of the sandbox's own operations.");
    return;
  }
  if (ImGui::Button("Copy as AWS CLI###apilog.copy.cli")) ctx_.copy(detail_.cli, "AWS CLI command");
  ImGui::SameLine();
  ImGui::AlignTextToFramePadding();
  ImGui::TextDisabled("The same call from a shell with the AWS CLI.");
  ImGui::PushTextWrapPos(0.0f);
  if (ctx_.fonts.mono != nullptr) ImGui::PushFont(ctx_.fonts.mono);
  ImGui::TextUnformatted(detail_.cli.c_str());
  if (ctx_.fonts.mono != nullptr) ImGui::PopFont();
  ImGui::PopTextWrapPos();
}

}  // namespace userpool::web
