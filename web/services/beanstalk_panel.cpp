#include "web/services/beanstalk_panel.h"

#include <algorithm>

#include "core/tokens/well_known.h"
#include "imgui.h"
#include "imgui_stdlib.h"
#include "web/shell/named_item.h"
#include "web/shell/widgets.h"

namespace userpool::web {
namespace {

// Environment properties: what the app sees as environment variables.
constexpr const char* kPropertyNamespace = "aws:elasticbeanstalk:application:environment";
constexpr const char* kPoolIdProperty = "COGNITO_USER_POOL_ID";
constexpr const char* kClientIdProperty = "COGNITO_APP_CLIENT_ID";
constexpr const char* kRegionProperty = "AWS_REGION";

constexpr SnippetLanguage kLanguages[] = {SnippetLanguage::kJavaScript, SnippetLanguage::kPython, SnippetLanguage::kJava};

bool offered(const std::vector<ComboChoice>& list, const std::string& value) {
  return std::any_of(list.begin(), list.end(), [&](const ComboChoice& c) { return c.value == value; });
}

// Read-only text in the mono font, selectable, `lines` high at most.
void mono_block(const UiContext& ctx, const char* id, std::string text, float width, float max_lines) {
  const float lines = static_cast<float>(std::count(text.begin(), text.end(), '\n') + 1);
  const float height = std::min(lines, max_lines) * ImGui::GetTextLineHeight() + 2 * ImGui::GetStyle().FramePadding.y + 2;
  if (ctx.fonts.mono != nullptr) ImGui::PushFont(ctx.fonts.mono);
  ImGui::InputTextMultiline(id, &text, ImVec2(width, height), ImGuiInputTextFlags_ReadOnly);
  if (ctx.fonts.mono != nullptr) ImGui::PopFont();
}

float inner(float card_width) { return card_width - 2 * ImGui::GetStyle().WindowPadding.x; }

}  // namespace

// --- Reading -----------------------------------------------------------------

void BeanstalkPanel::refresh() {
  if (revision_ == ctx_.api.revision()) return;
  revision_ = ctx_.api.revision();
  apps_.clear();
  for (const auto& a : ctx_.api.peek("ElasticBeanstalk.DescribeApplications", Json::object()).body.value("Applications", Json::array()))
    apps_.push_back({a.value("ApplicationName", ""), a.value("ApplicationName", "")});
  if (!offered(apps_, app_)) app_ = apps_.empty() ? "" : apps_.back().value;
  envs_.clear();
  if (!app_.empty()) {
    const Response r = ctx_.api.peek("ElasticBeanstalk.DescribeEnvironments", Json{{"ApplicationName", app_}});
    for (const auto& e : r.body.value("Environments", Json::array()))
      envs_.push_back({e.value("EnvironmentName", ""), e.value("EnvironmentName", "")});
  }
  if (!offered(envs_, env_)) env_ = envs_.empty() ? "" : envs_.back().value;
  pools_.clear();
  for (const auto& p : ctx_.api.peek("ListUserPools", Json{{"MaxResults", 60}}).body.value("UserPools", Json::array()))
    pools_.push_back({p.value("Id", ""), p.value("Name", "") + "  (" + p.value("Id", "") + ")"});
  if (!offered(pools_, fill_pool_))
    fill_pool_ = offered(pools_, ctx_.session.pool_id) ? ctx_.session.pool_id : pools_.empty() ? "" : pools_[0].value;
  read_clients();
  read_environment();
}

void BeanstalkPanel::read_clients() {
  clients_of_ = fill_pool_;
  clients_.clear();
  if (!fill_pool_.empty()) {
    const Response r = ctx_.api.peek("ListUserPoolClients", Json{{"UserPoolId", fill_pool_}, {"MaxResults", 60}});
    for (const auto& c : r.body.value("UserPoolClients", Json::array()))
      clients_.push_back({c.value("ClientId", ""), c.value("ClientName", "") + "  (" + c.value("ClientId", "") + ")"});
  }
  if (!offered(clients_, fill_client_))
    fill_client_ = offered(clients_, ctx_.session.client_id) ? ctx_.session.client_id : clients_.empty() ? "" : clients_[0].value;
}

void BeanstalkPanel::read_environment() {
  environment_ = Json();
  std::vector<Property> applied;
  if (!env_.empty()) {
    const Response d = ctx_.api.peek("ElasticBeanstalk.DescribeEnvironments", Json{{"EnvironmentNames", {env_}}});
    const Json list = d.body.value("Environments", Json::array());
    if (!list.empty()) environment_ = list[0];
    const Response c = ctx_.api.peek("ElasticBeanstalk.DescribeConfigurationSettings",
                                     Json{{"ApplicationName", app_}, {"EnvironmentName", env_}});
    const Json settings = c.body.value("/ConfigurationSettings/0/OptionSettings"_json_pointer, Json::array());
    for (const auto& o : settings)
      if (o.value("Namespace", "") == kPropertyNamespace) applied.push_back({o.value("OptionName", ""), o.value("Value", "")});
  }
  // Edits not applied yet stay, unless another environment is shown.
  if (draft_env_ != env_ || !draft_changed()) draft_ = applied;
  draft_env_ = env_;
  applied_ = std::move(applied);
}

bool BeanstalkPanel::succeeded(const Response& r, const char* section) {
  if (r.status == 200) {
    errors_.erase(section);
    return true;
  }
  errors_[section] = api_error_text(r.body);
  return false;
}

// --- Drawing -----------------------------------------------------------------

void BeanstalkPanel::draw() {
  refresh();
  heading(ctx_, "Elastic Beanstalk");
  help_text("Run an app on Elastic Beanstalk that signs users in with your user pool. The environment's properties "
            "tell the app which pool and app client to use, so none of it is written into the code.");
  ImGui::Spacing();
  const float width = std::min(ImGui::GetContentRegionAvail().x, ems(56));
  int step = 1;
  draw_application(width);
  if (!app_.empty()) {
    ImGui::Spacing();
    draw_environment(width);
    ++step;
  }
  if (!env_.empty() && environment_.is_object()) {
    ImGui::Spacing();
    draw_properties(width);
    ImGui::Spacing();
    draw_start(width);
    step += 2;
  }
  ImGui::Spacing();
  begin_card(width);
  step_heading(ctx_, step + 1, "Read the settings in your code");
  draw_code(width);
  end_card();
}

void BeanstalkPanel::draw_application(float width) {
  begin_card(width);
  step_heading(ctx_, 1, "Application");
  help_text("An application holds the versions of one app and the environments that run them.");
  card_separator();
  if (!apps_.empty()) {
    row_label("Application");
    if (named_combo("beanstalk.app", apps_, &app_, ems(20))) {
      env_.clear();
      revision_ = ~0ull;
    }
  }
  row_label("New application");
  ImGui::SetNextItemWidth(ems(18));
  ImGui::InputTextWithHint("###beanstalk.app_name", "e.g. notes-app", &app_name_);
  ImGui::SameLine();
  if (apps_.empty() ? primary_button("Create application###beanstalk.create_app")
                    : ImGui::Button("Create application###beanstalk.create_app"))
    create_app();
  named_error(errors_["app"], "beanstalk.error.app");
  end_card();
}

void BeanstalkPanel::draw_environment(float width) {
  begin_card(width);
  step_heading(ctx_, 2, "Environment");
  help_text("An environment runs the app on its own instances, with its own settings and URL. The sandbox launches it "
            "at once.");
  card_separator();
  if (!envs_.empty()) {
    row_label("Environment");
    if (named_combo("beanstalk.env", envs_, &env_, ems(20))) revision_ = ~0ull;
  }
  if (environment_.is_object()) {
    ImGui::TextDisabled("Health");
    ImGui::SameLine(row_field_x());
    badge(environment_.value("Health", ""), environment_.value("Health", "") == "Green" ? colors::green() : colors::amber());
    ImGui::SameLine();
    badge(environment_.value("Status", ""), colors::grey());
    ImGui::TextDisabled("URL");
    ImGui::SameLine(row_field_x());
    copyable_value(ctx_, nullptr, environment_.value("CNAME", ""), "beanstalk.cname");
    value_row("Platform", environment_.value("SolutionStackName", ""));
    value_row("Environment ID", environment_.value("EnvironmentId", ""), ctx_.fonts.mono);
    ImGui::Spacing();
  }
  row_label("New environment");
  ImGui::SetNextItemWidth(ems(18));
  ImGui::InputTextWithHint("###beanstalk.env_name", "e.g. notes-prod", &env_name_);
  ImGui::SameLine();
  if (envs_.empty() ? primary_button("Create environment###beanstalk.create_env")
                    : ImGui::Button("Create environment###beanstalk.create_env"))
    create_env();
  named_error(errors_["env"], "beanstalk.error.env");
  end_card();
}

void BeanstalkPanel::draw_properties(float width) {
  begin_card(width);
  step_heading(ctx_, 3, "Environment properties");
  help_text("Properties in the namespace aws:elasticbeanstalk:application:environment reach the app as environment "
            "variables. This app needs COGNITO_USER_POOL_ID, COGNITO_APP_CLIENT_ID and AWS_REGION.");
  card_separator();
  draw_property_table(inner(width));
  ImGui::Spacing();
  row_label("Name");
  ImGui::SetNextItemWidth(ems(18));
  ImGui::InputTextWithHint("###beanstalk.property_name", "e.g. COGNITO_USER_POOL_ID", &property_name_);
  row_label("Value");
  ImGui::SetNextItemWidth(ems(18));
  ImGui::InputText("###beanstalk.property_value", &property_value_);
  ImGui::SameLine();
  if (ImGui::Button("Add property###beanstalk.add_property")) add_property();
  ImGui::Spacing();
  card_separator();
  draw_fill();
  card_separator();
  if (draft_changed()) {
    badge("Not applied yet", colors::amber());
    name_last_item("###beanstalk.unapplied");
    ImGui::SameLine();
  }
  if (primary_button("Apply###beanstalk.apply")) apply();
  if (draft_changed()) {
    ImGui::SameLine();
    if (ImGui::Button("Discard changes###beanstalk.discard")) draft_ = applied_;
  }
  named_error(errors_["properties"], "beanstalk.error.properties");
  end_card();
}

void BeanstalkPanel::draw_property_table(float inner_width) {
  if (draft_.empty()) {
    help_text("No environment properties yet: add them below, or fill them in from a user pool.");
    return;
  }
  constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("beanstalk.properties", 3, kFlags, ImVec2(inner_width, 0))) return;
  ImGui::TableSetupColumn("Name", ImGuiTableColumnFlags_WidthFixed, ems(15));
  ImGui::TableSetupColumn("Value", ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, ems(5));
  ImGui::TableHeadersRow();
  std::size_t removed = draft_.size();
  for (std::size_t i = 0; i < draft_.size(); ++i) {
    Property& p = draft_[i];
    const bool changed = std::find(applied_.begin(), applied_.end(), p) == applied_.end();
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    text_in(ctx_.fonts.mono, p.name.c_str());
    name_last_item(("###beanstalk.property." + p.name).c_str());
    if (changed && ImGui::IsItemHovered()) ImGui::SetTooltip("Not applied yet");
    ImGui::TableNextColumn();
    if (changed) ImGui::PushStyleColor(ImGuiCol_FrameBg, colors::edited_field());
    ImGui::SetNextItemWidth(-1);
    if (ctx_.fonts.mono != nullptr) ImGui::PushFont(ctx_.fonts.mono);
    ImGui::InputText(("###beanstalk.value." + p.name).c_str(), &p.value);
    if (ctx_.fonts.mono != nullptr) ImGui::PopFont();
    if (changed) ImGui::PopStyleColor();
    ImGui::TableNextColumn();
    if (ImGui::SmallButton(("Remove###beanstalk.remove_property." + p.name).c_str())) removed = i;
  }
  ImGui::EndTable();
  if (removed < draft_.size()) draft_.erase(draft_.begin() + static_cast<std::ptrdiff_t>(removed));
}

