// App client operations: CreateUserPoolClient, DescribeUserPoolClient,
// UpdateUserPoolClient, DeleteUserPoolClient, ListUserPoolClients.
#include <algorithm>

#include "core/api/api_error.h"
#include "core/rules/quotas.h"
#include "core/base/identifiers.h"
#include "core/ops/common.h"
#include "core/api/registry.h"

namespace userpool::ops {
namespace {


void note_defaults(OpContext& ctx, const Request& r, const AppClient& c) {
  if (!r.has("ExplicitAuthFlows"))
    ctx.rule("ExplicitAuthFlows left out: the API's defaults ALLOW_REFRESH_TOKEN_AUTH, ALLOW_USER_SRP_AUTH, ALLOW_CUSTOM_AUTH");
  if (!r.has("PreventUserExistenceErrors"))
    ctx.rule("PreventUserExistenceErrors left out: LEGACY (the API's default; the console turns it ENABLED)");
  if (!c.read_attributes)
    ctx.rule("No ReadAttributes: the client reads the standard attributes only; custom attributes must be granted");
}


Json create_user_pool_client(OpContext& ctx, const Request& r) {
  UserPool& pool = require_pool(ctx, r.string("UserPoolId", shapes::kUserPoolId));
  AppClient client = app_client_from_request(r, pool.id, pool.config, nullptr, ctx.random(), ctx.now,
                                             [&](std::string_view scope) { return pool.defines_scope(scope); },
                                             [&](std::string_view name) { return pool.find_identity_provider(name) != nullptr; });
  if (pool.clients.size() >= quotas::kAppClientsPerUserPool)
    fail("LimitExceededException", "The user pool has reached its limit of 1000 app clients.");
  while (pool.find_client(client.client_id) != nullptr) client.client_id = generate_app_client_id(ctx.random());
  ctx.event.client_id = client.client_id;
  note_defaults(ctx, r, client);
  if (client.has_secret()) ctx.rule("The client has a secret: every sign-in and sign-up request must carry a SECRET_HASH");
  const AppClient& stored = pool.clients.emplace_back(std::move(client));
  return Json{{"UserPoolClient", stored.describe(pool.id)}};
}

Json describe_user_pool_client(OpContext& ctx, const Request& r) {
  UserPool& pool = require_pool(ctx, r.string("UserPoolId", shapes::kUserPoolId));
  const AppClient& client = require_client_in(ctx, pool, r.string("ClientId", shapes::kClientId));
  return Json{{"UserPoolClient", client.describe(pool.id)}};
}

Json update_user_pool_client(OpContext& ctx, const Request& r) {
  UserPool& pool = require_pool(ctx, r.string("UserPoolId", shapes::kUserPoolId));
  AppClient& client = require_client_in(ctx, pool, r.string("ClientId", shapes::kClientId));
  AppClient updated = app_client_from_request(r, pool.id, pool.config, &client, ctx.random(), ctx.now,
                                              [&](std::string_view scope) { return pool.defines_scope(scope); },
                                              [&](std::string_view name) { return pool.find_identity_provider(name) != nullptr; });
  note_defaults(ctx, r, updated);
  ctx.rule("UpdateUserPoolClient sets every setting it is not given back to its default");
  client = std::move(updated);
  return Json{{"UserPoolClient", client.describe(pool.id)}};
}

Json delete_user_pool_client(OpContext& ctx, const Request& r) {
  UserPool& pool = require_pool(ctx, r.string("UserPoolId", shapes::kUserPoolId));
  const AppClient& client = require_client_in(ctx, pool, r.string("ClientId", shapes::kClientId));
  const std::string id = client.client_id;
  std::erase_if(pool.clients, [&](const AppClient& c) { return c.client_id == id; });
  // Its own look goes with it.
  pool.ui_customizations.erase(id);
  std::erase_if(pool.brandings, [&](const ManagedLoginBranding& b) { return b.client_id == id; });
  ctx.rule("Tokens the client issued are refused from now on");
  return Json::object();
}

Json list_user_pool_clients(OpContext& ctx, const Request& r) {
  UserPool& pool = require_pool(ctx, r.string("UserPoolId", shapes::kUserPoolId));
  const auto max = static_cast<std::size_t>(r.optional_int("MaxResults", 1, 60).value_or(60));
  return page_of(r, pool.clients, max, "UserPoolClients", [&](const AppClient& c) {
    return Json{{"ClientId", c.client_id}, {"UserPoolId", pool.id}, {"ClientName", c.client_name}};
  });
}

}  // namespace

// The operations of this file, for the registry (core/api/registry.h).
const OperationTable& client_operations() {
  static const OperationTable table = {
      {"CreateUserPoolClient", create_user_pool_client, OperationKind::kChange},
      {"DescribeUserPoolClient", describe_user_pool_client, OperationKind::kRead},
      {"UpdateUserPoolClient", update_user_pool_client, OperationKind::kChange},
      {"DeleteUserPoolClient", delete_user_pool_client, OperationKind::kChange},
      {"ListUserPoolClients", list_user_pool_clients, OperationKind::kRead},
  };
  return table;
}

}  // namespace userpool::ops
