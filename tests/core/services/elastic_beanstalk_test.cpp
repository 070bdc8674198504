// Elastic Beanstalk through the dispatcher: applications, environments and
// their environment properties with Beanstalk's errors, and
// Sandbox.StartBeanstalkApp reading the user pool settings the way the
// sample app does at start-up.
#include <vector>

#include "core/services/elastic_beanstalk/elastic_beanstalk.h"
#include "core/api/state.h"
#include "tests/core/harness/harness.h"

using namespace userpool;
using namespace userpool::test;

namespace {

Json property(const std::string& name, const std::string& value) {
  return Json{{"Namespace", beanstalk::kEnvironmentNamespace}, {"OptionName", name}, {"Value", value}};
}

// An application "notes" with an environment "notes-prod".
struct BeanstalkFixture {
  Sandbox s;
  BeanstalkFixture() {
    s.ok("ElasticBeanstalk.CreateApplication", {{"ApplicationName", "notes"}, {"Description", "A notes app"}});
    s.ok("ElasticBeanstalk.CreateEnvironment", {{"ApplicationName", "notes"}, {"EnvironmentName", "notes-prod"}});
  }
  // A vector, not a Json: a braced list of one setting would become that
  // setting itself (not a list of it) with some compilers.
  Json set(const std::vector<Json>& options) {
    return s.ok("ElasticBeanstalk.UpdateEnvironment", {{"EnvironmentName", "notes-prod"}, {"OptionSettings", Json(options)}});
  }
  Json start() { return s.ok("Sandbox.StartBeanstalkApp", {{"EnvironmentName", "notes-prod"}}); }
};

}  // namespace

TEST_CASE("ElasticBeanstalk.CreateApplication and DescribeApplications; a second application of the same name is refused") {
  BeanstalkFixture f;
  const Json apps = f.s.ok("ElasticBeanstalk.DescribeApplications", Json::object())["Applications"];
  REQUIRE(apps.size() == 1);
  CHECK(apps[0]["ApplicationName"] == "notes");
  CHECK(apps[0]["Description"] == "A notes app");
  CHECK(apps[0]["DateCreated"] == "2026-01-15T10:00:00.000Z");
  CHECK(apps[0]["ApplicationArn"] == "arn:aws:elasticbeanstalk:us-east-1:" + f.s.account.account_id + ":application/notes");
  CHECK(f.s.ok("ElasticBeanstalk.DescribeApplications", {{"ApplicationNames", {"other"}}})["Applications"].empty());

  ApiError e = f.s.error("ElasticBeanstalk.CreateApplication", {{"ApplicationName", "notes"}});
  CHECK(e.type == "InvalidParameterValue");
  CHECK(e.status == 400);
  CHECK(e.message == "Application notes already exists.");
  e = f.s.error("ElasticBeanstalk.CreateApplication", Json::object());
  CHECK(e.type == "InvalidParameterValue");
  CHECK(e.message == "1 validation error detected: Value null at 'applicationName' failed to satisfy constraint: Member must not be null");
}

TEST_CASE("ElasticBeanstalk.CreateEnvironment launches at once with its ID, CNAME and the default platform") {
  BeanstalkFixture f;
  const Json env = f.s.ok("ElasticBeanstalk.CreateEnvironment",
                          {{"ApplicationName", "notes"}, {"EnvironmentName", "notes-dev"},
                           {"OptionSettings", Json::array({property("AWS_REGION", "us-east-1")})}});
  CHECK(env["EnvironmentName"] == "notes-dev");
  const std::string id = env["EnvironmentId"];
  REQUIRE(id.size() == 12);
  CHECK(id.rfind("e-", 0) == 0);
  CHECK(std::all_of(id.begin() + 2, id.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }));
  CHECK(env["ApplicationName"] == "notes");
  CHECK(env["SolutionStackName"] == "64bit Amazon Linux 2023 v6.1.0 running Node.js 20");
  CHECK(env["Status"] == "Ready");
  CHECK(env["Health"] == "Green");
  CHECK(env["CNAME"] == "notes-dev.us-east-1.elasticbeanstalk.com");
  CHECK(env["DateCreated"] == "2026-01-15T10:00:00.000Z");
  CHECK(f.s.ok("ElasticBeanstalk.DescribeEnvironments", {{"ApplicationName", "notes"}})["Environments"].size() == 2);
  CHECK(f.s.ok("ElasticBeanstalk.DescribeEnvironments", {{"EnvironmentNames", {"notes-dev"}}})["Environments"] == Json::array({env}));

  ApiError e = f.s.error("ElasticBeanstalk.CreateEnvironment", {{"ApplicationName", "todo"}, {"EnvironmentName", "todo-prod"}});
  CHECK(e.type == "InvalidParameterValue");
  CHECK(e.message == "No Application named 'todo' found.");
  e = f.s.error("ElasticBeanstalk.CreateEnvironment", {{"ApplicationName", "notes"}, {"EnvironmentName", "notes-dev"}});
  CHECK(e.message == "Environment notes-dev already exists.");
  e = f.s.error("ElasticBeanstalk.CreateEnvironment", {{"ApplicationName", "notes"}, {"EnvironmentName", "-bad-name"}});
  CHECK_THAT(e.message, Catch::Contains("can't start or end with a hyphen"));
  e = f.s.error("ElasticBeanstalk.CreateEnvironment", {{"ApplicationName", "notes"}, {"EnvironmentName", "notes-qa"},
                                                      {"OptionSettings", {{{"Namespace", "custom"}, {"OptionName", "X"}, {"Value", "1"}}}}});
  CHECK(e.type == "InvalidParameterValue");
  CHECK(e.message == "Invalid option specification (Namespace: 'custom', OptionName: 'X'): Unknown configuration setting.");
}

