#include "core/model/account.h"

#include <algorithm>

namespace userpool {

Account::Account(RandomSource& random_source, Clock c)
    : clock(std::move(c)), random(random_source), account_id(random_source.string_from("0123456789", 12)) {}

UserPool* Account::find_pool(std::string_view id) {
  const auto it = std::find_if(pools.begin(), pools.end(), [&](const auto& p) { return p->id == id; });
  return it == pools.end() ? nullptr : it->get();
}

void Account::remove_pool(std::string_view id) {
  std::erase_if(pools, [&](const auto& p) { return p->id == id; });
}

void Account::reset() {
  pools.clear();
  outbox.clear();
  events.clear();
  services.clear();
  email_quota_day = 0;
  emails_sent_today = 0;
}

}  // namespace userpool
