// The sandbox's API Gateway console: a learner protects a REST API with
// their user pool as in the AWS console (a REST API, a resource, a Cognito
// user pool authorizer, a method that uses it, a deployment to a stage),
// then sends test requests with the signed-in user's tokens and reads what
// the gateway answers and why. Setting up is in api_gateway_panel.cpp, test
// requests in api_gateway_test_request.cpp.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/base/json.h"
#include "web/services/service_forms.h"
#include "web/shell/ui_context.h"

namespace userpool::web {

class ApiGatewayPanel {
 public:
  explicit ApiGatewayPanel(UiContext& ctx) : ctx_(ctx) {}
  void draw();

  // The answer to the last test request (ApiGateway.Invoke's response:
  // url, statusCode, headers, body, reason, checks); null before the first.
  const Json& last_response() const { return response_; }

 private:
  // What the last test request sent, as the panel shows it.
  struct SentRequest {
    std::string method, url, header, token;
  };

  void refresh();
  void read_api();  // the selected API's resources, authorizers and stages
  void pick_defaults();
  bool undeployed_changes() const;

  void draw_api(float width);
  void draw_resources(float width);
  void draw_authorizers(float width);
  void draw_method(float width);
  void draw_deploy(float width);
  void draw_test(float width);
  void draw_token_choice();
  void draw_exchange(float inner_width);

  void create_api();
  void create_resource();
  void create_authorizer();
  void put_method();
  void deploy();
  void send();
  void expire_token();

  // Whether the call succeeded; if not, its error is kept for `section`.
  bool succeeded(const Response& r, const char* section);
  const Json* resource(const std::string& id) const;
  const Json* method_of(const std::string& resource_id, const std::string& http_method) const;
  std::string resource_path(const std::string& id) const;
  std::string authorizer_name(const std::string& id) const;
  void load_method_form();
  std::string invoke_url(const std::string& stage) const;
  // The token the chosen source gives, or empty with *problem saying why.
  std::string token_to_send(std::string* problem) const;
  // The header the method under test reads its token from.
  std::string token_header() const;

  UiContext& ctx_;
  std::uint64_t revision_ = ~0ull;
  std::string region_;
  double now_ = 0;  // the virtual clock, epoch seconds
  std::vector<ComboChoice> apis_, pools_;
  std::map<std::string, std::string> pool_arns_;  // user pool ID -> ARN
  std::string api_id_;
  Json resources_ = Json::array(), authorizers_ = Json::array(), stages_ = Json::array();
  std::map<std::string, std::string> errors_;  // by section

  std::string api_name_, resource_path_;
  std::string authorizer_name_, authorizer_pool_, token_source_ = "Authorization";
  std::string method_resource_, method_ = "GET", auth_type_ = "NONE", method_authorizer_, scopes_;
  std::string method_loaded_;  // "<resource id> <method>" the form was filled from
  std::string stage_name_ = "prod";
  std::string test_stage_, test_method_ = "GET", test_path_, token_choice_ = "id", pasted_token_;
  bool test_path_typed_ = false;

  SentRequest sent_;
  Json response_;
};

}  // namespace userpool::web
