// The pool console's identity providers (the console's "Sign-in" tab,
// "Federated identity provider sign-in"): the pool's providers with their
// attribute mapping, and a form to add Google, Facebook, Login with Amazon,
// Sign in with Apple or an OpenID Connect provider (with what the provider
// gave: an app ID and secret, or Apple's team ID, key ID and private key),
// or a SAML provider (its metadata URL or document; the sandbox's simulated
// SAML providers publish theirs at https://<any host>/saml/metadata). For
// SAML it shows what the provider needs of the pool: its entity ID and ACS URL.
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
  std::vector<Json> providers_;  // each provider as DescribeIdentityProvider describes it
  std::string acs_url_;          // https://<the pool's domain>/saml2/idpresponse, empty without a domain
  std::string type_ = "Google";
  std::string name_;  // an OIDC provider's own name
  std::string client_id_, client_secret_, scopes_ = "openid email profile", issuer_;
  std::string team_id_, key_id_, private_key_;                                   // Sign in with Apple
  std::string metadata_url_ = "https://idp.example.com/saml/metadata", metadata_file_;  // SAML
  std::string email_claim_ = "email";                                            // what the pool's email is mapped from
  std::string name_claim_;                                                       // and its name (empty: not mapped)
  std::string error_;
};

}  // namespace userpool::web
