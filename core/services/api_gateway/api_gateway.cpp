#include "core/services/api_gateway/api_gateway.h"

#include <algorithm>
#include <stdexcept>

namespace userpool::apigateway {
namespace {

bool one_of(std::string_view value, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), value) != names.end();
}

// API Gateway's JSON carries dates as whole epoch seconds.
std::int64_t date(Timestamp t) { return to_epoch_whole_seconds(t); }

template <typename T, typename Id>
T* find_by_id(std::vector<T>& list, Id id) {
  const auto it = std::find_if(list.begin(), list.end(), [&](const T& x) { return x.id == id; });
  return it == list.end() ? nullptr : &*it;
}
template <typename T, typename Id>
const T* find_by_id(const std::vector<T>& list, Id id) {
  const auto it = std::find_if(list.begin(), list.end(), [&](const T& x) { return x.id == id; });
  return it == list.end() ? nullptr : &*it;
}

// "/pets/{petId}" -> {"pets", "{petId}"}; "/" -> {}. A trailing slash is
// not a part of its own.
std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (start < path.size()) {
    if (path[start] == '/') {
      ++start;
      continue;
    }
    const std::size_t end = std::min(path.find('/', start), path.size());
    parts.push_back(path.substr(start, end - start));
    start = end;
  }
  return parts;
}

bool is_param(std::string_view part) { return part.size() >= 2 && part.front() == '{' && part.back() == '}'; }
bool is_greedy(std::string_view part) { return is_param(part) && part.size() >= 3 && part[part.size() - 2] == '+'; }

// How well a resource path matches a request path: one rank per part
// (2 literal, 1 "{param}", 0 "{param+}"), compared position by position so
// the most literal resource wins, as API Gateway chooses. Empty: no match.
std::optional<std::vector<int>> match_rank(std::string_view resource_path, const std::vector<std::string_view>& request) {
  const auto parts = split_path(resource_path);
  std::vector<int> rank;
  std::size_t i = 0;
  for (std::size_t p = 0; p < parts.size(); ++p) {
    if (is_greedy(parts[p])) {
      if (p + 1 != parts.size() || i >= request.size()) return std::nullopt;  // "+" takes at least one part
      rank.push_back(0);
      return rank;
    }
    if (i >= request.size()) return std::nullopt;
    if (is_param(parts[p])) rank.push_back(1);
    else if (parts[p] == request[i]) rank.push_back(2);
    else return std::nullopt;
    ++i;
  }
  if (i != request.size()) return std::nullopt;
  return rank;
}

// --- saved state -----------------------------------------------------------

std::int64_t ms(Timestamp t) { return t.time_since_epoch().count(); }
Timestamp at(const Json& j) { return from_epoch_millis(j.get<std::int64_t>()); }

// An import error that already names the member at fault.
struct StateError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

[[noreturn]] void bad(const std::string& where, const std::string& what) { throw StateError(where + ": " + what); }

// Runs `read` and puts `where` in front of whatever it throws, so an import
// error names the member at fault ("RestApis[0].Resources[2]: ...").
template <typename F>
auto reading(const std::string& where, F&& read) -> decltype(read()) {
  try {
    return read();
  } catch (const StateError&) {
    throw;
  } catch (const std::exception& e) {
    throw StateError(where + ": " + plain_json_error(e.what()));
  }
}

std::optional<std::string> optional_string(const Json& j, const char* member) {
  return j.contains(member) ? std::optional<std::string>(j.at(member).get<std::string>()) : std::nullopt;
}

Json authorizer_to_state(const Authorizer& a) {
  Json j = {{"Id", a.id}, {"Name", a.name}, {"Type", a.type}, {"ProviderArns", a.provider_arns},
            {"IdentitySource", a.identity_source}, {"ResultTtlSeconds", a.result_ttl_seconds}};
  if (a.authorizer_uri) j["AuthorizerUri"] = *a.authorizer_uri;
  return j;
}

Authorizer authorizer_from_state(const Json& j) {
  Authorizer a;
  a.id = j.at("Id").get<std::string>();
  a.name = j.at("Name").get<std::string>();
  a.type = j.at("Type").get<std::string>();
  if (!is_authorizer_type(a.type)) throw std::runtime_error("Type " + a.type + " is not an authorizer type");
  a.provider_arns = j.at("ProviderArns").get<std::vector<std::string>>();
  a.identity_source = j.at("IdentitySource").get<std::string>();
  a.result_ttl_seconds = j.at("ResultTtlSeconds").get<std::int64_t>();
  a.authorizer_uri = optional_string(j, "AuthorizerUri");
  return a;
}

