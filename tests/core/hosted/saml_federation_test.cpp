// Sign-in through a SAML provider end to end in the engine: the metadata
// read at CreateIdentityProvider, the AuthnRequest by the HTTP-Redirect
// binding, the simulated provider's signed Response posted to
// /saml2/idpresponse, the Corp_<NameID> user; IdP-initiated sign-in; and
// the responses Cognito refuses (another key, replayed, late).
#include "core/saml/saml_request.h"
#include "tests/core/hosted/federated.h"

using namespace userpool;
using namespace userpool::test;
using namespace std::chrono_literals;

namespace {
const std::string kAcs = kBase + "/saml2/idpresponse";
const std::string kEmailClaim = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress";

std::string metadata_of(Sandbox& s, const std::string& host) {
  return s.ok("SimulatedIdP.GetSamlMetadata", {{"Url", "https://" + host + "/saml/metadata"}})["Body"];
}
}  // namespace

TEST_CASE("SAML: the metadata read, the AuthnRequest, the signed Response, and the Corp_<NameID> user") {
  Federated f("SAML");
  const Json described = f.s.ok("DescribeIdentityProvider", {{"UserPoolId", f.pool}, {"ProviderName", "Corp"}})["IdentityProvider"];
  CHECK(described["ProviderDetails"]["SSORedirectBindingURI"] == "https://idp.example.com/saml/sso");
  CHECK(described["ProviderDetails"]["SLORedirectBindingURI"] == "https://idp.example.com/saml/slo");

  const HttpResponse out = f.b.get(authorize_url(f.client, {{"identity_provider", "Corp"}, {"state", "app-state"}}));
  REQUIRE(out.status == 302);
  const std::string to_idp = HostedBrowser::location(out);
  CHECK(to_idp.starts_with("https://idp.example.com/saml/sso?SAMLRequest="));
  const auto request = saml::read_authn_request(HostedBrowser::url_param(to_idp, "SAMLRequest"));
  REQUIRE(request);
  CHECK(request->issuer == "urn:amazon:cognito:sp:" + f.pool);
  CHECK(request->acs_url == kAcs);
  CHECK_FALSE(HostedBrowser::url_param(to_idp, "RelayState").empty());

  HttpResponse page = f.b.get(to_idp);
  REQUIRE(page.status == 200);
  CHECK(shows(page, "idp.example.com (simulated SAML provider)"));
  CHECK(shows(page, "urn:amazon:cognito:sp:" + f.pool));
  page = f.b.submit(page, {{"email", "jane@example.com"}, {"name", "Jane Doe"}});
  REQUIRE(page.status == 200);
  CHECK(HostedBrowser::action(page) == kAcs);
  const HttpResponse back = f.b.submit(page);
  CHECK(f.b.last_operation == "HostedUI.SamlResponse");
  INFO(back.body);
  REQUIRE(back.status == 302);
  const std::string callback = HostedBrowser::location(back);
  CHECK(HostedBrowser::url_param(callback, "state") == "app-state");
  const Json id = token_claims(f.tokens(callback)["id_token"]);
  CHECK(id["cognito:username"] == "Corp_jane@example.com");
  CHECK(id["email"] == "jane@example.com");
  CHECK(id["name"] == "Jane Doe");
  REQUIRE(id["identities"].size() == 1);
  CHECK(id["identities"][0]["providerType"] == "SAML");
  CHECK(id["identities"][0]["providerName"] == "Corp");
  CHECK(id["identities"][0]["issuer"] == "https://idp.example.com/saml");
  CHECK(id["identities"][0]["userId"] == "jane@example.com");
  CHECK(f.user("Corp_jane@example.com")["UserStatus"] == "EXTERNAL_PROVIDER");

  // The same Response posted again: its RelayState was used.
  const HttpResponse again = f.b.submit(page);
  CHECK(again.status == 400);
  CHECK(shows(again, "Something went wrong"));
}

