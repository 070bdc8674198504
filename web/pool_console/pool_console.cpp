#include "web/pool_console/pool_console.h"

#include <algorithm>

#include "imgui.h"
#include "imgui_stdlib.h"
#include "web/shell/widgets.h"

namespace userpool::web {
namespace {

std::string joined(const Json& list, const char* empty = "None") {
  std::string out;
  if (list.is_array())
    for (const auto& v : list) out += (out.empty() ? "" : ", ") + (v.is_string() ? v.get<std::string>() : v.dump());
  return out.empty() ? empty : out;
}

void row(const char* label, const std::string& value) { value_row(label, value); }

std::string sign_in_identifiers(const Json& pool) {
  if (pool.contains("UsernameAttributes")) return "Username is " + joined(pool["UsernameAttributes"], "");
  if (pool.contains("AliasAttributes")) return "User name, or " + joined(pool["AliasAttributes"], "");
  return "User name";
}

std::string password_summary(const Json& pool) {
  const Json p = pool.value("/Policies/PasswordPolicy"_json_pointer, Json::object());
  std::string s = "At least " + std::to_string(p.value("MinimumLength", 8)) + " characters";
  for (const auto& [member, what] : {std::pair{"RequireNumbers", "a number"}, std::pair{"RequireSymbols", "a symbol"},
                                     std::pair{"RequireUppercase", "an uppercase letter"},
                                     std::pair{"RequireLowercase", "a lowercase letter"}})
    if (p.value(member, false)) s += std::string(", ") + what;
  return s;
}

std::string recovery_summary(const Json& pool) {
  const Json list = pool.value("/AccountRecoverySetting/RecoveryMechanisms"_json_pointer, Json::array());
  if (list.empty()) return "Not set (legacy: verified phone, then verified email)";
  std::vector<std::pair<int, std::string>> by_priority;
  for (const auto& m : list) by_priority.emplace_back(m.value("Priority", 0), m.value("Name", ""));
  std::sort(by_priority.begin(), by_priority.end());
  std::string s;
  for (const auto& [priority, name] : by_priority) s += (s.empty() ? "" : ", then ") + name;
  return s;
}

}  // namespace

PoolConsole::PoolConsole(UiContext& ctx) : ctx_(ctx), users_(ctx), groups_(ctx), clients_(ctx), integration_(ctx), settings_(ctx) {}

void PoolConsole::refresh() {
  if (loaded_pool_ == ctx_.pool_id && loaded_revision_ == ctx_.api.revision()) return;
  if (loaded_pool_ != ctx_.pool_id) {
    confirm_delete_ = false;
    delete_error_.clear();
  }
  loaded_pool_ = ctx_.pool_id;
  loaded_revision_ = ctx_.api.revision();
  const Response r = ctx_.api.peek("DescribeUserPool", Json{{"UserPoolId", ctx_.pool_id}});
  pool_ = r.status == 200 ? r.body["UserPool"] : Json();
  error_ = r.status == 200 ? "" : r.body.value("__type", "Error") + ": " + r.body.value("message", "");
  const Response keys = ctx_.api.peek("Sandbox.GetJwks", Json{{"UserPoolId", ctx_.pool_id}});
  jwks_ = keys.status == 200 ? keys.body : Json();
}

void PoolConsole::draw() {
  refresh();
  if (pool_.is_null()) {
    heading(ctx_, "User pool");
    error_text(error_);
    return;
  }
  heading(ctx_, pool_.value("Name", "").c_str());
  ImGui::SameLine();
  ImGui::TextDisabled("User pool");
  copyable_value(ctx_, "User pool ID", pool_.value("Id", ""), "pool.id");
  ImGui::Spacing();
  // ImGui selects a tab asked for with SetSelected; asked once, not every frame.
  auto flags = [&](const char* tab) {
    return pending_tab_ == tab ? ImGuiTabItemFlags_SetSelected : ImGuiTabItemFlags_None;
  };
  if (ImGui::BeginTabBar("pool.tabs")) {
    if (ImGui::BeginTabItem("Overview###pool.tab.overview", nullptr, flags("overview"))) {
      underline_selected_tab();
      draw_overview();
      ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem("Users###pool.tab.users", nullptr, flags("users"))) {
      underline_selected_tab();
      users_.draw(pool_);
      ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem("Groups###pool.tab.groups", nullptr, flags("groups"))) {
      underline_selected_tab();
      groups_.draw(pool_);
      ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem("App clients###pool.tab.clients", nullptr, flags("clients"))) {
      underline_selected_tab();
      clients_.draw(pool_);
      ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem("App integration###pool.tab.integration", nullptr, flags("integration"))) {
      underline_selected_tab();
      integration_.draw(pool_);
      ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem("Settings###pool.tab.settings", nullptr, flags("settings"))) {
      underline_selected_tab();
      settings_.draw(pool_);
      ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
    pending_tab_.clear();
  }
}

void PoolConsole::show_tab_of(const std::string& widget) {
  for (const char* tab : {"users", "groups", "clients", "settings", "integration"})
    if (widget.starts_with(std::string(tab) + ".")) pending_tab_ = tab;
  if (widget.starts_with("pool.tab.")) pending_tab_ = widget.substr(9);
  else if (widget.starts_with("pool.") && widget != "pool.id") pending_tab_ = "overview";
}

void PoolConsole::draw_overview() {
  ImGui::BeginChild("pool.overview.body");
  const float width = std::min(ImGui::GetContentRegionAvail().x, ems(52));
  begin_card(width);
  heading(ctx_, "User pool overview");
  card_separator();
  copyable_value(ctx_, "ARN", pool_.value("Arn", ""), "pool.arn");
  row("Created", date_text(pool_.value("CreationDate", Json())));
  row("Last modified", date_text(pool_.value("LastModifiedDate", Json())));
  row("Estimated users", std::to_string(pool_.value("EstimatedNumberOfUsers", 0)));
  row("Sign-in identifiers", sign_in_identifiers(pool_));
  row("Password policy", password_summary(pool_));
  row("MFA", pool_.value("MfaConfiguration", "OFF"));
  row("Account recovery", recovery_summary(pool_));
  row("Self-registration",
      pool_.value("/AdminCreateUserConfig/AllowAdminCreateUserOnly"_json_pointer, false) ? "Off (administrators create users)"
                                                                                          : "On (users can sign up)");
  row("Verified by code", joined(pool_.value("AutoVerifiedAttributes", Json::array())));
  row("Email sender", pool_.value("/EmailConfiguration/EmailSendingAccount"_json_pointer, std::string("COGNITO_DEFAULT")) ==
                              "DEVELOPER"
                          ? "Amazon SES (" + pool_.value("/EmailConfiguration/SourceArn"_json_pointer, std::string()) + ")"
                          : "Cognito default (50 emails a day)");
  row("Deletion protection", pool_.value("DeletionProtection", "INACTIVE"));
  if (pool_.contains("Domain")) row("Hosted UI domain", pool_["Domain"].get<std::string>());
  end_card();
  ImGui::Spacing();

  begin_card(width);
  heading(ctx_, "Token signing keys");
  help_text("Anyone can check a token from this pool with these public keys, published at the URL below. The ID "
            "token and the access token are signed with different keys (see kid).");
  card_separator();
  const std::string region = ctx_.pool_id.substr(0, ctx_.pool_id.find('_'));
  copyable_value(ctx_, "JWKS URL",
                 "https://cognito-idp." + region + ".amazonaws.com/" + ctx_.pool_id + "/.well-known/jwks.json",
                 "pool.jwks_url");
  if (!jwks_.is_null()) {
    // Whole, unwrapped (a key's modulus is one long line): scrolled sideways.
    const std::string text = jwks_.dump(2);
    code_view(ctx_, "###pool.jwks", text, ems(40));
    if (ImGui::SmallButton("Copy JWKS###pool.jwks.copy")) ctx_.copy(text, "JWKS");
  }
  end_card();
  ImGui::Spacing();
  draw_delete();
  ImGui::EndChild();
}

void PoolConsole::draw_delete() {
  begin_card(std::min(ImGui::GetContentRegionAvail().x, ems(52)));
  heading(ctx_, "Delete user pool");
  help_text("Deletes the pool with all its users and app clients. This cannot be undone.");
  if (!confirm_delete_) {
    if (danger_button("Delete user pool###pool.delete")) {
      confirm_delete_ = true;
      delete_text_.clear();
    }
  } else {
    ImGui::TextWrapped("To confirm, type the pool's name (%s):", pool_.value("Name", "").c_str());
    ImGui::SetNextItemWidth(ems(16));
    ImGui::InputText("###pool.delete_confirm", &delete_text_);
    ImGui::BeginDisabled(delete_text_ != pool_.value("Name", ""));
    if (danger_button("Delete###pool.delete_confirmed")) {
      const Response r = ctx_.api.call("DeleteUserPool", Json{{"UserPoolId", ctx_.pool_id}});
      if (r.status == 200) {
        ctx_.notify("User pool deleted");
        confirm_delete_ = false;
        ctx_.open(View::kWelcome);
      } else {
        delete_error_ = r.body.value("__type", "") + ": " + r.body.value("message", "");
      }
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Cancel###pool.delete_cancel")) confirm_delete_ = false;
  }
  if (!delete_error_.empty()) error_text(delete_error_);
  end_card();
}

}  // namespace userpool::web
