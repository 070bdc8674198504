// "Try it", part one: choosing the pool and app client, the tabs, sign-up
// and its confirmation, forgot password, and the lines under each form.
#include "web/try_it/try_it_panel.h"

#include <algorithm>
#include <cmath>

#include "core/crypto/secret_hash.h"
#include "imgui.h"
#include "imgui_stdlib.h"
#include "web/shell/named_item.h"
#include "web/try_it/try_it_form.h"
#include "web/shell/widgets.h"

namespace userpool::web {
namespace {

bool contains(const Json& list, const char* value) {
  return list.is_array() && std::find(list.begin(), list.end(), Json(value)) != list.end();
}

// Whether `value` is only digits (a code from the inbox, not a temporary password).
bool all_digits(const std::string& value) {
  return std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; });
}

const char* attribute_hint(const std::string& name) {
  if (name == "phone_number") return "+12065550100";
  if (name == "email") return "name@example.com";
  if (name == "birthdate") return "YYYY-MM-DD";
  return nullptr;
}

}  // namespace

// --- Choosing the pool and app client -------------------------------------

void TryItPanel::refresh() {
  const std::string described_pool = pool_.value("Id", ""), described_client = client_.value("ClientId", "");
  const bool same_choice = described_pool == ctx_.session.pool_id && described_client == ctx_.session.client_id;
  if (revision_ == ctx_.api.revision() && same_choice) return;
  revision_ = ctx_.api.revision();
  clock_.forget();  // the clock may have jumped
  pools_.clear();
  clients_.clear();
  pool_ = Json::object();
  client_ = Json::object();
  mfa_config_ = Json::object();
  for (const auto& p : ctx_.api.peek("ListUserPools", Json{{"MaxResults", 60}}).body.value("UserPools", Json::array()))
    pools_.push_back({p.value("Id", ""), p.value("Name", "")});
  const auto listed = [](const std::vector<Choice>& list, const std::string& id) {
    return std::any_of(list.begin(), list.end(), [&](const Choice& c) { return c.id == id; });
  };
  // The session's pool if it still exists, else the pool open in the console, else the first.
  std::string pool_id = ctx_.session.pool_id;
  if (!listed(pools_, pool_id))
    pool_id = listed(pools_, ctx_.pool_id) ? ctx_.pool_id : pools_.empty() ? "" : pools_[0].id;
  std::string client_id;
  if (!pool_id.empty()) {
    const Json list = ctx_.api.peek("ListUserPoolClients", Json{{"UserPoolId", pool_id}, {"MaxResults", 60}}).body;
    for (const auto& c : list.value("UserPoolClients", Json::array()))
      clients_.push_back({c.value("ClientId", ""), c.value("ClientName", "")});
    client_id = ctx_.session.client_id;
    if (!listed(clients_, client_id)) client_id = clients_.empty() ? "" : clients_[0].id;
  }
  // Tokens belong to one app client: another choice starts a new session.
  if (pool_id != ctx_.session.pool_id || client_id != ctx_.session.client_id) {
    ctx_.session = AppSession{};
    ctx_.session.pool_id = pool_id;
    ctx_.session.client_id = client_id;
  }
  // Another app client than the panel showed (the wizard picks its new one):
  // what was typed for the old one goes.
  if (!described_pool.empty() && (pool_id != described_pool || client_id != described_client)) form_ = Forms{};
  if (pool_id.empty()) return;
  pool_ = ctx_.api.peek("DescribeUserPool", Json{{"UserPoolId", pool_id}}).body.value("UserPool", Json::object());
  mfa_config_ = ctx_.api.peek("GetUserPoolMfaConfig", Json{{"UserPoolId", pool_id}}).body;
  if (client_id.empty()) return;
  // The secret is read the way an app's back end has it: from the client's description.
  client_ = ctx_.api.peek("DescribeUserPoolClient", Json{{"UserPoolId", pool_id}, {"ClientId", client_id}})
                .body.value("UserPoolClient", Json::object());
  ctx_.session.client_secret = client_.value("ClientSecret", "");
}

void TryItPanel::choose(const std::string& pool_id, const std::string& client_id) {
  if (pool_id == ctx_.session.pool_id && client_id == ctx_.session.client_id) return;
  ctx_.session = AppSession{};
  ctx_.session.pool_id = pool_id;
  ctx_.session.client_id = client_id;
  form_ = Forms{};
  revision_ = ~0ull;
  refresh();
}

