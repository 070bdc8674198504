#include "core/ops/delivery.h"
#include "core/rules/quotas.h"

#include "core/api/api_error.h"
#include "core/base/url.h"
#include "core/model/schema.h"
#include "core/tokens/well_known.h"

namespace userpool::ops {
namespace {

const char* purpose_name(CodePurpose p) {
  switch (p) {
    case CodePurpose::kSignUp: return "SignUp";
    case CodePurpose::kResendCode: return "ResendCode";
    case CodePurpose::kForgotPassword: return "ForgotPassword";
    case CodePurpose::kAttributeVerification: return "AttributeVerification";
    case CodePurpose::kMfa: return "MFA";
  }
  return "Code";
}

// The daily limit of Cognito's own email sender (Developer Guide: "Email settings for Amazon Cognito user pools").
void take_email_quota(OpContext& ctx, const UserPool& pool) {
  if (!pool.config.email.cognito_default()) return;
  const auto today = std::chrono::floor<std::chrono::days>(ctx.now).time_since_epoch().count();
  Account& a = ctx.account;
  if (a.email_quota_day != today) {
    a.email_quota_day = today;
    a.emails_sent_today = 0;
  }
  if (a.emails_sent_today >= quotas::kCognitoDefaultEmailsPerDay)
    fail("LimitExceededException",
         "Exceeded daily email limit for the operation or the account. If a higher limit is required, please "
         "configure your user pool to use your own Amazon SES configuration for sending email.",
         "Email sent by Cognito (COGNITO_DEFAULT) is limited to 50 messages per day per account; this sandbox "
         "restarts the count at midnight UTC");
  ++a.emails_sent_today;
}

void require_sms(const UserPool& pool) {
  if (!pool.config.can_send_sms())
    fail_invalid_parameter("The user pool has no SMS configuration (SmsConfiguration), so it cannot send SMS messages.");
}

// Replaces the {##link text##} of a link template with the text and the
// confirmation link (as the hosted UI's confirmUser endpoint takes it).
std::string render_link(std::string_view text, const UserPool& pool, std::string_view client_id, const User& user,
                        const std::string& code, std::string_view hosted_origin) {
  const auto open = text.find("{##"), close = text.find("##}");
  if (open == std::string_view::npos || close == std::string_view::npos || close < open) return std::string(text);
  // The pool's hosted domain (on the local endpoint, its address there).
  // UNVERIFIED: a pool without a domain; Cognito's own host stands in.
  const std::string base =
      pool.domain ? domain_base_url(*pool.domain, domain_host(pool.id, *pool.domain, false), hosted_origin)
                  : "https://cognito-idp." + std::string(pool.id.substr(0, pool.id.find('_'))) + ".amazonaws.com";
  const std::string link = base + "/confirmUser?" +
                           format_url_params({{"client_id", std::string(client_id)}, {"user_name", user.username}, {"confirmation_code", code}});
  return std::string(text.substr(0, open)) + std::string(text.substr(open + 3, close - open - 3)) + " (" + link + ")" +
         std::string(text.substr(close + 3));
}

}  // namespace

Destination destination_of(const User& user, std::string_view attribute) {
  const std::string* address = user.attribute(attribute);
  return {attribute == "phone_number" ? "SMS" : "EMAIL", address != nullptr ? *address : "", std::string(attribute)};
}

std::optional<Destination> sign_up_destination(const PoolConfig& config, const User& user) {
  if (config.auto_verifies("phone_number") && user.attribute("phone_number") != nullptr)
    return destination_of(user, "phone_number");
  if (config.auto_verifies("email") && user.attribute("email") != nullptr) return destination_of(user, "email");
  return std::nullopt;
}

Json code_delivery_details(const Destination& d) {
  return Json{{"Destination", mask_destination(d.medium, d.address)}, {"DeliveryMedium", d.medium},
              {"AttributeName", d.attribute}};
}

Json simulated_delivery(const PoolConfig& config, std::string_view username) {
  if (is_valid_phone_number(username)) return code_delivery_details({"SMS", std::string(username), "phone_number"});
  if (is_valid_email(username)) return code_delivery_details({"EMAIL", std::string(username), "email"});
  const bool sms = config.auto_verifies("phone_number") && !config.auto_verifies("email");
  // A made-up address of the right shape, derived from the username.
  const std::string first = username.empty() ? "u" : std::string(1, username[0]);
  return sms ? code_delivery_details({"SMS", "+10000000000", "phone_number"})
             : code_delivery_details({"EMAIL", first + "@example.com", "email"});
}

Json deliver_code(OpContext& ctx, UserPool& pool, const User& user, const Destination& to, CodePurpose purpose,
                  const std::string& code, std::string_view client_id) {
  const PoolConfig& c = pool.config;
  Message m;
  m.time = ctx.now;
  m.user_pool_id = pool.id;
  m.username = user.username;
  m.medium = to.medium;
  m.destination = to.address;
  m.code = code;
  m.purpose = purpose_name(purpose);
  if (to.medium == "SMS") {
    require_sms(pool);
    const std::string& text = purpose == CodePurpose::kMfa
                                  ? c.sms_authentication_message.value_or(kDefaultVerificationMessage)
                                  : c.verification.sms_message;
    m.body = render_template(text, code, user.username);
  } else {
    take_email_quota(ctx, pool);
    m.from = c.email.sender();
    const bool by_link = c.verification.default_email_option == "CONFIRM_WITH_LINK" &&
                         (purpose == CodePurpose::kSignUp || purpose == CodePurpose::kResendCode);
    if (by_link) {
      m.subject = c.verification.email_subject_by_link;
      m.body = render_link(c.verification.email_message_by_link, pool, client_id, user, code, ctx.account.hosted_origin);
    } else {
      m.subject = c.verification.email_subject;
      m.body = render_template(c.verification.email_message, code, user.username);
    }
  }
  ctx.account.outbox.add(std::move(m));
  ctx.rule(std::string(purpose_name(purpose)) + " code sent by " + to.medium + " to " + to.address + " (see the inbox)");
  return code_delivery_details(to);
}

void deliver_invitation(OpContext& ctx, UserPool& pool, const User& user, const Destination& to,
                        const std::string& temporary_password) {
  const PoolConfig& c = pool.config;
  Message m;
  m.time = ctx.now;
  m.user_pool_id = pool.id;
  m.username = user.username;
  m.medium = to.medium;
  m.destination = to.address;
  m.code = temporary_password;
  m.purpose = "Invitation";
  if (to.medium == "SMS") {
    require_sms(pool);
    m.body = render_template(c.invite.sms_message, temporary_password, user.username);
  } else {
    take_email_quota(ctx, pool);
    m.from = c.email.sender();
    m.subject = c.invite.email_subject;
    m.body = render_template(c.invite.email_message, temporary_password, user.username);
  }
  ctx.account.outbox.add(std::move(m));
  ctx.rule("Invitation with the temporary password sent by " + to.medium + " to " + to.address);
}

}  // namespace userpool::ops
