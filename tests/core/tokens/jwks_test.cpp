#include "core/tokens/jwks.h"

#include <catch2/catch.hpp>
#include <regex>

#include "tests/core/test_keys.h"

using namespace userpool;

TEST_CASE("A pool's JWKS has its two signing keys with Cognito's members") {
  const auto& keys = test::shared_pool_keys();
  const Json doc = keys.jwks().to_json();
  REQUIRE(doc["keys"].size() == 2);
  for (const auto& k : doc["keys"]) {
    std::vector<std::string> members;
    for (const auto& [name, value] : k.items()) members.push_back(name);
    CHECK(members == std::vector<std::string>{"alg", "e", "kid", "kty", "n", "use"});
    CHECK(k["alg"] == "RS256");
    CHECK(k["kty"] == "RSA");
    CHECK(k["use"] == "sig");
    CHECK(k["e"] == "AQAB");
    CHECK(k["n"].get<std::string>().size() == 342);  // 256 bytes in base64url
  }
  CHECK(doc["keys"][0]["kid"] != doc["keys"][1]["kid"]);
}

TEST_CASE("A key ID is 44 characters of base64 ending in '=', stable for the key") {
  const auto& key = test::shared_pool_keys().id_token.key;
  const auto kid = key_id_for(key);
  CHECK(std::regex_match(kid, std::regex("[A-Za-z0-9+/]{43}=")));
  CHECK(key_id_for(key) == kid);
  CHECK(key_id_for(test::shared_pool_keys().access_token.key) != kid);
}

TEST_CASE("A JWKS round-trips through its JSON") {
  const auto jwks = test::shared_pool_keys().jwks();
  const auto back = Jwks::parse(jwks.to_json());
  REQUIRE(back);
  CHECK(back->to_json() == jwks.to_json());
  REQUIRE(back->find(jwks.keys[1].kid) != nullptr);
  CHECK(back->find(jwks.keys[1].kid)->rsa_key().value().modulus() == jwks.keys[1].rsa_key().value().modulus());
  CHECK(back->find("nope") == nullptr);
}

TEST_CASE("A malformed JWKS is refused with the member at fault") {
  const std::pair<const char*, const char*> cases[] = {
      {"not json", "not JSON"},
      {"[]", "a JSON object; this is an array"},
      {"{}", "no \"keys\" member"},
      {R"({"keys":{}})", "\"keys\" must be an array"},
      {R"({"keys":[1]})", "keys[0] must be an object"},
      {R"({"keys":[{"kid":"a"}]})", "keys[0].kty is missing"},
      {R"({"keys":[{"kty":"RSA"}]})", "keys[0].kid is missing"},
      {R"({"keys":[{"kty":"RSA","kid":5}]})", "keys[0].kid must be a string; it is a number"},
      {R"({"keys":[{"kty":"RSA","kid":"a","e":"AQAB"}]})", "keys[0] is an RSA key without n"},
  };
  for (const auto& [text, message] : cases) {
    INFO(text);
    const auto r = Jwks::parse_text(text);
    REQUIRE_FALSE(r);
    CHECK_THAT(r.error(), Catch::Contains(message));
  }
}

TEST_CASE("A JWK that is not a usable RSA key says why") {
  Jwk ec{"EC", "k", "ES256", "sig", "", ""};
  CHECK_THAT(ec.rsa_key().error(), Catch::Contains("RSA keys only"));
  Jwk bad{"RSA", "k", "RS256", "sig", "@@", "AQAB"};
  CHECK_THAT(bad.rsa_key().error(), Catch::Contains("n is not base64url"));
}
