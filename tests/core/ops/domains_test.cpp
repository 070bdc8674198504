// The pool's domains (API Reference: CreateUserPoolDomain,
// DescribeUserPoolDomain, UpdateUserPoolDomain, DeleteUserPoolDomain): a
// Cognito prefix and a custom domain with its certificate, one of each per
// pool, ManagedLoginVersion, what DescribeUserPool shows, the saved state.
#include "tests/core/harness/harness.h"

using namespace userpool;
using namespace userpool::test;
using namespace std::chrono_literals;

namespace {

const std::string kCertificate = "arn:aws:acm:us-east-1:123456789012:certificate/0f1e2d3c-aaaa-bbbb-cccc-123456789abc";

Json custom(const std::string& pool, const std::string& name, const std::string& certificate = kCertificate) {
  return Json{{"UserPoolId", pool}, {"Domain", name}, {"CustomDomainConfig", {{"CertificateArn", certificate}}}};
}

}  // namespace

TEST_CASE("CreateUserPoolDomain gives the pool a Cognito domain that DescribeUserPoolDomain finds") {
  Sandbox s;
  const std::string pool = s.create_pool();
  // ManagedLoginVersion 1 (the classic hosted UI) unless asked (UNVERIFIED default).
  CHECK(s.ok("CreateUserPoolDomain", {{"UserPoolId", pool}, {"Domain", "my-app-1"}}) == Json{{"ManagedLoginVersion", 1}});
  CHECK(last_event(s)["Rules"] == Json::array({"Hosted UI domain: https://my-app-1.auth.us-east-1.amazoncognito.com"}));
  CHECK(s.ok("DescribeUserPool", {{"UserPoolId", pool}})["UserPool"]["Domain"] == "my-app-1");
  CHECK(s.ok("DescribeUserPoolDomain", {{"Domain", "my-app-1"}}) ==
        Json{{"DomainDescription", {{"UserPoolId", pool}, {"AWSAccountId", s.account.account_id}, {"Domain", "my-app-1"},
                                    {"S3Bucket", "aws-cognito-prod-iad-assets"}, {"CloudFrontDistribution", "d3oia8etllorh5.cloudfront.net"},
                                    {"Version", "20260115100000"}, {"Status", "ACTIVE"}, {"CustomDomainConfig", Json::object()},
                                    {"ManagedLoginVersion", 1}}}});
  // A domain nobody has: an empty description, not an error.
  CHECK(s.ok("DescribeUserPoolDomain", {{"Domain", "nobody-has-this"}}) == Json{{"DomainDescription", Json::object()}});
  CHECK(failure(s, "DescribeUserPoolDomain", Json::object()) ==
        validation("Value null at 'domain' failed to satisfy constraint: Member must not be null"));
}

TEST_CASE("CreateUserPoolDomain refuses prefixes outside the pattern, and the reserved words anywhere") {
  Sandbox s;
  const std::string pool = s.create_pool();
  for (const std::string& domain : std::vector<std::string>{"My-App", "-app", "app-", "my_app", "my.app"}) {
    INFO(domain);
    CHECK(failure(s, "CreateUserPoolDomain", {{"UserPoolId", pool}, {"Domain", domain}}) ==
          validation("Value '" + domain + "' at 'domain' failed to satisfy constraint: Member must satisfy regular expression pattern: "
                     "^[a-z0-9](?:[a-z0-9\\-]{0,61}[a-z0-9])?$"));
  }
  CHECK(failure(s, "CreateUserPoolDomain", {{"UserPoolId", pool}, {"Domain", "my-aws-app"}}) == invalid("Domain cannot contain reserved word: aws"));
  CHECK(failure(s, "CreateUserPoolDomain", {{"UserPoolId", pool}, {"Domain", "amazonian"}}) == invalid("Domain cannot contain reserved word: amazon"));
  CHECK(failure(s, "CreateUserPoolDomain", {{"UserPoolId", pool}, {"Domain", "cognito1"}}) == invalid("Domain cannot contain reserved word: cognito"));
  CHECK(failure(s, "CreateUserPoolDomain", {{"UserPoolId", pool}, {"Domain", std::string(64, 'a')}}) ==
        validation("Value '" + std::string(64, 'a') + "' at 'domain' failed to satisfy constraint: Member must have length less than or equal to 63"));
  CHECK(failure(s, "CreateUserPoolDomain", {{"UserPoolId", pool}, {"Domain", ""}}) ==
        validation("Value '' at 'domain' failed to satisfy constraint: Member must have length greater than or equal to 1"));
  CHECK(failure(s, "CreateUserPoolDomain", {{"UserPoolId", pool}}) ==
        validation("Value null at 'domain' failed to satisfy constraint: Member must not be null"));
  CHECK(failure(s, "CreateUserPoolDomain", {{"UserPoolId", kMissingPool}, {"Domain", "fine"}}) == pool_not_found(kMissingPool));
  CHECK(failure(s, "CreateUserPoolDomain", {{"UserPoolId", pool}, {"Domain", "fine"}, {"ManagedLoginVersion", 3}}).type ==
        "InvalidParameterException");
  CHECK_FALSE(s.ok("DescribeUserPool", {{"UserPoolId", pool}})["UserPool"].contains("Domain"));
  // 63 characters, digits and inner hyphens are fine.
  s.ok("CreateUserPoolDomain", {{"UserPoolId", pool}, {"Domain", "a1-" + std::string(60, 'b')}});
}

