// The live password checklist of a sign-up or new-password form: one line
// per rule of the pool's PasswordPolicy, ticked as the password meets it, so
// a learner sees why Cognito would refuse a password before sending it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/base/json.h"
#include "core/rules/password_policy.h"

namespace userpool::web {

// The policy as DescribeUserPool shows it (Policies.PasswordPolicy); members
// left out take Cognito's defaults.
PasswordPolicy password_policy_from_json(const Json& password_policy);

struct PasswordCheck {
  std::string key;    // length | uppercase | lowercase | number | symbol
  std::string label;  // "At least 8 characters"
  bool met = false;
};

// One check per rule the policy has, in the console's order.
std::vector<PasswordCheck> check_password(const PasswordPolicy& policy, std::string_view password);

// The checks as a list of ticks and crosses (ImGui).
void draw_password_checklist(const std::vector<PasswordCheck>& checks);

}  // namespace userpool::web
