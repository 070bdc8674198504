// The user pools in the saved state: a pool (its configuration, keys,
// clients, users, codes and sessions) and a user as JSON and back, without
// loss. core/api/state.h puts them in the whole document.
#pragma once

#include <memory>

#include "core/base/json.h"
#include "core/model/user_pool.h"

namespace userpool {

// Instants as the saved state writes them: milliseconds since 1970.
inline std::int64_t state_millis(Timestamp t) { return t.time_since_epoch().count(); }
inline Timestamp state_instant(const Json& j) { return from_epoch_millis(j.get<std::int64_t>()); }

Json user_to_state(const User& user);
User user_from_state(const Json& j);
Json pool_to_state(const UserPool& pool);
std::unique_ptr<UserPool> pool_from_state(const Json& j);

}  // namespace userpool
