// ListUsers (API Reference: ListUsers): Cognito's filter syntax, AttributesToGet and
// pagination.
#include <algorithm>
#include <cctype>

#include "core/api/api_error.h"
#include "core/rules/quotas.h"
#include "core/ops/common.h"
#include "core/api/registry.h"

namespace userpool::ops {
namespace {

struct Filter {
  std::string attribute;
  bool prefix = false;  // "^=" rather than "="
  std::string value;
};

const char* const kSearchable[] = {"username", "email", "phone_number", "name", "given_name", "family_name",
                                   "preferred_username", "cognito:user_status", "status", "sub"};

// <attribute> (= | ^=) "<value>", with \" and \\ escapes in the value; an
// empty filter lists everyone.
std::optional<Filter> parse_filter(const std::string& text) {
  std::size_t i = 0;
  const auto skip_spaces = [&] {
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i])) != 0) ++i;
  };
  skip_spaces();
  if (i == text.size()) return std::nullopt;
  Filter f;
  while (i < text.size() && (std::isalnum(static_cast<unsigned char>(text[i])) != 0 || text[i] == '_' || text[i] == ':'))
    f.attribute += text[i++];
  skip_spaces();
  if (text.compare(i, 2, "^=") == 0) {
    f.prefix = true;
    i += 2;
  } else if (i < text.size() && text[i] == '=') {
    ++i;
  } else {
    fail_invalid_parameter("Error while parsing filter.", "A filter reads: attribute = \"value\" or attribute ^= \"prefix\"");
  }
  skip_spaces();
  if (i >= text.size() || text[i] != '"') fail_invalid_parameter("Error while parsing filter.", "The value must be in double quotes");
  for (++i; i < text.size() && text[i] != '"'; ++i) {
    if (text[i] == '\\' && i + 1 < text.size()) ++i;
    f.value += text[i];
  }
  if (i >= text.size()) fail_invalid_parameter("Error while parsing filter.", "The value's closing quote is missing");
  ++i;
  skip_spaces();
  if (i != text.size()) fail_invalid_parameter("Error while parsing filter.", "Only one attribute can be filtered on");
  if (std::find(std::begin(kSearchable), std::end(kSearchable), f.attribute) == std::end(kSearchable))
    fail_invalid_parameter("Invalid search attribute: " + f.attribute,
                           "Searchable: username, email, phone_number, name, given_name, family_name, preferred_username, "
                           "cognito:user_status, status, sub (custom attributes are not searchable)");
  return f;
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

bool matches(const Filter& f, const User& user) {
  std::string actual;
  std::string wanted = f.value;
  if (f.attribute == "username") {
    actual = user.username;
  } else if (f.attribute == "cognito:user_status") {
    actual = lower(user.status);  // case-insensitive
    wanted = lower(wanted);
  } else if (f.attribute == "status") {
    actual = user.enabled ? "Enabled" : "Disabled";
  } else {
    const std::string* v = user.attribute(f.attribute);
    if (v == nullptr) return false;
    actual = *v;
  }
  return f.prefix ? actual.rfind(wanted, 0) == 0 : actual == wanted;
}


std::string make_token(std::uint64_t next_seq, Timestamp now) {
  return base64url_encode(to_bytes(Json{{"next", next_seq}, {"issued", now.time_since_epoch().count()}}.dump()));
}

std::uint64_t read_token(const std::string& token, Timestamp now) {
  const auto bytes = base64url_decode(token);
  const auto json = parse_json_text(bytes ? to_string(*bytes) : std::string());
  if (!json || !json->is_object()) fail_invalid_parameter("Invalid pagination token.");
  const auto next = json->find("next"), issued = json->find("issued");
  if (next == json->end() || !next->is_number_unsigned() || issued == json->end() || !issued->is_number_integer())
    fail_invalid_parameter("Invalid pagination token.");
  if (now - from_epoch_millis(issued->get<std::int64_t>()) > quotas::kPaginationTokenLifetime)
    fail_invalid_parameter("Pagination token has expired.", "ListUsers pagination tokens are valid for 1 hour");
  return next->get<std::uint64_t>();
}


Json list_users(OpContext& ctx, const Request& r) {
  UserPool& pool = require_pool(ctx, r.string("UserPoolId", shapes::kUserPoolId));
  auto limit = static_cast<std::size_t>(r.optional_int("Limit", 0, 60).value_or(60));
  if (limit == 0) limit = 60;
  StringShape filter_shape;
  filter_shape.max = 256;
  const auto filter = parse_filter(r.optional_string("Filter", filter_shape).value_or(""));
  const auto wanted = r.optional_string_list("AttributesToGet", shapes::kAttributeName);
  if (wanted)
    for (const auto& name : *wanted)
      if (find_attribute(pool.config.schema, name) == nullptr)
        fail_invalid_parameter("One or more requested attributes do not exist in the schema: " + name + ".");
  const auto token = r.optional_string("PaginationToken");
  const std::uint64_t start = token ? read_token(*token, ctx.now) : 0;

  Json users = Json::array();
  const auto& all = pool.users.users();
  auto it = all.lower_bound(start);
  for (; it != all.end() && users.size() < limit; ++it) {
    if (filter && !matches(*filter, it->second)) continue;
    users.push_back(user_json(it->second, "Attributes", [&](std::string_view name) {
      return !wanted || std::find(wanted->begin(), wanted->end(), name) != wanted->end();
    }));
  }
  // Another page only if a further user matches.
  while (it != all.end() && filter && !matches(*filter, it->second)) ++it;
  Json out = {{"Users", users}};
  if (it != all.end()) out["PaginationToken"] = make_token(it->first, ctx.now);
  return out;
}

}  // namespace

// The operations of this file, for the registry (core/api/registry.h).
const OperationTable& list_users_operations() {
  static const OperationTable table = {
      {"ListUsers", list_users, OperationKind::kRead},
  };
  return table;
}

}  // namespace userpool::ops
