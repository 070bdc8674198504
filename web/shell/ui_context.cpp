#include "web/shell/ui_context.h"

#include <functional>

#include "imgui.h"

namespace userpool::web {

Json AppSession::to_json() const {
  return Json{{"PoolId", pool_id},     {"ClientId", client_id},       {"ClientSecret", client_secret},
              {"Username", username},  {"IdToken", id_token},         {"AccessToken", access_token},
              {"RefreshToken", refresh_token}, {"MachineClientId", machine_client_id}, {"MachineToken", machine_token}};
}

AppSession AppSession::from_json(const Json& j) {
  AppSession s;
  if (!j.is_object()) return s;
  const auto text = [&](const char* member) {
    const auto it = j.find(member);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  s.pool_id = text("PoolId");
  s.client_id = text("ClientId");
  s.client_secret = text("ClientSecret");
  s.username = text("Username");
  s.id_token = text("IdToken");
  s.access_token = text("AccessToken");
  s.refresh_token = text("RefreshToken");
  s.machine_client_id = text("MachineClientId");
  s.machine_token = text("MachineToken");
  return s;
}

std::uint64_t UiContext::work_revision() const {
  const std::string signed_in = session.pool_id + '\n' + session.client_id + '\n' + session.username + '\n' +
                                session.id_token + '\n' + session.access_token + '\n' + session.refresh_token + '\n' +
                                session.machine_token;
  // Compared only for equality (has it changed since the last save?), so a hash will do.
  return (api.revision() + lessons.version() * 0x9e3779b97f4a7c15ull) ^ std::hash<std::string>{}(signed_in);
}

void UiContext::notify(std::string text, bool error) {
  notices.push_back({std::move(text), error, ImGui::GetCurrentContext() != nullptr ? ImGui::GetTime() : 0.0});
  if (notices.size() > 4) notices.erase(notices.begin());
}

void UiContext::copy(const std::string& text, const std::string& what) {
  ImGui::SetClipboardText(text.c_str());
  notify(what + " copied to the clipboard");
}

}  // namespace userpool::web
