#include "core/crypto/totp.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>

#include "core/crypto/digest.h"

namespace userpool {

std::string generate_totp_secret(RandomSource& random) { return base32_encode(random.bytes(32)); }

std::int64_t totp_step(Timestamp t) {
  const auto s = to_epoch_whole_seconds(t);
  return s >= 0 ? s / kTotpStepSeconds : (s - kTotpStepSeconds + 1) / kTotpStepSeconds;
}

std::string totp_code(std::span<const std::uint8_t> key, std::int64_t step, int digits) {
  // RFC 4226 section 5.3: HMAC over the big-endian counter, then dynamic truncation.
  std::array<std::uint8_t, 8> counter{};
  for (int i = 7; i >= 0; --i, step >>= 8) counter[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(step & 0xff);
  const Bytes mac = hmac_sha1(key, counter);
  const std::size_t offset = mac.back() & 0x0f;
  const std::uint32_t binary = (static_cast<std::uint32_t>(mac[offset] & 0x7f) << 24) |
                               (static_cast<std::uint32_t>(mac[offset + 1]) << 16) |
                               (static_cast<std::uint32_t>(mac[offset + 2]) << 8) | mac[offset + 3];
  std::uint32_t modulus = 1;
  for (int i = 0; i < digits; ++i) modulus *= 10;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%0*u", digits, binary % modulus);
  return buf;
}

std::string totp_code_now(std::string_view base32_secret, Timestamp now) {
  const auto key = base32_decode(base32_secret);
  return key ? totp_code(*key, totp_step(now)) : std::string();
}

std::optional<std::int64_t> totp_match(std::string_view base32_secret, std::string_view code, Timestamp now) {
  const auto key = base32_decode(base32_secret);
  if (!key || code.size() != 6) return std::nullopt;
  const auto step = totp_step(now);
  // Every candidate is computed, so the time taken says nothing about which matched.
  std::optional<std::int64_t> match;
  for (const std::int64_t s : {step - 1, step, step + 1})
    if (constant_time_equal(std::string_view(totp_code(*key, s)), code) && !match) match = s;
  return match;
}

std::string otpauth_uri(std::string_view issuer, std::string_view account, std::string_view base32_secret) {
  const auto encode = [](std::string_view s) {
    std::string out;
    for (const unsigned char c : s) {
      if (std::isalnum(c) != 0 || c == '-' || c == '.' || c == '_' || c == '~' || c == '@') {
        out.push_back(static_cast<char>(c));
      } else {
        char buf[4];
        std::snprintf(buf, sizeof buf, "%%%02X", c);
        out += buf;
      }
    }
    return out;
  };
  return "otpauth://totp/" + encode(issuer) + ":" + encode(account) + "?secret=" + std::string(base32_secret) +
         "&issuer=" + encode(issuer);
}

}  // namespace userpool
