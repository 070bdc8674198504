// The API Gateway console, setting up: the REST API, its resources, the
// user pool authorizer, a method that uses it, and the deployment to a stage.
#include "web/services/api_gateway_panel.h"

#include <algorithm>

#include "core/tokens/well_known.h"
#include "imgui.h"
#include "imgui_stdlib.h"
#include "web/shell/named_item.h"
#include "web/shell/widgets.h"

namespace userpool::web {
namespace {

unsigned authorization_color(const std::string& type) {
  if (type == "COGNITO_USER_POOLS") return colors::green();
  if (type == "AWS_IAM") return colors::blue();
  if (type == "NONE") return colors::amber();
  return colors::grey();
}

std::vector<std::string> path_parts(const std::string& path) {
  std::vector<std::string> out;
  std::string part;
  for (char c : path + "/") {
    if (c != '/') {
      part += c;
    } else if (!part.empty()) {
      out.push_back(part);
      part.clear();
    }
  }
  return out;
}

bool listed(const std::vector<ComboChoice>& list, const std::string& value) {
  return std::any_of(list.begin(), list.end(), [&](const ComboChoice& c) { return c.value == value; });
}

bool has_id(const Json& items, const std::string& id) {
  return std::any_of(items.begin(), items.end(), [&](const Json& j) { return j.value("id", "") == id; });
}

}  // namespace

// --- Reading -----------------------------------------------------------------

void ApiGatewayPanel::refresh() {
  if (revision_ == ctx_.api.revision()) return;
  revision_ = ctx_.api.revision();
  apis_.clear();
  for (const auto& a : ctx_.api.peek("ApiGateway.GetRestApis", Json::object()).body.value("items", Json::array()))
    apis_.push_back({a.value("id", ""), a.value("name", "") + "  (" + a.value("id", "") + ")"});
  if (!listed(apis_, api_id_)) api_id_ = apis_.empty() ? "" : apis_.back().value;
  pools_.clear();
  pool_arns_.clear();
  for (const auto& p : ctx_.api.peek("ListUserPools", Json{{"MaxResults", 60}}).body.value("UserPools", Json::array())) {
    const std::string id = p.value("Id", "");
    pools_.push_back({id, p.value("Name", "") + "  (" + id + ")"});
    const Response d = ctx_.api.peek("DescribeUserPool", Json{{"UserPoolId", id}});
    pool_arns_[id] = d.body.value("/UserPool/Arn"_json_pointer, std::string());
  }
  region_ = pools_.empty() ? "us-east-1" : region_of(pools_.front().value);
  now_ = to_epoch_seconds(ctx_.api.now());
  read_api();
}

void ApiGatewayPanel::read_api() {
  resources_ = authorizers_ = stages_ = Json::array();
  if (!api_id_.empty()) {
    const Json api = {{"restApiId", api_id_}};
    Json with_methods = api;
    with_methods["embed"] = {"methods"};
    resources_ = ctx_.api.peek("ApiGateway.GetResources", with_methods).body.value("items", Json::array());
    authorizers_ = ctx_.api.peek("ApiGateway.GetAuthorizers", api).body.value("items", Json::array());
    stages_ = ctx_.api.peek("ApiGateway.GetStages", api).body.value("item", Json::array());
    std::sort(resources_.begin(), resources_.end(),
              [](const Json& a, const Json& b) { return a.value("path", "") < b.value("path", ""); });
  }
  pick_defaults();
}

// What each form starts from when its choice is gone or was never made.
void ApiGatewayPanel::pick_defaults() {
  if (!has_id(resources_, method_resource_)) {
    method_resource_.clear();
    for (const auto& r : resources_) method_resource_ = r.value("id", "");  // the last, deepest path
    method_loaded_.clear();
  }
  if (!listed(pools_, authorizer_pool_))
    authorizer_pool_ = listed(pools_, ctx_.session.pool_id) ? ctx_.session.pool_id : pools_.empty() ? "" : pools_[0].value;
  if (!has_id(authorizers_, method_authorizer_)) {
    method_authorizer_.clear();
    for (const auto& a : authorizers_)
      if (a.value("type", "") == "COGNITO_USER_POOLS") method_authorizer_ = a.value("id", "");
  }
  const bool stage_exists = std::any_of(stages_.begin(), stages_.end(), [&](const Json& s) {
    return s.value("stageName", "") == test_stage_;
  });
  if (!stage_exists) test_stage_ = stages_.empty() ? "" : stages_.back().value("stageName", "");
  if (!test_path_typed_) test_path_ = resource_path(method_resource_);
}

// Whether the API changed, through this app, after its stages were last deployed.
bool ApiGatewayPanel::undeployed_changes() const {
  if (stages_.empty()) return false;
  const auto& log = ctx_.api.log();
  for (auto it = log.rbegin(); it != log.rend(); ++it) {
    if (it->status != 200 || it->operation.rfind("ApiGateway.", 0) != 0) continue;
    if (!it->request.is_object() || it->request.value("restApiId", "") != api_id_) continue;
    const std::string op = it->operation.substr(11);
    if (op == "CreateDeployment") return false;
    if (op.rfind("Create", 0) == 0 || op.rfind("Put", 0) == 0 || op.rfind("Update", 0) == 0 || op.rfind("Delete", 0) == 0)
      return op != "DeleteStage";
  }
  return false;
}

const Json* ApiGatewayPanel::resource(const std::string& id) const {
  for (const auto& r : resources_)
    if (r.value("id", "") == id) return &r;
  return nullptr;
}

const Json* ApiGatewayPanel::method_of(const std::string& resource_id, const std::string& http_method) const {
  const Json* r = resource(resource_id);
  if (r == nullptr) return nullptr;
  const auto methods = r->find("resourceMethods");
  if (methods == r->end() || !methods->contains(http_method)) return nullptr;
  return &(*methods)[http_method];
}

std::string ApiGatewayPanel::resource_path(const std::string& id) const {
  const Json* r = resource(id);
  return r == nullptr ? std::string() : r->value("path", "");
}

std::string ApiGatewayPanel::authorizer_name(const std::string& id) const {
  for (const auto& a : authorizers_)
    if (a.value("id", "") == id) return a.value("name", "");
  return id;
}

std::string ApiGatewayPanel::invoke_url(const std::string& stage) const {
  return "https://" + api_id_ + ".execute-api." + region_ + ".amazonaws.com/" + stage;
}

bool ApiGatewayPanel::succeeded(const Response& r, const char* section) {
  if (r.status == 200) {
    errors_.erase(section);
    return true;
  }
  errors_[section] = api_error_text(r.body);
  return false;
}

// --- Drawing -----------------------------------------------------------------

void ApiGatewayPanel::draw() {
  refresh();
  heading(ctx_, "API Gateway");
  help_text("Protect a REST API with your user pool, step by step as in the API Gateway console, then call it with "
            "your user's tokens. Every method's backend is a mock that echoes the request and the token's claims.");
  ImGui::Spacing();
  const float width = std::min(ImGui::GetContentRegionAvail().x, ems(56));
  draw_api(width);
  if (api_id_.empty()) return;
  ImGui::Spacing();
  draw_resources(width);
  ImGui::Spacing();
  draw_authorizers(width);
  ImGui::Spacing();
  draw_method(width);
  ImGui::Spacing();
  draw_deploy(width);
  ImGui::Spacing();
  draw_test(width);
}

void ApiGatewayPanel::draw_api(float width) {
  begin_card(width);
  step_heading(ctx_, 1, "REST API");
  help_text("A REST API is a set of resources (paths) and methods that API Gateway serves at its own URL.");
  card_separator();
  if (!apis_.empty()) {
    row_label("API");
    if (named_combo("apigw.api", apis_, &api_id_, ems(24))) {
      method_loaded_.clear();
      sent_ = SentRequest{};
      response_ = Json();
      read_api();
    }
  }
  row_label("New API name");
  ImGui::SetNextItemWidth(ems(18));
  ImGui::InputTextWithHint("###apigw.api_name", "e.g. pets-api", &api_name_);
  ImGui::SameLine();
  if ((apis_.empty() ? primary_button("Create API###apigw.create_api") : ImGui::Button("Create API###apigw.create_api")))
    create_api();
  named_error(errors_["api"], "apigw.error.api");
  end_card();
}

void ApiGatewayPanel::draw_resources(float width) {
  begin_card(width);
  step_heading(ctx_, 2, "Resources");
  help_text("A resource is a path of the API, such as /pets or /pets/{petId}. Type a path: its missing parent "
            "resources are created too.");
  card_separator();
  for (const auto& r : resources_) {
    const std::string path = r.value("path", "");
    const int depth = static_cast<int>(path_parts(path).size());
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ems(1.2f) * static_cast<float>(depth));
    text_in(ctx_.fonts.mono, path.c_str());
    name_last_item(("###apigw.resource." + path).c_str());
    const Json methods = r.value("resourceMethods", Json::object());
    for (const auto& [http_method, m] : methods.items()) {
      const std::string type = m.value("authorizationType", "");
      std::string label = http_method + "  " + type;
      if (m.contains("authorizerId")) label += " (" + authorizer_name(m.value("authorizerId", "")) + ")";
      ImGui::SameLine();
      badge(label, authorization_color(type));
    }
  }
  ImGui::Spacing();
  row_label("Resource path");
  ImGui::SetNextItemWidth(ems(18));
  ImGui::InputTextWithHint("###apigw.resource_path", "e.g. /pets", &resource_path_);
  ImGui::SameLine();
  if (ImGui::Button("Create resource###apigw.create_resource")) create_resource();
  named_error(errors_["resource"], "apigw.error.resource");
  end_card();
}

