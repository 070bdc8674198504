// API Gateway REST APIs, their resources and methods:
// ApiGateway.CreateRestApi, GetRestApis, GetRestApi, DeleteRestApi,
// CreateResource, GetResources, GetResource, DeleteResource, PutMethod,
// GetMethod, UpdateMethod, DeleteMethod. Member names are API Gateway's own
// (camelCase), as its REST API sends them.
#include <algorithm>
#include <cctype>

#include "core/services/api_gateway/operations_common.h"
#include "core/api/registry.h"

namespace userpool::ops {
namespace apigw {

using apigateway::Authorizer;
using apigateway::Method;
using apigateway::Resource;
using apigateway::RestApi;

void not_found(std::string message, std::string rule) {
  throw ApiException(ApiError{"NotFoundException", std::move(message), 404, std::move(rule)});
}
void bad_request(std::string message, std::string rule) {
  throw ApiException(ApiError{"BadRequestException", std::move(message), 400, std::move(rule)});
}
void conflict(std::string message, std::string rule) {
  throw ApiException(ApiError{"ConflictException", std::move(message), 409, std::move(rule)});
}

RestApi& require_api(OpContext& ctx, const Request& r) {
  RestApi* api = ctx.account.services.get<apigateway::ApiGateway>().find(r.string("restApiId"));
  if (api == nullptr) not_found("Invalid REST API identifier specified");
  return *api;
}

Resource& require_resource(RestApi& api, const Request& r) {
  Resource* resource = api.find_resource(r.string("resourceId"));
  if (resource == nullptr) not_found("Invalid Resource identifier specified");
  return *resource;
}

Authorizer& require_authorizer(RestApi& api, const Request& r) {
  Authorizer* a = api.find_authorizer(r.string("authorizerId"));
  if (a == nullptr) not_found("Invalid authorizer ID specified");
  return *a;
}

std::string new_id(OpContext& ctx, std::size_t length) {
  return ctx.random().string_from("abcdefghijklmnopqrstuvwxyz0123456789", length);
}

void note_not_live(OpContext& ctx, const RestApi& api) {
  if (!api.stages.empty())
    ctx.rule("Not live yet: the API's stages serve their last deployment until ApiGateway.CreateDeployment is called again");
}

}  // namespace apigw

namespace {

using namespace apigw;
using apigateway::Authorizer;
using apigateway::Method;
using apigateway::Resource;
using apigateway::RestApi;

// --- REST APIs ---------------------------------------------------------------

Json create_rest_api(OpContext& ctx, const Request& r) {
  StringShape name_shape;
  name_shape.min = 1;
  name_shape.max = 1024;
  RestApi api;
  api.name = r.string("name", name_shape);
  api.description = r.optional_string("description");
  do api.id = new_id(ctx, 10);
  while (ctx.account.services.get<apigateway::ApiGateway>().find(api.id) != nullptr);
  api.created = ctx.now;
  // The root resource "/" comes with the API.
  api.root_resource_id = new_id(ctx, 10);
  api.resources.push_back(Resource{api.root_resource_id, "", "", "/", {}});
  ctx.rule("A new REST API has only its root resource \"/\"; it answers nothing until it has methods and is deployed to a stage");
  return ctx.account.services.get<apigateway::ApiGateway>().rest_apis.emplace_back(std::move(api)).describe();
}

Json get_rest_apis(OpContext& ctx, const Request&) {
  // All of them in one page: the sandbox never has enough to need position.
  Json items = Json::array();
  for (const auto& api : ctx.account.services.get<apigateway::ApiGateway>().rest_apis) items.push_back(api.describe());
  return Json{{"items", items}};
}

Json get_rest_api(OpContext& ctx, const Request& r) { return require_api(ctx, r).describe(); }

Json delete_rest_api(OpContext& ctx, const Request& r) {
  const std::string id = require_api(ctx, r).id;
  std::erase_if(ctx.account.services.get<apigateway::ApiGateway>().rest_apis, [&](const RestApi& a) { return a.id == id; });
  ctx.rule("The API and every stage of it are gone: its URLs answer 403 Forbidden");
  return Json::object();
}

// --- Resources ---------------------------------------------------------------

// A path part: letters, digits, ".", "_" and "-", or one such name in
// braces ("{petId}"), optionally greedy ("{proxy+}").
bool is_path_part(std::string_view part) {
  std::string_view name = part;
  if (!part.empty() && part.front() == '{') {
    if (part.size() < 3 || part.back() != '}') return false;
    name = part.substr(1, part.size() - 2);
    if (name.back() == '+') name.remove_suffix(1);
  }
  return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '.' || c == '_' || c == '-';
  });
}

bool is_variable(std::string_view part) { return !part.empty() && part.front() == '{'; }

