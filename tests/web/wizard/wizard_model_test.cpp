#include "web/wizard/wizard_model.h"

#include <catch2/catch.hpp>

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
  c.access_token_minutes = 2;
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
