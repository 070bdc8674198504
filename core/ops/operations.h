// Every operation handler, by the file it lives in. The dispatcher maps
// Cognito's operation names to these.
#pragma once

#include "core/api/operation.h"

namespace userpool::ops {

// pools.cpp
Json create_user_pool(OpContext&, const Request&);
Json describe_user_pool(OpContext&, const Request&);
Json update_user_pool(OpContext&, const Request&);
Json delete_user_pool(OpContext&, const Request&);
Json list_user_pools(OpContext&, const Request&);
Json add_custom_attributes(OpContext&, const Request&);
Json set_user_pool_mfa_config(OpContext&, const Request&);
Json get_user_pool_mfa_config(OpContext&, const Request&);
Json create_user_pool_domain(OpContext&, const Request&);
Json describe_user_pool_domain(OpContext&, const Request&);
Json delete_user_pool_domain(OpContext&, const Request&);

// clients.cpp
Json create_user_pool_client(OpContext&, const Request&);
Json describe_user_pool_client(OpContext&, const Request&);
Json update_user_pool_client(OpContext&, const Request&);
Json delete_user_pool_client(OpContext&, const Request&);
Json list_user_pool_clients(OpContext&, const Request&);

// sign_up.cpp
Json sign_up(OpContext&, const Request&);
Json confirm_sign_up(OpContext&, const Request&);
Json resend_confirmation_code(OpContext&, const Request&);

// auth.cpp
Json initiate_auth(OpContext&, const Request&);
Json admin_initiate_auth(OpContext&, const Request&);

// challenges.cpp
Json respond_to_auth_challenge(OpContext&, const Request&);
Json admin_respond_to_auth_challenge(OpContext&, const Request&);

// mfa.cpp
Json associate_software_token(OpContext&, const Request&);
Json verify_software_token(OpContext&, const Request&);
Json set_user_mfa_preference(OpContext&, const Request&);
Json admin_set_user_mfa_preference(OpContext&, const Request&);

// passwords.cpp
Json forgot_password(OpContext&, const Request&);
Json confirm_forgot_password(OpContext&, const Request&);
Json change_password(OpContext&, const Request&);
Json admin_set_user_password(OpContext&, const Request&);
Json admin_reset_user_password(OpContext&, const Request&);

// self_service.cpp
Json get_user(OpContext&, const Request&);
Json update_user_attributes(OpContext&, const Request&);
Json delete_user_attributes(OpContext&, const Request&);
Json get_user_attribute_verification_code(OpContext&, const Request&);
Json verify_user_attribute(OpContext&, const Request&);
Json delete_user(OpContext&, const Request&);
Json global_sign_out(OpContext&, const Request&);
Json revoke_token(OpContext&, const Request&);

// admin_users.cpp
Json admin_create_user(OpContext&, const Request&);
Json admin_confirm_sign_up(OpContext&, const Request&);
Json admin_get_user(OpContext&, const Request&);
Json admin_update_user_attributes(OpContext&, const Request&);
Json admin_delete_user_attributes(OpContext&, const Request&);
Json admin_disable_user(OpContext&, const Request&);
Json admin_enable_user(OpContext&, const Request&);
Json admin_delete_user(OpContext&, const Request&);
Json admin_user_global_sign_out(OpContext&, const Request&);

// list_users.cpp
Json list_users(OpContext&, const Request&);

// groups.cpp
Json create_group(OpContext&, const Request&);
Json get_group(OpContext&, const Request&);
Json update_group(OpContext&, const Request&);
Json delete_group(OpContext&, const Request&);
Json list_groups(OpContext&, const Request&);
Json admin_add_user_to_group(OpContext&, const Request&);
Json admin_remove_user_from_group(OpContext&, const Request&);
Json admin_list_groups_for_user(OpContext&, const Request&);
Json list_users_in_group(OpContext&, const Request&);

// sandbox.cpp (the sandbox's own operations, "Sandbox.<Name>")
Json sandbox_get_clock(OpContext&, const Request&);
Json sandbox_set_clock(OpContext&, const Request&);
Json sandbox_advance_clock(OpContext&, const Request&);
Json sandbox_list_messages(OpContext&, const Request&);
Json sandbox_list_events(OpContext&, const Request&);
Json sandbox_get_jwks(OpContext&, const Request&);
Json sandbox_get_openid_configuration(OpContext&, const Request&);
Json sandbox_export_state(OpContext&, const Request&);
Json sandbox_import_state(OpContext&, const Request&);
Json sandbox_reset(OpContext&, const Request&);
Json sandbox_get_wizard_draft(OpContext&, const Request&);
Json sandbox_put_wizard_draft(OpContext&, const Request&);
Json sandbox_update_wizard_draft(OpContext&, const Request&);
Json sandbox_delete_wizard_draft(OpContext&, const Request&);

// elastic_beanstalk.cpp: the sample app starting on an environment
Json sandbox_start_beanstalk_app(OpContext&, const Request&);

// api_gateway.cpp ("ApiGateway.<Name>": REST APIs, resources, methods)
Json api_gateway_create_rest_api(OpContext&, const Request&);
Json api_gateway_get_rest_apis(OpContext&, const Request&);
Json api_gateway_get_rest_api(OpContext&, const Request&);
Json api_gateway_delete_rest_api(OpContext&, const Request&);
Json api_gateway_create_resource(OpContext&, const Request&);
Json api_gateway_get_resources(OpContext&, const Request&);
Json api_gateway_get_resource(OpContext&, const Request&);
Json api_gateway_delete_resource(OpContext&, const Request&);
Json api_gateway_put_method(OpContext&, const Request&);
Json api_gateway_get_method(OpContext&, const Request&);
Json api_gateway_update_method(OpContext&, const Request&);
Json api_gateway_delete_method(OpContext&, const Request&);

// api_gateway_authorizers.cpp
Json api_gateway_create_authorizer(OpContext&, const Request&);
Json api_gateway_get_authorizers(OpContext&, const Request&);
Json api_gateway_get_authorizer(OpContext&, const Request&);
Json api_gateway_update_authorizer(OpContext&, const Request&);
Json api_gateway_delete_authorizer(OpContext&, const Request&);

// api_gateway_deployments.cpp (deployments, stages, and Invoke: a request to a stage)
Json api_gateway_create_deployment(OpContext&, const Request&);
Json api_gateway_get_deployments(OpContext&, const Request&);
Json api_gateway_get_stages(OpContext&, const Request&);
Json api_gateway_get_stage(OpContext&, const Request&);
Json api_gateway_delete_stage(OpContext&, const Request&);
Json api_gateway_invoke(OpContext&, const Request&);

// elastic_beanstalk.cpp ("ElasticBeanstalk.<Name>")
Json elastic_beanstalk_create_application(OpContext&, const Request&);
Json elastic_beanstalk_describe_applications(OpContext&, const Request&);
Json elastic_beanstalk_create_environment(OpContext&, const Request&);
Json elastic_beanstalk_update_environment(OpContext&, const Request&);
Json elastic_beanstalk_describe_environments(OpContext&, const Request&);
Json elastic_beanstalk_describe_configuration_settings(OpContext&, const Request&);
Json elastic_beanstalk_terminate_environment(OpContext&, const Request&);

}  // namespace userpool::ops
