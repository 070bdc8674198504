#include "core/tokens/well_known.h"

namespace userpool {

std::string region_of(std::string_view user_pool_id) {
  return std::string(user_pool_id.substr(0, user_pool_id.find('_')));
}

std::string issuer_for(std::string_view user_pool_id, std::string_view issuer_origin) {
  if (!issuer_origin.empty()) return std::string(issuer_origin) + "/" + std::string(user_pool_id);
  return "https://cognito-idp." + region_of(user_pool_id) + ".amazonaws.com/" + std::string(user_pool_id);
}

std::string jwks_uri_for(std::string_view user_pool_id, std::string_view issuer_origin) {
  return issuer_for(user_pool_id, issuer_origin) + "/.well-known/jwks.json";
}

std::string domain_host(std::string_view user_pool_id, std::string_view domain, bool custom) {
  if (custom) return std::string(domain);
  return std::string(domain) + ".auth." + region_of(user_pool_id) + ".amazoncognito.com";
}

std::string domain_base_url(std::string_view domain, std::string_view host, std::string_view hosted_origin) {
  if (!hosted_origin.empty()) return std::string(hosted_origin) + "/domain/" + std::string(domain);
  return "https://" + std::string(host);
}

Json openid_configuration(std::string_view user_pool_id, std::optional<std::string> base, std::string_view issuer_origin) {
  const bool local = !issuer_origin.empty();
  Json doc = Json::object();
  if (base) doc["authorization_endpoint"] = *base + "/oauth2/authorize";
  if (base && local) {
    doc["code_challenge_methods_supported"] = {"S256"};
    doc["end_session_endpoint"] = *base + "/logout";
  }
  doc["id_token_signing_alg_values_supported"] = {"RS256"};
  doc["issuer"] = issuer_for(user_pool_id, issuer_origin);
  doc["jwks_uri"] = jwks_uri_for(user_pool_id, issuer_origin);
  doc["response_types_supported"] = {"code", "token"};
  if (base && local) doc["revocation_endpoint"] = *base + "/oauth2/revoke";
  doc["scopes_supported"] = {"openid", "email", "phone", "profile"};
  doc["subject_types_supported"] = {"public"};
  if (base) {
    doc["token_endpoint"] = *base + "/oauth2/token";
    doc["token_endpoint_auth_methods_supported"] = {"client_secret_basic", "client_secret_post"};
    doc["userinfo_endpoint"] = *base + "/oauth2/userInfo";
  }
  return doc;
}

}  // namespace userpool
