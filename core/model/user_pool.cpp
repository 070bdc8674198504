#include "core/model/user_pool.h"

#include <algorithm>
#include <utility>

namespace userpool {

Json Group::describe(const std::string& user_pool_id) const {
  Json j = {{"GroupName", name}, {"UserPoolId", user_pool_id}};
  if (!description.empty()) j["Description"] = description;
  if (!role_arn.empty()) j["RoleArn"] = role_arn;
  if (precedence) j["Precedence"] = *precedence;
  j["LastModifiedDate"] = to_epoch_seconds(last_modified);
  j["CreationDate"] = to_epoch_seconds(created);
  return j;
}

Json ResourceServer::describe(const std::string& user_pool_id) const {
  Json j = {{"UserPoolId", user_pool_id}, {"Identifier", identifier}, {"Name", name}};
  // Left out when there are none, as Cognito answers.
  if (!scopes.empty()) {
    Json list = Json::array();
    for (const auto& s : scopes) list.push_back(Json{{"ScopeName", s.name}, {"ScopeDescription", s.description}});
    j["Scopes"] = list;
  }
  return j;
}

AppClient* UserPool::find_client(std::string_view client_id) {
  const auto it = std::find_if(clients.begin(), clients.end(), [&](const auto& c) { return c.client_id == client_id; });
  return it == clients.end() ? nullptr : &*it;
}

Group* UserPool::find_group(std::string_view name) {
  const auto it = std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.name == name; });
  return it == groups.end() ? nullptr : &*it;
}

ResourceServer* UserPool::find_resource_server(std::string_view identifier) {
  const auto it = std::find_if(resource_servers.begin(), resource_servers.end(), [&](const auto& r) { return r.identifier == identifier; });
  return it == resource_servers.end() ? nullptr : &*it;
}

IdentityProvider* UserPool::find_identity_provider(std::string_view name) {
  const auto it = std::find_if(identity_providers.begin(), identity_providers.end(), [&](const auto& p) { return p.name == name; });
  return it == identity_providers.end() ? nullptr : &*it;
}

ManagedLoginBranding* UserPool::find_branding_by_client(std::string_view client_id) {
  return const_cast<ManagedLoginBranding*>(std::as_const(*this).find_branding_by_client(client_id));
}

const ManagedLoginBranding* UserPool::find_branding_by_client(std::string_view client_id) const {
  const auto it = std::find_if(brandings.begin(), brandings.end(), [&](const auto& b) { return b.client_id == client_id; });
  return it == brandings.end() ? nullptr : &*it;
}

const UICustomization* UserPool::ui_customization_for(const std::string& client_id) const {
  if (const auto own = ui_customizations.find(client_id); own != ui_customizations.end()) return &own->second;
  if (const auto all = ui_customizations.find("ALL"); all != ui_customizations.end()) return &all->second;
  return nullptr;
}

bool UserPool::defines_scope(std::string_view scope) const {
  // The identifier may itself contain slashes (a URL); the scope name cannot.
  const auto slash = scope.rfind('/');
  if (slash == std::string_view::npos) return false;
  const std::string_view identifier = scope.substr(0, slash), name = scope.substr(slash + 1);
  return std::any_of(resource_servers.begin(), resource_servers.end(), [&](const ResourceServer& r) {
    return r.identifier == identifier &&
           std::any_of(r.scopes.begin(), r.scopes.end(), [&](const ResourceServerScope& s) { return s.name == name; });
  });
}

void UserPool::drop_expired_sessions(Timestamp now) {
  std::erase_if(sessions, [&](const auto& kv) { return kv.second.expires_at < now; });
}

}  // namespace userpool
