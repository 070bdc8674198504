// Elastic Beanstalk: ElasticBeanstalk.CreateApplication,
// DescribeApplications, CreateEnvironment, UpdateEnvironment,
// DescribeEnvironments, DescribeConfigurationSettings, TerminateEnvironment,
// with Beanstalk's member names (PascalCase); and the sandbox's
// Sandbox.StartBeanstalkApp, the sample app starting up on an environment
// and reading its user pool settings from the environment properties.
#include <algorithm>
#include <cctype>

#include "core/api/api_error.h"
#include "core/api/dispatcher.h"
#include "core/base/identifiers.h"
#include "core/api/registry.h"
#include "core/services/elastic_beanstalk/elastic_beanstalk.h"
#include "core/tokens/well_known.h"

namespace userpool::ops {
namespace {

using beanstalk::Application;
using beanstalk::Environment;
using beanstalk::OptionSetting;

// Beanstalk answers a bad parameter with InvalidParameterValue (400).
// UNVERIFIED: the texts of the messages below; they follow Beanstalk's usual
// wording.
[[noreturn]] void invalid_value(std::string message, std::string rule = {}) {
  fail("InvalidParameterValue", std::move(message), std::move(rule));
}

beanstalk::ElasticBeanstalk& service(OpContext& ctx) { return ctx.account.services.get<beanstalk::ElasticBeanstalk>(); }

Application& require_application(OpContext& ctx, const std::string& name) {
  Application* app = service(ctx).find_application(name);
  if (app == nullptr) invalid_value("No Application named '" + name + "' found.");
  return *app;
}

Environment& require_environment(OpContext& ctx, const std::string& name) {
  Environment* env = service(ctx).find_environment(name);
  if (env == nullptr) invalid_value("No Environment found for EnvironmentName = '" + name + "'.");
  return *env;
}

// EnvironmentName, or EnvironmentId, as UpdateEnvironment and
// TerminateEnvironment take either.
Environment& environment_named(OpContext& ctx, const Request& r) {
  if (const auto name = r.optional_string("EnvironmentName")) return require_environment(ctx, *name);
  const auto id = r.optional_string("EnvironmentId");
  if (!id) invalid_value("Either EnvironmentName or EnvironmentId must be specified.");
  for (auto& e : service(ctx).environments)
    if (e.id == *id) return e;
  invalid_value("No Environment found for EnvironmentId = '" + *id + "'.");
}

StringShape shape(std::size_t min, std::size_t max) {
  StringShape s;
  s.min = min;
  s.max = max;
  return s;
}

// 4 to 40 letters, digits and hyphens, not starting or ending with a hyphen.
bool is_environment_name(std::string_view name) {
  return name.size() >= 4 && name.size() <= 40 && name.front() != '-' && name.back() != '-' &&
         std::all_of(name.begin(), name.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-'; });
}

// OptionSettings: [{Namespace, OptionName, Value}]. The sandbox does not
// know Beanstalk's whole catalogue of options, so it keeps any setting in an
// "aws:" namespace; environment properties are what the app reads.
std::vector<OptionSetting> read_options(const Request& r, const char* member, bool with_values) {
  std::vector<OptionSetting> out;
  for (const Request& item : r.list(member, 0, 1000)) {
    OptionSetting o{item.string("Namespace", shape(1, 10000)), item.string("OptionName", shape(1, 10000)),
                    with_values ? item.optional_string("Value").value_or("") : ""};
    if (o.namespace_name.rfind("aws:", 0) != 0)
      invalid_value("Invalid option specification (Namespace: '" + o.namespace_name + "', OptionName: '" + o.option_name +
                    "'): Unknown configuration setting.");
    out.push_back(std::move(o));
  }
  return out;
}

void rule_for_options(OpContext& ctx, const std::vector<OptionSetting>& options) {
  for (const auto& o : options)
    if (o.namespace_name == beanstalk::kEnvironmentNamespace) {
      ctx.rule("Environment properties (aws:elasticbeanstalk:application:environment) reach the app as environment variables");
      return;
    }
}

Json create_application(OpContext& ctx, const Request& r) {
  Application app;
  app.name = r.string("ApplicationName", shape(1, 100));
  app.description = r.optional_string("Description", shape(0, 200));
  if (service(ctx).find_application(app.name) != nullptr) invalid_value("Application " + app.name + " already exists.");
  app.created = app.updated = ctx.now;
  service(ctx).applications.push_back(app);
  return Json{{"Application", app.describe(ctx.account.region, ctx.account.account_id)}};
}

Json describe_applications(OpContext& ctx, const Request& r) {
  const auto names = r.optional_string_list("ApplicationNames");
  Json list = Json::array();
  for (const auto& app : service(ctx).applications)
    if (!names || std::find(names->begin(), names->end(), app.name) != names->end())
      list.push_back(app.describe(ctx.account.region, ctx.account.account_id));
  return Json{{"Applications", list}};
}

Json create_environment(OpContext& ctx, const Request& r) {
  const std::string app_name = r.string("ApplicationName", shape(1, 100));
  Environment env;
  env.name = r.string("EnvironmentName", shape(4, 40));
  env.solution_stack = r.optional_string("SolutionStackName", shape(0, 100)).value_or(beanstalk::kDefaultSolutionStack);
  env.description = r.optional_string("Description", shape(0, 200));
  const auto options = read_options(r, "OptionSettings", true);
  require_application(ctx, app_name);
  if (!is_environment_name(env.name))
    invalid_value("Environment name must be 4 to 40 characters in length. It can contain only letters, numbers, and "
                  "hyphens. It can't start or end with a hyphen.");
  if (service(ctx).find_environment(env.name) != nullptr) invalid_value("Environment " + env.name + " already exists.");
  env.application_name = app_name;
  env.id = "e-" + ctx.random().string_from("abcdefghijklmnopqrstuvwxyz0123456789", 10);
  env.created = env.updated = ctx.now;
  for (const auto& o : options) env.set_option(o);
  rule_for_options(ctx, options);
  ctx.rule("The sandbox launches environments at once: Ready and Green, at " + env.cname(ctx.account.region));
  return service(ctx).environments.emplace_back(std::move(env)).describe(ctx.account.region, ctx.account.account_id);
}

Json update_environment(OpContext& ctx, const Request& r) {
  Environment& env = environment_named(ctx, r);
  const auto options = read_options(r, "OptionSettings", true);
  const auto removals = read_options(r, "OptionsToRemove", false);
  const auto description = r.optional_string("Description", shape(0, 200));
  for (const auto& o : removals) env.remove_option(o.namespace_name, o.option_name);
  for (const auto& o : options) env.set_option(o);
  if (description) env.description = description;
  env.updated = ctx.now;
  rule_for_options(ctx, options);
  if (!options.empty() || !removals.empty())
    ctx.rule("The app sees the new settings when it starts again (Sandbox.StartBeanstalkApp)");
  return env.describe(ctx.account.region, ctx.account.account_id);
}

Json describe_environments(OpContext& ctx, const Request& r) {
  const auto app = r.optional_string("ApplicationName");
  const auto names = r.optional_string_list("EnvironmentNames");
  const auto ids = r.optional_string_list("EnvironmentIds");
  Json list = Json::array();
  for (const auto& e : service(ctx).environments) {
    if (app && e.application_name != *app) continue;
    if (names && std::find(names->begin(), names->end(), e.name) == names->end()) continue;
    if (ids && std::find(ids->begin(), ids->end(), e.id) == ids->end()) continue;
    list.push_back(e.describe(ctx.account.region, ctx.account.account_id));
  }
  return Json{{"Environments", list}};
}

Json describe_configuration_settings(OpContext& ctx, const Request& r) {
  const std::string app_name = r.string("ApplicationName", shape(1, 100));
  const auto env_name = r.optional_string("EnvironmentName");
  const auto template_name = r.optional_string("TemplateName");
  require_application(ctx, app_name);
  if (template_name) invalid_value("No Configuration Template named '" + app_name + "/" + *template_name + "' found.");
  if (!env_name) invalid_value("Either TemplateName or EnvironmentName must be specified.");
  const Environment& env = require_environment(ctx, *env_name);
  if (env.application_name != app_name) invalid_value("No Environment found for EnvironmentName = '" + *env_name + "'.");
  // Only the settings that were set: the sandbox does not invent Beanstalk's defaults.
  Json options = Json::array();
  for (const auto& o : env.option_settings) options.push_back(o.describe());
  Json settings = {{"SolutionStackName", env.solution_stack}, {"ApplicationName", env.application_name},
                   {"EnvironmentName", env.name},         {"DeploymentStatus", "deployed"},
                   {"DateCreated", to_iso8601(env.created)}, {"DateUpdated", to_iso8601(env.updated)},
                   {"OptionSettings", options}};
  return Json{{"ConfigurationSettings", Json::array({settings})}};
}

Json terminate_environment(OpContext& ctx, const Request& r) {
  Environment& env = environment_named(ctx, r);
  Json out = env.describe(ctx.account.region, ctx.account.account_id);
  out["Status"] = "Terminating";
  out["Health"] = "Grey";
  // Gone at once (Beanstalk lists a terminated environment for a while; the sandbox does not).
  const std::string name = env.name;
  std::erase_if(service(ctx).environments, [&](const Environment& e) { return e.name == name; });
  return out;
}

// --- The app on the environment ----------------------------------------------

struct AppStart {
  Json log = Json::array();
  Json problems = Json::array();
  void line(std::string text) { log.push_back(std::move(text)); }
  void problem(std::string text) { problems.push_back(std::move(text)); }
};

// The app's call to Cognito, through the dispatcher as any client's, without
// recording an event: the learner did not make it.
void check_pool_and_client(OpContext& ctx, AppStart& s, const std::string& pool_id, const std::string& client_id,
                           const std::string& region) {
  if (!is_user_pool_id(pool_id)) {
    s.problem(std::string(beanstalk::kUserPoolIdProperty) + " " + pool_id + " is not a user pool ID (<region>_<id>)");
    return;
  }
  const std::string pool_region = region_of(pool_id);
  const std::string endpoint = "https://cognito-idp." + region + ".amazonaws.com/";
  if (region != pool_region) {
    s.line("DescribeUserPoolClient at " + endpoint + " -> ResourceNotFoundException: User pool " + pool_id + " does not exist.");
    s.problem(std::string(beanstalk::kRegionProperty) + " " + region + " does not match the pool's region " + pool_region);
    return;
  }
  const CallOptions quiet = CallOptions::unrecorded();
  const Response client = call(ctx.account, "DescribeUserPoolClient", Json{{"UserPoolId", pool_id}, {"ClientId", client_id}}, quiet);
  if (client.status == 200) {
    const Json& c = client.body.at("UserPoolClient");
    ctx.event.user_pool_id = pool_id;
    ctx.event.client_id = client_id;
    s.line("DescribeUserPoolClient at " + endpoint + " -> 200: app client \"" + c.value("ClientName", "") + "\" of user pool " + pool_id);
    if (c.contains("ClientSecret"))
      s.line("The app client has a secret: every sign-in request must carry its SECRET_HASH");
    return;
  }
  const std::string type = client.body.value("__type", "");
  s.line("DescribeUserPoolClient at " + endpoint + " -> " + type + ": " + client.body.value("message", ""));
  if (type != "ResourceNotFoundException") {
    s.problem("DescribeUserPoolClient failed: " + type + ": " + client.body.value("message", ""));
  } else if (call(ctx.account, "DescribeUserPool", Json{{"UserPoolId", pool_id}}, quiet).status != 200) {
    s.problem("user pool " + pool_id + " does not exist");
  } else {
    ctx.event.user_pool_id = pool_id;
    s.problem("the client does not belong to that pool");
  }
}

Json sandbox_start_app(OpContext& ctx, const Request& r) {
  const Environment& env = require_environment(ctx, r.string("EnvironmentName", shape(4, 40)));
  AppStart s;
  s.line("[" + env.name + "] " + env.solution_stack + ": starting the app");
  std::vector<std::string> values;
  for (const char* name : {beanstalk::kUserPoolIdProperty, beanstalk::kAppClientIdProperty, beanstalk::kRegionProperty}) {
    const std::string value = env.property(name).value_or("");
    values.push_back(value);
    if (value.empty()) {
      s.line(std::string(name) + " is not set");
      s.problem(std::string("missing ") + name);
    } else {
      s.line(std::string(name) + "=" + value);
    }
  }
  if (s.problems.empty()) check_pool_and_client(ctx, s, values[0], values[1], values[2]);
  const bool ok = s.problems.empty();
  if (ok) s.line("Listening on port 8080, serving http://" + env.cname(ctx.account.region) + "/");
  else s.line("The app stopped: its user pool settings are not usable");
  ctx.rule(ok ? "The app found its user pool and app client from the environment properties"
              : "The app could not start: " + s.problems[0].get<std::string>());
  return Json{{"Ok", ok}, {"Log", s.log}, {"Problems", s.problems}};
}

}  // namespace

// The applications and environments in the saved state, as
// "ElasticBeanstalk" (always there, empty when there are none).
StateSection elastic_beanstalk_state() {
  return {"ElasticBeanstalk",
          [](const Account& account) {
            const auto* kept = account.services.find<beanstalk::ElasticBeanstalk>();
            return kept == nullptr ? beanstalk::ElasticBeanstalk{}.to_state() : kept->to_state();
          },
          [](const Json* saved) -> std::function<void(Account&)> {
            auto read = std::make_shared<beanstalk::ElasticBeanstalk>(
                saved == nullptr ? beanstalk::ElasticBeanstalk{} : beanstalk::ElasticBeanstalk::from_state(*saved));
            return [read](Account& account) { account.services.put(std::move(*read)); };
          }};
}

// The operations of this file, for the registry (core/api/registry.h).
const OperationTable& elastic_beanstalk_operations() {
  static const OperationTable table = {
      {"CreateApplication", create_application, OperationKind::kChange},
      {"DescribeApplications", describe_applications, OperationKind::kRead},
      {"CreateEnvironment", create_environment, OperationKind::kChange},
      {"UpdateEnvironment", update_environment, OperationKind::kChange},
      {"DescribeEnvironments", describe_environments, OperationKind::kRead},
      {"DescribeConfigurationSettings", describe_configuration_settings, OperationKind::kRead},
      {"TerminateEnvironment", terminate_environment, OperationKind::kChange},
  };
  return table;
}

// Sandbox.StartBeanstalkApp: the sample app starting on an environment. It
// stands for the Beanstalk app, so a malformed request gets Beanstalk's error.
const OperationTable& start_beanstalk_app_operations() {
  static const OperationTable table = {
      {"StartBeanstalkApp", sandbox_start_app, OperationKind::kChange, {}, true, "InvalidParameterValue"},
  };
  return table;
}

}  // namespace userpool::ops
