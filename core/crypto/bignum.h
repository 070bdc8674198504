// Big integers for SRP, as a thin owner of OpenSSL's BIGNUM.
#pragma once

#include <openssl/bn.h>

#include <optional>
#include <string>
#include <string_view>

#include "core/base/encoding.h"

namespace userpool {

class BigNum {
 public:
  BigNum();
  explicit BigNum(unsigned long value);
  BigNum(const BigNum& other);
  BigNum(BigNum&& other) noexcept;
  BigNum& operator=(BigNum other) noexcept;
  ~BigNum();

  // Hex of either case, without a sign or "0x"; nullopt if it is not hex.
  static std::optional<BigNum> from_hex(std::string_view hex);
  // Big-endian unsigned bytes.
  static BigNum from_bytes(std::span<const std::uint8_t> bytes);

  // Lowercase hex without leading zeros ("0" for zero), as JavaScript's
  // BigInteger.toString(16) gives it.
  std::string to_hex() const;
  // Big-endian bytes, shortest form (empty for zero).
  Bytes to_bytes() const;
  bool is_zero() const;
  int bits() const;

  friend bool operator==(const BigNum& a, const BigNum& b);

  const BIGNUM* get() const { return bn_; }
  BIGNUM* get() { return bn_; }

 private:
  BIGNUM* bn_;
};

// Arithmetic; the results of the modular forms are in [0, m).
BigNum operator+(const BigNum& a, const BigNum& b);
BigNum operator*(const BigNum& a, const BigNum& b);
BigNum mod(const BigNum& a, const BigNum& m);
BigNum mod_add(const BigNum& a, const BigNum& b, const BigNum& m);
BigNum mod_sub(const BigNum& a, const BigNum& b, const BigNum& m);
BigNum mod_mul(const BigNum& a, const BigNum& b, const BigNum& m);
// Constant-time modular exponentiation (the exponent may be secret).
BigNum mod_exp(const BigNum& base, const BigNum& exponent, const BigNum& m);

}  // namespace userpool
