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

// An API the pool issues access to (Developer Guide: "Scopes, M2M, and APIs
// with resource servers"): its identifier (often the API's URL) and the
// custom scopes it defines, each "<Identifier>/<ScopeName>" in tokens.
struct ResourceServerScope {
  std::string name, description;
};
struct ResourceServer {
  std::string identifier;
  std::string name;
  std::vector<ResourceServerScope> scopes;

  Json describe(const std::string& user_pool_id) const;  // ResourceServerType
};

// What a domain serves (Developer Guide: "Configuring a user pool domain").
struct DomainSettings {
  int managed_login_version = 1;  // 1: the classic hosted UI; 2: managed login
  Timestamp updated{};            // DescribeUserPoolDomain's Version
};

// A custom domain (Developer Guide: "Using your own domain for managed
// login"): the name, the ACM certificate (in us-east-1) and the CloudFront
// alias target Cognito answers with, for the learner's DNS record.
struct CustomDomain {
  std::string name;               // auth.example.com
  std::string certificate_arn;
  std::string security_policy;    // as given; empty when not
  std::string cloudfront_domain;  // d1a2b3c4d5e6f7.cloudfront.net
  DomainSettings settings;
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
  std::vector<ResourceServer> resource_servers;  // in creation order
  std::map<std::string, ChallengeSession> sessions;
  // A pool may have a Cognito domain (a prefix) and a custom domain at once.
  std::optional<std::string> domain;  // Cognito domain prefix, when the pool has one
  DomainSettings domain_settings;     // the prefix domain's
  std::optional<CustomDomain> custom_domain;

  AppClient* find_client(std::string_view client_id);
  Group* find_group(std::string_view name);
  ResourceServer* find_resource_server(std::string_view identifier);
  // Whether "<Identifier>/<ScopeName>" names a scope one of the pool's
  // resource servers defines.
  bool defines_scope(std::string_view scope) const;
  // Forgets sessions that expired (they would be refused anyway).
  void drop_expired_sessions(Timestamp now);
};

}  // namespace userpool
