// The API Gateway console, steps 4 and 5: a method on a resource and who may
// call it (NONE, AWS_IAM, or a COGNITO_USER_POOLS authorizer with optional
// OAuth scopes), and deploying the API to a stage.
#include <algorithm>
#include <sstream>

#include "imgui.h"
#include "imgui_stdlib.h"
#include "web/services/api_gateway_panel.h"
#include "web/shell/named_item.h"
#include "web/shell/widgets.h"

namespace userpool::web {
namespace {

const std::vector<ComboChoice> kMethods = {
    {"GET", "GET"}, {"POST", "POST"}, {"PUT", "PUT"}, {"DELETE", "DELETE"}, {"ANY", "ANY"}};
const std::vector<ComboChoice> kAuthorizationTypes = {
    {"NONE", "NONE"}, {"AWS_IAM", "AWS_IAM"}, {"COGNITO_USER_POOLS", "COGNITO_USER_POOLS"}};

const char* authorization_help(const std::string& type) {
  if (type == "COGNITO_USER_POOLS")
    return "The method's user pool authorizer checks the token in the request header: signed by one of its user "
           "pools and not expired. Without scopes the method takes ID tokens; with scopes, access tokens that carry "
           "one of them.";
  if (type == "AWS_IAM")
    return "Requests must be signed with Signature Version 4 using AWS credentials (for example temporary ones from a "
           "Cognito identity pool). A user pool JWT in the Authorization header is refused with 403 "
           "IncompleteSignatureException.";
  return "Anyone can call the method: no token is checked.";
}

std::vector<std::string> words(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

}  // namespace

void ApiGatewayPanel::load_method_form() {
  const std::string key = method_resource_ + " " + method_;
  if (key == method_loaded_) return;
  method_loaded_ = key;
  const Json* m = method_of(method_resource_, method_);
  if (m == nullptr) return;
  auth_type_ = m->value("authorizationType", "NONE");
  if (m->contains("authorizerId")) method_authorizer_ = m->value("authorizerId", "");
  scopes_.clear();
  for (const auto& s : m->value("authorizationScopes", Json::array())) scopes_ += (scopes_.empty() ? "" : " ") + s.get<std::string>();
}

void ApiGatewayPanel::draw_method(float width) {
  load_method_form();
  begin_card(width);
  step_heading(ctx_, 4, "Method and its authorization");
  help_text("A method is an HTTP verb on a resource. Its authorization decides who may call it.");
  card_separator();
  std::vector<ComboChoice> resources;
  for (const auto& r : resources_) resources.push_back({r.value("id", ""), r.value("path", "")});
  row_label("Resource");
  if (named_combo("apigw.method_resource", resources, &method_resource_, ems(18)) && !test_path_typed_)
    test_path_ = resource_path(method_resource_);
  row_label("Method");
  named_combo("apigw.method", kMethods, &method_, ems(10));
  row_label("Authorization");
  named_combo("apigw.authorization_type", kAuthorizationTypes, &auth_type_, ems(18));
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + row_field_x());
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - row_field_x() - 2 * ImGui::GetStyle().WindowPadding.x);
  help_text(authorization_help(auth_type_));
  ImGui::PopTextWrapPos();
  const bool cognito = auth_type_ == "COGNITO_USER_POOLS";
  ImGui::BeginDisabled(!cognito);
  std::vector<ComboChoice> authorizers;
  for (const auto& a : authorizers_)
    if (a.value("type", "") == "COGNITO_USER_POOLS") authorizers.push_back({a.value("id", ""), a.value("name", "")});
  row_label("Authorizer");
  named_combo("apigw.method_authorizer", authorizers, &method_authorizer_, ems(18),
              authorizers.empty() ? "None yet (step 3)" : "Choose...");
  row_label("OAuth scopes");
  ImGui::SetNextItemWidth(ems(24));
  ImGui::InputTextWithHint("###apigw.method_scopes", "none: the method takes ID tokens", &scopes_);
  ImGui::EndDisabled();
  if (cognito)
    help_text("Scopes, separated by spaces (such as aws.cognito.signin.user.admin or a resource server's "
              "orders/read), make the method take access tokens carrying one of them instead of ID tokens.");
  const bool exists = method_of(method_resource_, method_) != nullptr;
  if (primary_button(exists ? "Save method###apigw.put_method" : "Create method###apigw.put_method")) put_method();
  named_error(errors_["method"], "apigw.error.method");
  end_card();
}

