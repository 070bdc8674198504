// The token inspector: the session's ID and access tokens side by side, or
// any pasted token; the compact token coloured by part, header and payload
// as tables with each claim explained, times against the virtual clock, the
// signature and claims checked against a JWKS as aws-jwt-verify does, and an
// edit mode in which a changed claim visibly breaks the signature.
//
// A session signed in through an identity provider also shows what the
// provider sent Cognito (web/tokens/federation_card.h).
//
// Sections of the .cpp: controls (source, keys, edit mode), one token's
// card, its tables, key sets and what the app expects, small drawing helpers.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "web/tokens/federation_card.h"
#include "web/tokens/inspected_token.h"
#include "web/shell/ui_context.h"

namespace userpool::web {

class TokenInspectorPanel {
 public:
  explicit TokenInspectorPanel(UiContext& ctx) : ctx_(ctx), federation_(ctx) {}
  void draw();

 private:
  enum class Source { kSession, kPasted };
  enum class KeySource { kPool, kPasted };
  // The tokens on show; each keeps its own edits and verification.
  enum Slot { kIdSlot, kAccessSlot, kPastedSlot, kSlotCount };

  // A key set as fetched or parsed, kept until its source changes.
  struct KeySet {
    std::string name;   // for the cache of verifications: changes when the keys do
    Jwks jwks;
    std::string error;  // why there are no keys (unknown pool, a JWKS that does not parse)
  };
  // What a token is checked against, and how to say so.
  struct Verifier {
    VerifyContext context;
    std::string pool_id;
    const KeySet* keys = nullptr;
  };

  void draw_controls();
  void draw_edit_bar();
  void draw_session();
  void draw_pasted();
  void draw_token(Slot slot, const char* title, float width);
  void draw_verdict(Slot slot, const JwtVerification& v, const Verifier& checker, float width);
  void draw_checks(const JwtVerification& v, float width);
  void draw_header_table(const DecodedJwt& jwt, float width);
  void draw_payload_table(Slot slot, float width);
  void draw_claim_value(Slot slot, const std::string& name, const Json& value, bool editable);
  void draw_opaque_note(const std::string& token);

  Verifier verifier(Slot slot, const InspectedToken& token);
  const KeySet& pool_keys(const std::string& pool_id);
  const KeySet& pasted_keys();
  const std::vector<std::string>& pool_clients(const std::string& pool_id);
  void forget_when_sandbox_changed();

  UiContext& ctx_;
  Source source_ = Source::kSession;
  KeySource key_source_ = KeySource::kPool;
  std::string paste_text_, jwks_text_;
  int grace_seconds_ = 0;  // clock skew allowed on exp and nbf (aws-jwt-verify's graceSeconds)
  bool editing_ = false;
  Slot edit_slot_ = kIdSlot;  // which session token edit mode changes
  InspectedToken tokens_[kSlotCount];
  Timestamp now_{};  // the virtual clock, read once per frame

  // Read from the engine, kept until the sandbox changes (API revision).
  std::uint64_t cache_revision_ = ~0ull;
  std::map<std::string, KeySet> pool_keys_;                     // by user pool ID
  std::map<std::string, std::vector<std::string>> pool_clients_;  // by user pool ID
  KeySet pasted_keys_;
  // What the identity provider sent, when the session's user signed in through one.
  FederationCard federation_;
};

}  // namespace userpool::web
