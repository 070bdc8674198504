// API Gateway authorizers: ApiGateway.CreateAuthorizer, GetAuthorizers,
// GetAuthorizer, UpdateAuthorizer, DeleteAuthorizer. A COGNITO_USER_POOLS
// authorizer names the user pools whose tokens it accepts (providerARNs);
// TOKEN and REQUEST authorizers name a Lambda function, which the sandbox
// keeps but never runs.
#include <algorithm>

#include "core/services/api_gateway/operations_common.h"
#include "core/api/registry.h"

namespace userpool::ops {
namespace {

using namespace apigw;
using apigateway::Authorizer;
using apigateway::RestApi;

// The user pool a provider ARN names, or nullptr.
UserPool* pool_for_arn(OpContext& ctx, const std::string& arn) {
  const auto slash = arn.rfind('/');
  if (slash == std::string::npos) return nullptr;
  UserPool* pool = ctx.account.find_pool(arn.substr(slash + 1));
  return pool != nullptr && pool->arn == arn ? pool : nullptr;
}

// Everything an authorizer must be, checked on create and after an update.
// UNVERIFIED: the wording of these refusals.
void check_authorizer(OpContext& ctx, const Authorizer& a) {
  if (!apigateway::is_authorizer_type(a.type))
    bad_request("Invalid authorizer type specified. Valid options are TOKEN,REQUEST,COGNITO_USER_POOLS");
  if (a.type == "COGNITO_USER_POOLS") {
    if (a.provider_arns.empty())
      bad_request("A COGNITO_USER_POOLS authorizer needs providerARNs: the ARNs of the user pools whose tokens it accepts.");
    for (const auto& arn : a.provider_arns) {
      const UserPool* pool = pool_for_arn(ctx, arn);
      if (pool == nullptr)
        bad_request("Invalid providerARNs: " + arn + " is not the ARN of an existing user pool "
                    "(arn:aws:cognito-idp:<region>:<account>:userpool/<pool ID>, as DescribeUserPool shows it).");
      if (ctx.event.user_pool_id.empty()) ctx.event.user_pool_id = pool->id;
    }
    if (a.identity_header().empty())
      bad_request("Invalid identity source specified: " + a.identity_source +
                  ". A COGNITO_USER_POOLS authorizer reads its token from a header: method.request.header.<name>.");
  } else {
    if (!a.authorizer_uri || a.authorizer_uri->empty())
      bad_request("Invalid authorizer URI specified: a " + a.type + " authorizer names the Lambda function that decides.");
    if (a.type == "TOKEN" && a.identity_header().empty())
      bad_request("Invalid identity source specified: " + a.identity_source +
                  ". A TOKEN authorizer reads its token from a header: method.request.header.<name>.");
  }
}

void rule_for(OpContext& ctx, const Authorizer& a) {
  if (a.type == "COGNITO_USER_POOLS")
    ctx.rule("The authorizer accepts tokens issued by its providerARNs' user pools, read from " + a.identity_source +
             "; it checks signature, expiry, issuer and scopes, never revocation");
  else
    ctx.rule("A Lambda authorizer: the sandbox keeps it but does not run Lambda, so methods using it answer 500");
}

Json create_authorizer(OpContext& ctx, const Request& r) {
  RestApi& api = require_api(ctx, r);
  Authorizer a;
  StringShape name_shape;
  name_shape.min = 1;
  a.name = r.string("name", name_shape);
  a.type = r.string("type");
  a.provider_arns = r.optional_string_list("providerARNs").value_or(std::vector<std::string>{});
  a.authorizer_uri = r.optional_string("authorizerUri");
  a.identity_source = r.optional_string("identitySource").value_or(apigateway::kDefaultIdentitySource);
  a.result_ttl_seconds = r.optional_int("authorizerResultTtlInSeconds", 0, 3600).value_or(apigateway::kDefaultAuthorizerTtl);
  check_authorizer(ctx, a);
  do a.id = new_id(ctx, 6);
  while (api.find_authorizer(a.id) != nullptr);
  rule_for(ctx, a);
  return api.authorizers.emplace_back(std::move(a)).describe();
}

Json get_authorizers(OpContext& ctx, const Request& r) {
  const RestApi& api = require_api(ctx, r);
  Json items = Json::array();
  for (const auto& a : api.authorizers) items.push_back(a.describe());
  return Json{{"items", items}};
}

Json get_authorizer(OpContext& ctx, const Request& r) {
  RestApi& api = require_api(ctx, r);
  return require_authorizer(api, r).describe();
}

// patchOperations: replace /name, /identitySource,
// /authorizerResultTtlInSeconds, /authorizerUri; add or remove one of
// /providerARNs (the ARN as the value). UNVERIFIED: the providerARNs form.
Json update_authorizer(OpContext& ctx, const Request& r) {
  RestApi& api = require_api(ctx, r);
  Authorizer& authorizer = require_authorizer(api, r);
  Authorizer a = authorizer;
  for (const Request& patch : r.list("patchOperations", 0, 100)) {
    const std::string op = patch.string("op");
    const std::string path = patch.string("path");
    const std::string value = patch.optional_string("value").value_or("");
    if (op == "replace" && path == "/name" && !value.empty()) a.name = value;
    else if (op == "replace" && path == "/identitySource") a.identity_source = value;
    else if (op == "replace" && path == "/authorizerUri") a.authorizer_uri = value;
    else if (op == "replace" && path == "/authorizerResultTtlInSeconds") {
      const bool digits = !value.empty() && value.size() <= 4 && std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; });
      if (!digits || std::stoi(value) > 3600) bad_request("Invalid authorizerResultTtlInSeconds: " + value + " (0 to 3600).");
      a.result_ttl_seconds = std::stoi(value);
    } else if (op == "add" && path == "/providerARNs") {
      if (std::find(a.provider_arns.begin(), a.provider_arns.end(), value) == a.provider_arns.end()) a.provider_arns.push_back(value);
    } else if (op == "remove" && path == "/providerARNs") {
      std::erase(a.provider_arns, value);
    } else {
      // UNVERIFIED: the wording.
      bad_request("Invalid patch path '" + path + "' specified for op '" + op + "'. The sandbox supports replace /name, "
                  "/identitySource, /authorizerUri, /authorizerResultTtlInSeconds; add and remove /providerARNs.");
    }
  }
  check_authorizer(ctx, a);
  authorizer = std::move(a);
  rule_for(ctx, authorizer);
  note_not_live(ctx, api);
  return authorizer.describe();
}

Json delete_authorizer(OpContext& ctx, const Request& r) {
  RestApi& api = require_api(ctx, r);
  const Authorizer& a = require_authorizer(api, r);
  // An authorizer a method uses cannot go. UNVERIFIED: the wording.
  for (const auto& resource : api.resources)
    for (const auto& [name, m] : resource.methods)
      if (m.authorizer_id == a.id)
        conflict("Cannot delete authorizer '" + a.name + "', is referenced in method: " + name + " " + resource.path);
  const std::string id = a.id;
  std::erase_if(api.authorizers, [&](const Authorizer& x) { return x.id == id; });
  note_not_live(ctx, api);
  return Json::object();
}

}  // namespace


// The operations of this file, for the registry (core/api/registry.h).
const OperationTable& authorizer_operations() {
  static const OperationTable table = {
      {"CreateAuthorizer", create_authorizer, OperationKind::kChange},
      {"GetAuthorizers", get_authorizers, OperationKind::kRead},
      {"GetAuthorizer", get_authorizer, OperationKind::kRead},
      {"UpdateAuthorizer", update_authorizer, OperationKind::kChange},
      {"DeleteAuthorizer", delete_authorizer, OperationKind::kChange},
  };
  return table;
}

}  // namespace userpool::ops
