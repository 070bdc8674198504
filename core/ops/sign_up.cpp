// Self-service sign-up: SignUp, ConfirmSignUp, ResendConfirmationCode
// (API Reference: SignUp, ConfirmSignUp, ResendConfirmationCode).
#include <algorithm>

#include "core/api/api_error.h"
#include "core/rules/user_existence.h"
#include "core/rules/quotas.h"
#include "core/base/identifiers.h"
#include "core/ops/common.h"
#include "core/ops/delivery.h"
#include "core/api/registry.h"

namespace userpool::ops {
namespace {


// The username a SignUp asks for, checked against the pool's username
// settings; in pools that sign in with email or phone it becomes that
// attribute and the internal username is the new sub.
void apply_username_rules(const PoolConfig& c, const std::string& username, AttributeList& attributes) {
  const bool email = c.username_is("email"), phone = c.username_is("phone_number");
  if (email || phone) {
    const bool is_email = looks_like_email(username), is_phone = looks_like_phone(username);
    if (email && phone && !is_email && !is_phone)
      fail_invalid_parameter("Username should be either an email or a phone number.");
    if (email && !phone && !is_email) fail_invalid_parameter("Username should be an email.");
    if (phone && !email && !is_phone) fail_invalid_parameter("Username should be a phone number.");
    const char* attribute = is_email ? "email" : "phone_number";
    std::erase_if(attributes, [&](const auto& kv) { return kv.first == attribute; });
    attributes.emplace_back(attribute, username);
    return;
  }
  if (c.alias_is("email") && looks_like_email(username))
    fail_invalid_parameter("Username cannot be of email format, since user pool is configured for email alias.");
  if (c.alias_is("phone_number") && looks_like_phone(username))
    fail_invalid_parameter("Username cannot be of phone number format, since user pool is configured for phone number alias.");
}

void check_required_attributes(const PoolConfig& c, const AttributeList& attributes) {
  const auto missing = missing_required_attributes(c.schema, attributes);
  if (missing.empty()) return;
  std::string message = "Attributes did not conform to the schema: ";
  for (std::size_t i = 0; i < missing.size(); ++i)
    message += (i ? ", " : "") + missing[i] + ": The attribute is required";
  fail_invalid_parameter(message, "Required attributes are chosen when the pool is created and cannot change");
}

// UsernameExistsException with Cognito's wording for the pool's kind.
void check_not_taken(UserPool& pool, const std::string& username, const AttributeList& attributes) {
  const PoolConfig& c = pool.config;
  for (const char* attribute : {"email", "phone_number"}) {
    if (!c.username_is(attribute)) continue;
    for (const auto& [name, value] : attributes)
      if (name == attribute && !pool.users.with_attribute(attribute, value).empty())
        fail("UsernameExistsException", std::string("An account with the given ") + attribute + " already exists.",
             std::string(attribute) + " is a username in this pool, so it must be unique, verified or not");
  }
  if (pool.users.by_username(username) != nullptr)
    fail("UsernameExistsException", "User already exists",
         c.case_sensitive ? "Usernames are unique" : "Usernames are unique regardless of case in this pool");
}

// Moves a verified alias from another user when confirmation verifies it
// for this one (AliasExistsException unless ForceAliasCreation).
void settle_alias(OpContext& ctx, UserPool& pool, User& user, const std::string& attribute, bool force) {
  if (!pool.config.alias_is(attribute)) return;
  const std::string* value = user.attribute(attribute);
  if (value == nullptr) return;
  const std::string flag = attribute + "_verified";
  for (User* other : pool.users.with_attribute(attribute, *value)) {
    if (other == &user || !other->attribute_is_true(flag)) continue;
    if (!force)
      fail("AliasExistsException",
           std::string("An account with the given ") + (attribute == "email" ? "email" : "phone_number") + " already exists.",
           "Another user has this " + attribute + " verified as an alias; ForceAliasCreation moves it");
    pool.users.set_attribute(*other, flag, "false");
    ctx.rule("ForceAliasCreation: the alias moved from " + other->username + " (now unverified there) to " + user.username);
  }
}


Json sign_up(OpContext& ctx, const Request& r) {
  const PublicClientRequest request = read_public_client_request(ctx, r);
  UserPool& pool = request.pool;
  const AppClient& client = request.client;
  const std::string& username = request.username;
  const auto password = r.optional_string("Password", shapes::kPassword);
  request.check_secret_hash(ctx);
  const PoolConfig& c = pool.config;
  if (c.allow_admin_create_user_only)
    fail_not_authorized("SignUp is not permitted for this user pool",
                        "AllowAdminCreateUserOnly is true: only administrators create users (self-registration is off)");
  if (!password) fail_validation("password", "null", "Member must not be null");
  AttributeList attributes = r.optional_attributes("UserAttributes").value_or(AttributeList{});
  check_client_can_write(pool, client, attributes);
  check_attribute_values(c.schema, attributes, true);
  if (c.alias_is("preferred_username") &&
      std::any_of(attributes.begin(), attributes.end(), [](const auto& kv) { return kv.first == "preferred_username"; }))
    fail_invalid_parameter("preferred_username is an alias in this pool and can be set only after the user is confirmed.");
  apply_username_rules(c, username, attributes);
  check_required_attributes(c, attributes);
  check_not_taken(pool, username, attributes);
  check_password_policy(c.password_policy, *password);

  User user = new_user(ctx, pool, username, attributes, status::kUnconfirmed, *password);
  for (const char* attribute : {"email", "phone_number"})
    if (c.auto_verifies(attribute) && user.attribute(attribute) != nullptr)
      user.attributes.emplace_back(std::string(attribute) + "_verified", "false");

  Json response = {{"UserConfirmed", false}};
  if (const auto to = sign_up_destination(c, user)) {
    const std::string code = generate_confirmation_code(ctx.random());
    response["CodeDeliveryDetails"] = deliver_code(ctx, pool, user, *to, CodePurpose::kSignUp, code, client.client_id);
    user.sign_up_code = Code{code, ctx.now + quotas::kSignUpCodeLifetime, to->attribute};
  } else {
    ctx.rule("No AutoVerifiedAttributes can reach this user: no code is sent; an administrator confirms the user");
  }
  response["UserSub"] = user.sub;
  User& stored = pool.users.add(std::move(user));
  ctx.event.username = stored.username;
  ctx.rule("The user is UNCONFIRMED until the code is confirmed (it is valid for 24 hours)");
  return response;
}

Json confirm_sign_up(OpContext& ctx, const Request& r) {
  const PublicClientRequest request = read_public_client_request(ctx, r);
  UserPool& pool = request.pool;
  const std::string& username = request.username;
  const std::string code = r.string("ConfirmationCode", shapes::kConfirmationCode);
  request.check_secret_hash(ctx);
  User* found = find_user(pool, username);
  if (found == nullptr) fail_user_not_found("Username/client id combination not found.");
  User& user = *found;
  ctx.event.username = user.username;
  check_hourly_limit(ctx, user, "ConfirmSignUp", quotas::kConfirmSignUpPerHour);
  if (user.status != status::kUnconfirmed)
    fail_not_authorized("User cannot be confirmed. Current status is " + user.status);
  if (!user.sign_up_code)
    fail("ExpiredCodeException", "Invalid code provided, please request a code again.", "No confirmation code was sent to this user");
  if (!constant_time_equal(std::string_view(code), std::string_view(user.sign_up_code->value)))
    fail("CodeMismatchException", "Invalid verification code provided, please try again.");
  if (ctx.now > user.sign_up_code->expires_at)
    fail("ExpiredCodeException", "Invalid code provided, please request a code again.",
         "Confirmation codes are valid for 24 hours; this one expired " + format_duration(ctx.now - user.sign_up_code->expires_at) + " ago");
  const std::string attribute = user.sign_up_code->attribute;
  settle_alias(ctx, pool, user, attribute, r.optional_bool("ForceAliasCreation").value_or(false));
  pool.users.set_attribute(user, attribute + "_verified", "true");
  user.status = status::kConfirmed;
  user.sign_up_code.reset();
  user.last_modified = ctx.now;
  ctx.rule("Confirmed: the user is CONFIRMED and " + attribute + " is verified");
  return Json::object();
}

Json resend_confirmation_code(OpContext& ctx, const Request& r) {
  const PublicClientRequest request = read_public_client_request(ctx, r);
  UserPool& pool = request.pool;
  const AppClient& client = request.client;
  const std::string& username = request.username;
  request.check_secret_hash(ctx);
  User* user = find_user(pool, username);
  if (user == nullptr || !user->enabled) {
    if (auto made_up = user_existence::made_up_delivery(ctx, pool, client, username,
                                                        user == nullptr ? "the user does not exist" : "the user is disabled"))
      return *made_up;
    if (user == nullptr) fail_user_not_found("Username/client id combination not found.");
    fail_not_authorized("User is disabled.");
  }
  ctx.event.username = user->username;
  if (user->status != status::kUnconfirmed) fail_invalid_parameter("User is already confirmed.");
  const auto to = sign_up_destination(pool.config, *user);
  if (!to) fail_invalid_parameter("Cannot resend codes. Auto verification not turned on.");
  check_hourly_limit(ctx, *user, "ResendConfirmationCode", quotas::kResendConfirmationCodePerHour);
  const std::string code = generate_confirmation_code(ctx.random());
  const Json details = deliver_code(ctx, pool, *user, *to, CodePurpose::kResendCode, code, client.client_id);
  user->sign_up_code = Code{code, ctx.now + quotas::kSignUpCodeLifetime, to->attribute};
  ctx.rule("A new code replaces the previous one");
  return Json{{"CodeDeliveryDetails", details}};
}

}  // namespace

// The operations of this file, for the registry (core/api/registry.h).
const OperationTable& sign_up_operations() {
  static const OperationTable table = {
      {"SignUp", sign_up, OperationKind::kChange},
      {"ConfirmSignUp", confirm_sign_up, OperationKind::kChange},
      {"ResendConfirmationCode", resend_confirmation_code, OperationKind::kChange},
  };
  return table;
}

}  // namespace userpool::ops
