#include "web/pool_console/pool_settings_page.h"

#include <algorithm>

#include "imgui.h"
#include "web/pool_console/pool_update.h"
#include "web/shell/widgets.h"

namespace userpool::web {
namespace {

void locked_row(const char* label, const std::string& value) {
  ImGui::TextDisabled("%s", label);
  ImGui::SameLine(row_field_x());
  ImGui::TextUnformatted(value.c_str());
  ImGui::SameLine();
  lock_mark();
}

std::string list_text(const Json& list, const char* empty) {
  std::string s;
  for (const auto& v : list) s += (s.empty() ? "" : ", ") + v.get<std::string>();
  return s.empty() ? empty : s;
}

}  // namespace

void PoolSettingsPage::load(const Json& pool) {
  Form f;
  const Json p = pool.value("/Policies/PasswordPolicy"_json_pointer, Json::object());
  f.min_length = p.value("MinimumLength", 8);
  f.temporary_days = p.value("TemporaryPasswordValidityDays", 7);
  f.numbers = p.value("RequireNumbers", false);
  f.symbols = p.value("RequireSymbols", false);
  f.upper = p.value("RequireUppercase", false);
  f.lower = p.value("RequireLowercase", false);
  f.self_registration = !pool.value("/AdminCreateUserConfig/AllowAdminCreateUserOnly"_json_pointer, false);
  f.deletion_protection = pool.value("DeletionProtection", "INACTIVE") == "ACTIVE";
  const Response m = ctx_.api.peek("GetUserPoolMfaConfig", Json{{"UserPoolId", pool.value("Id", "")}});
  mfa_ = m.status == 200 ? m.body : Json::object();
  const std::string mode = mfa_.value("MfaConfiguration", "OFF");
  f.mfa = mode == "ON" ? 2 : mode == "OPTIONAL" ? 1 : 0;
  f.totp = mfa_.value("/SoftwareTokenMfaConfiguration/Enabled"_json_pointer, false);
  f.sms = mfa_.contains("SmsMfaConfiguration");
  if (f.mfa == 0) f.totp = true;  // what the learner most likely turns on next
  form_ = saved_ = f;
}

Json PoolSettingsPage::update_request(const Json& pool) const {
  Json r = update_user_pool_request(pool);
  Json& policy = r["Policies"]["PasswordPolicy"];
  policy["MinimumLength"] = form_.min_length;
  policy["RequireNumbers"] = form_.numbers;
  policy["RequireSymbols"] = form_.symbols;
  policy["RequireUppercase"] = form_.upper;
  policy["RequireLowercase"] = form_.lower;
  policy["TemporaryPasswordValidityDays"] = form_.temporary_days;
  r["AdminCreateUserConfig"]["AllowAdminCreateUserOnly"] = !form_.self_registration;
  r["DeletionProtection"] = form_.deletion_protection ? "ACTIVE" : "INACTIVE";
  // MFA is changed with SetUserPoolMfaConfig (below); here it stays as it is.
  return r;
}

void PoolSettingsPage::save(const Json& pool) {
  const Response r = ctx_.api.call("UpdateUserPool", update_request(pool));
  if (r.status != 200) {
    error_ = api_error_text(r.body);
    return;
  }
  if (form_.mfa != saved_.mfa || form_.totp != saved_.totp || form_.sms != saved_.sms) {
    Json mfa = {{"UserPoolId", pool.value("Id", "")},
                {"MfaConfiguration", form_.mfa == 2 ? "ON" : form_.mfa == 1 ? "OPTIONAL" : "OFF"},
                {"SoftwareTokenMfaConfiguration", {{"Enabled", form_.mfa != 0 && form_.totp}}}};
    if (form_.mfa != 0 && form_.sms) {
      Json sms = mfa_.value("SmsMfaConfiguration", Json::object());
      if (!sms.contains("SmsConfiguration") && pool.contains("SmsConfiguration")) sms["SmsConfiguration"] = pool["SmsConfiguration"];
      mfa["SmsMfaConfiguration"] = sms;
    }
    const Response m = ctx_.api.call("SetUserPoolMfaConfig", mfa);
    if (m.status != 200) {
      error_ = api_error_text(m.body);
      return;
    }
  }
  error_.clear();
  ctx_.notify("Settings saved");
}

void PoolSettingsPage::draw(const Json& pool) {
  const std::string id = pool.value("Id", "");
  if (id != pool_id_) error_.clear();
  if (id != pool_id_ || revision_ != ctx_.api.revision()) {
    pool_id_ = id;
    revision_ = ctx_.api.revision();
    load(pool);
  }
  ImGui::BeginChild("settings.body");
  const float width = std::min(ImGui::GetContentRegionAvail().x, ems(52));
  begin_card(width);
  heading(ctx_, "Set when the pool was created");
  help_text("These cannot change: a new pool is needed to change them.");
  card_separator();
  locked_row("Sign-in identifiers", pool.contains("UsernameAttributes")
                                        ? list_text(pool["UsernameAttributes"], "") + " as the user name"
                                        : "User name" + (pool.contains("AliasAttributes") ? ", or " + list_text(pool["AliasAttributes"], "") : std::string()));
  locked_row("Case sensitive user names",
             pool.value("/UsernameConfiguration/CaseSensitive"_json_pointer, false) ? "Yes" : "No");
  std::string required;
  for (const auto& a : pool.value("SchemaAttributes", Json::array()))
    if (a.value("Required", false)) required += (required.empty() ? "" : ", ") + a.value("Name", "");
  locked_row("Required attributes", required.empty() ? "None" : required);
  end_card();
  ImGui::Spacing();

  begin_card(width);
  heading(ctx_, "Password policy");
  card_separator();
  ImGui::SetNextItemWidth(ems(7));
  ImGui::InputInt("Minimum length (6 to 99)###settings.min_length", &form_.min_length, 0, 0);
  ImGui::Checkbox("Contains at least 1 number###settings.numbers", &form_.numbers);
  ImGui::Checkbox("Contains at least 1 special character###settings.symbols", &form_.symbols);
  ImGui::Checkbox("Contains at least 1 uppercase letter###settings.upper", &form_.upper);
  ImGui::Checkbox("Contains at least 1 lowercase letter###settings.lower", &form_.lower);
  ImGui::SetNextItemWidth(ems(7));
  ImGui::InputInt("Temporary passwords expire after (days)###settings.temporary_days", &form_.temporary_days, 0, 0);
  end_card();
  ImGui::Spacing();

  begin_card(width);
  heading(ctx_, "Multi-factor authentication");
  card_separator();
  ImGui::RadioButton("No MFA###settings.mfa.off", &form_.mfa, 0);
  ImGui::SameLine();
  ImGui::RadioButton("Optional MFA###settings.mfa.optional", &form_.mfa, 1);
  ImGui::SameLine();
  ImGui::RadioButton("Require MFA###settings.mfa.on", &form_.mfa, 2);
  if (form_.mfa != 0) {
    ImGui::Checkbox("Authenticator apps (TOTP)###settings.mfa.totp", &form_.totp);
    ImGui::Checkbox("SMS message###settings.mfa.sms", &form_.sms);
    if (form_.sms && !pool.contains("SmsConfiguration") && !mfa_.contains("SmsMfaConfiguration"))
      help_text("SMS needs the pool's SMS configuration (an IAM role), which is set when the pool is created.");
  }
  end_card();
  ImGui::Spacing();

  begin_card(width);
  heading(ctx_, "Sign-up and deletion");
  card_separator();
  // Each caption says what the box's current state does.
  ImGui::Checkbox("Enable self-registration###settings.self_registration", &form_.self_registration);
  help_text(form_.self_registration
                ? "On: anyone with the app client ID can sign up from your app (SignUp)."
                : "Off: only administrators create users (SignUp is refused with NotAuthorizedException).");
  ImGui::Checkbox("Deletion protection###settings.deletion_protection", &form_.deletion_protection);
  help_text(form_.deletion_protection ? "On: DeleteUserPool is refused until this is turned off."
                                      : "Off: the pool can be deleted, with all its users.");
  end_card();
  ImGui::Spacing();

  help_text("UpdateUserPool puts every setting it is not given back to its default. This page sends the whole current "
            "configuration with your changes, as the console does.");
  ImGui::BeginDisabled(form_ == saved_);
  if (primary_button("Save changes###settings.save")) save(pool);
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button("Discard###settings.discard")) {
    form_ = saved_;
    error_.clear();
  }
  ImGui::SameLine();
  ImGui::Checkbox("Show the UpdateUserPool request###settings.show_request", &show_request_);
  if (!error_.empty()) error_text(error_);
  if (show_request_) json_view(ctx_, "###settings.request", update_request(pool), ems(14));
  ImGui::Dummy(ImVec2(0, ems(1)));
  ImGui::EndChild();
}

}  // namespace userpool::web
