#include "web/wizard/wizard_panel.h"

#include <algorithm>
#include <utility>

#include "core/base/identifiers.h"
#include "core/model/app_client.h"
#include "imgui.h"
#include "imgui_stdlib.h"
#include "web/shell/named_item.h"
#include "web/shell/widget_registry.h"
#include "web/shell/widgets.h"
#include "web/wizard/wizard_draft.h"

namespace userpool::web {
namespace {

const char* const kStandardAttributes[] = {"address", "birthdate", "email", "family_name", "gender", "given_name",
                                           "locale", "middle_name", "name", "nickname", "phone_number", "picture",
                                           "preferred_username", "profile", "updated_at", "website", "zoneinfo"};

// Clear of the step's scroll bar, however wide the window.
float card_width() { return std::min(ImGui::GetContentRegionAvail().x - ems(0.6f), ems(48)); }

// A checkbox with a line of explanation under it.
bool option(const char* label, bool* value, const char* help, bool locked = false) {
  const bool changed = ImGui::Checkbox(label, value);
  if (locked) {
    ImGui::SameLine();
    lock_mark();
  }
  if (help != nullptr) {
    ImGui::Indent(ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x);
    help_text(help);
    ImGui::Unindent(ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x);
  }
  return changed;
}

// One choice of a radio group over an enum.
template <typename E>
bool choice(const char* label, E* value, E this_one, const char* help) {
  int current = static_cast<int>(*value);
  const bool picked = ImGui::RadioButton(label, &current, static_cast<int>(this_one));
  if (picked) *value = this_one;
  if (help != nullptr) {
    ImGui::Indent(ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x);
    help_text(help);
    ImGui::Unindent(ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x);
  }
  return picked;
}

void section(const UiContext& ctx, const char* title, const char* intro) {
  heading(ctx, title);
  if (intro != nullptr) help_text(intro);
  card_separator();
}

std::string yes_no(bool b) { return b ? "Yes" : "No"; }

// A checkbox over a list of names: ticked while `value` is in the list (or,
// for a list of the boxes left unticked, while it is not); clicking adds or
// removes it.
void list_checkbox(const std::string& label, std::vector<std::string>& list, const std::string& value, bool list_holds_ticked = true) {
  bool on = (std::find(list.begin(), list.end(), value) != list.end()) == list_holds_ticked;
  if (!ImGui::Checkbox(label.c_str(), &on)) return;
  if (on == list_holds_ticked)
    list.push_back(value);
  else
    std::erase(list, value);
}

}  // namespace

WizardPanel::WizardPanel(UiContext& ctx) : ctx_(ctx) { reset(); }

void WizardPanel::reset() {
  choices_ = WizardChoices{};
  apply_sign_in_defaults(choices_);
  choices_.sms_external_id = generate_uuid_v4(secure_random());
  page_ = WizardPage::kSignIn;
  configured_names_.clear();
  errors_.clear();
  create_error_.clear();
}

void WizardPanel::open() {
  const Response r = ctx_.api.peek("Sandbox.GetWizardDraft", Json::object());
  if (!r.body.contains("Draft")) {
    reset();
    sync_draft();
  }
  draft_revision_ = ~0ull;  // sync_draft() loads the kept draft
}

void WizardPanel::sync_draft() {
  if (draft_revision_ != ctx_.api.revision()) {
    draft_revision_ = ctx_.api.revision();
    const Response r = ctx_.api.peek("Sandbox.GetWizardDraft", Json::object());
    const Json draft = r.body.value("Draft", Json());
    if (draft.is_object() && draft != saved_draft_) {
      const std::string external_id = choices_.sms_external_id;
      reset();
      const int step = read_wizard_draft(draft, choices_);
      page_ = wizard_page_at(choices_, step);
      if (choices_.sms_external_id.empty()) choices_.sms_external_id = external_id;
      configured_names_ = configured_provider_names(choices_);  // the draft has its own ticks
      saved_draft_ = draft;
    }
  }
  const Json now = wizard_draft(choices_, step());
  if (now == saved_draft_) return;
  saved_draft_ = now;
  ctx_.api.call("Sandbox.PutWizardDraft", Json{{"Draft", now}});
  draft_revision_ = ctx_.api.revision();
}

void WizardPanel::discard_draft() {
  ctx_.api.call("Sandbox.DeleteWizardDraft", Json::object());
  saved_draft_ = nullptr;
  draft_revision_ = ctx_.api.revision();
}

void WizardPanel::field_error(const char* field) {
  for (const auto& e : errors_) {
    if (e.field != field) continue;
    error_text(e.message);
    // The page may be scrolled away from it: "Fix the fields marked" must
    // come with the field in sight.
    if (scroll_to_error_) {
      if (!ImGui::IsItemVisible()) ImGui::SetScrollHereY(0.5f);
      scroll_to_error_ = false;
    }
  }
}

bool WizardPanel::invalid(const char* label) const {
  const std::string_view name = widget_name(label);
  return std::any_of(errors_.begin(), errors_.end(), [&](const FieldError& e) { return e.field == name; });
}

namespace {

// An outline in the error colour around a field the last Next refused.
struct ErrorOutline {
  explicit ErrorOutline(bool on) : on_(on) {
    if (!on_) return;
    ImGui::PushStyleColor(ImGuiCol_Border, colors::red());
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, std::max(2.0f, ems(0.12f)));
  }
  ~ErrorOutline() {
    if (!on_) return;
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
  }
  ErrorOutline(const ErrorOutline&) = delete;
  ErrorOutline& operator=(const ErrorOutline&) = delete;

 private:
  bool on_;
};

}  // namespace

void WizardPanel::int_field(const char* label, int* value, int min, int max) {
  const ErrorOutline outline(invalid(label));
  // A plain number field, as the console's (no - and + buttons: a field
  // with them is a group, whose middle is not the field a learner types in).
  ImGui::SetNextItemWidth(ems(6));
  if (ImGui::InputInt(label, value, 0, 0)) *value = std::clamp(*value, min - 1, max + 1);
}

void WizardPanel::text_field(const char* label, std::string* value, float width, const char* hint) {
  const ErrorOutline outline(invalid(label));
  ImGui::SetNextItemWidth(width > 0 ? width : ems(22));
  if (hint != nullptr)
    ImGui::InputTextWithHint(label, hint, value);
  else
    ImGui::InputText(label, value);
}

void WizardPanel::text_area(const char* label, std::string* value, float lines) {
  // The label over the field, where a pasted document has room.
  const std::string_view full(label);
  const std::size_t id = std::min(full.find("###"), full.size());
  ImGui::TextUnformatted(std::string(full.substr(0, id)).c_str());
  const ErrorOutline outline(invalid(label));
  const ImVec2 size(std::min(width_left(), ems(30)), ImGui::GetTextLineHeight() * lines + ImGui::GetStyle().FramePadding.y * 2);
  ImGui::InputTextMultiline(std::string(full.substr(id)).c_str(), value, size);
}

bool WizardPanel::may_go_on() {
  // Next on "Connect federated identity providers" connects them, after a
  // "Skip for now" too.
  if (page_ == WizardPage::kFederation) choices_.federation_skipped = false;
  errors_ = validate_page(choices_, page_);
  scroll_to_error_ = !errors_.empty();
  return errors_.empty();
}

