// Text encodings of bytes: base64 (standard and URL-safe), hex and base32.
//
// Base64 and hex are OpenSSL's; the functions here add the strictness a
// token inspector needs (a stray character is an error, not skipped).
// Base32 (RFC 4648, for TOTP secrets) is written here: OpenSSL has none, and
// no base32 library is available for the wasm build.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace userpool {

using Bytes = std::vector<std::uint8_t>;

Bytes to_bytes(std::string_view text);
std::string to_string(std::span<const std::uint8_t> bytes);

// Standard base64 with padding ("+/", "="), as SECRET_HASH and SRP use.
std::string base64_encode(std::span<const std::uint8_t> bytes);
// nullopt for any character outside the alphabet, a bad length or bad padding.
std::optional<Bytes> base64_decode(std::string_view text);

// URL-safe base64 without padding ("-_"), as JWT and JWE parts use.
std::string base64url_encode(std::span<const std::uint8_t> bytes);
// Accepts unpadded input (and tolerates correct "=" padding); nullopt for
// anything else, including characters of the standard alphabet ("+/").
std::optional<Bytes> base64url_decode(std::string_view text);

// Lowercase hex.
std::string hex_encode(std::span<const std::uint8_t> bytes);
// Either case; nullopt for an odd length or a non-hex character.
std::optional<Bytes> hex_decode(std::string_view text);

// RFC 4648 base32, uppercase, without padding (as Cognito's SecretCode).
std::string base32_encode(std::span<const std::uint8_t> bytes);
// Either case, with or without "=" padding; nullopt for other characters or
// an impossible length.
std::optional<Bytes> base32_decode(std::string_view text);

}  // namespace userpool
