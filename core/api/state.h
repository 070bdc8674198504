// Saved state: the whole simulation (pools, clients, users, keys, codes,
// sessions, clock, outbox, event log, and each service's own section: the
// connected services' APIs and environments, the wizard's draft) as one
// versioned JSON document and back, without loss: export, import and export
// again give the same bytes. The sections come from the registry
// (core/api/registry.h), so a new service's state needs no change here.
#pragma once

#include <string>

#include "core/model/account.h"
#include "core/base/json.h"

namespace userpool {

inline constexpr const char* kStateFormat = "userpool-sandbox-state";
inline constexpr int kStateVersion = 1;

// The browser app's saved work ("Your work", Export): this state wrapped
// with the app's own part (who is signed in, which pool is open, lesson
// progress), {"Format": kSavedWorkFormat, "Version": kSavedWorkVersion,
// "State": <the state>, ...}. The command line and the endpoint read either
// document, and write back the kind they read, so a learner's progress in
// the file survives being served.
inline constexpr const char* kSavedWorkFormat = "userpool-sandbox-work";
inline constexpr int kSavedWorkVersion = 1;

Json export_state(const Account& account);

// Replaces the account's state with the document's, or, if the document is
// not a sandbox state, is damaged or comes from a newer version, throws
// ApiException (InvalidParameterException, the message saying where and
// what) and leaves the account as it was.
void import_state(Account& account, const Json& document);

}  // namespace userpool
