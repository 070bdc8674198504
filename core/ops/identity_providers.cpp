// Federated identity providers (API Reference: CreateIdentityProvider,
// DescribeIdentityProvider, UpdateIdentityProvider, DeleteIdentityProvider,
// ListIdentityProviders, GetIdentityProviderByIdentifier; Developer Guide:
// "Adding user pool sign-in through a third party"): the providers a pool's
// app clients may name in SupportedIdentityProviders, with the details each
// type needs, the keys Cognito adds to them, and the attribute mapping.
#include <algorithm>
#include <cctype>

#include "core/api/api_error.h"
#include "core/api/registry.h"
#include "core/saml/saml_metadata.h"
#include "core/model/schema.h"
#include "core/ops/common.h"
#include "core/rules/quotas.h"

namespace userpool::ops {
namespace {

// ProviderNameTypeV2, as CreateIdentityProvider takes it: 3 to 32
// characters, no white space, and no "_" after the first two characters,
// so the first "_" of a federated user's name ends the provider's name.
const StringShape kProviderNameV2{3, 32, "[^_\\p{Z}][\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}][^_\\p{Z}]+", [](std::string_view s) {
  if (s.empty() || s[0] == '_') return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (std::isspace(c) != 0 || c < 0x20) return false;
    if (i >= 2 && c == '_') return false;
  }
  return true;
}};
// ProviderNameType, as the other operations take it.
const StringShape kProviderName{1, 32, nullptr, nullptr};
const StringShape kIdpIdentifier{1, 40, "[\\w\\s+=.@-]+", [](std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char ch) {
    const auto c = static_cast<unsigned char>(ch);
    return std::isalnum(c) != 0 || c == '_' || std::isspace(c) != 0 || std::string_view("+=.@-").find(ch) != std::string_view::npos;
  });
}};

const std::vector<std::string> kProviderTypes = {"SAML", "Facebook", "Google", "LoginWithAmazon", "SignInWithApple", "OIDC"};
bool is_social(const std::string& type) {
  return type == "Google" || type == "Facebook" || type == "LoginWithAmazon" || type == "SignInWithApple";
}

IdentityProvider& require_provider(UserPool& pool, const std::string& name) {
  IdentityProvider* p = pool.find_identity_provider(name);
  // UNVERIFIED: the wording; the exception is the API Reference's.
  if (p == nullptr) fail_resource_not_found("Identity provider " + name + " does not exist in user pool " + pool.id + ".");
  return *p;
}

void require_details(const std::string& type, const std::map<std::string, std::string>& d, std::initializer_list<const char*> keys) {
  // UNVERIFIED: the wording for a missing detail.
  for (const char* key : keys)
    if (!d.contains(key) || d.at(key).empty()) fail_invalid_parameter(std::string(key) + " is required for a " + type + " provider.");
}

// ProviderDetails as Cognito keeps them: what was sent, checked for what
// the type needs, plus the endpoints Cognito adds for the type
// (API Reference: CreateIdentityProvider, "ProviderDetails").
// The metadata a SAML provider's MetadataURL answers with. The sandbox
// reaches no network: its simulated SAML providers answer; any other
// address cannot be fetched. UNVERIFIED: Cognito's wording.
std::string fetch_metadata(OpContext& ctx, const std::string& url) {
  const RegisteredOperation* op = find_operation("SimulatedIdP.GetSamlMetadata");
  try {
    const Json reply = op->spec->handler(ctx, Request("SimulatedIdP.GetSamlMetadata", Json{{"Url", url}}));
    return reply.value("Body", std::string());
  } catch (const ApiException&) {
    fail_invalid_parameter("Unable to retrieve metadata from " + url + ": the sandbox reaches only its simulated SAML providers "
                           "(https://<any host>/saml/metadata). Paste the metadata document as MetadataFile instead.");
  }
}

