#include "web/pool_console/users_page.h"

#include <algorithm>
#include <iterator>

#include "imgui.h"
#include "imgui_stdlib.h"
#include "web/services/service_forms.h"
#include "web/shell/widgets.h"

namespace userpool::web {
namespace {

std::string attribute_of(const Json& attributes, const char* name) {
  if (attributes.is_array())
    for (const auto& a : attributes)
      if (a.value("Name", "") == name) return a.value("Value", "");
  return "";
}

bool contains_text(const std::string& haystack, const std::string& needle) {
  const auto lower = [](std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
  };
  return lower(haystack).find(lower(needle)) != std::string::npos;
}

// Where the user signs in: "Cognito" for the pool's own users, the
// provider's name for one made by a federated sign-in (its identities
// attribute's primary entry), and the providers linked to a native user.
std::string identity_provider_of(const std::string& identities_text) {
  const Json identities = Json::parse(identities_text, nullptr, false);
  if (!identities.is_array() || identities.empty()) return "Cognito";
  std::string own, linked;
  for (const Json& i : identities) {
    if (!i.is_object()) continue;
    const std::string name = i.value("providerName", std::string());
    const Json primary = i.value("primary", Json());
    if (primary == "true" || primary == true)
      own = name;
    else
      linked += (linked.empty() ? "" : ", ") + name;
  }
  if (own.empty()) own = "Cognito";
  return linked.empty() ? own : own + " (linked: " + linked + ")";
}

bool username_is_email(const Json& pool) {
  const Json list = pool.value("UsernameAttributes", Json::array());
  return std::find(list.begin(), list.end(), "email") != list.end();
}

}  // namespace

void UsersPage::refresh(const std::string& pool_id) {
  if (pool_id_ == pool_id && revision_ == ctx_.api.revision()) return;
  if (pool_id_ != pool_id) {
    selected_.clear();
    creating_ = false;
    error_.clear();
  }
  pool_id_ = pool_id;
  revision_ = ctx_.api.revision();
  rows_.clear();
  column_widths_.clear();
  // Every page of ListUsers; the table clips what it draws, so large pools stay fast.
  Json request = {{"UserPoolId", pool_id}, {"Limit", 60}};
  for (;;) {
    const Response r = ctx_.api.peek("ListUsers", request);
    if (r.status != 200) break;
    for (const auto& u : r.body.value("Users", Json::array())) {
      const Json attributes = u.value("Attributes", Json::array());
      rows_.push_back({u.value("Username", ""), attribute_of(attributes, "email"), attribute_of(attributes, "phone_number"),
                       u.value("UserStatus", ""), identity_provider_of(attribute_of(attributes, "identities")),
                       date_text(u.value("UserCreateDate", Json())), u.value("Enabled", true)});
    }
    if (!r.body.contains("PaginationToken")) break;
    request["PaginationToken"] = r.body["PaginationToken"];
  }
  selected_user_ = Json();
  selected_groups_.clear();
  pool_groups_.clear();
  pool_providers_.clear();
  selected_links_.clear();
  if (selected_.empty()) return;
  const Response user = ctx_.api.peek("AdminGetUser", Json{{"UserPoolId", pool_id}, {"Username", selected_}});
  if (user.status != 200) {
    selected_.clear();  // deleted, or renamed away
    return;
  }
  selected_user_ = user.body;
  const Json identities = Json::parse(attribute_of(selected_user_.value("UserAttributes", Json::array()), "identities"), nullptr, false);
  if (identities.is_array())
    for (const Json& i : identities)
      if (i.is_object()) selected_links_.push_back({i.value("providerName", std::string()), i.value("userId", std::string())});
  const Response mine = ctx_.api.peek("AdminListGroupsForUser", Json{{"UserPoolId", pool_id}, {"Username", selected_}, {"Limit", 60}});
  for (const auto& g : mine.body.value("Groups", Json::array())) selected_groups_.push_back(g.value("GroupName", ""));
  const Response all = ctx_.api.peek("ListGroups", Json{{"UserPoolId", pool_id}, {"Limit", 60}});
  for (const auto& g : all.body.value("Groups", Json::array())) pool_groups_.push_back(g.value("GroupName", ""));
  const Response providers = ctx_.api.peek("ListIdentityProviders", Json{{"UserPoolId", pool_id}, {"MaxResults", 60}});
  for (const auto& p : providers.body.value("Providers", Json::array())) pool_providers_.push_back(p.value("ProviderName", ""));
}

void UsersPage::draw(const Json& pool) {
  refresh(pool.value("Id", ""));
  ImGui::BeginChild("users.body");
  ImGui::SetNextItemWidth(ems(18));
  ImGui::InputTextWithHint("###users.search", "Search by username, email or phone", &search_);
  ImGui::SameLine();
  if (primary_button("Create user###users.create")) {
    creating_ = true;
    new_user_ = NewUser{};
    error_.clear();
  }
  ImGui::SameLine();
  ImGui::TextDisabled("%zu %s", rows_.size(), rows_.size() == 1 ? "user" : "users");
  if (creating_) draw_create(pool);
  ImGui::Spacing();
  draw_table();
  if (!selected_.empty() && !selected_user_.is_null()) draw_detail();
  if (!creating_ && selected_.empty() && !error_.empty()) error_text(error_);
  ImGui::EndChild();
}

void UsersPage::draw_table() {
  std::vector<const Row*> shown;
  for (const auto& r : rows_)
    if (search_.empty() || contains_text(r.username, search_) || contains_text(r.email, search_) ||
        contains_text(r.phone, search_))
      shown.push_back(&r);
  if (rows_.empty()) {
    help_text("No users yet. Create one here, or sign one up in Try it.");
    return;
  }
  static constexpr const char* kHeaders[] = {"User name", "Email address", "Phone number", "Status", "Identity provider", "Enabled", "Created"};
  constexpr std::size_t kColumns = std::size(kHeaders);
  if (column_widths_.empty()) {
    // The widest cell of each column, headers included (emptied when the rows change).
    column_widths_.assign(kColumns, 0.0f);
    const float badge_pad = ems(0.9f);
    const auto widen = [&](std::size_t column, const std::string& text, float extra = 0) {
      column_widths_[column] = std::max(column_widths_[column], ImGui::CalcTextSize(text.c_str()).x + extra);
    };
    for (std::size_t c = 0; c < kColumns; ++c) widen(c, kHeaders[c]);
    for (const Row& r : rows_) {
      widen(0, r.username);
      widen(1, r.email);
      widen(2, r.phone);
      widen(3, r.status, badge_pad);
      widen(4, r.provider);
      widen(5, r.enabled ? "Enabled" : "Disabled", badge_pad);
      widen(6, r.created);
    }
  }
  // Every column as wide as its widest cell: stretched to fill a wide view,
  // scrolled sideways in a narrow one (beside a lesson), never cut.
  float needed = 0;
  for (float w : column_widths_) needed += w + 2 * ImGui::GetStyle().CellPadding.x;
  const float view = ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ScrollbarSize;
  const float side_bar = needed > view ? ImGui::GetStyle().ScrollbarSize : 0.0f;
  const float height =
      std::min(ems(16), ImGui::GetTextLineHeightWithSpacing() * (static_cast<float>(shown.size()) + 1.5f) + ems(0.5f)) + side_bar;
  constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                     ImGuiTableFlags_ScrollX;
  if (!ImGui::BeginTable("users.table", static_cast<int>(kColumns), kFlags, ImVec2(0, height), std::max(needed, view))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  for (std::size_t c = 0; c < kColumns; ++c) ImGui::TableSetupColumn(kHeaders[c], ImGuiTableColumnFlags_WidthStretch, column_widths_[c]);
  ImGui::TableHeadersRow();
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(shown.size()));
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const Row& r = *shown[static_cast<std::size_t>(i)];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      if (ImGui::Selectable((r.username + "###users.row." + r.username).c_str(), selected_ == r.username,
                            ImGuiSelectableFlags_SpanAllColumns)) {
        selected_ = r.username;
        confirm_delete_ = false;
        error_.clear();
        revision_ = ~0ull;  // read the user's details
      }
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(r.email.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(r.phone.c_str());
      ImGui::TableNextColumn();
      badge(r.status, status_color(r.status));
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(r.provider.c_str());
      ImGui::TableNextColumn();
      badge(r.enabled ? "Enabled" : "Disabled", status_color(r.enabled ? "Enabled" : "Disabled"));
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(r.created.c_str());
    }
  }
  ImGui::EndTable();
}