Json method_to_state(const Method& m) {
  return Json{{"HttpMethod", m.http_method}, {"AuthorizationType", m.authorization_type},
              {"AuthorizerId", m.authorizer_id}, {"AuthorizationScopes", m.authorization_scopes}};
}

Method method_from_state(const Json& j) {
  Method m;
  m.http_method = j.at("HttpMethod").get<std::string>();
  if (!is_http_method(m.http_method)) throw std::runtime_error("HttpMethod " + m.http_method + " is not an HTTP method");
  m.authorization_type = j.at("AuthorizationType").get<std::string>();
  if (!is_authorization_type(m.authorization_type))
    throw std::runtime_error("AuthorizationType " + m.authorization_type + " is not an authorization type");
  m.authorizer_id = j.at("AuthorizerId").get<std::string>();
  m.authorization_scopes = j.at("AuthorizationScopes").get<std::vector<std::string>>();
  return m;
}

Json resource_to_state(const Resource& r) {
  Json methods = Json::array();
  for (const auto& [name, m] : r.methods) methods.push_back(method_to_state(m));
  return Json{{"Id", r.id}, {"ParentId", r.parent_id}, {"PathPart", r.path_part}, {"Path", r.path}, {"Methods", methods}};
}

Resource resource_from_state(const Json& j, const std::string& where) {
  Resource r;
  r.id = j.at("Id").get<std::string>();
  r.parent_id = j.at("ParentId").get<std::string>();
  r.path_part = j.at("PathPart").get<std::string>();
  r.path = j.at("Path").get<std::string>();
  const auto& methods = j.at("Methods").get_ref<const Json::array_t&>();
  for (std::size_t i = 0; i < methods.size(); ++i) {
    Method m = reading(where + ".Methods[" + std::to_string(i) + "]", [&] { return method_from_state(methods[i]); });
    if (r.methods.contains(m.http_method)) bad(where, "two " + m.http_method + " methods");
    r.methods.emplace(m.http_method, std::move(m));
  }
  return r;
}

Json snapshot_to_state(Json j, const Snapshot& s) {
  Json resources = Json::array(), authorizers = Json::array();
  for (const auto& r : s.resources) resources.push_back(resource_to_state(r));
  for (const auto& a : s.authorizers) authorizers.push_back(authorizer_to_state(a));
  j["Resources"] = resources;
  j["Authorizers"] = authorizers;
  return j;
}

// Reads a snapshot and checks it holds together: unique IDs, one root,
// parents that exist, methods whose authorizer exists and is of their kind.
Snapshot snapshot_from_state(const Json& j, const std::string& where) {
  Snapshot s;
  const auto& authorizers = j.at("Authorizers").get_ref<const Json::array_t&>();
  for (std::size_t i = 0; i < authorizers.size(); ++i) {
    const std::string at_i = where + ".Authorizers[" + std::to_string(i) + "]";
    s.authorizers.push_back(reading(at_i, [&] { return authorizer_from_state(authorizers[i]); }));
    if (std::count_if(s.authorizers.begin(), s.authorizers.end(), [&](const Authorizer& a) { return a.id == s.authorizers.back().id; }) > 1)
      bad(at_i, "two authorizers have the ID " + s.authorizers.back().id);
  }
  const auto& resources = j.at("Resources").get_ref<const Json::array_t&>();
  for (std::size_t i = 0; i < resources.size(); ++i) {
    const std::string at_i = where + ".Resources[" + std::to_string(i) + "]";
    s.resources.push_back(reading(at_i, [&] { return resource_from_state(resources[i], at_i); }));
    const Resource& r = s.resources.back();
    if (std::count_if(s.resources.begin(), s.resources.end(), [&](const Resource& x) { return x.id == r.id; }) > 1)
      bad(at_i, "two resources have the ID " + r.id);
    if (i == 0 && (!r.parent_id.empty() || r.path != "/")) bad(at_i, "the first resource must be the root \"/\"");
    if (i > 0 && s.find_resource(r.parent_id) == nullptr) bad(at_i, "its parent " + r.parent_id + " is not an earlier resource");
    for (const auto& [name, m] : r.methods) {
      if (m.authorization_type != "CUSTOM" && m.authorization_type != "COGNITO_USER_POOLS") continue;
      const Authorizer* a = s.find_authorizer(m.authorizer_id);
      if (a == nullptr) bad(at_i, name + " names authorizer " + m.authorizer_id + ", which does not exist");
      if ((m.authorization_type == "COGNITO_USER_POOLS") != (a->type == "COGNITO_USER_POOLS"))
        bad(at_i, name + " is " + m.authorization_type + " but authorizer " + a->id + " is " + a->type);
    }
  }
  if (s.resources.empty()) bad(where, "there is no root resource");
  return s;
}

