#include "core/api/registry.h"

#include <map>

#include "core/api/dispatcher.h"

namespace userpool {

// Each ops file's table (defined at the end of the file).
namespace ops {
const OperationTable& pool_operations();
const OperationTable& client_operations();
const OperationTable& sign_up_operations();
const OperationTable& auth_operations();
const OperationTable& challenge_operations();
const OperationTable& mfa_operations();
const OperationTable& password_operations();
const OperationTable& self_service_operations();
const OperationTable& admin_user_operations();
const OperationTable& list_users_operations();
const OperationTable& group_operations();
const OperationTable& resource_server_operations();
const OperationTable& identity_provider_operations();
const OperationTable& provider_link_operations();
const OperationTable& domain_operations();
const OperationTable& ui_customization_operations();
const OperationTable& managed_login_branding_operations();
const OperationTable& sandbox_operations();
const OperationTable& wizard_draft_operations();
const OperationTable& start_beanstalk_app_operations();
const OperationTable& rest_api_operations();
const OperationTable& authorizer_operations();
const OperationTable& deployment_operations();
const OperationTable& elastic_beanstalk_operations();
}  // namespace ops
namespace hosted {
const OperationTable& authorize_operations();
const OperationTable& sign_in_page_operations();
const OperationTable& token_endpoint_operations();
const OperationTable& federation_operations();
const OperationTable& saml_federation_operations();
}  // namespace hosted
namespace simulated_idp {
const OperationTable& provider_operations();
const OperationTable& saml_provider_operations();
const OperationTable& account_id_operations();
StateSection provider_state();
}  // namespace simulated_idp
namespace ops {
// Each service's part of the saved state (defined beside its tables).
StateSection wizard_draft_state();
StateSection api_gateway_state();
StateSection elastic_beanstalk_state();
}  // namespace ops

const std::vector<Service>& services() {
  using namespace ops;
  static const std::vector<Service> list = {
      {"Cognito", "", "InvalidParameterException",
       {&pool_operations(), &client_operations(), &sign_up_operations(), &auth_operations(), &challenge_operations(),
        &mfa_operations(), &password_operations(), &self_service_operations(), &admin_user_operations(),
        &list_users_operations(), &group_operations(), &resource_server_operations(), &identity_provider_operations(),
        &provider_link_operations(), &domain_operations(), &ui_customization_operations(), &managed_login_branding_operations()},
       {}},
      // The pools' domains: the hosted UI's pages and the OAuth 2.0 endpoints
      // (core/hosted/site.h), called with the parts of an HTTP request.
      {"HostedUI", "HostedUI.", "InvalidParameterException",
       {&hosted::authorize_operations(), &hosted::sign_in_page_operations(), &hosted::token_endpoint_operations(),
        &hosted::federation_operations(), &hosted::saml_federation_operations()},
       {}},
      // The identity providers pools federate with, simulated
      // (core/services/simulated_idp/simulated_idp.h).
      {"SimulatedIdP", "SimulatedIdP.", "InvalidParameterException", {&simulated_idp::provider_operations(), &simulated_idp::saml_provider_operations(),
                                                          &simulated_idp::account_id_operations()},
       {simulated_idp::provider_state()}},
      // The connected services the tutorials use, with their own APIs' errors.
      {"ApiGateway", "ApiGateway.", "BadRequestException",
       {&rest_api_operations(), &authorizer_operations(), &deployment_operations()},
       {api_gateway_state()}},
      {"ElasticBeanstalk", "ElasticBeanstalk.", "InvalidParameterValue", {&elastic_beanstalk_operations()},
       {elastic_beanstalk_state()}},
      // The sandbox's own: its clock, inbox, events, state, the wizard's draft.
      {"Sandbox", "Sandbox.", "InvalidParameterException",
       {&sandbox_operations(), &wizard_draft_operations(), &start_beanstalk_app_operations()},
       {wizard_draft_state()}},
  };
  return list;
}

const std::vector<RegisteredOperation>& all_operations() {
  static const std::vector<RegisteredOperation> list = [] {
    std::vector<RegisteredOperation> out;
    for (const Service& service : services())
      for (const OperationTable* table : service.tables)
        for (const OperationSpec& spec : *table)
          out.push_back({&service, &spec, std::string(service.prefix) + std::string(spec.name)});
    return out;
  }();
  return list;
}

const RegisteredOperation* find_operation(std::string_view name) {
  static const std::map<std::string, const RegisteredOperation*, std::less<>> by_name = [] {
    std::map<std::string, const RegisteredOperation*, std::less<>> out;
    for (const RegisteredOperation& op : all_operations()) out.emplace(op.name, &op);
    return out;
  }();
  if (name.starts_with(kTargetPrefix)) name.remove_prefix(kTargetPrefix.size());
  const auto found = by_name.find(name);
  return found == by_name.end() ? nullptr : found->second;
}

std::vector<std::string> operation_names() {
  std::vector<std::string> names;
  for (const RegisteredOperation& op : all_operations()) names.push_back(op.name);
  return names;
}

OperationKind kind_by_verb(std::string_view name) {
  if (name.starts_with("Admin")) name.remove_prefix(5);
  for (std::string_view verb : {"Describe", "Get", "List", "Export"})
    if (name.starts_with(verb)) return OperationKind::kRead;
  return OperationKind::kChange;
}

bool is_read_only_operation(std::string_view operation) {
  const RegisteredOperation* op = find_operation(operation);
  return op != nullptr && op->spec->kind == OperationKind::kRead;
}

}  // namespace userpool
