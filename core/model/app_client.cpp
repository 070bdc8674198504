#include "core/model/app_client.h"
#include "core/rules/quotas.h"

#include <algorithm>

#include "core/api/api_error.h"
#include "core/base/identifiers.h"
#include "core/crypto/secret_hash.h"

namespace userpool {

bool writable_by_clients(std::string_view attribute) {
  return attribute != "email_verified" && attribute != "phone_number_verified" && attribute != "identities";
}

namespace {

using std::chrono::seconds;

const char* const kNewFlows[] = {"ALLOW_USER_AUTH", "ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_CUSTOM_AUTH",
                                 "ALLOW_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"};
const char* const kLegacyFlows[] = {"ADMIN_NO_SRP_AUTH", "CUSTOM_AUTH_FLOW_ONLY", "USER_PASSWORD_AUTH"};
const char* const kStandardScopes[] = {"phone", "email", "openid", "profile", "aws.cognito.signin.user.admin"};

bool has(const std::vector<std::string>& list, std::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

template <std::size_t N>
bool one_of(const char* const (&set)[N], std::string_view value) {
  return std::find(std::begin(set), std::end(set), value) != std::end(set);
}

seconds unit_seconds(const std::string& unit) {
  if (unit == "seconds") return seconds(1);
  if (unit == "minutes") return seconds(60);
  if (unit == "hours") return seconds(3600);
  return seconds(86400);
}

std::string unit_of(const std::optional<Json>& units, const char* member, const char* fallback) {
  if (!units || !units->contains(member)) return fallback;
  return (*units)[member].get<std::string>();
}

void check_lifetime(const char* what, seconds value, seconds min, seconds max, const char* range) {
  if (value < min || value > max)
    fail_invalid_parameter(std::string(what) + " must be between " + range + ".",
                           "Token lifetimes: access and ID 5 minutes to 1 day, refresh 60 minutes to 10 years");
}

void check_callback_url(const std::string& url, const char* what) {
  if (const auto problem = callback_url_problem(url)) fail_invalid_parameter(std::string(what) + " " + url + " " + *problem);
}

std::vector<std::string> attribute_list(const Request& r, const char* member, const PoolConfig& pool, bool write,
                                        bool creating) {
  auto list = r.optional_string_list(member, shapes::kAttributeName).value_or(std::vector<std::string>{});
  for (const auto& name : list) {
    const bool known = find_attribute(pool.schema, name) != nullptr && name != "sub";
    const bool unwritable = write && !writable_by_clients(name);
    if (!known || unwritable)
      fail_invalid_parameter(std::string("Invalid ") + (write ? "write" : "read") + " attributes specified while " +
                                 (creating ? "creating" : "updating") + " a client",
                             name + " is not an attribute this client can " + (write ? "write" : "read"));
  }
  return list;
}

}  // namespace

std::optional<std::string> callback_url_problem(std::string_view url) {
  const auto scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos || scheme_end == 0) return "is not an absolute URL.";
  if (url.find('#') != std::string_view::npos) return "must not contain a fragment (#).";
  if (url.substr(0, scheme_end) != "http") return std::nullopt;
  // The authority ends at the first path, query or end; a user-info part
  // ("localhost@evil.example") does not make a host local.
  const std::string_view rest = url.substr(scheme_end + 3);
  const std::string_view authority = rest.substr(0, rest.find_first_of("/?"));
  std::string_view host = authority;
  if (host.find('@') == std::string_view::npos) {
    if (host.rfind("[::1]", 0) == 0) {
      host = host.substr(5);
      if (host.empty() || host[0] == ':') return std::nullopt;
    } else {
      host = host.substr(0, host.find(':'));
      if (host == "localhost" || host == "127.0.0.1") return std::nullopt;
    }
  }
  return "must use HTTPS; plain HTTP is allowed only for http://localhost.";
}

seconds AppClient::access_token_lifetime() const {
  return access_token_validity ? *access_token_validity * unit_seconds(unit_of(token_validity_units, "AccessToken", quotas::kDefaultAccessTokenUnit))
                               : seconds(quotas::kDefaultAccessTokenValidity);
}

seconds AppClient::id_token_lifetime() const {
  return id_token_validity ? *id_token_validity * unit_seconds(unit_of(token_validity_units, "IdToken", quotas::kDefaultIdTokenUnit))
                           : seconds(quotas::kDefaultIdTokenValidity);
}

seconds AppClient::refresh_token_lifetime() const {
  return refresh_token_validity * unit_seconds(unit_of(token_validity_units, "RefreshToken", quotas::kDefaultRefreshTokenUnit));
}

bool AppClient::allows_flow(std::string_view flow) const {
  const bool legacy = std::any_of(explicit_auth_flows.begin(), explicit_auth_flows.end(),
                                  [](const auto& f) { return one_of(kLegacyFlows, f); });
  const bool custom_only = has(explicit_auth_flows, "CUSTOM_AUTH_FLOW_ONLY");
  if (flow == "USER_SRP_AUTH") return has(explicit_auth_flows, "ALLOW_USER_SRP_AUTH") || (legacy && !custom_only);
  if (flow == "USER_PASSWORD_AUTH")
    return has(explicit_auth_flows, "ALLOW_USER_PASSWORD_AUTH") || has(explicit_auth_flows, "USER_PASSWORD_AUTH");
  if (flow == "ADMIN_USER_PASSWORD_AUTH" || flow == "ADMIN_NO_SRP_AUTH")
    return has(explicit_auth_flows, "ALLOW_ADMIN_USER_PASSWORD_AUTH") || has(explicit_auth_flows, "ADMIN_NO_SRP_AUTH");
  if (flow == "REFRESH_TOKEN_AUTH" || flow == "REFRESH_TOKEN")
    return has(explicit_auth_flows, "ALLOW_REFRESH_TOKEN_AUTH") || legacy;
  if (flow == "CUSTOM_AUTH") return has(explicit_auth_flows, "ALLOW_CUSTOM_AUTH") || custom_only;
  if (flow == "USER_AUTH") return has(explicit_auth_flows, "ALLOW_USER_AUTH");
  return false;
}

bool AppClient::allows_oauth_flow(std::string_view flow) const {
  return allowed_oauth_flows_user_pool_client && allowed_oauth_flows &&
         std::find(allowed_oauth_flows->begin(), allowed_oauth_flows->end(), flow) != allowed_oauth_flows->end();
}

bool AppClient::can_read(const PoolConfig& pool, std::string_view attribute) const {
  if (attribute == "sub") return true;
  if (read_attributes) return has(*read_attributes, attribute);
  const SchemaAttribute* a = find_attribute(pool.schema, attribute);
  return a != nullptr && !a->custom;
}

bool AppClient::can_write(const PoolConfig& pool, std::string_view attribute) const {
  const SchemaAttribute* a = find_attribute(pool.schema, attribute);
  if (a == nullptr || attribute == "sub") return false;
  if (a->required) return true;
  if (write_attributes) return has(*write_attributes, attribute);
  return !a->custom && attribute != "email_verified" && attribute != "phone_number_verified";
}

Json AppClient::describe(const std::string& user_pool_id) const {
  Json j = {{"UserPoolId", user_pool_id}, {"ClientName", client_name}, {"ClientId", client_id}};
  if (has_secret()) j["ClientSecret"] = client_secret;
  j["LastModifiedDate"] = to_epoch_seconds(last_modified);
  j["CreationDate"] = to_epoch_seconds(created);
  j["RefreshTokenValidity"] = refresh_token_validity;
  if (access_token_validity) j["AccessTokenValidity"] = *access_token_validity;
  if (id_token_validity) j["IdTokenValidity"] = *id_token_validity;
  if (token_validity_units) j["TokenValidityUnits"] = *token_validity_units;
  if (read_attributes) j["ReadAttributes"] = *read_attributes;
  if (write_attributes) j["WriteAttributes"] = *write_attributes;
  j["ExplicitAuthFlows"] = explicit_auth_flows;
  if (supported_identity_providers) j["SupportedIdentityProviders"] = *supported_identity_providers;
  if (callback_urls) j["CallbackURLs"] = *callback_urls;
  if (logout_urls) j["LogoutURLs"] = *logout_urls;
  if (!default_redirect_uri.empty()) j["DefaultRedirectURI"] = default_redirect_uri;
  if (allowed_oauth_flows) j["AllowedOAuthFlows"] = *allowed_oauth_flows;
  if (allowed_oauth_scopes) j["AllowedOAuthScopes"] = *allowed_oauth_scopes;
  j["AllowedOAuthFlowsUserPoolClient"] = allowed_oauth_flows_user_pool_client;
  if (!analytics_configuration.is_null()) j["AnalyticsConfiguration"] = analytics_configuration;
  j["PreventUserExistenceErrors"] = prevent_user_existence_errors;
  j["EnableTokenRevocation"] = enable_token_revocation;
  j["EnablePropagateAdditionalUserContextData"] = enable_propagate_additional_user_context_data;
  j["AuthSessionValidity"] = auth_session_validity_minutes;
  if (!refresh_token_rotation.is_null()) j["RefreshTokenRotation"] = refresh_token_rotation;
  return j;
}

AppClient app_client_from_request(const Request& r, std::string_view user_pool_id, const PoolConfig& pool,
                                  const AppClient* current, RandomSource& random, Timestamp now,
                                  const PoolNameCheck& custom_scope_exists, const PoolNameCheck& identity_provider_exists) {
  const bool creating = current == nullptr;
  AppClient c;
  if (creating) {
    c.client_name = r.string("ClientName", shapes::kClientName);
    c.client_id = generate_app_client_id(random);
    c.created = now;
    const bool generate = r.optional_bool("GenerateSecret").value_or(false);
    const auto given = r.optional_string("ClientSecret", shapes::kClientSecret);
    if (generate && given) fail_invalid_parameter("ClientSecret cannot be given together with GenerateSecret set to true.");
    c.client_secret = given ? *given : generate ? generate_client_secret(random) : std::string();
  } else {
    c.client_name = r.optional_string("ClientName", shapes::kClientName).value_or(current->client_name);
    c.client_id = current->client_id;
    c.client_secret = current->client_secret;
    c.created = current->created;
  }
  c.last_modified = now;

  // Token lifetimes.
  c.access_token_validity = r.optional_int("AccessTokenValidity", 1, 86400);
  c.id_token_validity = r.optional_int("IdTokenValidity", 1, 86400);
  const auto refresh = r.optional_int("RefreshTokenValidity", 0, 315360000);
  c.refresh_token_validity = refresh && *refresh > 0 ? *refresh : 30;  // 0 means the default
  if (r.has("TokenValidityUnits")) {
    const Request u = r.member("TokenValidityUnits");
    Json units = Json::object();
    for (const char* member : {"AccessToken", "IdToken", "RefreshToken"}) {
      if (const auto v = u.optional_string(member)) {
        if (*v != "seconds" && *v != "minutes" && *v != "hours" && *v != "days")
          fail_validation("tokenValidityUnits." + lower_camel(member), "'" + *v + "'",
                          "Member must satisfy enum value set: [seconds, minutes, hours, days]");
        units[member] = *v;
      }
    }
    c.token_validity_units = units;
  }
  check_lifetime("Access token validity", c.access_token_lifetime(), seconds(300), seconds(86400), "5 minutes and 1 day");
  check_lifetime("ID token validity", c.id_token_lifetime(), seconds(300), seconds(86400), "5 minutes and 1 day");
  check_lifetime("Refresh token validity", c.refresh_token_lifetime(), seconds(3600), seconds(315360000),
                 "60 minutes and 10 years");
  if (c.refresh_token_lifetime() <= c.access_token_lifetime() || c.refresh_token_lifetime() <= c.id_token_lifetime())
    fail_invalid_parameter("Refresh token validity must be longer than the access and ID token validity.");

  // Attribute permissions.
  if (r.has("ReadAttributes")) c.read_attributes = attribute_list(r, "ReadAttributes", pool, false, creating);
  if (r.has("WriteAttributes")) {
    c.write_attributes = attribute_list(r, "WriteAttributes", pool, true, creating);
    for (const auto& a : pool.schema)
      if (a.required && a.name != "sub" && !has(*c.write_attributes, a.name))
        fail_invalid_parameter(std::string("Invalid write attributes specified while ") + (creating ? "creating" : "updating") +
                                   " a client",
                               "required attribute " + a.name + " must be writable");
  }

  // Authentication flows.
  auto flows = r.optional_string_list("ExplicitAuthFlows").value_or(std::vector<std::string>{});
  for (const auto& f : flows)
    if (!one_of(kNewFlows, f) && !one_of(kLegacyFlows, f))
      fail_validation("explicitAuthFlows", "'[" + f + "]'",
                      "Member must satisfy constraint: [Member must satisfy enum value set: [ADMIN_NO_SRP_AUTH, "
                      "CUSTOM_AUTH_FLOW_ONLY, USER_PASSWORD_AUTH, ALLOW_ADMIN_USER_PASSWORD_AUTH, ALLOW_CUSTOM_AUTH, "
                      "ALLOW_USER_PASSWORD_AUTH, ALLOW_USER_SRP_AUTH, ALLOW_REFRESH_TOKEN_AUTH, ALLOW_USER_AUTH]]");
  const bool any_new = std::any_of(flows.begin(), flows.end(), [](const auto& f) { return one_of(kNewFlows, f); });
  const bool any_legacy = std::any_of(flows.begin(), flows.end(), [](const auto& f) { return one_of(kLegacyFlows, f); });
  if (any_new && any_legacy)
    fail_invalid_parameter("The ExplicitAuthFlows values ALLOW_* and the legacy values cannot be combined.");
  // Neither given nor any flow in the list: the API's defaults.
  c.explicit_auth_flows = flows.empty() ? std::vector<std::string>{"ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_CUSTOM_AUTH"}
                                        : flows;

  // OAuth 2.0 and the hosted UI.
  c.allowed_oauth_flows_user_pool_client = r.optional_bool("AllowedOAuthFlowsUserPoolClient").value_or(false);
  c.supported_identity_providers = r.optional_string_list("SupportedIdentityProviders");
  for (const auto& idp : c.supported_identity_providers.value_or(std::vector<std::string>{}))
    if (idp != "COGNITO" && !identity_provider_exists(idp))
      fail_invalid_parameter("The provider " + idp + " does not exist for User Pool " + std::string(user_pool_id),
                             "A client may name COGNITO and the pool's identity providers (CreateIdentityProvider)");
  c.callback_urls = r.optional_string_list("CallbackURLs", shapes::kAny, 100);
  c.logout_urls = r.optional_string_list("LogoutURLs", shapes::kAny, 100);
  for (const auto& u : c.callback_urls.value_or(std::vector<std::string>{})) check_callback_url(u, "Callback URL");
  for (const auto& u : c.logout_urls.value_or(std::vector<std::string>{})) check_callback_url(u, "Sign-out URL");
  c.default_redirect_uri = r.optional_string("DefaultRedirectURI").value_or("");
  if (!c.default_redirect_uri.empty() && !has(c.callback_urls.value_or(std::vector<std::string>{}), c.default_redirect_uri))
    fail_invalid_parameter("DefaultRedirectURI must be one of the CallbackURLs.");
  c.allowed_oauth_flows = r.optional_string_list("AllowedOAuthFlows", shapes::kAny, 3);
  c.allowed_oauth_scopes = r.optional_string_list("AllowedOAuthScopes", shapes::kAny, 50);
  const auto flows_list = c.allowed_oauth_flows.value_or(std::vector<std::string>{});
  for (const auto& f : flows_list)
    if (f != "code" && f != "implicit" && f != "client_credentials")
      fail_validation("allowedOAuthFlows", "'[" + f + "]'",
                      "Member must satisfy constraint: [Member must satisfy enum value set: [implicit, client_credentials, code]]");
  for (auto f = flows_list.begin(); f != flows_list.end(); ++f)
    if (std::find(flows_list.begin(), f, *f) != f) fail_invalid_parameter("Duplicate OAuth flow " + *f + " in AllowedOAuthFlows.");
  for (const auto& s : c.allowed_oauth_scopes.value_or(std::vector<std::string>{}))
    if (!one_of(kStandardScopes, s) && !custom_scope_exists(s)) fail("ScopeDoesNotExistException", "Invalid scope requested: " + s);
  if (c.allowed_oauth_flows_user_pool_client) {
    if (flows_list.empty() || !c.allowed_oauth_scopes || c.allowed_oauth_scopes->empty())
      fail_invalid_parameter("AllowedOAuthFlows and AllowedOAuthScopes are required if user pool client is allowed to use OAuth flows.");
    if (has(flows_list, "client_credentials") && flows_list.size() > 1)
      fail("InvalidOAuthFlowException", "client_credentials flow can not be selected along with code flow or implicit flow.");
    if (has(flows_list, "client_credentials") && !c.has_secret())
      fail("InvalidOAuthFlowException", "client_credentials flow can not be selected if client does not have a client secret.");
    // A machine has no user: client_credentials takes custom scopes only.
    // UNVERIFIED: the exception type (the message is as users quote it).
    if (has(flows_list, "client_credentials"))
      for (const auto& s : c.allowed_oauth_scopes.value_or(std::vector<std::string>{}))
        if (one_of(kStandardScopes, s)) fail("InvalidOAuthFlowException", s + " is not supported with client_credentials flow");
    if ((has(flows_list, "code") || has(flows_list, "implicit")) && c.callback_urls.value_or(std::vector<std::string>{}).empty())
      fail("InvalidOAuthFlowException", "CallbackUrls can not be empty when code flow or implicit flow is selected");
  } else if (!flows_list.empty()) {
    fail_invalid_parameter("AllowedOAuthFlows can be set only when AllowedOAuthFlowsUserPoolClient is true.");
  }

  if (const Json* a = r.optional_object("AnalyticsConfiguration")) c.analytics_configuration = *a;
  c.prevent_user_existence_errors = [&] {
    const auto v = r.optional_string("PreventUserExistenceErrors");
    if (v && *v != "LEGACY" && *v != "ENABLED")
      fail_validation("preventUserExistenceErrors", "'" + *v + "'", "Member must satisfy enum value set: [LEGACY, ENABLED]");
    return v.value_or("LEGACY");
  }();
  c.enable_token_revocation = r.optional_bool("EnableTokenRevocation").value_or(true);
  c.enable_propagate_additional_user_context_data =
      r.optional_bool("EnablePropagateAdditionalUserContextData").value_or(false);
  c.auth_session_validity_minutes = static_cast<int>(r.optional_int("AuthSessionValidity", 3, 15).value_or(3));
  if (const Json* rot = r.optional_object("RefreshTokenRotation")) c.refresh_token_rotation = *rot;
  return c;
}

}  // namespace userpool