void WizardPanel::draw() {
  if (creating_frames_ > 0) {
    create_pool();
    return;
  }
  sync_draft();
  if (show_page_) {
    // Not a page these choices do not have (the providers' page without federation).
    if (const WizardPage page = *std::exchange(show_page_, std::nullopt); wizard_step_number(choices_, page) != 0) page_ = page;
    sync_draft();
  }
  // A page these choices do not have (federation turned off in the draft):
  // the one that followed it.
  if (wizard_step_number(choices_, page_) == 0) page_ = WizardPage::kApp;
  heading(ctx_, "Create user pool");
  help_text("The steps of the Amazon Cognito console. Each choice starts at the console's default; the requests it "
            "makes are shown before anything is created.");
  ImGui::Spacing();
  ImGui::BeginGroup();
  draw_steps_list();
  ImGui::EndGroup();
  ImGui::SameLine(0, ems(1.5f));
  ImGui::BeginGroup();
  // The step scrolls; the buttons stay in view under it.
  const float footer = ImGui::GetFrameHeightWithSpacing() + ems(1.2f);
  ImGui::BeginChild("wizard.body", ImVec2(0, std::max(ems(8), ImGui::GetContentRegionAvail().y - footer)), false);
  switch (page_) {
    case WizardPage::kSignIn: draw_step_1(); break;
    case WizardPage::kSecurity: draw_step_2(); break;
    case WizardPage::kSignUp: draw_step_3(); break;
    case WizardPage::kMessages: draw_step_4(); break;
    case WizardPage::kFederation: draw_federation(); break;
    case WizardPage::kApp: draw_step_5(); break;
    case WizardPage::kReview: draw_review(); break;
  }
  ImGui::Dummy(ImVec2(0, ems(0.5f)));
  ImGui::EndChild();
  ImGui::Spacing();
  draw_buttons();
  ImGui::EndGroup();
  // A provider just configured (ticked, named, or no longer skipped) is
  // offered on the app client, ticked, as the console does.
  if (auto names = configured_provider_names(choices_); names != configured_names_) {
    tick_new_providers(choices_, configured_names_);
    configured_names_ = std::move(names);
  }
}

void WizardPanel::draw_steps_list() {
  const std::vector<WizardPage> pages = wizard_pages(choices_);
  const int now = step();
  for (int s = 1; s <= static_cast<int>(pages.size()); ++s) {
    const WizardPage page = pages[static_cast<std::size_t>(s - 1)];
    const bool current = s == now;
    const std::string label = "Step " + std::to_string(s) + "\n" + wizard_page_title(page) + "###wizard.goto." + std::to_string(s);
    ImGui::PushStyleColor(ImGuiCol_Text, current ? ImGui::GetStyleColorVec4(ImGuiCol_CheckMark) : ImGui::GetStyleColorVec4(ImGuiCol_Text));
    // Earlier steps can be revisited; later ones open once the current one is valid.
    if (ImGui::Selectable(label.c_str(), current, 0, ImVec2(ems(13), ems(2.6f))) && s != now) {
      if (s < now) {
        page_ = page;
        errors_.clear();
      } else if (may_go_on()) {
        page_ = pages[static_cast<std::size_t>(std::min(s, now + 1) - 1)];
      }
    }
    ImGui::PopStyleColor();
  }
}

void WizardPanel::draw_step_1() {
  WizardChoices& c = choices_;
  begin_card(card_width());
  section(ctx_, "Authentication providers", "Who can sign in to this user pool.");
  bool cognito = true;
  ImGui::BeginDisabled();
  option("Cognito user pool###wizard.provider.cognito", &cognito, "Users sign in with the user pool's own directory (always on).");
  ImGui::EndDisabled();
  option("Federated identity providers###wizard.provider.federated", &c.federated_providers,
         "Users may also sign in with a social provider, or your company's SAML or OpenID Connect provider. Adds the "
         "step \"Connect federated identity providers\".");
  if (c.federated_providers) {
    ImGui::Spacing();
    ImGui::TextUnformatted("Federated sign-in options");
    help_text("The providers your users can choose on the hosted sign-in page.");
    ImGui::Indent(ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x);
    for (auto& p : c.federation)
      ImGui::Checkbox((std::string(provider_label(p.type)) + "###wizard.provider." + provider_key(p.type)).c_str(), &p.selected);
    ImGui::Unindent(ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x);
    field_error("wizard.federated_options");
  }
  end_card();
  ImGui::Spacing();
  begin_card(card_width());
  section(ctx_, "Cognito user pool sign-in options",
          "What users type to sign in. Without User name, the email address or phone number is the username; with "
          "it, they become aliases that work once verified.");
  bool changed = false;
  changed |= option("User name###wizard.sign_in.username", &c.sign_in_username, "A name the user chooses.", true);
  changed |= option("Email###wizard.sign_in.email", &c.sign_in_email, "The user's email address.", true);
  changed |= option("Phone number###wizard.sign_in.phone", &c.sign_in_phone, "The user's phone number (SMS needs an IAM role).", true);
  if (changed) apply_sign_in_defaults(c);
  field_error("wizard.sign_in_options");
  end_card();
  if (c.has_username()) {
    ImGui::Spacing();
    begin_card(card_width());
    section(ctx_, "User name requirements", nullptr);
    option("Allow users to sign in with a preferred user name###wizard.preferred_username", &c.preferred_username,
           "A second, changeable name users can sign in with (an alias).", true);
    option("Make user name case sensitive###wizard.case_sensitive", &c.case_sensitive,
           c.case_sensitive ? "On: \"Jane\" and \"jane\" are two different users."
                            : "Off (recommended): \"Jane\" and \"jane\" are the same user.",
           true);
    end_card();
  }
}

