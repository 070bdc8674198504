#include "web/wizard/wizard_model.h"

#include <catch2/catch.hpp>

#include <algorithm>

#include "core/api/dispatcher.h"
#include "tests/core/test_keys.h"

using namespace userpool;
using namespace userpool::web;

namespace {

// An account whose pools share keys made once.
Account test_account() {
  Account a;
  a.make_pool_keys = [](RandomSource&) { return test::shared_pool_keys(); };
  return a;
}

// Runs the wizard's requests through the engine, as the "Create user pool"
// button does; returns the pool and client IDs, or the first error.
struct Created {
  int status = 200;
  Json error;
  std::string pool, client;
};

Created create(Account& a, const WizardChoices& c) {
  Created out;
  const auto step = [&](const char* op, const Json& request) {
    if (out.status != 200 || request.is_null()) return Json();
    const Response r = call(a, op, request);
    if (r.status != 200) {
      out.status = r.status;
      out.error = Json{{"op", op}, {"request", request}, {"response", r.body}};
    }
    return r.body;
  };
  const Json pool = step("CreateUserPool", create_user_pool_request(c, a.account_id));
  if (out.status != 200) return out;
  out.pool = pool["UserPool"]["Id"].get<std::string>();
  step("SetUserPoolMfaConfig", set_mfa_config_request(c, out.pool, a.account_id));
  step("CreateUserPoolDomain", create_domain_request(c, out.pool));
  const Json client = step("CreateUserPoolClient", create_client_request(c, out.pool));
  if (out.status == 200) out.client = client["UserPoolClient"]["ClientId"].get<std::string>();
  return out;
}

// The choices of create-user-pool-lab.md, tasks 3 to 7.
WizardChoices lab_choices() {
  WizardChoices c;
  c.sign_in_email = true;  // Task 3: Cognito user pool sign-in options: Email
  apply_sign_in_defaults(c);
  c.custom_password_policy = false;  // Task 4: Cognito defaults
  c.mfa = WizardChoices::Mfa::kOff;  // "We choose No MFA for this lab."
  c.self_registration = true;        // Task 5: users can sign themselves up
  for (const char* a : {"name", "preferred_username", "phone_number"}) c.required_attributes.push_back(a);
  c.email_with_ses = false;  // Task 6: Send email with Cognito
  c.pool_name = "kekepool";
  c.client_name = "kekeclient";  // Task 7
  return c;
}

}  // namespace

TEST_CASE("The lab's wizard choices make a pool with exactly the lab's settings") {
  Account a = test_account();
  const WizardChoices c = lab_choices();
  for (int step = 1; step <= kWizardSteps; ++step) CHECK(validate_step(c, step).empty());
  const Created made = create(a, c);
  INFO(made.error.dump());
  REQUIRE(made.status == 200);
  const Json pool = call(a, "DescribeUserPool", {{"UserPoolId", made.pool}}).body["UserPool"];
  CHECK(pool["UsernameAttributes"] == Json::array({"email"}));
  CHECK(pool["AutoVerifiedAttributes"] == Json::array({"email"}));
  CHECK(pool["MfaConfiguration"] == "OFF");
  CHECK(pool["AdminCreateUserConfig"]["AllowAdminCreateUserOnly"] == false);
  CHECK(pool["EmailConfiguration"]["EmailSendingAccount"] == "COGNITO_DEFAULT");
  CHECK(pool["DeletionProtection"] == "ACTIVE");
  CHECK(pool["UsernameConfiguration"]["CaseSensitive"] == false);
  CHECK(pool["Policies"]["PasswordPolicy"]["MinimumLength"] == 8);
  CHECK(pool["AccountRecoverySetting"]["RecoveryMechanisms"][0]["Name"] == "verified_email");
  std::vector<std::string> required;
  for (const auto& attribute : pool["SchemaAttributes"])
    if (attribute["Required"] == true) required.push_back(attribute["Name"].get<std::string>());
  CHECK(required == std::vector<std::string>{"sub", "name", "preferred_username", "email", "phone_number"});
  const Json client = call(a, "DescribeUserPoolClient", {{"UserPoolId", made.pool}, {"ClientId", made.client}}).body["UserPoolClient"];
  CHECK(client["ClientName"] == "kekeclient");
  CHECK_FALSE(client.contains("ClientSecret"));
  CHECK(client["PreventUserExistenceErrors"] == "ENABLED");
  CHECK(client["ExplicitAuthFlows"] == Json::array({"ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"}));
}

