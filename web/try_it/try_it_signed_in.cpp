// "Try it", part three: what a signed-in user does with the access token:
// read their attributes, change the password, update and verify an
// attribute, set up an authenticator app, refresh the tokens, sign out.
#include <algorithm>

#include "core/tokens/jwt.h"
#include "imgui.h"
#include "imgui_stdlib.h"
#include "web/shell/named_item.h"
#include "web/try_it/try_it_form.h"
#include "web/try_it/try_it_panel.h"
#include "web/shell/widgets.h"

namespace userpool::web {
namespace {

// Attributes a user may change themselves: mutable, and not the flags the
// pool sets when a code is confirmed.
std::vector<std::string> changeable_attributes(const Json& pool) {
  std::vector<std::string> out;
  for (const auto& a : pool.value("SchemaAttributes", Json::array())) {
    const std::string name = a.value("Name", "");
    if (!a.value("Mutable", true) || a.value("DeveloperOnlyAttribute", false)) continue;
    if (name == "sub" || name == "identities" || name == "email_verified" || name == "phone_number_verified") continue;
    out.push_back(name);
  }
  return out;
}

// The pool's own username for the user, from the access token ("username"):
// REFRESH_TOKEN_AUTH's SECRET_HASH is computed with it.
std::string username_in(const std::string& access_token) {
  const auto jwt = decode_jwt(access_token);
  if (!jwt) return {};
  const auto it = jwt->payload.find("username");
  return it != jwt->payload.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

void TryItPanel::refresh_user() {
  if (form_.user_revision == ctx_.api.revision() && form_.user_token == ctx_.session.access_token) return;
  form_.user_revision = ctx_.api.revision();
  form_.user_token = ctx_.session.access_token;
  const Response r = ctx_.api.peek("GetUser", Json{{"AccessToken", ctx_.session.access_token}});
  form_.user = r.status == 200 ? r.body : Json::object();
  form_.user_error = r.status == 200 ? std::string() : api_error_text(r.body);
}

void TryItPanel::draw_signed_in() {
  refresh_user();
  const float width = std::min(ImGui::GetContentRegionAvail().x, ems(44));
  begin_card(width);
  heading(ctx_, ("Signed in as " + ctx_.session.username).c_str());
  help_text("The app holds the user's tokens. Everything below calls the pool with the access token, as an app would.");
  card_separator();
  if (!form_.user_error.empty()) {
    error_text("GetUser: " + form_.user_error);
    help_text("An expired or revoked access token is refused. Refresh the tokens, or sign out and in again.");
  } else if (ImGui::BeginTable("tryit.user.attributes", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH,
                               ImVec2(width - 2 * ImGui::GetStyle().WindowPadding.x, 0))) {
    ImGui::TableSetupColumn("Attribute", ImGuiTableColumnFlags_WidthFixed, ems(11));
    ImGui::TableSetupColumn("Value");
    ImGui::TableHeadersRow();
    const auto row = [&](const std::string& name, const std::string& value) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextDisabled("%s", name.c_str());
      ImGui::TableNextColumn();
      text_in(ctx_.fonts.mono, value.c_str());
    };
    row("Username", form_.user.value("Username", ""));
    for (const auto& a : form_.user.value("UserAttributes", Json::array()))
      row(a.value("Name", ""), a.value("Value", ""));
    std::string mfa;
    for (const auto& m : form_.user.value("UserMFASettingList", Json::array()))
      mfa += (mfa.empty() ? "" : ", ") + m.get<std::string>();
    row("MFA", mfa.empty() ? "none" : mfa + " (preferred: " + form_.user.value("PreferredMfaSetting", "none") + ")");
    ImGui::EndTable();
  }
  ImGui::Spacing();
  if (ImGui::Button("Refresh tokens###tryit.signed_in.refresh")) {
    form_.messages_at.clear();
    refresh_tokens();
  }
  ImGui::SameLine();
  if (ImGui::Button("View tokens###tryit.signed_in.view_tokens")) ctx_.open(View::kTokens);
  ImGui::SameLine();
  if (ImGui::Button("Sign out###tryit.signed_in.sign_out"))
    sign_out("Signed out on this device: the app forgot its tokens, which stay valid until they expire.");
  ImGui::SameLine();
  if (danger_button("Sign out everywhere###tryit.signed_in.global_sign_out")) {
    form_.messages_at.clear();
    global_sign_out();
  }
  ImGui::SameLine();
  if (ImGui::Button("Revoke the refresh token###tryit.signed_in.revoke")) {
    form_.messages_at.clear();
    revoke_refresh_token();
  }
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("RevokeToken: what an app's sign-out should send. The tokens issued from it stop working too.");
  if (form_.messages_at.empty()) draw_messages();
  end_card();
  ImGui::Spacing();
  draw_change_password();
  ImGui::Spacing();
  draw_update_attribute();
  ImGui::Spacing();
  draw_totp_for_signed_in_user();
  ImGui::Spacing();
  draw_delete_account();
}

void TryItPanel::draw_delete_account() {
  begin_card(form_card_width());
  heading(ctx_, "Delete my account");
  help_text("DeleteUser with the user's own access token: an app's \"delete my account\" button. The user and every "
            "token of theirs are gone at once; nothing can bring them back.");
  card_separator();
  if (!form_.confirm_delete) {
    if (danger_button("Delete my account###tryit.signed_in.delete")) form_.confirm_delete = true;
  } else {
    if (danger_button("Really delete?###tryit.signed_in.delete_confirmed")) {
      form_.confirm_delete = false;
      form_.messages_at = "delete";
      if (call("DeleteUser", Json{{"AccessToken", ctx_.session.access_token}})) {
        sign_out("Account deleted: the user is gone from the pool, and the app forgot its tokens.");
        end_card();
        return;
      }
    }
    ImGui::SameLine();
    if (ImGui::Button("Keep it###tryit.signed_in.delete_cancel")) form_.confirm_delete = false;
  }
  if (form_.messages_at == "delete") draw_messages();
  end_card();
}

void TryItPanel::draw_change_password() {
  begin_card(form_card_width());
  heading(ctx_, "Change password");
  card_separator();
  form_password("Current password", "tryit.signed_in.previous_password", &form_.previous_password);
  form_password("New password", "tryit.signed_in.proposed_password", &form_.proposed_password);
  draw_password_checklist(check_password(password_policy(), form_.proposed_password));
  ImGui::Spacing();
  if (primary_button("Change password###tryit.signed_in.change_password")) {
    form_.messages_at = "password";
    if (call("ChangePassword", Json{{"AccessToken", ctx_.session.access_token},
                                    {"PreviousPassword", form_.previous_password},
                                    {"ProposedPassword", form_.proposed_password}})) {
      succeed("Password changed. Tokens already issued stay valid.");
      form_.previous_password.clear();
      form_.proposed_password.clear();
    }
  }
  if (form_.messages_at == "password") draw_messages();
  end_card();
}

void TryItPanel::draw_update_attribute() {
  const auto names = changeable_attributes(pool_);
  if (form_.attribute_name.empty() && !names.empty()) form_.attribute_name = names.front();
  begin_card(form_card_width());
  heading(ctx_, "Update an attribute");
  help_text("UpdateUserAttributes. A new email or phone number is unverified until the code sent to it is confirmed "
            "(VerifyUserAttribute).");
  card_separator();
  ImGui::TextUnformatted("Attribute");
  ImGui::SetNextItemWidth(form_field_width());
  const ImGuiID combo_id = ImGui::GetID("###tryit.signed_in.attribute");
  const bool open =
      ImGui::BeginCombo("###tryit.signed_in.attribute", form_.attribute_name.c_str(), ImGuiComboFlags_HeightLarge);
  name_item(combo_id, "###tryit.signed_in.attribute");
  if (open) {
    for (const auto& n : names)
      if (ImGui::Selectable((n + "###tryit.signed_in.attribute." + n).c_str(), n == form_.attribute_name))
        form_.attribute_name = n;
    ImGui::EndCombo();
  }
  ImGui::Spacing();
  form_field("New value", "tryit.signed_in.attribute_value", &form_.attribute_value);
  if (primary_button("Update###tryit.signed_in.update_attribute")) {
    form_.messages_at = "attribute";
    const auto r = call("UpdateUserAttributes",
                        Json{{"AccessToken", ctx_.session.access_token},
                             {"UserAttributes",
                              Json::array({Json{{"Name", form_.attribute_name}, {"Value", form_.attribute_value}}})}});
    if (r) {
      const Json deliveries = r->value("CodeDeliveryDetailsList", Json::array());
      if (!deliveries.empty()) {
        form_.verify_attribute = deliveries[0].value("AttributeName", form_.attribute_name);
        form_.verify_code.clear();
        succeed(form_.attribute_name + " updated. A verification code was sent " + delivery_text(deliveries[0]) + ".");
      } else {
        succeed(form_.attribute_name + " updated.");
      }
    }
  }
  // Unverified contacts can ask for a code at any time.
  for (const auto& a : form_.user.value("UserAttributes", Json::array())) {
    const std::string name = a.value("Name", "");
    if ((name != "email_verified" && name != "phone_number_verified") || a.value("Value", "") == "true") continue;
    const std::string attribute = name.substr(0, name.size() - 9);  // without "_verified"
    ImGui::SameLine();
    if (ImGui::Button(("Verify " + attribute + "###tryit.signed_in.send_code." + attribute).c_str())) {
      form_.messages_at = "attribute";
      const auto r = call("GetUserAttributeVerificationCode",
                          Json{{"AccessToken", ctx_.session.access_token}, {"AttributeName", attribute}});
      if (r) {
        form_.verify_attribute = attribute;
        succeed("A verification code was sent " + delivery_text(r->value("CodeDeliveryDetails", Json::object())) + ".");
      }
    }
  }
  if (!form_.verify_attribute.empty()) {
    ImGui::Spacing();
    const std::string label = "Code sent for " + form_.verify_attribute;
    const bool enter = form_field(label.c_str(), "tryit.signed_in.verify_code", &form_.verify_code, "123456");
    if (primary_button("Verify###tryit.signed_in.verify") || enter) {
      form_.messages_at = "attribute";
      if (call("VerifyUserAttribute", Json{{"AccessToken", ctx_.session.access_token},
                                           {"AttributeName", form_.verify_attribute},
                                           {"Code", form_.verify_code}})) {
        succeed(form_.verify_attribute + " is verified.");
        form_.verify_attribute.clear();
        form_.verify_code.clear();
      }
    }
  }
  if (form_.messages_at == "attribute") draw_messages();
  end_card();
}

void TryItPanel::draw_totp_for_signed_in_user() {
  begin_card(form_card_width());
  heading(ctx_, "Authenticator app (TOTP)");
  help_text("AssociateSoftwareToken, then VerifySoftwareToken with a first code, then SetUserMFAPreference turns it "
            "on for sign-in.");
  const bool pool_allows = mfa_config_.value("SoftwareTokenMfaConfiguration", Json::object()).value("Enabled", false);
  if (!pool_allows)
    help_text("Authenticator apps are not enabled in this pool (SetUserPoolMfaConfig), so Cognito will refuse.");
  else if (mfa_config_.value("MfaConfiguration", "OFF") == "OFF")
    help_text("The pool's MFA is OFF: set-up works, but sign-in will not ask for a code.");
  card_separator();
  if (form_.signed_in_secret.empty()) {
    if (ImGui::Button("Set up an authenticator app###tryit.signed_in.totp.start")) {
      form_.messages_at = "totp";
      if (const auto r = call("AssociateSoftwareToken", Json{{"AccessToken", ctx_.session.access_token}})) {
        form_.signed_in_secret = r->value("SecretCode", "");
        form_.signed_in_totp_code.clear();
        succeed("A new secret: verify a code from it to turn it on.");
      }
    }
  } else {
    draw_totp_secret(form_.signed_in_secret, ctx_.session.username);
    draw_authenticator(form_.signed_in_secret, &form_.signed_in_totp_code);
    const bool enter =
        form_field("Code from the app", "tryit.signed_in.totp.code", &form_.signed_in_totp_code, "123456");
    if (primary_button("Verify and turn on###tryit.signed_in.totp.verify") || enter) {
      form_.messages_at = "totp";
      const Json verify = {{"AccessToken", ctx_.session.access_token},
                           {"UserCode", form_.signed_in_totp_code},
                           {"FriendlyDeviceName", "Sandbox authenticator"}};
      const Json preference = {{"AccessToken", ctx_.session.access_token},
                               {"SoftwareTokenMfaSettings", {{"Enabled", true}, {"PreferredMfa", true}}}};
      if (call("VerifySoftwareToken", verify)) {
        remember_secret(form_.signed_in_secret);
        form_.signed_in_secret.clear();
        if (call("SetUserMFAPreference", preference))
          succeed("The authenticator app is on: the next sign-in asks for its code (SOFTWARE_TOKEN_MFA).");
      }
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel###tryit.signed_in.totp.cancel")) form_.signed_in_secret.clear();
  }
  // Which factor sign-in asks for, when the user has more than one.
  card_separator();
  ImGui::TextUnformatted("Preferred MFA");
  ImGui::SameLine();
  for (const auto& [factor, label] : {std::pair<const char*, const char*>{"SOFTWARE_TOKEN_MFA", "Authenticator app###tryit.signed_in.prefer.totp"},
                                      {"SMS_MFA", "SMS###tryit.signed_in.prefer.sms"}}) {
    if (ImGui::Button(label)) {
      form_.messages_at = "totp";
      const bool totp = std::string(factor) == "SOFTWARE_TOKEN_MFA";
      // Both factors named: the chosen one preferred, the other kept on.
      const Json preference = {{"AccessToken", ctx_.session.access_token},
                               {"SoftwareTokenMfaSettings", {{"Enabled", true}, {"PreferredMfa", totp}}},
                               {"SMSMfaSettings", {{"Enabled", true}, {"PreferredMfa", !totp}}}};
      if (call("SetUserMFAPreference", preference)) succeed(std::string("Sign-in now asks for ") + (totp ? "the authenticator's code." : "a code by SMS."));
    }
    ImGui::SameLine();
  }
  ImGui::NewLine();
  if (form_.messages_at == "totp") draw_messages();
  end_card();
}

void TryItPanel::refresh_tokens() {
  const std::string username = username_in(ctx_.session.access_token);
  Json parameters = {{"REFRESH_TOKEN", ctx_.session.refresh_token}};
  add_secret_hash(parameters, "SECRET_HASH", username.empty() ? ctx_.session.username : username);
  const auto r = call("InitiateAuth", Json{{"AuthFlow", "REFRESH_TOKEN_AUTH"},
                                           {"ClientId", ctx_.session.client_id},
                                           {"AuthParameters", parameters}});
  if (!r) return;
  const Json tokens = r->value("AuthenticationResult", Json::object());
  ctx_.session.id_token = tokens.value("IdToken", ctx_.session.id_token);
  ctx_.session.access_token = tokens.value("AccessToken", ctx_.session.access_token);
  // A refresh token comes back only when the client rotates them.
  ctx_.session.refresh_token = tokens.value("RefreshToken", ctx_.session.refresh_token);
  succeed("New ID and access tokens from the refresh token (REFRESH_TOKEN_AUTH).");
}

void TryItPanel::revoke_refresh_token() {
  Json request = {{"Token", ctx_.session.refresh_token}, {"ClientId", ctx_.session.client_id}};
  if (!ctx_.session.client_secret.empty()) request["ClientSecret"] = ctx_.session.client_secret;
  if (call("RevokeToken", request))
    succeed("The refresh token is revoked, and with it the ID and access tokens issued from it (the client has token revocation on).");
}

void TryItPanel::global_sign_out() {
  if (call("GlobalSignOut", Json{{"AccessToken", ctx_.session.access_token}}))
    sign_out("Signed out everywhere: every refresh and access token of this user is revoked.");
}

void TryItPanel::sign_out(const char* notice) {
  ctx_.session.sign_out();
  const std::string username = ctx_.session.username;
  form_.page = Page::kSignIn;
  form_.sign_in_username = username;
  form_.user = Json::object();
  form_.user_error.clear();
  form_.verify_attribute.clear();
  form_.signed_in_secret.clear();
  form_.confirm_delete = false;
  form_.messages_at.clear();
  succeed(notice);
  ctx_.notify(notice);
}

}  // namespace userpool::web
