#include "core/model/schema.h"
#include "core/rules/quotas.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdlib>
#include <set>

#include "core/api/api_error.h"

namespace userpool {
namespace {

const char* const kDataTypes[] = {"String", "Number", "DateTime", "Boolean"};

SchemaAttribute string_attr(std::string name, const char* min = "0", const char* max = "2048") {
  SchemaAttribute a;
  a.name = std::move(name);
  a.min_length = min;
  a.max_length = max;
  return a;
}

SchemaAttribute boolean_attr(std::string name) {
  SchemaAttribute a;
  a.name = std::move(name);
  a.data_type = "Boolean";
  return a;
}

[[noreturn]] void fail_schema(const std::string& name, const std::string& why) {
  fail_invalid_parameter("Attributes did not conform to the schema: " + name + ": " + why);
}

bool parse_int(std::string_view s, long long& out) {
  const auto [end, err] = std::from_chars(s.data(), s.data() + s.size(), out);
  return !s.empty() && err == std::errc() && end == s.data() + s.size();
}

bool parse_number(std::string_view s, double& out) {
  if (s.empty()) return false;
  const std::string text(s);
  char* end = nullptr;
  out = std::strtod(text.c_str(), &end);
  return end == text.c_str() + text.size();
}

// Cognito reports a missing "name" by its OIDC member, "name.formatted".
std::string required_name(const std::string& name) { return name == "name" ? "name.formatted" : name; }

// Reads StringAttributeConstraints / NumberAttributeConstraints members
// (numbers written as strings, as the model has them).
void read_constraints(const Request& entry, SchemaAttribute& a) {
  const auto whole = [&](const Request& r, const char* member) -> std::optional<std::string> {
    auto v = r.optional_string(member);
    long long n = 0;
    if (v && !parse_int(*v, n))
      fail_invalid_parameter("The " + std::string(member) + " of attribute " + a.name + " must be a whole number.");
    return v;
  };
  if (entry.has("StringAttributeConstraints")) {
    const Request c = entry.member("StringAttributeConstraints");
    if (auto v = whole(c, "MinLength")) a.min_length = v;
    if (auto v = whole(c, "MaxLength")) a.max_length = v;
    long long max = 0;
    if (a.max_length && parse_int(*a.max_length, max) && max > 2048)
      fail_invalid_parameter("The MaxLength of attribute " + a.name + " cannot be more than 2048.");
  }
  if (entry.has("NumberAttributeConstraints")) {
    const Request c = entry.member("NumberAttributeConstraints");
    if (auto v = whole(c, "MinValue")) a.min_value = v;
    if (auto v = whole(c, "MaxValue")) a.max_value = v;
  }
}

// One entry of a Schema list applied to the schema.
void apply_entry(std::vector<SchemaAttribute>& schema, const Request& entry, std::set<std::string>& seen) {
  const std::string name = entry.string("Name", shapes::kAttributeName);
  if (!seen.insert(name).second)
    fail_invalid_parameter("Duplicate attribute name in Schema: " + name + ".");
  const auto type = entry.optional_string("AttributeDataType");
  if (type && std::find(std::begin(kDataTypes), std::end(kDataTypes), *type) == std::end(kDataTypes))
    fail_validation(entry.path_of("AttributeDataType"), "'" + *type + "'",
                    "Member must satisfy enum value set: [Boolean, Number, String, DateTime]");

  if (is_standard_attribute_name(name)) {
    auto it = std::find_if(schema.begin(), schema.end(), [&](const auto& a) { return a.name == name; });
    if (type && *type != it->data_type)
      fail_invalid_parameter("The data type of the standard attribute " + name + " is " + it->data_type +
                             "; it cannot be changed to " + *type + ".");
    if (name == "sub") fail_invalid_parameter("The sub attribute cannot be changed.");
    if (auto r = entry.optional_bool("Required")) it->required = *r;
    if (auto m = entry.optional_bool("Mutable")) it->mutable_ = *m;
    read_constraints(entry, *it);
    return;
  }

  // A custom attribute.
  if (name.empty() || name.size() > quotas::kCustomAttributeNameLength)
    fail_invalid_parameter("Custom attribute names have 1 to 20 characters; " + name + " has " +
                           std::to_string(name.size()) + ".");
  if (entry.optional_bool("Required").value_or(false))
    fail_invalid_parameter("Required custom attributes are not supported currently.");
  SchemaAttribute a;
  a.custom = true;
  a.developer_only = entry.optional_bool("DeveloperOnlyAttribute").value_or(false);
  a.name = (a.developer_only ? "dev:custom:" : "custom:") + name;
  a.data_type = type.value_or("String");
  a.mutable_ = entry.optional_bool("Mutable").value_or(true);
  read_constraints(entry, a);
  // DescribeUserPool shows a custom string's default limit.
  if (a.data_type == "String" && !a.max_length) a.max_length = "2048";
  if (find_attribute(schema, a.name) != nullptr)
    fail_invalid_parameter("An attribute named " + a.name + " already exists in this user pool.");
  schema.push_back(std::move(a));
}

std::size_t custom_count(const std::vector<SchemaAttribute>& schema) {
  return static_cast<std::size_t>(std::count_if(schema.begin(), schema.end(), [](const auto& a) { return a.custom; }));
}

void apply_list(std::vector<SchemaAttribute>& schema, const std::vector<Request>& entries) {
  std::set<std::string> seen;
  for (const Request& entry : entries) apply_entry(schema, entry, seen);
  if (custom_count(schema) > quotas::kCustomAttributesPerUserPool)
    fail("LimitExceededException", "A user pool can have at most 50 custom attributes.");
}

}  // namespace

Json SchemaAttribute::to_json() const {
  Json j = {{"Name", name}, {"AttributeDataType", data_type}, {"DeveloperOnlyAttribute", developer_only},
            {"Mutable", mutable_}, {"Required", required}};
  if (data_type == "String") {
    Json c = Json::object();
    if (min_length) c["MinLength"] = *min_length;
    if (max_length) c["MaxLength"] = *max_length;
    j["StringAttributeConstraints"] = c;
  } else if (data_type == "Number") {
    Json c = Json::object();
    if (min_value) c["MinValue"] = *min_value;
    if (max_value) c["MaxValue"] = *max_value;
    j["NumberAttributeConstraints"] = c;
  }
  return j;
}

std::vector<SchemaAttribute> standard_schema() {
  SchemaAttribute sub = string_attr("sub", "1", "2048");
  sub.mutable_ = false;
  sub.required = true;
  SchemaAttribute updated_at;
  updated_at.name = "updated_at";
  updated_at.data_type = "Number";
  updated_at.min_value = "0";
  SchemaAttribute identities;  // shown with empty StringAttributeConstraints
  identities.name = "identities";
  std::vector<SchemaAttribute> s = {sub};
  for (const char* n : {"name", "given_name", "family_name", "middle_name", "nickname", "preferred_username",
                        "profile", "picture", "website", "email"})
    s.push_back(string_attr(n));
  s.push_back(boolean_attr("email_verified"));
  s.push_back(string_attr("gender"));
  s.push_back(string_attr("birthdate", "10", "10"));
  for (const char* n : {"zoneinfo", "locale", "phone_number"}) s.push_back(string_attr(n));
  s.push_back(boolean_attr("phone_number_verified"));
  s.push_back(string_attr("address"));
  s.push_back(updated_at);
  s.push_back(identities);
  return s;
}

std::vector<SchemaAttribute> schema_from_request(const Request& request) {
  std::vector<SchemaAttribute> schema = standard_schema();
  // The model allows 1 to 50 entries, standard and custom together.
  apply_list(schema, request.list("Schema", 1, 50));
  return schema;
}

void add_custom_attributes(std::vector<SchemaAttribute>& schema, const Request& request) {
  const auto entries = request.list("CustomAttributes", 1, 25);
  if (entries.empty()) fail_validation(request.path_of("CustomAttributes"), "null", "Member must not be null");
  for (const Request& entry : entries) {
    const std::string name = entry.string("Name", shapes::kAttributeName);
    if (is_standard_attribute_name(name))
      fail_invalid_parameter("Standard attributes cannot be added as custom attributes: " + name + ".");
  }
  std::vector<SchemaAttribute> updated = schema;
  apply_list(updated, entries);
  schema = std::move(updated);
}

bool is_standard_attribute_name(std::string_view name) {
  static const std::vector<SchemaAttribute> standard = standard_schema();
  return std::any_of(standard.begin(), standard.end(), [&](const auto& a) { return a.name == name; });
}

const SchemaAttribute* find_attribute(const std::vector<SchemaAttribute>& schema, std::string_view name) {
  for (const auto& a : schema)
    if (a.name == name) return &a;
  return nullptr;
}

bool is_valid_email(std::string_view s) {
  // Permissive, as Cognito is: something@something, no spaces, one '@'.
  const auto at = s.find('@');
  return at != std::string_view::npos && at > 0 && at + 1 < s.size() && s.find('@', at + 1) == std::string_view::npos &&
         has_no_whitespace(s);
}

bool is_valid_phone_number(std::string_view s) {
  // E.164: '+', then the country code and number, digits only (Developer Guide: "User pool attributes").
  return s.size() >= 5 && s.size() <= 16 && s[0] == '+' &&
         std::all_of(s.begin() + 1, s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

void check_attribute_values(const std::vector<SchemaAttribute>& schema, const AttributeList& attributes, bool creating) {
  for (const auto& [name, value] : attributes) {
    const SchemaAttribute* a = find_attribute(schema, name);
    if (a == nullptr || name == "identities") fail_schema(name, "Attribute does not exist in the schema.");
    if (name == "sub") fail_schema(name, "Attribute cannot be updated. (changing an immutable attribute)");
    if (!a->mutable_ && !creating) fail_schema(name, "Attribute cannot be updated. (changing an immutable attribute)");
    if (value.empty()) continue;  // an empty value removes the attribute
    if (name == "email" && !is_valid_email(value)) fail_invalid_parameter("Invalid email address format.");
    if (name == "phone_number" && !is_valid_phone_number(value)) fail_invalid_parameter("Invalid phone number format.");
    long long n = 0;
    if (a->data_type == "String") {
      if (a->min_length && parse_int(*a->min_length, n) && static_cast<long long>(value.size()) < n)
        fail_schema(name, "String must be at least " + *a->min_length + " characters long.");
      if (a->max_length && parse_int(*a->max_length, n) && static_cast<long long>(value.size()) > n)
        fail_schema(name, "String must be no longer than " + *a->max_length + " characters.");
    } else if (a->data_type == "Number") {
      double v = 0;
      if (!parse_number(value, v)) fail_schema(name, "Number must be a number.");
      if (a->min_value && parse_int(*a->min_value, n) && v < static_cast<double>(n))
        fail_schema(name, "Number must be at least " + *a->min_value + ".");
      if (a->max_value && parse_int(*a->max_value, n) && v > static_cast<double>(n))
        fail_schema(name, "Number must be at most " + *a->max_value + ".");
    } else if (a->data_type == "Boolean") {
      if (value != "true" && value != "false") fail_schema(name, "Boolean must be true or false.");
    }
  }
}

std::vector<std::string> missing_required_attributes(const std::vector<SchemaAttribute>& schema,
                                                     const AttributeList& attributes) {
  std::vector<std::string> missing;
  for (const auto& a : schema) {
    if (!a.required || a.name == "sub") continue;
    const bool present = std::any_of(attributes.begin(), attributes.end(),
                                     [&](const auto& kv) { return kv.first == a.name && !kv.second.empty(); });
    if (!present) missing.push_back(required_name(a.name));
  }
  return missing;
}

}  // namespace userpool