void WizardPanel::draw_step_2() {
  WizardChoices& c = choices_;
  using M = WizardChoices::Mfa;
  using R = WizardChoices::Recovery;
  begin_card(card_width());
  section(ctx_, "Password policy", "The rules every password must meet.");
  bool custom = c.custom_password_policy;
  if (ImGui::RadioButton("Cognito defaults###wizard.password.defaults", !custom)) c.custom_password_policy = false;
  ImGui::SameLine();
  if (ImGui::RadioButton("Custom###wizard.password.custom", custom)) c.custom_password_policy = true;
  if (!c.custom_password_policy) {
    help_text("At least 8 characters, with a number, a special character, an uppercase and a lowercase letter. "
              "Temporary passwords expire in 7 days.");
  } else {
    int_field("Password minimum length###wizard.minimum_length", &c.minimum_length, 6, 99);
    field_error("wizard.minimum_length");
    ImGui::Checkbox("Contains at least 1 number###wizard.require_numbers", &c.require_numbers);
    ImGui::Checkbox("Contains at least 1 special character###wizard.require_symbols", &c.require_symbols);
    ImGui::Checkbox("Contains at least 1 uppercase letter###wizard.require_uppercase", &c.require_uppercase);
    ImGui::Checkbox("Contains at least 1 lowercase letter###wizard.require_lowercase", &c.require_lowercase);
    int_field("Temporary passwords set by administrators expire in (days)###wizard.temporary_password_days",
              &c.temporary_password_days, 1, 365);
    field_error("wizard.temporary_password_days");
  }
  end_card();
  ImGui::Spacing();
  begin_card(card_width());
  section(ctx_, "Multi-factor authentication", "A second proof at sign-in, after the password.");
  choice("Require MFA - Recommended###wizard.mfa.required", &c.mfa, M::kRequired, "Every user sets up a second factor.");
  choice("Optional MFA###wizard.mfa.optional", &c.mfa, M::kOptional, "Users choose whether to turn it on.");
  choice("No MFA###wizard.mfa.off", &c.mfa, M::kOff, "A password is enough.");
  if (c.mfa != M::kOff) {
    ImGui::Spacing();
    ImGui::TextUnformatted("MFA methods");
    option("Authenticator apps###wizard.mfa.totp", &c.mfa_authenticator_apps,
           "Time-based codes (TOTP) from an app such as Google Authenticator; the sandbox has one built in.");
    option("SMS message###wizard.mfa.sms", &c.mfa_sms, "A code by text message (needs an IAM role for Amazon SNS).");
    field_error("wizard.mfa_methods");
  }
  end_card();
  ImGui::Spacing();
  begin_card(card_width());
  section(ctx_, "User account recovery", "How users reset a forgotten password.");
  option("Enable self-service account recovery - Recommended###wizard.recovery.enabled", &c.self_service_recovery,
         c.self_service_recovery ? "On: users reset a forgotten password with a code sent to them."
                                 : "Off: only an administrator can reset a password (admin_only).");
  if (c.self_service_recovery) {
    choice("Email only###wizard.recovery.email", &c.recovery, R::kEmailOnly, nullptr);
    choice("SMS only###wizard.recovery.sms", &c.recovery, R::kSmsOnly, nullptr);
    choice("Email if available, otherwise SMS###wizard.recovery.email_sms", &c.recovery, R::kEmailThenSms, nullptr);
    choice("SMS if available, otherwise email###wizard.recovery.sms_email", &c.recovery, R::kSmsThenEmail,
           "The code goes to a verified address or number only.");
  }
  end_card();
}

void WizardPanel::draw_step_3() {
  WizardChoices& c = choices_;
  using V = WizardChoices::Verify;
  begin_card(card_width());
  section(ctx_, "Self-service sign-up", nullptr);
  option("Enable self-registration###wizard.self_registration", &c.self_registration,
         c.self_registration ? "On: users sign themselves up from your app (SignUp)."
                             : "Off: only administrators create users.");
  end_card();
  ImGui::Spacing();
  begin_card(card_width());
  section(ctx_, "Attribute verification and user account confirmation",
          "Cognito sends a code to confirm new accounts and verify contact details.");
  option("Allow Cognito to automatically send messages to verify and confirm - Recommended###wizard.assisted_verification",
         &c.cognito_assisted_verification,
         c.cognito_assisted_verification ? "On: Cognito sends the codes; users confirm themselves."
                                         : "Off: users stay UNCONFIRMED until an administrator confirms them.");
  if (c.cognito_assisted_verification) {
    choice("Send email message, verify email address###wizard.verify.email", &c.verify, V::kEmail, nullptr);
    choice("Send SMS message, verify phone number###wizard.verify.phone", &c.verify, V::kPhone, nullptr);
    choice("Send SMS message if phone number is available, otherwise send email message###wizard.verify.both", &c.verify,
           V::kPhoneThenEmail, nullptr);
    ImGui::Spacing();
    option("Keep original attribute value active when an update is pending - Recommended###wizard.keep_original",
           &c.keep_original_when_pending,
           "A changed email or phone number takes effect only once the new one is verified.");
    if (c.keep_original_when_pending) {
      ImGui::Indent(ems(1.5f));
      ImGui::Checkbox("Email address###wizard.keep_original.email", &c.keep_original_email);
      ImGui::SameLine();
      ImGui::Checkbox("Phone number###wizard.keep_original.phone", &c.keep_original_phone);
      ImGui::Unindent(ems(1.5f));
    }
    field_error("wizard.keep_original");
  }
  end_card();
  ImGui::Spacing();
  begin_card(card_width());
  ImGui::BeginGroup();
  heading(ctx_, "Required attributes");
  ImGui::SameLine();
  lock_mark();
  ImGui::EndGroup();
  help_text("Users must give these when they sign up. Attributes used to sign in are required.");
  card_separator();
  int column = 0;
  for (const char* name : kStandardAttributes) {
    bool required = std::find(c.required_attributes.begin(), c.required_attributes.end(), name) != c.required_attributes.end();
    const bool forced = (std::string_view(name) == "email" && c.sign_in_email) ||
                        (std::string_view(name) == "phone_number" && c.sign_in_phone);
    if (column++ % 3 != 0) ImGui::SameLine(ems(1) + static_cast<float>((column - 1) % 3) * ems(13));
    ImGui::BeginDisabled(forced);
    if (ImGui::Checkbox((std::string(name) + "###wizard.required." + name).c_str(), &required)) {
      if (required)
        c.required_attributes.push_back(name);
      else
        std::erase(c.required_attributes, std::string(name));
    }
    ImGui::EndDisabled();
  }
  field_error("wizard.required_attributes");
  end_card();
  ImGui::Spacing();
  begin_card(card_width());
  ImGui::BeginGroup();
  heading(ctx_, "Custom attributes - optional");
  ImGui::SameLine();
  lock_mark();
  ImGui::EndGroup();
  help_text("Your own attributes, stored as custom:<name>. They can be added later, never removed or renamed.");
  card_separator();
  for (std::size_t i = 0; i < c.custom_attributes.size(); ++i) {
    CustomAttributeChoice& a = c.custom_attributes[i];
    ImGui::PushID(static_cast<int>(i));
    const std::string n = std::to_string(i);
    text_field(("Name###wizard.custom." + n + ".name").c_str(), &a.name, ems(9));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ems(6));
    if (ImGui::BeginCombo(("Type###wizard.custom." + n + ".type").c_str(), a.type.c_str())) {
      for (const char* t : {"String", "Number"})
        if (ImGui::Selectable(t, a.type == t)) a.type = t;
      ImGui::EndCombo();
    }
    ImGui::SameLine();
    text_field(("Min###wizard.custom." + n + ".min").c_str(), &a.min, ems(3));
    ImGui::SameLine();
    text_field(("Max###wizard.custom." + n + ".max").c_str(), &a.max, ems(3));
    ImGui::SameLine();
    ImGui::Checkbox(("Mutable###wizard.custom." + n + ".mutable").c_str(), &a.mutable_);
    ImGui::SameLine();
    const bool remove = ImGui::SmallButton(("Remove###wizard.custom." + n + ".remove").c_str());
    ImGui::PopID();
    if (remove) {
      c.custom_attributes.erase(c.custom_attributes.begin() + static_cast<std::ptrdiff_t>(i));
      break;
    }
  }
  if (ImGui::Button("Add custom attribute###wizard.custom.add")) c.custom_attributes.push_back({});
  field_error("wizard.custom_attributes");
  end_card();
}

