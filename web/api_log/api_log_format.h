// How an API log entry reads as text: the HTTP request and response as the
// wire would carry them (Cognito speaks the AWS JSON 1.1 protocol: every call
// is "POST /" with the operation in X-Amz-Target), the same call as an AWS
// CLI command, and a one-line summary for the log's list. No ImGui here, so
// tests can check the text itself.
//
// Contents
//   - Operation names   plain_operation, is_sandbox_operation, cli_operation_name
//   - Reading entries   text_member, error_type
//   - Wire text         wire_request, wire_response, aws_cli_command
//   - The list's line   request_summary, matches_filter
#pragma once

#include <string>
#include <string_view>

#include "web/shell/api_client.h"

namespace userpool::web {

// --- Operation names -------------------------------------------------------

// "SignUp" for "SignUp" or "AWSCognitoIdentityProviderService.SignUp".
std::string_view plain_operation(std::string_view operation);
// The sandbox's own operations ("Sandbox.AdvanceClock"): Cognito has no such
// operation, so there is no CLI form of them.
bool is_sandbox_operation(std::string_view operation);
// The AWS CLI's name for an operation, as botocore derives it:
// "AdminInitiateAuth" -> "admin-initiate-auth",
// "SetUserMFAPreference" -> "set-user-mfa-preference".
std::string cli_operation_name(std::string_view operation);

// --- Reading entries -------------------------------------------------------

// A string member of a JSON object, or "" when absent or not a string (never
// throws, unlike Json::value on a non-object).
std::string text_member(const Json& object, const char* name);
// The error's __type ("NotAuthorizedException"); "" for a success. A failure
// without a __type reads as "HTTP <status>".
std::string error_type(const ApiLogEntry& entry);

// --- Wire text -------------------------------------------------------------

// The request as sent: request line, headers, blank line, pretty JSON body.
// Operations other than the unauthenticated user ones are signed with IAM
// credentials (SigV4), so they show the Authorization header's shape.
// `region` names the endpoint (cognito-idp.<region>.amazonaws.com).
std::string wire_request(const ApiLogEntry& entry, std::string_view region);
// The response as received: status line, headers, blank line, pretty JSON.
std::string wire_response(const ApiLogEntry& entry);
// `aws cognito-idp <op> --cli-input-json '<json>'`, quoted for a POSIX shell;
// "" for the sandbox's own operations (see is_sandbox_operation).
std::string aws_cli_command(const ApiLogEntry& entry);
// Whether an operation needs SigV4-signed IAM credentials (the Admin*,
// pool and client management calls) rather than being a public user call.
bool needs_iam_signature(std::string_view operation);
// "OK", "Bad Request", ... for the status codes the sandbox answers with.
const char* http_reason(int status);

// --- The list's line ---------------------------------------------------------

// The request body on one line, with long strings (passwords are short, but
// SRP_A, tokens and sessions run to hundreds of characters) shortened to
// their start and length, and the whole cut to `max_chars`.
std::string request_summary(const Json& request, std::size_t max_chars = 160);
// The lower-case text a filter is matched against: the operation and both
// bodies. Computed once per entry (the panel caches it).
std::string searchable_text(const ApiLogEntry& entry);
// Lower-cases ASCII letters (filters match regardless of case).
std::string lower_ascii(std::string_view text);

}  // namespace userpool::web