Json rest_api_to_state(const RestApi& api) {
  Json j = {{"Id", api.id}, {"Name", api.name}};
  if (api.description) j["Description"] = *api.description;
  j["CreatedMillis"] = ms(api.created);
  j["RootResourceId"] = api.root_resource_id;
  j = snapshot_to_state(j, api.snapshot());
  Json deployments = Json::array(), stages = Json::array();
  for (const auto& d : api.deployments) {
    Json dj = {{"Id", d.id}};
    if (d.description) dj["Description"] = *d.description;
    dj["CreatedMillis"] = ms(d.created);
    deployments.push_back(snapshot_to_state(dj, d.snapshot));
  }
  for (const auto& s : api.stages)
    stages.push_back(Json{{"Name", s.name}, {"DeploymentId", s.deployment_id}, {"CreatedMillis", ms(s.created)},
                          {"UpdatedMillis", ms(s.last_updated)}});
  j["Deployments"] = deployments;
  j["Stages"] = stages;
  return j;
}

RestApi rest_api_from_state(const Json& j, const std::string& where) {
  RestApi api;
  reading(where, [&] {
    api.id = j.at("Id").get<std::string>();
    api.name = j.at("Name").get<std::string>();
    api.description = optional_string(j, "Description");
    api.created = at(j.at("CreatedMillis"));
    api.root_resource_id = j.at("RootResourceId").get<std::string>();
    return 0;
  });
  Snapshot current = snapshot_from_state(j, where);
  if (current.resources.front().id != api.root_resource_id) bad(where, "RootResourceId is not the first resource");
  api.resources = std::move(current.resources);
  api.authorizers = std::move(current.authorizers);
  const auto& deployments = reading(where, [&]() -> const Json::array_t& { return j.at("Deployments").get_ref<const Json::array_t&>(); });
  for (std::size_t i = 0; i < deployments.size(); ++i) {
    const std::string at_i = where + ".Deployments[" + std::to_string(i) + "]";
    Deployment d;
    reading(at_i, [&] {
      d.id = deployments[i].at("Id").get<std::string>();
      d.description = optional_string(deployments[i], "Description");
      d.created = at(deployments[i].at("CreatedMillis"));
      return 0;
    });
    d.snapshot = snapshot_from_state(deployments[i], at_i);
    if (api.find_deployment(d.id) != nullptr) bad(at_i, "two deployments have the ID " + d.id);
    api.deployments.push_back(std::move(d));
  }
  const auto& stages = reading(where, [&]() -> const Json::array_t& { return j.at("Stages").get_ref<const Json::array_t&>(); });
  for (std::size_t i = 0; i < stages.size(); ++i) {
    const std::string at_i = where + ".Stages[" + std::to_string(i) + "]";
    Stage s = reading(at_i, [&] {
      return Stage{stages[i].at("Name").get<std::string>(), stages[i].at("DeploymentId").get<std::string>(),
                   at(stages[i].at("CreatedMillis")), at(stages[i].at("UpdatedMillis"))};
    });
    if (api.find_deployment(s.deployment_id) == nullptr) bad(at_i, "its deployment " + s.deployment_id + " does not exist");
    if (api.find_stage(s.name) != nullptr) bad(at_i, "two stages are named " + s.name);
    api.stages.push_back(std::move(s));
  }
  return api;
}

}  // namespace