TEST_CASE("A domain belongs to one pool, and a pool has one Cognito domain") {
  Sandbox s;
  const std::string first = s.create_pool();
  const std::string second = s.create_pool();
  s.ok("CreateUserPoolDomain", {{"UserPoolId", first}, {"Domain", "shared-name"}});
  CHECK(failure(s, "CreateUserPoolDomain", {{"UserPoolId", second}, {"Domain", "shared-name"}}) ==
        invalid("Domain already associated with another user pool."));
  CHECK(failure(s, "CreateUserPoolDomain", {{"UserPoolId", first}, {"Domain", "another-name"}}) ==
        invalid("The user pool already has a domain: shared-name."));
  CHECK(failure(s, "DeleteUserPool", {{"UserPoolId", first}}) ==
        invalid("User pool cannot be deleted. It has a domain configured that should be deleted first."));
  // Once deleted, the name is free for the other pool.
  CHECK(s.ok("DeleteUserPoolDomain", {{"UserPoolId", first}, {"Domain", "shared-name"}}) == Json::object());
  CHECK_FALSE(s.ok("DescribeUserPool", {{"UserPoolId", first}})["UserPool"].contains("Domain"));
  s.ok("CreateUserPoolDomain", {{"UserPoolId", second}, {"Domain", "shared-name"}});
}

TEST_CASE("A custom domain: its certificate in us-east-1, the CloudFront target, beside the prefix, one per pool") {
  Sandbox s;
  const std::string pool = s.create_pool();
  s.ok("CreateUserPoolDomain", {{"UserPoolId", pool}, {"Domain", "my-prefix"}});
  const Json made = s.ok("CreateUserPoolDomain", custom(pool, "auth.example.com"));
  CHECK(made["ManagedLoginVersion"] == 1);
  const std::string target = made["CloudFrontDomain"];
  CHECK(target.ends_with(".cloudfront.net"));
  CHECK(last_event(s)["Rules"][0].get<std::string>().find(target) != std::string::npos);
  const Json described = s.ok("DescribeUserPool", {{"UserPoolId", pool}})["UserPool"];
  CHECK(described["Domain"] == "my-prefix");
  CHECK(described["CustomDomain"] == "auth.example.com");
  const Json d = s.ok("DescribeUserPoolDomain", {{"Domain", "auth.example.com"}})["DomainDescription"];
  CHECK(d["UserPoolId"] == pool);
  CHECK(d["CloudFrontDistribution"] == target);
  CHECK(d["CustomDomainConfig"] == Json{{"CertificateArn", kCertificate}});

  CHECK(failure(s, "CreateUserPoolDomain", custom(pool, "login.example.com")) ==
        invalid("The user pool already has a custom domain: auth.example.com."));
  const std::string other = s.create_pool();
  CHECK(failure(s, "CreateUserPoolDomain", custom(other, "auth.example.com")) == invalid("Domain already associated with another user pool."));
  // The certificate must be ACM's, in us-east-1, whatever the pool's Region.
  CHECK(failure(s, "CreateUserPoolDomain", custom(other, "id.example.org", "arn:aws:acm:eu-west-1:123456789012:certificate/abc")).type ==
        "InvalidParameterException");
  // A name of labels, with a parent domain.
  for (const std::string name : {"localhost", "Auth.Example.com", "auth..example.com", "-a.example.com"}) {
    INFO(name);
    CHECK(failure(s, "CreateUserPoolDomain", custom(other, name)).message.starts_with("The domain name contains an invalid character."));
  }
  CHECK(failure(s, "CreateUserPoolDomain",
                {{"UserPoolId", other}, {"Domain", "id.example.org"}, {"CustomDomainConfig", {{"CertificateArn", kCertificate}, {"SecurityPolicy", "SSL3"}}}}) ==
        validation("Value 'SSL3' at 'customDomainConfig.securityPolicy' failed to satisfy constraint: Member must satisfy enum value set: "
                   "[TLS_V1, TLS_V1_2_2021, TLS_V1_3_2025]"));
  // Deleting one leaves the other.
  s.ok("DeleteUserPoolDomain", {{"UserPoolId", pool}, {"Domain", "auth.example.com"}});
  const Json after = s.ok("DescribeUserPool", {{"UserPoolId", pool}})["UserPool"];
  CHECK(after["Domain"] == "my-prefix");
  CHECK_FALSE(after.contains("CustomDomain"));
}