TEST_CASE("Every combination of wizard choices that passes validation is accepted by the API") {
  Account a = test_account();
  int made = 0;
  using M = WizardChoices::Mfa;
  using R = WizardChoices::Recovery;
  for (int sign_in = 1; sign_in < 8; ++sign_in)
    for (M mfa : {M::kRequired, M::kOptional, M::kOff})
      for (int methods = 1; methods <= 3; ++methods)
        for (R recovery : {R::kEmailOnly, R::kSmsOnly, R::kEmailThenSms})
          for (bool ses : {false, true}) {
            WizardChoices c;
            c.sign_in_username = (sign_in & 1) != 0;
            c.sign_in_email = (sign_in & 2) != 0;
            c.sign_in_phone = (sign_in & 4) != 0;
            apply_sign_in_defaults(c);
            c.preferred_username = c.sign_in_username && methods == 2;
            c.mfa = mfa;
            c.mfa_authenticator_apps = (methods & 1) != 0;
            c.mfa_sms = (methods & 2) != 0;
            c.recovery = recovery;
            c.email_with_ses = ses;
            c.from_email = "no-reply@example.com";
            c.hosted_ui = methods == 3;
            c.domain_prefix = "demo-" + std::to_string(made);
            c.callback_urls = {"https://example.com/callback"};
            c.custom_attributes = {{"team", "String", "1", "32", true}};
            c.pool_name = "pool " + std::to_string(made);
            c.client_name = "app";
            c.sms_external_id = "0e8b3c1a-2b44-4c9f-8a61-6d6f1b1a2c3d";
            bool valid = true;
            for (int step = 1; step <= kWizardSteps; ++step) valid = valid && validate_step(c, step).empty();
            if (!valid) continue;
            const Created result = create(a, c);
            INFO(result.error.dump());
            REQUIRE(result.status == 200);
            ++made;
            // SMS MFA and authenticator apps end up as chosen.
            const Json mfa_config = call(a, "GetUserPoolMfaConfig", {{"UserPoolId", result.pool}}).body;
            const bool on = mfa != M::kOff;
            CHECK(mfa_config["SoftwareTokenMfaConfiguration"]["Enabled"] == (on && c.mfa_authenticator_apps));
            CHECK(mfa_config.contains("SmsMfaConfiguration") == (on && c.mfa_sms));
            CHECK(mfa_config["MfaConfiguration"] == (on ? (mfa == M::kRequired ? "ON" : "OPTIONAL") : "OFF"));
          }
  CHECK(made > 100);
}

TEST_CASE("Each wizard step says what stops it, on the field at fault") {
  const auto fields = [](const std::vector<FieldError>& errors) {
    std::vector<std::string> out;
    for (const auto& e : errors) out.push_back(e.field);
    return out;
  };
  WizardChoices c = lab_choices();
  c.sign_in_email = false;
  CHECK(fields(validate_step(c, 1)) == std::vector<std::string>{"wizard.sign_in_options"});

  c = lab_choices();
  c.custom_password_policy = true;
  c.minimum_length = 5;
  c.mfa = WizardChoices::Mfa::kRequired;
  c.mfa_authenticator_apps = c.mfa_sms = false;
  CHECK(fields(validate_step(c, 2)) == std::vector<std::string>{"wizard.minimum_length", "wizard.mfa_methods"});

  c = lab_choices();
  c.custom_attributes = {{"email", "String", "", "", true}, {"team", "String", "x", "", true}, {"team", "Number", "", "", true}};
  CHECK(validate_step(c, 3).size() == 3);

  c = lab_choices();
  c.email_with_ses = true;
  c.from_email = "not-an-address";
  CHECK(fields(validate_step(c, 4)) == std::vector<std::string>{"wizard.from_email"});

  c = lab_choices();
  c.pool_name = "";
  c.hosted_ui = true;
  c.domain_prefix = "my-cognito-app";
  c.callback_urls = {"http://example.com"};
  c.access_token_validity = 2;
  CHECK(fields(validate_step(c, 5)) == std::vector<std::string>{"wizard.pool_name", "wizard.domain", "wizard.callback_urls",
                                                                "wizard.access_token"});
  // The review step checks everything at once.
  CHECK(validate_step(c, 6).size() == 4);
}

