// Changing a user's attributes after sign-up (UpdateUserAttributes,
// AdminUpdateUserAttributes) and verifying email and phone numbers
// (API Reference: UserAttributeUpdateSettingsType, UpdateUserAttributes, VerifyUserAttribute).
#pragma once

#include <string>

#include "core/api/operation.h"

namespace userpool::ops {

// Applies checked attribute changes. A new email or phone number becomes
// unverified, or waits as a pending update when the pool keeps the original
// until the new one is verified; a code goes to it when the pool verifies
// that attribute. An administrator may also set the verified flags (setting
// email_verified with the email skips the code). Returns the
// CodeDeliveryDetailsList.
Json apply_attribute_updates(OpContext& ctx, UserPool& pool, User& user, const AttributeList& updates, bool admin);

// Throws InvalidParameterException unless `attribute` is the user's email or
// phone number (current or pending), the attributes that take a code.
void check_attribute_can_be_verified(const User& user, const std::string& attribute);

// Sends a verification code for the user's email or phone number (the
// pending new value, if there is one).
Json send_attribute_code(OpContext& ctx, UserPool& pool, User& user, const std::string& attribute);

// Checks a verification code; on success the attribute is verified (and a
// pending value takes effect).
void verify_attribute(OpContext& ctx, UserPool& pool, User& user, const std::string& attribute, const std::string& code);

}  // namespace userpool::ops