void TryItPanel::use_pool(const std::string& pool_id) {
  if (pool_id != ctx_.session.pool_id) choose(pool_id, "");
}

void TryItPanel::draw_pickers() {
  const auto pick = [](const char* label, const char* id, const std::vector<Choice>& list, const std::string& current,
                       std::string* picked) {
    std::string preview = "(none)";
    for (const auto& c : list)
      if (c.id == current) preview = c.name + "  " + c.id;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(label);
    ImGui::SameLine(ems(7));
    ImGui::SetNextItemWidth(ems(24));
    const std::string widget = std::string("###") + id;
    const ImGuiID combo_id = ImGui::GetID(widget.c_str());
    const bool open = ImGui::BeginCombo(widget.c_str(), preview.c_str());
    name_item(combo_id, widget.c_str());
    if (!open) return;
    for (const auto& c : list) {
      const std::string item = c.name + "  " + c.id + "###" + id + "." + c.id;
      if (ImGui::Selectable(item.c_str(), c.id == current)) *picked = c.id;
    }
    ImGui::EndCombo();
  };
  std::string pool_id = ctx_.session.pool_id, client_id = ctx_.session.client_id;
  pick("User pool", "tryit.pool", pools_, ctx_.session.pool_id, &pool_id);
  if (pool_id != ctx_.session.pool_id) return choose(pool_id, "");
  pick("App client", "tryit.client", clients_, ctx_.session.client_id, &client_id);
  if (client_id != ctx_.session.client_id) return choose(pool_id, client_id);
  if (client_.empty()) return;
  std::string flows;
  for (const auto& f : client_.value("ExplicitAuthFlows", Json::array()))
    flows += (flows.empty() ? "" : ", ") + f.get<std::string>();
  const bool secret = !ctx_.session.client_secret.empty();
  help_text(((secret ? "This app client has a secret, so every request names the user with a SECRET_HASH computed from "
                       "it. "
                     : "A public app client (no secret). ") +
             std::string("Allowed flows: ") + (flows.empty() ? "none" : flows) + ".")
                .c_str());
  draw_hosted_ui_ways();
}

// The OAuth 2.0 ways in, when the client has them: the hosted pages (the
// code grant with PKCE, or implicit), or a machine's token.
void TryItPanel::draw_hosted_ui_ways() {
  if (!client_.value("AllowedOAuthFlowsUserPoolClient", false) || !open_hosted_ui) return;
  const Json flows = client_.value("AllowedOAuthFlows", Json::array());
  const auto allows = [&](const char* flow) { return std::find(flows.begin(), flows.end(), Json(flow)) != flows.end(); };
  if (allows("code") || allows("implicit")) {
    if (ImGui::Button("Sign in with the hosted UI###tryit.hosted.sign_in"))
      open_hosted_ui(ctx_.session.pool_id, ctx_.session.client_id, false);
    ImGui::SameLine();
  }
  if (allows("client_credentials")) {
    if (ImGui::Button("Get a machine token###tryit.hosted.machine")) open_hosted_ui(ctx_.session.pool_id, ctx_.session.client_id, true);
    ImGui::SameLine();
  }
  ImGui::TextDisabled("OAuth 2.0, through the pool's domain");
}

// --- Drawing -----------------------------------------------------------------