TEST_CASE("Choosing sign-in options sets the console's dependent defaults") {
  WizardChoices c;
  c.sign_in_email = false;
  c.sign_in_phone = true;
  apply_sign_in_defaults(c);
  CHECK(c.verify == WizardChoices::Verify::kPhone);
  CHECK(c.recovery == WizardChoices::Recovery::kSmsOnly);
  CHECK(c.required_attributes == std::vector<std::string>{"phone_number"});
  CHECK(c.uses_sms());
  c.sign_in_email = true;
  apply_sign_in_defaults(c);
  CHECK(c.verify == WizardChoices::Verify::kPhoneThenEmail);
}

TEST_CASE("The hosted UI choices of Integrate your app make the domain and the OAuth client the console makes") {
  Account a = test_account();
  WizardChoices c = lab_choices();
  c.hosted_ui = true;
  c.domain_type = WizardChoices::DomainType::kCustom;
  c.custom_domain = "auth.example.com";
  c.certificate_arn = "arn:aws:acm:us-east-1:123456789012:certificate/4f1e2d3c";
  c.callback_urls = {"https://example.com/callback", "http://localhost:3000/callback"};
  c.sign_out_urls = {"https://example.com/signed-out"};
  c.oauth_flows = {"code", "implicit"};
  c.oauth_scopes = {"openid", "profile", "aws.cognito.signin.user.admin"};
  c.refresh_token_validity = 1500;
  c.refresh_token_unit = "minutes";  // longer than the ID token's day, as it must be
  c.access_token_validity = 2;
  c.access_token_unit = "hours";
  c.id_token_validity = 1;
  c.id_token_unit = "days";
  c.unreadable_attributes = {"birthdate"};
  c.unwritable_attributes = {"website"};
  for (int step = 1; step <= kWizardSteps; ++step) CHECK(validate_step(c, step).empty());
  const Created made = create(a, c);
  INFO(made.error.dump());
  REQUIRE(made.status == 200);

  const Json domain = call(a, "DescribeUserPoolDomain", {{"Domain", "auth.example.com"}}).body["DomainDescription"];
  CHECK(domain["UserPoolId"] == made.pool);
  CHECK(domain["CustomDomainConfig"]["CertificateArn"] == c.certificate_arn);
  const Json client = call(a, "DescribeUserPoolClient", {{"UserPoolId", made.pool}, {"ClientId", made.client}}).body["UserPoolClient"];
  CHECK(client["CallbackURLs"] == Json::array({"https://example.com/callback", "http://localhost:3000/callback"}));
  CHECK(client["LogoutURLs"] == Json::array({"https://example.com/signed-out"}));
  CHECK(client["AllowedOAuthFlows"] == Json::array({"code", "implicit"}));
  CHECK(client["AllowedOAuthScopes"] == Json::array({"openid", "profile", "aws.cognito.signin.user.admin"}));
  CHECK(client["AllowedOAuthFlowsUserPoolClient"] == true);
  CHECK(client["SupportedIdentityProviders"] == Json::array({"COGNITO"}));
  CHECK(client["RefreshTokenValidity"] == 1500);
  CHECK(client["AccessTokenValidity"] == 2);
  CHECK(client["IdTokenValidity"] == 1);
  CHECK(client["TokenValidityUnits"] == Json{{"AccessToken", "hours"}, {"IdToken", "days"}, {"RefreshToken", "minutes"}});
  const auto has = [](const Json& list, const char* name) { return std::find(list.begin(), list.end(), Json(name)) != list.end(); };
  CHECK_FALSE(has(client["ReadAttributes"], "birthdate"));
  CHECK(has(client["ReadAttributes"], "website"));
  CHECK(has(client["ReadAttributes"], "email_verified"));
  CHECK_FALSE(has(client["WriteAttributes"], "website"));
  CHECK(has(client["WriteAttributes"], "birthdate"));
  CHECK_FALSE(has(client["WriteAttributes"], "email_verified"));  // Cognito's to set
}

