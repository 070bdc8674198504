#include "web/pool_console/groups_page.h"

#include <algorithm>
#include <charconv>

#include "imgui.h"
#include "imgui_stdlib.h"
#include "web/shell/widgets.h"

namespace userpool::web {
namespace {

std::string precedence_text(const Json& group) {
  const auto p = group.find("Precedence");
  return p != group.end() && p->is_number_integer() ? std::to_string(p->get<std::int64_t>()) : "-";
}

}  // namespace

void GroupsPage::refresh(const std::string& pool_id) {
  if (pool_id_ == pool_id && revision_ == ctx_.api.revision()) return;
  if (pool_id_ != pool_id) {
    selected_.clear();
    creating_ = false;
    error_.clear();
  }
  pool_id_ = pool_id;
  revision_ = ctx_.api.revision();
  groups_ = Json::array();
  Json request = {{"UserPoolId", pool_id}, {"Limit", 60}};
  for (;;) {
    const Response r = ctx_.api.peek("ListGroups", request);
    if (r.status != 200) break;
    for (const Json& g : r.body.value("Groups", Json::array())) groups_.push_back(g);
    if (!r.body.contains("NextToken")) break;
    request["NextToken"] = r.body["NextToken"];
  }
  members_.clear();
  if (selected_.empty()) return;
  const bool exists = std::any_of(groups_.begin(), groups_.end(), [&](const Json& g) { return g.value("GroupName", "") == selected_; });
  if (!exists) {
    selected_.clear();  // deleted
    return;
  }
  const Response r = ctx_.api.peek("ListUsersInGroup", Json{{"UserPoolId", pool_id}, {"GroupName", selected_}, {"Limit", 60}});
  for (const Json& u : r.body.value("Users", Json::array())) members_.push_back(u.value("Username", ""));
}

void GroupsPage::draw(const Json& pool) {
  refresh(pool.value("Id", ""));
  ImGui::BeginChild("groups.body");
  help_text("Groups sort users for your app: their names reach both tokens in cognito:groups, ordered by precedence "
            "(lowest first). A group's IAM role goes into the ID token's cognito:roles, and the role of the group with "
            "the lowest precedence into cognito:preferred_role, which an identity pool can hand out as AWS credentials.");
  if (primary_button("Create group###groups.create")) {
    creating_ = true;
    new_group_ = NewGroup{};
    error_.clear();
  }
  ImGui::SameLine();
  ImGui::TextDisabled("%zu %s", groups_.size(), groups_.size() == 1 ? "group" : "groups");
  if (creating_) draw_create();
  ImGui::Spacing();
  draw_table();
  if (!selected_.empty()) draw_detail();
  if (!creating_ && selected_.empty() && !error_.empty()) error_text(error_);
  ImGui::EndChild();
}

void GroupsPage::draw_table() {
  if (groups_.empty()) {
    help_text("No groups yet. Users of a federated identity provider get one of their own (<poolId>_<Provider>) at their "
              "first sign-in.");
    return;
  }
  constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("groups.table", 5, kFlags, ImVec2(width_left(), 0))) return;
  ImGui::TableSetupColumn("Group name", ImGuiTableColumnFlags_WidthStretch, 1.2f);
  ImGui::TableSetupColumn("Description", ImGuiTableColumnFlags_WidthStretch, 1.4f);
  ImGui::TableSetupColumn("Precedence", ImGuiTableColumnFlags_WidthFixed, ems(6));
  ImGui::TableSetupColumn("IAM role", ImGuiTableColumnFlags_WidthStretch, 2.0f);
  ImGui::TableSetupColumn("Created", ImGuiTableColumnFlags_WidthFixed, ems(11));
  ImGui::TableHeadersRow();
  for (const Json& g : groups_) {
    const std::string name = g.value("GroupName", "");
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    if (ImGui::Selectable((name + "###groups.row." + name).c_str(), selected_ == name, ImGuiSelectableFlags_SpanAllColumns)) {
      selected_ = name;
      confirm_delete_ = false;
      error_.clear();
      revision_ = ~0ull;  // read its members
    }
    ImGui::TableNextColumn();
    text_fitted(g.value("Description", ""), ImGui::GetContentRegionAvail().x);
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(precedence_text(g).c_str());
    ImGui::TableNextColumn();
    text_fitted(g.value("RoleArn", "-"), ImGui::GetContentRegionAvail().x);
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(date_text(g.value("CreationDate", Json())).c_str());
  }
  ImGui::EndTable();
}

