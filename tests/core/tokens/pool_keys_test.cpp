#include "core/tokens/pool_keys.h"

#include <catch2/catch.hpp>

#include "tests/core/test_keys.h"

using namespace userpool;

TEST_CASE("Pool keys are three distinct 2048-bit RSA keys and a 32-byte sealing key") {
  const auto& k = test::shared_pool_keys();
  CHECK(k.id_token.key.bits() == 2048);
  CHECK(k.access_token.key.bits() == 2048);
  CHECK(k.refresh_token.bits() == 2048);
  CHECK(k.id_token.key.modulus() != k.access_token.key.modulus());
  CHECK(k.refresh_token.modulus() != k.id_token.key.modulus());
  CHECK(k.sealing_key.size() == 32);
}

TEST_CASE("Pool keys survive saved state, kids included") {
  const auto& k = test::shared_pool_keys();
  const auto back = PoolKeys::from_state(Json::parse(k.to_state().dump()));
  REQUIRE(back);
  CHECK(back->id_token.kid == k.id_token.kid);
  CHECK(back->access_token.kid == k.access_token.kid);
  CHECK(back->refresh_token.modulus() == k.refresh_token.modulus());
  CHECK(back->sealing_key == k.sealing_key);
  CHECK(back->jwks().to_json() == k.jwks().to_json());
}

TEST_CASE("Corrupted key state is refused with the reason") {
  const auto state = test::shared_pool_keys().to_state();
  auto missing = state;
  missing.erase("AccessTokenKey");
  CHECK_THAT(PoolKeys::from_state(missing).error(), Catch::Contains("AccessTokenKey is missing"));
  auto garbled = state;
  garbled["IdTokenKey"] = "-----BEGIN PRIVATE KEY-----\ngarbage\n-----END PRIVATE KEY-----\n";
  CHECK_THAT(PoolKeys::from_state(garbled).error(), Catch::Contains("IdTokenKey"));
  auto short_seal = state;
  short_seal["SealingKey"] = "AAAA";
  CHECK_THAT(PoolKeys::from_state(short_seal).error(), Catch::Contains("SealingKey"));
  CHECK_FALSE(PoolKeys::from_state(Json::array()));
}
