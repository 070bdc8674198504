// Which operations only read the sandbox. Two parts of the app depend on the
// answer and must agree: the UI does not count a read as a change (nothing
// to save, nothing for a lesson to re-check), and a lesson's checks may call
// only reads, so that checking a goal never changes what is checked.
#pragma once

#include <string_view>

namespace userpool {

// Describe*, Get*, List*, AdminGet*, AdminList*, the sandbox's own reads
// (Sandbox.Get*, Sandbox.List*, Sandbox.ExportState), ApiGateway.Get* and
// ElasticBeanstalk.Describe*/List*. The Cognito target prefix is ignored.
// GetUserAttributeVerificationCode is not a read despite its name: it sends
// a code.
bool is_read_only_operation(std::string_view operation);

}  // namespace userpool
