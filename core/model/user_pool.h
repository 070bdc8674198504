// One user pool: its configuration, keys, app clients, users, groups, the
// challenge sessions in flight, and its domain.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/model/app_client.h"
#include "core/base/json.h"
#include "core/model/identity_provider.h"
#include "core/model/pool_config.h"
#include "core/tokens/pool_keys.h"
#include "core/model/user_directory.h"

namespace userpool {

struct Group {
  std::string name;
  std::string description;
  std::string role_arn;
  std::optional<std::int64_t> precedence;
  Timestamp created{}, last_modified{};

  Json describe(const std::string& user_pool_id) const;  // GroupType
};

// An API the pool issues access to (Developer Guide: "Scopes, M2M, and APIs
// with resource servers"): its identifier (often the API's URL) and the
// custom scopes it defines, each "<Identifier>/<ScopeName>" in tokens.
struct ResourceServerScope {
  std::string name, description;
};
struct ResourceServer {
  std::string identifier;
  std::string name;
  std::vector<ResourceServerScope> scopes;

  Json describe(const std::string& user_pool_id) const;  // ResourceServerType
};

// What a domain serves (Developer Guide: "Configuring a user pool domain").
struct DomainSettings {
  int managed_login_version = 1;  // 1: the classic hosted UI; 2: managed login
  Timestamp updated{};            // DescribeUserPoolDomain's Version
};

// A custom domain (Developer Guide: "Using your own domain for managed
// login"): the name, the ACM certificate (in us-east-1) and the CloudFront
// alias target Cognito answers with, for the learner's DNS record.
struct CustomDomain {
  std::string name;               // auth.example.com
  std::string certificate_arn;
  std::string security_policy;    // as given; empty when not
  std::string cloudfront_domain;  // d1a2b3c4d5e6f7.cloudfront.net
  DomainSettings settings;
};

// The classic hosted UI's customization (API Reference: SetUICustomization):
// for one app client, or for every client without its own ("ALL"). The CSS
// and the logo are always set together.
struct UICustomization {
  std::string client_id;         // an app client's ID, or "ALL"
  std::string css;               // checked by rules/hosted_ui_css.h
  std::string image_file;        // the logo, base64 as the API carries it; empty: none
  std::string image_type;        // "png" or "jpeg"
  Timestamp created{}, last_modified{};
};

// A managed login branding style (API Reference: CreateManagedLoginBranding):
// one per app client, used when its domain serves ManagedLoginVersion 2.
struct ManagedLoginBranding {
  std::string id;  // ManagedLoginBrandingId, a UUID
  std::string client_id;
  bool use_cognito_provided_values = false;
  Json settings = Json::object();  // as given, kept verbatim
  Json assets = Json::array();     // [AssetType], Bytes base64
  Timestamp created{}, last_modified{};
};

// An authorization code the hosted UI gave an app (Developer Guide:
// "Authorize endpoint"): valid 5 minutes and once, bound to what the
// authorize request asked.
struct AuthorizationCode {
  std::string code;
  std::string client_id;
  std::string redirect_uri;
  std::vector<std::string> scopes;  // granted
  std::string code_challenge;       // PKCE S256; empty when none was sent
  std::optional<std::string> nonce;
  std::string username;
  Timestamp auth_time{}, expires_at{};
  bool used = false;
};

// A signed-in browser on the pool's domain (the managed login session
// cookie): while it lasts (1 hour) the hosted UI signs the user in again
// without asking.
struct HostedSession {
  std::string id;  // the cookie's value
  std::string username;
  Timestamp auth_time{}, expires_at{};
};

// A sign-in sent on to a federated identity provider (Developer Guide:
// "Adding user pool sign-in through a third party"): the state Cognito gave
// the provider names it when the browser comes back to /oauth2/idpresponse.
// It lasts five minutes, and is not saved: a reload mid-flight starts the
// sign-in again, as a real session that timed out does.
struct FederationRequest {
  std::string state;            // the state parameter Cognito sent the provider
  std::string provider_name;
  std::vector<std::pair<std::string, std::string>> authorize;  // the app's authorize parameters
  std::string nonce;            // sent to OpenID Connect providers, checked in their ID token
  std::string saml_request_id;  // a SAML AuthnRequest's ID, which the Response must answer (InResponseTo)
  Timestamp expires_at{};
};

// A challenge in progress (NEW_PASSWORD_REQUIRED, SMS_MFA, MFA_SETUP, ...).
// The Session string the client holds is its key; the record stays on the
// pool so a session can be used only once and expires on the pool's clock.
struct ChallengeSession {
  std::string session;
  std::string client_id;
  std::string username;
  std::string challenge;  // the challenge the session answers
  Timestamp created{}, expires_at{};
  bool used = false;
  Json data = Json::object();  // what the next step needs (SMS code, auth_time, ...)
};

class UserPool {
 public:
  // A pool always has its keys (made with it, or restored from saved state).
  explicit UserPool(PoolKeys pool_keys) : keys(std::move(pool_keys)) {}

  std::string id;
  std::string arn;
  PoolConfig config;
  Timestamp created{}, last_modified{};
  PoolKeys keys;
  std::vector<AppClient> clients;  // in creation order
  UserDirectory users;
  std::vector<Group> groups;       // in creation order
  std::vector<ResourceServer> resource_servers;  // in creation order
  std::vector<IdentityProvider> identity_providers;  // in creation order
  std::map<std::string, ChallengeSession> sessions;
  std::map<std::string, AuthorizationCode> authorization_codes;  // by code
  std::map<std::string, HostedSession> hosted_sessions;          // by cookie value
  std::map<std::string, FederationRequest> federation_requests;  // by state (a SAML provider's RelayState)
  // The IDs of the SAML assertions the pool took, until they expire: a
  // response is taken once (replay). Not saved, like the requests above.
  std::map<std::string, Timestamp> saml_assertions_taken;
  // A pool may have a Cognito domain (a prefix) and a custom domain at once.
  std::optional<std::string> domain;  // Cognito domain prefix, when the pool has one
  DomainSettings domain_settings;     // the prefix domain's
  std::optional<CustomDomain> custom_domain;
  std::map<std::string, UICustomization> ui_customizations;  // by ClientId ("ALL" for the pool's default)
  std::vector<ManagedLoginBranding> brandings;                // in creation order

  AppClient* find_client(std::string_view client_id);
  Group* find_group(std::string_view name);
  ResourceServer* find_resource_server(std::string_view identifier);
  IdentityProvider* find_identity_provider(std::string_view name);
  ManagedLoginBranding* find_branding_by_client(std::string_view client_id);
  const ManagedLoginBranding* find_branding_by_client(std::string_view client_id) const;
  // The classic customization a client's pages use: its own, else the
  // pool's (ALL), else none.
  const UICustomization* ui_customization_for(const std::string& client_id) const;
  // Whether "<Identifier>/<ScopeName>" names a scope one of the pool's
  // resource servers defines.
  bool defines_scope(std::string_view scope) const;
  // Forgets sessions that expired (they would be refused anyway).
  void drop_expired_sessions(Timestamp now);
};

}  // namespace userpool