void TryItPanel::draw() {
  refresh();
  heading(ctx_, "Try it");
  help_text("Your app, as a hosted sign-in page behaves: every button makes the same requests an app would "
            "(see the API log). Codes arrive in the inbox.");
  ImGui::Spacing();
  if (pools_.empty()) {
    begin_card(form_card_width());
    heading(ctx_, "No user pool yet");
    ImGui::TextWrapped("An app needs a user pool to sign users up and in. Create one first.");
    ImGui::Spacing();
    if (primary_button("Create a user pool###tryit.create_pool")) ctx_.open(View::kCreatePool);
    end_card();
    return;
  }
  draw_pickers();
  if (clients_.empty()) {
    ImGui::Spacing();
    begin_card(form_card_width());
    heading(ctx_, "No app client");
    ImGui::TextWrapped(
        "This user pool has no app client, and an app signs in through one. Add one in the pool's console.");
    if (ImGui::Button("Open the pool console###tryit.open_pool")) ctx_.open_pool(ctx_.session.pool_id);
    end_card();
    return;
  }
  // The token inspector may have signed the user out, or a reload brought a session back.
  if (ctx_.session.signed_in() && form_.page != Page::kSignedIn) form_.page = Page::kSignedIn;
  if (!ctx_.session.signed_in() && form_.page == Page::kSignedIn) form_.page = Page::kSignIn;
  take_offered_code();
  ImGui::Spacing();
  const Page drawn = form_.page;
  if (drawn == Page::kSignedIn) {
    draw_signed_in();
  } else {
    draw_tabs();
    switch (drawn) {
      case Page::kSignUp: draw_sign_up(); break;
      case Page::kConfirm: draw_confirm(); break;
      case Page::kSignIn: draw_sign_in(); break;
      case Page::kChallenge: draw_challenge(); break;
      case Page::kForgot: draw_forgot(); break;
      case Page::kSignedIn: break;
    }
  }
  // A new page starts at its top, from the next frame on.
  if (form_.page != drawn) ImGui::SetScrollY(0);
}

void TryItPanel::take_offered_code() {
  if (ctx_.offered_code.empty()) return;
  std::string* field = nullptr;
  switch (form_.page) {
    case Page::kConfirm: field = &form_.confirm_code; break;
    case Page::kChallenge:
      if (form_.challenge_name == "SMS_MFA" || form_.challenge_name == "SOFTWARE_TOKEN_MFA" ||
          form_.challenge_name == "MFA_SETUP")
        field = &form_.challenge_code;
      else if (form_.challenge_name == "NEW_PASSWORD_REQUIRED" && !all_digits(ctx_.offered_code))
        field = &form_.challenge_password;
      break;
    case Page::kForgot: field = form_.forgot_code_sent ? &form_.forgot_code : nullptr; break;
    case Page::kSignedIn:
      field = !form_.verify_attribute.empty()   ? &form_.verify_code
              : !form_.signed_in_secret.empty() ? &form_.signed_in_totp_code
                                                : nullptr;
      break;
    case Page::kSignIn:
      // An invitation's temporary password (not a numeric code) is what the
      // sign-in form waits for.
      if (!all_digits(ctx_.offered_code)) field = &form_.sign_in_password;
      break;
    case Page::kSignUp: break;
  }
  if (field != nullptr)
    *field = ctx_.offered_code;
  else
    ctx_.notify("No form here is waiting for a code, so it was not used.");
  ctx_.offered_code.clear();
}

void TryItPanel::draw_tabs() {
  const auto tab = [&](const char* label, bool selected, Page to) {
    const bool pressed = selected ? primary_button(label) : ImGui::Button(label);
    if (pressed && !selected) {
      form_.page = to;
      form_.error.clear();
      form_.success.clear();
    }
    ImGui::SameLine();
  };
  tab("Sign up###tryit.tab.sign_up", form_.page == Page::kSignUp || form_.page == Page::kConfirm, Page::kSignUp);
  tab("Sign in###tryit.tab.sign_in", form_.page == Page::kSignIn || form_.page == Page::kChallenge, Page::kSignIn);
  tab("Forgot password###tryit.tab.forgot", form_.page == Page::kForgot, Page::kForgot);
  ImGui::NewLine();
  ImGui::Spacing();
}

void TryItPanel::draw_messages() {
  if (!form_.success.empty()) {
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Text, colors::green());
    ImGui::TextWrapped("%s", form_.success.c_str());
    ImGui::PopStyleColor();
  }
  if (!form_.error.empty()) {
    ImGui::Spacing();
    form_error(form_.error);
  }
}

// --- Sign up and confirm -----------------------------------------------------

std::vector<PasswordCheck> TryItPanel::sign_up_checks() const {
  return check_password(password_policy(), form_.sign_up_password);
}

