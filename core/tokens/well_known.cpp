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

Json openid_configuration(std::string_view user_pool_id, std::optional<std::string> domain, std::string_view issuer_origin) {
  Json doc = Json::object();
  if (domain) {
    doc["authorization_endpoint"] = "https://" + *domain + "/oauth2/authorize";
    doc["end_session_endpoint"] = "https://" + *domain + "/logout";
  }
  doc["id_token_signing_alg_values_supported"] = {"RS256"};
  doc["issuer"] = issuer_for(user_pool_id, issuer_origin);
  doc["jwks_uri"] = jwks_uri_for(user_pool_id, issuer_origin);
  doc["response_types_supported"] = {"code", "token"};
  doc["scopes_supported"] = {"openid", "email", "phone", "profile"};
  doc["subject_types_supported"] = {"public"};
  if (domain) {
    doc["token_endpoint"] = "https://" + *domain + "/oauth2/token";
    doc["token_endpoint_auth_methods_supported"] = {"client_secret_basic", "client_secret_post"};
    doc["userinfo_endpoint"] = "https://" + *domain + "/oauth2/userInfo";
  }
  return doc;
}

}  // namespace userpool
