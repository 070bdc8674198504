// The Settings page of the pool console: what can change after creation
// (password policy, MFA, self-registration, deletion protection), and what
// cannot (sign-in identifiers, required attributes), marked with a lock.
// UpdateUserPool resets every setting it is not given, so the page sends the
// whole current configuration with the learner's changes, and says so.
#pragma once

#include <cstdint>
#include <string>

#include "core/base/json.h"
#include "web/shell/ui_context.h"

namespace userpool::web {

class PoolSettingsPage {
 public:
  explicit PoolSettingsPage(UiContext& ctx) : ctx_(ctx) {}
  void draw(const Json& pool);

 private:
  struct Form {
    int min_length = 8, temporary_days = 7;
    bool numbers = true, symbols = true, upper = true, lower = true;
    bool self_registration = true, deletion_protection = false;
    int mfa = 0;  // 0 OFF, 1 OPTIONAL, 2 ON
    bool totp = true, sms = false;
    bool operator==(const Form&) const = default;
  };

  void load(const Json& pool);
  Json update_request(const Json& pool) const;
  void save(const Json& pool);

  UiContext& ctx_;
  std::string pool_id_;
  std::uint64_t revision_ = ~0ull;
  Form form_, saved_;
  Json mfa_;  // GetUserPoolMfaConfig
  std::string error_;
  bool show_request_ = false;
};

}  // namespace userpool::web
