#include "web/api_log/api_log_panel.h"

#include <catch2/catch.hpp>

#include "imgui.h"
#include "tests/web/ui_harness.h"
#include "web/api_log/api_log_format.h"
#include "web/shell/app.h"

using namespace userpool;
using test::AppUnderTest;
using test::clipboard;

namespace {

Json sign_up_request(const std::string& client_id, const std::string& email) {
  return Json{{"ClientId", client_id},
              {"Username", email},
              {"Password", "Passw0rd!"},
              {"UserAttributes", {{{"Name", "email"}, {"Value", email}}, {{"Name", "name"}, {"Value", "Test"}}}}};
}

// Selects the n-th row of the list (0: newest) and copies its request.
std::string copied_request(AppUnderTest& t, int row) {
  REQUIRE(t.click("apilog.entry." + std::to_string(row)));
  REQUIRE(t.click("apilog.copy.request"));
  return clipboard();
}

}  // namespace

TEST_CASE("Calls made through the API client appear in the API log, newest first, as sent over the wire") {
  AppUnderTest t;
  const auto lab = t.create_lab_pool();
  t.app->api().call("SignUp", sign_up_request(lab.client_id, "alice@example.com"));
  t.app->api().call("ConfirmSignUp",
                    Json{{"ClientId", lab.client_id}, {"Username", "alice@example.com"}, {"ConfirmationCode", "000000"}});
  REQUIRE(t.click("nav.api_log"));
  CHECK(t.shown("apilog.entry.0"));
  CHECK(t.shown("apilog.entry.1"));
  CHECK_FALSE(t.shown("apilog.entry.2"));

  const std::string newest = copied_request(t, 0);
  CHECK(newest.rfind("POST / HTTP/1.1\n", 0) == 0);
  CHECK(newest.find("X-Amz-Target: AWSCognitoIdentityProviderService.ConfirmSignUp\n") != std::string::npos);
  CHECK(newest.find("Content-Type: application/x-amz-json-1.1\n") != std::string::npos);
  CHECK(newest.find("\"ConfirmationCode\": \"000000\"") != std::string::npos);  // pretty-printed body

  const std::string older = copied_request(t, 1);
  CHECK(older.find("X-Amz-Target: AWSCognitoIdentityProviderService.SignUp\n") != std::string::npos);
  // Secrets are shown as sent: this is a sandbox for learning.
  CHECK(older.find("Passw0rd!") != std::string::npos);

  // The response of the failed confirmation: its status line and error type.
  REQUIRE(t.click("apilog.entry.0"));
  REQUIRE(t.click("apilog.copy.response"));
  const std::string response = clipboard();
  CHECK(response.rfind("HTTP/1.1 400 Bad Request\n", 0) == 0);
  CHECK(response.find("\"__type\": \"CodeMismatchException\"") != std::string::npos);
}

TEST_CASE("The API log's filter and errors-only toggle narrow the list") {
  AppUnderTest t;
  const auto lab = t.create_lab_pool();
  t.app->api().call("SignUp", sign_up_request(lab.client_id, "alice@example.com"));
  t.app->api().call("SignUp", sign_up_request(lab.client_id, "bob@example.com"));
  t.app->api().call("InitiateAuth", Json{{"ClientId", lab.client_id},
                                        {"AuthFlow", "USER_PASSWORD_AUTH"},
                                        {"AuthParameters", {{"USERNAME", "alice@example.com"}, {"PASSWORD", "nope"}}}});
  REQUIRE(t.click("nav.api_log"));
  CHECK(t.shown("apilog.entry.2"));

  SECTION("errors only") {
    REQUIRE(t.click("apilog.errors_only"));
    CHECK(t.shown("apilog.entry.0"));
    CHECK_FALSE(t.shown("apilog.entry.1"));
    CHECK(copied_request(t, 0).find("AWSCognitoIdentityProviderService.InitiateAuth") != std::string::npos);
    REQUIRE(t.click("apilog.errors_only"));
    CHECK(t.shown("apilog.entry.2"));
  }
  SECTION("body text, in any case") {
    REQUIRE(t.type("apilog.filter", "BOB@"));
    CHECK(t.shown("apilog.entry.0"));
    CHECK_FALSE(t.shown("apilog.entry.1"));
    CHECK(copied_request(t, 0).find("bob@example.com") != std::string::npos);
  }
  SECTION("operation name") {
    REQUIRE(t.type("apilog.filter", "signup"));
    CHECK(t.shown("apilog.entry.1"));
    CHECK_FALSE(t.shown("apilog.entry.2"));
  }
  SECTION("nothing matches") {
    REQUIRE(t.type("apilog.filter", "no such text anywhere"));
    CHECK_FALSE(t.shown("apilog.entry.0"));
  }
}

