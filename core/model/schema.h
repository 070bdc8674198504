// A user pool's attribute schema (Developer Guide: "User pool attributes"): the standard OIDC
// attributes every pool has, the custom attributes a pool adds, and checking
// user attributes against it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/json.h"
#include "core/api/request.h"

namespace userpool {

struct SchemaAttribute {
  std::string name;                  // "email", or "custom:team" for custom attributes
  std::string data_type = "String";  // String | Number | DateTime | Boolean
  bool developer_only = false;
  bool mutable_ = true;
  bool required = false;
  std::optional<std::string> min_length, max_length;  // StringAttributeConstraints, as strings
  std::optional<std::string> min_value, max_value;    // NumberAttributeConstraints, as strings
  bool custom = false;

  // As a SchemaAttributeType in DescribeUserPool (custom names with their prefix).
  Json to_json() const;
};

// The standard schema as DescribeUserPool lists it, in its order (the table in
// the Developer Guide's "User pool attributes"): sub, name, ..., identities.
std::vector<SchemaAttribute> standard_schema();

// The pool's schema from a CreateUserPool request's Schema list: standard
// attributes updated (Required, Mutable, constraints) and custom attributes
// appended. Throws InvalidParameterException with Cognito's messages.
std::vector<SchemaAttribute> schema_from_request(const Request& create_request);

// Appends an AddCustomAttributes request's CustomAttributes, refusing
// duplicates, required ones and more than 50 in all.
void add_custom_attributes(std::vector<SchemaAttribute>& schema, const Request& add_request);

const SchemaAttribute* find_attribute(const std::vector<SchemaAttribute>& schema, std::string_view name);

// Attributes a user may have that are not in the schema list but are always
// allowed (email_verified and phone_number_verified are in it; sub is
// written only by the pool).
bool is_standard_attribute_name(std::string_view name);

// Checks attribute values a caller writes: known attribute, value within
// constraints, email and phone formats. `creating`: immutable attributes may
// be written only when the user is created. Throws InvalidParameterException
// "Attributes did not conform to the schema: <name>: <why>".
void check_attribute_values(const std::vector<SchemaAttribute>& schema, const AttributeList& attributes,
                            bool creating);

// Required attributes missing from `attributes` (names), in schema order.
std::vector<std::string> missing_required_attributes(const std::vector<SchemaAttribute>& schema,
                                                     const AttributeList& attributes);

bool is_valid_email(std::string_view s);
bool is_valid_phone_number(std::string_view s);

}  // namespace userpool
