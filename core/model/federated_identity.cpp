#include "core/model/federated_identity.h"

#include "core/model/user.h"

namespace userpool {

Json FederatedIdentity::to_json() const {
  return Json{{"userId", user_id},
              {"providerName", provider_name},
              {"providerType", provider_type},
              {"issuer", issuer ? Json(*issuer) : Json(nullptr)},
              {"primary", primary ? "true" : "false"},
              {"dateCreated", std::to_string(date_created_ms)}};
}

std::vector<FederatedIdentity> identities_of(const User& user) {
  std::vector<FederatedIdentity> out;
  const std::string* text = user.attribute("identities");
  if (text == nullptr) return out;
  const Json list = Json::parse(*text, nullptr, false);
  if (!list.is_array()) return out;
  for (const Json& e : list) {
    if (!e.is_object()) continue;
    FederatedIdentity f;
    f.user_id = e.value("userId", std::string());
    f.provider_name = e.value("providerName", std::string());
    f.provider_type = e.value("providerType", std::string());
    if (const auto issuer = e.find("issuer"); issuer != e.end() && issuer->is_string()) f.issuer = issuer->get<std::string>();
    const Json primary = e.value("primary", Json("false"));
    f.primary = primary == "true" || primary == true;
    const Json created = e.value("dateCreated", Json("0"));
    try {
      f.date_created_ms = created.is_string() ? std::stoll(created.get<std::string>()) : created.get<std::int64_t>();
    } catch (const std::exception&) {
      f.date_created_ms = 0;
    }
    out.push_back(std::move(f));
  }
  return out;
}

std::string identities_attribute(const std::vector<FederatedIdentity>& identities) {
  Json list = Json::array();
  for (const auto& f : identities) list.push_back(f.to_json());
  return list.dump();
}

}  // namespace userpool