TEST_CASE("Integrate your app refuses what Cognito would, on the field at fault") {
  const auto fields = [](const WizardChoices& c) {
    std::vector<std::string> out;
    for (const auto& e : validate_step(c, 5)) out.push_back(e.field);
    return out;
  };
  WizardChoices c = lab_choices();
  c.refresh_token_validity = 59;
  c.refresh_token_unit = "minutes";  // the shortest is 60 minutes
  c.id_token_validity = 2;
  c.id_token_unit = "days";  // the longest is 1 day
  CHECK(fields(c) == std::vector<std::string>{"wizard.refresh_token", "wizard.id_token"});
  c.refresh_token_validity = 60;
  c.id_token_validity = 24;
  c.id_token_unit = "hours";
  CHECK(fields(c) == std::vector<std::string>{"wizard.refresh_token"});  // not longer than the ID token
  c.id_token_validity = 59;
  c.id_token_unit = "minutes";
  c.access_token_validity = 30;
  CHECK(fields(c).empty());

  c = lab_choices();
  c.hosted_ui = true;
  c.domain_prefix = "keke-demo";
  c.callback_urls = {"https://example.com/callback"};
  c.oauth_flows = {"code", "client_credentials"};  // with a public client, and with code
  c.oauth_scopes = {"email"};                      // without openid
  c.sign_out_urls = {"https://example.com/#bye"};
  c.identity_providers.clear();
  const auto found = fields(c);
  for (const char* field : {"wizard.grant", "wizard.scopes", "wizard.sign_out_urls", "wizard.idp"}) {
    INFO(field);
    CHECK(std::find(found.begin(), found.end(), field) != found.end());
  }

  c = lab_choices();
  c.hosted_ui = true;
  c.domain_type = WizardChoices::DomainType::kCustom;
  c.custom_domain = "localhost";
  c.certificate_arn = "arn:aws:acm:eu-west-1:123456789012:certificate/x";  // not us-east-1
  c.callback_urls = {"https://example.com/callback"};
  CHECK(fields(c) == std::vector<std::string>{"wizard.custom_domain", "wizard.certificate"});

  c = lab_choices();  // name is required: the client must be able to write it
  c.unwritable_attributes = {"name"};
  CHECK(fields(c) == std::vector<std::string>{"wizard.permissions"});
}

TEST_CASE("Send email with Cognito, FROM an SES-verified address: Cognito sends, and the pool names the identity") {
  Account a = test_account();
  WizardChoices c = lab_choices();
  c.cognito_default_from = false;
  c.from_email = "bad";
  CHECK(validate_step(c, 4).size() == 1);
  c.from_email = "hello@example.com";
  CHECK(validate_step(c, 4).empty());
  const Created made = create(a, c);
  INFO(made.error.dump());
  REQUIRE(made.status == 200);
  const Json email = call(a, "DescribeUserPool", {{"UserPoolId", made.pool}}).body["UserPool"]["EmailConfiguration"];
  CHECK(email["EmailSendingAccount"] == "COGNITO_DEFAULT");
  CHECK(email["SourceArn"] == "arn:aws:ses:us-east-1:" + a.account_id + ":identity/hello@example.com");
}
