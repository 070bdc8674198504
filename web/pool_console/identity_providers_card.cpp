#include "web/pool_console/identity_providers_card.h"

#include <algorithm>

#include "imgui.h"
#include "misc/cpp/imgui_stdlib.h"
#include "web/shell/named_item.h"
#include "web/shell/widgets.h"

namespace userpool::web {
namespace {

// The scopes each provider's own console suggests, as Cognito's examples
// give them (Facebook's are comma-separated).
const char* default_scopes(const std::string& type) {
  if (type == "Facebook") return "public_profile, email";
  if (type == "LoginWithAmazon") return "profile postal_code";
  return "openid email profile";
}

}  // namespace

void IdentityProvidersCard::refresh(const std::string& pool_id) {
  if (pool_id == pool_id_ && revision_ == ctx_.api.revision()) return;
  pool_id_ = pool_id;
  revision_ = ctx_.api.revision();
  providers_.clear();
  for (const Json& p : ctx_.api.peek("ListIdentityProviders", {{"UserPoolId", pool_id}, {"MaxResults", 60}}).body.value("Providers", Json::array()))
    providers_.push_back(p);
}

void IdentityProvidersCard::add_provider() {
  const bool oidc = type_ == "OIDC";
  Json details = {{"client_id", client_id_}, {"client_secret", client_secret_}, {"authorize_scopes", scopes_}};
  if (oidc) {
    details["oidc_issuer"] = issuer_;
    details["attributes_request_method"] = "GET";
  }
  // The email comes across as the pool's email, as the console suggests.
  const Json request = {{"UserPoolId", pool_id_}, {"ProviderName", oidc ? name_ : type_}, {"ProviderType", type_},
                        {"ProviderDetails", details}, {"AttributeMapping", {{"email", "email"}}}};
  const Response r = ctx_.api.call("CreateIdentityProvider", request);
  if (r.status != 200) {
    error_ = api_error_text(r.body);
    return;
  }
  error_.clear();
  client_id_.clear();
  client_secret_.clear();
  ctx_.notify("Identity provider " + request["ProviderName"].get<std::string>() + " added");
}

void IdentityProvidersCard::draw(const std::string& pool_id) {
  refresh(pool_id);
  begin_card(std::min(ImGui::GetContentRegionAvail().x, ems(52)));
  heading(ctx_, "Identity providers");
  help_text("Other places your users can sign in with: a social provider or your company's OpenID Connect provider. An app "
            "client offers one once it is in its SupportedIdentityProviders; users who sign in through it become users "
            "named <provider>_<their ID there>.");
  for (const Json& p : providers_) {
    const std::string name = p.value("ProviderName", "");
    ImGui::PushID(name.c_str());
    value_row(name.c_str(), p.value("ProviderType", ""));
    ImGui::SameLine();
    if (ImGui::SmallButton(("Delete###integration.idp.delete." + name).c_str())) {
      const Response r = ctx_.api.call("DeleteIdentityProvider", {{"UserPoolId", pool_id_}, {"ProviderName", name}});
      error_ = r.status == 200 ? "" : api_error_text(r.body);
    }
    ImGui::PopID();
  }
  if (providers_.empty()) ImGui::TextDisabled("None yet: users sign in with the pool's own passwords (COGNITO).");
  card_separator();
  row_label("Provider");
  ImGui::SetNextItemWidth(ems(20));
  const std::string combo = "###integration.idp.type";
  name_item(ImGui::GetID(combo.c_str()), combo.c_str());
  if (ImGui::BeginCombo(combo.c_str(), type_.c_str())) {
    for (const char* t : {"Google", "Facebook", "LoginWithAmazon", "OIDC"})
      if (ImGui::Selectable((std::string(t) + "###integration.idp.type." + t).c_str(), type_ == t)) {
        type_ = t;
        scopes_ = default_scopes(type_);
      }
    ImGui::EndCombo();
  }
  if (type_ == "OIDC") {
    row_label("Name");
    ImGui::SetNextItemWidth(ems(20));
    ImGui::InputTextWithHint("###integration.idp.name", "CorpIdP", &name_);
    row_label("Issuer URL");
    ImGui::SetNextItemWidth(ems(20));
    ImGui::InputTextWithHint("###integration.idp.issuer", "https://idp.example.com", &issuer_);
  }
  row_label("Client ID");
  ImGui::SetNextItemWidth(ems(20));
  ImGui::InputText("###integration.idp.client_id", &client_id_);
  row_label("Client secret");
  ImGui::SetNextItemWidth(ems(20));
  ImGui::InputText("###integration.idp.client_secret", &client_secret_, ImGuiInputTextFlags_Password);
  row_label("Authorized scopes");
  ImGui::SetNextItemWidth(ems(20));
  ImGui::InputText("###integration.idp.scopes", &scopes_);
  if (primary_button("Add identity provider###integration.idp.add")) add_provider();
  if (!error_.empty()) error_text(error_);
  end_card();
}

}  // namespace userpool::web
