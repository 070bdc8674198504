// AdminLinkProviderForUser and AdminDisableProviderForUser (the
// reference's §7.4): a provider's identity linked to an existing user signs
// in as that user; the rules and errors of linking; undoing a link.
#include "tests/core/hosted/federated.h"

using namespace userpool;
using namespace userpool::test;

namespace {

Json link(const std::string& pool, const Json& destination, const Json& source) {
  return {{"UserPoolId", pool}, {"DestinationUser", destination}, {"SourceUser", source}};
}
Json native(const std::string& username) { return {{"ProviderName", "Cognito"}, {"ProviderAttributeValue", username}}; }
Json google(const std::string& sub) {
  return {{"ProviderName", "Google"}, {"ProviderAttributeName", "Cognito_Subject"}, {"ProviderAttributeValue", sub}};
}

}  // namespace

TEST_CASE("A Google identity linked to a native user signs in as that user, with the identity in its identities claim") {
  Federated f("Google");
  f.s.add_user(f.pool, "jane", attrs({{"email", "jane@example.com"}, {"email_verified", "true"}, {"name", "Jane Doe"}}));
  const std::string sub = subject(f.s, "https://accounts.google.com", "jane@gmail.example");
  CHECK(f.s.ok("AdminLinkProviderForUser", link(f.pool, native("jane"), google(sub))) == Json::object());
  // The link is in the user's identities attribute, primary false.
  Json identities = Json::parse(Federated::attribute(f.user("jane"), "identities"));
  REQUIRE(identities.size() == 1);
  CHECK(identities[0]["userId"] == sub);
  CHECK(identities[0]["providerName"] == "Google");
  CHECK(identities[0]["primary"] == "false");
  CHECK(identities[0]["dateCreated"] == epoch_ms(f.s.now()));

  const Json id = token_claims(f.tokens(f.sign_in("jane@gmail.example", "Jane (Google)"))["id_token"]);
  CHECK(id["cognito:username"] == "jane");
  CHECK(id["identities"] == identities);
  CHECK(f.user_count() == 1);  // no Google_ user was made
  // The native user still signs in with its password.
  CHECK(f.s.password_sign_in(f.client, "jane", "Passw0rd!").status == 200);

  // Undone, the identity's next sign-in makes a user of its own.
  CHECK(f.s.ok("AdminDisableProviderForUser", {{"UserPoolId", f.pool}, {"User", google(sub)}}) == Json::object());
  CHECK(Federated::attribute(f.user("jane"), "identities").empty());
  const Json again = token_claims(f.tokens(f.sign_in("jane@gmail.example", "Jane (Google)"))["id_token"]);
  CHECK(again["cognito:username"] == "Google_" + sub);
  CHECK(f.user_count() == 2);
}

TEST_CASE("Linking: an identity that signed in already, a native source, unknown users and providers, five links at most") {
  Federated f("Google");
  f.s.add_user(f.pool, "jane", attrs({{"email", "jane@example.com"}}));
  f.s.add_user(f.pool, "bob", attrs({{"email", "bob@example.com"}}));
  f.tokens(f.sign_in("signed-up@example.com", "Signed Up"));
  const std::string signed_up = subject(f.s, "https://accounts.google.com", "signed-up@example.com");

  ApiError e = f.s.error("AdminLinkProviderForUser", link(f.pool, native("jane"), google(signed_up)));
  CHECK(e.type == "InvalidParameterException");
  CHECK(e.message == "Merging is not currently supported, provide a SourceUser that has not been signed up in order to link");
  e = f.s.error("AdminLinkProviderForUser", link(f.pool, native("jane"), native("bob")));
  CHECK(e.type == "InvalidParameterException");
  CHECK(e.message == "Invalid SourceUser: Cognito users with a username/password may not be passed in as a SourceUser, only as a DestinationUser");
  CHECK(f.s.error("AdminLinkProviderForUser", link(f.pool, native("nobody"), google("1234"))).type == "UserNotFoundException");
  CHECK(f.s.error("AdminLinkProviderForUser", link(f.pool, native("jane"), {{"ProviderName", "Facebook"}, {"ProviderAttributeName", "Cognito_Subject"},
                                                                          {"ProviderAttributeValue", "1"}}))
            .type == "InvalidParameterException");
  CHECK(f.s.error("AdminLinkProviderForUser", link(f.pool, native("jane"), {{"ProviderName", "Google"}, {"ProviderAttributeName", "email"},
                                                                          {"ProviderAttributeValue", "x@example.com"}}))
            .type == "InvalidParameterException");
  e = f.s.error("AdminLinkProviderForUser", {{"UserPoolId", f.pool}, {"SourceUser", google("1")}});
  CHECK(e.message == "1 validation error detected: Value null at 'destinationUser' failed to satisfy constraint: Member must not be null");
  CHECK(f.s.error("AdminLinkProviderForUser", link("us-east-1_nothere00", native("jane"), google("1"))).type == "ResourceNotFoundException");

  // An identity links to one user only.
  f.s.ok("AdminLinkProviderForUser", link(f.pool, native("jane"), google("100")));
  CHECK(f.s.error("AdminLinkProviderForUser", link(f.pool, native("bob"), google("100"))).type == "AliasExistsException");
  // A federated user can be the destination, named by its ID at the provider.
  f.s.ok("AdminLinkProviderForUser", link(f.pool, google(signed_up), google("200")));
  CHECK(Json::parse(Federated::attribute(f.user("Google_" + signed_up), "identities")).size() == 2);
  // Five linked identities at most.
  for (const char* id : {"101", "102", "103", "104"}) f.s.ok("AdminLinkProviderForUser", link(f.pool, native("jane"), google(id)));
  e = f.s.error("AdminLinkProviderForUser", link(f.pool, native("jane"), google("105")));
  CHECK(e.type == "LimitExceededException");
}

