#include "core/model/user.h"

namespace userpool {

const std::string* User::attribute(std::string_view name) const {
  for (const auto& [n, v] : attributes)
    if (n == name) return &v;
  return nullptr;
}

bool User::attribute_is_true(std::string_view name) const {
  const std::string* v = attribute(name);
  return v != nullptr && *v == "true";
}

}  // namespace userpool