void TryItPanel::draw_sign_up() {
  const Json username_attributes = pool_.value("UsernameAttributes", Json::array());
  const bool email = contains(username_attributes, "email"), phone = contains(username_attributes, "phone_number");
  begin_card(form_card_width());
  heading(ctx_, "Sign up");
  if (pool_.value("AdminCreateUserConfig", Json::object()).value("AllowAdminCreateUserOnly", false))
    help_text("This pool allows administrators only to create users: SignUp will be refused.");
  card_separator();
  form_field(email || phone ? username_label(pool_).c_str() : "Username", "tryit.signup.username",
             &form_.sign_up_username,
             phone && !email ? "+12065550100"
             : email         ? "name@example.com"
                             : nullptr);
  // One field per required attribute (Cognito refuses a sign-up without
  // them). An attribute that is the pool's only kind of username is filled
  // from the username itself.
  for (const auto& a : pool_.value("SchemaAttributes", Json::array())) {
    const std::string name = a.value("Name", "");
    if (!a.value("Required", false) || name == "sub") continue;
    if (username_attributes.size() == 1 && username_attributes[0] == name) continue;
    const std::string label = name + (username_attributes.size() > 1 && contains(username_attributes, name.c_str())
                                          ? " (unless it is the username)"
                                          : "");
    form_field(label.c_str(), ("tryit.signup.attr." + name).c_str(), &form_.sign_up_attributes[name],
               attribute_hint(name));
  }
  const bool enter = form_password("Password", "tryit.signup.password", &form_.sign_up_password);
  draw_password_checklist(sign_up_checks());
  ImGui::Spacing();
  if (primary_button("Sign up###tryit.signup.submit") || enter) {
    Json attributes = Json::array();
    for (const auto& [name, value] : form_.sign_up_attributes)
      if (!value.empty()) attributes.push_back(Json{{"Name", name}, {"Value", value}});
    Json request = {{"ClientId", ctx_.session.client_id}, {"Username", form_.sign_up_username},
                    {"Password", form_.sign_up_password}, {"UserAttributes", attributes}};
    add_secret_hash(request, "SecretHash", form_.sign_up_username);
    if (const auto r = call("SignUp", request)) {
      form_.confirm_username = form_.sign_in_username = form_.sign_up_username;
      form_.confirm_code.clear();
      if (r->value("UserConfirmed", false)) {
        succeed("Signed up and already confirmed. Sign in.");
        form_.page = Page::kSignIn;
      } else if (r->contains("CodeDeliveryDetails")) {
        succeed("Signed up. We sent a code " + delivery_text((*r)["CodeDeliveryDetails"]) + ".");
        form_.page = Page::kConfirm;
      } else {
        succeed("Signed up, but the pool verifies no attribute, so no code was sent: an administrator confirms "
                "the user (AdminConfirmSignUp).");
        form_.page = Page::kConfirm;
      }
      form_.sign_up_password.clear();
    }
  }
  ImGui::SameLine();
  if (link_button("Already have an account? Sign in###tryit.signup.to_sign_in")) {
    form_.page = Page::kSignIn;
    form_.error.clear();
  }
  draw_messages();
  end_card();
}

void TryItPanel::draw_confirm() {
  begin_card(form_card_width());
  heading(ctx_, "Confirm your account");
  help_text("Enter the code that was sent. It is in the inbox, where \"Use\" puts it here.");
  card_separator();
  form_field("Username", "tryit.confirm.username", &form_.confirm_username);
  const bool enter = form_field("Confirmation code", "tryit.confirm.code", &form_.confirm_code, "123456");
  if (primary_button("Confirm account###tryit.confirm.submit") || enter) {
    Json request = {{"ClientId", ctx_.session.client_id},
                    {"Username", form_.confirm_username},
                    {"ConfirmationCode", form_.confirm_code}};
    add_secret_hash(request, "SecretHash", form_.confirm_username);
    if (call("ConfirmSignUp", request)) {
      succeed("Account confirmed. Sign in.");
      form_.sign_in_username = form_.confirm_username;
      form_.confirm_code.clear();
      form_.page = Page::kSignIn;
    }
  }
  ImGui::SameLine();
  if (ImGui::Button("Resend code###tryit.confirm.resend")) {
    Json request = {{"ClientId", ctx_.session.client_id}, {"Username", form_.confirm_username}};
    add_secret_hash(request, "SecretHash", form_.confirm_username);
    if (const auto r = call("ResendConfirmationCode", request))
      succeed("A new code was sent " + delivery_text(r->value("CodeDeliveryDetails", Json::object())) +
              "; the previous one no longer works.");
  }
  ImGui::SameLine();
  if (link_button("Open the inbox###tryit.confirm.inbox")) ctx_.open(View::kInbox);
  draw_messages();
  end_card();
}