Json create_resource(OpContext& ctx, const Request& r) {
  RestApi& api = require_api(ctx, r);
  const std::string parent_id = r.string("parentId");
  const std::string part = r.string("pathPart");
  const Resource* parent = api.find_resource(parent_id);
  if (parent == nullptr) not_found("Invalid Resource identifier specified");
  // UNVERIFIED: the wording of the path part, sibling and greedy refusals.
  if (!is_path_part(part))
    bad_request("Resource's path part only allow a-zA-Z0-9._- and curly braces at the beginning and the end and an "
                "optional plus sign before the closing brace.");
  if (parent->path_part.ends_with("+}"))
    bad_request("Cannot create a child of a resource with a greedy path variable: " + parent->path_part);
  for (const auto& sibling : api.resources) {
    if (sibling.parent_id != parent_id) continue;
    if (sibling.path_part == part) conflict("Another resource with the same parent already has this name: " + part);
    if (is_variable(part) && is_variable(sibling.path_part))
      bad_request("A sibling (" + sibling.path_part + ") of this resource already has a variable path part -- only one is allowed");
  }
  Resource resource;
  do resource.id = new_id(ctx, 6);
  while (api.find_resource(resource.id) != nullptr);
  resource.parent_id = parent_id;
  resource.path_part = part;
  resource.path = (parent->path == "/" ? "" : parent->path) + "/" + part;
  if (is_variable(part))
    ctx.rule(part.ends_with("+}") ? "A greedy path variable matches the rest of the path, one or more parts"
                                  : "A path variable matches any one path part; literal siblings are preferred");
  note_not_live(ctx, api);
  return api.resources.emplace_back(std::move(resource)).describe(false);
}

Json get_resources(OpContext& ctx, const Request& r) {
  const RestApi& api = require_api(ctx, r);
  const auto embed = r.optional_string_list("embed").value_or(std::vector<std::string>{});
  const bool methods = std::find(embed.begin(), embed.end(), "methods") != embed.end();
  Json items = Json::array();
  for (const auto& resource : api.resources) items.push_back(resource.describe(methods));
  return Json{{"items", items}};
}

Json get_resource(OpContext& ctx, const Request& r) {
  RestApi& api = require_api(ctx, r);
  const auto embed = r.optional_string_list("embed").value_or(std::vector<std::string>{});
  return require_resource(api, r).describe(std::find(embed.begin(), embed.end(), "methods") != embed.end());
}

Json delete_resource(OpContext& ctx, const Request& r) {
  RestApi& api = require_api(ctx, r);
  const Resource& resource = require_resource(api, r);
  // UNVERIFIED: the wording.
  if (resource.id == api.root_resource_id) bad_request("Cannot delete the root resource.");
  // The resource and everything under it.
  std::vector<std::string> doomed = {resource.id};
  for (bool grew = true; grew;) {
    grew = false;
    for (const auto& x : api.resources)
      if (std::find(doomed.begin(), doomed.end(), x.id) == doomed.end() &&
          std::find(doomed.begin(), doomed.end(), x.parent_id) != doomed.end()) {
        doomed.push_back(x.id);
        grew = true;
      }
  }
  std::erase_if(api.resources, [&](const Resource& x) { return std::find(doomed.begin(), doomed.end(), x.id) != doomed.end(); });
  note_not_live(ctx, api);
  return Json::object();
}

// --- Methods -----------------------------------------------------------------

std::string read_http_method(const Request& r) {
  const std::string method = r.string("httpMethod");
  // UNVERIFIED: the wording.
  if (!apigateway::is_http_method(method))
    bad_request("Invalid HttpMethod specified. Valid options are GET,PUT,POST,DELETE,PATCH,OPTIONS,HEAD,ANY");
  return method;
}

// A method's authorization must be one API Gateway knows, and CUSTOM and
// COGNITO_USER_POOLS need an authorizer of the matching kind.
void check_authorization(RestApi& api, Method& m) {
  // UNVERIFIED: the wording of these refusals.
  if (!apigateway::is_authorization_type(m.authorization_type))
    bad_request("Invalid authorization type specified. Valid options are NONE,AWS_IAM,CUSTOM,COGNITO_USER_POOLS");
  const bool cognito = m.authorization_type == "COGNITO_USER_POOLS";
  if (!cognito && m.authorization_type != "CUSTOM") {
    m.authorizer_id.clear();  // an authorizer means nothing to NONE and AWS_IAM
    return;
  }
  if (m.authorizer_id.empty())
    bad_request("Invalid authorizer ID specified. Setting the authorization type to CUSTOM or COGNITO_USER_POOLS "
                "requires a valid authorizer.");
  const Authorizer* a = api.find_authorizer(m.authorizer_id);
  if (a == nullptr) not_found("Invalid authorizer ID specified");
  if (cognito != (a->type == "COGNITO_USER_POOLS"))
    bad_request("Authorizer " + a->id + " is of type " + a->type + "; authorizationType " + m.authorization_type +
                " needs " + (cognito ? "a COGNITO_USER_POOLS authorizer." : "a TOKEN or REQUEST (Lambda) authorizer."));
}

