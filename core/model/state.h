// Saved state: the whole simulation (pools, clients, users, keys, codes,
// sessions, clock, outbox, event log, and the connected services' APIs,
// authorizers, deployments, applications and environments) as one
// versioned JSON document and
// back, without loss: export, import and export again give the same bytes.
#pragma once

#include <string>

#include "core/model/account.h"
#include "core/base/json.h"

namespace userpool {

inline constexpr const char* kStateFormat = "userpool-sandbox-state";
inline constexpr int kStateVersion = 1;

Json export_state(const Account& account);

// Replaces the account's state with the document's, or, if the document is
// not a sandbox state, is damaged or comes from a newer version, throws
// ApiException (InvalidParameterException, the message saying where and
// what) and leaves the account as it was.
void import_state(Account& account, const Json& document);

// The pieces, for the files that implement them.
Json user_to_state(const User& user);
User user_from_state(const Json& j);
Json pool_to_state(const UserPool& pool);
std::unique_ptr<UserPool> pool_from_state(const Json& j);

}  // namespace userpool
