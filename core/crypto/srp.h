// SRP-6a as Cognito's USER_SRP_AUTH speaks it (amazon-cognito-identity-js: AuthenticationHelper), both sides.
//
// The server side is what the simulated user pool runs: it stores a salt and
// a verifier, never the password; InitiateAuth(USER_SRP_AUTH) answers SRP_A
// with SRP_B, SALT and a SECRET_BLOCK; RespondToAuthChallenge
// (PASSWORD_VERIFIER) checks PASSWORD_CLAIM_SIGNATURE in constant time.
// The client side is what a Cognito client library does, so tests, lessons
// and the UI's "Try it" panel can sign in with SRP too.
//
// Notation as in the reference: H = SHA-256 in lowercase hex, pad() = hex
// padded to whole bytes and to a positive two's-complement reading.
#pragma once

#include <string>
#include <string_view>

#include <tl/expected.hpp>

#include "core/crypto/bignum.h"
#include "core/base/clock.h"
#include "core/base/random.h"

namespace userpool::srp {

// The 3072-bit group of RFC 5054 (= RFC 3526 group 15), g = 2, and
// k = H(pad(N) || pad(g)).
const BigNum& group_N();
const BigNum& group_g();
const BigNum& multiplier_k();

// Cognito's padHex: lowercase hex, an extra "0" for odd length, and "00" in
// front when the first digit is 8-f.
std::string pad_hex(const BigNum& n);

// TIMESTAMP: "ddd MMM D HH:mm:ss UTC YYYY" in English, day not zero-padded,
// e.g. "Tue Nov 3 05:01:20 UTC 2026".
std::string format_timestamp(Timestamp t);
// Strict: the weekday must match the date (as a Java date parser insists);
// a zero-padded day is accepted. nullopt for anything else.
std::optional<Timestamp> parse_timestamp(std::string_view text);

// What a user pool keeps instead of a password.
struct PasswordVerifier {
  std::string salt;      // hex of 16 random bytes, sent as SALT
  std::string verifier;  // hex of v = g^x mod N
};
PasswordVerifier make_password_verifier(std::string_view pool_name, std::string_view user_id_for_srp,
                                        std::string_view password, RandomSource& random);

// Whether a password is the one a verifier was made from (for the flows that
// send the password itself: USER_PASSWORD_AUTH, ChangePassword, ...).
// Recomputes v from the salt; compares in constant time.
bool password_matches(const PasswordVerifier& verifier, std::string_view pool_name, std::string_view user_id_for_srp,
                      std::string_view password);

enum class Error {
  kIllegalA,              // A mod N == 0, or SRP_A not hex
  kIllegalB,              // B mod N == 0, or SRP_B not hex (client side)
  kZeroU,                 // u == 0
  kMalformedSalt,         // SALT not hex (client side)
  kMalformedSecretBlock,  // not base64, not ours, or tampered with
  kSecretBlockExpired,    // the challenge was answered too late
  kWrongUser,             // USERNAME differs from the user the block was issued for
  kMalformedTimestamp,    // TIMESTAMP not in the format above
  kTimestampOutOfRange,   // TIMESTAMP too far from the pool's clock
  kMalformedSignature,    // PASSWORD_CLAIM_SIGNATURE not base64 of 32 bytes
  kSignatureMismatch,     // wrong password (or anything else in the proof wrong)
};
// A sentence saying what went wrong, for the event log and tests.
std::string_view describe(Error e);

// What InitiateAuth returns as ChallengeParameters for PASSWORD_VERIFIER.
struct ServerChallenge {
  std::string srp_b;         // hex
  std::string salt;          // hex
  std::string secret_block;  // base64
};

struct ClaimLimits {
  // How long after InitiateAuth the PASSWORD_VERIFIER answer may come.
  Millis secret_block_lifetime{std::chrono::minutes(3)};
  // How far TIMESTAMP may be from the pool's clock, either way.
  Millis timestamp_tolerance{std::chrono::minutes(5)};
};

// The PASSWORD_VERIFIER answer.
struct Claim {
  std::string_view user_id_for_srp;  // USERNAME
  std::string_view secret_block;     // PASSWORD_CLAIM_SECRET_BLOCK
  std::string_view timestamp;        // TIMESTAMP
  std::string_view signature;        // PASSWORD_CLAIM_SIGNATURE
};

class Server {
 public:
  // sealing_key: 32 bytes only this pool knows; it seals the SECRET_BLOCK so
  // the server keeps no per-challenge state and a tampered block is refused.
  Server(std::string user_pool_id, Bytes sealing_key);

  tl::expected<ServerChallenge, Error> begin(std::string_view user_id_for_srp, const PasswordVerifier& verifier,
                                             std::string_view srp_a, Timestamp now, RandomSource& random) const;

  // Which user a SECRET_BLOCK was issued for (the engine looks the user up
  // before calling verify()).
  tl::expected<std::string, Error> user_of_secret_block(std::string_view secret_block) const;

  // Checks a PASSWORD_VERIFIER answer against the user's verifier.
  tl::expected<void, Error> verify(const Claim& claim, const PasswordVerifier& verifier, Timestamp now,
                                   const ClaimLimits& limits = {}) const;

 private:
  struct Opened;
  tl::expected<Opened, Error> open(std::string_view secret_block) const;

  std::string user_pool_id_;
  std::string pool_name_;
  Bytes sealing_key_;
};

// A client's side of one sign-in.
class Client {
 public:
  Client(std::string user_pool_id, RandomSource& random);

  // SRP_A for InitiateAuth: plain lowercase hex, not padded.
  std::string srp_a() const { return A_.to_hex(); }

  // PASSWORD_CLAIM_SIGNATURE for the challenge parameters received.
  tl::expected<std::string, Error> password_claim_signature(std::string_view user_id_for_srp,
                                                            std::string_view password, std::string_view srp_b,
                                                            std::string_view salt, std::string_view secret_block,
                                                            std::string_view timestamp) const;

 private:
  std::string pool_name_;
  BigNum a_, A_;
};

}  // namespace userpool::srp