// A SAML provider's details: the metadata read (from MetadataFile or
// MetadataURL), and the sign-on and sign-out URLs Cognito adds from it.
void read_saml_details(OpContext& ctx, std::map<std::string, std::string>& d) {
  const bool url = d.contains("MetadataURL") && !d["MetadataURL"].empty();
  const bool file = d.contains("MetadataFile") && !d["MetadataFile"].empty();
  // UNVERIFIED: the wording.
  if (url == file) fail_invalid_parameter("A SAML provider needs either MetadataURL or MetadataFile, not both.");
  if (file && d["MetadataFile"].size() > 131072) fail_invalid_parameter("MetadataFile is longer than 131,072 characters.");
  if (d.contains("EncryptedResponses") && d["EncryptedResponses"] == "true")
    fail_invalid_parameter("The sandbox does not encrypt SAML responses: set EncryptedResponses to false.");
  if (d.contains("RequestSigningAlgorithm") && d["RequestSigningAlgorithm"] != "rsa-sha256")
    fail_invalid_parameter("RequestSigningAlgorithm must be rsa-sha256.");
  const auto metadata = saml::read_idp_metadata(file ? d["MetadataFile"] : fetch_metadata(ctx, d["MetadataURL"]));
  // UNVERIFIED: the wording of Cognito's refusal of bad metadata.
  if (!metadata) fail_invalid_parameter("Could not read the SAML metadata: " + metadata.error() + ".");
  d["SSORedirectBindingURI"] = metadata->sso_redirect_url;
  if (!metadata->slo_redirect_url.empty()) d["SLORedirectBindingURI"] = metadata->slo_redirect_url;
  else d.erase("SLORedirectBindingURI");
  ctx.rule("The metadata names the provider " + metadata->entity_id + "; Cognito sends users to " + metadata->sso_redirect_url +
           " and trusts " + std::to_string(metadata->signing_certificates.size()) + " signing certificate(s)");
}

std::map<std::string, std::string> provider_details(OpContext& ctx, const std::string& type, std::map<std::string, std::string> d) {
  const auto set = [&](const char* key, std::string value) { d[key] = std::move(value); };
  if (type == "Google") {
    require_details(type, d, {"client_id", "client_secret", "authorize_scopes"});
    set("authorize_url", "https://accounts.google.com/o/oauth2/v2/auth");
    set("token_url", "https://www.googleapis.com/oauth2/v4/token");
    set("token_request_method", "POST");
    set("attributes_url", "https://people.googleapis.com/v1/people/me?personFields=");
    set("attributes_url_add_attributes", "true");
    set("oidc_issuer", "https://accounts.google.com");
  } else if (type == "Facebook") {
    require_details(type, d, {"client_id", "client_secret", "authorize_scopes"});
    // UNVERIFIED: the version Cognito uses when none is given.
    const std::string version = d.contains("api_version") && !d["api_version"].empty() ? d["api_version"] : "v17.0";
    set("api_version", version);
    set("authorize_url", "https://www.facebook.com/" + version + "/dialog/oauth");
    set("token_url", "https://graph.facebook.com/" + version + "/oauth/access_token");
    set("token_request_method", "GET");
    set("attributes_url", "https://graph.facebook.com/" + version + "/me?fields=");
    set("attributes_url_add_attributes", "true");
  } else if (type == "LoginWithAmazon") {
    require_details(type, d, {"client_id", "client_secret", "authorize_scopes"});
    set("authorize_url", "https://www.amazon.com/ap/oa");
    set("token_url", "https://api.amazon.com/auth/o2/token");
    set("token_request_method", "POST");
    set("attributes_url", "https://api.amazon.com/user/profile");
    set("attributes_url_add_attributes", "false");
  } else if (type == "SignInWithApple") {
    require_details(type, d, {"client_id", "team_id", "key_id", "private_key", "authorize_scopes"});
    set("authorize_url", "https://appleid.apple.com/auth/authorize");
    set("token_url", "https://appleid.apple.com/auth/token");
    set("token_request_method", "POST");
    set("oidc_issuer", "https://appleid.apple.com");
    set("attributes_url_add_attributes", "false");
  } else if (type == "OIDC") {
    require_details(type, d, {"client_id", "authorize_scopes", "attributes_request_method", "oidc_issuer"});
    const std::string& scopes = d["authorize_scopes"];
    if (scopes.find("openid") == std::string::npos)
      fail_invalid_parameter("The authorize_scopes of an OIDC provider must include openid.");
    if (d["attributes_request_method"] != "GET" && d["attributes_request_method"] != "POST")
      fail_invalid_parameter("attributes_request_method must be GET or POST.");
    // Cognito reads the endpoints from the issuer's discovery document. The
    // sandbox reaches no network: it uses the ones given, else the common
    // paths under the issuer (a choice, UNVERIFIED against any provider).
    std::string issuer = d["oidc_issuer"];
    while (issuer.ends_with('/')) issuer.pop_back();
    if (!d.contains("authorize_url")) set("authorize_url", issuer + "/authorize");
    if (!d.contains("token_url")) set("token_url", issuer + "/token");
    if (!d.contains("attributes_url")) set("attributes_url", issuer + "/userinfo");
    if (!d.contains("jwks_uri")) set("jwks_uri", issuer + "/.well-known/jwks.json");
    set("attributes_url_add_attributes", "false");
  } else if (type == "SAML") {
    read_saml_details(ctx, d);
  }
  return d;
}

