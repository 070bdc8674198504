// Sending codes and invitations into the simulated outbox, rendered from the
// pool's templates, and the CodeDeliveryDetails Cognito answers with.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/api/operation.h"

namespace userpool::ops {

struct Destination {
  std::string medium;     // EMAIL | SMS
  std::string address;    // the email address or phone number
  std::string attribute;  // email | phone_number
};

Destination destination_of(const User& user, std::string_view attribute);

// Where a sign-up's confirmation code goes (AutoVerifiedAttributes): the
// phone when both can be used (Developer Guide: "Verifying contact information at sign-up"); nullopt when neither.
std::optional<Destination> sign_up_destination(const PoolConfig& config, const User& user);

// {"Destination": masked, "DeliveryMedium", "AttributeName"}
Json code_delivery_details(const Destination& d);

// The CodeDeliveryDetails Cognito makes up for a user that does not exist
// when the client prevents user-existence errors (Developer Guide: "Managing user existence error responses"): the
// medium follows the username's shape and the pool's settings.
Json simulated_delivery(const PoolConfig& config, std::string_view username);

// What a code is for: it picks the template.
enum class CodePurpose { kSignUp, kResendCode, kForgotPassword, kAttributeVerification, kMfa };

// Sends a code (checking the daily email quota and the SMS configuration) and
// returns its CodeDeliveryDetails. Throws before anything is sent if it cannot be.
Json deliver_code(OpContext& ctx, UserPool& pool, const User& user, const Destination& to, CodePurpose purpose,
                  const std::string& code, std::string_view client_id = {});

// Sends an invitation with the temporary password to each medium.
void deliver_invitation(OpContext& ctx, UserPool& pool, const User& user, const Destination& to,
                        const std::string& temporary_password);

}  // namespace userpool::ops
