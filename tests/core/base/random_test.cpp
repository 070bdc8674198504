#include "core/base/random.h"

#include <algorithm>
#include <array>
#include <catch2/catch.hpp>
#include <map>

using namespace userpool;

TEST_CASE("The secure source fills every byte and differs between calls") {
  auto& random = secure_random();
  const auto a = random.bytes(64), b = random.bytes(64);
  CHECK(a.size() == 64);
  CHECK(a != b);
  // 64 zero bytes from a working CSPRNG would be a 2^-512 event.
  CHECK(std::any_of(a.begin(), a.end(), [](std::uint8_t x) { return x != 0; }));
}

TEST_CASE("below() stays in range and reaches every value") {
  SeededRandom random(7);
  std::map<std::uint32_t, int> counts;
  for (int i = 0; i < 6000; ++i) {
    const auto v = random.below(6);
    REQUIRE(v < 6);
    ++counts[v];
  }
  REQUIRE(counts.size() == 6);
  // Each face near 1000; a biased or broken draw lands far outside.
  for (const auto& [value, n] : counts) CHECK((n > 850 && n < 1150));
}

TEST_CASE("below() refuses an empty range") {
  SeededRandom random(1);
  CHECK_THROWS_AS(random.below(0), std::invalid_argument);
}

TEST_CASE("string_from() draws only from its alphabet") {
  const auto s = secure_random().string_from("ab", 100);
  CHECK(s.size() == 100);
  CHECK(s.find_first_not_of("ab") == std::string::npos);
  CHECK(s.find('a') != std::string::npos);
  CHECK(s.find('b') != std::string::npos);
}
