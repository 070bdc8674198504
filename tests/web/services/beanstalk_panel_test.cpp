// The Elastic Beanstalk panel driven headlessly: an application and its
// environment made by clicking and typing, environment properties filled in
// from the lab pool and applied, the app started with and without them, and
// the code snippets in each language. Outcomes are checked through the API.
#include "web/services/beanstalk_panel.h"

#include <catch2/catch.hpp>

#include "imgui.h"
#include "tests/web/ui_harness.h"
#include "web/shell/app.h"

using namespace userpool;
using test::AppUnderTest;
using test::clipboard;

namespace {

// The environment's properties, by name, as Beanstalk reports them.
std::map<std::string, std::string> properties(AppUnderTest& t, const std::string& app, const std::string& env) {
  const Json settings = t.ok("ElasticBeanstalk.DescribeConfigurationSettings",
                             {{"ApplicationName", app}, {"EnvironmentName", env}})["ConfigurationSettings"][0]["OptionSettings"];
  std::map<std::string, std::string> out;
  for (const auto& o : settings)
    if (o["Namespace"] == "aws:elasticbeanstalk:application:environment") out[o["OptionName"]] = o["Value"];
  return out;
}

// The answer to the last start of the app, from the API log.
Json last_start(AppUnderTest& t) {
  const auto& log = t.app->api().log();
  REQUIRE_FALSE(log.empty());
  REQUIRE(log.back().operation == "Sandbox.StartBeanstalkApp");
  return log.back().response;
}

// An application "notes-app" with an environment "notes-prod", made by clicking.
void create_app_and_env(AppUnderTest& t) {
  REQUIRE(t.click("nav.beanstalk"));
  CHECK_FALSE(shown(t, "beanstalk.env_name"));  // an environment belongs to an application
  REQUIRE(t.type("beanstalk.app_name", "notes-app"));
  REQUIRE(t.click("beanstalk.create_app"));
  REQUIRE(t.type("beanstalk.env_name", "notes-prod"));
  REQUIRE(t.click("beanstalk.create_env"));
}

}  // namespace

TEST_CASE("Fill the environment properties from the user pool, apply them, and the app starts; without one it does not") {
  AppUnderTest t;
  const auto lab = t.create_lab_pool();
  create_app_and_env(t);
  const Json apps = t.ok("ElasticBeanstalk.DescribeApplications", Json::object())["Applications"];
  REQUIRE(apps.size() == 1);
  CHECK(apps[0]["ApplicationName"] == "notes-app");
  const Json envs = t.ok("ElasticBeanstalk.DescribeEnvironments", Json::object())["Environments"];
  REQUIRE(envs.size() == 1);
  CHECK(envs[0]["EnvironmentName"] == "notes-prod");
  CHECK(envs[0]["ApplicationName"] == "notes-app");
  CHECK(properties(t, "notes-app", "notes-prod").empty());

  // Starting with no properties names each missing one.
  REQUIRE(t.click("beanstalk.start_app"));
  CHECK(last_start(t)["Ok"] == false);
  CHECK(last_start(t)["Problems"].size() == 3);
  CHECK(shown(t, "beanstalk.problem.2"));

  choose(t, "beanstalk.fill_pool", lab.pool_id);
  choose(t, "beanstalk.fill_client", lab.client_id);
  REQUIRE(t.click("beanstalk.fill"));
  CHECK(shown(t, "beanstalk.unapplied"));
  CHECK(properties(t, "notes-app", "notes-prod").empty());  // nothing changes before Apply
  REQUIRE(t.click("beanstalk.apply"));
  CHECK(t.app->api().log().back().operation == "ElasticBeanstalk.UpdateEnvironment");
  CHECK_FALSE(shown(t, "beanstalk.unapplied"));
  const std::map<std::string, std::string> expected = {
      {"COGNITO_USER_POOL_ID", lab.pool_id}, {"COGNITO_APP_CLIENT_ID", lab.client_id}, {"AWS_REGION", "us-east-1"}};
  CHECK(properties(t, "notes-app", "notes-prod") == expected);

  REQUIRE(t.click("beanstalk.start_app"));
  INFO(last_start(t).dump(2));
  CHECK(last_start(t)["Ok"] == true);
  CHECK(shown(t, "beanstalk.app_status"));
  CHECK_FALSE(t.shown("beanstalk.problem.0"));

  // Without the app client's ID the app cannot start, and says why.
  REQUIRE(t.click("beanstalk.remove_property.COGNITO_APP_CLIENT_ID"));
  REQUIRE(t.click("beanstalk.apply"));
  CHECK(properties(t, "notes-app", "notes-prod").count("COGNITO_APP_CLIENT_ID") == 0);
  REQUIRE(t.click("beanstalk.start_app"));
  CHECK(last_start(t)["Ok"] == false);
  CHECK(last_start(t)["Problems"] == Json::array({"missing COGNITO_APP_CLIENT_ID"}));
  CHECK(shown(t, "beanstalk.problem.0"));
  CHECK_FALSE(t.shown("beanstalk.problem.1"));
}

