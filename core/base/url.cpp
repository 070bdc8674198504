#include "core/base/url.h"

#include <cctype>

namespace userpool {

std::string url_encode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (const unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

std::optional<std::string> url_decode(std::string_view text) {
  const auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '+') {
      out.push_back(' ');
    } else if (text[i] == '%') {
      if (i + 2 >= text.size()) return std::nullopt;
      const int hi = hex(text[i + 1]), lo = hex(text[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      out.push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

UrlParams parse_url_params(std::string_view text) {
  UrlParams out;
  while (!text.empty()) {
    const auto amp = text.find('&');
    const std::string_view piece = text.substr(0, amp);
    text = amp == std::string_view::npos ? std::string_view{} : text.substr(amp + 1);
    if (piece.empty()) continue;
    const auto eq = piece.find('=');
    const std::string_view name = piece.substr(0, eq), value = eq == std::string_view::npos ? std::string_view{} : piece.substr(eq + 1);
    out.emplace_back(url_decode(name).value_or(std::string(name)), url_decode(value).value_or(std::string(value)));
  }
  return out;
}

std::map<std::string, std::string> first_values(const UrlParams& params) {
  std::map<std::string, std::string> out;
  for (const auto& [name, value] : params) out.emplace(name, value);
  return out;
}

std::string format_url_params(const UrlParams& params) {
  std::string out;
  for (const auto& [name, value] : params) {
    if (!out.empty()) out.push_back('&');
    out += url_encode(name) + "=" + url_encode(value);
  }
  return out;
}

std::string with_query(std::string_view url, const UrlParams& params) {
  std::string out(url.substr(0, url.find('#')));
  if (params.empty()) return out;
  if (out.find('?') == std::string::npos) out.push_back('?');
  else if (out.back() != '?' && out.back() != '&') out.push_back('&');
  return out + format_url_params(params);
}

std::string with_fragment(std::string_view url, const UrlParams& params) {
  return std::string(url.substr(0, url.find('#'))) + "#" + format_url_params(params);
}

std::map<std::string, std::string> parse_cookie_header(std::string_view header) {
  std::map<std::string, std::string> out;
  while (!header.empty()) {
    const auto semi = header.find(';');
    std::string_view piece = header.substr(0, semi);
    header = semi == std::string_view::npos ? std::string_view{} : header.substr(semi + 1);
    while (!piece.empty() && piece.front() == ' ') piece.remove_prefix(1);
    while (!piece.empty() && piece.back() == ' ') piece.remove_suffix(1);
    const auto eq = piece.find('=');
    if (eq == std::string_view::npos || eq == 0) continue;
    out.emplace(std::string(piece.substr(0, eq)), std::string(piece.substr(eq + 1)));
  }
  return out;
}

}  // namespace userpool