// --- Forgot password ---------------------------------------------------------

void TryItPanel::draw_forgot() {
  begin_card(form_card_width());
  heading(ctx_, "Reset your password");
  help_text("ForgotPassword sends a code to the user's verified email or phone; ConfirmForgotPassword sets the new "
            "password with it.");
  card_separator();
  const auto send_code = [&] {
    Json request = {{"ClientId", ctx_.session.client_id}, {"Username", form_.forgot_username}};
    add_secret_hash(request, "SecretHash", form_.forgot_username);
    if (const auto r = call("ForgotPassword", request)) {
      form_.forgot_code_sent = true;
      succeed("We sent a code " + delivery_text(r->value("CodeDeliveryDetails", Json::object())) + ".");
    }
  };
  const bool enter = form_field("Username", "tryit.forgot.username", &form_.forgot_username);
  if (!form_.forgot_code_sent) {
    if (primary_button("Send code###tryit.forgot.submit") || enter) send_code();
  } else {
    form_field("Code", "tryit.forgot.code", &form_.forgot_code, "123456");
    const bool confirm_enter = form_password("New password", "tryit.forgot.password", &form_.forgot_password);
    draw_password_checklist(check_password(password_policy(), form_.forgot_password));
    ImGui::Spacing();
    if (primary_button("Change password###tryit.forgot.confirm") || confirm_enter) {
      Json request = {{"ClientId", ctx_.session.client_id}, {"Username", form_.forgot_username},
                      {"ConfirmationCode", form_.forgot_code}, {"Password", form_.forgot_password}};
      add_secret_hash(request, "SecretHash", form_.forgot_username);
      if (call("ConfirmForgotPassword", request)) {
        succeed("Password changed. Sign in with the new one.");
        form_.sign_in_username = form_.forgot_username;
        form_.forgot_code_sent = false;
        form_.forgot_code.clear();
        form_.forgot_password.clear();
        form_.page = Page::kSignIn;
      }
    }
    ImGui::SameLine();
    if (ImGui::Button("Resend code###tryit.forgot.resend")) send_code();
  }
  draw_messages();
  end_card();
}

// --- Calling the API ---------------------------------------------------------

std::optional<Json> TryItPanel::call(const char* operation, const Json& request) {
  const Response r = ctx_.api.call(operation, request);
  if (r.status != 200) {
    form_.error = api_error_text(r.body);
    form_.success.clear();
    return std::nullopt;
  }
  form_.error.clear();
  return r.body;
}

void TryItPanel::succeed(std::string message) {
  form_.success = std::move(message);
  form_.error.clear();
}

std::optional<std::string> TryItPanel::secret_hash_for(const std::string& username) const {
  if (ctx_.session.client_secret.empty()) return std::nullopt;
  return secret_hash(username, ctx_.session.client_id, ctx_.session.client_secret);
}

client::AppClientKeys TryItPanel::app_keys() const {
  return {ctx_.session.pool_id, ctx_.session.client_id, ctx_.session.client_secret};
}

void TryItPanel::add_secret_hash(Json& parameters, const char* member, const std::string& username) const {
  if (const auto hash = secret_hash_for(username)) parameters[member] = *hash;
}

PasswordPolicy TryItPanel::password_policy() const {
  return password_policy_from_json(pool_.value("Policies", Json::object()).value("PasswordPolicy", Json::object()));
}

Timestamp TryItPanel::virtual_now() { return ctx_.api.now(); }

void TryItPanel::show_page_of(const std::string& widget) {
  if (ctx_.session.signed_in() || form_.page == Page::kChallenge) return;
  const auto starts = [&](const char* prefix) { return widget.starts_with(prefix); };
  if (starts("tryit.signup.") || widget == "tryit.tab.sign_up") form_.page = Page::kSignUp;
  else if (starts("tryit.confirm.")) form_.page = Page::kConfirm;
  else if (starts("tryit.signin.") || widget == "tryit.tab.sign_in") form_.page = Page::kSignIn;
  else if (starts("tryit.forgot.") || widget == "tryit.tab.forgot") form_.page = Page::kForgot;
}

}  // namespace userpool::web