void UsersPage::draw_create(const Json& pool) {
  begin_card(std::min(ImGui::GetContentRegionAvail().x, ems(44)));
  heading(ctx_, "Create user");
  help_text("An administrator's user (AdminCreateUser): it starts in FORCE_CHANGE_PASSWORD and sets its own password "
            "at the first sign-in (the NEW_PASSWORD_REQUIRED challenge).");
  card_separator();
  ImGui::TextUnformatted("Invitation message");
  ImGui::RadioButton("Don't send an invitation###users.new.invite.none", &new_user_.invitation, 0);
  ImGui::SameLine();
  ImGui::RadioButton("Send an email invitation###users.new.invite.email", &new_user_.invitation, 1);
  ImGui::SameLine();
  ImGui::RadioButton("Send an SMS invitation###users.new.invite.sms", &new_user_.invitation, 2);
  const bool email_username = username_is_email(pool);
  if (!email_username) {
    ImGui::SetNextItemWidth(ems(20));
    ImGui::InputText("User name###users.new.username", &new_user_.username);
  }
  ImGui::SetNextItemWidth(ems(20));
  ImGui::InputText("Email address###users.new.email", &new_user_.email);
  ImGui::Checkbox("Mark email address as verified###users.new.email_verified", &new_user_.email_verified);
  ImGui::SetNextItemWidth(ems(20));
  ImGui::InputTextWithHint("Phone number###users.new.phone", "+12065550100", &new_user_.phone);
  ImGui::Checkbox("Mark phone number as verified###users.new.phone_verified", &new_user_.phone_verified);
  ImGui::TextUnformatted("Temporary password");
  int generate = new_user_.generate_password ? 0 : 1;
  ImGui::RadioButton("Generate a password###users.new.password.generate", &generate, 0);
  ImGui::SameLine();
  ImGui::RadioButton("Set a password###users.new.password.set", &generate, 1);
  new_user_.generate_password = generate == 0;
  if (!new_user_.generate_password) {
    ImGui::SetNextItemWidth(ems(20));
    ImGui::InputText("Password###users.new.password", &new_user_.password, ImGuiInputTextFlags_Password);
  }
  ImGui::Spacing();
  if (primary_button("Create user###users.new.submit")) create_user(pool);
  ImGui::SameLine();
  if (ImGui::Button("Cancel###users.new.cancel")) {
    creating_ = false;
    error_.clear();
  }
  if (!error_.empty()) error_text(error_);
  end_card();
}

