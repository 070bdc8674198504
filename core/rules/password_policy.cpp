#include "core/rules/password_policy.h"

#include <algorithm>
#include <cctype>

#include "core/api/api_error.h"
#include "core/base/random.h"

namespace userpool {

Json PasswordPolicy::to_json() const {
  Json j = {{"MinimumLength", minimum_length},     {"RequireUppercase", require_uppercase},
            {"RequireLowercase", require_lowercase}, {"RequireNumbers", require_numbers},
            {"RequireSymbols", require_symbols}};
  if (password_history_size > 0) j["PasswordHistorySize"] = password_history_size;
  j["TemporaryPasswordValidityDays"] = temporary_password_validity_days;
  return j;
}

bool is_password_symbol(char c) {
  return c == ' ' || std::string_view("^$*.[]{}()?\"!@#%&/\\,><':;|_~`=+-").find(c) != std::string_view::npos;
}

std::optional<std::string> password_policy_violation(const PasswordPolicy& policy, std::string_view password) {
  // Length counts characters; for the Basic Latin passwords the policy is
  // about, that is bytes.
  if (static_cast<int>(password.size()) < policy.minimum_length) return "Password not long enough";
  const auto has = [&](auto predicate) { return std::any_of(password.begin(), password.end(), predicate); };
  if (policy.require_uppercase && !has([](char c) { return c >= 'A' && c <= 'Z'; }))
    return "Password must have uppercase characters";
  if (policy.require_lowercase && !has([](char c) { return c >= 'a' && c <= 'z'; }))
    return "Password must have lowercase characters";
  if (policy.require_numbers && !has([](char c) { return c >= '0' && c <= '9'; }))
    return "Password must have numeric characters";
  if (policy.require_symbols && !has(is_password_symbol)) return "Password must have symbol characters";
  return std::nullopt;
}

void check_password_policy(const PasswordPolicy& policy, std::string_view password, PolicyWording wording) {
  if (const auto why = password_policy_violation(policy, password)) {
    const char* lead = wording == PolicyWording::kDidNotConformWith ? "Password did not conform with policy: "
                                                                     : "Password does not conform to policy: ";
    fail("InvalidPasswordException", lead + *why, "The password policy requires: " + policy.to_json().dump());
  }
}

std::string generate_temporary_password(const PasswordPolicy& policy, RandomSource& random) {
  // One of each class the policy asks for, then letters and digits up to the
  // length, shuffled so the classes do not sit in fixed places.
  std::string out;
  if (policy.require_uppercase) out += random.string_from("ABCDEFGHJKLMNPQRSTUVWXYZ", 1);
  if (policy.require_lowercase) out += random.string_from("abcdefghijkmnopqrstuvwxyz", 1);
  if (policy.require_numbers) out += random.string_from("23456789", 1);
  if (policy.require_symbols) out += random.string_from("^$*.!@#%&-_=+?", 1);
  const auto length = static_cast<std::size_t>(std::max(policy.minimum_length, 12));
  out += random.string_from("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789", length - out.size());
  for (std::size_t i = out.size() - 1; i > 0; --i) std::swap(out[i], out[random.below(static_cast<std::uint32_t>(i + 1))]);
  return out;
}

}  // namespace userpool