void GroupsPage::draw_create() {
  begin_card(std::min(ImGui::GetContentRegionAvail().x, ems(44)));
  heading(ctx_, "Create group");
  card_separator();
  const float field = ems(24);
  row_label("Group name");
  ImGui::SetNextItemWidth(field);
  ImGui::InputText("###groups.new.name", &new_group_.name);
  row_label("Description");
  ImGui::SetNextItemWidth(field);
  ImGui::InputTextWithHint("###groups.new.description", "optional", &new_group_.description);
  row_label("IAM role");
  ImGui::SetNextItemWidth(field);
  ImGui::InputTextWithHint("###groups.new.role_arn", "optional: arn:aws:iam::<account>:role/<name>", &new_group_.role_arn);
  row_label("Precedence");
  ImGui::SetNextItemWidth(ems(6));
  ImGui::InputTextWithHint("###groups.new.precedence", "none", &new_group_.precedence, ImGuiInputTextFlags_CharsDecimal);
  help_text("A non-negative number; lower wins. Groups without one come after all that have one.");
  ImGui::Spacing();
  if (primary_button("Create group###groups.new.submit")) create_group();
  ImGui::SameLine();
  if (ImGui::Button("Cancel###groups.new.cancel")) {
    creating_ = false;
    error_.clear();
  }
  if (!error_.empty()) error_text(error_);
  end_card();
}

void GroupsPage::create_group() {
  Json request = {{"UserPoolId", pool_id_}, {"GroupName", new_group_.name}};
  if (!new_group_.description.empty()) request["Description"] = new_group_.description;
  if (!new_group_.role_arn.empty()) request["RoleArn"] = new_group_.role_arn;
  if (!new_group_.precedence.empty()) {
    std::int64_t precedence = 0;
    const std::string& text = new_group_.precedence;
    const auto [end, err] = std::from_chars(text.data(), text.data() + text.size(), precedence);
    if (err != std::errc() || end != text.data() + text.size()) {
      error_ = "Precedence must be a whole number, or empty for none.";
      return;
    }
    request["Precedence"] = precedence;
  }
  const Response r = ctx_.api.call("CreateGroup", request);
  if (r.status != 200) {
    error_ = api_error_text(r.body);
    return;
  }
  selected_ = new_group_.name;
  creating_ = false;
  error_.clear();
  ctx_.notify("Group created: " + selected_);
}

void GroupsPage::draw_detail() {
  ImGui::Spacing();
  begin_card(std::min(ImGui::GetContentRegionAvail().x, ems(44)));
  heading(ctx_, selected_.c_str());
  card_separator();
  ImGui::TextUnformatted("Members");
  if (members_.empty()) help_text("None yet: add users to the group from the Users tab (AdminAddUserToGroup).");
  for (const std::string& m : members_) ImGui::BulletText("%s", m.c_str());
  help_text("Tokens list a group from their next issue on; tokens already issued do not change.");
  card_separator();
  if (!confirm_delete_) {
    if (danger_button("Delete group###groups.delete")) confirm_delete_ = true;
  } else {
    if (danger_button("Really delete?###groups.delete_confirmed")) {
      const Response r = ctx_.api.call("DeleteGroup", Json{{"UserPoolId", pool_id_}, {"GroupName", selected_}});
      if (r.status == 200) {
        ctx_.notify("Group deleted: its members are no longer in it");
        selected_.clear();
      } else {
        error_ = api_error_text(r.body);
      }
      confirm_delete_ = false;
    }
    ImGui::SameLine();
    if (ImGui::Button("Keep###groups.delete_cancel")) confirm_delete_ = false;
  }
  if (!error_.empty()) error_text(error_);
  end_card();
}

}  // namespace userpool::web
