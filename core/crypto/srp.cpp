#include "core/crypto/srp.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <vector>

#include "core/crypto/aes_gcm.h"
#include "core/crypto/digest.h"
#include "core/base/identifiers.h"
#include "core/base/json.h"

namespace userpool::srp {
namespace {

constexpr std::string_view kInfo = "Caldera Derived Key";

// H(text) and H(bytes of hex), as lowercase hex (amazon-cognito-identity-js: AuthenticationHelper notation).
std::string hash_hex(ByteView data) { return hex_encode(sha256(data)); }
BigNum hash_of_hex(std::string_view hex) {
  const auto bytes = hex_decode(hex);
  return *BigNum::from_hex(hash_hex(*bytes));  // callers pass valid hex
}

BigNum compute_u(const BigNum& A, const BigNum& B) { return hash_of_hex(pad_hex(A) + pad_hex(B)); }

BigNum compute_x(std::string_view pool_name, std::string_view user_id, std::string_view password,
                 const BigNum& salt) {
  std::string identity;
  identity.append(pool_name).append(user_id).append(":").append(password);
  return hash_of_hex(pad_hex(salt) + hash_hex(bytes_of(identity)));
}

// The 16-byte key both sides derive from S and u.
Bytes derive_key(const BigNum& S, const BigNum& u) {
  const auto ikm = *hex_decode(pad_hex(S));
  const auto salt = *hex_decode(pad_hex(u));
  return hkdf_sha256(salt, ikm, bytes_of(kInfo), 16);
}

Bytes claim_mac(ByteView key, std::string_view pool_name, std::string_view user_id, ByteView secret_block,
                std::string_view timestamp) {
  Bytes message = to_bytes(pool_name);
  message.insert(message.end(), user_id.begin(), user_id.end());
  message.insert(message.end(), secret_block.begin(), secret_block.end());
  message.insert(message.end(), timestamp.begin(), timestamp.end());
  return hmac_sha256(key, message);
}

// SECRET_BLOCK layout: 3 marker bytes, 12-byte IV, 16-byte tag, ciphertext.
// The marker makes its base64 start with "AgV4", as Cognito's blocks do
// (their format is AWS's; ours is only shaped alike).
constexpr std::array<std::uint8_t, 3> kBlockMarker = {0x02, 0x05, 0x78};

constexpr const char* kWeekdays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

}  // namespace

const BigNum& group_N() {
  static const BigNum n = [] {
    BigNum v;
    if (BN_get_rfc3526_prime_3072(v.get()) == nullptr) throw std::runtime_error("OpenSSL: no RFC 3526 prime");
    return v;
  }();
  return n;
}

const BigNum& group_g() {
  static const BigNum g(2);
  return g;
}

const BigNum& multiplier_k() {
  static const BigNum k = hash_of_hex(pad_hex(group_N()) + pad_hex(group_g()));
  return k;
}

std::string pad_hex(const BigNum& n) {
  std::string hex = n.to_hex();
  if (hex.size() % 2 != 0) hex.insert(0, "0");
  if (std::string_view("89abcdef").find(hex[0]) != std::string_view::npos) hex.insert(0, "00");
  return hex;
}

std::string format_timestamp(Timestamp t) {
  const auto day = std::chrono::floor<std::chrono::days>(t);
  const std::chrono::year_month_day ymd{day};
  const std::chrono::weekday wd{day};
  const std::chrono::hh_mm_ss hms{std::chrono::floor<std::chrono::seconds>(t - day)};
  char buf[48];
  std::snprintf(buf, sizeof buf, "%s %s %u %02d:%02d:%02d UTC %d", kWeekdays[wd.c_encoding()],
                kMonths[static_cast<unsigned>(ymd.month()) - 1], static_cast<unsigned>(ymd.day()),
                static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                static_cast<int>(hms.seconds().count()), static_cast<int>(ymd.year()));
  return buf;
}

std::optional<Timestamp> parse_timestamp(std::string_view text) {
  // Six fields separated by single spaces: ddd MMM D HH:mm:ss UTC YYYY.
  std::vector<std::string_view> f;
  for (std::size_t pos = 0;;) {
    const auto space = text.find(' ', pos);
    f.push_back(text.substr(pos, space - pos));
    if (space == std::string_view::npos) break;
    pos = space + 1;
  }
  const auto digits = [](std::string_view d, std::size_t min, std::size_t max) {
    return d.size() >= min && d.size() <= max &&
           std::all_of(d.begin(), d.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  const auto number = [](std::string_view d) {
    int n = 0;
    for (const char c : d) n = n * 10 + (c - '0');
    return n;
  };
  if (f.size() != 6 || f[4] != "UTC" || !digits(f[2], 1, 2) || !digits(f[5], 4, 4) || f[3].size() != 8 ||
      f[3][2] != ':' || f[3][5] != ':' || !digits(f[3].substr(0, 2), 2, 2) || !digits(f[3].substr(3, 2), 2, 2) ||
      !digits(f[3].substr(6, 2), 2, 2))
    return std::nullopt;
  const auto month = std::find(std::begin(kMonths), std::end(kMonths), f[1]);
  const int hour = number(f[3].substr(0, 2)), minute = number(f[3].substr(3, 2)), second = number(f[3].substr(6, 2));
  if (month == std::end(kMonths) || hour > 23 || minute > 59 || second > 59) return std::nullopt;
  const std::chrono::year_month_day ymd{std::chrono::year{number(f[5])},
                                        std::chrono::month{static_cast<unsigned>(month - std::begin(kMonths) + 1)},
                                        std::chrono::day{static_cast<unsigned>(number(f[2]))}};
  if (!ymd.ok()) return std::nullopt;
  const std::chrono::sys_days date{ymd};
  if (f[0] != kWeekdays[std::chrono::weekday{date}.c_encoding()]) return std::nullopt;
  return std::chrono::time_point_cast<Millis>(date + std::chrono::hours{hour} + std::chrono::minutes{minute} +
                                              std::chrono::seconds{second});
}

PasswordVerifier make_password_verifier(std::string_view pool_name, std::string_view user_id_for_srp,
                                        std::string_view password, RandomSource& random) {
  const Bytes salt = random.bytes(16);
  const BigNum x = compute_x(pool_name, user_id_for_srp, password, BigNum::from_bytes(salt));
  return {hex_encode(salt), mod_exp(group_g(), x, group_N()).to_hex()};
}

bool password_matches(const PasswordVerifier& verifier, std::string_view pool_name, std::string_view user_id_for_srp,
                      std::string_view password) {
  const auto salt = BigNum::from_hex(verifier.salt);
  if (!salt) return false;
  const BigNum x = compute_x(pool_name, user_id_for_srp, password, *salt);
  return constant_time_equal(std::string_view(mod_exp(group_g(), x, group_N()).to_hex()),
                             std::string_view(verifier.verifier));
}

std::string_view describe(Error e) {
  switch (e) {
    case Error::kIllegalA: return "SRP_A is not a valid public value (A mod N must not be 0).";
    case Error::kIllegalB: return "SRP_B is not a valid public value (B mod N must not be 0).";
    case Error::kZeroU: return "The scrambling parameter u came out as 0.";
    case Error::kMalformedSalt: return "SALT is not hexadecimal.";
    case Error::kMalformedSecretBlock: return "PASSWORD_CLAIM_SECRET_BLOCK is not one this user pool issued, or it was changed.";
    case Error::kSecretBlockExpired: return "The PASSWORD_VERIFIER answer came after the challenge expired.";
    case Error::kWrongUser: return "USERNAME is not the user the challenge was issued to.";
    case Error::kMalformedTimestamp: return "TIMESTAMP is not in the format 'ddd MMM D HH:mm:ss UTC YYYY'.";
    case Error::kTimestampOutOfRange: return "TIMESTAMP is too far from the user pool's clock.";
    case Error::kMalformedSignature: return "PASSWORD_CLAIM_SIGNATURE is not the base64 of a 32-byte HMAC.";
    case Error::kSignatureMismatch: return "PASSWORD_CLAIM_SIGNATURE does not match: the password is wrong.";
  }
  return "Unknown SRP error.";
}

struct Server::Opened {
  std::string user_id;
  Timestamp issued_at;
  BigNum A, B, b;
  Bytes raw;  // the decoded block, as the signature covers it
};

Server::Server(std::string user_pool_id, Bytes sealing_key)
    : user_pool_id_(std::move(user_pool_id)),
      pool_name_(pool_name_of(user_pool_id_)),
      sealing_key_(std::move(sealing_key)) {
  if (sealing_key_.size() != 32) throw std::invalid_argument("srp::Server needs a 32-byte sealing key");
}

tl::expected<ServerChallenge, Error> Server::begin(std::string_view user_id_for_srp, const PasswordVerifier& verifier,
                                                   std::string_view srp_a, Timestamp now, RandomSource& random) const {
  const auto A = BigNum::from_hex(srp_a);
  if (!A || mod(*A, group_N()).is_zero()) return tl::unexpected(Error::kIllegalA);
  const BigNum v = *BigNum::from_hex(verifier.verifier);
  // b: 256 random bits, the recommended minimum for SRP's private values;
  // shorter than a client's 1024 bits because the server pays for it on
  // every sign-in.
  BigNum b, B;
  do {
    b = BigNum::from_bytes(random.bytes(32));
    B = mod_add(mod_mul(multiplier_k(), v, group_N()), mod_exp(group_g(), b, group_N()), group_N());
  } while (B.is_zero());

  Json sealed = {{"pool", user_pool_id_}, {"user", std::string(user_id_for_srp)},
                 {"iat", now.time_since_epoch().count()}, {"A", A->to_hex()}, {"B", B.to_hex()}, {"b", b.to_hex()}};
  const Bytes iv = random.bytes(12);
  const auto box = aes256gcm_seal(sealing_key_, iv, kBlockMarker, bytes_of(sealed.dump()));
  Bytes block(kBlockMarker.begin(), kBlockMarker.end());
  block.insert(block.end(), iv.begin(), iv.end());
  block.insert(block.end(), box.tag.begin(), box.tag.end());
  block.insert(block.end(), box.ciphertext.begin(), box.ciphertext.end());
  return ServerChallenge{B.to_hex(), verifier.salt, base64_encode(block)};
}

tl::expected<Server::Opened, Error> Server::open(std::string_view secret_block) const {
  const auto raw = base64_decode(secret_block);
  if (!raw || raw->size() < kBlockMarker.size() + 12 + 16 ||
      !std::equal(kBlockMarker.begin(), kBlockMarker.end(), raw->begin()))
    return tl::unexpected(Error::kMalformedSecretBlock);
  const ByteView all(*raw);
  const auto plain = aes256gcm_open(sealing_key_, all.subspan(3, 12), kBlockMarker, all.subspan(31), all.subspan(15, 16));
  if (!plain) return tl::unexpected(Error::kMalformedSecretBlock);
  // Only this pool's key opens the block, so its content is as we wrote it.
  const Json j = Json::parse(to_string(*plain));
  if (j.at("pool").get<std::string>() != user_pool_id_) return tl::unexpected(Error::kMalformedSecretBlock);
  return Opened{j.at("user").get<std::string>(), from_epoch_millis(j.at("iat").get<std::int64_t>()),
                *BigNum::from_hex(j.at("A").get<std::string>()), *BigNum::from_hex(j.at("B").get<std::string>()),
                *BigNum::from_hex(j.at("b").get<std::string>()), *raw};
}

tl::expected<std::string, Error> Server::user_of_secret_block(std::string_view secret_block) const {
  auto opened = open(secret_block);
  if (!opened) return tl::unexpected(opened.error());
  return opened->user_id;
}

tl::expected<void, Error> Server::verify(const Claim& claim, const PasswordVerifier& verifier, Timestamp now,
                                         const ClaimLimits& limits) const {
  auto opened = open(claim.secret_block);
  if (!opened) return tl::unexpected(opened.error());
  if (now - opened->issued_at > limits.secret_block_lifetime) return tl::unexpected(Error::kSecretBlockExpired);
  if (claim.user_id_for_srp != opened->user_id) return tl::unexpected(Error::kWrongUser);
  const auto stamp = parse_timestamp(claim.timestamp);
  if (!stamp) return tl::unexpected(Error::kMalformedTimestamp);
  const auto skew = *stamp > now ? *stamp - now : now - *stamp;
  if (skew > limits.timestamp_tolerance) return tl::unexpected(Error::kTimestampOutOfRange);
  const auto signature = base64_decode(claim.signature);
  if (!signature || signature->size() != 32) return tl::unexpected(Error::kMalformedSignature);

  const BigNum u = compute_u(opened->A, opened->B);
  if (u.is_zero()) return tl::unexpected(Error::kZeroU);
  const BigNum v = *BigNum::from_hex(verifier.verifier);
  // S = (A * v^u)^b mod N
  const BigNum S = mod_exp(mod_mul(opened->A, mod_exp(v, u, group_N()), group_N()), opened->b, group_N());
  const Bytes expected = claim_mac(derive_key(S, u), pool_name_, claim.user_id_for_srp, opened->raw, claim.timestamp);
  if (!constant_time_equal(expected, *signature)) return tl::unexpected(Error::kSignatureMismatch);
  return {};
}

Client::Client(std::string user_pool_id, RandomSource& random) : pool_name_(pool_name_of(user_pool_id)) {
  // a: 128 random bytes, as Cognito's client libraries draw it.
  do {
    a_ = BigNum::from_bytes(random.bytes(128));
    A_ = mod_exp(group_g(), a_, group_N());
  } while (A_.is_zero());
}

tl::expected<std::string, Error> Client::password_claim_signature(std::string_view user_id_for_srp,
                                                                  std::string_view password, std::string_view srp_b,
                                                                  std::string_view salt, std::string_view secret_block,
                                                                  std::string_view timestamp) const {
  const auto B = BigNum::from_hex(srp_b);
  if (!B || mod(*B, group_N()).is_zero()) return tl::unexpected(Error::kIllegalB);
  const auto salt_n = BigNum::from_hex(salt);
  if (!salt_n) return tl::unexpected(Error::kMalformedSalt);
  const auto block = base64_decode(secret_block);
  if (!block) return tl::unexpected(Error::kMalformedSecretBlock);
  const BigNum u = compute_u(A_, *B);
  if (u.is_zero()) return tl::unexpected(Error::kZeroU);
  const BigNum x = compute_x(pool_name_, user_id_for_srp, password, *salt_n);
  // S = (B - k * g^x)^(a + u * x) mod N
  const BigNum base = mod_sub(*B, mod_mul(multiplier_k(), mod_exp(group_g(), x, group_N()), group_N()), group_N());
  const BigNum S = mod_exp(base, a_ + u * x, group_N());
  return base64_encode(claim_mac(derive_key(S, u), pool_name_, user_id_for_srp, *block, timestamp));
}

}  // namespace userpool::srp
