#include "core/services/simulated_idp/simulated_idp.h"

#include <algorithm>
#include <stdexcept>

#include "core/base/encoding.h"
#include "core/crypto/certificate.h"
#include "core/crypto/digest.h"
#include "core/model/account.h"

namespace userpool::simulated_idp {
namespace {

// scheme://host/path?query -> host (lower case), path.
struct UrlParts {
  std::string host, path_and_query;
};
UrlParts split_url(std::string_view url) {
  const auto scheme = url.find("://");
  if (scheme != std::string_view::npos) url.remove_prefix(scheme + 3);
  const auto slash = url.find_first_of("/?#");
  UrlParts p;
  p.host = std::string(url.substr(0, slash));
  std::transform(p.host.begin(), p.host.end(), p.host.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  p.path_and_query = slash == std::string_view::npos ? "/" : std::string(url.substr(slash));
  return p;
}

bool one_of(const std::string& host, std::initializer_list<const char*> hosts) {
  return std::any_of(hosts.begin(), hosts.end(), [&](const char* h) { return host == h; });
}

// Decimal digits from a hash, as many as asked.
std::string digits(const Bytes& hash, std::size_t count) {
  std::string out;
  for (std::size_t i = 0; out.size() < count; ++i) out += static_cast<char>('0' + hash[i % hash.size()] % 10);
  return out;
}

}  // namespace

std::optional<SiteRef> site_for_url(const Account& account, const std::string& url) {
  const std::string host = split_url(url).host;
  if (one_of(host, {"accounts.google.com", "www.googleapis.com", "oauth2.googleapis.com", "people.googleapis.com"}))
    return SiteRef{ProviderKind::kGoogle, "Google", "https://accounts.google.com", "Google (simulated)"};
  if (one_of(host, {"www.facebook.com", "graph.facebook.com"}))
    return SiteRef{ProviderKind::kFacebook, "Facebook", "", "Facebook (simulated)"};
  if (one_of(host, {"www.amazon.com", "api.amazon.com"}))
    return SiteRef{ProviderKind::kLoginWithAmazon, "LoginWithAmazon", "", "Login with Amazon (simulated)"};
  if (host == "appleid.apple.com")
    return SiteRef{ProviderKind::kSignInWithApple, "SignInWithApple", "https://appleid.apple.com", "Sign in with Apple (simulated)"};
  // An OIDC provider is whatever issuer a pool names: the sandbox plays it.
  for (const auto& pool : account.pools)
    for (const IdentityProvider& p : pool->identity_providers) {
      if (p.type != "OIDC") continue;
      for (const char* key : {"oidc_issuer", "authorize_url", "token_url", "attributes_url", "jwks_uri"}) {
        const auto it = p.details.find(key);
        if (it == p.details.end() || split_url(it->second).host != host) continue;
        std::string issuer = p.details.at("oidc_issuer");
        while (issuer.ends_with('/')) issuer.pop_back();
        return SiteRef{ProviderKind::kOidc, "OIDC " + issuer, issuer, split_url(issuer).host + " (simulated OpenID Connect provider)"};
      }
    }
  if (const auto* state = account.services.find<SimulatedProviders>(); state != nullptr && state->sites.contains("SAML " + host))
    return saml_site(url);
  return std::nullopt;
}

SiteRef saml_site(const std::string& url) {
  const std::string host = split_url(url).host;
  return SiteRef{ProviderKind::kSaml, "SAML " + host, "https://" + host + "/saml", host + " (simulated SAML provider)"};
}

std::string served_url(const Account& account, const std::string& url) {
  if (account.hosted_origin.empty()) return url;
  const UrlParts p = split_url(url);
  return account.hosted_origin + "/provider/" + p.host + p.path_and_query;
}

std::string subject_for(const SiteRef& site, const std::string& email) {
  std::string folded = email;
  std::transform(folded.begin(), folded.end(), folded.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  const Bytes hash = sha256(to_bytes(site.key + "\n" + folded));
  switch (site.kind) {
    case ProviderKind::kGoogle: return "1" + digits(hash, 20);
    case ProviderKind::kFacebook: return "1" + digits(hash, 15);
    case ProviderKind::kLoginWithAmazon: return "amzn1.account." + base32_encode(Bytes(hash.begin(), hash.begin() + 17)).substr(0, 28);
    case ProviderKind::kSignInWithApple:
      return "00" + digits(hash, 4) + "." + hex_encode(Bytes(hash.begin() + 4, hash.begin() + 20)) + "." + digits(Bytes(hash.rbegin(), hash.rend()), 4);
    case ProviderKind::kSaml: return email;  // the NameID, in the emailAddress format
    case ProviderKind::kOidc: break;
  }
  const std::string h = hex_encode(Bytes(hash.begin(), hash.begin() + 16));
  return h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) + "-" + h.substr(20, 12);
}

RsaKey ProviderSite::signing_key() {
  if (!private_pem.empty())
    if (auto key = RsaKey::from_private_pem(private_pem)) return *key;
  RsaKey key = RsaKey::generate();
  private_pem = key.private_pem();
  return key;
}

Bytes ProviderSite::signing_certificate(Timestamp now) {
  if (!certificate.empty())
    if (auto der = base64_decode(certificate)) return *der;
  // Ten years from a day ago, as providers' certificates typically run.
  const Bytes der = make_self_signed_certificate(signing_key(), "simulated SAML provider", now - std::chrono::hours(24), 3650);
  certificate = base64_encode(der);
  return der;
}

std::string ProviderSite::key_id() const {
  if (private_pem.empty()) return {};
  const auto key = RsaKey::from_private_pem(private_pem);
  if (!key) return {};
  // Hex, as Google's and most providers' key IDs are (Cognito's are base64).
  const Bytes hash = sha256(key->public_der());
  return hex_encode(Bytes(hash.begin(), hash.begin() + 20));
}

bool is_email_address(const std::string& email) {
  const auto at = email.find('@');
  return at != std::string::npos && at != 0 && at + 1 < email.size() && email.size() <= 254 &&
         email.find_first_of(" \t\r\n<>\"") == std::string::npos;
}

void ProviderSite::remember(const TestAccount& account) {
  std::erase_if(accounts, [&](const TestAccount& a) { return a.email == account.email; });
  accounts.insert(accounts.begin(), account);
  constexpr std::size_t kRemembered = 8;
  if (accounts.size() > kRemembered) accounts.resize(kRemembered);
}

bool ProviderSite::has_consent(const std::string& client_id, const std::string& email) const {
  return std::find(consents.begin(), consents.end(), client_id + " " + email) != consents.end();
}

Json SimulatedProviders::to_state() const {
  Json out = Json::object();
  for (const auto& [key, site] : sites) {
    Json s = Json::object();
    if (!site.private_pem.empty()) s["PrivateKey"] = site.private_pem;
    Json accounts = Json::array();
    for (const auto& a : site.accounts) accounts.push_back({{"Email", a.email}, {"Name", a.name}});
    s["Accounts"] = accounts;
    s["Consents"] = site.consents;
    if (!site.fault.empty()) s["Fault"] = site.fault;
    if (!site.certificate.empty()) s["Certificate"] = site.certificate;
    out[key] = s;
  }
  return out;
}

SimulatedProviders SimulatedProviders::from_state(const Json& state) {
  if (!state.is_object()) throw std::runtime_error("SimulatedProviders: not an object");
  SimulatedProviders out;
  for (const auto& [key, s] : state.items()) {
    if (!s.is_object()) throw std::runtime_error("SimulatedProviders." + key + ": not an object");
    ProviderSite site;
    site.private_pem = s.value("PrivateKey", std::string());
    if (!site.private_pem.empty() && !RsaKey::from_private_pem(site.private_pem))
      throw std::runtime_error("SimulatedProviders." + key + ".PrivateKey: not an RSA private key");
    for (const Json& a : s.value("Accounts", Json::array()))
      site.accounts.push_back({a.at("Email").get<std::string>(), a.at("Name").get<std::string>()});
    site.consents = s.value("Consents", std::vector<std::string>{});
    site.fault = s.value("Fault", std::string());
    site.certificate = s.value("Certificate", std::string());
    if (!site.certificate.empty() && !base64_decode(site.certificate))
      throw std::runtime_error("SimulatedProviders." + key + ".Certificate: not base64");
    if (!site.fault.empty() && std::find(std::begin(kIdTokenFaults), std::end(kIdTokenFaults), site.fault) == std::end(kIdTokenFaults))
      throw std::runtime_error("SimulatedProviders." + key + ".Fault: not one of the faults a provider can simulate");
    out.sites.emplace(key, std::move(site));
  }
  return out;
}

}  // namespace userpool::simulated_idp
