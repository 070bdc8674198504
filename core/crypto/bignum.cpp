#include "core/crypto/bignum.h"

#include <algorithm>
#include <cctype>
#include <memory>
#include <stdexcept>
#include <utility>

namespace userpool {
namespace {

[[noreturn]] void bn_fail(const char* what) { throw std::runtime_error(std::string("OpenSSL BN: ") + what + " failed"); }

// One scratch context per thread: a BN_CTX cannot be shared by threads. The
// engine itself runs one call at a time, but the endpoint answers on a pool
// of threads, and SRP clients (a benchmark's) sign in from several at once.
BN_CTX* scratch() {
  thread_local std::unique_ptr<BN_CTX, decltype(&BN_CTX_free)> ctx(BN_CTX_new(), BN_CTX_free);
  if (!ctx) bn_fail("BN_CTX_new");
  return ctx.get();
}

}  // namespace

BigNum::BigNum() : bn_(BN_new()) {
  if (bn_ == nullptr) bn_fail("BN_new");
}

BigNum::BigNum(unsigned long value) : BigNum() {
  if (BN_set_word(bn_, value) != 1) bn_fail("BN_set_word");
}

BigNum::BigNum(const BigNum& other) : bn_(BN_dup(other.bn_)) {
  if (bn_ == nullptr) bn_fail("BN_dup");
}

BigNum::BigNum(BigNum&& other) noexcept : bn_(std::exchange(other.bn_, nullptr)) {}

BigNum& BigNum::operator=(BigNum other) noexcept {
  std::swap(bn_, other.bn_);
  return *this;
}

BigNum::~BigNum() { BN_clear_free(bn_); }

std::optional<BigNum> BigNum::from_hex(std::string_view hex) {
  if (hex.empty() || hex.size() > 4096 ||
      !std::all_of(hex.begin(), hex.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; }))
    return std::nullopt;
  BigNum out;
  const std::string s(hex);
  BIGNUM* p = out.bn_;
  if (BN_hex2bn(&p, s.c_str()) != static_cast<int>(s.size())) return std::nullopt;
  return out;
}

BigNum BigNum::from_bytes(std::span<const std::uint8_t> bytes) {
  BigNum out;
  if (BN_bin2bn(bytes.data(), static_cast<int>(bytes.size()), out.bn_) == nullptr) bn_fail("BN_bin2bn");
  return out;
}

std::string BigNum::to_hex() const {
  std::unique_ptr<char, void (*)(char*)> hex(BN_bn2hex(bn_), [](char* p) { OPENSSL_free(p); });
  if (!hex) bn_fail("BN_bn2hex");
  std::string s(hex.get());
  // BN_bn2hex writes uppercase and pads to whole bytes; JavaScript does neither.
  std::transform(s.begin(), s.end(), s.begin(),
                 [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
  const auto first = s.find_first_not_of('0');
  return first == std::string::npos ? "0" : s.substr(first);
}

Bytes BigNum::to_bytes() const {
  Bytes out(static_cast<std::size_t>(BN_num_bytes(bn_)));
  BN_bn2bin(bn_, out.data());
  return out;
}

bool BigNum::is_zero() const { return BN_is_zero(bn_) == 1; }

int BigNum::bits() const { return BN_num_bits(bn_); }

bool operator==(const BigNum& a, const BigNum& b) { return BN_cmp(a.get(), b.get()) == 0; }

BigNum operator+(const BigNum& a, const BigNum& b) {
  BigNum r;
  if (BN_add(r.get(), a.get(), b.get()) != 1) bn_fail("BN_add");
  return r;
}

BigNum operator*(const BigNum& a, const BigNum& b) {
  BigNum r;
  if (BN_mul(r.get(), a.get(), b.get(), scratch()) != 1) bn_fail("BN_mul");
  return r;
}

BigNum mod(const BigNum& a, const BigNum& m) {
  BigNum r;
  if (BN_nnmod(r.get(), a.get(), m.get(), scratch()) != 1) bn_fail("BN_nnmod");
  return r;
}

BigNum mod_add(const BigNum& a, const BigNum& b, const BigNum& m) {
  BigNum r;
  if (BN_mod_add(r.get(), a.get(), b.get(), m.get(), scratch()) != 1) bn_fail("BN_mod_add");
  return r;
}

BigNum mod_sub(const BigNum& a, const BigNum& b, const BigNum& m) {
  BigNum r;
  if (BN_mod_sub(r.get(), a.get(), b.get(), m.get(), scratch()) != 1) bn_fail("BN_mod_sub");
  return r;
}

BigNum mod_mul(const BigNum& a, const BigNum& b, const BigNum& m) {
  BigNum r;
  if (BN_mod_mul(r.get(), a.get(), b.get(), m.get(), scratch()) != 1) bn_fail("BN_mod_mul");
  return r;
}

BigNum mod_exp(const BigNum& base, const BigNum& exponent, const BigNum& m) {
  BigNum r;
  BigNum e = exponent;
  BN_set_flags(e.get(), BN_FLG_CONSTTIME);
  if (BN_mod_exp(r.get(), base.get(), e.get(), m.get(), scratch()) != 1) bn_fail("BN_mod_exp");
  return r;
}

}  // namespace userpool
