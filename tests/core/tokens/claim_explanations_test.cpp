#include "core/tokens/claim_explanations.h"

#include <catch2/catch.hpp>

#include "core/tokens/tokens.h"
#include "core/tokens/well_known.h"

using namespace userpool;
using namespace std::chrono_literals;

namespace {

const Timestamp kNow = from_epoch_millis(1'800'000'000'000);

// A user with every kind of attribute an ID token can carry, in groups, from
// a client with token revocation on: the fullest tokens the sandbox issues.
TokenSubject full_subject() {
  TokenSubject s{"11111111-2222-4333-8444-555555555555", "alice", {"admins", "readers"}, Json::object()};
  for (const char* name : {"email", "phone_number", "name", "given_name", "family_name", "middle_name", "nickname",
                           "preferred_username", "profile", "picture", "website", "gender", "birthdate", "zoneinfo",
                           "locale", "custom:team"})
    s.attributes[name] = attribute_claim(name, "x");
  s.attributes["email_verified"] = attribute_claim("email_verified", "true");
  s.attributes["phone_number_verified"] = attribute_claim("phone_number_verified", "false");
  s.attributes["address"] = attribute_claim("address", "1 Main St");
  s.attributes["updated_at"] = attribute_claim("updated_at", "1700000000");
  return s;
}

TokenGrant full_grant() {
  TokenGrant g;
  g.user_pool_id = "us-east-1_AbCdEfGhI";
  g.issuer = issuer_for(g.user_pool_id);
  g.client_id = "6p3bs000no6a4ue1idruvd05ad";
  g.auth_time = g.issued_at = kNow;
  g.event_id = "e0000000-0000-4000-8000-000000000000";
  g.origin_jti = "o0000000-0000-4000-8000-000000000000";
  return g;
}

}  // namespace

TEST_CASE("Every claim of the ID and access tokens the sandbox issues is explained") {
  for (const Json& claims : {id_token_claims(full_subject(), full_grant(), "j1"),
                             access_token_claims(full_subject(), full_grant(), "j2")}) {
    for (const auto& claim : claims.items()) {
      INFO(claim.key());
      const ClaimExplanation e = explain_claim(claim.key());
      CHECK(e.cognito_sets);
      CHECK(e.text.size() > 20);
    }
  }
  for (const char* member : {"kid", "alg"}) CHECK(explain_header_member(member).cognito_sets);
  // The refresh token's JWE header is explained too.
  for (const char* member : {"cty", "enc"}) CHECK(explain_header_member(member).cognito_sets);
}

TEST_CASE("Every claim of the hosted UI's tokens and of a machine token is explained") {
  TokenGrant oauth = full_grant();
  oauth.oauth = true;
  oauth.scope = "openid email orders/read";
  oauth.nonce = "n-0S6";
  oauth.at_hash = "x";
  MachineGrant machine{oauth.issuer, oauth.client_id, oauth.issued_at, std::chrono::hours(1), "orders/read"};
  for (const Json& claims : {id_token_claims(full_subject(), oauth, "j1"), access_token_claims(full_subject(), oauth, "j2"),
                             machine_access_token_claims(machine, "j3")})
    for (const auto& claim : claims.items()) {
      INFO(claim.key());
      CHECK(explain_claim(claim.key()).cognito_sets);
    }
  // Why an API takes the access token and not the ID token.
  CHECK(explain_claim("scope").text.find("never the ID token") != std::string_view::npos);
}

TEST_CASE("Claims Cognito does not set are named as such") {
  for (const char* name : {"foo", "admin", "custom:", "Email", "roles"}) {
    INFO(name);
    const ClaimExplanation e = explain_claim(name);
    CHECK_FALSE(e.cognito_sets);
    CHECK(e.text == "Not a claim Cognito sets.");
  }
  CHECK(explain_claim("custom:anything").cognito_sets);
  CHECK(explain_claim("at_hash").text.find("SHA-256") != std::string_view::npos);
  CHECK_FALSE(explain_header_member("typ").cognito_sets);
  CHECK_FALSE(explain_header_member("x5c").cognito_sets);
}

TEST_CASE("Time claims read as UTC dates and against the virtual clock") {
  const double now = to_epoch_seconds(kNow);
  CHECK(format_utc(1700000000) == "2023-11-14 22:13:20 UTC");
  CHECK(format_utc(1700000000.9) == "2023-11-14 22:13:20 UTC");
  CHECK(format_utc(1e300) == "not a date");
  CHECK(describe_claim_time("exp", now + 54 * 60, kNow) == "expires in 54 min");
  CHECK(describe_claim_time("exp", now - 3 * 3600, kNow) == "expired 3 h ago");
  CHECK(describe_claim_time("exp", now, kNow) == "expired 0 s ago");
  CHECK(describe_claim_time("iat", now - 5 * 60, kNow) == "issued 5 min ago");
  CHECK(describe_claim_time("auth_time", now - 2 * 86400, kNow) == "signed in 2 days ago");
  CHECK(describe_claim_time("nbf", now + 10, kNow) == "valid in 10 s");
  CHECK(describe_claim_time("nbf", now - 10, kNow) == "valid since 10 s ago");
  CHECK(describe_claim_time("updated_at", now - 90, kNow) == "updated 1 min 30 s ago");
  CHECK(describe_claim_time("iat", now + 60, kNow) == "issued in 1 min (in the future)");
  CHECK(describe_claim_time("sub", now, kNow).empty());
  CHECK(describe_claim_time("exp", std::nan(""), kNow).empty());
  CHECK(is_time_claim("auth_time"));
  CHECK_FALSE(is_time_claim("jti"));
}