void WizardPanel::draw_step_4() {
  WizardChoices& c = choices_;
  begin_card(card_width());
  section(ctx_, "Email", "Who sends the verification codes, invitations and reset codes.");
  if (ImGui::RadioButton("Send email with Amazon SES - Recommended###wizard.email.ses", c.email_with_ses)) c.email_with_ses = true;
  ImGui::Indent(ImGui::GetFrameHeight());
  help_text("Your own verified sender, your own limits, customizable messages.");
  ImGui::Unindent(ImGui::GetFrameHeight());
  if (ImGui::RadioButton("Send email with Cognito###wizard.email.cognito", !c.email_with_ses)) c.email_with_ses = false;
  ImGui::Indent(ImGui::GetFrameHeight());
  help_text("Cognito sends, at most 50 emails a day for the whole account: fine for learning.");
  ImGui::Unindent(ImGui::GetFrameHeight());
  ImGui::Spacing();
  if (!c.email_with_ses) {
    ImGui::TextUnformatted("FROM email address");
    if (ImGui::RadioButton("no-reply@verificationemail.com (the default)###wizard.email.from_default", c.cognito_default_from))
      c.cognito_default_from = true;
    if (ImGui::RadioButton("An address of yours that Amazon SES has verified###wizard.email.from_ses", !c.cognito_default_from))
      c.cognito_default_from = false;
    if (!c.cognito_default_from) {
      text_field("SES Region###wizard.ses_region", &c.ses_region, ems(10));
      text_field("FROM email address###wizard.from_email", &c.from_email, ems(18), "no-reply@example.com");
      field_error("wizard.from_email");
      help_text("Cognito still sends (and its daily quota still applies); your users see your address.");
    }
  }
  if (c.email_with_ses) {
    text_field("SES Region###wizard.ses_region", &c.ses_region, ems(10));
    text_field("FROM email address###wizard.from_email", &c.from_email, ems(18), "no-reply@example.com");
    field_error("wizard.from_email");
    text_field("FROM sender name - optional###wizard.from_name", &c.from_name, ems(18));
    text_field("Configuration set - optional###wizard.configuration_set", &c.configuration_set, ems(18));
  }
  text_field("REPLY-TO email address - optional###wizard.reply_to", &c.reply_to, ems(18));
  end_card();
  if (c.uses_sms()) {
    ImGui::Spacing();
    begin_card(card_width());
    section(ctx_, "SMS", "Your choices send text messages, so Cognito needs an IAM role that may publish with Amazon SNS.");
    if (ImGui::RadioButton("Create a new IAM role###wizard.sms.new_role", c.sms_new_role)) c.sms_new_role = true;
    ImGui::SameLine();
    if (ImGui::RadioButton("Use an existing IAM role###wizard.sms.existing_role", !c.sms_new_role)) c.sms_new_role = false;
    if (c.sms_new_role)
      text_field("IAM role name###wizard.sms_role_name", &c.sms_role_name, ems(18));
    else
      text_field("IAM role ARN###wizard.sms_role_arn", &c.sms_existing_role_arn, ems(26), "arn:aws:iam::...");
    field_error("wizard.sms_role");
    text_field("SNS Region###wizard.sns_region", &c.sns_region, ems(10));
    end_card();
  }
}

namespace {

// Where each provider's IDs come from, and what it needs to know of Cognito.
const char* provider_intro(std::string_view type) {
  if (type == "Google")
    return "The OAuth client you made in the Google Cloud console (APIs & Services, Credentials), with "
           "https://<your domain>/oauth2/idpresponse as an authorized redirect URI.";
  if (type == "Facebook")
    return "The app you made on Meta for Developers (App settings, Basic), with https://<your domain>/oauth2/idpresponse "
           "as a valid OAuth redirect URI of Facebook Login.";
  if (type == "LoginWithAmazon")
    return "The security profile you made in the Amazon Developer Console, with https://<your domain>/oauth2/idpresponse "
           "as an allowed return URL.";
  if (type == "SignInWithApple")
    return "From your Apple developer account: a Services ID with https://<your domain>/oauth2/idpresponse as its return "
           "URL, your Team ID, and a key enabled for Sign in with Apple (its Key ID and .p8 file). Cognito signs its "
           "client secret with the key.";
  if (type == "OIDC")
    return "Your OpenID Connect provider (Okta, Auth0, Keycloak, ...): the app you registered there, with "
           "https://<your domain>/oauth2/idpresponse as its redirect URI. Cognito finds its endpoints at "
           "<issuer>/.well-known/openid-configuration.";
  return "Your SAML 2.0 identity provider (AD FS, Okta, ...): register Cognito there as a service provider (entity ID "
         "urn:amazon:cognito:sp:<the pool's ID>, ACS URL https://<your domain>/saml2/idpresponse), then paste the metadata "
         "it gives.";
}

// The attribute names each provider sends, for the mapping's right-hand side.
const char* provider_attributes(std::string_view type) {
  if (type == "Google") return "Google sends sub, email, email_verified, name, given_name, family_name, picture.";
  if (type == "Facebook") return "Facebook sends id, email, name, first_name, last_name, middle_name, gender, birthday, locale.";
  if (type == "LoginWithAmazon") return "Login with Amazon sends user_id, email, name, postal_code.";
  if (type == "SignInWithApple") return "Apple sends sub, email, email_verified, and firstName, lastName (name) at the first consent only.";
  if (type == "OIDC") return "Any claim of the provider's ID token or userinfo: sub, email, name, ...";
  return "The attribute names of the provider's assertions, often URIs such as "
         "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress.";
}

const char* mapping_hint(std::string_view type) { return type == "SAML" ? "http://schemas.xmlsoap.org/..." : "email"; }

}  // namespace

void WizardPanel::draw_federation() {
  WizardChoices& c = choices_;
  begin_card(card_width());
  section(ctx_, "Federated sign-in",
          "Each provider ticked in step 1 needs the app you registered with it. Cognito creates each one "
          "(CreateIdentityProvider) with the pool; the app client offers it in step \"Integrate your app\". The "
          "sandbox's simulated providers take any ID and secret.");
  if (c.federation_skipped)
    help_text("Skipped for now: no provider is created with the pool (what is filled in below is kept). Choose Next to "
              "connect them after all, or add them later in the pool's App integration tab.");
  else
    help_text("Skip for now creates the pool without them; they can be added later in the pool's App integration tab.");
  end_card();
  for (auto& p : c.federation) {
    if (!p.selected) continue;
    ImGui::Spacing();
    draw_provider(p);
  }
}

