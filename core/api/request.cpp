#include "core/api/request.h"

#include <algorithm>
#include <cctype>

#include "core/api/api_error.h"
#include "core/base/identifiers.h"

namespace userpool {
namespace {

bool is_ascii_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// Usernames: letters, marks, symbols, numbers and punctuation of any script,
// so no whitespace and no control characters. Bytes >= 0x80 (other scripts
// in UTF-8) are accepted as a whole; Unicode spaces are rare enough here.
bool is_username_text(std::string_view s) {
  return std::none_of(s.begin(), s.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u < 0x20 || u == 0x7f || u == ' ';
  });
}

bool is_client_id_text(std::string_view s) { return is_word_plus(s); }
bool is_pool_id_text(std::string_view s) { return is_user_pool_id(s); }
bool is_name_text(std::string_view s) {
  // [\w\s+=,.@-]+
  return std::all_of(s.begin(), s.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return std::isalnum(u) != 0 || is_ascii_space(u) || std::string_view("_+=,.@-").find(c) != std::string_view::npos;
  });
}
bool is_secret_hash_text(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || std::string_view("_+=/").find(c) != std::string_view::npos;
  });
}
bool is_token_text(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || std::string_view("-_=.").find(c) != std::string_view::npos;
  });
}

// [\x21\x23-\x5B\x5D-\x7E]+: printable ASCII but space, " and backslash
// (resource server identifiers, OAuth scopes); `slash` allows "/" too.
bool is_scope_text(std::string_view s, bool slash) {
  return std::all_of(s.begin(), s.end(), [&](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u >= 0x21 && u <= 0x7e && c != '"' && c != '\\' && (slash || c != '/');
  });
}
bool is_identifier_text(std::string_view s) { return is_scope_text(s, true); }
bool is_scope_name_text(std::string_view s) { return is_scope_text(s, false); }

const char* json_type_name(const Json& j) {
  switch (j.type()) {
    case Json::value_t::object: return "Start of structure or map";
    case Json::value_t::array: return "Start of list";
    case Json::value_t::string: return "STRING_VALUE";
    case Json::value_t::boolean: return "BOOLEAN_VALUE";
    case Json::value_t::null: return "NULL_VALUE";
    default: return "NUMBER_VALUE";
  }
}

[[noreturn]] void wrong_type(const Json& j, const char* wanted) { fail_wrong_type(j, wanted); }

void check_shape(const std::string& path, const std::string& value, const StringShape& shape) {
  const std::string shown = shape.sensitive ? "" : "'" + value + "'";
  if (value.size() < shape.min)
    fail_validation(path, shown, "Member must have length greater than or equal to " + std::to_string(shape.min));
  if (value.size() > shape.max)
    fail_validation(path, shown, "Member must have length less than or equal to " + std::to_string(shape.max));
  if (shape.matches != nullptr && !value.empty() && !shape.matches(value))
    fail_validation(path, shown, std::string("Member must satisfy regular expression pattern: ") + shape.pattern);
}

const Json& empty_object() {
  static const Json empty = Json::object();
  return empty;
}

}  // namespace

namespace shapes {
const StringShape kUserPoolId{1, 55, "[\\w-]+_[0-9a-zA-Z]+", is_pool_id_text};
const StringShape kClientId{1, 128, "[\\w+]+", is_client_id_text, true};
const StringShape kClientSecret{24, 64, "[\\w+]+", is_client_id_text, true};
const StringShape kClientName{1, 128, "[\\w\\s+=,.@-]+", is_name_text};
const StringShape kPoolName{1, 128, "[\\w\\s+=,.@-]+", is_name_text};
const StringShape kUsername{1, 128, "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+", is_username_text, true};
const StringShape kPassword{0, 256, "[\\S]+", has_non_whitespace, true};
const StringShape kSecretHash{1, 128, "[\\w+=/]+", is_secret_hash_text, true};
const StringShape kConfirmationCode{1, 2048, "[\\S]+", has_non_whitespace};
const StringShape kSession{20, 2048, nullptr, nullptr};
const StringShape kToken{1, 100000, "[A-Za-z0-9-_=.]+", is_token_text, true};
const StringShape kAttributeName{1, 32, "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\t\\n\\r ]+", nullptr};
const StringShape kAttributeValue{0, 2048, nullptr, nullptr, true};
const StringShape kGroupName{1, 128, "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+", is_username_text};
const StringShape kResourceServerIdentifier{1, 256, "[\\x21\\x23-\\x5B\\x5D-\\x7E]+", is_identifier_text};
const StringShape kResourceServerName{1, 256, "[\\w\\s+=,.@-]+", is_name_text};
const StringShape kScopeName{1, 256, "[\\x21\\x23-\\x2E\\x30-\\x5B\\x5D-\\x7E]+", is_scope_name_text};
const StringShape kScopeDescription{1, 256, nullptr, nullptr};
const StringShape kAny{};
}  // namespace shapes

bool has_no_whitespace(std::string_view s) {
  return std::none_of(s.begin(), s.end(), [](char c) { return is_ascii_space(static_cast<unsigned char>(c)); });
}

bool has_non_whitespace(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return !is_ascii_space(static_cast<unsigned char>(c)); });
}

bool is_word_plus(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '+';
  });
}

std::string lower_camel(std::string_view member) {
  std::string s(member);
  if (!s.empty()) s[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[0])));
  return s;
}

void fail_validation(const std::string& path, const std::string& shown_value, const std::string& constraint) {
  fail_invalid_parameter("1 validation error detected: Value " + (shown_value.empty() ? "" : shown_value + " ") +
                         "at '" + path + "' failed to satisfy constraint: " + constraint);
}

