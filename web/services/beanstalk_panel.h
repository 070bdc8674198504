// The sandbox's Elastic Beanstalk console: an application and its
// environment, the environment properties an app reads its user pool
// settings from (filled from a pool and app client on request), starting
// the sample app to see whether it finds them, and the code that reads them
// in JavaScript, Python and Java.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/base/json.h"
#include "web/services/beanstalk_snippets.h"
#include "web/services/service_forms.h"
#include "web/shell/ui_context.h"

namespace userpool::web {

class BeanstalkPanel {
 public:
  explicit BeanstalkPanel(UiContext& ctx) : ctx_(ctx) {}
  void draw();

  SnippetLanguage language() const { return language_; }
  // The answer of the last start of the app (Sandbox.StartBeanstalkApp:
  // Ok, Log, Problems); null before the first.
  const Json& last_start() const { return started_; }

 private:
  struct Property {
    std::string name, value;
    bool operator==(const Property&) const = default;
  };

  void refresh();
  void read_environment();
  void read_clients();
  bool draft_changed() const { return draft_ != applied_; }

  void draw_application(float width);
  void draw_environment(float width);
  void draw_properties(float width);
  void draw_property_table(float inner_width);
  void draw_fill();
  void draw_start(float width);
  void draw_code(float width);

  void create_app();
  void create_env();
  void set_property(const std::string& name, const std::string& value);
  void add_property();
  void fill_from_pool();
  void apply();
  void start_app();

  bool succeeded(const Response& r, const char* section);

  UiContext& ctx_;
  std::uint64_t revision_ = ~0ull;
  std::vector<ComboChoice> apps_, envs_, pools_, clients_;
  std::string app_, env_;  // the chosen application and environment
  Json environment_;       // DescribeEnvironments' description of env_
  std::string clients_of_;  // the pool clients_ lists
  std::vector<Property> applied_, draft_;
  std::string draft_env_;  // the environment draft_ was read from
  std::map<std::string, std::string> errors_;  // by section

  std::string app_name_, env_name_, property_name_, property_value_;
  std::string fill_pool_, fill_client_;
  Json started_;
  std::string started_env_;
  SnippetLanguage language_ = SnippetLanguage::kJavaScript;
};

}  // namespace userpool::web
