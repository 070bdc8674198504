// "Try it", part two: signing in with SRP or the password, every challenge
// that can follow, and the built-in authenticator app.
#include <algorithm>

#include "core/base/random.h"
#include "core/crypto/srp.h"
#include "core/crypto/totp.h"
#include "core/client/sign_in.h"
#include "imgui.h"
#include "imgui_stdlib.h"
#include "web/try_it/big_code.h"
#include "web/try_it/try_it_form.h"
#include "web/try_it/try_it_panel.h"
#include "web/shell/widgets.h"

namespace userpool::web {
namespace {

// Challenge parameters that carry a list as JSON text (MFAS_CAN_SETUP,
// requiredAttributes, ...), read without throwing.
std::vector<std::string> json_text_list(const Json& parameters, const char* name) {
  std::vector<std::string> out;
  const auto it = parameters.find(name);
  if (it == parameters.end() || !it->is_string()) return out;
  const Json list = Json::parse(it->get<std::string>(), nullptr, false);
  if (!list.is_array()) return out;
  for (const auto& item : list)
    if (item.is_string()) out.push_back(item.get<std::string>());
  return out;
}

bool lists(const std::vector<std::string>& list, const char* value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

const char* factor_name(const std::string& factor) {
  if (factor == "SOFTWARE_TOKEN_MFA") return "Authenticator app (SOFTWARE_TOKEN_MFA)";
  if (factor == "SMS_MFA") return "Text message (SMS_MFA)";
  return factor.c_str();
}

}  // namespace

// --- The sign-in form ------------------------------------------------------

void TryItPanel::draw_sign_in() {
  const Json flows = client_.value("ExplicitAuthFlows", Json::array());
  const auto allowed = [&](const char* flow) {
    return std::find(flows.begin(), flows.end(), Json(flow)) != flows.end();
  };
  begin_card(form_card_width());
  heading(ctx_, "Sign in");
  card_separator();
  form_field(username_label(pool_).c_str(), "tryit.signin.username", &form_.sign_in_username);
  const bool enter = form_password("Password", "tryit.signin.password", &form_.sign_in_password);
  ImGui::TextUnformatted("Authentication flow");
  if (ImGui::RadioButton("SRP (USER_SRP_AUTH)###tryit.signin.flow.srp", form_.use_srp)) form_.use_srp = true;
  ImGui::SameLine();
  if (ImGui::RadioButton("Password (USER_PASSWORD_AUTH)###tryit.signin.flow.password", !form_.use_srp))
    form_.use_srp = false;
  help_text(form_.use_srp ? "The password never leaves the app: it proves it knows the password in two round trips "
                            "(InitiateAuth, then RespondToAuthChallenge PASSWORD_VERIFIER)."
                          : "The password itself is sent in InitiateAuth (over TLS in real life): one round trip.");
  const char* flow = form_.use_srp ? "ALLOW_USER_SRP_AUTH" : "ALLOW_USER_PASSWORD_AUTH";
  if (!allowed(flow)) {
    ImGui::PushStyleColor(ImGuiCol_Text, colors::amber());
    ImGui::TextWrapped("%s is not among the app client's flows: Cognito will refuse this sign-in.", flow);
    ImGui::PopStyleColor();
  }
  ImGui::Spacing();
  if (primary_button("Sign in###tryit.signin.submit") || enter) sign_in();
  ImGui::SameLine();
  if (link_button("Forgot your password?###tryit.signin.forgot")) {
    form_.forgot_username = form_.sign_in_username;
    form_.forgot_code_sent = false;
    form_.page = Page::kForgot;
    form_.error.clear();
    form_.success.clear();
  }
  draw_messages();
  end_card();
}

void TryItPanel::sign_in() {
  ctx_.session.username = form_.sign_in_username;
  form_.challenge_username = form_.sign_in_username;
  if (form_.use_srp) return sign_in_with_srp();
  if (const auto r = call("InitiateAuth", client::password_auth_request(app_keys(), form_.sign_in_username,
                                                                        form_.sign_in_password)))
    after_auth(*r);
}

void TryItPanel::sign_in_with_srp() {
  // The client's secret `a` is new for every sign-in, as a client library makes it.
  const client::SrpSignIn srp(app_keys(), secure_random());
  const auto first = call("InitiateAuth", srp.initiate_auth_request(form_.sign_in_username));
  if (!first) return;
  if (first->value("ChallengeName", "") != "PASSWORD_VERIFIER") return after_auth(*first);
  // TIMESTAMP is the app's own clock; here the app lives in the sandbox, on its virtual time.
  const auto answer = srp.password_verifier_request(*first, form_.sign_in_password, virtual_now());
  if (!answer) {
    form_.error = "The app could not answer the SRP challenge: " + answer.error();
    return;
  }
  // From here on the user is named by USER_ID_FOR_SRP (for pools that sign
  // in with an email or phone number, the internal username).
  form_.challenge_username = (*answer)["ChallengeResponses"].value("USERNAME", form_.sign_in_username);
  if (const auto second = call("RespondToAuthChallenge", *answer)) after_auth(*second);
}

void TryItPanel::after_auth(const Json& response) {
  if (response.contains("AuthenticationResult")) {
    const Json& tokens = response["AuthenticationResult"];
    ctx_.session.id_token = tokens.value("IdToken", "");
    ctx_.session.access_token = tokens.value("AccessToken", "");
    ctx_.session.refresh_token = tokens.value("RefreshToken", "");
    form_.sign_in_password.clear();
    form_.challenge_name.clear();
    form_.challenge_session.clear();
    form_.page = Page::kSignedIn;
    form_.user_revision = ~0ull;
    succeed("Signed in: the app now holds an ID, an access and a refresh token.");
    ctx_.notify("Signed in as " + ctx_.session.username);
    return;
  }
  form_.challenge_name = response.value("ChallengeName", "");
  form_.challenge_session = response.value("Session", "");
  form_.challenge_parameters = response.value("ChallengeParameters", Json::object());
  if (form_.challenge_parameters.contains("USER_ID_FOR_SRP"))
    form_.challenge_username = form_.challenge_parameters.value("USER_ID_FOR_SRP", form_.challenge_username);
  form_.challenge_password.clear();
  form_.challenge_code.clear();
  form_.challenge_attributes.clear();
  form_.setup_secret.clear();
  form_.mfa_choice.clear();
  form_.page = Page::kChallenge;
  if (form_.challenge_name == "NEW_PASSWORD_REQUIRED") {
    // requiredAttributes: "userAttributes.<name>" for each required attribute the user lacks.
    for (const auto& a : json_text_list(form_.challenge_parameters, "requiredAttributes"))
      form_.challenge_attributes[a.rfind("userAttributes.", 0) == 0 ? a.substr(15) : a] = "";
  }
  if (form_.challenge_name == "SELECT_MFA_TYPE") {
    const auto choices = json_text_list(form_.challenge_parameters, "MFAS_CAN_CHOOSE");
    if (!choices.empty()) form_.mfa_choice = choices.front();
  }
  // A hosted page starts the authenticator set-up as soon as MFA_SETUP comes.
  if (form_.challenge_name == "MFA_SETUP" &&
      lists(json_text_list(form_.challenge_parameters, "MFAS_CAN_SETUP"), "SOFTWARE_TOKEN_MFA"))
    associate_during_setup();
}

void TryItPanel::respond(const Json& answers) {
  Json responses = answers;
  responses["USERNAME"] = form_.challenge_username;
  add_secret_hash(responses, "SECRET_HASH", form_.challenge_username);
  Json request = {{"ChallengeName", form_.challenge_name}, {"ClientId", ctx_.session.client_id},
                  {"ChallengeResponses", responses}};
  if (!form_.challenge_session.empty()) request["Session"] = form_.challenge_session;
  if (const auto r = call("RespondToAuthChallenge", request)) after_auth(*r);
}

// --- Challenges ------------------------------------------------------------

void TryItPanel::draw_challenge() {
  begin_card(form_card_width());
  const std::string& name = form_.challenge_name;
  if (name == "NEW_PASSWORD_REQUIRED")
    draw_new_password_required();
  else if (name == "MFA_SETUP")
    draw_mfa_setup();
  else if (name == "SOFTWARE_TOKEN_MFA" || name == "SMS_MFA")
    draw_code_challenge();
  else if (name == "SELECT_MFA_TYPE")
    draw_select_mfa_type();
  else {
    heading(ctx_, name.c_str());
    help_text("The sandbox has no form for this challenge. Its parameters:");
    json_view(ctx_, "###tryit.challenge.parameters", form_.challenge_parameters, ems(8));
  }
  ImGui::Spacing();
  if (link_button("Back to sign in###tryit.challenge.cancel")) {
    form_.page = Page::kSignIn;
    form_.challenge_name.clear();
    form_.error.clear();
    form_.success.clear();
  }
  draw_messages();
  end_card();
}

void TryItPanel::draw_new_password_required() {
  heading(ctx_, "Change your password");
  help_text("NEW_PASSWORD_REQUIRED: the user signed in with a temporary password from an administrator and must "
            "choose their own now.");
  card_separator();
  const bool enter = form_password("New password", "tryit.challenge.new_password", &form_.challenge_password);
  draw_password_checklist(check_password(password_policy(), form_.challenge_password));
  ImGui::Spacing();
  // Required attributes the administrator left empty are asked for here too.
  for (auto& [attribute, value] : form_.challenge_attributes)
    form_field(attribute.c_str(), ("tryit.challenge.attr." + attribute).c_str(), &value);
  if (primary_button("Change password###tryit.challenge.submit") || enter) {
    Json answers = {{"NEW_PASSWORD", form_.challenge_password}};
    for (const auto& [attribute, value] : form_.challenge_attributes) answers["userAttributes." + attribute] = value;
    respond(answers);
  }
}

void TryItPanel::associate_during_setup() {
  const auto r = call("AssociateSoftwareToken", Json{{"Session", form_.challenge_session}});
  if (!r) return;
  form_.setup_secret = r->value("SecretCode", "");
  // Each step of MFA_SETUP hands out the session for the next.
  form_.challenge_session = r->value("Session", form_.challenge_session);
}

void TryItPanel::draw_mfa_setup() {
  heading(ctx_, "Set up multi-factor authentication");
  help_text("MFA_SETUP: the pool requires MFA and this user has no second factor yet.");
  card_separator();
  const auto options = json_text_list(form_.challenge_parameters, "MFAS_CAN_SETUP");
  if (!lists(options, "SOFTWARE_TOKEN_MFA")) {
    ImGui::TextWrapped("The pool offers only SMS MFA, and this user has no phone number to receive codes on. An "
                       "administrator adds one (AdminUpdateUserAttributes), then the user signs in again.");
    return;
  }
  if (form_.setup_secret.empty()) {
    if (primary_button("Set up an authenticator app###tryit.challenge.associate")) associate_during_setup();
    return;
  }
  draw_totp_secret(form_.setup_secret, ctx_.session.username);
  draw_authenticator(form_.setup_secret, &form_.challenge_code);
  const bool enter = form_field("Code from the app", "tryit.challenge.code", &form_.challenge_code, "123456");
  if (primary_button("Verify and sign in###tryit.challenge.submit") || enter) {
    // VerifySoftwareToken checks the first code, then MFA_SETUP is answered
    // with the session it returns.
    const auto verified = call("VerifySoftwareToken", Json{{"Session", form_.challenge_session},
                                                          {"UserCode", form_.challenge_code},
                                                          {"FriendlyDeviceName", "Sandbox authenticator"}});
    if (!verified) return;
    remember_secret(form_.setup_secret);
    form_.challenge_session = verified->value("Session", form_.challenge_session);
    respond(Json::object());
  }
}

void TryItPanel::draw_code_challenge() {
  const bool sms = form_.challenge_name == "SMS_MFA";
  heading(ctx_, sms ? "Enter the code we texted you" : "Enter the code from your authenticator app");
  if (sms)
    help_text(("SMS_MFA: a code went by SMS to " +
               form_.challenge_parameters.value("CODE_DELIVERY_DESTINATION", std::string("the user's phone")) +
               ". It is in the inbox.")
                  .c_str());
  else
    help_text("SOFTWARE_TOKEN_MFA: the current 6-digit code of the authenticator app set up for this user.");
  card_separator();
  if (!sms) {
    if (const AuthenticatorAccount* account = authenticator_for(form_.challenge_username))
      draw_authenticator(account->secret, &form_.challenge_code);
    else
      help_text("The built-in authenticator has no secret for this user (it was set up elsewhere).");
  }
  const bool enter = form_field("Code", "tryit.challenge.code", &form_.challenge_code, "123456");
  if (primary_button("Sign in###tryit.challenge.submit") || enter)
    respond(Json{{sms ? "SMS_MFA_CODE" : "SOFTWARE_TOKEN_MFA_CODE", form_.challenge_code}});
  if (sms) {
    ImGui::SameLine();
    if (link_button("Open the inbox###tryit.challenge.inbox")) ctx_.open(View::kInbox);
  }
}

void TryItPanel::draw_select_mfa_type() {
  heading(ctx_, "Choose how to verify it's you");
  help_text("SELECT_MFA_TYPE: the user has more than one MFA factor and no preferred one.");
  card_separator();
  for (const auto& factor : json_text_list(form_.challenge_parameters, "MFAS_CAN_CHOOSE"))
    if (ImGui::RadioButton((std::string(factor_name(factor)) + "###tryit.challenge.mfa." + factor).c_str(),
                           form_.mfa_choice == factor))
      form_.mfa_choice = factor;
  ImGui::Spacing();
  if (primary_button("Continue###tryit.challenge.submit")) respond(Json{{"ANSWER", form_.mfa_choice}});
}

// --- The authenticator app -------------------------------------------------

void TryItPanel::remember_secret(const std::string& secret) {
  std::vector<std::string> names = {ctx_.session.username, form_.challenge_username};
  if (form_.user.contains("Username")) names.push_back(form_.user.value("Username", ""));
  std::erase(names, std::string());
  // A new secret replaces the old one for the same user, as the pool does.
  std::erase_if(authenticator_, [&](const AuthenticatorAccount& a) {
    return a.pool_id == ctx_.session.pool_id &&
           std::any_of(names.begin(), names.end(), [&](const std::string& n) { return lists(a.usernames, n.c_str()); });
  });
  authenticator_.push_back({ctx_.session.pool_id, names, secret});
}

const TryItPanel::AuthenticatorAccount* TryItPanel::authenticator_for(const std::string& username) const {
  for (const auto& a : authenticator_)
    if (a.pool_id == ctx_.session.pool_id &&
        (lists(a.usernames, username.c_str()) || lists(a.usernames, ctx_.session.username.c_str())))
      return &a;
  return nullptr;
}

void TryItPanel::draw_totp_secret(const std::string& secret, const std::string& account_name) {
  help_text("AssociateSoftwareToken gave this secret. Add it to an authenticator app (the otpauth:// URI is what a "
            "QR code holds), or use the sandbox's built-in authenticator below.");
  // Label above, value wrapped beside its Copy button: both are long.
  const auto line = [&](const char* label, const std::string& value, const char* id) {
    ImGui::TextDisabled("%s", label);
    const float button =
        ImGui::CalcTextSize("Copy").x + 2 * ImGui::GetStyle().FramePadding.x + ImGui::GetStyle().ItemSpacing.x;
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + form_field_width() - button);
    text_in(ctx_.fonts.mono, value.c_str());
    ImGui::PopTextWrapPos();
    ImGui::SameLine();
    if (ImGui::SmallButton((std::string("Copy###") + id).c_str())) ctx_.copy(value, label);
  };
  line("Secret key", secret, "tryit.totp.secret.copy");
  line("otpauth:// URI", otpauth_uri(pool_.value("Name", "Cognito"), account_name, secret), "tryit.totp.uri.copy");
  ImGui::Spacing();
}

void TryItPanel::draw_authenticator(const std::string& secret, std::string* code) {
  const Timestamp now = clock_.now(ctx_.api);
  const std::string current = totp_code_now(secret, now);
  const std::int64_t seconds = to_epoch_whole_seconds(now);
  const int left = kTotpStepSeconds - static_cast<int>(seconds % kTotpStepSeconds);
  ImGui::BeginGroup();
  ImGui::TextDisabled("BUILT-IN AUTHENTICATOR  (virtual clock)");
  // The code large, in the mono font, split in two threes as apps show it.
  const std::string shown = current.substr(0, 3) + " " + current.substr(3);
  const float height = big_code(ctx_.fonts.mono, shown, colors::blue());
  ImGui::SameLine();
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (height - ImGui::GetFrameHeight()) * 0.5f);
  ImGui::BeginGroup();
  ImGui::ProgressBar(static_cast<float>(left) / kTotpStepSeconds, ImVec2(ems(6), ems(0.4f)), "");
  ImGui::TextDisabled("%d s left", left);
  ImGui::EndGroup();
  ImGui::SameLine();
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (height - ImGui::GetFrameHeight()) * 0.5f);
  if (ImGui::Button("Use###tryit.totp.use_code")) *code = current;
  ImGui::EndGroup();
  ImGui::Spacing();
}

}  // namespace userpool::web
