// Federated identity providers: the shapes and rules of
// CreateIdentityProvider and its siblings, the keys Cognito adds to each
// type's details, the attribute mapping, and app clients naming providers.
#include <catch2/catch.hpp>

#include "tests/core/harness/harness.h"

using namespace userpool;
using namespace userpool::test;

namespace {

Json google(const std::string& pool, Json extra = Json::object()) {
  Json r = {{"UserPoolId", pool}, {"ProviderName", "Google"}, {"ProviderType", "Google"},
            {"ProviderDetails", {{"client_id", "1234.apps.googleusercontent.com"}, {"client_secret", "g-secret"},
                                 {"authorize_scopes", "email profile openid"}}}};
  for (const auto& [k, v] : extra.items()) r[k] = v;
  return r;
}

}  // namespace

TEST_CASE("A Google provider: Cognito adds Google's endpoints, maps the username to sub, and a client may then offer it") {
  Sandbox s;
  const std::string pool = s.create_pool({{"Schema", {{{"Name", "email"}, {"AttributeDataType", "String"}, {"Required", true}}}}});
  const Json made = s.ok("CreateIdentityProvider", google(pool, {{"AttributeMapping", {{"email", "email"}, {"name", "name"}}}}))["IdentityProvider"];
  CHECK(made["UserPoolId"] == pool);
  CHECK(made["ProviderType"] == "Google");
  CHECK(made["ProviderDetails"]["authorize_url"] == "https://accounts.google.com/o/oauth2/v2/auth");
  CHECK(made["ProviderDetails"]["oidc_issuer"] == "https://accounts.google.com");
  CHECK(made["ProviderDetails"]["client_secret"] == "g-secret");
  CHECK(made["AttributeMapping"] == Json{{"email", "email"}, {"name", "name"}, {"username", "sub"}});
  CHECK(made["CreationDate"].is_number());
  CHECK(s.ok("DescribeIdentityProvider", {{"UserPoolId", pool}, {"ProviderName", "Google"}})["IdentityProvider"] == made);
  const Json list = s.ok("ListIdentityProviders", {{"UserPoolId", pool}})["Providers"];
  REQUIRE(list.size() == 1);
  CHECK(list[0]["ProviderName"] == "Google");
  CHECK_FALSE(list[0].contains("ProviderDetails"));

  // An app client may now name it; a provider the pool lacks is refused.
  s.create_client(pool, {{"SupportedIdentityProviders", {"COGNITO", "Google"}}});
  CHECK(s.error("CreateUserPoolClient", {{"UserPoolId", pool}, {"ClientName", "x"}, {"SupportedIdentityProviders", {"Facebook"}}}).message ==
        "The provider Facebook does not exist for User Pool " + pool);
}

TEST_CASE("Identity provider names and types follow Cognito's rules") {
  Sandbox s;
  const std::string pool = s.create_pool();
  // A social provider is named after its type.
  auto e = s.error("CreateIdentityProvider", google(pool, {{"ProviderName", "MyGoogle"}}));
  CHECK(e.type == "InvalidParameterException");
  CHECK(e.message == "Provider MyGoogle cannot be of type Google.");
  // Names: 3 to 32 characters, no white space, no "_" after the second.
  for (const char* bad : {"ab", "my idp", "my_idp", "_idp"}) {
    INFO(bad);
    e = s.error("CreateIdentityProvider", {{"UserPoolId", pool}, {"ProviderName", bad}, {"ProviderType", "OIDC"},
                                           {"ProviderDetails", {{"client_id", "c"}, {"authorize_scopes", "openid"},
                                                                {"attributes_request_method", "GET"}, {"oidc_issuer", "https://idp.example.com"}}}});
    CHECK(e.type == "InvalidParameterException");
    CHECK(e.message.find("providerName") != std::string::npos);
  }
  e = s.error("CreateIdentityProvider", google(pool, {{"ProviderType", "Twitter"}}));
  CHECK(e.message.find("providerType") != std::string::npos);
  s.ok("CreateIdentityProvider", google(pool));
  CHECK(s.error("CreateIdentityProvider", google(pool)).type == "DuplicateProviderException");
  // Each type's required details.
  e = s.error("CreateIdentityProvider", {{"UserPoolId", pool}, {"ProviderName", "Facebook"}, {"ProviderType", "Facebook"},
                                         {"ProviderDetails", {{"client_id", "123"}, {"authorize_scopes", "public_profile, email"}}}});
  CHECK(e.message == "client_secret is required for a Facebook provider.");
  e = s.error("CreateIdentityProvider", {{"UserPoolId", pool}, {"ProviderName", "Corp"}, {"ProviderType", "SAML"},
                                         {"ProviderDetails", Json::object()}});
  CHECK(e.type == "InvalidParameterException");
  // A mapping names the pool's own attributes.
  e = s.error("UpdateIdentityProvider", {{"UserPoolId", pool}, {"ProviderName", "Google"}, {"AttributeMapping", {{"shoe_size", "size"}}}});
  CHECK(e.type == "InvalidParameterException");
  CHECK(e.message.find("shoe_size") != std::string::npos);
}