TEST_CASE("AdminDisableProviderForUser: a federated user of its own is disabled; a native user named with Cognito_Subject too") {
  Federated f("Google");
  f.tokens(f.sign_in("jane@example.com", "Jane"));
  const std::string sub = subject(f.s, "https://accounts.google.com", "jane@example.com");
  f.s.ok("AdminDisableProviderForUser", {{"UserPoolId", f.pool}, {"User", google(sub)}});
  CHECK(f.user("Google_" + sub)["Enabled"] == false);
  const std::string callback = f.sign_in("jane@example.com", "Jane");
  CHECK(HostedBrowser::url_param(callback, "error_description") == "User is disabled.");

  f.s.add_user(f.pool, "bob", attrs({{"email", "bob@example.com"}}));
  f.s.ok("AdminDisableProviderForUser", {{"UserPoolId", f.pool}, {"User", {{"ProviderName", "Cognito"}, {"ProviderAttributeName", "Cognito_Subject"},
                                                                           {"ProviderAttributeValue", "bob"}}}});
  CHECK(f.user("bob")["Enabled"] == false);
  CHECK(f.s.error("AdminDisableProviderForUser", {{"UserPoolId", f.pool}, {"User", google("999")}}).type == "UserNotFoundException");
}

TEST_CASE("SimulatedIdP.GetAccountId gives a provider's ID for an account before it signs in, ready for AdminLinkProviderForUser") {
  for (const char* type : {"Google", "Facebook", "LoginWithAmazon", "SAML"}) {
    INFO(type);
    Federated f(type);
    const Json answer = f.s.ok("SimulatedIdP.GetAccountId", {{"UserPoolId", f.pool}, {"ProviderName", f.provider}, {"Email", "mei@example.com"}});
    CHECK(answer["ProviderName"] == f.provider);
    CHECK(answer["ProviderAttributeName"] == "Cognito_Subject");
    const std::string id = answer["ProviderAttributeValue"];
    if (std::string(type) == "SAML") CHECK(id == "mei@example.com");  // the NameID
    else if (std::string(type) == "Google") CHECK(id == subject(f.s, "https://accounts.google.com", "mei@example.com"));
    else CHECK(id.size() >= 15);
    // The same account, the same ID (a SAML NameID is the address as written); another account, another.
    const Json upper = f.s.ok("SimulatedIdP.GetAccountId", {{"UserPoolId", f.pool}, {"ProviderName", f.provider}, {"Email", "MEI@example.com"}});
    CHECK(upper["ProviderAttributeValue"] == (std::string(type) == "SAML" ? Json("MEI@example.com") : answer["ProviderAttributeValue"]));
    CHECK(f.s.ok("SimulatedIdP.GetAccountId", {{"UserPoolId", f.pool}, {"ProviderName", f.provider}, {"Email", "ana@example.com"}})
              ["ProviderAttributeValue"] != answer["ProviderAttributeValue"]);
  }
  Federated f("Google");
  // Linked with it, the account's first sign-in is the native user's.
  f.s.add_user(f.pool, "mei", attrs({{"email", "mei@example.com"}, {"email_verified", "true"}}));
  const std::string id = f.s.ok("SimulatedIdP.GetAccountId", {{"UserPoolId", f.pool}, {"ProviderName", "Google"}, {"Email", "mei@gmail.example"}})
                             ["ProviderAttributeValue"];
  f.s.ok("AdminLinkProviderForUser", link(f.pool, native("mei"), google(id)));
  CHECK(token_claims(f.tokens(f.sign_in("mei@gmail.example", "Mei"))["id_token"])["cognito:username"] == "mei");

  CHECK(f.s.error("SimulatedIdP.GetAccountId", {{"UserPoolId", f.pool}, {"ProviderName", "Okta"}, {"Email", "a@example.com"}}).type ==
        "ResourceNotFoundException");
  CHECK(f.s.error("SimulatedIdP.GetAccountId", {{"UserPoolId", f.pool}, {"ProviderName", "Google"}, {"Email", "not an address"}}).type ==
        "InvalidParameterException");
  CHECK(f.s.error("SimulatedIdP.GetAccountId", {{"UserPoolId", "us-east-1_nothere00"}, {"ProviderName", "Google"}, {"Email", "a@example.com"}}).type ==
        "ResourceNotFoundException");
}