void WizardPanel::draw_provider(IdentityProviderChoice& p) {
  const std::string prefix = std::string("wizard.federation.") + provider_key(p.type) + ".";
  const auto id = [&](const char* label, const char* field) {
    return std::string(label) + "###" + prefix + field;
  };
  const auto field = [&](const char* label, const char* name, std::string* value, const char* hint = nullptr) {
    text_field(id(label, name).c_str(), value, ems(22), hint);
    field_error((prefix + name).c_str());
  };
  begin_card(card_width());
  section(ctx_, provider_label(p.type), provider_intro(p.type));
  ImGui::PushID(provider_key(p.type));
  if (p.type == "OIDC" || p.type == "SAML") {
    field("Provider name", "name", &p.name, p.type == "OIDC" ? "CorpIdP" : "CorpSAML");
    help_text("3 to 32 characters, no spaces. Users who sign in through it are named <provider name>_<their ID there>.");
  }
  if (p.type == "SAML") {
    text_area(id("Metadata document", "metadata").c_str(), &p.metadata, 6);
    help_text("The XML your provider gives (an EntityDescriptor with its sign-in URL and signing certificate), sent as "
              "MetadataFile.");
    field_error((prefix + "metadata").c_str());
  } else if (p.type == "SignInWithApple") {
    field("Services ID", "client_id", &p.client_id, "com.example.signin");
    field("Team ID", "team_id", &p.team_id, "ABCDE12345");
    field("Key ID", "key_id", &p.key_id, "ABC123DEFG");
    text_area(id("Private key", "private_key").c_str(), &p.private_key, 5);
    help_text("The contents of the .p8 file, from -----BEGIN PRIVATE KEY----- to -----END PRIVATE KEY-----.");
    field_error((prefix + "private_key").c_str());
  } else {
    const bool facebook = p.type == "Facebook";
    field(facebook ? "App ID" : "Client ID", "client_id", &p.client_id);
    field(facebook ? "App secret" : "Client secret", "client_secret", &p.client_secret);
  }
  if (p.type != "SAML") {
    field("Authorized scopes", "scopes", &p.scopes);
    help_text(p.type == "Facebook" ? "What Cognito asks Facebook for, separated by commas."
              : p.type == "OIDC"   ? "What Cognito asks the provider for, separated by spaces; openid is needed."
                                   : "What Cognito asks the provider for, separated by spaces.");
  }
  if (p.type == "Facebook") {
    field("API version", "api_version", &p.api_version, "v17.0");
    help_text("The Graph API version of the addresses Cognito calls.");
  }
  if (p.type == "OIDC") {
    ImGui::TextUnformatted("Attribute request method");
    if (ImGui::RadioButton(id("GET", "method.get").c_str(), p.attributes_request_method == "GET")) p.attributes_request_method = "GET";
    ImGui::SameLine();
    if (ImGui::RadioButton(id("POST", "method.post").c_str(), p.attributes_request_method == "POST"))
      p.attributes_request_method = "POST";
    help_text("How Cognito calls the provider's userinfo endpoint.");
    field("Issuer URL", "issuer", &p.issuer, "https://idp.example.com");
  }
  card_separator();
  draw_mapping(p, prefix);
  ImGui::PopID();
  end_card();
}

void WizardPanel::draw_mapping(IdentityProviderChoice& p, const std::string& prefix) {
  const WizardChoices& c = choices_;
  ImGui::TextUnformatted("Map attributes between your user pool and the provider");
  help_text(provider_attributes(p.type));
  const std::vector<std::string> attributes = permission_attributes(c);
  const std::string provider_column = std::string(provider_label(p.type)) + " attribute";
  if (!p.mapping.empty() &&
      ImGui::BeginTable(("###" + prefix + "map").c_str(), 3, ImGuiTableFlags_SizingStretchProp, ImVec2(width_left(), 0))) {
    // The provider's names get the room: SAML's are long URIs.
    ImGui::TableSetupColumn("User pool attribute", ImGuiTableColumnFlags_WidthFixed, ems(10.5f));
    ImGui::TableSetupColumn(provider_column.c_str(), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("###remove", ImGuiTableColumnFlags_WidthFixed, ems(4));
    ImGui::TableHeadersRow();
    for (std::size_t i = 0; i < p.mapping.size(); ++i) {
      AttributeMappingChoice& m = p.mapping[i];
      const std::string row = prefix + "map." + std::to_string(i);
      ImGui::PushID(static_cast<int>(i));
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::SetNextItemWidth(-1);
      const std::string combo = "###" + row + ".attribute";
      name_item(ImGui::GetID(combo.c_str()), combo.c_str());
      if (ImGui::BeginCombo(combo.c_str(), m.user_pool_attribute.empty() ? "Choose" : m.user_pool_attribute.c_str())) {
        for (const auto& a : attributes)
          if (ImGui::Selectable((a + "###" + row + ".attribute." + a).c_str(), m.user_pool_attribute == a)) m.user_pool_attribute = a;
        ImGui::EndCombo();
      }
      ImGui::TableNextColumn();
      ImGui::SetNextItemWidth(-1);
      ImGui::InputTextWithHint(("###" + row + ".provider").c_str(), mapping_hint(p.type), &m.provider_attribute);
      ImGui::TableNextColumn();
      const bool remove = ImGui::SmallButton(("Remove###" + row + ".remove").c_str());
      ImGui::PopID();
      if (remove) {
        p.mapping.erase(p.mapping.begin() + static_cast<std::ptrdiff_t>(i));
        break;
      }
    }
    ImGui::EndTable();
  }
  if (ImGui::Button(("Add another mapping###" + prefix + "map.add").c_str())) p.mapping.push_back({});
  field_error((prefix + "map").c_str());
  // Cognito fills required attributes from the provider: one left unmapped
  // stops every first sign-in through it.
  std::string unmapped;
  for (const auto& name : c.required_attributes)
    if (std::none_of(p.mapping.begin(), p.mapping.end(), [&](const AttributeMappingChoice& m) { return m.user_pool_attribute == name; }))
      unmapped += (unmapped.empty() ? "" : ", ") + name;
  if (!unmapped.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, colors::amber());
    ImGui::TextWrapped("Required, not mapped: %s. A first sign-in through %s fails without them.", unmapped.c_str(),
                       provider_label(p.type));
    ImGui::PopStyleColor();
  }
}