void ApiGatewayPanel::draw_authorizers(float width) {
  begin_card(width);
  step_heading(ctx_, 3, "Cognito user pool authorizer");
  help_text("An authorizer of type COGNITO_USER_POOLS accepts the tokens of the user pools it names. It reads the "
            "token from a request header (the token source) and checks its signature against the pool's public keys "
            "and its expiry. It never asks Cognito, so a revoked token passes until it expires.");
  card_separator();
  if (authorizers_.empty()) help_text("No authorizers yet.");
  for (const auto& a : authorizers_) {
    std::string pools;
    for (const auto& arn : a.value("providerARNs", Json::array())) {
      const std::string text = arn.get<std::string>();
      pools += (pools.empty() ? "" : ", ") + text.substr(text.rfind('/') + 1);
    }
    std::string source = a.value("identitySource", "");
    if (source.rfind("method.request.header.", 0) == 0) source = source.substr(22) + " header";
    ImGui::TextUnformatted(a.value("name", "").c_str());
    ImGui::SameLine();
    badge(a.value("type", ""), colors::blue());
    ImGui::SameLine();
    help_text(("ID " + a.value("id", "") + ", reads the token from the " + source + ", accepts user pool " +
               (pools.empty() ? std::string("-") : pools))
                  .c_str());
  }
  ImGui::Spacing();
  row_label("Name");
  ImGui::SetNextItemWidth(ems(18));
  ImGui::InputTextWithHint("###apigw.authorizer_name", "e.g. users", &authorizer_name_);
  row_label("User pool");
  if (pools_.empty()) {
    ImGui::TextDisabled("No user pools yet.");
    ImGui::SameLine();
    if (ImGui::SmallButton("Create a user pool###apigw.create_pool")) ctx_.open(View::kCreatePool);
  } else {
    named_combo("apigw.authorizer_pool", pools_, &authorizer_pool_, ems(24));
  }
  row_label("Token source");
  ImGui::SetNextItemWidth(ems(18));
  ImGui::InputText("###apigw.token_source", &token_source_);
  ImGui::SameLine();
  ImGui::TextDisabled("header");
  if (ImGui::Button("Create authorizer###apigw.create_authorizer")) create_authorizer();
  named_error(errors_["authorizer"], "apigw.error.authorizer");
  end_card();
}

