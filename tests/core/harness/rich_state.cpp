#include "tests/core/harness/rich_state.h"

#include "core/crypto/totp.h"

namespace userpool::test {

RichState build_rich_state(Sandbox& s) {
  RichState r;
  r.pool = s.create_pool(Json{{"UsernameAttributes", {"email"}}, {"AutoVerifiedAttributes", {"email"}},
                              {"Schema", {{{"Name", "team"}, {"AttributeDataType", "String"}}}},
                              {"UserPoolTags", {{"course", "cognito-101"}}}});
  s.ok("SetUserPoolMfaConfig", {{"UserPoolId", r.pool}, {"SoftwareTokenMfaConfiguration", {{"Enabled", true}}}, {"MfaConfiguration", "OPTIONAL"}});
  s.ok("CreateUserPoolDomain", {{"UserPoolId", r.pool}, {"Domain", "rich-demo"}});
  s.ok("CreateIdentityProvider", {{"UserPoolId", r.pool}, {"ProviderName", "Google"}, {"ProviderType", "Google"},
                                  {"ProviderDetails", {{"client_id", "1234.apps.googleusercontent.com"}, {"client_secret", "g-secret"},
                                                       {"authorize_scopes", "email profile openid"}}},
                                  {"AttributeMapping", {{"email", "email"}}}, {"IdpIdentifiers", {"example.com"}}});
  r.client = s.create_client(r.pool, Json{{"PreventUserExistenceErrors", "ENABLED"},
                                          {"ReadAttributes", {"email", "email_verified", "custom:team"}},
                                          {"WriteAttributes", {"email", "custom:team"}}});
  s.create_client(r.pool, Json{{"ClientName", "server"}, {"GenerateSecret", true}});
  const std::string other_pool = s.create_pool(Json{{"PoolName", "second"}, {"AliasAttributes", {"preferred_username"}}});
  s.create_client(other_pool);

  // Confirmed, signed in, with TOTP; a refresh and a group.
  s.sign_up_confirmed(r.client, "ann@example.com", "Passw0rd!", attrs({{"custom:team", "blue"}}));
  s.ok("CreateGroup", {{"UserPoolId", r.pool}, {"GroupName", "admins"}, {"Precedence", 1}});
  s.ok("AdminAddUserToGroup", {{"UserPoolId", r.pool}, {"Username", "ann@example.com"}, {"GroupName", "admins"}});
  const Json tokens = s.password_sign_in(r.client, "ann@example.com", "Passw0rd!").body["AuthenticationResult"];
  const std::string secret = s.ok("AssociateSoftwareToken", {{"AccessToken", tokens["AccessToken"]}})["SecretCode"];
  s.ok("VerifySoftwareToken", {{"AccessToken", tokens["AccessToken"]}, {"UserCode", totp_code_now(secret, s.now())}});
  s.ok("SetUserMFAPreference", {{"AccessToken", tokens["AccessToken"]}, {"SoftwareTokenMfaSettings", {{"Enabled", true}, {"PreferredMfa", true}}}});
  s.ok("InitiateAuth", {{"ClientId", r.client}, {"AuthFlow", "REFRESH_TOKEN_AUTH"}, {"AuthParameters", {{"REFRESH_TOKEN", tokens["RefreshToken"]}}}});
  // A challenge in progress (an open session).
  s.advance(std::chrono::seconds(60));
  s.password_sign_in(r.client, "ann@example.com", "Passw0rd!");
  // Unconfirmed, with a code in flight.
  s.ok("SignUp", {{"ClientId", r.client}, {"Username", "bob@example.com"}, {"Password", "Passw0rd!"}});
  // Admin-created, disabled, reset required, locked out.
  s.ok("AdminCreateUser", {{"UserPoolId", r.pool}, {"Username", "cat@example.com"}, {"DesiredDeliveryMediums", {"EMAIL"}}});
  s.sign_up_confirmed(r.client, "dan@example.com", "Passw0rd!", Json::array());
  s.ok("AdminDisableUser", {{"UserPoolId", r.pool}, {"Username", "dan@example.com"}});
  s.sign_up_confirmed(r.client, "eve@example.com", "Passw0rd!", Json::array());
  s.ok("AdminResetUserPassword", {{"UserPoolId", r.pool}, {"Username", "eve@example.com"}});
  s.sign_up_confirmed(r.client, "fay@example.com", "Passw0rd!", Json::array());
  for (int i = 0; i < 6; ++i) s.password_sign_in(r.client, "fay@example.com", "wrong");
  // A pending email change and a deleted user (a gap in the sequence).
  s.sign_up_confirmed(r.client, "gus@example.com", "Passw0rd!", Json::array());
  s.ok("AdminDeleteUser", {{"UserPoolId", r.pool}, {"Username", "gus@example.com"}});
  s.ok("Sandbox.AdvanceClock", {{"Seconds", 90}});
  // Some failed requests for the event log.
  s.call("DescribeUserPool", {{"UserPoolId", "us-east-1_nope"}});
  return r;
}

}  // namespace userpool::test
