#include "core/lessons/lesson_pointer.h"

namespace userpool::lessons {
namespace {

bool is_array_index(std::string_view token) {
  if (token.empty() || token.size() > 9) return false;  // beyond any array a document holds
  if (token.size() > 1 && token[0] == '0') return false;
  for (char c : token)
    if (c < '0' || c > '9') return false;
  return true;
}

}  // namespace

tl::expected<std::vector<std::string>, std::string> parse_pointer(std::string_view pointer) {
  std::vector<std::string> tokens;
  if (pointer.empty()) return tokens;
  if (pointer[0] != '/') return tl::unexpected(std::string("is not a JSON pointer (it must be empty or start with \"/\")"));
  std::string token;
  for (std::size_t i = 1; i <= pointer.size(); ++i) {
    if (i == pointer.size() || pointer[i] == '/') {
      tokens.push_back(std::move(token));
      token.clear();
    } else if (pointer[i] == '~') {
      const char next = i + 1 < pointer.size() ? pointer[i + 1] : '\0';
      if (next != '0' && next != '1')
        return tl::unexpected(std::string("is not a JSON pointer (\"~\" must be followed by 0 or 1: \"~0\" is \"~\", \"~1\" is \"/\")"));
      token += next == '0' ? '~' : '/';
      ++i;
    } else {
      token += pointer[i];
    }
  }
  return tokens;
}

const Json* find_pointer(const Json& document, const std::vector<std::string>& tokens) {
  const Json* at = &document;
  for (const std::string& token : tokens) {
    if (at->is_object()) {
      const auto it = at->find(token);
      if (it == at->end()) return nullptr;
      at = &*it;
    } else if (at->is_array()) {
      if (!is_array_index(token)) return nullptr;
      const std::size_t index = std::stoul(token);
      if (index >= at->size()) return nullptr;
      at = &(*at)[index];
    } else {
      return nullptr;
    }
  }
  return at;
}

std::string path_name(const std::vector<std::string>& tokens) {
  std::string out;
  for (const std::string& token : tokens) {
    if (is_array_index(token)) {
      out += "[" + token + "]";
    } else {
      if (!out.empty()) out += '.';
      out += token;
    }
  }
  return out;
}

std::string quote_value(const Json& value, std::size_t limit) {
  std::string text = value.dump(-1, ' ', false, Json::error_handler_t::replace);
  if (text.size() <= limit) return text;
  std::size_t cut = limit;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not inside a UTF-8 sequence
  text.resize(cut);
  return text + "...";
}

}  // namespace userpool::lessons