void BeanstalkPanel::draw_fill() {
  text_in(ctx_.fonts.bold != nullptr ? ctx_.fonts.bold : ctx_.fonts.heading, "Fill in from a user pool");
  help_text("Sets the three properties from a user pool and one of its app clients; apply to save them.");
  if (pools_.empty()) {
    ImGui::TextDisabled("No user pools yet.");
    ImGui::SameLine();
    if (ImGui::SmallButton("Create a user pool###beanstalk.create_pool")) ctx_.open(View::kCreatePool);
    return;
  }
  row_label("User pool");
  if (named_combo("beanstalk.fill_pool", pools_, &fill_pool_, ems(24))) read_clients();
  row_label("App client");
  if (clients_.empty()) ImGui::TextDisabled("This user pool has no app client.");
  else named_combo("beanstalk.fill_client", clients_, &fill_client_, ems(24));
  if (ImGui::Button("Fill in the properties###beanstalk.fill")) fill_from_pool();
}

void BeanstalkPanel::draw_start(float width) {
  begin_card(width);
  step_heading(ctx_, 4, "Start the app");
  help_text("Starts the sample app on the environment: it reads the three properties, then asks Cognito for the app "
            "client (DescribeUserPoolClient), as the code below does at start-up.");
  card_separator();
  if (draft_changed()) {
    ImGui::PushStyleColor(ImGuiCol_Text, colors::amber());
    ImGui::TextWrapped("Some property changes are not applied yet: the app sees only what the environment has.");
    ImGui::PopStyleColor();
  }
  if (primary_button("Start the app###beanstalk.start_app")) start_app();
  named_error(errors_["start"], "beanstalk.error.start");
  if (started_.is_null() || started_env_ != env_) {
    end_card();
    return;
  }
  ImGui::Spacing();
  const bool ok = started_.value("Ok", false);
  badge(ok ? "Running" : "Stopped", ok ? colors::green() : colors::red());
  name_last_item("###beanstalk.app_status");
  ImGui::SameLine();
  ImGui::TextUnformatted(ok ? "The app found its user pool and app client." : "The app could not start:");
  int index = 0;
  for (const auto& problem : started_.value("Problems", Json::array())) {
    error_text("\xE2\x80\xA2 " + problem.get<std::string>());
    name_last_item(("###beanstalk.problem." + std::to_string(index++)).c_str());
  }
  ImGui::Spacing();
  ImGui::TextDisabled("Log");
  std::string log;
  for (const auto& line : started_.value("Log", Json::array())) log += (log.empty() ? "" : "\n") + line.get<std::string>();
  mono_block(ctx_, "###beanstalk.log", log, inner(width), 10);
  end_card();
}