TEST_CASE("Copy as AWS CLI gives the kebab-case command; Sandbox operations have none") {
  AppUnderTest t;
  const auto lab = t.create_lab_pool();
  t.app->api().call("AdminSetUserMFAPreference",
                    Json{{"UserPoolId", lab.pool_id}, {"Username", "nobody"}, {"SMSMfaSettings", {{"Enabled", false}}}});
  t.app->api().call("Sandbox.AdvanceClock", Json{{"Seconds", 60}});
  REQUIRE(t.click("nav.api_log"));

  ImGui::SetClipboardText("before");
  REQUIRE(t.click("apilog.entry.0"));  // Sandbox.AdvanceClock
  REQUIRE(t.click("apilog.copy.cli"));
  CHECK(clipboard() == "before");

  REQUIRE(t.click("apilog.entry.1"));
  REQUIRE(t.click("apilog.copy.cli"));
  CHECK(clipboard() == "aws cognito-idp admin-set-user-mfa-preference --cli-input-json '{\"UserPoolId\":\"" +
                           lab.pool_id + "\",\"Username\":\"nobody\",\"SMSMfaSettings\":{\"Enabled\":false}}'");
}

TEST_CASE("Clear empties the API log") {
  AppUnderTest t;
  t.app->api().call("Sandbox.GetClock", Json::object());
  REQUIRE(t.click("nav.api_log"));
  CHECK(t.shown("apilog.entry.0"));
  REQUIRE(t.click("apilog.clear"));
  CHECK(t.app->api().log().empty());
  t.frames(1);
  CHECK_FALSE(t.shown("apilog.entry.0"));
}

TEST_CASE("A full API log draws only the rows in view") {
  AppUnderTest t;
  for (int i = 0; i < 600; ++i) t.app->api().call("Sandbox.GetClock", Json::object());
  REQUIRE(t.app->api().log().size() == web::ApiClient::kLogCapacity);
  REQUIRE(t.click("nav.api_log"));
  t.frames(2);
  CHECK(t.shown("apilog.entry.0"));
  CHECK_FALSE(t.shown("apilog.entry.499"));  // clipped: never submitted
}

TEST_CASE("CLI operation names follow the AWS CLI's kebab case") {
  CHECK(web::cli_operation_name("SignUp") == "sign-up");
  CHECK(web::cli_operation_name("AWSCognitoIdentityProviderService.InitiateAuth") == "initiate-auth");
  CHECK(web::cli_operation_name("AdminRespondToAuthChallenge") == "admin-respond-to-auth-challenge");
  CHECK(web::cli_operation_name("SetUserMFAPreference") == "set-user-mfa-preference");
  CHECK(web::cli_operation_name("GetUserPoolMfaConfig") == "get-user-pool-mfa-config");
  CHECK(web::cli_operation_name("ListUsersInGroup") == "list-users-in-group");
}

TEST_CASE("A CLI command quotes single quotes for the shell") {
  web::ApiLogEntry e;
  e.operation = "SignUp";
  e.request = Json{{"Username", "o'brien"}};
  CHECK(web::aws_cli_command(e) == R"(aws cognito-idp sign-up --cli-input-json '{"Username":"o'\''brien"}')");
  e.operation = "Sandbox.Reset";
  CHECK(web::aws_cli_command(e).empty());
}

TEST_CASE("Administrators' calls show a SigV4 signature's shape; users' calls carry none") {
  web::ApiLogEntry e;
  e.operation = "AdminGetUser";
  e.request = Json{{"UserPoolId", "us-east-1_AbCdEfGhI"}, {"Username", "alice"}};
  const std::string admin = web::wire_request(e, "us-east-1");
  CHECK(admin.find("Host: cognito-idp.us-east-1.amazonaws.com\n") != std::string::npos);
  CHECK(admin.find("Authorization: AWS4-HMAC-SHA256 Credential=") != std::string::npos);
  CHECK(admin.find("/us-east-1/cognito-idp/aws4_request") != std::string::npos);
  e.operation = "InitiateAuth";
  CHECK(web::wire_request(e, "us-east-1").find("Authorization") == std::string::npos);
}

TEST_CASE("An error response names its type in the status line's headers and body") {
  web::ApiLogEntry e;
  e.operation = "InitiateAuth";
  e.status = 400;
  e.response = Json{{"__type", "NotAuthorizedException"}, {"message", "Incorrect username or password."}};
  const std::string text = web::wire_response(e);
  CHECK(text.rfind("HTTP/1.1 400 Bad Request\n", 0) == 0);
  CHECK(text.find("x-amzn-ErrorType: NotAuthorizedException:\n") != std::string::npos);
  CHECK(web::error_type(e) == "NotAuthorizedException");
  e.response = Json::array();  // not an object: still no exception
  CHECK(web::error_type(e) == "HTTP 400");
}

TEST_CASE("The list's summary shortens long values such as SRP_A and tokens") {
  const std::string srp_a(768, 'a');
  const Json request = {{"AuthFlow", "USER_SRP_AUTH"}, {"AuthParameters", {{"USERNAME", "alice"}, {"SRP_A", srp_a}}}};
  const std::string summary = web::request_summary(request, 500);
  CHECK(summary.find(srp_a) == std::string::npos);
  CHECK(summary.find("(768 chars)") != std::string::npos);
  CHECK(summary.find("\"USERNAME\":\"alice\"") != std::string::npos);
  CHECK(web::request_summary(request, 20).size() <= 20 + 3);  // cut, with an ellipsis
  // The wire view keeps it whole.
  web::ApiLogEntry e;
  e.operation = "InitiateAuth";
  e.request = request;
  CHECK(web::wire_request(e, "us-east-1").find(srp_a) != std::string::npos);
}
