#include "core/base/identifiers.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace userpool {
namespace {

constexpr std::string_view kAlphanumeric =
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
constexpr std::string_view kLowerAlphanumeric = "0123456789abcdefghijklmnopqrstuvwxyz";

bool is_word_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
}

}  // namespace

std::string generate_user_pool_id(std::string_view region, RandomSource& random) {
  return std::string(region) + "_" + random.string_from(kAlphanumeric, 9);
}

std::string generate_app_client_id(RandomSource& random) {
  return random.string_from(kLowerAlphanumeric, 26);
}

std::string generate_uuid_v4(RandomSource& random) {
  std::array<std::uint8_t, 16> b{};
  random.fill(b);
  b[6] = static_cast<std::uint8_t>((b[6] & 0x0F) | 0x40);  // version 4
  b[8] = static_cast<std::uint8_t>((b[8] & 0x3F) | 0x80);  // RFC 4122 variant
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(36);
  for (std::size_t i = 0; i < b.size(); ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out.push_back('-');
    out.push_back(kHex[b[i] >> 4]);
    out.push_back(kHex[b[i] & 0x0F]);
  }
  return out;
}

std::string generate_confirmation_code(RandomSource& random) { return random.string_from("0123456789", 6); }

bool is_user_pool_id(std::string_view s) {
  if (s.empty() || s.size() > 55) return false;
  // The last '_' splits region from name: the name part has no '_'.
  const auto sep = s.rfind('_');
  if (sep == std::string_view::npos || sep == 0 || sep + 1 == s.size()) return false;
  const auto region = s.substr(0, sep), name = s.substr(sep + 1);
  return std::all_of(region.begin(), region.end(), [](char c) { return is_word_char(c) || c == '-'; }) &&
         std::all_of(name.begin(), name.end(),
                     [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; });
}

bool is_uuid(std::string_view s) {
  if (s.size() != 36) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? s[i] != '-' : std::isxdigit(static_cast<unsigned char>(s[i])) == 0) return false;
  }
  return true;
}

std::string_view pool_name_of(std::string_view user_pool_id) {
  const auto sep = user_pool_id.find('_');
  return sep == std::string_view::npos ? std::string_view{} : user_pool_id.substr(sep + 1);
}

}  // namespace userpool
