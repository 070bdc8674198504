// The identity providers a pool federates with, simulated inside the
// sandbox: Google, Facebook, Login with Amazon, Sign in with Apple and any
// OpenID Connect issuer a pool names. The sandbox reaches no network, so
// the addresses Cognito sends users to (accounts.google.com, the OIDC
// issuer's authorize URL, ...) are answered here, each by a provider that
// behaves as the real one does towards Cognito: a sign-in page (an email
// address and a display name: a test account, remembered for next time), a
// consent step the first time an app asks, an authorization code back to
// Cognito's /oauth2/idpresponse, and at its token and user-info endpoints
// what the real provider gives (an ID token signed with the provider's own
// key and its claim names, or an access token and a profile).
//
// A provider's "site" is what one real provider is: its signing key, the
// test accounts signed in with it, the consents given. Codes and access
// tokens live a few minutes and are not saved.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/base/clock.h"
#include "core/base/json.h"
#include "core/crypto/rsa_key.h"

namespace userpool {
class Account;
}

namespace userpool::simulated_idp {

enum class ProviderKind { kGoogle, kFacebook, kLoginWithAmazon, kSignInWithApple, kOidc, kSaml };

// Which simulated provider an address belongs to.
struct SiteRef {
  ProviderKind kind = ProviderKind::kOidc;
  std::string key;     // "Google", ..., "OIDC <issuer>" or "SAML <host>"
  std::string issuer;  // the iss of its ID tokens (Google, Apple, OIDC); a SAML provider's entity ID
  std::string title;   // "Google (simulated)"
};

// The provider whose host a URL names: the social providers' own hosts, the
// host of an OIDC provider some pool of the account has, or of a simulated
// SAML provider made so far. nullopt: the address is no simulated provider's.
std::optional<SiteRef> site_for_url(const Account& account, const std::string& url);

// The simulated SAML provider at a URL's host (whether or not it exists
// yet): entity ID https://<host>/saml, sign-on at /saml/sso, metadata at
// /saml/metadata. A learner makes one by asking for its metadata.
SiteRef saml_site(const std::string& url);

// Where the browser reaches a provider's address: the address itself in
// the page; under <hosted_origin>/provider/<host>/... on a local endpoint
// (core/http/endpoint.h), which has no way to answer for accounts.google.com.
std::string served_url(const Account& account, const std::string& url);

// The provider's user ID for an email address: stable, in the provider's
// own format (Google's 21 digits, Facebook's 16, amzn1.account.…, Apple's
// 000123.<hex>.0456, a UUID for OIDC).
std::string subject_for(const SiteRef& site, const std::string& email);

// Whether a test account's address looks like one: a local part, @, a
// domain, no spaces or markup, at most 254 characters.
bool is_email_address(const std::string& email);

struct TestAccount {
  std::string email, name;
};

struct IssuedCode {
  std::string client_id, redirect_uri, scope, nonce, email, name;
  bool first_consent = false;  // Apple tells the app the user's name only then
  Timestamp expires_at{};
};

struct IssuedAccessToken {
  std::string client_id, email, name, scope;
  Timestamp expires_at{};
};

struct ProviderSite {
  std::string private_pem;               // the signing key, made on first use (empty until then)
  std::vector<TestAccount> accounts;     // remembered, most recent first
  std::vector<std::string> consents;     // "<client_id> <email>": what users agreed to share
  std::string fault;                     // a fault its ID tokens carry on purpose (kIdTokenFaults), or empty
  std::string certificate;               // a SAML provider's: its key's self-signed certificate (base64 DER)
  std::map<std::string, IssuedCode> codes;                  // by code; not saved
  std::map<std::string, IssuedAccessToken> access_tokens;  // by token; not saved

  // The site's signing key, made now if it has none.
  RsaKey signing_key();
  // A SAML provider's certificate (DER), made now if it has none.
  Bytes signing_certificate(Timestamp now);
  // Its key ID (as its JWKS lists it); empty while it has no key.
  std::string key_id() const;
  void remember(const TestAccount& account);
  bool has_consent(const std::string& client_id, const std::string& email) const;
};

// What a provider can be told to get wrong in its ID tokens, to see
// Cognito refuse them (SimulatedIdP.SetFault): another audience, another
// issuer, already expired, another nonce, a key ID it does not publish, a
// signature that does not verify.
inline constexpr const char* kIdTokenFaults[] = {"WrongAudience", "WrongIssuer", "Expired", "WrongNonce", "UnknownKey", "BadSignature"};

// The simulated providers' state in the account (ServiceStates).
struct SimulatedProviders {
  std::map<std::string, ProviderSite> sites;  // by SiteRef::key

  Json to_state() const;
  // Throws std::exception when the section is damaged.
  static SimulatedProviders from_state(const Json& state);
};

}  // namespace userpool::simulated_idp