void WizardPanel::draw_step_5() {
  WizardChoices& c = choices_;
  using A = WizardChoices::AppType;
  using D = WizardChoices::DomainType;
  begin_card(card_width());
  section(ctx_, "User pool name", "A name for you; the pool's ID is made when it is created.");
  text_field("User pool name###wizard.pool_name", &c.pool_name, ems(22), "MyUserPool");
  field_error("wizard.pool_name");
  option("Deletion protection###wizard.deletion_protection", &c.deletion_protection,
         c.deletion_protection ? "On: DeleteUserPool is refused until it is turned off."
                               : "Off: the pool can be deleted (the console turns this on by default).");
  end_card();
  ImGui::Spacing();
  begin_card(card_width());
  section(ctx_, "Hosted authentication pages", "Cognito's own sign-in pages for OAuth 2.0 sign-in.");
  option("Use the Cognito Hosted UI###wizard.hosted_ui", &c.hosted_ui, nullptr);
  if (!c.hosted_ui && !configured_providers(c).empty())
    help_text("Federated sign-in goes through the hosted UI: without it, the app client offers only the user pool's own "
              "sign-in, and the providers wait unused.");
  if (c.hosted_ui) {
    ImGui::TextUnformatted("Domain type");
    choice("Use a Cognito domain###wizard.domain_type.cognito", &c.domain_type, D::kCognito,
           "A prefix of yours under Cognito's own domain, ready at once.");
    choice("Use a custom domain###wizard.domain_type.custom", &c.domain_type, D::kCustom,
           "A domain you own, with its certificate from AWS Certificate Manager (simulated here: no DNS is involved).");
    if (c.domain_type == D::kCognito) {
      text_field("Cognito domain prefix###wizard.domain", &c.domain_prefix, ems(16), "my-app");
      ImGui::SameLine();
      ImGui::TextDisabled(".auth.us-east-1.amazoncognito.com");
      field_error("wizard.domain");
    } else {
      text_field("Custom domain###wizard.custom_domain", &c.custom_domain, ems(18), "auth.example.com");
      field_error("wizard.custom_domain");
      text_field("ACM certificate ARN###wizard.certificate", &c.certificate_arn, ems(26),
                 "arn:aws:acm:us-east-1:111122223333:certificate/...");
      field_error("wizard.certificate");
      help_text("The certificate must be in us-east-1, whatever the pool's Region: CloudFront serves the domain.");
    }
  }
  end_card();
  ImGui::Spacing();
  begin_card(card_width());
  section(ctx_, "Initial app client", "The app that calls the user pool: it gets an ID, and a secret if it can keep one.");
  if (choice("Public client###wizard.app_type.public", &c.app_type, A::kPublic,
             "A browser or mobile app: it cannot keep a secret."))
    c.generate_secret = false;
  if (choice("Confidential client###wizard.app_type.confidential", &c.app_type, A::kConfidential,
             "A server-side app: it keeps a client secret."))
    c.generate_secret = true;
  choice("Other###wizard.app_type.other", &c.app_type, A::kOther, nullptr);
  text_field("App client name###wizard.client_name", &c.client_name, ems(22), "MyAppClient");
  field_error("wizard.client_name");
  if (ImGui::RadioButton("Generate a client secret###wizard.secret.generate", c.generate_secret)) c.generate_secret = true;
  ImGui::SameLine();
  if (ImGui::RadioButton("Don't generate a client secret###wizard.secret.none", !c.generate_secret)) c.generate_secret = false;
  if (c.hosted_ui) {
    ImGui::TextUnformatted("Allowed callback URLs");
    url_list("callback", &c.callback_urls, &new_callback_url_, "https://example.com/callback");
    field_error("wizard.callback_urls");
  }
  end_card();
  ImGui::Spacing();
  begin_card(card_width());
  section(ctx_, "Advanced app client settings", nullptr);
  ImGui::TextUnformatted("Authentication flows");
  for (const char* flow : {"ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_PASSWORD_AUTH",
                           "ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_CUSTOM_AUTH"}) {
    list_checkbox(std::string(flow) + "###wizard.flow." + flow, c.auth_flows, flow);
  }
  help_text("SRP proves the password without sending it; USER_PASSWORD_AUTH sends it (over TLS); refresh keeps users "
            "signed in.");
  field_error("wizard.auth_flows");
  int_field("Authentication flow session duration (minutes)###wizard.auth_session", &c.auth_session_minutes, 3, 15);
  field_error("wizard.auth_session");
  lifetime_field("Refresh token expiration", "refresh_token", &c.refresh_token_validity, &c.refresh_token_unit);
  help_text("60 minutes to 3,650 days: how long a user stays signed in without typing the password again.");
  field_error("wizard.refresh_token");
  lifetime_field("Access token expiration", "access_token", &c.access_token_validity, &c.access_token_unit);
  field_error("wizard.access_token");
  lifetime_field("ID token expiration", "id_token", &c.id_token_validity, &c.id_token_unit);
  help_text("5 minutes to 1 day each.");
  field_error("wizard.id_token");
  option("Enable token revocation###wizard.token_revocation", &c.token_revocation,
         "Refresh tokens can be revoked, and with them the tokens they issued.");
  option("Prevent user existence errors###wizard.prevent_user_existence_errors", &c.prevent_user_existence_errors,
         "Sign-in errors do not reveal whether a user exists.");
  if (c.hosted_ui) draw_oauth_settings();
  end_card();
  ImGui::Spacing();
  draw_attribute_permissions();
}

void WizardPanel::lifetime_field(const char* label, const char* id, int* value, std::string* unit) {
  const std::string widget = std::string("wizard.") + id;
  const std::string value_label = "###" + widget;
  const ErrorOutline outline(invalid(value_label.c_str()));
  ImGui::SetNextItemWidth(ems(6));
  if (ImGui::InputInt(value_label.c_str(), value, 0, 0)) *value = std::clamp(*value, 0, 1000000);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ems(7));
  const std::string unit_label = "###" + widget + ".unit";
  name_item(ImGui::GetID(unit_label.c_str()), unit_label.c_str());
  if (ImGui::BeginCombo(unit_label.c_str(), unit->c_str())) {
    for (const char* u : {"minutes", "hours", "days"})
      if (ImGui::Selectable((std::string(u) + "###" + widget + ".unit." + u).c_str(), *unit == u)) *unit = u;
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  ImGui::TextUnformatted(label);
}

void WizardPanel::url_list(const char* id, std::vector<std::string>* urls, std::string* new_url, const char* hint) {
  const std::string prefix = std::string("wizard.") + id;
  for (std::size_t i = 0; i < urls->size(); ++i) {
    ImGui::BulletText("%s", (*urls)[i].c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton(("Remove###" + prefix + ".remove." + std::to_string(i)).c_str())) {
      urls->erase(urls->begin() + static_cast<std::ptrdiff_t>(i));
      break;
    }
  }
  text_field(("###" + prefix + "_url").c_str(), new_url, ems(22), hint);
  ImGui::SameLine();
  if (ImGui::Button(("Add URL###" + prefix + ".add").c_str()) && !new_url->empty()) {
    urls->push_back(*new_url);
    new_url->clear();
  }
}

void WizardPanel::draw_oauth_settings() {
  WizardChoices& c = choices_;
  const auto tick = [](std::vector<std::string>& list, const char* value, const std::string& label) { list_checkbox(label, list, value); };
  card_separator();
  ImGui::TextUnformatted("Allowed sign-out URLs - optional");
  url_list("sign_out", &c.sign_out_urls, &new_sign_out_url_, "https://example.com/signed-out");
  help_text("Where /logout may send the browser after signing out (its logout_uri).");
  field_error("wizard.sign_out_urls");
  ImGui::Spacing();
  ImGui::TextUnformatted("Identity providers");
  tick(c.identity_providers, "COGNITO", "Cognito user pool###wizard.idp.COGNITO");
  const auto configured = configured_providers(c);
  for (const IdentityProviderChoice* p : configured) {
    const std::string name = provider_name(*p);
    list_checkbox(name + "###wizard.idp." + name, c.identity_providers, name);
  }
  if (configured.empty())
    help_text("Users of this pool sign in with their password. Federated providers come from step 1 (Federated identity "
              "providers), or once the pool has them.");
  else
    help_text("Cognito user pool: users of this pool sign in with their password. Each provider is a button on the hosted "
              "sign-in page.");
  field_error("wizard.idp");
  ImGui::Spacing();
  ImGui::TextUnformatted("OAuth 2.0 grant types");
  tick(c.oauth_flows, "code", "Authorization code grant###wizard.grant.code");
  help_text("The browser brings back a code; your app exchanges it (with PKCE) for tokens. The one to use.");
  tick(c.oauth_flows, "implicit", "Implicit grant###wizard.grant.implicit");
  help_text("Tokens come straight back in the URL's fragment: older single-page apps.");
  if (c.generate_secret) {
    tick(c.oauth_flows, "client_credentials", "Client credentials###wizard.grant.client_credentials");
    help_text("A machine signs in as itself with the client secret: no user, custom scopes only.");
  }
  field_error("wizard.grant");
  ImGui::Spacing();
  ImGui::TextUnformatted("OpenID Connect scopes");
  for (const auto& [scope, label] : {std::pair<const char*, const char*>{"openid", "OpenID"}, {"email", "Email"},
                                     {"phone", "Phone"}, {"profile", "Profile"},
                                     {"aws.cognito.signin.user.admin", "aws.cognito.signin.user.admin"}})
    tick(c.oauth_scopes, scope, std::string(label) + "###wizard.scope." + scope);
  help_text("What the tokens may be used for: openid gives an ID token; email, phone and profile put those attributes "
            "in it; aws.cognito.signin.user.admin lets the access token call the user's own operations (GetUser).");
  field_error("wizard.scopes");
  ImGui::TextDisabled("Custom scopes: none yet. They come from a resource server, added once the pool exists (App integration).");
}

