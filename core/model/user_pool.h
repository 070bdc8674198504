// One user pool: its configuration, keys, app clients, users, groups, the
// challenge sessions in flight, and its domain.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/model/app_client.h"
#include "core/base/json.h"
#include "core/model/pool_config.h"
#include "core/tokens/pool_keys.h"
#include "core/model/user_directory.h"

namespace userpool {

struct Group {
  std::string name;
  std::string description;
  std::string role_arn;
  std::optional<std::int64_t> precedence;
  Timestamp created{}, last_modified{};

  Json describe(const std::string& user_pool_id) const;  // GroupType
};

// A challenge in progress (NEW_PASSWORD_REQUIRED, SMS_MFA, MFA_SETUP, ...).
// The Session string the client holds is its key; the record stays on the
// pool so a session can be used only once and expires on the pool's clock.
struct ChallengeSession {
  std::string session;
  std::string client_id;
  std::string username;
  std::string challenge;  // the challenge the session answers
  Timestamp created{}, expires_at{};
  bool used = false;
  Json data = Json::object();  // what the next step needs (SMS code, auth_time, ...)
};

class UserPool {
 public:
  // A pool always has its keys (made with it, or restored from saved state).
  explicit UserPool(PoolKeys pool_keys) : keys(std::move(pool_keys)) {}

  std::string id;
  std::string arn;
  PoolConfig config;
  Timestamp created{}, last_modified{};
  PoolKeys keys;
  std::vector<AppClient> clients;  // in creation order
  UserDirectory users;
  std::vector<Group> groups;       // in creation order
  std::map<std::string, ChallengeSession> sessions;
  std::optional<std::string> domain;  // Cognito domain prefix, when the pool has one

  AppClient* find_client(std::string_view client_id);
  Group* find_group(std::string_view name);
  // Forgets sessions that expired (they would be refused anyway).
  void drop_expired_sessions(Timestamp now);
};

}  // namespace userpool
