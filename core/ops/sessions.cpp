#include "core/ops/sessions.h"

#include "core/api/api_error.h"

namespace userpool::ops {

std::string open_session(OpContext& ctx, UserPool& pool, const AppClient& client, const User& user,
                         std::string challenge, Json data) {
  pool.drop_expired_sessions(ctx.now);
  ChallengeSession s;
  // Opaque to clients, as Cognito's are (which are several hundred characters).
  s.session = base64url_encode(ctx.random().bytes(96));
  s.client_id = client.client_id;
  s.username = user.username;
  s.challenge = std::move(challenge);
  s.created = ctx.now;
  s.expires_at = ctx.now + client.auth_session_lifetime();
  s.data = std::move(data);
  const std::string key = s.session;
  pool.sessions.emplace(key, std::move(s));
  return key;
}

OpenSession find_session(OpContext& ctx, std::string_view session) {
  for (auto& pool : ctx.account.pools) {
    const auto it = pool->sessions.find(std::string(session));
    if (it == pool->sessions.end()) continue;
    ChallengeSession& s = it->second;
    ctx.event.user_pool_id = pool->id;
    ctx.event.username = s.username;
    if (s.used)
      fail_not_authorized("Invalid session for the user, session can only be used once.",
                          "A challenge session is good for one answer; sign in again to get a new one");
    if (ctx.now > s.expires_at)
      fail_not_authorized("Invalid session for the user, session is expired.",
                          "The session expired " + format_duration(ctx.now - s.expires_at) +
                              " ago (AuthSessionValidity of the app client)");
    return {*pool, s};
  }
  // Expired sessions are forgotten, so an unknown session reads as an expired one.
  fail_not_authorized("Invalid session for the user, session is expired.",
                      "No sign-in in progress has this Session (expired sessions are forgotten)");
}

void close_session(ChallengeSession& session) { session.used = true; }

}  // namespace userpool::ops