void UsersPage::create_user(const Json& pool) {
  Json attributes = Json::array();
  const auto add = [&](const char* name, const std::string& value) {
    if (!value.empty()) attributes.push_back({{"Name", name}, {"Value", value}});
  };
  add("email", new_user_.email);
  add("phone_number", new_user_.phone);
  if (new_user_.email_verified) add("email_verified", "true");
  if (new_user_.phone_verified) add("phone_number_verified", "true");
  Json request = {{"UserPoolId", pool.value("Id", "")},
                  {"Username", username_is_email(pool) ? new_user_.email : new_user_.username},
                  {"UserAttributes", attributes}};
  if (new_user_.invitation == 0) request["MessageAction"] = "SUPPRESS";
  else request["DesiredDeliveryMediums"] = Json::array({new_user_.invitation == 1 ? "EMAIL" : "SMS"});
  // Without TemporaryPassword, Cognito generates one (and sends it in the invitation).
  if (!new_user_.generate_password) request["TemporaryPassword"] = new_user_.password;
  const Response r = ctx_.api.call("AdminCreateUser", request);
  if (r.status != 200) {
    error_ = api_error_text(r.body);
    return;
  }
  selected_ = r.body["User"].value("Username", "");
  creating_ = false;
  error_.clear();
  ctx_.notify("User created: " + selected_);
}