// The mapping Cognito sets when none is given: the provider's user ID as
// the username. UNVERIFIED: the exact defaults per type; these are the IDs
// each provider documents (SAML maps its NameID itself).
std::map<std::string, std::string> default_mapping(const std::string& type) {
  if (type == "Facebook") return {{"username", "id"}};
  if (type == "LoginWithAmazon") return {{"username", "user_id"}};
  if (type == "SAML") return {};
  return {{"username", "sub"}};
}

std::map<std::string, std::string> attribute_mapping(const UserPool& pool, const Request& r, const std::string& type) {
  if (!r.has("AttributeMapping")) return default_mapping(type);
  auto mapping = r.string_map("AttributeMapping");
  for (const auto& [attribute, provider_attribute] : mapping) {
    if (attribute.empty() || attribute.size() > 32)
      fail_validation("attributeMapping", "'" + attribute + "'", "Map keys must satisfy constraint: [Member must have length between 1 and 32]");
    // UNVERIFIED: the wording; the rule (a mapping names the pool's own
    // attributes) is the Developer Guide's.
    if (attribute != "username" && find_attribute(pool.config.schema, attribute) == nullptr)
      fail_invalid_parameter("Attribute mapping names " + attribute + ", which is not an attribute of user pool " + pool.id + ".");
    if (provider_attribute.empty()) fail_invalid_parameter("Attribute mapping for " + attribute + " names no provider attribute.");
  }
  // The username is the provider's user ID for social providers.
  if (!mapping.contains("username")) {
    const auto defaults = default_mapping(type);
    if (const auto it = defaults.find("username"); it != defaults.end()) mapping["username"] = it->second;
  }
  return mapping;
}

std::vector<std::string> identifiers(UserPool& pool, const Request& r, const std::string& provider_name) {
  auto list = r.optional_string_list("IdpIdentifiers", kIdpIdentifier, quotas::kIdpIdentifiersPerProvider).value_or(std::vector<std::string>{});
  for (const auto& id : list) {
    // Identifiers route sign-ins, so one names one provider in the pool.
    // UNVERIFIED: the exception and wording.
    for (const auto& other : pool.identity_providers)
      if (other.name != provider_name && std::find(other.idp_identifiers.begin(), other.idp_identifiers.end(), id) != other.idp_identifiers.end())
        fail_invalid_parameter("The identifier " + id + " already belongs to identity provider " + other.name + ".");
    if (std::count(list.begin(), list.end(), id) > 1) fail_invalid_parameter("The identifier " + id + " is given more than once.");
  }
  return list;
}

Json create_identity_provider(OpContext& ctx, const Request& r) {
  UserPool& pool = require_pool(ctx, r.string("UserPoolId", shapes::kUserPoolId));
  IdentityProvider p;
  p.name = r.string("ProviderName", kProviderNameV2);
  p.type = r.string("ProviderType");
  if (std::find(kProviderTypes.begin(), kProviderTypes.end(), p.type) == kProviderTypes.end())
    fail_validation("providerType", "'" + p.type + "'",
                    "Member must satisfy enum value set: [SAML, Facebook, LoginWithAmazon, SignInWithApple, Google, OIDC]");
  // A social provider is named after its type (so a pool has at most one of each).
  if (is_social(p.type) && p.name != p.type) fail_invalid_parameter("Provider " + p.name + " cannot be of type " + p.type + ".");
  if (!is_social(p.type) && std::find(kProviderTypes.begin(), kProviderTypes.end(), p.name) != kProviderTypes.end() &&
      p.name != p.type)
    fail_invalid_parameter("Provider " + p.name + " cannot be of type " + p.type + ".");
  // COGNITO is the pool's own directory. UNVERIFIED: the wording.
  if (p.name == "COGNITO") fail_invalid_parameter("COGNITO is reserved for the user pool's own users.");
  if (pool.find_identity_provider(p.name) != nullptr)
    fail("DuplicateProviderException", "A provider with the name " + p.name + " already exists in this user pool.");
  if (pool.identity_providers.size() >= quotas::kIdentityProvidersPerUserPool)
    fail("LimitExceededException", "The user pool has reached its limit of " + std::to_string(quotas::kIdentityProvidersPerUserPool) +
                                       " identity providers.");
  if (!r.has("ProviderDetails")) fail_validation("providerDetails", "null", "Member must not be null");
  p.details = provider_details(ctx, p.type, r.string_map("ProviderDetails"));
  p.attribute_mapping = attribute_mapping(pool, r, p.type);
  p.idp_identifiers = identifiers(pool, r, p.name);
  p.created = p.last_modified = ctx.now;
  ctx.rule("App clients of the pool may now name " + p.name + " in SupportedIdentityProviders; its users sign in as " + p.name +
           "_<their ID there>");
  return Json{{"IdentityProvider", pool.identity_providers.emplace_back(std::move(p)).describe(pool.id)}};
}

