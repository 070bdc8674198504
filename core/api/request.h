// Reading a request's members the way the Cognito API's model checks them
// (API Reference: data types): a missing required member or a broken length/pattern
// constraint is an InvalidParameterException worded as AWS words it
// ("1 validation error detected: Value null at 'clientId' failed to satisfy
// constraint: Member must not be null"); a member of the wrong JSON type is a
// SerializationException. Members the model does not have are ignored, as
// AWS ignores them.
#pragma once

#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/base/json.h"

namespace userpool {

// A string shape of the model: length bounds and a pattern. The pattern is
// shown in messages as the model writes it; `matches` checks it.
struct StringShape {
  std::size_t min = 0;
  std::size_t max = std::numeric_limits<std::size_t>::max();
  const char* pattern = nullptr;                // as the model spells it, for messages
  bool (*matches)(std::string_view) = nullptr;  // nullptr: any text
  bool sensitive = false;                       // passwords, secrets: never echoed
};

namespace shapes {
extern const StringShape kUserPoolId;
extern const StringShape kClientId;
extern const StringShape kClientSecret;
extern const StringShape kClientName;
extern const StringShape kPoolName;
extern const StringShape kUsername;
extern const StringShape kPassword;
extern const StringShape kSecretHash;
extern const StringShape kConfirmationCode;
extern const StringShape kSession;
extern const StringShape kToken;
extern const StringShape kAttributeName;
extern const StringShape kAttributeValue;
extern const StringShape kGroupName;
extern const StringShape kResourceServerIdentifier;
extern const StringShape kResourceServerName;
extern const StringShape kScopeName;
extern const StringShape kScopeDescription;
extern const StringShape kAny;
}  // namespace shapes

// {"Name": ..., "Value": ...}, as AttributeType.
using AttributeList = std::vector<std::pair<std::string, std::string>>;

class Request {
 public:
  Request(std::string operation, const Json& body);

  const std::string& operation() const { return operation_; }
  const Json& body() const { return body_; }
  bool has(std::string_view member) const;

  std::string string(std::string_view member, const StringShape& shape = shapes::kAny) const;
  std::optional<std::string> optional_string(std::string_view member, const StringShape& shape = shapes::kAny) const;
  std::optional<bool> optional_bool(std::string_view member) const;
  std::optional<std::int64_t> optional_int(std::string_view member, std::int64_t min, std::int64_t max) const;
  // An object member (nullptr when absent); its members are read with a
  // nested Request (see member()).
  const Json* optional_object(std::string_view member) const;
  std::optional<std::vector<std::string>> optional_string_list(std::string_view member,
                                                                const StringShape& item = shapes::kAny,
                                                                std::size_t max_items = 1000) const;
  // A map of strings to strings (AuthParameters, ChallengeResponses, ClientMetadata).
  std::map<std::string, std::string> string_map(std::string_view member) const;
  // [{"Name": ..., "Value": ...}], in request order.
  std::optional<AttributeList> optional_attributes(std::string_view member) const;

  // A nested structure as a Request of its own; its messages name the full
  // path ("policies.passwordPolicy.minimumLength").
  Request member(std::string_view member) const;
  // A list of structures, each as a Request named "<member>.<n>.member" as
  // AWS names list elements; checks the list's type and length (empty when
  // the member is absent).
  std::vector<Request> list(std::string_view member, std::size_t min, std::size_t max) const;

  // The path AWS's messages use for a member of this structure.
  std::string path_of(std::string_view member) const;

 private:
  Request(std::string operation, const Json& body, std::string path);
  const Json* find(std::string_view member) const;

  std::string operation_;
  const Json& body_;
  std::string path_;  // lowerCamel path of this structure inside the request, "" at the top
};

// AWS's validation messages.
[[noreturn]] void fail_validation(const std::string& path, const std::string& shown_value, const std::string& constraint);
[[noreturn]] void fail_serialization(const std::string& message);
// The SerializationException for a JSON value of the wrong type, e.g.
// "STRING_VALUE can not be converted to a list".
[[noreturn]] void fail_wrong_type(const Json& value, const char* wanted);

// "ClientId" -> "clientId": the form AWS uses in validation messages.
std::string lower_camel(std::string_view member);

// Shape checks, exposed for code that validates values from elsewhere.
bool has_no_whitespace(std::string_view s);
bool has_non_whitespace(std::string_view s);
bool is_word_plus(std::string_view s);  // [\w+]+

}  // namespace userpool
