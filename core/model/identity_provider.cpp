#include "core/model/identity_provider.h"

namespace userpool {

Json IdentityProvider::describe(const std::string& user_pool_id) const {
  Json provider_details = Json::object();
  for (const auto& [key, value] : details)
    if (key != "private_key") provider_details[key] = value;
  return Json{{"UserPoolId", user_pool_id}, {"ProviderName", name}, {"ProviderType", type}, {"ProviderDetails", provider_details},
              {"AttributeMapping", attribute_mapping}, {"IdpIdentifiers", idp_identifiers},
              {"LastModifiedDate", to_epoch_seconds(last_modified)}, {"CreationDate", to_epoch_seconds(created)}};
}

Json IdentityProvider::summary() const {
  return Json{{"ProviderName", name}, {"ProviderType", type}, {"LastModifiedDate", to_epoch_seconds(last_modified)},
              {"CreationDate", to_epoch_seconds(created)}};
}

}  // namespace userpool