TEST_CASE("OIDC and Facebook details: the endpoints Cognito fills in; Apple's private key is never shown") {
  Sandbox s;
  const std::string pool = s.create_pool();
  const Json oidc = s.ok("CreateIdentityProvider", {{"UserPoolId", pool}, {"ProviderName", "Corp-IdP"}, {"ProviderType", "OIDC"},
                                                    {"ProviderDetails", {{"client_id", "c"}, {"client_secret", "s"}, {"authorize_scopes", "openid email"},
                                                                         {"attributes_request_method", "GET"}, {"oidc_issuer", "https://idp.example.com/"}}},
                                                    {"IdpIdentifiers", {"example.com"}}})["IdentityProvider"];
  CHECK(oidc["ProviderDetails"]["authorize_url"] == "https://idp.example.com/authorize");
  CHECK(oidc["ProviderDetails"]["jwks_uri"] == "https://idp.example.com/.well-known/jwks.json");
  CHECK(s.error("CreateIdentityProvider", {{"UserPoolId", pool}, {"ProviderName", "NoOpenId"}, {"ProviderType", "OIDC"},
                                           {"ProviderDetails", {{"client_id", "c"}, {"authorize_scopes", "email"},
                                                                {"attributes_request_method", "GET"}, {"oidc_issuer", "https://x.example.com"}}}})
            .message == "The authorize_scopes of an OIDC provider must include openid.");
  const Json facebook = s.ok("CreateIdentityProvider", {{"UserPoolId", pool}, {"ProviderName", "Facebook"}, {"ProviderType", "Facebook"},
                                                        {"ProviderDetails", {{"client_id", "1"}, {"client_secret", "2"}, {"authorize_scopes", "public_profile, email"},
                                                                             {"api_version", "v18.0"}}}})["IdentityProvider"];
  CHECK(facebook["ProviderDetails"]["authorize_url"] == "https://www.facebook.com/v18.0/dialog/oauth");
  CHECK(facebook["AttributeMapping"]["username"] == "id");
  const Json apple = s.ok("CreateIdentityProvider", {{"UserPoolId", pool}, {"ProviderName", "SignInWithApple"}, {"ProviderType", "SignInWithApple"},
                                                     {"ProviderDetails", {{"client_id", "com.example.web"}, {"team_id", "T1"}, {"key_id", "K1"},
                                                                          {"private_key", "-----BEGIN PRIVATE KEY-----x"}, {"authorize_scopes", "email name"}}}})["IdentityProvider"];
  CHECK_FALSE(apple["ProviderDetails"].contains("private_key"));
  CHECK(apple["ProviderDetails"]["token_url"] == "https://appleid.apple.com/auth/token");
  // An update that leaves Apple's key out keeps it.
  s.ok("UpdateIdentityProvider", {{"UserPoolId", pool}, {"ProviderName", "SignInWithApple"},
                                  {"ProviderDetails", {{"client_id", "com.example.web2"}, {"team_id", "T1"}, {"key_id", "K1"}, {"authorize_scopes", "email"}}}});

  // Identifiers route to their provider, and belong to one provider only.
  CHECK(s.ok("GetIdentityProviderByIdentifier", {{"UserPoolId", pool}, {"IdpIdentifier", "example.com"}})["IdentityProvider"]["ProviderName"] ==
        "Corp-IdP");
  CHECK(s.error("GetIdentityProviderByIdentifier", {{"UserPoolId", pool}, {"IdpIdentifier", "other.com"}}).type == "ResourceNotFoundException");
  CHECK(s.error("UpdateIdentityProvider", {{"UserPoolId", pool}, {"ProviderName", "Facebook"}, {"IdpIdentifiers", {"example.com"}}}).type ==
        "InvalidParameterException");
}

TEST_CASE("Deleting a provider takes it off the app clients that offered it; the providers are kept with the saved work") {
  Sandbox s;
  const std::string pool = s.create_pool();
  s.ok("CreateIdentityProvider", google(pool));
  const std::string client = s.create_client(pool, {{"SupportedIdentityProviders", {"COGNITO", "Google"}}});
  // Kept in the saved state, and read back.
  const Json state = s.ok("Sandbox.ExportState", Json::object())["State"];
  Sandbox other;
  other.ok("Sandbox.ImportState", {{"State", state}});
  CHECK(other.ok("DescribeIdentityProvider", {{"UserPoolId", pool}, {"ProviderName", "Google"}})["IdentityProvider"]["ProviderType"] == "Google");

  s.ok("DeleteIdentityProvider", {{"UserPoolId", pool}, {"ProviderName", "Google"}});
  CHECK(s.error("DescribeIdentityProvider", {{"UserPoolId", pool}, {"ProviderName", "Google"}}).type == "ResourceNotFoundException");
  CHECK(s.ok("DescribeUserPoolClient", {{"UserPoolId", pool}, {"ClientId", client}})["UserPoolClient"]["SupportedIdentityProviders"] ==
        Json::array({"COGNITO"}));
}
