#include "core/ops/attribute_updates.h"
#include "core/rules/quotas.h"

#include <algorithm>

#include "core/api/api_error.h"
#include "core/base/identifiers.h"
#include "core/ops/common.h"
#include "core/ops/delivery.h"

namespace userpool::ops {
namespace {


bool is_contact(std::string_view name) { return name == "email" || name == "phone_number"; }

const std::string* pending_value(const User& user, std::string_view name) {
  for (const auto& [n, v] : user.pending_attributes)
    if (n == name) return &v;
  return nullptr;
}

// An email or phone number another user already holds as their username or
// verified alias cannot be taken.
void check_unique(UserPool& pool, const User& user, const std::string& name, const std::string& value) {
  const bool username = pool.config.username_is(name), alias = pool.config.alias_is(name);
  if (!username && !alias) return;
  for (User* other : pool.users.with_attribute(name, value))
    if (other != &user && (username || other->attribute_is_true(name + "_verified")))
      fail("AliasExistsException",
           std::string("An account with the given ") + (name == "email" ? "email" : "phone_number") + " already exists.",
           name + " identifies users in this pool, so two users cannot share it");
}

}  // namespace

namespace {

// Where the code for `attribute` goes: its pending new value, if any.
Destination verification_destination(const User& user, const std::string& attribute) {
  if (!is_contact(attribute)) fail_invalid_parameter("Only email and phone_number can be verified.");
  Destination to = destination_of(user, attribute);
  if (const std::string* pending = pending_value(user, attribute)) to.address = *pending;
  if (to.address.empty()) fail_invalid_parameter("The user has no " + attribute + " to verify.");
  return to;
}

}  // namespace

void check_attribute_can_be_verified(const User& user, const std::string& attribute) {
  verification_destination(user, attribute);
}

Json send_attribute_code(OpContext& ctx, UserPool& pool, User& user, const std::string& attribute) {
  const Destination to = verification_destination(user, attribute);
  const std::string code = generate_confirmation_code(ctx.random());
  const Json details = deliver_code(ctx, pool, user, to, CodePurpose::kAttributeVerification, code);
  user.attribute_codes[attribute] = Code{code, ctx.now + quotas::kAttributeVerificationCodeLifetime, attribute};
  return details;
}

Json apply_attribute_updates(OpContext& ctx, UserPool& pool, User& user, const AttributeList& updates, bool admin) {
  const PoolConfig& c = pool.config;
  const auto sets = [&](const std::string& name, const std::string& value) {
    return std::any_of(updates.begin(), updates.end(), [&](const auto& kv) { return kv.first == name && kv.second == value; });
  };
  // Check everything first.
  for (const auto& [name, value] : updates) {
    const SchemaAttribute* a = find_attribute(c.schema, name);
    if (value.empty() && a != nullptr && a->required)
      fail_invalid_parameter("Attributes did not conform to the schema: " + name + ": The attribute is required");
    if (is_contact(name) && !value.empty()) check_unique(pool, user, name, value);
  }
  Json deliveries = Json::array();
  for (const auto& update : updates) {
    // Plain references, not structured bindings: lambdas below capture them.
    const std::string& name = update.first;
    const std::string& value = update.second;
    const std::string* current = user.attribute(name);
    if (!is_contact(name) || value.empty()) {
      pool.users.set_attribute(user, name, value);
      if (value.empty() && is_contact(name)) pool.users.set_attribute(user, name + "_verified", "");
      continue;
    }
    if (current != nullptr && *current == value) continue;
    const std::string flag = name + "_verified";
    if (admin && sets(flag, "true")) {
      pool.users.set_attribute(user, name, value);
      ctx.rule(name + " set together with " + flag + "=true: no code is sent");
      continue;
    }
    const bool keep_original = std::find(c.attributes_require_verification_before_update.begin(),
                                         c.attributes_require_verification_before_update.end(),
                                         name) != c.attributes_require_verification_before_update.end() &&
                               current != nullptr && user.attribute_is_true(flag);
    if (keep_original) {
      std::erase_if(user.pending_attributes, [&](const auto& kv) { return kv.first == name; });
      user.pending_attributes.emplace_back(name, value);
      ctx.rule("The pool keeps the original " + name + " active until the new one is verified; the new value is pending");
    } else {
      pool.users.set_attribute(user, name, value);
      pool.users.set_attribute(user, flag, "false");
      ctx.rule("The new " + name + " replaces the old one right away and is unverified (it cannot be used to sign in "
               "as an alias until it is verified)");
    }
    if (c.auto_verifies(name)) deliveries.push_back(send_attribute_code(ctx, pool, user, name));
  }
  user.last_modified = ctx.now;
  return deliveries;
}

void verify_attribute(OpContext& ctx, UserPool& pool, User& user, const std::string& attribute, const std::string& code) {
  const auto it = user.attribute_codes.find(attribute);
  if (it == user.attribute_codes.end())
    fail("ExpiredCodeException", "Invalid code provided, please request a code again.",
         "No verification code was sent for " + attribute);
  if (!constant_time_equal(std::string_view(code), std::string_view(it->second.value)))
    fail("CodeMismatchException", "Invalid verification code provided, please try again.");
  if (ctx.now > it->second.expires_at)
    fail("ExpiredCodeException", "Invalid code provided, please request a code again.", "Verification codes are valid for 24 hours");
  const std::string* pending = pending_value(user, attribute);
  const std::string value = pending != nullptr ? *pending : (user.attribute(attribute) ? *user.attribute(attribute) : "");
  check_unique(pool, user, attribute, value);
  if (pending != nullptr) {
    pool.users.set_attribute(user, attribute, value);
    std::erase_if(user.pending_attributes, [&](const auto& kv) { return kv.first == attribute; });
    ctx.rule("The pending " + attribute + " is verified and now replaces the original");
  }
  pool.users.set_attribute(user, attribute + "_verified", "true");
  user.attribute_codes.erase(attribute);
  user.last_modified = ctx.now;
}

}  // namespace userpool::ops
