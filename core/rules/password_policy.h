// A user pool's password policy (API Reference: PasswordPolicyType) and checking a password
// against it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/base/json.h"

namespace userpool {

struct PasswordPolicy {
  int minimum_length = 8;
  bool require_uppercase = true;
  bool require_lowercase = true;
  bool require_numbers = true;
  bool require_symbols = true;
  int password_history_size = 0;             // previous passwords that cannot be reused
  int temporary_password_validity_days = 7;  // for users an administrator creates

  Json to_json() const;  // PasswordPolicyType, as DescribeUserPool shows it
};

// The characters RequireSymbols counts: ^ $ * . [ ] { } ( ) ? " ! @ # % & / \ , > < ' : ; | _ ~ ` = + -
// and the space.
bool is_password_symbol(char c);

// The first rule the password breaks, as Cognito words it after "Password
// did not conform with policy: " ("Password not long enough", "Password must
// have uppercase characters", ...); nullopt if it satisfies the policy. Rules
// are checked in the order length, uppercase, lowercase, numbers, symbols
// (the order Cognito's emulators use; Cognito's own is not documented).
std::optional<std::string> password_policy_violation(const PasswordPolicy& policy, std::string_view password);

// Throws InvalidPasswordException if the password breaks the policy.
// `wording` is how the operation phrases it: most say "Password did not
// conform with policy", ChangePassword and the admin operations "Password
// does not conform to policy" (which operation uses which is UNVERIFIED).
enum class PolicyWording { kDidNotConformWith, kDoesNotConformTo };
void check_password_policy(const PasswordPolicy& policy, std::string_view password,
                           PolicyWording wording = PolicyWording::kDidNotConformWith);

// A temporary password that satisfies the policy (for AdminCreateUser without
// TemporaryPassword).
class RandomSource;
std::string generate_temporary_password(const PasswordPolicy& policy, RandomSource& random);

}  // namespace userpool