TEST_CASE("Environment properties round trip: UpdateEnvironment sets and removes them, DescribeConfigurationSettings shows them") {
  BeanstalkFixture f;
  f.set({property("COGNITO_USER_POOL_ID", "us-east-1_Abc"), property("AWS_REGION", "us-east-1")});
  f.set({property("COGNITO_USER_POOL_ID", "us-east-1_Xyz"), property("LOG_LEVEL", "debug")});
  f.s.ok("ElasticBeanstalk.UpdateEnvironment", {{"EnvironmentName", "notes-prod"},
                                                {"OptionsToRemove", {{{"Namespace", beanstalk::kEnvironmentNamespace}, {"OptionName", "LOG_LEVEL"}}}}});
  const Json settings = f.s.ok("ElasticBeanstalk.DescribeConfigurationSettings", {{"ApplicationName", "notes"}, {"EnvironmentName", "notes-prod"}});
  REQUIRE(settings["ConfigurationSettings"].size() == 1);
  const Json& c = settings["ConfigurationSettings"][0];
  CHECK(c["ApplicationName"] == "notes");
  CHECK(c["EnvironmentName"] == "notes-prod");
  CHECK(c["SolutionStackName"] == "64bit Amazon Linux 2023 v6.1.0 running Node.js 20");
  CHECK(c["OptionSettings"] == Json::array({property("COGNITO_USER_POOL_ID", "us-east-1_Xyz"), property("AWS_REGION", "us-east-1")}));

  ApiError e = f.s.error("ElasticBeanstalk.DescribeConfigurationSettings", {{"ApplicationName", "notes"}, {"EnvironmentName", "nope"}});
  CHECK(e.type == "InvalidParameterValue");
  CHECK(e.message == "No Environment found for EnvironmentName = 'nope'.");
  e = f.s.error("ElasticBeanstalk.UpdateEnvironment", {{"EnvironmentName", "nope"}, {"OptionSettings", Json::array()}});
  CHECK(e.message == "No Environment found for EnvironmentName = 'nope'.");
  e = f.s.error("ElasticBeanstalk.DescribeConfigurationSettings", {{"ApplicationName", "todo"}, {"EnvironmentName", "notes-prod"}});
  CHECK(e.message == "No Application named 'todo' found.");
}

TEST_CASE("ElasticBeanstalk.TerminateEnvironment removes the environment") {
  BeanstalkFixture f;
  const Json out = f.s.ok("ElasticBeanstalk.TerminateEnvironment", {{"EnvironmentName", "notes-prod"}});
  CHECK(out["Status"] == "Terminating");
  CHECK(f.s.ok("ElasticBeanstalk.DescribeEnvironments", Json::object())["Environments"].empty());
  CHECK(f.s.error("Sandbox.StartBeanstalkApp", {{"EnvironmentName", "notes-prod"}}).message ==
        "No Environment found for EnvironmentName = 'notes-prod'.");
}

TEST_CASE("Sandbox.StartBeanstalkApp starts when the properties name a pool, its client and its region") {
  BeanstalkFixture f;
  const std::string pool = f.s.create_pool();
  const std::string client = f.s.create_client(pool);
  f.set({property(beanstalk::kUserPoolIdProperty, pool), property(beanstalk::kAppClientIdProperty, client),
         property(beanstalk::kRegionProperty, "us-east-1")});
  const std::size_t events_before = f.s.ok("Sandbox.ListEvents", Json::object())["Events"].size();
  const Json started = f.start();
  INFO(started.dump(2));
  CHECK(started["Ok"] == true);
  CHECK(started["Problems"] == Json::array());
  const Json& log = started["Log"];
  CHECK(std::find(log.begin(), log.end(), Json("COGNITO_USER_POOL_ID=" + pool)) != log.end());
  CHECK_THAT(log.back().get<std::string>(), Catch::Contains("notes-prod.us-east-1.elasticbeanstalk.com"));
  // Only the start is an event; the app's own call to Cognito is not.
  const Json events = f.s.ok("Sandbox.ListEvents", Json::object())["Events"];
  REQUIRE(events.size() == events_before + 1);
  CHECK(events.back()["Operation"] == "Sandbox.StartBeanstalkApp");
  CHECK(events.back()["UserPoolId"] == pool);
}