void rule_for(OpContext& ctx, const Method& m) {
  if (m.authorization_type == "NONE") ctx.rule("NONE: anyone may call the method, with or without a token");
  else if (m.authorization_type == "AWS_IAM") ctx.rule("AWS_IAM: requests must be signed with IAM credentials (SigV4), not carry a user pool token");
  else if (m.authorization_type == "CUSTOM") ctx.rule("CUSTOM: a Lambda authorizer decides (the sandbox does not run Lambda)");
  else if (m.authorization_scopes.empty()) ctx.rule("COGNITO_USER_POOLS without authorizationScopes: the method takes ID tokens");
  else ctx.rule("COGNITO_USER_POOLS with authorizationScopes: the method takes access tokens carrying one of the scopes");
}

Method& require_method(Resource& resource, const Request& r) {
  const auto it = resource.methods.find(r.string("httpMethod"));
  if (it == resource.methods.end()) not_found("Invalid Method identifier specified");
  return it->second;
}

Json put_method(OpContext& ctx, const Request& r) {
  RestApi& api = require_api(ctx, r);
  Resource& resource = require_resource(api, r);
  Method m;
  m.http_method = read_http_method(r);
  m.authorization_type = r.string("authorizationType");
  m.authorizer_id = r.optional_string("authorizerId").value_or("");
  m.authorization_scopes = r.optional_string_list("authorizationScopes").value_or(std::vector<std::string>{});
  check_authorization(api, m);
  if (resource.methods.contains(m.http_method)) conflict("Method already exists for this resource");
  rule_for(ctx, m);
  note_not_live(ctx, api);
  return resource.methods.emplace(m.http_method, m).first->second.describe();
}

Json get_method(OpContext& ctx, const Request& r) {
  RestApi& api = require_api(ctx, r);
  return require_method(require_resource(api, r), r).describe();
}

Json delete_method(OpContext& ctx, const Request& r) {
  RestApi& api = require_api(ctx, r);
  Resource& resource = require_resource(api, r);
  const std::string name = require_method(resource, r).http_method;
  resource.methods.erase(name);
  note_not_live(ctx, api);
  return Json::object();
}

// patchOperations: replace /authorizationType and /authorizerId; add or
// remove one of /authorizationScopes (the scope as the value).
Json update_method(OpContext& ctx, const Request& r) {
  RestApi& api = require_api(ctx, r);
  Method& method = require_method(require_resource(api, r), r);
  Method m = method;
  for (const Request& patch : r.list("patchOperations", 0, 100)) {
    const std::string op = patch.string("op");
    const std::string path = patch.string("path");
    const std::string value = patch.optional_string("value").value_or("");
    if (op == "replace" && path == "/authorizationType") m.authorization_type = value;
    else if (op == "replace" && path == "/authorizerId") m.authorizer_id = value;
    else if (op == "add" && path == "/authorizationScopes") {
      if (std::find(m.authorization_scopes.begin(), m.authorization_scopes.end(), value) == m.authorization_scopes.end())
        m.authorization_scopes.push_back(value);
    } else if (op == "remove" && path == "/authorizationScopes") std::erase(m.authorization_scopes, value);
    // UNVERIFIED: the wording.
    else bad_request("Invalid patch path '" + path + "' specified for op '" + op + "'. The sandbox supports replace "
                     "/authorizationType, replace /authorizerId, add and remove /authorizationScopes.");
  }
  check_authorization(api, m);
  method = m;
  rule_for(ctx, method);
  note_not_live(ctx, api);
  return method.describe();
}

}  // namespace


// The service's REST APIs in the saved state, as "ApiGateway" (always there,
// empty when there are none).
StateSection api_gateway_state() {
  return {"ApiGateway",
          [](const Account& account) {
            const auto* kept = account.services.find<apigateway::ApiGateway>();
            return kept == nullptr ? apigateway::ApiGateway{}.to_state() : kept->to_state();
          },
          [](const Json* saved) -> std::function<void(Account&)> {
            auto read = std::make_shared<apigateway::ApiGateway>(saved == nullptr ? apigateway::ApiGateway{}
                                                                                 : apigateway::ApiGateway::from_state(*saved));
            return [read](Account& account) { account.services.put(std::move(*read)); };
          }};
}

// The operations of this file, for the registry (core/api/registry.h).
const OperationTable& rest_api_operations() {
  static const OperationTable table = {
      {"CreateRestApi", create_rest_api, OperationKind::kChange},
      {"GetRestApis", get_rest_apis, OperationKind::kRead},
      {"GetRestApi", get_rest_api, OperationKind::kRead},
      {"DeleteRestApi", delete_rest_api, OperationKind::kChange},
      {"CreateResource", create_resource, OperationKind::kChange},
      {"GetResources", get_resources, OperationKind::kRead},
      {"GetResource", get_resource, OperationKind::kRead},
      {"DeleteResource", delete_resource, OperationKind::kChange},
      {"PutMethod", put_method, OperationKind::kChange},
      {"GetMethod", get_method, OperationKind::kRead},
      {"UpdateMethod", update_method, OperationKind::kChange},
      {"DeleteMethod", delete_method, OperationKind::kChange},
  };
  return table;
}

}  // namespace userpool::ops
