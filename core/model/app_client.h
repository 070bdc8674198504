// App clients (API Reference: CreateUserPoolClient): what CreateUserPoolClient and
// UpdateUserPoolClient set and DescribeUserPoolClient shows, and the rules
// sign-in follows from them (allowed flows, token lifetimes, attribute
// permissions, user-existence errors, token revocation).
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/clock.h"
#include "core/rules/quotas.h"
#include "core/base/json.h"
#include "core/model/pool_config.h"
#include "core/base/random.h"
#include "core/api/request.h"

namespace userpool {

struct AppClient {
  std::string client_id;
  std::string client_name;
  std::string client_secret;  // empty: a public client
  Timestamp created{}, last_modified{};

  // Token lifetimes as set (for DescribeUserPoolClient) with their units.
  std::optional<std::int64_t> access_token_validity, id_token_validity;
  std::int64_t refresh_token_validity = quotas::kDefaultRefreshTokenValidityDays;
  std::optional<Json> token_validity_units;  // {"AccessToken": "hours", ...} as given

  std::optional<std::vector<std::string>> read_attributes, write_attributes;  // absent: the defaults
  std::vector<std::string> explicit_auth_flows;
  std::optional<std::vector<std::string>> supported_identity_providers, callback_urls, logout_urls,
      allowed_oauth_flows, allowed_oauth_scopes;
  std::string default_redirect_uri;
  bool allowed_oauth_flows_user_pool_client = false;
  Json analytics_configuration;  // null: absent
  std::string prevent_user_existence_errors = "LEGACY";
  bool enable_token_revocation = true;
  bool enable_propagate_additional_user_context_data = false;
  int auth_session_validity_minutes = quotas::kDefaultAuthSessionValidityMinutes;
  Json refresh_token_rotation;  // null: absent

  bool has_secret() const { return !client_secret.empty(); }
  bool prevents_user_existence_errors() const { return prevent_user_existence_errors == "ENABLED"; }

  std::chrono::seconds access_token_lifetime() const;
  std::chrono::seconds id_token_lifetime() const;
  std::chrono::seconds refresh_token_lifetime() const;
  Millis auth_session_lifetime() const { return std::chrono::minutes(auth_session_validity_minutes); }

  // Whether the client allows an AuthFlow ("USER_SRP_AUTH", "USER_PASSWORD_AUTH",
  // "ADMIN_USER_PASSWORD_AUTH", "REFRESH_TOKEN_AUTH", "CUSTOM_AUTH", ...), with
  // the legacy flags' meanings.
  bool allows_flow(std::string_view auth_flow) const;
  // Whether the client may use an OAuth 2.0 grant ("code", "implicit",
  // "client_credentials"): AllowedOAuthFlowsUserPoolClient on, and the grant
  // in AllowedOAuthFlows.
  bool allows_oauth_flow(std::string_view flow) const;

  // Attribute permissions (Developer Guide: "Attribute permissions and scopes"): without explicit lists a client
  // reads every standard attribute and writes every standard attribute but
  // the verification flags; custom attributes need to be granted. Required
  // attributes are always writable.
  bool can_read(const PoolConfig& pool, std::string_view attribute) const;
  bool can_write(const PoolConfig& pool, std::string_view attribute) const;

  Json describe(const std::string& user_pool_id) const;  // UserPoolClientType
};

// Whether an app client may ever be given write access to an attribute:
// Cognito sets the verified flags and identities itself.
bool writable_by_clients(std::string_view attribute);

// A question about the pool an app client names things in: whether a custom
// scope ("<Identifier>/<ScopeName>") is one its resource servers define, or
// whether it has an identity provider of a name.
using PoolNameCheck = std::function<bool(std::string_view name)>;

// A client from a CreateUserPoolClient request (`current` is null) or the
// client an UpdateUserPoolClient request leaves (omitted settings back to
// their defaults, as Cognito does; ID and secret kept). Throws Cognito's
// errors.
AppClient app_client_from_request(const Request& request, std::string_view user_pool_id, const PoolConfig& pool,
                                  const AppClient* current, RandomSource& random, Timestamp now,
                                  const PoolNameCheck& custom_scope_exists, const PoolNameCheck& identity_provider_exists);

// Why a callback or sign-out URL is refused, or nothing when it is accepted:
// it must be absolute, without a fragment, and HTTPS unless its host is
// exactly localhost, 127.0.0.1 or [::1] (so http://localhost.example.com is
// refused, as Cognito does).
std::optional<std::string> callback_url_problem(std::string_view url);

}  // namespace userpool
