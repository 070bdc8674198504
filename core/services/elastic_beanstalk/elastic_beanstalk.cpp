#include "core/services/elastic_beanstalk/elastic_beanstalk.h"

#include <algorithm>
#include <stdexcept>

namespace userpool::beanstalk {
namespace {

std::int64_t ms(Timestamp t) { return t.time_since_epoch().count(); }
Timestamp at(const Json& j) { return from_epoch_millis(j.get<std::int64_t>()); }

std::optional<std::string> optional_string(const Json& j, const char* member) {
  return j.contains(member) ? std::optional<std::string>(j.at(member).get<std::string>()) : std::nullopt;
}

// Runs `read`, naming `where` in whatever it throws.
template <typename F>
auto reading(const std::string& where, F&& read) -> decltype(read()) {
  try {
    return read();
  } catch (const std::exception& e) {
    throw std::runtime_error(where + ": " + plain_json_error(e.what()));
  }
}

const Json::array_t& list_at(const Json& j, const char* member) { return j.at(member).get_ref<const Json::array_t&>(); }

}  // namespace

Json OptionSetting::describe() const {
  return Json{{"Namespace", namespace_name}, {"OptionName", option_name}, {"Value", value}};
}

Json Application::describe(const std::string& region, const std::string& account_id) const {
  Json j = {{"ApplicationArn", "arn:aws:elasticbeanstalk:" + region + ":" + account_id + ":application/" + name},
            {"ApplicationName", name}};
  if (description) j["Description"] = *description;
  j["DateCreated"] = to_iso8601(created);
  j["DateUpdated"] = to_iso8601(updated);
  j["Versions"] = Json::array();
  j["ConfigurationTemplates"] = Json::array();
  return j;
}

std::string Environment::cname(const std::string& region) const { return name + "." + region + ".elasticbeanstalk.com"; }

Json Environment::describe(const std::string& region, const std::string& account_id) const {
  Json j = {{"EnvironmentName", name}, {"EnvironmentId", id}, {"ApplicationName", application_name},
            {"SolutionStackName", solution_stack}};
  if (description) j["Description"] = *description;
  j["CNAME"] = cname(region);
  j["DateCreated"] = to_iso8601(created);
  j["DateUpdated"] = to_iso8601(updated);
  // Launched at once: there are no instances to wait for.
  j["Status"] = "Ready";
  j["AbortableOperationInProgress"] = false;
  j["Health"] = "Green";
  j["Tier"] = {{"Name", "WebServer"}, {"Type", "Standard"}, {"Version", "1.0"}};
  j["EnvironmentArn"] = "arn:aws:elasticbeanstalk:" + region + ":" + account_id + ":environment/" + application_name + "/" + name;
  return j;
}

void Environment::set_option(OptionSetting setting) {
  for (auto& o : option_settings)
    if (o.namespace_name == setting.namespace_name && o.option_name == setting.option_name) {
      o.value = std::move(setting.value);
      return;
    }
  option_settings.push_back(std::move(setting));
}

void Environment::remove_option(std::string_view namespace_name, std::string_view option_name) {
  std::erase_if(option_settings, [&](const OptionSetting& o) {
    return o.namespace_name == namespace_name && o.option_name == option_name;
  });
}

std::optional<std::string> Environment::property(std::string_view property_name) const {
  for (const auto& o : option_settings)
    if (o.namespace_name == kEnvironmentNamespace && o.option_name == property_name) return o.value;
  return std::nullopt;
}

Application* ElasticBeanstalk::find_application(std::string_view name) {
  const auto it = std::find_if(applications.begin(), applications.end(), [&](const Application& a) { return a.name == name; });
  return it == applications.end() ? nullptr : &*it;
}

Environment* ElasticBeanstalk::find_environment(std::string_view name) {
  const auto it = std::find_if(environments.begin(), environments.end(), [&](const Environment& e) { return e.name == name; });
  return it == environments.end() ? nullptr : &*it;
}

void ElasticBeanstalk::clear() {
  applications.clear();
  environments.clear();
}

Json ElasticBeanstalk::to_state() const {
  Json apps = Json::array(), envs = Json::array();
  for (const auto& a : applications) {
    Json j = {{"Name", a.name}};
    if (a.description) j["Description"] = *a.description;
    j["CreatedMillis"] = ms(a.created);
    j["UpdatedMillis"] = ms(a.updated);
    apps.push_back(j);
  }
  for (const auto& e : environments) {
    Json j = {{"Name", e.name}, {"Id", e.id}, {"ApplicationName", e.application_name}, {"SolutionStack", e.solution_stack}};
    if (e.description) j["Description"] = *e.description;
    j["CreatedMillis"] = ms(e.created);
    j["UpdatedMillis"] = ms(e.updated);
    Json options = Json::array();
    for (const auto& o : e.option_settings) options.push_back(o.describe());
    j["OptionSettings"] = options;
    envs.push_back(j);
  }
  return Json{{"Applications", apps}, {"Environments", envs}};
}

ElasticBeanstalk ElasticBeanstalk::from_state(const Json& state) {
  ElasticBeanstalk b;
  const auto& apps = reading("Applications", [&]() -> const Json::array_t& { return list_at(state, "Applications"); });
  for (std::size_t i = 0; i < apps.size(); ++i) {
    const std::string where = "Applications[" + std::to_string(i) + "]";
    Application a = reading(where, [&] {
      const Json& j = apps[i];
      return Application{j.at("Name").get<std::string>(), optional_string(j, "Description"), at(j.at("CreatedMillis")),
                         at(j.at("UpdatedMillis"))};
    });
    if (b.find_application(a.name) != nullptr) throw std::runtime_error(where + ": two applications are named " + a.name);
    b.applications.push_back(std::move(a));
  }
  const auto& envs = reading("Environments", [&]() -> const Json::array_t& { return list_at(state, "Environments"); });
  for (std::size_t i = 0; i < envs.size(); ++i) {
    const std::string where = "Environments[" + std::to_string(i) + "]";
    Environment e = reading(where, [&] {
      const Json& j = envs[i];
      Environment env;
      env.name = j.at("Name").get<std::string>();
      env.id = j.at("Id").get<std::string>();
      env.application_name = j.at("ApplicationName").get<std::string>();
      env.solution_stack = j.at("SolutionStack").get<std::string>();
      env.description = optional_string(j, "Description");
      env.created = at(j.at("CreatedMillis"));
      env.updated = at(j.at("UpdatedMillis"));
      const auto& options = list_at(j, "OptionSettings");
      for (std::size_t k = 0; k < options.size(); ++k)
        env.option_settings.push_back(reading("OptionSettings[" + std::to_string(k) + "]", [&] {
          const Json& o = options[k];
          return OptionSetting{o.at("Namespace").get<std::string>(), o.at("OptionName").get<std::string>(),
                               o.at("Value").get<std::string>()};
        }));
      return env;
    });
    if (b.find_application(e.application_name) == nullptr)
      throw std::runtime_error(where + ": its application " + e.application_name + " does not exist");
    if (b.find_environment(e.name) != nullptr) throw std::runtime_error(where + ": two environments are named " + e.name);
    b.environments.push_back(std::move(e));
  }
  return b;
}

}  // namespace userpool::beanstalk
