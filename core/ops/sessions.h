// Challenge sessions: the Session string that carries a sign-in from one
// challenge to the next. Each is valid for the app client's
// AuthSessionValidity (3 minutes by default) and can be used once.
#pragma once

#include <string>
#include <string_view>

#include "core/api/operation.h"

namespace userpool::ops {

// Opens a session for the next step of a sign-in and returns its Session string.
std::string open_session(OpContext& ctx, UserPool& pool, const AppClient& client, const User& user,
                         std::string challenge, Json data = Json::object());

struct OpenSession {
  UserPool& pool;
  ChallengeSession& session;
};

// The session a request names, checked: known, not used, not expired
// (NotAuthorizedException as Cognito words it otherwise). It stays open
// until close_session(); a wrong answer leaves it open for another try.
OpenSession find_session(OpContext& ctx, std::string_view session);
void close_session(ChallengeSession& session);

}  // namespace userpool::ops