void WizardPanel::draw_attribute_permissions() {
  WizardChoices& c = choices_;
  begin_card(card_width());
  section(ctx_, "Attribute read and write permissions",
          "What this app client may read (in the ID token and GetUser) and write (at sign-up and UpdateUserAttributes). "
          "Every box starts ticked.");
  // As wide as the card (ImGui would make it as wide as the window).
  if (ImGui::BeginTable("###wizard.permissions", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp,
                        ImVec2(width_left(), 0))) {
    ImGui::TableSetupColumn("Attribute", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("Read", ImGuiTableColumnFlags_WidthFixed, ems(4));
    ImGui::TableSetupColumn("Write", ImGuiTableColumnFlags_WidthFixed, ems(4));
    ImGui::TableHeadersRow();
    const auto box = [](std::vector<std::string>& unticked, const std::string& name, const char* column) {
      list_checkbox("###wizard.permissions." + std::string(column) + "." + name, unticked, name, false);
    };
    for (const std::string& name : permission_attributes(c)) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(name.c_str());
      ImGui::TableNextColumn();
      box(c.unreadable_attributes, name, "read");
      ImGui::TableNextColumn();
      if (writable_by_clients(name))  // no Write box where only Cognito writes
        box(c.unwritable_attributes, name, "write");
      else
        ImGui::TextDisabled("-");
    }
    ImGui::EndTable();
  }
  help_text("email_verified and phone_number_verified are set by Cognito when a code is confirmed: no app client writes them.");
  field_error("wizard.permissions");
  end_card();
}

void WizardPanel::draw_review() {
  const WizardChoices& c = choices_;
  const std::string account = ctx_.api.facts().account_id;
  struct Line {
    std::string label;
    std::string value;
  };
  const auto group = [&](WizardPage page, const std::vector<Line>& lines) {
    begin_card(card_width());
    heading(ctx_, wizard_page_title(page));
    ImGui::SameLine(card_width() - ems(5));
    // Named by the step number shown, as the steps on the left are.
    if (ImGui::SmallButton(("Edit###wizard.edit." + std::to_string(wizard_step_number(c, page))).c_str())) page_ = page;
    card_separator();
    for (const auto& l : lines) {
      ImGui::TextDisabled("%s", l.label.c_str());
      ImGui::SameLine(ems(15));
      ImGui::TextWrapped("%s", l.value.c_str());
    }
    end_card();
    ImGui::Spacing();
  };
  std::string sign_in;
  for (const auto& [on, name] : {std::pair{c.sign_in_username, "User name"}, std::pair{c.sign_in_email, "Email"},
                                 std::pair{c.sign_in_phone, "Phone number"}})
    if (on) sign_in += (sign_in.empty() ? "" : ", ") + std::string(name);
  std::string federated;
  for (const auto& p : c.federation)
    if (p.selected) federated += (federated.empty() ? "" : ", ") + std::string(provider_label(p.type));
  std::vector<Line> sign_in_lines = {{"Sign-in options", sign_in}, {"Preferred user name", yes_no(c.preferred_username)},
                                     {"Case sensitive", yes_no(c.case_sensitive)}};
  if (c.federated_providers) sign_in_lines.insert(sign_in_lines.begin(), {"Federated sign-in", federated.empty() ? "None" : federated});
  group(WizardPage::kSignIn, sign_in_lines);
  const char* mfa = c.mfa == WizardChoices::Mfa::kRequired ? "Required" : c.mfa == WizardChoices::Mfa::kOptional ? "Optional" : "No MFA";
  group(WizardPage::kSecurity, {{"Password policy", c.custom_password_policy ? "Custom, minimum " + std::to_string(c.minimum_length) : "Cognito defaults"},
            {"MFA", mfa},
            {"Self-service recovery", yes_no(c.self_service_recovery)}});
  std::string required;
  for (const auto& a : c.required_attributes) required += (required.empty() ? "" : ", ") + a;
  group(WizardPage::kSignUp, {{"Self-registration", yes_no(c.self_registration)},
            {"Cognito-assisted verification", yes_no(c.cognito_assisted_verification)},
            {"Required attributes", required.empty() ? "None" : required},
            {"Custom attributes", std::to_string(c.custom_attributes.size())}});
  const std::string cognito_from = c.cognito_default_from ? "no-reply@verificationemail.com" : c.from_email;
  group(WizardPage::kMessages, {{"Email", c.email_with_ses ? "Amazon SES, from " + c.from_email : "Cognito, from " + cognito_from},
            {"SMS", c.uses_sms() ? "IAM role " + (c.sms_new_role ? c.sms_role_name : c.sms_existing_role_arn) : "Not used"}});
  std::string grants;
  for (const auto& f : c.oauth_flows) grants += (grants.empty() ? "" : ", ") + f;
  const std::string domain = c.domain_type == WizardChoices::DomainType::kCustom ? c.custom_domain + " (custom)" : c.domain_prefix;
  if (c.federated_providers) {
    std::vector<Line> providers;
    for (const IdentityProviderChoice* p : configured_providers(c)) {
      std::string mapping;
      for (const auto& m : p->mapping)
        mapping += (mapping.empty() ? "" : ", ") + m.user_pool_attribute + " ← " + m.provider_attribute;
      providers.push_back({provider_name(*p), "Type " + p->type + "; " + (mapping.empty() ? "no attributes mapped" : mapping)});
    }
    if (c.federation_skipped) providers.push_back({"Skipped for now", "No identity provider is created."});
    group(WizardPage::kFederation, providers);
  }
  std::string app_providers;
  for (const auto& name : create_client_request(c, "")["SupportedIdentityProviders"])
    app_providers += (app_providers.empty() ? "" : ", ") + name.get<std::string>();
  group(WizardPage::kApp, {{"User pool name", c.pool_name},
            {"Hosted UI", c.hosted_ui ? "Yes, " + domain + "; grants: " + grants : "No"},
            {"Identity providers", app_providers},
            {"App client", c.client_name + (c.generate_secret ? " (with a secret)" : " (public)")},
            {"Token lifetimes", "refresh " + std::to_string(c.refresh_token_validity) + " " + c.refresh_token_unit + ", access " +
                                    std::to_string(c.access_token_validity) + " " + c.access_token_unit + ", ID " +
                                    std::to_string(c.id_token_validity) + " " + c.id_token_unit},
            {"Attribute permissions", c.unreadable_attributes.empty() && c.unwritable_attributes.empty()
                                          ? "All attributes, read and write"
                                          : std::to_string(c.unreadable_attributes.size()) + " not readable, " +
                                                std::to_string(c.unwritable_attributes.size()) + " not writable"}});

  for (const auto& e : validate_page(c, WizardPage::kReview)) error_text(e.message);
  begin_card(card_width());
  heading(ctx_, "The requests");
  help_text("What the console sends, in order. Each is what `aws cognito-idp <operation> --cli-input-json` takes.");
  card_separator();
  const auto request = [&](const char* op, const char* id, const Json& body) {
    if (body.is_null()) return;
    ImGui::TextUnformatted(op);
    ImGui::SameLine();
    if (ImGui::SmallButton((std::string("Copy###") + id + ".copy").c_str())) ctx_.copy(body.dump(2), std::string(op) + " request");
    json_view(ctx_, (std::string("###") + id).c_str(), body, ems(10));
  };
  const std::string pool_placeholder = "<the new pool's ID>";
  request("CreateUserPool", "wizard.request.pool", create_user_pool_request(c, account));
  request("SetUserPoolMfaConfig", "wizard.request.mfa", set_mfa_config_request(c, pool_placeholder, account));
  request("CreateUserPoolDomain", "wizard.request.domain", create_domain_request(c, pool_placeholder));
  const std::vector<Json> providers = create_identity_provider_requests(c, pool_placeholder);
  for (std::size_t i = 0; i < providers.size(); ++i)
    request("CreateIdentityProvider", ("wizard.request.idp." + std::to_string(i)).c_str(), providers[i]);
  request("CreateUserPoolClient", "wizard.request.client", create_client_request(c, pool_placeholder));
  end_card();
  if (!create_error_.empty()) error_text(create_error_);
}

