#include "web/tokens/token_inspector_panel.h"

#include <catch2/catch.hpp>

#include "core/tokens/claim_explanations.h"
#include "core/base/encoding.h"
#include "core/tokens/jwt.h"
#include "core/tokens/tokens.h"
#include "core/tokens/well_known.h"
#include "imgui.h"
#include "tests/core/test_keys.h"
#include "tests/web/ui_harness.h"
#include "web/shell/app.h"
#include "web/tokens/inspected_token.h"

using namespace userpool;
using namespace std::chrono_literals;
using test::AppUnderTest;

namespace {

constexpr const char* kEmail = "alice@example.com";
constexpr const char* kPassword = "Passw0rd!";

Json attribute(const char* name, const char* value) { return Json{{"Name", name}, {"Value", value}}; }

// A user of the lab pool, in a group and with a custom attribute (so the
// tokens carry every kind of claim), signed in through the API; the tokens
// go into the app's session as Try it would put them, and the token
// inspector is opened from the sidebar.
AppUnderTest::LabPool sign_in(AppUnderTest& t) {
  const AppUnderTest::LabPool lab = t.create_lab_pool();
  t.ok("AddCustomAttributes", {{"UserPoolId", lab.pool_id},
                               {"CustomAttributes", {{{"Name", "team"}, {"AttributeDataType", "String"}}}}});
  // Custom attributes reach the ID token only when the app client may read them.
  t.ok("UpdateUserPoolClient",
       {{"UserPoolId", lab.pool_id},
        {"ClientId", lab.client_id},
        {"ClientName", "kekeclient"},
        {"ExplicitAuthFlows", {"ALLOW_USER_SRP_AUTH", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"}},
        {"ReadAttributes", {"email", "email_verified", "name", "custom:team"}}});
  t.ok("AdminCreateUser", {{"UserPoolId", lab.pool_id},
                           {"Username", kEmail},
                           {"UserAttributes", {attribute("email", kEmail), attribute("email_verified", "true"),
                                               attribute("name", "Alice"), attribute("custom:team", "blue")}},
                           {"MessageAction", "SUPPRESS"}});
  t.ok("AdminSetUserPassword",
       {{"UserPoolId", lab.pool_id}, {"Username", kEmail}, {"Password", kPassword}, {"Permanent", true}});
  t.ok("CreateGroup", {{"UserPoolId", lab.pool_id}, {"GroupName", "readers"}});
  t.ok("AdminAddUserToGroup", {{"UserPoolId", lab.pool_id}, {"Username", kEmail}, {"GroupName", "readers"}});
  const Json result = t.ok("InitiateAuth", {{"ClientId", lab.client_id},
                                            {"AuthFlow", "USER_PASSWORD_AUTH"},
                                            {"AuthParameters", {{"USERNAME", kEmail}, {"PASSWORD", kPassword}}}})
                          ["AuthenticationResult"];
  web::AppSession& s = t.app->context().session;
  s.pool_id = lab.pool_id;
  s.client_id = lab.client_id;
  s.username = kEmail;
  s.id_token = result["IdToken"];
  s.access_token = result["AccessToken"];
  s.refresh_token = result["RefreshToken"];
  REQUIRE(t.click("nav.tokens"));
  REQUIRE(t.app->context().view == web::View::kTokens);
  return lab;
}

// The verification report of a token, as clicking its verdict line copies it.
std::string report(AppUnderTest& t, const std::string& slot) {
  ImGui::SetClipboardText("");
  REQUIRE(t.click("tokens.verdict." + slot));
  return ImGui::GetClipboardText();
}

// The verdict line alone (the report's first line).
std::string verdict(AppUnderTest& t, const std::string& slot) {
  const std::string r = report(t, slot);
  return r.substr(0, r.find('\n'));
}

std::string b64(const std::string& text) { return base64url_encode(to_bytes(text)); }

}  // namespace

TEST_CASE("The session's ID and access tokens verify, side by side, and copy as they are") {
  AppUnderTest t;
  sign_in(t);
  const std::string id = verdict(t, "id"), access = verdict(t, "access");
  INFO(id + "\n" + access);
  CHECK(id.starts_with("Verified"));
  CHECK(access.starts_with("Verified"));
  // Every check is listed with its outcome.
  const std::string full = report(t, "id");
  for (const char* check : {"format", "algorithm", "key ID", "signature", "expiry", "issuer", "token use", "client ID"})
    CHECK(full.find(std::string("passed  ") + check + ":") != std::string::npos);

  // Wide enough: the two tokens side by side, the ID token on the left.
  t.frames(1);
  const auto id_rect = web::widget_registry().find("tokens.verdict.id");
  const auto access_rect = web::widget_registry().find("tokens.verdict.access");
  REQUIRE(id_rect);
  REQUIRE(access_rect);
  CHECK(id_rect->x + id_rect->w <= access_rect->x);

  REQUIRE(t.click("tokens.copy.id"));
  CHECK(std::string(ImGui::GetClipboardText()) == t.app->context().session.id_token);
  REQUIRE(t.click("tokens.copy.access"));
  CHECK(std::string(ImGui::GetClipboardText()) == t.app->context().session.access_token);
}

TEST_CASE("In a narrow window the access token goes under the ID token") {
  AppUnderTest t;
  ImGui::GetIO().DisplaySize = ImVec2(760, 900);
  sign_in(t);
  // One above the other: both at the same left edge (side by side, the
  // access token's would be half the width further right).
  const auto id_rect = t.ui.reveal("tokens.verdict.id", t.draw());
  const auto access_rect = t.ui.reveal("tokens.verdict.access", t.draw());
  REQUIRE(id_rect);
  REQUIRE(access_rect);
  CHECK(access_rect->x == Approx(id_rect->x).margin(1));
  CHECK(verdict(t, "access").starts_with("Verified"));
}

TEST_CASE("Moving the virtual clock past exp turns the verdict to expired") {
  AppUnderTest t;
  sign_in(t);
  REQUIRE(verdict(t, "id").starts_with("Verified"));
  t.ok("Sandbox.AdvanceClock", {{"Seconds", 2 * 3600}});
  t.frames(1);
  const std::string id = verdict(t, "id"), access = verdict(t, "access");
  INFO(id + "\n" + access);
  CHECK(id.starts_with("Not valid (expiry): The token expired at"));
  CHECK(id.find("ago") != std::string::npos);
  CHECK(access.starts_with("Not valid (expiry)"));
  // The signature itself still matches: only the time is wrong.
  CHECK(report(t, "id").find("passed  signature") != std::string::npos);

  // A clock skew allowance longer than the lateness accepts it again.
  REQUIRE(t.type("tokens.grace", "7300"));
  CHECK(verdict(t, "id").starts_with("Verified"));
}

TEST_CASE("Editing a claim re-assembles the token with its original signature, which then fails") {
  AppUnderTest t;
  sign_in(t);
  const std::string issued = t.app->context().session.id_token;
  REQUIRE_FALSE(t.shown("tokens.claim.email"));  // values are read-only until edit mode
  REQUIRE(t.click("tokens.edit"));
  REQUIRE(t.type("tokens.claim.email", "mallory@example.com"));
  const std::string tampered = report(t, "id");
  INFO(tampered);
  CHECK(tampered.starts_with("Not valid (signature): The signature does not match"));
  CHECK(tampered.find("passed  key ID") != std::string::npos);

  // The token shown (and copied) is the tampered one; the session keeps the real one.
  REQUIRE(t.click("tokens.copy.id"));
  const std::string shown = ImGui::GetClipboardText();
  CHECK(shown != issued);
  const auto decoded = decode_jwt(shown);
  REQUIRE(decoded);
  CHECK(decoded->payload["email"] == "mallory@example.com");
  CHECK(decoded->signature_b64 == decode_jwt(issued)->signature_b64);
  CHECK(t.app->context().session.id_token == issued);
  CHECK(verdict(t, "access").starts_with("Verified"));  // the other token is untouched

  REQUIRE(t.click("tokens.restore"));
  CHECK(verdict(t, "id").starts_with("Verified"));
  REQUIRE(t.click("tokens.copy.id"));
  CHECK(std::string(ImGui::GetClipboardText()) == issued);

  // A number claim takes JSON; text that is not leaves the last good value.
  REQUIRE(t.type("tokens.claim.exp", "tomorrow"));
  CHECK(verdict(t, "id").starts_with("Verified"));
  REQUIRE(t.type("tokens.claim.exp", "4102444800"));  // 2100-01-01
  CHECK(verdict(t, "id").starts_with("Not valid (signature)"));

  // Leaving edit mode shows the token as issued again.
  REQUIRE(t.click("tokens.edit"));
  CHECK(verdict(t, "id").starts_with("Verified"));
  CHECK_FALSE(t.shown("tokens.claim.exp"));
}

TEST_CASE("The access token can be the one edited") {
  AppUnderTest t;
  sign_in(t);
  REQUIRE(t.click("tokens.edit"));
  REQUIRE(t.click("tokens.edit.target.access"));
  REQUIRE(t.type("tokens.claim.scope", "aws.cognito.signin.user.admin openid"));
  CHECK(verdict(t, "access").starts_with("Not valid (signature)"));
  CHECK(verdict(t, "id").starts_with("Verified"));
}

TEST_CASE("Pasted garbage gets the decoder's precise reason, never a crash") {
  AppUnderTest t;
  const auto lab = sign_in(t);
  REQUIRE(t.click("tokens.source.paste"));
  const std::string refresh = t.app->context().session.refresh_token;
  struct Case {
    std::string pasted, reason;
  };
  const Case cases[] = {
      {"abc.def", "Not valid (format): A JWT has three parts separated by dots (header.payload.signature); this token has 2."},
      {"eyJhbGciOiJSUzI1NiJ9.e30@.x", "Not valid (format): The payload is not base64url: it has '@' at position 25."},
      {b64("[1,2]") + "." + b64("{}") + ".", "Not valid (format): The header is JSON, but an array rather than an object."},
      {b64("{\"alg\":") + "." + b64("{}") + ".", "Not valid (format): The header decodes, but not to JSON"},
      {b64(R"({"alg":"none"})") + "." + b64(R"({"sub":"x"})") + ".", "Not valid (algorithm): alg is \"none\""},
      {"a.b c.d", "Not valid (format): The token has a space or line break at position 4"},
      {refresh, "Not valid (format): This token has five parts: it is encrypted (a JWE)"},
  };
  for (const Case& c : cases) {
    INFO(c.pasted);
    REQUIRE(t.type("tokens.paste", c.pasted));
    CHECK(verdict(t, "pasted").starts_with(c.reason));
  }
  // A real token pasted is checked for the pool its iss names, and verifies.
  REQUIRE(t.type("tokens.paste", "  " + t.app->context().session.access_token + "\n"));
  const std::string pasted = report(t, "pasted");
  INFO(pasted);
  CHECK(pasted.starts_with("Verified"));
  CHECK(pasted.find("Issued by https://cognito-idp.us-east-1.amazonaws.com/" + lab.pool_id) != std::string::npos);
}

TEST_CASE("A pasted JWKS without the token's key fails with the unknown kid reason") {
  AppUnderTest t;
  const auto lab = sign_in(t);
  const Json jwks = t.ok("Sandbox.GetJwks", {{"UserPoolId", lab.pool_id}});
  const std::string id_kid = decode_jwt(t.app->context().session.id_token)->header["kid"];
  Json only_access = {{"keys", Json::array()}};
  for (const Json& key : jwks["keys"])
    if (key["kid"] != id_kid) only_access["keys"].push_back(key);
  REQUIRE(only_access["keys"].size() == 1);

  REQUIRE(t.click("tokens.jwks.paste"));
  REQUIRE(t.type("tokens.jwks_text", only_access.dump()));
  const std::string id = verdict(t, "id");
  INFO(id);
  CHECK(id.starts_with("Not valid (key ID): No key in the JWKS has kid \"" + id_kid + "\""));
  CHECK(verdict(t, "access").starts_with("Verified"));

  // A JWKS that is not one leaves no keys to check with.
  REQUIRE(t.type("tokens.jwks_text", "{\"keys\": 3}"));
  CHECK(verdict(t, "access").find("the JWKS has no keys") != std::string::npos);
  // Back to the pool's own keys.
  REQUIRE(t.click("tokens.jwks.pool"));
  CHECK(verdict(t, "id").starts_with("Verified"));
}

TEST_CASE("Every claim the session's tokens carry has an explanation") {
  AppUnderTest t;
  sign_in(t);
  const web::AppSession& s = t.app->context().session;
  for (const std::string& token : {s.id_token, s.access_token}) {
    const auto jwt = decode_jwt(token);
    REQUIRE(jwt);
    for (const auto& member : jwt->header.items()) CHECK(explain_header_member(member.key()).cognito_sets);
    for (const auto& claim : jwt->payload.items()) {
      INFO(claim.key());
      CHECK(explain_claim(claim.key()).cognito_sets);
    }
  }
  // The tokens do carry the claims of groups, custom attributes and revocation.
  const Json id = decode_jwt(s.id_token)->payload;
  for (const char* claim : {"cognito:groups", "custom:team", "email_verified", "origin_jti", "event_id", "auth_time"}) {
    INFO(claim << " in " << id.dump());
    CHECK(id.contains(claim));
  }
  // In edit mode every claim of the ID token has its field.
  REQUIRE(t.click("tokens.edit"));
  for (const auto& claim : id.items()) CHECK(t.ui.reveal("tokens.claim." + claim.key(), t.draw()));
}

TEST_CASE("With nobody signed in the inspector points to Try it") {
  AppUnderTest t;
  REQUIRE(t.click("nav.tokens"));
  CHECK_FALSE(t.shown("tokens.verdict.id"));
  // Nothing to edit: no edit controls that would do nothing.
  CHECK_FALSE(t.shown("tokens.edit"));
  CHECK_FALSE(t.shown("tokens.restore"));
  CHECK_FALSE(t.shown("tokens.edit.target.id"));
  REQUIRE(t.click("tokens.open_try_it"));
  CHECK(t.app->context().view == web::View::kTryIt);
}

TEST_CASE("An inspected token keeps its edits and its verification until what they depend on changes") {
  const Timestamp now = from_epoch_millis(1'800'000'000'000);
  TokenGrant g;
  g.user_pool_id = "us-east-1_AbCdEfGhI";
  g.issuer = issuer_for(g.user_pool_id);
  g.client_id = "6p3bs000no6a4ue1idruvd05ad";
  g.auth_time = g.issued_at = now - 1min;
  g.event_id = "e0000000-0000-4000-8000-000000000000";
  const TokenSubject subject{"11111111-2222-4333-8444-555555555555", "alice", {}, Json{{"email", "a@example.com"}}};
  const std::string token = sign_token(id_token_claims(subject, g, "j1"), test::shared_pool_keys().id_token);
  const Jwks keys = test::shared_pool_keys().jwks(), no_keys;

  web::InspectedToken inspected;
  inspected.set(" " + token + "\n");
  CHECK(inspected.current() == token);
  web::VerifyContext with{&keys, "the pool's keys", {issuer_for(g.user_pool_id), "id", {g.client_id}, 0s}};
  CHECK(inspected.verify(with, now).valid());
  // The same name for the keys: the last outcome is kept, nothing is re-verified.
  with.jwks = &no_keys;
  CHECK(inspected.verify(with, now).valid());
  // Another name, or another second on the clock, verifies again.
  with.jwks_key = "no keys";
  CHECK_FALSE(inspected.verify(with, now).valid());
  with.jwks = &keys;
  CHECK(inspected.verify(with, now + 1s).valid());

  // Edits change the token and survive the same token being set again.
  *inspected.edit_text("email") = "mallory@example.com";
  inspected.commit_edit("email");
  CHECK(inspected.edited());
  CHECK(inspected.claim_edited("email"));
  inspected.set(token);
  CHECK(inspected.payload()["email"] == "mallory@example.com");
  CHECK_FALSE(inspected.verify(with, now + 1s).valid());
  // Text that is no value for the claim is reported and changes nothing.
  *inspected.edit_text("exp") = "soon";
  inspected.commit_edit("exp");
  REQUIRE(inspected.edit_error("exp") != nullptr);
  CHECK(inspected.payload()["exp"] == decode_jwt(token)->payload["exp"]);
  inspected.restore();
  CHECK(inspected.current() == token);
  CHECK(inspected.edit_error("exp") == nullptr);
  CHECK(*inspected.edit_text("email") == "a@example.com");
  // Another token drops the edits.
  *inspected.edit_text("email") = "x";
  inspected.commit_edit("email");
  inspected.set("abc");
  CHECK_FALSE(inspected.edited());
  REQUIRE(inspected.format_problem() != nullptr);
  CHECK(inspected.format_problem()->kind == JwtFormatError::kWrongPartCount);
}