void BeanstalkPanel::draw_code(float width) {
  help_text("Read the properties at start-up, and stop with a clear message when one is missing. The same code runs "
            "anywhere these environment variables are set.");
  card_separator();
  for (const SnippetLanguage language : kLanguages) {
    const Snippet& s = settings_snippet(language);
    if (language != kLanguages[0]) ImGui::SameLine();
    if (choice_button((std::string(s.language) + "###beanstalk.language." + s.id).c_str(), language_ == language))
      language_ = language;
  }
  const Snippet& snippet = settings_snippet(language_);
  value_row("File", snippet.file);
  ImGui::TextDisabled("SDK");
  ImGui::SameLine(row_field_x());
  text_in(ctx_.fonts.mono, snippet.install);
  mono_block(ctx_, "###beanstalk.snippet", snippet.code, inner(width), 24);
  name_last_item(("###beanstalk.snippet." + std::string(snippet.id)).c_str());
  if (ImGui::Button("Copy code###beanstalk.copy_snippet")) ctx_.copy(snippet.code, std::string(snippet.language) + " code");
}

// --- Actions -----------------------------------------------------------------

void BeanstalkPanel::create_app() {
  const Response r = ctx_.api.call("ElasticBeanstalk.CreateApplication", Json{{"ApplicationName", app_name_}});
  if (!succeeded(r, "app")) return;
  app_ = app_name_;
  env_.clear();
  app_name_.clear();
  ctx_.notify("Application " + app_ + " created");
}

