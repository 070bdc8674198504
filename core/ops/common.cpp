#include "core/ops/common.h"
#include "core/rules/quotas.h"

#include <algorithm>

#include "core/api/api_error.h"
#include "core/base/identifiers.h"
#include "core/model/schema.h"
#include "core/crypto/secret_hash.h"

namespace userpool::ops {

UserPool& require_pool(OpContext& ctx, const std::string& user_pool_id) {
  UserPool* pool = ctx.account.find_pool(user_pool_id);
  if (pool == nullptr) fail_resource_not_found("User pool " + user_pool_id + " does not exist.");
  ctx.event.user_pool_id = user_pool_id;
  return *pool;
}

PoolClient require_client(OpContext& ctx, const std::string& client_id) {
  ctx.event.client_id = client_id;
  for (auto& pool : ctx.account.pools) {
    if (AppClient* client = pool->find_client(client_id)) {
      ctx.event.user_pool_id = pool->id;
      return {*pool, *client};
    }
  }
  fail_resource_not_found("User pool client " + client_id + " does not exist.");
}

AppClient& require_client_in(OpContext& ctx, UserPool& pool, const std::string& client_id) {
  ctx.event.client_id = client_id;
  AppClient* client = pool.find_client(client_id);
  if (client == nullptr) fail_resource_not_found("User pool client " + client_id + " does not exist.");
  return *client;
}

void check_secret_hash(OpContext& ctx, const AppClient& client, std::string_view username,
                       const std::optional<std::string>& sent_hash) {
  if (!client.has_secret()) return;
  if (!sent_hash || sent_hash->empty())
    fail_not_authorized("Client " + client.client_id + " is configured for secret but secret was not received",
                        "The app client has a secret, so every request names the user with a SECRET_HASH");
  if (!constant_time_equal(std::string_view(*sent_hash),
                           std::string_view(secret_hash(username, client.client_id, client.client_secret))))
    fail_not_authorized("Unable to verify secret hash for client " + client.client_id,
                        "SECRET_HASH must be Base64(HMAC-SHA256(client secret, username + client ID)) for username \"" +
                            std::string(username) + "\"");
  ctx.rule("SECRET_HASH checked against the client secret");
}

std::size_t page_start(const std::optional<std::string>& token, std::size_t size) {
  if (!token) return 0;
  const auto bytes = base64url_decode(*token);
  const std::string text = bytes ? to_string(*bytes) : std::string();
  const bool digits = !text.empty() && text.size() < 10 &&
                      std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (!digits || std::stoul(text) > size) fail_invalid_parameter("Invalid pagination token.");
  return std::stoul(text);
}

std::string page_token(std::size_t next) { return base64url_encode(to_bytes(std::to_string(next))); }

bool looks_like_email(std::string_view s) { return is_valid_email(s); }
bool looks_like_phone(std::string_view s) { return is_valid_phone_number(s); }

User* find_user(UserPool& pool, std::string_view username) {
  UserDirectory& users = pool.users;
  if (User* u = users.by_username(username)) return u;
  const PoolConfig& c = pool.config;
  // Pools that sign in with an email address or phone number as the username:
  // the value need not be verified (Developer Guide: "User pool attributes").
  for (const char* attribute : {"email", "phone_number"}) {
    if (c.username_is(attribute))
      for (User* u : users.with_attribute(attribute, username)) return u;
  }
  // Alias pools: only a verified email or phone number, or a preferred_username.
  if (c.alias_is("email"))
    for (User* u : users.with_attribute("email", username))
      if (u->attribute_is_true("email_verified")) return u;
  if (c.alias_is("phone_number"))
    for (User* u : users.with_attribute("phone_number", username))
      if (u->attribute_is_true("phone_number_verified")) return u;
  if (c.alias_is("preferred_username"))
    for (User* u : users.with_attribute("preferred_username", username)) return u;
  if (is_uuid(username)) return users.by_sub(username);
  return nullptr;
}

User& require_user(OpContext& ctx, UserPool& pool, std::string_view username) {
  User* user = find_user(pool, username);
  if (user == nullptr) fail_user_not_found("User does not exist.");
  ctx.event.username = user->username;
  return *user;
}

Json attributes_json(const User& user, const std::function<bool(std::string_view)>& include) {
  Json list = Json::array();
  for (const auto& [name, value] : user.attributes)
    if (!include || include(name)) list.push_back(Json{{"Name", name}, {"Value", value}});
  return list;
}

void add_mfa_settings(Json& out, const User& user) {
  if (user.sms_mfa_enabled) out["MFAOptions"] = Json::array({Json{{"DeliveryMedium", "SMS"}, {"AttributeName", "phone_number"}}});
  if (!user.preferred_mfa.empty()) out["PreferredMfaSetting"] = user.preferred_mfa;
  Json list = Json::array();
  if (user.sms_mfa_enabled) list.push_back("SMS_MFA");
  if (user.software_token_mfa_enabled) list.push_back("SOFTWARE_TOKEN_MFA");
  if (!list.empty()) out["UserMFASettingList"] = list;
}

Json user_json(const User& user, const char* attributes_member, const std::function<bool(std::string_view)>& include) {
  Json j = {{"Username", user.username}, {attributes_member, attributes_json(user, include)},
            {"UserCreateDate", to_epoch_seconds(user.created)}, {"UserLastModifiedDate", to_epoch_seconds(user.last_modified)},
            {"Enabled", user.enabled}, {"UserStatus", user.status}};
  if (user.sms_mfa_enabled) j["MFAOptions"] = Json::array({Json{{"DeliveryMedium", "SMS"}, {"AttributeName", "phone_number"}}});
  return j;
}

void check_client_can_write(const UserPool& pool, const AppClient& client, const AttributeList& attributes) {
  for (const auto& [name, value] : attributes)
    if (find_attribute(pool.config.schema, name) != nullptr && !client.can_write(pool.config, name))
      fail_not_authorized("A client attempted to write unauthorized attribute",
                          "The app client's WriteAttributes do not include " + name);
}

void check_hourly_limit(OpContext& ctx, User& user, const std::string& action, int limit) {
  auto& times = user.recent_actions[action];
  std::erase_if(times, [&](Timestamp t) { return ctx.now - t >= quotas::kPerUserLimitWindow; });
  if (static_cast<int>(times.size()) >= limit)
    fail("LimitExceededException", "Attempt limit exceeded, please try after some time.",
         action + " is limited to " + std::to_string(limit) + " per user per hour; the next one is allowed in " +
             format_duration(times.front() + quotas::kPerUserLimitWindow - ctx.now));
  times.push_back(ctx.now);
}

bool password_matches(const UserPool& pool, const User& user, std::string_view password) {
  return user.password && srp::password_matches(*user.password, pool_name_of(pool.id), user.username, password);
}

void set_password(OpContext& ctx, UserPool& pool, User& user, std::string_view password, PolicyWording wording) {
  const PasswordPolicy& policy = pool.config.password_policy;
  check_password_policy(policy, password, wording);
  if (policy.password_history_size > 0 && user.password) {
    // The current password and the previous ones, up to PasswordHistorySize in all.
    std::vector<srp::PasswordVerifier> recent = {*user.password};
    for (const auto& old : user.password_history) recent.push_back(old);
    recent.resize(std::min<std::size_t>(recent.size(), static_cast<std::size_t>(policy.password_history_size)));
    for (const auto& old : recent)
      if (srp::password_matches(old, pool_name_of(pool.id), user.username, password))
        fail("PasswordHistoryPolicyViolationException", "The password was used previously.",
             "The password policy forbids reusing the last " + std::to_string(policy.password_history_size) + " passwords");
    user.password_history.insert(user.password_history.begin(), *user.password);
    user.password_history.resize(std::min<std::size_t>(user.password_history.size(), 24));
  }
  user.password = srp::make_password_verifier(pool_name_of(pool.id), user.username, password, ctx.random());
  user.password_set_at = ctx.now;
  user.last_modified = ctx.now;
}

PublicClientRequest read_public_client_request(OpContext& ctx, const Request& r) {
  PoolClient pc = require_client(ctx, r.string("ClientId", shapes::kClientId));
  std::string username = r.string("Username", shapes::kUsername);
  ctx.event.username = username;
  return {pc.pool, pc.client, std::move(username), r.optional_string("SecretHash", shapes::kSecretHash)};
}

User new_user(OpContext& ctx, const UserPool& pool, const std::string& username, const AttributeList& attributes,
              std::string status, const std::string& password) {
  User user;
  user.sub = generate_uuid_v4(ctx.random());
  user.username = pool.config.username_attributes.empty() ? username : user.sub;
  user.created = user.last_modified = ctx.now;
  user.status = std::move(status);
  user.attributes.emplace_back("sub", user.sub);
  for (const auto& [name, value] : attributes)
    if (!value.empty()) user.attributes.emplace_back(name, value);
  user.password = srp::make_password_verifier(pool_name_of(pool.id), user.username, password, ctx.random());
  user.password_set_at = ctx.now;
  return user;
}

}  // namespace userpool::ops