bool UsersPage::act(const char* operation, Json request, const char* done) {
  request["UserPoolId"] = pool_id_;
  request["Username"] = selected_;
  const Response r = ctx_.api.call(operation, request);
  if (r.status != 200) {
    error_ = api_error_text(r.body);
    return false;
  }
  error_.clear();
  ctx_.notify(done);
  return true;
}

void UsersPage::draw_detail() {
  ImGui::Spacing();
  begin_card(std::min(ImGui::GetContentRegionAvail().x, ems(52)));
  heading(ctx_, selected_.c_str());
  const std::string status = selected_user_.value("UserStatus", "");
  const bool enabled = selected_user_.value("Enabled", true);
  badge(status, status_color(status));
  ImGui::SameLine();
  badge(enabled ? "Enabled" : "Disabled", status_color(enabled ? "Enabled" : "Disabled"));
  card_separator();
  // As wide as the card (ImGui would make it as wide as the window).
  if (ImGui::BeginTable("users.detail.attributes", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp,
                        ImVec2(width_left(), 0))) {
    ImGui::TableSetupColumn("Attribute", ImGuiTableColumnFlags_WidthFixed, ems(12));
    ImGui::TableSetupColumn("Value");
    ImGui::TableHeadersRow();
    for (const auto& a : selected_user_.value("UserAttributes", Json::array())) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(a.value("Name", "").c_str());
      ImGui::TableNextColumn();
      text_in(ctx_.fonts.mono, a.value("Value", "").c_str());
    }
    ImGui::EndTable();
  }
  ImGui::TextDisabled("Created %s, modified %s", date_text(selected_user_.value("UserCreateDate", Json())).c_str(),
                      date_text(selected_user_.value("UserLastModifiedDate", Json())).c_str());
  ImGui::TextDisabled("MFA: %s", selected_user_.value("PreferredMfaSetting", std::string("none")).c_str());

  card_separator();
  ImGui::TextUnformatted("Groups");
  ImGui::SameLine(ems(6));
  if (selected_groups_.empty()) ImGui::TextDisabled("None");
  for (const auto& g : selected_groups_) {
    ImGui::SameLine();
    if (ImGui::SmallButton((g + "  x###users.group.remove." + g).c_str()))
      act("AdminRemoveUserFromGroup", Json{{"GroupName", g}}, "Removed from the group");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Remove from %s", g.c_str());
  }
  ImGui::SetNextItemWidth(ems(12));
  ImGui::InputTextWithHint("###users.group.name", "Group name", &group_to_add_);
  ImGui::SameLine();
  if (ImGui::Button("Add to group###users.group.add") && !group_to_add_.empty()) {
    // A group that does not exist yet is created first, as a learner would expect.
    if (std::find(pool_groups_.begin(), pool_groups_.end(), group_to_add_) == pool_groups_.end())
      ctx_.api.call("CreateGroup", Json{{"UserPoolId", pool_id_}, {"GroupName", group_to_add_}});
    if (act("AdminAddUserToGroup", Json{{"GroupName", group_to_add_}}, "Added to the group")) group_to_add_.clear();
  }
  if (!pool_groups_.empty()) {
    ImGui::SameLine();
    ImGui::TextDisabled("Groups in this pool: %zu", pool_groups_.size());
  }

  if (status != "EXTERNAL_PROVIDER" && !pool_providers_.empty()) draw_links();

  card_separator();
  if (status == "UNCONFIRMED") {
    if (ImGui::Button("Confirm account###users.confirm")) act("AdminConfirmSignUp", Json::object(), "Account confirmed");
    ImGui::SameLine();
  }
  if (status == "FORCE_CHANGE_PASSWORD") {
    // A new temporary password, as the console's "Resend invitation" does.
    if (ImGui::Button("Resend invitation###users.resend_invitation"))
      act("AdminCreateUser", Json{{"MessageAction", "RESEND"}, {"DesiredDeliveryMediums", {"EMAIL"}}},
          "Invitation sent again, with a new temporary password");
    ImGui::SameLine();
  }
  if (enabled ? ImGui::Button("Disable user###users.disable") : ImGui::Button("Enable user###users.enable"))
    act(enabled ? "AdminDisableUser" : "AdminEnableUser", Json::object(), enabled ? "User disabled" : "User enabled");
  ImGui::SameLine();
  if (ImGui::Button("Reset password###users.reset_password"))
    act("AdminResetUserPassword", Json::object(), "Reset code sent; the user must set a new password");
  ImGui::SameLine();
  if (ImGui::Button("Sign out everywhere###users.global_sign_out"))
    act("AdminUserGlobalSignOut", Json::object(), "Every refresh token of the user is revoked");
  ImGui::SameLine();
  if (!confirm_delete_) {
    if (danger_button("Delete user###users.delete")) confirm_delete_ = true;
  } else {
    if (danger_button("Really delete?###users.delete_confirmed")) {
      if (act("AdminDeleteUser", Json::object(), "User deleted")) selected_.clear();
      confirm_delete_ = false;
    }
    ImGui::SameLine();
    if (ImGui::Button("Keep###users.delete_cancel")) confirm_delete_ = false;
  }
  if (!error_.empty()) error_text(error_);
  end_card();
}

