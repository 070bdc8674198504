// The App clients page of the pool console: each client's ID, its secret
// (shown on demand, copyable), authentication flows and token lifetimes;
// creating a client and editing one within Cognito's rules.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "core/base/json.h"
#include "web/shell/ui_context.h"

namespace userpool::web {

class AppClientsPage {
 public:
  explicit AppClientsPage(UiContext& ctx) : ctx_(ctx) {}
  void draw(const Json& pool);

 private:
  // The settings a learner edits, for a new client or an existing one.
  struct Form {
    std::string name;
    bool generate_secret = false;
    std::vector<std::string> flows;
    int access_minutes = 60, id_minutes = 60, refresh_days = 30;
    bool prevent_user_existence_errors = true, token_revocation = true;
    // The hosted UI and OAuth 2.0 (the console's "Login pages" settings).
    bool oauth = false;                      // AllowedOAuthFlowsUserPoolClient
    std::vector<std::string> oauth_flows;    // code, implicit, client_credentials
    std::string scopes;                      // space-separated
    std::string callback_urls, logout_urls;  // one per line
    std::vector<std::string> identity_providers = {"COGNITO"};  // SupportedIdentityProviders
  };

  void refresh(const std::string& pool_id);
  void draw_client(const Json& client);
  void draw_form(bool creating);
  void save(bool creating);
  static Form form_of(const Json& client);

  UiContext& ctx_;
  std::string pool_id_;
  std::uint64_t revision_ = ~0ull;
  std::vector<Json> clients_;  // DescribeUserPoolClient documents
  std::vector<std::string> providers_;  // the pool's identity providers, by ProviderName
  std::set<std::string> secrets_shown_;
  std::string editing_;  // client ID being edited; "new" while creating
  Form form_;
  std::string error_;
};

}  // namespace userpool::web
