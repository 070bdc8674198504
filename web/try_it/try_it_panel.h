// "Try it": the learner's own app against a user pool, as a hosted sign-in
// page would behave: sign up, confirm, sign in (SRP or password), every
// challenge, forgot and change password, attributes, MFA set-up, refresh and
// sign-out. It keeps the signed-in session in UiContext::session, where the
// token inspector and the saved state read it.
//
// The panel is drawn from three files, by topic:
//   try_it_panel.cpp      choosing the pool and app client, the tabs, sign-up,
//                         confirmation, forgot password, errors
//   try_it_sign_in.cpp    sign-in (SRP and password) and its challenges, the
//                         built-in authenticator
//   try_it_signed_in.cpp  what a signed-in user can do
// with the form pieces in try_it_form.h and the checklist in password_checklist.h.
#pragma once

#include <map>
#include <optional>
#include <functional>
#include <string>
#include <vector>

#include "core/base/clock.h"
#include "core/base/json.h"
#include "core/client/sign_in.h"
#include "web/try_it/password_checklist.h"
#include "web/shell/clock_reader.h"
#include "web/shell/ui_context.h"

namespace userpool::web {

class TryItPanel {
 public:
  // What the panel shows: the three tabs' forms, and the pages they lead to.
  enum class Page {
    kSignUp,
    kConfirm,  // ConfirmSignUp, after SignUp
    kSignIn,
    kChallenge,  // a challenge InitiateAuth or RespondToAuthChallenge returned
    kForgot,     // ForgotPassword, then ConfirmForgotPassword
    kSignedIn,
  };

  explicit TryItPanel(UiContext& ctx) : ctx_(ctx) {}
  void draw();

  Page page() const { return form_.page; }
  // Turns to the form that holds a widget ("tryit.signin.submit" → Sign in),
  // for a lesson's "Show me". Pages that only an answer leads to (a
  // challenge, signed in) are left as they are.
  void show_page_of(const std::string& widget);
  // Makes the app the one of `pool_id` (its first app client), unless it is
  // already: "Show me" for a step about that pool. Changing pool forgets the
  // session, as the pool picker does.
  void use_pool(const std::string& pool_id);
  // Opens the Hosted UI view with this pool and client and starts there: a
  // sign-in through the hosted pages, or (`machine`) a client_credentials
  // token. Set by the app.
  std::function<void(const std::string& pool_id, const std::string& client_id, bool machine)> open_hosted_ui;
  // The last API error, as "__type: message" (empty when the last call worked).
  const std::string& error() const { return form_.error; }
  // The sign-up password against the pool's policy, as the checklist shows it.
  std::vector<PasswordCheck> sign_up_checks() const;

 private:
  // An app client of the chosen pool (ListUserPoolClients).
  struct Choice {
    std::string id, name;
  };
  // An account in the built-in authenticator app: a TOTP secret for a user,
  // kept once AssociateSoftwareToken handed it out (as a phone app keeps it).
  struct AuthenticatorAccount {
    std::string pool_id;
    std::vector<std::string> usernames;  // as typed, and the pool's own username
    std::string secret;
  };

  // --- try_it_panel.cpp
  void refresh();
  void choose(const std::string& pool_id, const std::string& client_id);
  void take_offered_code();
  void draw_pickers();
  void draw_hosted_ui_ways();
  void draw_tabs();
  void draw_sign_up();
  void draw_confirm();
  void draw_forgot();
  void draw_messages();
  // Calls the API; on an error, keeps it for the form to show and returns nothing.
  std::optional<Json> call(const char* operation, const Json& request);
  // SECRET_HASH for `username` when the app client has a secret, else nothing.
  std::optional<std::string> secret_hash_for(const std::string& username) const;
  // The app client the app signs in with: its pool, ID and secret.
  client::AppClientKeys app_keys() const;
  void add_secret_hash(Json& parameters, const char* member, const std::string& username) const;
  PasswordPolicy password_policy() const;
  Timestamp virtual_now();
  void succeed(std::string message);

