// Amazon API Gateway REST APIs (v1), as far as "Protect an API with your
// user pool" needs them: APIs, resources, methods, authorizers, deployments
// and stages. Every method's backend is a mock (see api_gateway_invoke.h),
// so the lesson is about who gets in, not what the backend does.
//
// A deployment freezes the API's resources, methods and authorizers; a stage
// serves the deployment it points at. Changes made after a deployment are
// not live until the next one, as on AWS, and that trap is worth teaching,
// so the snapshot is a real copy, not a view of the current configuration.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/clock.h"
#include "core/base/json.h"

namespace userpool::apigateway {

// Where a COGNITO_USER_POOLS authorizer reads the token unless told otherwise.
inline constexpr const char* kDefaultIdentitySource = "method.request.header.Authorization";
// API Gateway's default authorizer cache TTL (authorizerResultTtlInSeconds).
inline constexpr std::int64_t kDefaultAuthorizerTtl = 300;

// Authorizer types and method authorization types, as API Gateway spells them.
bool is_authorizer_type(std::string_view type);        // TOKEN | REQUEST | COGNITO_USER_POOLS
bool is_authorization_type(std::string_view type);     // NONE | AWS_IAM | CUSTOM | COGNITO_USER_POOLS
bool is_http_method(std::string_view method);          // GET | POST | PUT | DELETE | PATCH | HEAD | OPTIONS | ANY

struct Authorizer {
  std::string id;
  std::string name;
  std::string type;
  std::vector<std::string> provider_arns;     // user pool ARNs (COGNITO_USER_POOLS)
  std::string identity_source = kDefaultIdentitySource;
  std::optional<std::string> authorizer_uri;  // a Lambda authorizer's function: kept, never called
  std::int64_t result_ttl_seconds = kDefaultAuthorizerTtl;

  // The Authorizer resource as GetAuthorizer returns it.
  Json describe() const;
  // The header identitySource names ("Authorization" from
  // "method.request.header.Authorization"); empty when it names no header.
  std::string identity_header() const;
};

struct Method {
  std::string http_method;
  std::string authorization_type = "NONE";
  std::string authorizer_id;                      // CUSTOM and COGNITO_USER_POOLS only
  std::vector<std::string> authorization_scopes;  // COGNITO_USER_POOLS only

  // The Method resource as GetMethod returns it.
  Json describe() const;
  bool operator==(const Method&) const = default;
};

struct Resource {
  std::string id;
  std::string parent_id;  // empty for the root "/"
  std::string path_part;  // empty for the root
  std::string path;       // "/", "/pets", "/pets/{petId}"
  std::map<std::string, Method> methods;  // by HTTP method

  // As GetResources lists it; with `embed_methods` the methods in full,
  // otherwise each as {} (API Gateway's answer without embed=methods).
  Json describe(bool embed_methods) const;
};

// What a deployment froze.
struct Snapshot {
  std::vector<Resource> resources;
  std::vector<Authorizer> authorizers;

  const Resource* find_resource(std::string_view id) const;
  const Authorizer* find_authorizer(std::string_view id) const;
};

struct Deployment {
  std::string id;
  std::optional<std::string> description;
  Timestamp created{};
  Snapshot snapshot;

  Json describe() const;
};

struct Stage {
  std::string name;
  std::string deployment_id;
  Timestamp created{}, last_updated{};

  Json describe() const;
};

struct RestApi {
  std::string id;
  std::string name;
  std::optional<std::string> description;
  Timestamp created{};
  std::string root_resource_id;
  std::vector<Resource> resources;  // the root first, then in creation order
  std::vector<Authorizer> authorizers;
  std::vector<Deployment> deployments;
  std::vector<Stage> stages;

  Resource* find_resource(std::string_view id);
  Authorizer* find_authorizer(std::string_view id);
  const Deployment* find_deployment(std::string_view id) const;
  Stage* find_stage(std::string_view name);
  // The resources, methods and authorizers as they are now.
  Snapshot snapshot() const;

  // The RestApi resource as GetRestApi returns it.
  Json describe() const;
};

// The resource and method a request reaches on a deployed stage.
struct Route {
  const Resource* resource = nullptr;
  const Method* method = nullptr;
};

// Finds the resource for a request path (literal path parts before
// "{param}" ones, and "{param+}" for the rest of the path, as API Gateway
// prefers them) and its method (the exact one, else ANY). Empty members
// when there is no such resource or method.
Route match_route(const Snapshot& snapshot, std::string_view http_method, std::string_view path);

// Every REST API of the account.
struct ApiGateway {
  std::vector<RestApi> rest_apis;  // in creation order

  RestApi* find(std::string_view rest_api_id);
  void clear() { rest_apis.clear(); }

  // Saved state (see core/model/state.h): to_state() and back without loss.
  // from_state() throws std::runtime_error naming the member at fault.
  Json to_state() const;
  static ApiGateway from_state(const Json& state);
};

}  // namespace userpool::apigateway
