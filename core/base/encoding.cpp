#include "core/base/encoding.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <algorithm>
#include <cctype>

namespace userpool {
namespace {

bool is_base64_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '+' || c == '/';
}

constexpr std::string_view kBase32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

}  // namespace

Bytes to_bytes(std::string_view text) { return Bytes(text.begin(), text.end()); }

std::string to_string(std::span<const std::uint8_t> bytes) { return std::string(bytes.begin(), bytes.end()); }

std::string base64_encode(std::span<const std::uint8_t> bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), bytes.data(),
                                static_cast<int>(bytes.size()));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

std::optional<Bytes> base64_decode(std::string_view text) {
  if (text.size() % 4 != 0) return std::nullopt;
  std::size_t padding = 0;
  while (padding < 2 && padding < text.size() && text[text.size() - 1 - padding] == '=') ++padding;
  const auto body = text.substr(0, text.size() - padding);
  if (!std::all_of(body.begin(), body.end(), is_base64_char)) return std::nullopt;
  if (text.empty()) return Bytes{};
  Bytes out(text.size() / 4 * 3);
  const int n = EVP_DecodeBlock(out.data(), reinterpret_cast<const unsigned char*>(text.data()),
                                static_cast<int>(text.size()));
  if (n < 0) return std::nullopt;
  out.resize(static_cast<std::size_t>(n) - padding);
  // Only the canonical spelling is accepted: unused low bits in the last
  // character must be zero, so two different strings never decode to the
  // same bytes (a tampered signature must not still verify).
  if (base64_encode(out) != text) return std::nullopt;
  return out;
}

std::string base64url_encode(std::span<const std::uint8_t> bytes) {
  std::string s = base64_encode(bytes);
  while (!s.empty() && s.back() == '=') s.pop_back();
  std::replace(s.begin(), s.end(), '+', '-');
  std::replace(s.begin(), s.end(), '/', '_');
  return s;
}

std::optional<Bytes> base64url_decode(std::string_view text) {
  std::string s(text);
  if (s.find_first_of("+/") != std::string::npos) return std::nullopt;
  while (!s.empty() && s.back() == '=') s.pop_back();
  if (s.size() % 4 == 1) return std::nullopt;  // no byte count gives this length
  std::replace(s.begin(), s.end(), '-', '+');
  std::replace(s.begin(), s.end(), '_', '/');
  s.append((4 - s.size() % 4) % 4, '=');
  if (text.size() > 0 && text.back() == '=' && s.size() != text.size()) return std::nullopt;  // wrong padding
  return base64_decode(s);
}

std::string hex_encode(std::span<const std::uint8_t> bytes) {
  if (bytes.empty()) return {};
  std::string out(bytes.size() * 2 + 1, '\0');
  std::size_t written = 0;
  if (OPENSSL_buf2hexstr_ex(out.data(), out.size(), &written, bytes.data(), bytes.size(), '\0') != 1) return {};
  out.resize(written > 0 ? written - 1 : 0);  // written counts the terminator
  std::transform(out.begin(), out.end(), out.begin(),
                 [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
  return out;
}

std::optional<Bytes> hex_decode(std::string_view text) {
  if (text.size() % 2 != 0) return std::nullopt;
  if (text.empty()) return Bytes{};
  if (!std::all_of(text.begin(), text.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; }))
    return std::nullopt;
  const std::string s(text);  // NUL-terminated for OpenSSL
  Bytes out(text.size() / 2);
  std::size_t written = 0;
  if (OPENSSL_hexstr2buf_ex(out.data(), out.size(), &written, s.c_str(), '\0') != 1) return std::nullopt;
  out.resize(written);
  return out;
}

std::string base32_encode(std::span<const std::uint8_t> bytes) {
  std::string out;
  out.reserve((bytes.size() * 8 + 4) / 5);
  unsigned buffer = 0;
  int bits = 0;
  for (const std::uint8_t b : bytes) {
    buffer = (buffer << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out.push_back(kBase32Alphabet[(buffer >> (bits - 5)) & 0x1F]);
      bits -= 5;
    }
  }
  if (bits > 0) out.push_back(kBase32Alphabet[(buffer << (5 - bits)) & 0x1F]);
  return out;
}

std::optional<Bytes> base32_decode(std::string_view text) {
  while (!text.empty() && text.back() == '=') text.remove_suffix(1);
  // Lengths that no whole number of bytes produces (RFC 4648 section 6).
  const std::size_t rest = text.size() % 8;
  if (rest == 1 || rest == 3 || rest == 6) return std::nullopt;
  Bytes out;
  out.reserve(text.size() * 5 / 8);
  unsigned buffer = 0;
  int bits = 0;
  for (const char c : text) {
    const auto pos = kBase32Alphabet.find(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
    if (pos == std::string_view::npos) return std::nullopt;
    buffer = (buffer << 5) | static_cast<unsigned>(pos);
    bits += 5;
    if (bits >= 8) {
      out.push_back(static_cast<std::uint8_t>((buffer >> (bits - 8)) & 0xFF));
      bits -= 8;
    }
  }
  return out;
}

}  // namespace userpool