TEST_CASE("An account has at most four custom domains") {
  Sandbox s;
  for (int i = 0; i < 4; ++i) s.ok("CreateUserPoolDomain", custom(s.create_pool(), "auth" + std::to_string(i) + ".example.com"));
  CHECK(failure(s, "CreateUserPoolDomain", custom(s.create_pool(), "auth9.example.com")).type == "LimitExceededException");
}

TEST_CASE("UpdateUserPoolDomain changes ManagedLoginVersion and a custom domain's certificate, never the name") {
  Sandbox s;
  const std::string pool = s.create_pool();
  s.ok("CreateUserPoolDomain", {{"UserPoolId", pool}, {"Domain", "my-prefix"}});
  s.advance(1h);
  CHECK(s.ok("UpdateUserPoolDomain", {{"UserPoolId", pool}, {"Domain", "my-prefix"}, {"ManagedLoginVersion", 2}}) ==
        Json{{"ManagedLoginVersion", 2}});
  const Json d = s.ok("DescribeUserPoolDomain", {{"Domain", "my-prefix"}})["DomainDescription"];
  CHECK(d["ManagedLoginVersion"] == 2);
  CHECK(d["Version"] == "20260115110000");
  CHECK(failure(s, "UpdateUserPoolDomain", {{"UserPoolId", pool}, {"Domain", "other-name"}, {"ManagedLoginVersion", 1}}) ==
        invalid("No such domain or user pool exists."));
  s.ok("CreateUserPoolDomain", custom(pool, "auth.example.com"));
  const std::string renewed = "arn:aws:acm:us-east-1:123456789012:certificate/renewed-0000-1111";
  s.ok("UpdateUserPoolDomain", custom(pool, "auth.example.com", renewed));
  CHECK(s.ok("DescribeUserPoolDomain", {{"Domain", "auth.example.com"}})["DomainDescription"]["CustomDomainConfig"]["CertificateArn"] == renewed);
}

TEST_CASE("Managed login (version 2) needs a feature plan above Lite") {
  Sandbox s;
  const std::string pool = s.create_pool(Json{{"PoolName", "lite"}, {"UserPoolTier", "LITE"}});
  CHECK(failure(s, "CreateUserPoolDomain", {{"UserPoolId", pool}, {"Domain", "lite-pool"}, {"ManagedLoginVersion", 2}}).type ==
        "FeatureUnavailableInTierException");
  CHECK(s.ok("CreateUserPoolDomain", {{"UserPoolId", pool}, {"Domain", "lite-pool"}, {"ManagedLoginVersion", 1}})["ManagedLoginVersion"] == 1);
}

TEST_CASE("DeleteUserPoolDomain needs the pool's own domain") {
  Sandbox s;
  const std::string pool = s.create_pool();
  CHECK(failure(s, "DeleteUserPoolDomain", {{"UserPoolId", pool}, {"Domain", "none-yet"}}) == invalid("No such domain or user pool exists."));
  s.ok("CreateUserPoolDomain", {{"UserPoolId", pool}, {"Domain", "mine"}});
  CHECK(failure(s, "DeleteUserPoolDomain", {{"UserPoolId", pool}, {"Domain", "not-mine"}}) == invalid("No such domain or user pool exists."));
  CHECK(failure(s, "DeleteUserPoolDomain", {{"UserPoolId", kMissingPool}, {"Domain", "mine"}}) == pool_not_found(kMissingPool));
  CHECK(failure(s, "DeleteUserPoolDomain", {{"UserPoolId", pool}}) ==
        validation("Value null at 'domain' failed to satisfy constraint: Member must not be null"));
  CHECK(failure(s, "DeleteUserPoolDomain", {{"Domain", "mine"}}) ==
        validation("Value null at 'userPoolId' failed to satisfy constraint: Member must not be null"));
  CHECK(s.ok("DescribeUserPool", {{"UserPoolId", pool}})["UserPool"]["Domain"] == "mine");
}

TEST_CASE("Both domains and their settings are kept in the saved state") {
  Sandbox s;
  const std::string pool = s.create_pool();
  s.ok("CreateUserPoolDomain", {{"UserPoolId", pool}, {"Domain", "kept"}, {"ManagedLoginVersion", 2}});
  s.ok("CreateUserPoolDomain", custom(pool, "auth.example.com"));
  const Json saved = s.ok("Sandbox.ExportState", Json::object())["State"];
  Sandbox again;
  again.ok("Sandbox.ImportState", {{"State", saved}});
  CHECK(again.ok("Sandbox.ExportState", Json::object())["State"] == saved);
  CHECK(again.ok("DescribeUserPoolDomain", {{"Domain", "kept"}}) == s.ok("DescribeUserPoolDomain", {{"Domain", "kept"}}));
  CHECK(again.ok("DescribeUserPoolDomain", {{"Domain", "auth.example.com"}}) == s.ok("DescribeUserPoolDomain", {{"Domain", "auth.example.com"}}));
}
