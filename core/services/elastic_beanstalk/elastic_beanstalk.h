// AWS Elastic Beanstalk, as far as "Connect an app on Elastic Beanstalk"
// needs it: applications, environments and their option settings, above all
// the environment properties an app reads its user pool settings from.
// Environments launch at once (Status "Ready", Health "Green"): there are no
// instances to wait for, only the configuration to get right.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/clock.h"
#include "core/base/json.h"

namespace userpool::beanstalk {

// The namespace of environment properties (what the app sees as environment variables).
inline constexpr const char* kEnvironmentNamespace = "aws:elasticbeanstalk:application:environment";
inline constexpr const char* kDefaultSolutionStack = "64bit Amazon Linux 2023 v6.1.0 running Node.js 20";

// The environment properties the sample app reads at start-up
// (Sandbox.StartBeanstalkApp); lessons and code snippets use these names.
inline constexpr const char* kUserPoolIdProperty = "COGNITO_USER_POOL_ID";
inline constexpr const char* kAppClientIdProperty = "COGNITO_APP_CLIENT_ID";
inline constexpr const char* kRegionProperty = "AWS_REGION";

struct OptionSetting {
  std::string namespace_name;  // "Namespace"
  std::string option_name;
  std::string value;

  Json describe() const;  // {"Namespace", "OptionName", "Value"}
};

struct Application {
  std::string name;
  std::optional<std::string> description;
  Timestamp created{}, updated{};

  // ApplicationDescription; the ARN needs the account's region and ID.
  Json describe(const std::string& region, const std::string& account_id) const;
};

struct Environment {
  std::string name;
  std::string id;  // "e-" and 10 lowercase alphanumerics
  std::string application_name;
  std::string solution_stack;
  std::optional<std::string> description;
  Timestamp created{}, updated{};
  std::vector<OptionSetting> option_settings;  // as set, in the order first set

  // EnvironmentDescription.
  Json describe(const std::string& region, const std::string& account_id) const;
  std::string cname(const std::string& region) const;
  // Sets (or replaces) one option; removes one (nothing if it is not set).
  void set_option(OptionSetting setting);
  void remove_option(std::string_view namespace_name, std::string_view option_name);
  // An environment property's value, if set.
  std::optional<std::string> property(std::string_view name) const;
};

struct ElasticBeanstalk {
  std::vector<Application> applications;  // in creation order
  std::vector<Environment> environments;  // in creation order

  Application* find_application(std::string_view name);
  Environment* find_environment(std::string_view name);
  void clear();

  // Saved state (see core/model/state.h); from_state() throws std::runtime_error
  // naming the member at fault.
  Json to_state() const;
  static ElasticBeanstalk from_state(const Json& state);
};

}  // namespace userpool::beanstalk