void UsersPage::draw_links() {
  card_separator();
  ImGui::TextUnformatted("Linked accounts");
  for (const Link& link : selected_links_) {
    const std::string& provider = link.provider;
    ImGui::BulletText("%s  %s", provider.c_str(), link.id.c_str());
    ImGui::SameLine();
    // Undoing the link: the account's next sign-in makes a user of its own.
    if (ImGui::SmallButton(("Unlink###users.unlink." + provider).c_str())) {
      const Response r = ctx_.api.call("AdminDisableProviderForUser",
                                       Json{{"UserPoolId", pool_id_},
                                            {"User", {{"ProviderName", provider}, {"ProviderAttributeName", "Cognito_Subject"}, {"ProviderAttributeValue", link.id}}}});
      if (r.status == 200) ctx_.notify("Unlinked: the account's next sign-in makes a user of its own");
      else error_ = api_error_text(r.body);
    }
  }
  if (selected_links_.empty()) help_text("None. Linked, an account at one of the pool's identity providers signs in as this user.");
  std::vector<ComboChoice> choices;
  for (const std::string& p : pool_providers_) choices.push_back({p, p});
  if (link_provider_.empty() || std::find(pool_providers_.begin(), pool_providers_.end(), link_provider_) == pool_providers_.end())
    link_provider_ = pool_providers_.front();
  named_combo("users.link.provider", choices, &link_provider_, ems(10));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ems(16));
  ImGui::InputTextWithHint("###users.link.email", "Their account's email there", &link_email_);
  ImGui::SameLine();
  if (ImGui::Button("Link account###users.link")) link_account();
  help_text("AdminLinkProviderForUser, before that account's first sign-in to the pool (an account that already signed in "
            "is a user of its own, and Cognito refuses to merge them).");
}

void UsersPage::link_account() {
  // The provider's ID for the account, as an app would learn it from the
  // provider; the simulated providers answer for their test accounts.
  const Response id = ctx_.api.call("SimulatedIdP.GetAccountId",
                                    Json{{"UserPoolId", pool_id_}, {"ProviderName", link_provider_}, {"Email", link_email_}});
  if (id.status != 200) {
    error_ = api_error_text(id.body);
    return;
  }
  const Response r = ctx_.api.call("AdminLinkProviderForUser",
                                   Json{{"UserPoolId", pool_id_},
                                        {"DestinationUser", {{"ProviderName", "Cognito"}, {"ProviderAttributeValue", selected_}}},
                                        {"SourceUser", id.body}});
  if (r.status != 200) {
    error_ = api_error_text(r.body);
    return;
  }
  error_.clear();
  link_email_.clear();
  ctx_.notify("Linked: that account now signs in as " + selected_);
}

}  // namespace userpool::web
