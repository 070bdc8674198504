// Resource servers and their custom scopes (API Reference:
// CreateResourceServer, DescribeResourceServer, UpdateResourceServer,
// DeleteResourceServer, ListResourceServers; Developer Guide: "Scopes, M2M,
// and APIs with resource servers"): an API the pool issues access to, its
// identifier, and the scopes an app client may then ask for as
// "<Identifier>/<ScopeName>".
#include <algorithm>

#include "core/api/api_error.h"
#include "core/api/registry.h"
#include "core/ops/common.h"
#include "core/rules/quotas.h"

namespace userpool::ops {
namespace {

ResourceServer& require_resource_server(UserPool& pool, const std::string& identifier) {
  ResourceServer* r = pool.find_resource_server(identifier);
  // UNVERIFIED: the message; Cognito's wording for a missing resource
  // server is not in the reference, this one names what was asked for.
  if (r == nullptr) fail_resource_not_found("Resource server " + identifier + " does not exist in user pool " + pool.id + ".");
  return *r;
}

// Name and Scopes, as Create and Update both take them (an Update that
// leaves out Scopes removes them, as Cognito does).
void read_settings(const Request& r, ResourceServer& server) {
  server.name = r.string("Name", shapes::kResourceServerName);
  server.scopes.clear();
  for (const Request& s : r.list("Scopes", 0, quotas::kScopesPerResourceServer)) {
    ResourceServerScope scope{s.string("ScopeName", shapes::kScopeName), s.string("ScopeDescription", shapes::kScopeDescription)};
    // UNVERIFIED: Cognito's answer to one scope name given twice; refusing
    // it is the plausible reading (a scope is known by its name alone).
    if (std::any_of(server.scopes.begin(), server.scopes.end(), [&](const auto& o) { return o.name == scope.name; }))
      fail_invalid_parameter("The scope " + scope.name + " is given more than once.");
    server.scopes.push_back(std::move(scope));
  }
}

Json create_resource_server(OpContext& ctx, const Request& r) {
  UserPool& pool = require_pool(ctx, r.string("UserPoolId", shapes::kUserPoolId));
  ResourceServer server;
  server.identifier = r.string("Identifier", shapes::kResourceServerIdentifier);
  read_settings(r, server);
  // The wording moto reproduces; Cognito's own is UNVERIFIED.
  if (pool.find_resource_server(server.identifier) != nullptr)
    fail_invalid_parameter(server.identifier + " already exists in user pool " + pool.id + ".");
  if (pool.resource_servers.size() >= quotas::kResourceServersPerUserPool)
    fail("LimitExceededException", "The user pool has reached its limit of " + std::to_string(quotas::kResourceServersPerUserPool) +
                                       " resource servers.");
  ctx.rule("App clients of the pool may now be allowed the scopes " + server.identifier +
           "/<scope>; access tokens from the OAuth endpoints carry the ones granted");
  return Json{{"ResourceServer", pool.resource_servers.emplace_back(std::move(server)).describe(pool.id)}};
}

Json describe_resource_server(OpContext& ctx, const Request& r) {
  UserPool& pool = require_pool(ctx, r.string("UserPoolId", shapes::kUserPoolId));
  return Json{{"ResourceServer",
               require_resource_server(pool, r.string("Identifier", shapes::kResourceServerIdentifier)).describe(pool.id)}};
}

Json update_resource_server(OpContext& ctx, const Request& r) {
  UserPool& pool = require_pool(ctx, r.string("UserPoolId", shapes::kUserPoolId));
  ResourceServer& server = require_resource_server(pool, r.string("Identifier", shapes::kResourceServerIdentifier));
  ResourceServer updated = server;
  read_settings(r, updated);
  server = std::move(updated);
  // A scope removed here stays on the app clients that allow it, inactive:
  // tokens leave it out until it is defined again (Developer Guide).
  return Json{{"ResourceServer", server.describe(pool.id)}};
}

Json delete_resource_server(OpContext& ctx, const Request& r) {
  UserPool& pool = require_pool(ctx, r.string("UserPoolId", shapes::kUserPoolId));
  const std::string identifier = require_resource_server(pool, r.string("Identifier", shapes::kResourceServerIdentifier)).identifier;
  std::erase_if(pool.resource_servers, [&](const ResourceServer& s) { return s.identifier == identifier; });
  return Json::object();
}

Json list_resource_servers(OpContext& ctx, const Request& r) {
  UserPool& pool = require_pool(ctx, r.string("UserPoolId", shapes::kUserPoolId));
  const auto limit = static_cast<std::size_t>(r.optional_int("MaxResults", 1, 50).value_or(50));
  return page_of(r, pool.resource_servers, limit, "ResourceServers", [&](const ResourceServer& s) { return s.describe(pool.id); });
}

}  // namespace

// The operations of this file, for the registry (core/api/registry.h).
const OperationTable& resource_server_operations() {
  static const OperationTable table = {
      {"CreateResourceServer", create_resource_server, OperationKind::kChange},
      {"DescribeResourceServer", describe_resource_server, OperationKind::kRead},
      {"UpdateResourceServer", update_resource_server, OperationKind::kChange},
      {"DeleteResourceServer", delete_resource_server, OperationKind::kChange},
      {"ListResourceServers", list_resource_servers, OperationKind::kRead},
  };
  return table;
}

}  // namespace userpool::ops
