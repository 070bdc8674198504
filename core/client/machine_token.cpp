#include "core/client/machine_token.h"

namespace userpool {

tl::expected<MachineTokenAnswer, Response> request_machine_token(Door& door, const std::string& domain, const std::string& client_id,
                                                                 const std::string& client_secret, const std::string& scope) {
  Json form = {{"grant_type", "client_credentials"}, {"client_id", client_id}, {"client_secret", client_secret}};
  if (!scope.empty()) form["scope"] = scope;
  Response r = door.call("HostedUI.Token", {{"Domain", domain}, {"Method", "POST"}, {"Form", form}});
  if (r.status != 200) return tl::unexpected(std::move(r));
  MachineTokenAnswer a;
  a.status = r.body.value("Status", 0);
  a.tokens = Json::parse(r.body.value("Body", std::string()), nullptr, false);
  if (!a.tokens.is_object()) a.tokens = Json::object();
  const auto access = a.tokens.find("access_token");
  if (a.status == 200 && access != a.tokens.end() && access->is_string()) a.access_token = access->get<std::string>();
  a.response = std::move(r.body);
  return a;
}

}  // namespace userpool
