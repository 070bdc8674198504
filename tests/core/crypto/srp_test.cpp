#include "core/crypto/srp.h"

#include <catch2/catch.hpp>

using namespace userpool;
using namespace std::chrono_literals;

namespace {

constexpr const char* kPoolId = "us-east-1_AbCdEfGhI";

struct Fixture {
  SeededRandom random{2024};
  Timestamp now = from_epoch_millis(1'793'000'000'000);
  srp::Server server{kPoolId, Bytes(32, 0x5a)};
  srp::PasswordVerifier verifier = srp::make_password_verifier("AbCdEfGhI", "alice", "Passw0rd!", random);
  srp::Client client{kPoolId, random};
  srp::ServerChallenge challenge = *server.begin("alice", verifier, client.srp_a(), now, random);
  std::string timestamp = srp::format_timestamp(now);

  std::string sign(std::string_view password, std::string_view user = "alice") {
    return *client.password_claim_signature(user, password, challenge.srp_b, challenge.salt, challenge.secret_block,
                                            timestamp);
  }
  tl::expected<void, srp::Error> verify(std::string_view signature, std::string_view user = "alice") {
    return server.verify({user, challenge.secret_block, timestamp, signature}, verifier, now);
  }
};

}  // namespace

TEST_CASE("The group is RFC 5054's 3072-bit prime with g = 2") {
  const auto n = srp::group_N().to_hex();
  CHECK(n.size() == 768);
  CHECK(n.rfind("ffffffffffffffffc90fdaa22168c234c4c6628b80dc1cd1", 0) == 0);
  CHECK(n.substr(n.size() - 48) == "43db5bfce0fd108e4b82d120a93ad2caffffffffffffffff");
  CHECK(srp::group_g().to_hex() == "2");
}

TEST_CASE("k is H(pad(N) || pad(g)) as Cognito's clients compute it") {
  CHECK(srp::multiplier_k().to_hex() == "538282c4354742d7cbbde2359fcf67f9f5b3a6b08791e5011b43b8a5b66d9ee6");
}

TEST_CASE("pad_hex pads to whole bytes and keeps the number positive") {
  CHECK(srp::pad_hex(BigNum(0x7f)) == "7f");
  CHECK(srp::pad_hex(BigNum(0x80)) == "0080");
  CHECK(srp::pad_hex(BigNum(0xf)) == "0f");
  CHECK(srp::pad_hex(BigNum(0x123)) == "0123");
  CHECK(srp::pad_hex(BigNum(0x8123)) == "008123");
}

TEST_CASE("TIMESTAMP is English, UTC, with an unpadded day") {
  // 2026-11-03 05:01:20 UTC was a Tuesday.
  const auto t = from_epoch_millis(1'793'682'080'000);
  CHECK(srp::format_timestamp(t) == "Tue Nov 3 05:01:20 UTC 2026");
  CHECK(srp::format_timestamp(from_epoch_millis(0)) == "Thu Jan 1 00:00:00 UTC 1970");
  CHECK(srp::format_timestamp(from_epoch_millis(1'703'980'799'999)) == "Sat Dec 30 23:59:59 UTC 2023");
}

TEST_CASE("TIMESTAMP parsing accepts what clients send and refuses the rest") {
  const auto t = from_epoch_millis(1'793'682'080'000);
  CHECK(srp::parse_timestamp("Tue Nov 3 05:01:20 UTC 2026") == t);
  CHECK(srp::parse_timestamp("Tue Nov 03 05:01:20 UTC 2026") == t);  // zero-padded day
  CHECK_FALSE(srp::parse_timestamp("Wed Nov 3 05:01:20 UTC 2026"));   // weekday does not match
  CHECK_FALSE(srp::parse_timestamp("Tue Nov 3 5:01:20 UTC 2026"));
  CHECK_FALSE(srp::parse_timestamp("Tue Nov 3 05:01:20 GMT 2026"));
  CHECK_FALSE(srp::parse_timestamp("Tue Nov  3 05:01:20 UTC 2026"));
  CHECK_FALSE(srp::parse_timestamp("Tue Nox 3 05:01:20 UTC 2026"));
  CHECK_FALSE(srp::parse_timestamp("Tue Nov 31 05:01:20 UTC 2026"));
  CHECK_FALSE(srp::parse_timestamp("Tue Nov 3 24:00:00 UTC 2026"));
  CHECK_FALSE(srp::parse_timestamp("Tue Nov 3 05:01:20 UTC 2026 "));
  CHECK_FALSE(srp::parse_timestamp("2026-11-03T05:01:20Z"));
  CHECK_FALSE(srp::parse_timestamp(""));
}

TEST_CASE("The pool keeps a salt and a verifier, never the password") {
  SeededRandom random(1);
  const auto v = srp::make_password_verifier("AbCdEfGhI", "alice", "Passw0rd!", random);
  CHECK(v.salt.size() == 32);
  CHECK(v.verifier.find("Passw0rd") == std::string::npos);
  // The same password with a fresh salt gives a different verifier.
  CHECK(srp::make_password_verifier("AbCdEfGhI", "alice", "Passw0rd!", random).verifier != v.verifier);
}

