#include "core/api/dispatcher.h"

#include <map>

#include "core/api/api_error.h"
#include "core/api/operation.h"
#include "core/ops/operations.h"

namespace userpool {
namespace {

struct Operation {
  OperationHandler handler;
  // Whether a call is recorded in the event log: the sandbox's read-only
  // operations (and ImportState, whose result is the log) are not, so
  // looking never changes what is looked at.
  bool logged = true;
};

const std::map<std::string, Operation, std::less<>>& operations() {
  using namespace ops;
  static const std::map<std::string, Operation, std::less<>> table = {
      // User pools
      {"CreateUserPool", {create_user_pool}},
      {"DescribeUserPool", {describe_user_pool}},
      {"UpdateUserPool", {update_user_pool}},
      {"DeleteUserPool", {delete_user_pool}},
      {"ListUserPools", {list_user_pools}},
      {"AddCustomAttributes", {add_custom_attributes}},
      {"SetUserPoolMfaConfig", {set_user_pool_mfa_config}},
      {"GetUserPoolMfaConfig", {get_user_pool_mfa_config}},
      {"CreateUserPoolDomain", {create_user_pool_domain}},
      {"DescribeUserPoolDomain", {describe_user_pool_domain}},
      {"DeleteUserPoolDomain", {delete_user_pool_domain}},
      // App clients
      {"CreateUserPoolClient", {create_user_pool_client}},
      {"DescribeUserPoolClient", {describe_user_pool_client}},
      {"UpdateUserPoolClient", {update_user_pool_client}},
      {"DeleteUserPoolClient", {delete_user_pool_client}},
      {"ListUserPoolClients", {list_user_pool_clients}},
      // Sign-up and sign-in
      {"SignUp", {sign_up}},
      {"ConfirmSignUp", {confirm_sign_up}},
      {"ResendConfirmationCode", {resend_confirmation_code}},
      {"InitiateAuth", {initiate_auth}},
      {"AdminInitiateAuth", {admin_initiate_auth}},
      {"RespondToAuthChallenge", {respond_to_auth_challenge}},
      {"AdminRespondToAuthChallenge", {admin_respond_to_auth_challenge}},
      {"AssociateSoftwareToken", {associate_software_token}},
      {"VerifySoftwareToken", {verify_software_token}},
      {"SetUserMFAPreference", {set_user_mfa_preference}},
      {"AdminSetUserMFAPreference", {admin_set_user_mfa_preference}},
      // Passwords
      {"ForgotPassword", {forgot_password}},
      {"ConfirmForgotPassword", {confirm_forgot_password}},
      {"ChangePassword", {change_password}},
      {"AdminSetUserPassword", {admin_set_user_password}},
      {"AdminResetUserPassword", {admin_reset_user_password}},
      // The signed-in user
      {"GetUser", {get_user}},
      {"UpdateUserAttributes", {update_user_attributes}},
      {"DeleteUserAttributes", {delete_user_attributes}},
      {"GetUserAttributeVerificationCode", {get_user_attribute_verification_code}},
      {"VerifyUserAttribute", {verify_user_attribute}},
      {"DeleteUser", {delete_user}},
      {"GlobalSignOut", {global_sign_out}},
      {"RevokeToken", {revoke_token}},
      // Administrators
      {"AdminCreateUser", {admin_create_user}},
      {"AdminConfirmSignUp", {admin_confirm_sign_up}},
      {"AdminGetUser", {admin_get_user}},
      {"AdminUpdateUserAttributes", {admin_update_user_attributes}},
      {"AdminDeleteUserAttributes", {admin_delete_user_attributes}},
      {"AdminDisableUser", {admin_disable_user}},
      {"AdminEnableUser", {admin_enable_user}},
      {"AdminDeleteUser", {admin_delete_user}},
      {"AdminUserGlobalSignOut", {admin_user_global_sign_out}},
      {"ListUsers", {list_users}},
      // Groups
      {"CreateGroup", {create_group}},
      {"GetGroup", {get_group}},
      {"UpdateGroup", {update_group}},
      {"DeleteGroup", {delete_group}},
      {"ListGroups", {list_groups}},
      {"AdminAddUserToGroup", {admin_add_user_to_group}},
      {"AdminRemoveUserFromGroup", {admin_remove_user_from_group}},
      {"AdminListGroupsForUser", {admin_list_groups_for_user}},
      {"ListUsersInGroup", {list_users_in_group}},
      // The sandbox's own
      {"Sandbox.GetClock", {sandbox_get_clock, false}},
      {"Sandbox.SetClock", {sandbox_set_clock}},
      {"Sandbox.AdvanceClock", {sandbox_advance_clock}},
      {"Sandbox.ListMessages", {sandbox_list_messages, false}},
      {"Sandbox.ListEvents", {sandbox_list_events, false}},
      {"Sandbox.GetJwks", {sandbox_get_jwks, false}},
      {"Sandbox.GetOpenIdConfiguration", {sandbox_get_openid_configuration, false}},
      {"Sandbox.ExportState", {sandbox_export_state, false}},
      {"Sandbox.ImportState", {sandbox_import_state, false}},
      {"Sandbox.Reset", {sandbox_reset}},
      {"Sandbox.GetWizardDraft", {sandbox_get_wizard_draft, false}},
      {"Sandbox.PutWizardDraft", {sandbox_put_wizard_draft}},
      {"Sandbox.UpdateWizardDraft", {sandbox_update_wizard_draft}},
      {"Sandbox.DeleteWizardDraft", {sandbox_delete_wizard_draft}},
      {"Sandbox.StartBeanstalkApp", {sandbox_start_beanstalk_app}},
      // Connected services: API Gateway REST APIs ("Protect an API with your user pool")
      {"ApiGateway.CreateRestApi", {api_gateway_create_rest_api}},
      {"ApiGateway.GetRestApis", {api_gateway_get_rest_apis}},
      {"ApiGateway.GetRestApi", {api_gateway_get_rest_api}},
      {"ApiGateway.DeleteRestApi", {api_gateway_delete_rest_api}},
      {"ApiGateway.CreateResource", {api_gateway_create_resource}},
      {"ApiGateway.GetResources", {api_gateway_get_resources}},
      {"ApiGateway.GetResource", {api_gateway_get_resource}},
      {"ApiGateway.DeleteResource", {api_gateway_delete_resource}},
      {"ApiGateway.PutMethod", {api_gateway_put_method}},
      {"ApiGateway.GetMethod", {api_gateway_get_method}},
      {"ApiGateway.UpdateMethod", {api_gateway_update_method}},
      {"ApiGateway.DeleteMethod", {api_gateway_delete_method}},
      {"ApiGateway.CreateAuthorizer", {api_gateway_create_authorizer}},
      {"ApiGateway.GetAuthorizers", {api_gateway_get_authorizers}},
      {"ApiGateway.GetAuthorizer", {api_gateway_get_authorizer}},
      {"ApiGateway.UpdateAuthorizer", {api_gateway_update_authorizer}},
      {"ApiGateway.DeleteAuthorizer", {api_gateway_delete_authorizer}},
      {"ApiGateway.CreateDeployment", {api_gateway_create_deployment}},
      {"ApiGateway.GetDeployments", {api_gateway_get_deployments}},
      {"ApiGateway.GetStages", {api_gateway_get_stages}},
      {"ApiGateway.GetStage", {api_gateway_get_stage}},
      {"ApiGateway.DeleteStage", {api_gateway_delete_stage}},
      {"ApiGateway.Invoke", {api_gateway_invoke}},
      // Connected services: Elastic Beanstalk ("Connect an app on Elastic Beanstalk")
      {"ElasticBeanstalk.CreateApplication", {elastic_beanstalk_create_application}},
      {"ElasticBeanstalk.DescribeApplications", {elastic_beanstalk_describe_applications}},
      {"ElasticBeanstalk.CreateEnvironment", {elastic_beanstalk_create_environment}},
      {"ElasticBeanstalk.UpdateEnvironment", {elastic_beanstalk_update_environment}},
      {"ElasticBeanstalk.DescribeEnvironments", {elastic_beanstalk_describe_environments}},
      {"ElasticBeanstalk.DescribeConfigurationSettings", {elastic_beanstalk_describe_configuration_settings}},
      {"ElasticBeanstalk.TerminateEnvironment", {elastic_beanstalk_terminate_environment}},
  };
  return table;
}

// The error a service answers a request that breaks its shapes with. The
// request reader words them all as Cognito's InvalidParameterException;
// API Gateway says BadRequestException and Elastic Beanstalk
// InvalidParameterValue (Sandbox.StartBeanstalkApp stands for the
// Beanstalk app, so it speaks as Beanstalk).
std::string_view malformed_request_error(std::string_view operation) {
  if (operation.starts_with("ApiGateway.")) return "BadRequestException";
  if (operation.starts_with("ElasticBeanstalk.") || operation == "Sandbox.StartBeanstalkApp")
    return "InvalidParameterValue";
  return "InvalidParameterException";
}

Response error_response(const ApiError& e) {
  return Response{e.status, Json{{"__type", e.type}, {"message", e.message}}};
}

}  // namespace

std::vector<std::string> operation_names() {
  std::vector<std::string> names;
  for (const auto& [name, op] : operations()) names.push_back(name);
  return names;
}

Response call(Account& account, std::string_view operation, const Json& request, const CallOptions& options) {
  if (operation.substr(0, kTargetPrefix.size()) == kTargetPrefix) operation.remove_prefix(kTargetPrefix.size());
  const auto found = operations().find(operation);
  if (found == operations().end())
    return error_response({"UnknownOperationException", "The operation " + std::string(operation) + " is not known.", 400, {}});

  Event event;
  event.operation = std::string(operation);
  OpContext ctx{account, account.clock.now(), event};
  event.time = ctx.now;
  Response response;
  try {
    const Request r(event.operation, request);
    response.body = found->second.handler(ctx, r);
  } catch (const ApiException& e) {
    ApiError error = e.error();
    if (error.type == "InvalidParameterException") error.type = malformed_request_error(operation);
    response = error_response(error);
    event.outcome = error.type;
    event.message = error.message;
    if (!error.rule.empty()) event.rules.push_back(error.rule);
  } catch (const std::exception& e) {
    // A fault of the sandbox itself, never of the request: Cognito's 500.
    response = error_response({"InternalErrorException", "An internal error occurred in the sandbox.", 500, {}});
    event.outcome = "InternalErrorException";
    event.message = e.what();
  }
  event.status = response.status;
  if (found->second.logged && options.record_event) account.events.add(std::move(event));
  return response;
}

Response call_text(Account& account, std::string_view operation, std::string_view request_text) {
  const auto request = parse_json_text(request_text.empty() ? std::string_view("{}") : request_text);
  if (!request)
    return Response{400, Json{{"__type", "SerializationException"}, {"message", "The request body is not JSON: " + request.error()}}};
  return call(account, operation, *request);
}

}  // namespace userpool