  // --- try_it_sign_in.cpp
  void draw_sign_in();
  void sign_in();
  void sign_in_with_srp();
  // Goes on from an InitiateAuth or RespondToAuthChallenge answer: tokens,
  // or the next challenge.
  void after_auth(const Json& response);
  void respond(const Json& responses);
  void draw_challenge();
  void draw_new_password_required();
  void draw_mfa_setup();
  void draw_code_challenge();
  void draw_select_mfa_type();
  void associate_during_setup();
  void remember_secret(const std::string& secret);
  const AuthenticatorAccount* authenticator_for(const std::string& username) const;
  // The secret's details and the built-in authenticator with its "Use" button
  // (which fills `code`).
  void draw_totp_secret(const std::string& secret, const std::string& account_name);
  void draw_authenticator(const std::string& secret, std::string* code);

  // --- try_it_signed_in.cpp
  void draw_signed_in();
  void refresh_user();
  void draw_change_password();
  void draw_update_attribute();
  void draw_totp_for_signed_in_user();
  void draw_delete_account();
  void refresh_tokens();
  void global_sign_out();
  void revoke_refresh_token();
  void sign_out(const char* notice);

  UiContext& ctx_;

  // The pools and app clients to choose from, and the chosen ones described,
  // re-read when the sandbox changes (ApiClient::revision).
  std::uint64_t revision_ = ~0ull;
  std::vector<Choice> pools_, clients_;
  Json pool_ = Json::object();        // DescribeUserPool's UserPool
  Json client_ = Json::object();      // DescribeUserPoolClient's UserPoolClient
  Json mfa_config_ = Json::object();  // GetUserPoolMfaConfig's answer

  // The virtual clock, re-read a few times a second for the authenticator.
  ClockReader clock_{0.25};

  // The built-in authenticator app: it lives on the learner's "phone", so it
  // outlasts sessions and the choice of app client.
  std::vector<AuthenticatorAccount> authenticator_;

  // Where the learner is and what they typed: all of it starts over when
  // another pool or app client is chosen.
  struct Forms {
    Page page = Page::kSignUp;
    std::string error;    // "__type: message" of the last failed call
    std::string success;  // what the last call did, in words

    // Sign up and confirm.
    std::string sign_up_username, sign_up_password;
    std::map<std::string, std::string> sign_up_attributes;
    std::string confirm_username, confirm_code;

    // Sign in and challenges.
    std::string sign_in_username, sign_in_password;
    bool use_srp = true;
    std::string challenge_name, challenge_session;
    Json challenge_parameters = Json::object();
    std::string challenge_username;  // USERNAME in the answers: USER_ID_FOR_SRP once known
    std::string challenge_password, challenge_code, mfa_choice;
    std::map<std::string, std::string> challenge_attributes;
    std::string setup_secret;  // MFA_SETUP: the secret AssociateSoftwareToken returned

    // Forgot password.
    std::string forgot_username, forgot_code, forgot_password;
    bool forgot_code_sent = false;

    // Signed in.
    std::uint64_t user_revision = ~0ull;
    std::string user_token;  // the access token `user` was read with
    Json user = Json::object();  // GetUser's answer
    std::string user_error;      // why GetUser failed (an expired or revoked token)
    std::string previous_password, proposed_password;
    std::string attribute_name, attribute_value;
    std::string verify_attribute, verify_code;  // an attribute waiting for its code
    std::string signed_in_secret, signed_in_totp_code;
    bool confirm_delete = false;  // "Delete my account" asked once; the second press deletes
    // Which card of the signed-in page acted last, so its outcome shows
    // under it: "" (the session card), "password", "attribute", "totp" or "delete".
    std::string messages_at;
  };
  Forms form_;
};

}  // namespace userpool::web
