// The token inspector's card for a federated sign-in: what the identity
// provider sent Cognito (Google's ID token and People API answer, Facebook's
// Graph API answer, a SAML Response as posted) and what Cognito made of it,
// claim by claim: the attribute each mapped to, the provider's ID for the
// user that named the user, and Cognito's steps. Most of it happened on the
// back channel, which no browser sees; the engine keeps it with the event
// of the sign-in (Event::federation, read with Sandbox.ListEvents).
#pragma once

#include <cstdint>
#include <string>

#include "core/base/json.h"
#include "web/shell/ui_context.h"

namespace userpool::web {

class FederationCard {
 public:
  explicit FederationCard(UiContext& ctx) : ctx_(ctx) {}
  // The card for the latest federated sign-in of `username` in the pool,
  // `width` wide; nothing when the pool has no record of one.
  void draw(const std::string& pool_id, const std::string& username, float width);

 private:
  void refresh(const std::string& pool_id, const std::string& username);
  void draw_received(const Json& message, int index, float width);
  void draw_claims(float width);

  UiContext& ctx_;
  // The sign-in's event (its "Federation" record and "Rules"), read again
  // when the sandbox or the user changes.
  std::uint64_t revision_ = ~0ull;
  std::string key_;  // pool and user the event was looked up for
  Json event_;
  // Each SAML Response laid out for reading, by its place in "Received".
  std::vector<std::string> shown_xml_;
};

}  // namespace userpool::web
