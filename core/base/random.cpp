#include "core/base/random.h"

#include <openssl/err.h>
#include <openssl/rand.h>

#include <limits>
#include <stdexcept>

namespace userpool {

std::vector<std::uint8_t> RandomSource::bytes(std::size_t n) {
  std::vector<std::uint8_t> out(n);
  fill(out);
  return out;
}

std::uint32_t RandomSource::below(std::uint32_t bound) {
  if (bound == 0) throw std::invalid_argument("RandomSource::below: bound must be positive");
  // Reject draws from the incomplete last block of `bound` values.
  const std::uint64_t range = std::uint64_t{1} << 32;
  const std::uint64_t limit = range - (range % bound);
  for (;;) {
    std::uint8_t b[4];
    fill(b);
    const std::uint64_t v = std::uint64_t{b[0]} | std::uint64_t{b[1]} << 8 |
                            std::uint64_t{b[2]} << 16 | std::uint64_t{b[3]} << 24;
    if (v < limit) return static_cast<std::uint32_t>(v % bound);
  }
}

std::string RandomSource::string_from(std::string_view alphabet, std::size_t length) {
  std::string out;
  out.reserve(length);
  const auto n = static_cast<std::uint32_t>(alphabet.size());
  for (std::size_t i = 0; i < length; ++i) out.push_back(alphabet[below(n)]);
  return out;
}

void SecureRandom::fill(std::span<std::uint8_t> out) {
  if (out.empty()) return;
  if (out.size() > static_cast<std::size_t>(std::numeric_limits<int>::max()) ||
      RAND_bytes(out.data(), static_cast<int>(out.size())) != 1) {
    char reason[256] = "no reason given";
    if (const unsigned long e = ERR_get_error()) ERR_error_string_n(e, reason, sizeof reason);
    throw std::runtime_error(std::string("the secure random source failed: ") + reason);
  }
}

SeededRandom::SeededRandom(std::uint64_t seed) : engine_(seed) {}

void SeededRandom::fill(std::span<std::uint8_t> out) {
  for (auto& byte : out) byte = static_cast<std::uint8_t>(engine_() >> 56);
}

RandomSource& secure_random() {
  static SecureRandom source;
  return source;
}

}  // namespace userpool
