// Hashes, MACs and key derivation, all through OpenSSL's EVP interfaces.
#pragma once

#include <span>
#include <string_view>

#include "core/base/encoding.h"

namespace userpool {

using ByteView = std::span<const std::uint8_t>;

Bytes sha256(ByteView data);
Bytes hmac_sha256(ByteView key, ByteView message);
Bytes hmac_sha1(ByteView key, ByteView message);  // TOTP (RFC 6238 default)
// RFC 5869 HKDF with SHA-256 (extract then expand) to `length` bytes.
Bytes hkdf_sha256(ByteView salt, ByteView input_key, ByteView info, std::size_t length);

// Equality that takes the same time wherever the first difference is, for
// comparing secrets (signatures, hashes, codes).
bool constant_time_equal(ByteView a, ByteView b);
bool constant_time_equal(std::string_view a, std::string_view b);

inline ByteView bytes_of(std::string_view s) {
  return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

}  // namespace userpool