void fail_serialization(const std::string& message) { fail("SerializationException", message); }

void fail_wrong_type(const Json& j, const char* wanted) {
  if (j.is_object() || j.is_array()) fail_serialization(std::string(json_type_name(j)) + " found where not expected.");
  fail_serialization(std::string(json_type_name(j)) + " can not be converted to " + wanted);
}

Request::Request(std::string operation, const Json& body) : Request(std::move(operation), body, "") {}

Request::Request(std::string operation, const Json& body, std::string path)
    : operation_(std::move(operation)), body_(body.is_object() ? body : empty_object()), path_(std::move(path)) {
  if (!body.is_object() && !body.is_null()) wrong_type(body, "a structure");
}

std::string Request::path_of(std::string_view member) const {
  return path_.empty() ? lower_camel(member) : path_ + "." + lower_camel(member);
}

const Json* Request::find(std::string_view member) const {
  const auto it = body_.find(member);
  // A member sent as null counts as not sent, as AWS treats it.
  return it == body_.end() || it->is_null() ? nullptr : &*it;
}

bool Request::has(std::string_view member) const { return find(member) != nullptr; }

std::string Request::string(std::string_view member, const StringShape& shape) const {
  auto value = optional_string(member, shape);
  if (!value) fail_validation(path_of(member), "null", "Member must not be null");
  return *value;
}

std::optional<std::string> Request::optional_string(std::string_view member, const StringShape& shape) const {
  const Json* j = find(member);
  if (j == nullptr) return std::nullopt;
  if (!j->is_string()) wrong_type(*j, "String");
  std::string value = j->get<std::string>();
  check_shape(path_of(member), value, shape);
  return value;
}

std::optional<bool> Request::optional_bool(std::string_view member) const {
  const Json* j = find(member);
  if (j == nullptr) return std::nullopt;
  if (!j->is_boolean()) wrong_type(*j, "Boolean");
  return j->get<bool>();
}

std::optional<std::int64_t> Request::optional_int(std::string_view member, std::int64_t min, std::int64_t max) const {
  const Json* j = find(member);
  if (j == nullptr) return std::nullopt;
  if (!j->is_number_integer() && !(j->is_number_float() && j->get<double>() == static_cast<double>(static_cast<std::int64_t>(j->get<double>()))))
    wrong_type(*j, "Integer");
  const auto value = j->is_number_float() ? static_cast<std::int64_t>(j->get<double>()) : j->get<std::int64_t>();
  const std::string shown = "'" + std::to_string(value) + "'";
  if (value < min) fail_validation(path_of(member), shown, "Member must have value greater than or equal to " + std::to_string(min));
  if (value > max) fail_validation(path_of(member), shown, "Member must have value less than or equal to " + std::to_string(max));
  return value;
}

const Json* Request::optional_object(std::string_view member) const {
  const Json* j = find(member);
  if (j != nullptr && !j->is_object()) wrong_type(*j, "a structure");
  return j;
}

std::optional<std::vector<std::string>> Request::optional_string_list(std::string_view member, const StringShape& item,
                                                                       std::size_t max_items) const {
  const Json* j = find(member);
  if (j == nullptr) return std::nullopt;
  if (!j->is_array()) wrong_type(*j, "a list");
  if (j->size() > max_items)
    fail_validation(path_of(member), "", "Member must have length less than or equal to " + std::to_string(max_items));
  std::vector<std::string> out;
  for (std::size_t i = 0; i < j->size(); ++i) {
    const Json& v = (*j)[i];
    if (!v.is_string()) wrong_type(v, "String");
    out.push_back(v.get<std::string>());
    check_shape(path_of(member) + "." + std::to_string(i + 1) + ".member", out.back(), item);
  }
  return out;
}

std::map<std::string, std::string> Request::string_map(std::string_view member) const {
  std::map<std::string, std::string> out;
  const Json* j = find(member);
  if (j == nullptr) return out;
  if (!j->is_object()) wrong_type(*j, "a map");
  for (const auto& [key, value] : j->items()) {
    if (!value.is_string()) wrong_type(value, "String");
    out[key] = value.get<std::string>();
  }
  return out;
}

std::optional<AttributeList> Request::optional_attributes(std::string_view member) const {
  const Json* j = find(member);
  if (j == nullptr) return std::nullopt;
  if (!j->is_array()) wrong_type(*j, "a list");
  AttributeList out;
  for (std::size_t i = 0; i < j->size(); ++i) {
    const Request item(operation_, (*j)[i], path_of(member) + "." + std::to_string(i + 1) + ".member");
    out.emplace_back(item.string("Name", shapes::kAttributeName),
                     item.optional_string("Value", shapes::kAttributeValue).value_or(""));
  }
  return out;
}

std::vector<Request> Request::list(std::string_view member, std::size_t min, std::size_t max) const {
  std::vector<Request> out;
  const Json* j = find(member);
  if (j == nullptr) return out;
  if (!j->is_array()) wrong_type(*j, "a list");
  // Like Cognito, a list's length error does not echo the list itself.
  if (j->size() < min)
    fail_validation(path_of(member), "", "Member must have length greater than or equal to " + std::to_string(min));
  if (j->size() > max)
    fail_validation(path_of(member), "", "Member must have length less than or equal to " + std::to_string(max));
  for (std::size_t i = 0; i < j->size(); ++i)
    out.push_back(Request(operation_, (*j)[i], path_of(member) + "." + std::to_string(i + 1) + ".member"));
  return out;
}

Request Request::member(std::string_view member) const {
  const Json* j = optional_object(member);
  return Request(operation_, j != nullptr ? *j : empty_object(), path_of(member));
}

}  // namespace userpool