TEST_CASE("SAML IdP-initiated: with IDPInit the provider's unsolicited Response signs in; a replay is refused") {
  Federated f("SAML", Json::object(), {{"ProviderDetails", {{"MetadataURL", "https://idp.example.com/saml/metadata"}, {"IDPInit", "true"}}}});
  const std::string relay = "identity_provider=Corp&client_id=" + f.client + "&redirect_uri=" + url_encode(kCallback) +
                            "&response_type=code&scope=openid+email";
  HttpResponse page = f.b.get(with_query("https://idp.example.com/saml/sso",
                                         {{"providerId", "urn:amazon:cognito:sp:" + f.pool}, {"shire", kAcs}, {"target", relay}}));
  REQUIRE(page.status == 200);
  page = f.b.submit(page, {{"email", "bob@example.com"}, {"name", "Bob"}});
  REQUIRE(page.status == 200);
  const HttpResponse back = f.b.submit(page);
  INFO(back.body);
  REQUIRE(back.status == 302);
  CHECK(token_claims(f.tokens(HostedBrowser::location(back))["id_token"])["cognito:username"] == "Corp_bob@example.com");
  const HttpResponse replay = f.b.submit(page);
  REQUIRE(replay.status == 302);
  CHECK(HostedBrowser::url_param(HostedBrowser::location(replay), "error_description") ==
        "Invalid SAML response received: the assertion was used before (replay)");
  // Without IDPInit the same kind of response has nowhere to go.
  f.s.ok("UpdateIdentityProvider", {{"UserPoolId", f.pool}, {"ProviderName", "Corp"},
                                    {"ProviderDetails", {{"MetadataURL", "https://idp.example.com/saml/metadata"}, {"IDPInit", "false"}}}});
  page = f.b.get(with_query("https://idp.example.com/saml/sso", {{"providerId", "urn:amazon:cognito:sp:" + f.pool}, {"shire", kAcs}, {"target", relay}}));
  page = f.b.submit(page, {{"email", "bob@example.com"}, {"name", "Bob"}});
  CHECK(shows(f.b.submit(page), "Something went wrong"));
}

TEST_CASE("SAML: a Response signed by a key the metadata does not hold, or posted too late, is refused") {
  Sandbox s;
  const std::string pool = hosted_pool(s);
  // The metadata of idp.example.com with the certificate of another provider.
  const std::string other = metadata_of(s, "other.example.net");
  std::string metadata = metadata_of(s, "idp.example.com");
  const auto cert_of = [](const std::string& m) {
    const auto start = m.find("<ds:X509Certificate>") + 20;
    return m.substr(start, m.find("</ds:X509Certificate>") - start);
  };
  metadata.replace(metadata.find(cert_of(metadata)), cert_of(metadata).size(), cert_of(other));
  s.ok("CreateIdentityProvider", {{"UserPoolId", pool}, {"ProviderName", "Corp"}, {"ProviderType", "SAML"},
                                  {"ProviderDetails", {{"MetadataFile", metadata}}}, {"AttributeMapping", {{"email", kEmailClaim}}}});
  const std::string client = s.create_client(pool, hosted_client_settings({{"SupportedIdentityProviders", {"Corp"}}}));
  HostedBrowser b(s);
  HttpResponse page = b.follow(b.get(authorize_url(client, {{"identity_provider", "Corp"}})));
  page = b.submit(page, {{"email", "jane@example.com"}, {"name", "Jane"}});
  HttpResponse back = b.submit(page);
  REQUIRE(back.status == 302);
  CHECK(HostedBrowser::url_param(HostedBrowser::location(back), "error_description") ==
        "Invalid SAML response received: the signature does not verify with the provider's signing certificate");
  CHECK(s.ok("ListUsers", {{"UserPoolId", pool}})["Users"].empty());

  // Late: the round trip has five minutes.
  Federated f("SAML");
  page = f.b.submit(f.to_provider(), {{"email", "jane@example.com"}, {"name", "Jane"}});
  f.s.advance(6min);
  CHECK(shows(f.b.submit(page), "Something went wrong"));
}

TEST_CASE("SAML providers' metadata at CreateIdentityProvider: unreachable, unreadable, encrypted responses") {
  Sandbox s;
  const std::string pool = s.create_pool();
  const auto create = [&](const Json& details) {
    return s.error("CreateIdentityProvider", {{"UserPoolId", pool}, {"ProviderName", "Corp"}, {"ProviderType", "SAML"}, {"ProviderDetails", details}});
  };
  ApiError e = create({{"MetadataURL", "https://login.example.org/federationmetadata.xml"}});
  CHECK(e.type == "InvalidParameterException");
  CHECK(e.message.starts_with("Unable to retrieve metadata from https://login.example.org/federationmetadata.xml"));
  e = create({{"MetadataFile", "<html><body>not metadata</body></html>"}});
  CHECK(e.message == "Could not read the SAML metadata: the document is not SAML metadata (its root is html, not md:EntityDescriptor).");
  e = create({{"MetadataFile", "<!DOCTYPE x [<!ENTITY a \"b\">]><x>&a;</x>"}});
  CHECK(e.message == "Could not read the SAML metadata: the XML has a DOCTYPE, which SAML does not allow.");
  e = create({{"MetadataURL", "https://idp.example.com/saml/metadata"}, {"EncryptedResponses", "true"}});
  CHECK(e.message == "The sandbox does not encrypt SAML responses: set EncryptedResponses to false.");
  e = create({{"MetadataURL", "https://idp.example.com/saml/metadata"}, {"MetadataFile", metadata_of(s, "idp.example.com")}});
  CHECK(e.message == "A SAML provider needs either MetadataURL or MetadataFile, not both.");
}
