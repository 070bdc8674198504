// A sandbox with something of everything in it (users in every status,
// codes, sessions, MFA, groups, messages, events), for the state and fuzz tests.
#pragma once

#include "tests/core/harness/harness.h"

namespace userpool::test {

struct RichState {
  std::string pool, client;
};

RichState build_rich_state(Sandbox& s);

}  // namespace userpool::test
