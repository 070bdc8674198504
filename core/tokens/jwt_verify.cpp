#include "core/tokens/jwt_verify.h"

#include <algorithm>

namespace userpool {
namespace {

struct Recorder {
  JwtVerification& v;
  void add(JwtCheck check, CheckStatus status, std::string detail) {
    v.checks.push_back({check, status, std::move(detail)});
  }
  void pass(JwtCheck check, std::string detail) { add(check, CheckStatus::kPassed, std::move(detail)); }
  void fail(JwtCheck check, std::string detail) { add(check, CheckStatus::kFailed, std::move(detail)); }
  void skip(JwtCheck check, std::string detail) { add(check, CheckStatus::kSkipped, std::move(detail)); }
};

std::string quoted(const Json& j) { return j.is_string() ? "\"" + j.get<std::string>() + "\"" : j.dump(); }

std::string at_time(double epoch_seconds) {
  return to_iso8601(from_epoch_millis(static_cast<std::int64_t>(epoch_seconds * 1000)));
}

// Checks a time claim that must be a number; returns it, or records why not.
std::optional<double> time_claim(Recorder& r, JwtCheck check, const Json& payload, const char* name, bool required) {
  const auto it = payload.find(name);
  if (it == payload.end()) {
    if (required) r.fail(check, std::string("The payload has no ") + name + " claim; a Cognito token always has one.");
    return std::nullopt;
  }
  if (!it->is_number()) {
    r.fail(check, std::string(name) + " must be a number of seconds since 1970; it is " + json_kind(*it) + ".");
    return std::nullopt;
  }
  return it->get<double>();
}

void check_algorithm(Recorder& r, const Json& header, bool& usable) {
  usable = false;
  const auto alg = header.find("alg");
  if (alg == header.end() || !alg->is_string()) {
    r.fail(JwtCheck::kAlgorithm, "The header has no alg, so there is no way to know how it was signed.");
    return;
  }
  const auto name = alg->get<std::string>();
  if (name == "none") {
    r.fail(JwtCheck::kAlgorithm, "alg is \"none\": the token says it is unsigned. A verifier must refuse it, or "
                                 "anyone could write their own tokens.");
  } else if (name.rfind("HS", 0) == 0) {
    r.fail(JwtCheck::kAlgorithm, "alg is \"" + name + "\", an HMAC algorithm keyed with a shared secret. User pools "
                                 "sign with RSA keys; accepting it with the public key as the secret is the classic "
                                 "algorithm-confusion attack.");
  } else if (name != "RS256") {
    r.fail(JwtCheck::kAlgorithm, "alg is \"" + name + "\"; Cognito user pools sign with RS256 only.");
  } else {
    r.pass(JwtCheck::kAlgorithm, "RS256: an RSA signature over a SHA-256 hash.");
    usable = true;
  }
}

const Jwk* check_key_id(Recorder& r, const Json& header, const Jwks& jwks) {
  const auto kid = header.find("kid");
  if (kid == header.end() || !kid->is_string()) {
    r.fail(JwtCheck::kKeyId, "The header has no kid, so no key in the JWKS can be chosen to check the signature.");
    return nullptr;
  }
  const Jwk* jwk = jwks.find(kid->get<std::string>());
  if (jwk == nullptr) {
    std::string known;
    for (const auto& k : jwks.keys) known += (known.empty() ? "" : ", ") + k.kid;
    r.fail(JwtCheck::kKeyId, "No key in the JWKS has kid " + quoted(*kid) + " (the JWKS has " +
                                 (known.empty() ? std::string("no keys") : known) +
                                 "). The token comes from another user pool, or was not issued by one.");
    return nullptr;
  }
  r.pass(JwtCheck::kKeyId, "kid " + quoted(*kid) + " is in the JWKS.");
  return jwk;
}

std::optional<RsaKey> check_key(Recorder& r, const Jwk& jwk, const Json& header) {
  if (!jwk.use.empty() && jwk.use != "sig") {
    r.fail(JwtCheck::kKey, "The key's use is \"" + jwk.use + "\"; only a signing key (use \"sig\") may verify a token.");
    return std::nullopt;
  }
  const std::string alg = header.value("alg", "");
  if (!jwk.alg.empty() && jwk.alg != alg) {
    r.fail(JwtCheck::kKey, "The key is for alg \"" + jwk.alg + "\" but the token says \"" + alg + "\".");
    return std::nullopt;
  }
  auto key = jwk.rsa_key();
  if (!key) {
    r.fail(JwtCheck::kKey, "The key cannot be used: " + key.error() + ".");
    return std::nullopt;
  }
  r.pass(JwtCheck::kKey, "RSA " + std::to_string(key->bits()) + "-bit signing key.");
  return *key;
}

}  // namespace

std::string_view jwt_check_name(JwtCheck check) {
  switch (check) {
    case JwtCheck::kFormat: return "format";
    case JwtCheck::kAlgorithm: return "algorithm";
    case JwtCheck::kKeyId: return "key ID";
    case JwtCheck::kKey: return "key";
    case JwtCheck::kSignature: return "signature";
    case JwtCheck::kExpiry: return "expiry";
    case JwtCheck::kNotBefore: return "not before";
    case JwtCheck::kIssuer: return "issuer";
    case JwtCheck::kTokenUse: return "token use";
    case JwtCheck::kClientId: return "client ID";
  }
  return "?";
}

bool JwtVerification::valid() const {
  return !checks.empty() &&
         std::all_of(checks.begin(), checks.end(), [](const auto& c) { return c.status == CheckStatus::kPassed; });
}

const JwtCheckOutcome* JwtVerification::first_failure() const {
  for (const auto& c : checks)
    if (c.status != CheckStatus::kPassed) return &c;
  return nullptr;
}

JwtVerification verify_jwt(std::string_view token, const Jwks& jwks, const JwtExpectations& expect, Timestamp now) {
  JwtVerification v;
  Recorder r{v};
  auto decoded = decode_jwt(token);
  if (!decoded) {
    r.fail(JwtCheck::kFormat, decoded.error().message);
    for (int c = static_cast<int>(JwtCheck::kAlgorithm); c <= static_cast<int>(JwtCheck::kClientId); ++c)
      r.skip(static_cast<JwtCheck>(c), "Not checked: the token could not be decoded.");
    return v;
  }
  r.pass(JwtCheck::kFormat, "Three base64url parts; the header and payload are JSON objects.");
  v.decoded = std::move(*decoded);
  const DecodedJwt& jwt = *v.decoded;

  // Signature: algorithm, key and signature, each needing the one before.
  bool alg_usable = false;
  check_algorithm(r, jwt.header, alg_usable);
  const Jwk* jwk = check_key_id(r, jwt.header, jwks);
  std::optional<RsaKey> key;
  if (jwk != nullptr)
    key = check_key(r, *jwk, jwt.header);
  else
    r.skip(JwtCheck::kKey, "Not checked: no key was found for the token.");
  if (!alg_usable)
    r.skip(JwtCheck::kSignature, "Not checked: the algorithm is refused.");
  else if (!key)
    r.skip(JwtCheck::kSignature, "Not checked: there is no usable key.");
  else if (key->verify_rs256(bytes_of(jwt.signing_input()), jwt.signature))
    r.pass(JwtCheck::kSignature, "The signature matches: the header and payload are exactly as the key's owner signed them.");
  else
    r.fail(JwtCheck::kSignature, "The signature does not match: the header or payload was changed after signing, "
                                 "or another key signed it.");

  // Claims.
  const Json& p = jwt.payload;
  const double now_s = to_epoch_seconds(now);
  const auto grace = static_cast<double>(expect.grace.count());
  if (const auto exp = time_claim(r, JwtCheck::kExpiry, p, "exp", true)) {
    if (*exp + grace < now_s)
      r.fail(JwtCheck::kExpiry, "The token expired at " + at_time(*exp) + ", " +
                                    format_duration(Millis(static_cast<std::int64_t>((now_s - *exp) * 1000))) + " ago.");
    else
      r.pass(JwtCheck::kExpiry, "Valid until " + at_time(*exp) + ", for " +
                                    format_duration(Millis(static_cast<std::int64_t>((*exp - now_s) * 1000))) + " more.");
  }
  if (p.contains("nbf")) {
    if (const auto nbf = time_claim(r, JwtCheck::kNotBefore, p, "nbf", false)) {
      if (*nbf - grace > now_s)
        r.fail(JwtCheck::kNotBefore, "The token is not valid before " + at_time(*nbf) + ".");
      else
        r.pass(JwtCheck::kNotBefore, "Valid since " + at_time(*nbf) + ".");
    }
  } else {
    r.pass(JwtCheck::kNotBefore, "No nbf claim (Cognito's tokens have none).");
  }

  const auto iss = p.find("iss");
  if (iss == p.end())
    r.fail(JwtCheck::kIssuer, "The payload has no iss claim.");
  else if (!iss->is_string() || iss->get<std::string>() != expect.issuer)
    r.fail(JwtCheck::kIssuer, "The issuer is " + quoted(*iss) + "; expected \"" + expect.issuer +
                                  "\". The token comes from another user pool or Region.");
  else
    r.pass(JwtCheck::kIssuer, "Issued by " + expect.issuer + ".");

  const auto use = p.find("token_use");
  std::string token_use;
  if (use == p.end() || !use->is_string()) {
    r.fail(JwtCheck::kTokenUse, "The payload has no token_use claim; Cognito's ID and access tokens always have one.");
  } else if (token_use = use->get<std::string>(); token_use != "id" && token_use != "access") {
    r.fail(JwtCheck::kTokenUse, "token_use is " + quoted(*use) + "; a Cognito JWT is \"id\" or \"access\".");
  } else if (expect.token_use && *expect.token_use != token_use) {
    r.fail(JwtCheck::kTokenUse, "This is " + std::string(token_use == "id" ? "an ID" : "an access") + " token; " +
                                    (*expect.token_use == "id" ? "an ID" : "an access") + " token was expected.");
  } else {
    r.pass(JwtCheck::kTokenUse, token_use == "id" ? "An ID token." : "An access token.");
  }

  // ID tokens name their app client in aud, access tokens in client_id.
  const char* client_claim = token_use == "access" ? "client_id" : "aud";
  if (expect.client_ids.empty()) {
    r.pass(JwtCheck::kClientId, "Any app client is accepted.");
  } else if (token_use.empty() || (token_use != "id" && token_use != "access")) {
    r.skip(JwtCheck::kClientId, "Not checked: without token_use it is unclear which claim names the client.");
  } else if (const auto c = p.find(client_claim); c == p.end() || !c->is_string()) {
    r.fail(JwtCheck::kClientId, std::string("The payload has no ") + client_claim + " claim.");
  } else if (std::find(expect.client_ids.begin(), expect.client_ids.end(), c->get<std::string>()) ==
             expect.client_ids.end()) {
    r.fail(JwtCheck::kClientId, std::string(client_claim) + " is " + quoted(*c) + ", which is not an app client this "
                                    "verifier accepts.");
  } else {
    r.pass(JwtCheck::kClientId, std::string(client_claim) + " is " + quoted(*c) + ".");
  }
  return v;
}

}  // namespace userpool
