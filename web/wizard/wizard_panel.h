// The "Create user pool" wizard, drawn: the console's six steps (seven with
// federated identity providers) with every choice, its default, a line on
// what it does, inline validation and a lock on settings that cannot change
// later; the review page with the exact requests; and creating the pool
// through the API.
#pragma once

#include <cstdint>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "web/shell/ui_context.h"
#include "web/wizard/wizard_model.h"

namespace userpool::web {

class WizardPanel {
 public:
  explicit WizardPanel(UiContext& ctx);

  void draw();
  // Turns to the page that holds a widget, for a lesson's "Show me".
  void show_step_of(std::string_view widget);
  // Opens the wizard: the unfinished form kept in the sandbox if there is
  // one (after a reload, or filled in by a lesson), else the console's defaults.
  void open();
  // Starts over with the console's defaults.
  void reset();

  // The step shown, as numbered on screen (Integrate your app is 5, or 6
  // with federation).
  int step() const { return wizard_step_number(choices_, page_); }
  WizardPage page() const { return page_; }
  const WizardChoices& choices() const { return choices_; }

 private:
  // Whether the wizard may leave the page forwards (Next, or a later step
  // in the list): the page's errors are kept to be drawn.
  bool may_go_on();
  void draw_steps_list();
  void draw_step_1();
  void draw_step_2();
  void draw_step_3();
  void draw_step_4();
  void draw_federation();
  void draw_provider(IdentityProviderChoice& p);
  // "Map attributes between your user pool and the provider": one row per
  // AttributeMapping entry.
  void draw_mapping(IdentityProviderChoice& p, const std::string& prefix);
  void draw_step_5();
  void draw_review();
  void draw_buttons();
  void create_pool();
  // Keeps the form and the sandbox's draft (Sandbox.*WizardDraft) in step:
  // a draft changed through the API is loaded, an edit here is saved.
  void sync_draft();
  void discard_draft();
  // The error for a field on the current step, drawn under it; the first
  // one is scrolled into sight after a refused Next.
  void field_error(const char* field);
  // Fields outlined in red while the last attempt to go on found them wrong.
  // A width of 0 is the usual width for the kind of field.
  void text_field(const char* label, std::string* value, float width = 0, const char* hint = nullptr);
  // A field for pasted text of several lines (a private key, a metadata document).
  void text_area(const char* label, std::string* value, float lines);
  void int_field(const char* label, int* value, int min, int max);
  // A number and its unit (minutes, hours, days), as the console asks for
  // token lifetimes. `id` is the widget name without "wizard.".
  void lifetime_field(const char* label, const char* id, int* value, std::string* unit);
  // A list of URLs with Remove buttons and a field to add one.
  void url_list(const char* id, std::vector<std::string>* urls, std::string* new_url, const char* hint);
  void draw_oauth_settings();
  void draw_attribute_permissions();
  bool invalid(const char* label) const;

  UiContext& ctx_;
  WizardChoices choices_;
  WizardPage page_ = WizardPage::kSignIn;
  std::optional<WizardPage> show_page_;  // a page "Show me" asked for
  std::vector<FieldError> errors_;  // of the last attempt to leave the step
  bool scroll_to_error_ = false;    // set by a refused Next, until the first error is drawn
  int creating_frames_ = 0;  // >0: "Creating..." is on screen; the work runs on the next frame
  std::string create_error_;
  Json saved_draft_;  // the draft as last saved or loaded
  std::uint64_t draft_revision_ = ~0ull;
  std::string new_callback_url_;
  std::string new_sign_out_url_;
  // The providers configured when last drawn: one that appears is ticked
  // on the app client (tick_new_providers).
  std::vector<std::string> configured_names_;
};

// The wizard page that holds a widget ("wizard.mfa.off" is on Configure
// security requirements), or nullopt for the widgets on every page (Next,
// Cancel) and unknown names.
std::optional<WizardPage> wizard_page_of(std::string_view widget);
// The same as the step number the wizard shows for `choices` (2 for
// "wizard.mfa.off"; 6 for "wizard.pool_name" with federation, else 5), or 0
// (also for a page these choices do not have).
int wizard_step_of(std::string_view widget, const WizardChoices& choices);
// As numbered without federation.
int wizard_step_of(std::string_view widget);

}  // namespace userpool::web