TEST_CASE("Sandbox.StartBeanstalkApp names each problem: missing properties, a client of another pool, the wrong region, no such pool") {
  BeanstalkFixture f;
  const std::string pool = f.s.create_pool();
  const std::string other_pool = f.s.create_pool(Json{{"PoolName", "other"}});
  const std::string other_client = f.s.create_client(other_pool);

  Json started = f.start();
  CHECK(started["Ok"] == false);
  CHECK(started["Problems"] == Json::array({"missing COGNITO_USER_POOL_ID", "missing COGNITO_APP_CLIENT_ID", "missing AWS_REGION"}));

  f.set({property("COGNITO_USER_POOL_ID", pool), property("AWS_REGION", "us-east-1")});
  CHECK(f.start()["Problems"] == Json::array({"missing COGNITO_APP_CLIENT_ID"}));

  f.set({property("COGNITO_APP_CLIENT_ID", other_client)});
  started = f.start();
  CHECK(started["Ok"] == false);
  CHECK(started["Problems"] == Json::array({"the client does not belong to that pool"}));

  f.set({property("COGNITO_APP_CLIENT_ID", f.s.create_client(pool)), property("AWS_REGION", "us-west-2")});
  CHECK(f.start()["Problems"] == Json::array({"AWS_REGION us-west-2 does not match the pool's region us-east-1"}));

  f.set({property("AWS_REGION", "us-east-1"), property("COGNITO_USER_POOL_ID", "us-east-1_Missing1")});
  CHECK(f.start()["Problems"] == Json::array({"user pool us-east-1_Missing1 does not exist"}));
  const Json events = f.s.ok("Sandbox.ListEvents", {{"MaxResults", 1}})["Events"];
  CHECK(events[0]["Rules"] == Json::array({"The app could not start: user pool us-east-1_Missing1 does not exist"}));
}

TEST_CASE("Elastic Beanstalk survives export and import byte for byte; a state without it loads with none; Reset clears it") {
  BeanstalkFixture f;
  f.set({property("COGNITO_USER_POOL_ID", "us-east-1_Abc"), property("AWS_REGION", "us-east-1")});
  const Json good = f.s.ok("Sandbox.ExportState", Json::object())["State"];
  const std::string first = good.dump();
  CHECK(good["ElasticBeanstalk"]["Environments"].size() == 1);

  Sandbox fresh;
  fresh.ok("Sandbox.ImportState", {{"State", good}});
  CHECK(fresh.ok("Sandbox.ExportState", Json::object())["State"].dump() == first);
  CHECK(fresh.ok("ElasticBeanstalk.DescribeConfigurationSettings", {{"ApplicationName", "notes"}, {"EnvironmentName", "notes-prod"}}) ==
        f.s.ok("ElasticBeanstalk.DescribeConfigurationSettings", {{"ApplicationName", "notes"}, {"EnvironmentName", "notes-prod"}}));
  // The Describe above is in the event log too; a refused import must leave everything as it is now.
  const std::string before_refusals = fresh.ok("Sandbox.ExportState", Json::object())["State"].dump();

  Json older = good;
  older.erase("ElasticBeanstalk");
  Sandbox old;
  old.ok("Sandbox.ImportState", {{"State", older}});
  CHECK(old.ok("ElasticBeanstalk.DescribeApplications", Json::object())["Applications"].empty());

  Json damaged = good;
  damaged["ElasticBeanstalk"]["Environments"][0]["OptionSettings"][1].erase("Value");
  Json orphan = good;
  orphan["ElasticBeanstalk"]["Applications"] = Json::array();
  ApiError e = fresh.error("Sandbox.ImportState", {{"State", damaged}});
  CHECK(e.type == "InvalidParameterException");
  CHECK_THAT(e.message, Catch::Contains("damaged at ElasticBeanstalk: Environments[0]: OptionSettings[1]: key 'Value' not found"));
  e = fresh.error("Sandbox.ImportState", {{"State", orphan}});
  CHECK_THAT(e.message, Catch::Contains("Environments[0]: its application notes does not exist"));
  CHECK(fresh.ok("Sandbox.ExportState", Json::object())["State"].dump() == before_refusals);

  f.s.ok("Sandbox.Reset", Json::object());
  CHECK(f.s.ok("ElasticBeanstalk.DescribeEnvironments", Json::object())["Environments"].empty());
}
