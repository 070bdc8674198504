// The pool's domains, where its hosted pages are served (API Reference:
// CreateUserPoolDomain, DescribeUserPoolDomain, UpdateUserPoolDomain,
// DeleteUserPoolDomain; Developer Guide: "Configuring a user pool domain",
// "Using your own domain for managed login"): a Cognito domain, a prefix
// under auth.<region>.amazoncognito.com, and a custom domain with its ACM
// certificate, one of each per pool; each with its ManagedLoginVersion
// (1 the classic hosted UI, 2 managed login).
#include <algorithm>
#include <cstdio>

#include "core/api/api_error.h"
#include "core/api/registry.h"
#include "core/base/identifiers.h"
#include "core/ops/common.h"

namespace userpool::ops {
namespace {

// Custom domains an account may have (Developer Guide: "Quotas in Amazon Cognito").
constexpr std::size_t kCustomDomainsPerAccount = 4;
constexpr const char* kDomainPattern = "^[a-z0-9](?:[a-z0-9\\-]{0,61}[a-z0-9])?$";

// ^[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?$
bool is_domain_label(std::string_view d) {
  if (d.empty() || d.size() > 63 || d.front() == '-' || d.back() == '-') return false;
  return std::all_of(d.begin(), d.end(), [](char ch) { return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-'; });
}

const StringShape kDomain{1, 63, nullptr, nullptr};

void check_prefix(const std::string& prefix) {
  if (!is_domain_label(prefix))
    fail_validation("domain", "'" + prefix + "'", std::string("Member must satisfy regular expression pattern: ") + kDomainPattern);
  for (const char* reserved : {"aws", "amazon", "cognito"})
    if (prefix.find(reserved) != std::string::npos) fail_invalid_parameter(std::string("Domain cannot contain reserved word: ") + reserved);
}

// A custom domain: dot-separated labels, each as a prefix is; a bare name
// (no parent domain) is refused.
void check_custom_name(const std::string& name) {
  std::size_t start = 0, labels = 0;
  bool fine = true;
  while (fine) {
    const auto dot = name.find('.', start);
    fine = is_domain_label(std::string_view(name).substr(start, dot == std::string::npos ? std::string::npos : dot - start));
    ++labels;
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  // The wording users quote for a bad custom domain name.
  if (!fine || labels < 2)
    fail_invalid_parameter(std::string("The domain name contains an invalid character. Domain names can only contain lower-case letters, "
                                       "numbers, and hyphens. Please enter a different name that follows this format: ") +
                           kDomainPattern);
}

std::optional<int> read_version(OpContext& ctx, const Request& r, const UserPool& pool) {
  const auto version = r.optional_int("ManagedLoginVersion", INT32_MIN, INT32_MAX);
  if (!version) return std::nullopt;
  // UNVERIFIED: the message for a version other than 1 or 2.
  if (*version != 1 && *version != 2) fail_invalid_parameter("ManagedLoginVersion must be 1 (the classic hosted UI) or 2 (managed login).");
  if (*version == 2 && pool.config.tier == "LITE")
    fail("FeatureUnavailableInTierException", "Managed login is not available in the Lite feature plan. Choose Essentials or Plus.");
  if (*version == 2)
    ctx.rule("Managed login (version 2) shows an app client's pages only once it has a branding style (CreateManagedLoginBranding)");
  return static_cast<int>(*version);
}

// The parts of CustomDomainConfig: an ACM certificate in us-east-1 (where
// CloudFront reads certificates, whatever the pool's Region) and a TLS policy.
void read_custom_config(const Request& r, CustomDomain& d) {
  const Request config = r.member("CustomDomainConfig");
  StringShape arn;
  arn.min = 20;
  arn.max = 2048;
  d.certificate_arn = config.string("CertificateArn", arn);
  // UNVERIFIED: the wording; the rule (ACM, us-east-1) is the guide's.
  if (!d.certificate_arn.starts_with("arn:aws:acm:us-east-1:") || d.certificate_arn.find(":certificate/") == std::string::npos)
    fail_invalid_parameter("The certificate must be an AWS Certificate Manager certificate in us-east-1 (arn:aws:acm:us-east-1:<account>:certificate/<id>), "
                           "whatever the user pool's Region.");
  if (const auto policy = config.optional_string("SecurityPolicy")) {
    if (*policy != "TLS_V1" && *policy != "TLS_V1_2_2021" && *policy != "TLS_V1_3_2025")
      fail_validation("customDomainConfig.securityPolicy", "'" + *policy + "'",
                      "Member must satisfy enum value set: [TLS_V1, TLS_V1_2_2021, TLS_V1_3_2025]");
    d.security_policy = *policy;
  }
}

std::string cloudfront_domain(RandomSource& random) {
  return "d" + random.string_from("abcdefghijklmnopqrstuvwxyz0123456789", 13) + ".cloudfront.net";
}

Json create_user_pool_domain(OpContext& ctx, const Request& r) {
  const std::string name = r.string("Domain", kDomain);
  UserPool& pool = require_pool(ctx, r.string("UserPoolId", shapes::kUserPoolId));
  const std::optional<int> version = read_version(ctx, r, pool);
  if (r.has("CustomDomainConfig")) {
    check_custom_name(name);
    CustomDomain d;
    d.name = name;
    read_custom_config(r, d);
    if (pool.custom_domain) fail_invalid_parameter("The user pool already has a custom domain: " + pool.custom_domain->name + ".");
    std::size_t custom = 0;
    for (const auto& p : ctx.account.pools)
      if (p->custom_domain) {
        ++custom;
        if (p->custom_domain->name == name) fail_invalid_parameter("Domain already associated with another user pool.");
      }
    if (custom >= kCustomDomainsPerAccount)
      fail("LimitExceededException", "The account has reached its limit of " + std::to_string(kCustomDomainsPerAccount) + " custom domains.");
    d.cloudfront_domain = cloudfront_domain(ctx.random());
    d.settings = DomainSettings{version.value_or(1), ctx.now};
    ctx.rule("Custom domain https://" + name + ": point a DNS alias (CNAME) at " + d.cloudfront_domain +
             "; the parent domain must resolve (an A record) and the certificate cover the name");
    const CustomDomain& made = *(pool.custom_domain = std::move(d));
    return Json{{"ManagedLoginVersion", made.settings.managed_login_version}, {"CloudFrontDomain", made.cloudfront_domain}};
  }
  check_prefix(name);
  // The pool's own domain is reported first: asking twice for the same
  // prefix is not a clash with "another" pool.
  // UNVERIFIED: the wording (users quote "User Pool already has domain configured").
  if (pool.domain) fail_invalid_parameter("The user pool already has a domain: " + *pool.domain + ".");
  for (const auto& p : ctx.account.pools)
    if (p->domain == name) fail_invalid_parameter("Domain already associated with another user pool.");
  pool.domain = name;
  pool.domain_settings = DomainSettings{version.value_or(1), ctx.now};
  ctx.rule("Hosted UI domain: https://" + name + ".auth." + ctx.account.region + ".amazoncognito.com");
  return Json{{"ManagedLoginVersion", pool.domain_settings.managed_login_version}};
}

Json describe_user_pool_domain(OpContext& ctx, const Request& r) {
  const std::string name = r.string("Domain", kDomain);
  for (const auto& p : ctx.account.pools) {
    if (p->domain == name)
      return Json{{"DomainDescription",
                   {{"UserPoolId", p->id}, {"AWSAccountId", ctx.account.account_id}, {"Domain", name},
                    {"S3Bucket", "aws-cognito-prod-iad-assets"}, {"CloudFrontDistribution", "d3oia8etllorh5.cloudfront.net"},
                    {"Version", to_compact_timestamp(p->domain_settings.updated)}, {"Status", "ACTIVE"},
                    {"CustomDomainConfig", Json::object()}, {"ManagedLoginVersion", p->domain_settings.managed_login_version}}}};
    if (p->custom_domain && p->custom_domain->name == name) {
      const CustomDomain& d = *p->custom_domain;
      Json config = {{"CertificateArn", d.certificate_arn}};
      if (!d.security_policy.empty()) config["SecurityPolicy"] = d.security_policy;
      return Json{{"DomainDescription",
                   {{"UserPoolId", p->id}, {"AWSAccountId", ctx.account.account_id}, {"Domain", name},
                    {"S3Bucket", "aws-cognito-prod-iad-assets"}, {"CloudFrontDistribution", d.cloudfront_domain},
                    {"Version", to_compact_timestamp(d.settings.updated)}, {"Status", "ACTIVE"}, {"CustomDomainConfig", config},
                    {"ManagedLoginVersion", d.settings.managed_login_version}}}};
    }
  }
  // A domain nobody has: an empty description, not an error, as Cognito answers.
  return Json{{"DomainDescription", Json::object()}};
}

Json update_user_pool_domain(OpContext& ctx, const Request& r) {
  const std::string name = r.string("Domain", kDomain);
  UserPool& pool = require_pool(ctx, r.string("UserPoolId", shapes::kUserPoolId));
  const std::optional<int> version = read_version(ctx, r, pool);
  // A domain cannot be renamed: Update changes what it serves (and a custom
  // domain's certificate); a new name is Delete and Create.
  if (pool.custom_domain && pool.custom_domain->name == name) {
    CustomDomain& d = *pool.custom_domain;
    if (r.has("CustomDomainConfig")) {
      CustomDomain updated = d;
      read_custom_config(r, updated);
      d = std::move(updated);
    }
    if (version) d.settings.managed_login_version = *version;
    d.settings.updated = ctx.now;
    return Json{{"ManagedLoginVersion", d.settings.managed_login_version}, {"CloudFrontDomain", d.cloudfront_domain}};
  }
  if (pool.domain != name) fail_invalid_parameter("No such domain or user pool exists.");
  if (r.has("CustomDomainConfig")) fail_invalid_parameter("CustomDomainConfig applies to custom domains; " + name + " is a Cognito domain prefix.");
  if (version) pool.domain_settings.managed_login_version = *version;
  pool.domain_settings.updated = ctx.now;
  return Json{{"ManagedLoginVersion", pool.domain_settings.managed_login_version}};
}

Json delete_user_pool_domain(OpContext& ctx, const Request& r) {
  const std::string name = r.string("Domain", kDomain);
  UserPool& pool = require_pool(ctx, r.string("UserPoolId", shapes::kUserPoolId));
  if (pool.custom_domain && pool.custom_domain->name == name) {
    pool.custom_domain.reset();
    return Json::object();
  }
  if (pool.domain != name) fail_invalid_parameter("No such domain or user pool exists.");
  pool.domain.reset();
  pool.domain_settings = DomainSettings{};
  return Json::object();
}

}  // namespace

// The operations of this file, for the registry (core/api/registry.h).
const OperationTable& domain_operations() {
  static const OperationTable table = {
      {"CreateUserPoolDomain", create_user_pool_domain, OperationKind::kChange},
      {"DescribeUserPoolDomain", describe_user_pool_domain, OperationKind::kRead},
      {"UpdateUserPoolDomain", update_user_pool_domain, OperationKind::kChange},
      {"DeleteUserPoolDomain", delete_user_pool_domain, OperationKind::kChange},
  };
  return table;
}

}  // namespace userpool::ops
