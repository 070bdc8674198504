#include "core/crypto/totp.h"

#include <catch2/catch.hpp>
#include <regex>

#include "core/base/identifiers.h"

using namespace userpool;
using namespace std::chrono_literals;

namespace {
const Bytes kRfcKey = to_bytes("12345678901234567890");
Timestamp at(std::int64_t seconds) { return from_epoch_millis(seconds * 1000); }
}  // namespace

TEST_CASE("TOTP matches the RFC 6238 SHA-1 test vectors") {
  const std::pair<std::int64_t, const char*> vectors[] = {
      {59, "94287082"},         {1111111109, "07081804"}, {1111111111, "14050471"},
      {1234567890, "89005924"}, {2000000000, "69279037"}, {20000000000, "65353130"},
  };
  for (const auto& [t, code] : vectors) {
    INFO("T = " << t);
    CHECK(totp_code(kRfcKey, totp_step(at(t)), 8) == code);
    CHECK(totp_code(kRfcKey, totp_step(at(t))) == std::string(code).substr(2));  // 6 digits, as Cognito
  }
}

TEST_CASE("A code from the previous, current or next 30-second step is accepted, others not") {
  const auto secret = base32_encode(kRfcKey);
  const auto now = at(1111111111);
  const auto step = totp_step(now);
  CHECK(totp_match(secret, totp_code(kRfcKey, step), now) == step);
  CHECK(totp_match(secret, totp_code(kRfcKey, step - 1), now) == step - 1);
  CHECK(totp_match(secret, totp_code(kRfcKey, step + 1), now) == step + 1);
  CHECK_FALSE(totp_match(secret, totp_code(kRfcKey, step - 2), now));
  CHECK_FALSE(totp_match(secret, totp_code(kRfcKey, step + 2), now));
  CHECK_FALSE(totp_match(secret, "12345", now));
  CHECK_FALSE(totp_match("not base32!", "123456", now));
  CHECK(totp_code_now(secret, now) == totp_code(kRfcKey, step));
}

TEST_CASE("A TOTP secret is 52 base32 characters (32 bytes)") {
  const auto s = generate_totp_secret(secure_random());
  CHECK(std::regex_match(s, std::regex("[A-Z2-7]{52}")));
  CHECK(base32_decode(s)->size() == 32);
}

TEST_CASE("The otpauth URI is what authenticator apps read") {
  CHECK(otpauth_uri("MyApp", "alice@example.com", "JBSWY3DPEHPK3PXP") ==
        "otpauth://totp/MyApp:alice@example.com?secret=JBSWY3DPEHPK3PXP&issuer=MyApp");
  CHECK(otpauth_uri("My App", "a:b", "S") == "otpauth://totp/My%20App:a%3Ab?secret=S&issuer=My%20App");
}

TEST_CASE("Confirmation codes are 6 digits from the secure source") {
  const std::regex six("[0-9]{6}");
  bool saw_leading_zero = false;
  for (int i = 0; i < 300; ++i) {
    const auto c = generate_confirmation_code(secure_random());
    REQUIRE(std::regex_match(c, six));
    saw_leading_zero |= c[0] == '0';
  }
  CHECK(saw_leading_zero);  // 1 - 0.9^300: codes keep their leading zeros
}
