#include "core/tokens/jwks.h"

#include "core/base/json.h"

namespace userpool {

tl::expected<RsaKey, std::string> Jwk::rsa_key() const {
  if (kty != "RSA") return tl::unexpected("kty is \"" + kty + "\"; Cognito signs with RSA keys only");
  const auto modulus = base64url_decode(n);
  if (!modulus) return tl::unexpected(std::string("n is not base64url"));
  const auto exponent = base64url_decode(e);
  if (!exponent) return tl::unexpected(std::string("e is not base64url"));
  return RsaKey::from_public(*modulus, *exponent);
}

Json Jwk::to_json() const {
  Json j = Json::object();
  if (!alg.empty()) j["alg"] = alg;
  j["e"] = e;
  j["kid"] = kid;
  j["kty"] = kty;
  j["n"] = n;
  if (!use.empty()) j["use"] = use;
  return j;
}

Jwk make_signing_jwk(const RsaKey& key, std::string kid) {
  return Jwk{"RSA", std::move(kid), "RS256", "sig", base64url_encode(key.modulus()),
             base64url_encode(key.public_exponent())};
}

std::string key_id_for(const RsaKey& key) { return base64_encode(sha256(key.public_der())); }

const Jwk* Jwks::find(std::string_view kid) const {
  for (const auto& k : keys)
    if (k.kid == kid) return &k;
  return nullptr;
}

Json Jwks::to_json() const {
  Json list = Json::array();
  for (const auto& k : keys) list.push_back(k.to_json());
  return Json{{"keys", list}};
}

tl::expected<Jwks, std::string> Jwks::parse(const Json& document) {
  if (!document.is_object()) return tl::unexpected("a JWKS is a JSON object; this is " + json_kind(document));
  const auto keys = document.find("keys");
  if (keys == document.end()) return tl::unexpected(std::string("the JWKS has no \"keys\" member"));
  if (!keys->is_array()) return tl::unexpected("\"keys\" must be an array; it is " + json_kind(*keys));
  Jwks out;
  for (std::size_t i = 0; i < keys->size(); ++i) {
    const Json& k = (*keys)[i];
    const std::string where = "keys[" + std::to_string(i) + "]";
    if (!k.is_object()) return tl::unexpected(where + " must be an object; it is " + json_kind(k));
    Jwk jwk;
    // kty and kid are required here (a key without a kid cannot be selected
    // by a token's header); alg and use are optional as in RFC 7517.
    for (const auto& [name, target, required] :
         {std::tuple{"kty", &jwk.kty, true}, {"kid", &jwk.kid, true}, {"alg", &jwk.alg, false},
          {"use", &jwk.use, false}, {"n", &jwk.n, false}, {"e", &jwk.e, false}}) {
      const auto member = k.find(name);
      if (member == k.end()) {
        if (required) return tl::unexpected(where + "." + name + " is missing");
        continue;
      }
      if (!member->is_string()) return tl::unexpected(where + "." + name + " must be a string; it is " + json_kind(*member));
      *target = member->get<std::string>();
    }
    if (jwk.kty == "RSA" && (jwk.n.empty() || jwk.e.empty()))
      return tl::unexpected(where + " is an RSA key without " + (jwk.n.empty() ? "n" : "e"));
    out.keys.push_back(std::move(jwk));
  }
  return out;
}

tl::expected<Jwks, std::string> Jwks::parse_text(std::string_view text) {
  auto document = parse_json_text(text);
  if (!document) return tl::unexpected("the JWKS is not JSON: " + document.error());
  return parse(*document);
}

}  // namespace userpool
