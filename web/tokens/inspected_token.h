// One token in the token inspector, without any drawing: the text it was
// given, what that decodes to, the learner's edits to the payload, and the
// last verification. Verifying costs an RSA operation, so the result is kept
// until something it depends on changes (the token, the keys, what the app
// expects, or the virtual clock's second).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/tokens/jwt.h"
#include "core/tokens/jwt_verify.h"

namespace userpool::web {

// What a token is verified against: a key set and an app's expectations.
struct VerifyContext {
  const Jwks* jwks = nullptr;
  std::string jwks_key;  // names the key set's contents: the cache notices when they change
  JwtExpectations expect;
};

class InspectedToken {
 public:
  // Takes a token to inspect (blanks at its ends dropped). A different token
  // drops the edits; the same one keeps them, so this can run every frame.
  void set(std::string_view text);

  bool empty() const { return original_.empty(); }
  const std::string& original() const { return original_; }
  // The token as it stands: the original, or re-assembled around the edited
  // payload with the original signature.
  const std::string& current() const { return current_; }
  // Null when the token does not decode; format_problem() then says why.
  const DecodedJwt* decoded() const { return decoded_ ? &*decoded_ : nullptr; }
  const JwtFormatProblem* format_problem() const { return problem_ ? &*problem_ : nullptr; }

  // The payload with the edits applied (the decoded one until edited).
  const Json& payload() const { return payload_; }
  bool edited() const { return current_ != original_; }
  // Whether this one claim differs from the token as issued.
  bool claim_edited(const std::string& claim) const;

  // The text field of a claim in edit mode.
  std::string* edit_text(const std::string& claim);
  // Applies what was typed into a claim's field to the payload, or keeps the
  // last good value and records why the text is not one.
  void commit_edit(const std::string& claim);
  // Why the claim's field holds no valid value; null when it does.
  const std::string* edit_error(const std::string& claim) const;
  // Back to the token as it was given.
  void restore();

  // The verification of current(), re-run only when its inputs change.
  const JwtVerification& verify(const VerifyContext& with, Timestamp now);

 private:
  void reset_edits();

  std::string original_, current_;
  std::optional<DecodedJwt> decoded_;
  std::optional<JwtFormatProblem> problem_;
  Json payload_ = Json::object();
  std::map<std::string, std::string> edit_texts_, edit_errors_;
  std::string verified_key_;
  JwtVerification verification_;
};

// One line for the learner: "Verified: ..." or "Not valid (signature): ...".
std::string verdict_text(const JwtVerification& v);
// The verdict and every check, one per line, for the clipboard.
std::string verification_report(const JwtVerification& v);

}  // namespace userpool::web