void WizardPanel::draw_buttons() {
  if (ImGui::Button("Cancel###wizard.cancel")) {
    discard_draft();
    reset();
    ctx_.open(View::kWelcome);
    return;
  }
  const std::vector<WizardPage> pages = wizard_pages(choices_);
  const auto index = static_cast<std::size_t>(step() - 1);
  if (index > 0) {
    ImGui::SameLine();
    if (ImGui::Button("Previous###wizard.previous")) {
      page_ = pages[index - 1];
      errors_.clear();
    }
  }
  ImGui::SameLine();
  if (page_ != WizardPage::kReview) {
    if (page_ == WizardPage::kFederation) {
      // The console's way on without providers: the choices stay, nothing is created.
      if (ImGui::Button("Skip for now###wizard.federation.skip")) {
        choices_.federation_skipped = true;
        errors_.clear();
        page_ = pages[index + 1];
        return;
      }
      ImGui::SameLine();
    }
    if (primary_button("Next###wizard.next") && may_go_on()) page_ = pages[index + 1];
    if (!errors_.empty()) {
      ImGui::SameLine();
      error_text("Fix the fields marked above to go on.");
    }
  } else if (primary_button("Create user pool###wizard.create")) {
    errors_ = validate_page(choices_, WizardPage::kReview);
    if (errors_.empty()) creating_frames_ = 1;  // drawn as "Creating..." first, done next frame
  }
}

void WizardPanel::create_pool() {
  // This frame shows the notice; the next one does the work (key generation
  // takes a couple of seconds in the browser).
  if (creating_frames_++ == 1) {
    heading(ctx_, "Creating the user pool...");
    help_text("Making its RSA signing keys. This takes a couple of seconds in the browser.");
    return;
  }
  creating_frames_ = 0;
  create_error_.clear();
  const std::string account = ctx_.api.facts().account_id;
  const auto fail_with = [&](const char* op, const Response& r) {
    create_error_ = std::string(op) + " failed: " + r.body.value("__type", "") + ": " + r.body.value("message", "");
  };
  const Response pool = ctx_.api.call("CreateUserPool", create_user_pool_request(choices_, account));
  if (pool.status != 200) return fail_with("CreateUserPool", pool);
  const std::string pool_id = pool.body["UserPool"]["Id"].get<std::string>();
  Json mfa = set_mfa_config_request(choices_, pool_id, account);
  if (!mfa.is_null()) {
    const Response r = ctx_.api.call("SetUserPoolMfaConfig", mfa);
    if (r.status != 200) return fail_with("SetUserPoolMfaConfig", r);
  }
  const Json domain = create_domain_request(choices_, pool_id);
  if (!domain.is_null()) {
    const Response r = ctx_.api.call("CreateUserPoolDomain", domain);
    if (r.status != 200) return fail_with("CreateUserPoolDomain", r);
  }
  // The providers before the client, which names them.
  for (const Json& provider : create_identity_provider_requests(choices_, pool_id)) {
    const Response r = ctx_.api.call("CreateIdentityProvider", provider);
    if (r.status != 200) return fail_with("CreateIdentityProvider", r);
  }
  const Response client = ctx_.api.call("CreateUserPoolClient", create_client_request(choices_, pool_id));
  if (client.status != 200) return fail_with("CreateUserPoolClient", client);
  ctx_.notify("User pool " + choices_.pool_name + " created: " + pool_id);
  ctx_.session = AppSession{};
  ctx_.session.pool_id = pool_id;
  ctx_.session.client_id = client.body["UserPoolClient"]["ClientId"].get<std::string>();
  ctx_.session.client_secret = client.body["UserPoolClient"].value("ClientSecret", "");
  discard_draft();
  reset();
  ctx_.open_pool(pool_id);
}

std::optional<WizardPage> wizard_page_of(std::string_view widget) {
  if (!widget.starts_with("wizard.")) return std::nullopt;
  const std::string_view name = widget.substr(7);
  using P = WizardPage;
  // Each page's widget names, or the start of them.
  static const std::vector<std::pair<P, std::vector<std::string_view>>> kPages = {
      {P::kSignIn, {"provider.", "sign_in.", "preferred_username", "case_sensitive"}},
      {P::kSecurity, {"password.", "minimum_length", "require_", "temporary_password_days", "mfa.", "recovery."}},
      {P::kSignUp, {"self_registration", "assisted_verification", "verify.", "keep_original", "required.", "custom."}},
      {P::kMessages, {"email.", "ses_region", "from_email", "from_name", "configuration_set", "reply_to", "sms.", "sms_role_",
                      "sns_region"}},
      {P::kFederation, {"federation."}},
      {P::kApp, {"pool_name", "deletion_protection", "hosted_ui", "domain", "custom_domain", "certificate", "app_type.",
                 "client_name", "secret.", "callback", "sign_out", "idp.", "grant", "scope", "flow.", "auth_session",
                 "refresh_token", "access_token", "id_token", "token_revocation", "prevent_user_existence_errors",
                 "permissions"}},
      {P::kReview, {"create", "edit."}},
  };
  for (const auto& page : kPages)
    for (std::string_view start : page.second)
      if (name.starts_with(start)) return page.first;
  return std::nullopt;
}

int wizard_step_of(std::string_view widget, const WizardChoices& choices) {
  const auto page = wizard_page_of(widget);
  return page ? wizard_step_number(choices, *page) : 0;
}

int wizard_step_of(std::string_view widget) { return wizard_step_of(widget, WizardChoices{}); }

void WizardPanel::show_step_of(std::string_view widget) {
  // Applied in draw(), after a kept draft (which brings its own page) is loaded.
  if (const auto page = wizard_page_of(widget)) show_page_ = page;
}

}  // namespace userpool::web
