// API Gateway deployments and stages, and calling a deployed API:
// ApiGateway.CreateDeployment, GetDeployments, GetStages, GetStage,
// DeleteStage, and the sandbox's ApiGateway.Invoke (on AWS, an HTTPS request
// to the stage's URL).
#include <algorithm>
#include <cctype>

#include "core/services/api_gateway/operations_common.h"
#include "core/api/registry.h"
#include "core/services/api_gateway/invoke.h"

namespace userpool::ops {
namespace {

using namespace apigw;
using apigateway::Deployment;
using apigateway::RestApi;
using apigateway::Stage;

bool has_methods(const RestApi& api) {
  return std::any_of(api.resources.begin(), api.resources.end(), [](const auto& r) { return !r.methods.empty(); });
}

Stage& require_stage(RestApi& api, const Request& r) {
  Stage* stage = api.find_stage(r.string("stageName"));
  if (stage == nullptr) not_found("Invalid stage identifier specified");
  return *stage;
}

Json create_deployment(OpContext& ctx, const Request& r) {
  RestApi& api = require_api(ctx, r);
  const auto stage_name = r.optional_string("stageName");
  // UNVERIFIED: the stage name's allowed characters and the wording.
  if (stage_name && (stage_name->empty() || stage_name->size() > 128 ||
                     !std::all_of(stage_name->begin(), stage_name->end(), [](char c) {
                       return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '-';
                     })))
    bad_request("Stage name only allows a-zA-Z0-9_-");
  if (!has_methods(api)) bad_request("The REST API doesn't contain any methods");
  Deployment d;
  do d.id = new_id(ctx, 6);
  while (api.find_deployment(d.id) != nullptr);
  d.description = r.optional_string("description");
  d.created = ctx.now;
  d.snapshot = api.snapshot();
  const Json out = api.deployments.emplace_back(std::move(d)).describe();
  if (stage_name) {
    const std::string& id = api.deployments.back().id;
    if (Stage* stage = api.find_stage(*stage_name)) {
      stage->deployment_id = id;
      stage->last_updated = ctx.now;
    } else {
      api.stages.push_back(Stage{*stage_name, id, ctx.now, ctx.now});
    }
    ctx.rule("Stage " + *stage_name + " now serves deployment " + id +
             ": the resources, methods and authorizers as they are now; later changes need another deployment");
  } else {
    ctx.rule("A deployment without stageName is not served until a stage points at it");
  }
  return out;
}

Json get_deployments(OpContext& ctx, const Request& r) {
  const RestApi& api = require_api(ctx, r);
  Json items = Json::array();
  for (const auto& d : api.deployments) items.push_back(d.describe());
  return Json{{"items", items}};
}

Json get_stages(OpContext& ctx, const Request& r) {
  const RestApi& api = require_api(ctx, r);
  Json item = Json::array();  // API Gateway's GetStages answers "item", not "items"
  for (const auto& s : api.stages) item.push_back(s.describe());
  return Json{{"item", item}};
}

Json get_stage(OpContext& ctx, const Request& r) {
  RestApi& api = require_api(ctx, r);
  return require_stage(api, r).describe();
}

Json delete_stage(OpContext& ctx, const Request& r) {
  RestApi& api = require_api(ctx, r);
  const std::string name = require_stage(api, r).name;
  std::erase_if(api.stages, [&](const Stage& s) { return s.name == name; });
  ctx.rule("The stage's URL answers 403 Forbidden from now on");
  return Json::object();
}

Json invoke(OpContext& ctx, const Request& r) {
  apigateway::InvokeRequest request;
  request.rest_api_id = r.string("restApiId");
  request.stage_name = r.string("stageName");
  request.http_method = r.string("httpMethod");
  for (auto& c : request.http_method) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (!apigateway::is_http_method(request.http_method) || request.http_method == "ANY")
    bad_request("httpMethod must be GET, POST, PUT, DELETE, PATCH, HEAD or OPTIONS (a request has one method; ANY is "
                "only for defining methods).");
  request.path = r.optional_string("path").value_or("/");
  if (request.path.empty() || request.path.front() != '/') bad_request("path must start with \"/\", e.g. \"/pets\".");
  const auto headers = r.string_map("headers");
  request.headers.insert(headers.begin(), headers.end());

  const apigateway::InvokeResult result = apigateway::invoke(ctx.account, ctx.now, request);
  // The call itself succeeds whatever the gateway answered; the event names
  // the gateway's answer and the rule behind it.
  ctx.event.user_pool_id = result.user_pool_id;
  ctx.event.username = result.username;
  ctx.event.client_id = result.client_id;
  if (!result.error_type.empty()) {
    ctx.event.outcome = result.error_type;
    const Json message = result.body.value("message", Json());
    ctx.event.message = std::to_string(result.status_code) + " " + (message.is_string() ? message.get<std::string>() : "null");
  }
  ctx.rule(result.rule);
  return result.to_json();
}

}  // namespace


// The operations of this file, for the registry (core/api/registry.h).
const OperationTable& deployment_operations() {
  static const OperationTable table = {
      {"CreateDeployment", create_deployment, OperationKind::kChange},
      {"GetDeployments", get_deployments, OperationKind::kRead},
      {"GetStages", get_stages, OperationKind::kRead},
      {"GetStage", get_stage, OperationKind::kRead},
      {"DeleteStage", delete_stage, OperationKind::kChange},
      {"Invoke", invoke, OperationKind::kChange},
  };
  return table;
}

}  // namespace userpool::ops