bool is_authorizer_type(std::string_view type) { return one_of(type, {"TOKEN", "REQUEST", "COGNITO_USER_POOLS"}); }
bool is_authorization_type(std::string_view type) { return one_of(type, {"NONE", "AWS_IAM", "CUSTOM", "COGNITO_USER_POOLS"}); }
bool is_http_method(std::string_view method) {
  return one_of(method, {"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "ANY"});
}

Json Authorizer::describe() const {
  Json j = {{"id", id}, {"name", name}, {"type", type}};
  if (type == "COGNITO_USER_POOLS") j["providerARNs"] = provider_arns;
  if (authorizer_uri) j["authorizerUri"] = *authorizer_uri;
  j["identitySource"] = identity_source;
  j["authorizerResultTtlInSeconds"] = result_ttl_seconds;
  return j;
}

std::string Authorizer::identity_header() const {
  constexpr std::string_view kPrefix = "method.request.header.";
  const std::string_view s = identity_source;
  if (s.substr(0, kPrefix.size()) != kPrefix) return {};
  const std::string_view header = s.substr(kPrefix.size());
  return header.find(',') == std::string_view::npos ? std::string(header) : std::string();
}

Json Method::describe() const {
  Json j = {{"httpMethod", http_method}, {"authorizationType", authorization_type}};
  if (!authorizer_id.empty()) j["authorizerId"] = authorizer_id;
  j["apiKeyRequired"] = false;
  if (!authorization_scopes.empty()) j["authorizationScopes"] = authorization_scopes;
  // The sandbox gives every method the same mock backend (api_gateway_invoke.h).
  j["methodIntegration"] = {{"type", "MOCK"}};
  return j;
}

Json Resource::describe(bool embed_methods) const {
  Json j = {{"id", id}};
  if (!parent_id.empty()) j["parentId"] = parent_id;
  if (!path_part.empty()) j["pathPart"] = path_part;
  j["path"] = path;
  if (!methods.empty()) {
    Json m = Json::object();
    for (const auto& [name, method] : methods) m[name] = embed_methods ? method.describe() : Json::object();
    j["resourceMethods"] = m;
  }
  return j;
}

const Resource* Snapshot::find_resource(std::string_view id) const { return find_by_id(resources, id); }
const Authorizer* Snapshot::find_authorizer(std::string_view id) const { return find_by_id(authorizers, id); }

Json Deployment::describe() const {
  Json j = {{"id", id}};
  if (description) j["description"] = *description;
  j["createdDate"] = date(created);
  return j;
}

Json Stage::describe() const {
  return Json{{"stageName", name}, {"deploymentId", deployment_id}, {"createdDate", date(created)},
              {"lastUpdatedDate", date(last_updated)}};
}

Resource* RestApi::find_resource(std::string_view rid) { return find_by_id(resources, rid); }
Authorizer* RestApi::find_authorizer(std::string_view aid) { return find_by_id(authorizers, aid); }
const Deployment* RestApi::find_deployment(std::string_view did) const { return find_by_id(deployments, did); }

Stage* RestApi::find_stage(std::string_view stage_name) {
  const auto it = std::find_if(stages.begin(), stages.end(), [&](const Stage& s) { return s.name == stage_name; });
  return it == stages.end() ? nullptr : &*it;
}

Snapshot RestApi::snapshot() const { return Snapshot{resources, authorizers}; }

Json RestApi::describe() const {
  Json j = {{"id", id}, {"name", name}};
  if (description) j["description"] = *description;
  j["createdDate"] = date(created);
  j["apiKeySource"] = "HEADER";
  j["endpointConfiguration"] = {{"types", {"EDGE"}}};
  j["disableExecuteApiEndpoint"] = false;
  j["rootResourceId"] = root_resource_id;
  return j;
}

Route match_route(const Snapshot& snapshot, std::string_view http_method, std::string_view path) {
  const auto request = split_path(path);
  Route best;
  std::vector<int> best_rank;
  for (const auto& r : snapshot.resources) {
    const auto rank = match_rank(r.path, request);
    if (!rank || (best.resource != nullptr && *rank <= best_rank)) continue;
    best.resource = &r;
    best_rank = *rank;
  }
  if (best.resource == nullptr) return best;
  auto m = best.resource->methods.find(std::string(http_method));
  if (m == best.resource->methods.end()) m = best.resource->methods.find("ANY");
  if (m != best.resource->methods.end()) best.method = &m->second;
  return best;
}

RestApi* ApiGateway::find(std::string_view rest_api_id) { return find_by_id(rest_apis, rest_api_id); }

Json ApiGateway::to_state() const {
  Json list = Json::array();
  for (const auto& api : rest_apis) list.push_back(rest_api_to_state(api));
  return Json{{"RestApis", list}};
}

ApiGateway ApiGateway::from_state(const Json& state) {
  ApiGateway g;
  const auto& list = reading("RestApis", [&]() -> const Json::array_t& { return state.at("RestApis").get_ref<const Json::array_t&>(); });
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string where = "RestApis[" + std::to_string(i) + "]";
    g.rest_apis.push_back(rest_api_from_state(list[i], where));
    if (std::count_if(g.rest_apis.begin(), g.rest_apis.end(), [&](const RestApi& a) { return a.id == g.rest_apis.back().id; }) > 1)
      bad(where, "two REST APIs have the ID " + g.rest_apis.back().id);
  }
  return g;
}

}  // namespace userpool::apigateway