void ApiGatewayPanel::draw_deploy(float width) {
  begin_card(width);
  step_heading(ctx_, 5, "Deploy to a stage");
  help_text("A deployment is a snapshot of the API; a stage serves one at its own URL. Changes made later are not "
            "live until you deploy again.");
  card_separator();
  for (const auto& s : stages_) {
    const std::string name = s.value("stageName", "");
    ImGui::TextUnformatted(name.c_str());
    ImGui::SameLine(ems(6));
    copyable_value(ctx_, nullptr, invoke_url(name), ("apigw.stage_url." + name).c_str());
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ems(6));
    ImGui::TextDisabled("serves deployment %s, deployed %s", s.value("deploymentId", "").c_str(),
                        date_text(s.value("lastUpdatedDate", Json())).c_str());
  }
  if (undeployed_changes()) {
    badge("Changes not deployed yet", colors::amber());
    name_last_item("###apigw.undeployed");
  }
  row_label("Stage name");
  ImGui::SetNextItemWidth(ems(12));
  ImGui::InputText("###apigw.stage_name", &stage_name_);
  ImGui::SameLine();
  if (primary_button("Deploy###apigw.deploy")) deploy();
  named_error(errors_["deploy"], "apigw.error.deploy");
  end_card();
}

void ApiGatewayPanel::put_method() {
  const bool cognito = auth_type_ == "COGNITO_USER_POOLS";
  const std::vector<std::string> scopes = cognito ? words(scopes_) : std::vector<std::string>{};
  const Json* existing = method_of(method_resource_, method_);
  const Json target = {{"restApiId", api_id_}, {"resourceId", method_resource_}, {"httpMethod", method_}};
  Response r;
  if (existing == nullptr) {
    Json request = target;
    request["authorizationType"] = auth_type_;
    if (cognito) request["authorizerId"] = method_authorizer_;
    if (!scopes.empty()) request["authorizationScopes"] = scopes;
    r = ctx_.api.call("ApiGateway.PutMethod", request);
  } else {
    Json patches = Json::array({{{"op", "replace"}, {"path", "/authorizationType"}, {"value", auth_type_}}});
    if (cognito) patches.push_back({{"op", "replace"}, {"path", "/authorizerId"}, {"value", method_authorizer_}});
    const Json old = existing->value("authorizationScopes", Json::array());
    for (const auto& s : old)
      if (std::find(scopes.begin(), scopes.end(), s.get<std::string>()) == scopes.end())
        patches.push_back({{"op", "remove"}, {"path", "/authorizationScopes"}, {"value", s}});
    for (const auto& s : scopes)
      if (std::find(old.begin(), old.end(), Json(s)) == old.end())
        patches.push_back({{"op", "add"}, {"path", "/authorizationScopes"}, {"value", s}});
    Json request = target;
    request["patchOperations"] = patches;
    r = ctx_.api.call("ApiGateway.UpdateMethod", request);
  }
  if (!succeeded(r, "method")) return;
  method_loaded_ = method_resource_ + " " + method_;
  ctx_.notify(method_ + " " + resource_path(method_resource_) + (existing == nullptr ? " created" : " saved") +
              (stages_.empty() ? "" : ": deploy to make it live"));
}

void ApiGatewayPanel::deploy() {
  const Response r = ctx_.api.call("ApiGateway.CreateDeployment", Json{{"restApiId", api_id_}, {"stageName", stage_name_}});
  if (!succeeded(r, "deploy")) return;
  test_stage_ = stage_name_;
  ctx_.notify("Deployed to stage " + stage_name_);
}

}  // namespace userpool::web
