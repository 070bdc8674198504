#include "web/tokens/inspected_token.h"

#include "core/tokens/token_inspection.h"

namespace userpool::web {

void InspectedToken::set(std::string_view text) {
  const std::string_view token = trim_token(text);
  if (token == original_) return;
  original_ = std::string(token);
  current_ = original_;
  decoded_.reset();
  problem_.reset();
  verified_key_.clear();
  if (!original_.empty()) {
    if (auto d = decode_jwt(original_))
      decoded_ = std::move(*d);
    else
      problem_ = std::move(d.error());
  }
  reset_edits();
}

void InspectedToken::reset_edits() {
  payload_ = decoded_ ? decoded_->payload : Json::object();
  edit_texts_.clear();
  edit_errors_.clear();
  for (const auto& [name, value] : payload_.items()) edit_texts_[name] = claim_as_text(value);
}

bool InspectedToken::claim_edited(const std::string& claim) const {
  if (!decoded_) return false;
  const auto before = decoded_->payload.find(claim);
  const auto now = payload_.find(claim);
  if (before == decoded_->payload.end() || now == payload_.end()) return false;
  return *before != *now;
}

std::string* InspectedToken::edit_text(const std::string& claim) {
  const auto it = edit_texts_.find(claim);
  return it == edit_texts_.end() ? nullptr : &it->second;
}

void InspectedToken::commit_edit(const std::string& claim) {
  if (!decoded_ || !payload_.contains(claim) || !edit_texts_.contains(claim)) return;
  auto value = claim_from_text(decoded_->payload[claim], edit_texts_[claim]);
  if (!value) {
    edit_errors_[claim] = value.error();
    return;
  }
  edit_errors_.erase(claim);
  payload_[claim] = std::move(*value);
  current_ = with_payload(*decoded_, payload_);
}

const std::string* InspectedToken::edit_error(const std::string& claim) const {
  const auto it = edit_errors_.find(claim);
  return it == edit_errors_.end() ? nullptr : &it->second;
}

void InspectedToken::restore() {
  current_ = original_;
  reset_edits();
}

const JwtVerification& InspectedToken::verify(const VerifyContext& with, Timestamp now) {
  static const Jwks kNoKeys;
  // Everything the outcome depends on, the clock to the second (the finest
  // step of exp and nbf).
  std::string key = current_;
  for (const std::string& part :
       {with.jwks_key, with.expect.issuer, with.expect.token_use.value_or("*"),
        std::to_string(with.expect.grace.count()), std::to_string(to_epoch_whole_seconds(now))})
    key += '\n' + part;
  for (const auto& client : with.expect.client_ids) key += '\n' + client;
  if (key != verified_key_) {
    verification_ = verify_jwt(current_, with.jwks != nullptr ? *with.jwks : kNoKeys, with.expect, now);
    verified_key_ = std::move(key);
  }
  return verification_;
}

std::string verdict_text(const JwtVerification& v) {
  if (v.valid())
    return "Verified: the signature matches the user pool's key and every claim is as the app expects.";
  const JwtCheckOutcome* f = v.first_failure();
  if (f == nullptr) return "Not verified.";
  return "Not valid (" + std::string(jwt_check_name(f->check)) + "): " + f->detail;
}

std::string verification_report(const JwtVerification& v) {
  std::string out = verdict_text(v);
  for (const auto& c : v.checks) {
    const char* status = c.status == CheckStatus::kPassed ? "passed" : c.status == CheckStatus::kFailed ? "FAILED" : "skipped";
    out += "\n" + std::string(status) + "  " + std::string(jwt_check_name(c.check)) + ": " + c.detail;
  }
  return out;
}

}  // namespace userpool::web
