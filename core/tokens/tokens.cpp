#include "core/tokens/tokens.h"

#include <charconv>

#include "core/base/encoding.h"
#include "core/crypto/digest.h"
#include "core/tokens/jwt.h"
#include "core/tokens/well_known.h"

namespace userpool {
namespace {

Json group_list(const TokenSubject& s) {
  Json groups = Json::array();
  for (const auto& g : s.groups) groups.push_back(g);
  return groups;
}

}  // namespace

Json id_token_claims(const TokenSubject& s, const TokenGrant& g, std::string jti) {
  const auto iat = to_epoch_whole_seconds(g.issued_at);
  Json c = Json::object();
  c["sub"] = s.sub;
  if (!s.groups.empty()) c["cognito:groups"] = group_list(s);
  if (s.preferred_role) c["cognito:preferred_role"] = *s.preferred_role;
  if (!s.roles.empty()) c["cognito:roles"] = s.roles;
  // Verification flags come early in Cognito's ID tokens, other attributes later.
  for (const char* flag : {"email_verified", "phone_number_verified"})
    if (s.attributes.contains(flag)) c[flag] = s.attributes[flag];
  c["iss"] = g.issuer;
  c["cognito:username"] = s.username;
  if (g.origin_jti) c["origin_jti"] = *g.origin_jti;
  if (g.nonce) c["nonce"] = *g.nonce;
  if (g.at_hash) c["at_hash"] = *g.at_hash;
  c["aud"] = g.client_id;
  if (!g.oauth) c["event_id"] = g.event_id;
  c["token_use"] = "id";
  c["auth_time"] = to_epoch_whole_seconds(g.auth_time);
  for (const auto& [name, value] : s.attributes.items())
    if (!c.contains(name) && name != "sub") c[name] = value;
  c["exp"] = iat + g.id_validity.count();
  c["iat"] = iat;
  c["jti"] = std::move(jti);
  return c;
}

Json access_token_claims(const TokenSubject& s, const TokenGrant& g, std::string jti) {
  const auto iat = to_epoch_whole_seconds(g.issued_at);
  Json c = Json::object();
  c["sub"] = s.sub;
  if (!s.groups.empty()) c["cognito:groups"] = group_list(s);
  c["iss"] = g.issuer;
  if (g.oauth) c["version"] = 2;
  c["client_id"] = g.client_id;
  if (g.origin_jti) c["origin_jti"] = *g.origin_jti;
  if (!g.oauth) c["event_id"] = g.event_id;
  c["token_use"] = "access";
  c["scope"] = g.scope;
  c["auth_time"] = to_epoch_whole_seconds(g.auth_time);
  c["exp"] = iat + g.access_validity.count();
  c["iat"] = iat;
  c["jti"] = std::move(jti);
  c["username"] = s.username;
  return c;
}

Json machine_access_token_claims(const MachineGrant& g, std::string jti) {
  const auto iat = to_epoch_whole_seconds(g.issued_at);
  Json c = Json::object();
  c["sub"] = g.client_id;
  c["token_use"] = "access";
  c["scope"] = g.scope;
  c["auth_time"] = iat;
  c["iss"] = g.issuer;
  c["exp"] = iat + g.access_validity.count();
  c["iat"] = iat;
  c["version"] = 2;
  c["jti"] = std::move(jti);
  c["client_id"] = g.client_id;
  return c;
}

std::string access_token_hash(std::string_view access_token) {
  const Bytes digest = sha256(to_bytes(access_token));
  return base64url_encode(std::span(digest).first(digest.size() / 2));
}

std::string sign_token(const Json& claims, const SigningKey& key) {
  return sign_jwt(Json{{"kid", key.kid}}, claims, key.key);
}

Json attribute_claim(std::string_view name, std::string_view value) {
  if (name == "email_verified" || name == "phone_number_verified") return value == "true";
  if (name == "updated_at") {
    std::int64_t n = 0;
    const auto [end, err] = std::from_chars(value.data(), value.data() + value.size(), n);
    if (err == std::errc() && end == value.data() + value.size()) return n;
  }
  // Cognito's ID tokens carry the address as an OIDC address object
  // (UNVERIFIED beyond "formatted"; the console stores one string).
  if (name == "address") return Json{{"formatted", std::string(value)}};
  // A federated user's identities: an array in the token, a string in the API.
  if (name == "identities") {
    Json list = Json::parse(value, nullptr, false);
    if (list.is_array()) return list;
  }
  return std::string(value);
}

}  // namespace userpool