void BeanstalkPanel::create_env() {
  const Response r = ctx_.api.call("ElasticBeanstalk.CreateEnvironment",
                                   Json{{"ApplicationName", app_}, {"EnvironmentName", env_name_}});
  if (!succeeded(r, "env")) return;
  env_ = env_name_;
  env_name_.clear();
  ctx_.notify("Environment " + env_ + " launched");
}

void BeanstalkPanel::set_property(const std::string& name, const std::string& value) {
  for (auto& p : draft_)
    if (p.name == name) {
      p.value = value;
      return;
    }
  draft_.push_back({name, value});
}

void BeanstalkPanel::add_property() {
  if (property_name_.empty()) {
    errors_["properties"] = "Type the property's name, such as COGNITO_USER_POOL_ID.";
    return;
  }
  errors_.erase("properties");
  set_property(property_name_, property_value_);
  property_name_.clear();
  property_value_.clear();
}

void BeanstalkPanel::fill_from_pool() {
  if (fill_pool_.empty()) return;
  set_property(kPoolIdProperty, fill_pool_);
  if (!fill_client_.empty()) set_property(kClientIdProperty, fill_client_);
  set_property(kRegionProperty, region_of(fill_pool_));
  errors_.erase("properties");
  ctx_.notify("Properties filled in: apply them to save them");
}

void BeanstalkPanel::apply() {
  Json settings = Json::array(), removals = Json::array();
  for (const auto& p : draft_) settings.push_back({{"Namespace", kPropertyNamespace}, {"OptionName", p.name}, {"Value", p.value}});
  for (const auto& p : applied_)
    if (std::none_of(draft_.begin(), draft_.end(), [&](const Property& d) { return d.name == p.name; }))
      removals.push_back({{"Namespace", kPropertyNamespace}, {"OptionName", p.name}});
  const Response r = ctx_.api.call("ElasticBeanstalk.UpdateEnvironment",
                                   Json{{"EnvironmentName", env_}, {"OptionSettings", settings}, {"OptionsToRemove", removals}});
  if (!succeeded(r, "properties")) return;
  applied_ = draft_;
  ctx_.notify("Environment properties applied");
}

void BeanstalkPanel::start_app() {
  const Response r = ctx_.api.call("Sandbox.StartBeanstalkApp", Json{{"EnvironmentName", env_}});
  if (!succeeded(r, "start")) return;
  started_ = r.body;
  started_env_ = env_;
}

}  // namespace userpool::web