// --- Actions -----------------------------------------------------------------

void ApiGatewayPanel::create_api() {
  const Response r = ctx_.api.call("ApiGateway.CreateRestApi", Json{{"name", api_name_}});
  if (!succeeded(r, "api")) return;
  api_id_ = r.body.value("id", "");
  api_name_.clear();
  method_loaded_.clear();
  sent_ = SentRequest{};
  response_ = Json();
  ctx_.notify("REST API " + r.body.value("name", "") + " created");
}

void ApiGatewayPanel::create_resource() {
  const std::vector<std::string> parts = path_parts(resource_path_);
  if (parts.empty()) {
    errors_["resource"] = "Type the resource's path, such as /pets.";
    return;
  }
  std::string parent, path;
  for (const auto& r : resources_)
    if (r.value("path", "") == "/") parent = r.value("id", "");
  for (std::size_t i = 0; i < parts.size(); ++i) {
    path += "/" + parts[i];
    const auto existing = std::find_if(resources_.begin(), resources_.end(), [&](const Json& r) { return r.value("path", "") == path; });
    // Parents that exist are used; the last part is always asked for, so an existing one gets the API's refusal.
    if (existing != resources_.end() && i + 1 < parts.size()) {
      parent = existing->value("id", "");
      continue;
    }
    const Response r = ctx_.api.call("ApiGateway.CreateResource",
                                     Json{{"restApiId", api_id_}, {"parentId", parent}, {"pathPart", parts[i]}});
    if (!succeeded(r, "resource")) return;
    parent = r.body.value("id", "");
  }
  method_resource_ = parent;
  method_loaded_.clear();
  if (!test_path_typed_) test_path_ = path;
  resource_path_.clear();
  ctx_.notify("Resource " + path + " created");
}

void ApiGatewayPanel::create_authorizer() {
  Json arns = Json::array();
  if (!pool_arns_[authorizer_pool_].empty()) arns.push_back(pool_arns_[authorizer_pool_]);
  const Response r = ctx_.api.call("ApiGateway.CreateAuthorizer",
                                   Json{{"restApiId", api_id_},
                                        {"name", authorizer_name_},
                                        {"type", "COGNITO_USER_POOLS"},
                                        {"providerARNs", arns},
                                        {"identitySource", "method.request.header." + token_source_}});
  if (!succeeded(r, "authorizer")) return;
  method_authorizer_ = r.body.value("id", "");
  authorizer_name_.clear();
  ctx_.notify("Authorizer " + r.body.value("name", "") + " created");
}

}  // namespace userpool::web
