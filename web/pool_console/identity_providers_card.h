// The pool console's identity providers (the console's "Sign-in" tab,
// "Federated identity provider sign-in"): the pool's providers, and a form
// to add Google, Facebook, Login with Amazon or an OpenID Connect provider
// with the app ID and secret the provider gave. Sign-in through them comes
// with federation on the hosted pages.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/base/json.h"
#include "web/shell/ui_context.h"

namespace userpool::web {

class IdentityProvidersCard {
 public:
  explicit IdentityProvidersCard(UiContext& ctx) : ctx_(ctx) {}
  // Draws the card for the pool, reading its providers when the sandbox changed.
  void draw(const std::string& pool_id);

 private:
  void refresh(const std::string& pool_id);
  void add_provider();

  UiContext& ctx_;
  std::string pool_id_;
  std::uint64_t revision_ = ~0ull;
  std::vector<Json> providers_;  // ListIdentityProviders' Providers
  std::string type_ = "Google";
  std::string name_;  // an OIDC provider's own name
  std::string client_id_, client_secret_, scopes_ = "openid email profile", issuer_;
  std::string error_;
};

}  // namespace userpool::web
