// Where the simulation's randomness comes from.
//
// Identifiers, codes, salts and secrets are drawn from a RandomSource. The
// real one is OpenSSL's CSPRNG (seeded in the browser by
// crypto.getRandomValues); tests may pass a seeded one so that a scenario is
// repeatable.
#pragma once

#include <cstdint>
#include <random>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace userpool {

class RandomSource {
 public:
  virtual ~RandomSource() = default;
  // Fills `out` with random bytes. Throws std::runtime_error if no randomness
  // is available (the dispatcher turns that into InternalErrorException).
  virtual void fill(std::span<std::uint8_t> out) = 0;

  std::vector<std::uint8_t> bytes(std::size_t n);
  // A uniformly distributed integer in [0, bound), bound > 0, without modulo bias.
  std::uint32_t below(std::uint32_t bound);
  // `length` characters drawn uniformly from `alphabet`.
  std::string string_from(std::string_view alphabet, std::size_t length);
};

// OpenSSL's RAND_bytes.
class SecureRandom final : public RandomSource {
 public:
  void fill(std::span<std::uint8_t> out) override;
};

// Repeatable bytes from a seed, for tests and benchmarks only: never for
// anything a learner relies on being secret.
class SeededRandom final : public RandomSource {
 public:
  explicit SeededRandom(std::uint64_t seed);
  void fill(std::span<std::uint8_t> out) override;

 private:
  std::mt19937_64 engine_;
};

// The process-wide secure source.
RandomSource& secure_random();

}  // namespace userpool