Json describe_identity_provider(OpContext& ctx, const Request& r) {
  UserPool& pool = require_pool(ctx, r.string("UserPoolId", shapes::kUserPoolId));
  return Json{{"IdentityProvider", require_provider(pool, r.string("ProviderName", kProviderName)).describe(pool.id)}};
}

Json update_identity_provider(OpContext& ctx, const Request& r) {
  UserPool& pool = require_pool(ctx, r.string("UserPoolId", shapes::kUserPoolId));
  IdentityProvider& p = require_provider(pool, r.string("ProviderName", kProviderName));
  IdentityProvider updated = p;
  // What is given replaces what was; what is left out stays (the type
  // cannot change). UNVERIFIED: whether ProviderDetails merge; replacing
  // them, checked as on creation, keeps the rules in one place.
  if (r.has("ProviderDetails")) {
    auto given = r.string_map("ProviderDetails");
    // Apple's key is never shown, so an update may leave it out.
    if (p.type == "SignInWithApple" && !given.contains("private_key") && p.details.contains("private_key"))
      given["private_key"] = p.details.at("private_key");
    updated.details = provider_details(ctx, p.type, std::move(given));
  }
  if (r.has("AttributeMapping")) updated.attribute_mapping = attribute_mapping(pool, r, p.type);
  if (r.has("IdpIdentifiers")) updated.idp_identifiers = identifiers(pool, r, p.name);
  updated.last_modified = ctx.now;
  p = std::move(updated);
  return Json{{"IdentityProvider", p.describe(pool.id)}};
}

Json delete_identity_provider(OpContext& ctx, const Request& r) {
  UserPool& pool = require_pool(ctx, r.string("UserPoolId", shapes::kUserPoolId));
  const std::string name = require_provider(pool, r.string("ProviderName", kProviderName)).name;
  std::erase_if(pool.identity_providers, [&](const IdentityProvider& p) { return p.name == name; });
  // UNVERIFIED: what happens to app clients that name it; the sandbox
  // takes it off their lists, so no client names a provider that is gone.
  for (AppClient& client : pool.clients)
    if (client.supported_identity_providers && std::erase(*client.supported_identity_providers, name) > 0)
      ctx.rule("App client " + client.client_name + " no longer offers " + name);
  return Json::object();
}

Json list_identity_providers(OpContext& ctx, const Request& r) {
  UserPool& pool = require_pool(ctx, r.string("UserPoolId", shapes::kUserPoolId));
  const auto limit = static_cast<std::size_t>(r.optional_int("MaxResults", 1, 60).value_or(60));
  return page_of(r, pool.identity_providers, limit, "Providers", [](const IdentityProvider& p) { return p.summary(); });
}

Json get_identity_provider_by_identifier(OpContext& ctx, const Request& r) {
  UserPool& pool = require_pool(ctx, r.string("UserPoolId", shapes::kUserPoolId));
  const std::string identifier = r.string("IdpIdentifier", kIdpIdentifier);
  for (const auto& p : pool.identity_providers)
    if (std::find(p.idp_identifiers.begin(), p.idp_identifiers.end(), identifier) != p.idp_identifiers.end())
      return Json{{"IdentityProvider", p.describe(pool.id)}};
  // UNVERIFIED: the wording.
  fail_resource_not_found("No identity provider of user pool " + pool.id + " has the identifier " + identifier + ".");
}

}  // namespace

// The operations of this file, for the registry (core/api/registry.h).
const OperationTable& identity_provider_operations() {
  static const OperationTable table = {
      {"CreateIdentityProvider", create_identity_provider, OperationKind::kChange},
      {"DescribeIdentityProvider", describe_identity_provider, OperationKind::kRead},
      {"UpdateIdentityProvider", update_identity_provider, OperationKind::kChange},
      {"DeleteIdentityProvider", delete_identity_provider, OperationKind::kChange},
      {"ListIdentityProviders", list_identity_providers, OperationKind::kRead},
      {"GetIdentityProviderByIdentifier", get_identity_provider_by_identifier, OperationKind::kRead},
  };
  return table;
}

}  // namespace userpool::ops