TEST_CASE("An SRP round trip between our client and server succeeds with the right password") {
  Fixture f;
  CHECK(f.challenge.secret_block.rfind("AgV4", 0) == 0);
  const auto result = f.verify(f.sign("Passw0rd!"));
  CHECK(result.has_value());
}

TEST_CASE("SRP fails with a wrong password") {
  Fixture f;
  const auto result = f.verify(f.sign("Passw0rd?"));
  REQUIRE_FALSE(result);
  CHECK(result.error() == srp::Error::kSignatureMismatch);
}

TEST_CASE("SRP fails with a tampered signature") {
  Fixture f;
  auto sig = *base64_decode(f.sign("Passw0rd!"));
  sig[7] ^= 0x01;
  const auto result = f.verify(base64_encode(sig));
  REQUIRE_FALSE(result);
  CHECK(result.error() == srp::Error::kSignatureMismatch);
  CHECK(f.verify("not base64!").error() == srp::Error::kMalformedSignature);
  CHECK(f.verify(base64_encode(Bytes(16, 1))).error() == srp::Error::kMalformedSignature);
}

TEST_CASE("SRP fails with a tampered SECRET_BLOCK") {
  Fixture f;
  const auto signature = f.sign("Passw0rd!");
  auto block = *base64_decode(f.challenge.secret_block);
  block[block.size() / 2] ^= 0x01;
  const auto tampered = base64_encode(block);
  const auto result = f.server.verify({"alice", tampered, f.timestamp, signature}, f.verifier, f.now);
  REQUIRE_FALSE(result);
  CHECK(result.error() == srp::Error::kMalformedSecretBlock);
  CHECK(f.server.user_of_secret_block(tampered).error() == srp::Error::kMalformedSecretBlock);
  CHECK(f.server.user_of_secret_block("AgV4").error() == srp::Error::kMalformedSecretBlock);
}

TEST_CASE("A SECRET_BLOCK from another pool is refused") {
  Fixture f;
  const srp::Server other("us-east-1_Other1234", Bytes(32, 0x11));
  CHECK(other.user_of_secret_block(f.challenge.secret_block).error() == srp::Error::kMalformedSecretBlock);
  CHECK(f.server.user_of_secret_block(f.challenge.secret_block).value() == "alice");
}

TEST_CASE("SRP fails with a stale or malformed TIMESTAMP") {
  Fixture f;
  f.timestamp = srp::format_timestamp(f.now - 6min);
  const auto stale = f.verify(f.sign("Passw0rd!"));
  REQUIRE_FALSE(stale);
  CHECK(stale.error() == srp::Error::kTimestampOutOfRange);

  f.timestamp = srp::format_timestamp(f.now + 4min);  // within tolerance
  CHECK(f.verify(f.sign("Passw0rd!")).has_value());

  f.timestamp = "Tue Nov 3 5:01:20 UTC 2026";
  CHECK(f.verify(f.sign("Passw0rd!")).error() == srp::Error::kMalformedTimestamp);
}

TEST_CASE("SRP fails when the answer comes after the challenge expired") {
  Fixture f;
  const auto late = f.now + 3min + 1s;
  f.timestamp = srp::format_timestamp(late);
  const auto result = f.server.verify({"alice", f.challenge.secret_block, f.timestamp, f.sign("Passw0rd!")},
                                      f.verifier, late);
  REQUIRE_FALSE(result);
  CHECK(result.error() == srp::Error::kSecretBlockExpired);
}

TEST_CASE("SRP fails when USERNAME is not the user the challenge was for") {
  Fixture f;
  const auto result = f.verify(f.sign("Passw0rd!", "mallory"), "mallory");
  REQUIRE_FALSE(result);
  CHECK(result.error() == srp::Error::kWrongUser);
}

TEST_CASE("The server refuses an SRP_A that is zero mod N or not hex") {
  Fixture f;
  const auto now = f.now;
  CHECK(f.server.begin("alice", f.verifier, "0", now, f.random).error() == srp::Error::kIllegalA);
  CHECK(f.server.begin("alice", f.verifier, srp::group_N().to_hex(), now, f.random).error() == srp::Error::kIllegalA);
  CHECK(f.server.begin("alice", f.verifier, "xyz", now, f.random).error() == srp::Error::kIllegalA);
}

TEST_CASE("The client refuses an SRP_B that is zero mod N") {
  Fixture f;
  const auto r = f.client.password_claim_signature("alice", "p", srp::group_N().to_hex(), f.challenge.salt,
                                                   f.challenge.secret_block, f.timestamp);
  REQUIRE_FALSE(r);
  CHECK(r.error() == srp::Error::kIllegalB);
}

TEST_CASE("Every SRP error has a sentence") {
  for (int e = 0; e <= static_cast<int>(srp::Error::kSignatureMismatch); ++e)
    CHECK_FALSE(srp::describe(static_cast<srp::Error>(e)).empty());
}