TEST_CASE("A property typed by hand is applied; a refused request shows Beanstalk's error in its step") {
  AppUnderTest t;
  create_app_and_env(t);
  REQUIRE(t.type("beanstalk.property_name", "AWS_REGION"));
  REQUIRE(t.type("beanstalk.property_value", "eu-west-1"));
  REQUIRE(t.click("beanstalk.add_property"));
  CHECK(shown(t, "beanstalk.property.AWS_REGION"));
  REQUIRE(t.click("beanstalk.apply"));
  CHECK(properties(t, "notes-app", "notes-prod") == std::map<std::string, std::string>{{"AWS_REGION", "eu-west-1"}});

  // Editing the value in the table, then applying, replaces it.
  REQUIRE(t.type("beanstalk.value.AWS_REGION", "us-east-1"));
  REQUIRE(t.click("beanstalk.apply"));
  CHECK(properties(t, "notes-app", "notes-prod") == std::map<std::string, std::string>{{"AWS_REGION", "us-east-1"}});

  CHECK_FALSE(shown(t, "beanstalk.error.env"));
  REQUIRE(t.type("beanstalk.env_name", "-bad-"));
  REQUIRE(t.click("beanstalk.create_env"));
  CHECK(shown(t, "beanstalk.error.env"));
  CHECK(t.ok("ElasticBeanstalk.DescribeEnvironments", Json::object())["Environments"].size() == 1);
}

TEST_CASE("The language buttons switch the code snippet, and Copy code copies the one shown") {
  AppUnderTest t;
  REQUIRE(t.click("nav.beanstalk"));
  CHECK(shown(t, "beanstalk.snippet.javascript"));
  REQUIRE(t.click("beanstalk.copy_snippet"));
  std::string code = clipboard();
  CHECK_THAT(code, Catch::Contains("process.env.COGNITO_USER_POOL_ID") &&
                       Catch::Contains("@aws-sdk/client-cognito-identity-provider") &&
                       Catch::Contains("new CognitoIdentityProviderClient({ region })"));

  REQUIRE(t.click("beanstalk.language.python"));
  CHECK(shown(t, "beanstalk.snippet.python"));
  CHECK_FALSE(t.shown("beanstalk.snippet.javascript"));
  REQUIRE(t.click("beanstalk.copy_snippet"));
  code = clipboard();
  CHECK_THAT(code, Catch::Contains("os.environ[\"COGNITO_APP_CLIENT_ID\"]") &&
                       Catch::Contains("boto3.client(\"cognito-idp\", region_name=REGION)"));

  REQUIRE(t.click("beanstalk.language.java"));
  REQUIRE(t.click("beanstalk.copy_snippet"));
  code = clipboard();
  CHECK_THAT(code, Catch::Contains("System.getenv(name)") && Catch::Contains("CognitoIdentityProviderClient.builder()") &&
                       Catch::Contains("required(\"AWS_REGION\")"));

  REQUIRE(t.click("beanstalk.language.javascript"));
  REQUIRE(t.click("beanstalk.copy_snippet"));
  CHECK_THAT(clipboard(), Catch::Contains("process.env"));
}
