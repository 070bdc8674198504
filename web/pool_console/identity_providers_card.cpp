#include "web/pool_console/identity_providers_card.h"

#include <algorithm>

#include "core/client/hosted_ui_browser.h"
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
  if (type == "SignInWithApple") return "email name";
  return "openid email profile";
}

// The provider's name for the email address, as each sends it.
const char* default_email_claim(const std::string& type) {
  return type == "SAML" ? "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress" : "email";
}

std::string mapping_text(const Json& mapping) {
  std::string out;
  if (mapping.is_object())
    for (const auto& [attribute, claim] : mapping.items()) out += (out.empty() ? "" : ", ") + attribute + " <- " + claim.get<std::string>();
  return out.empty() ? "no attribute mapping" : out;
}

}  // namespace

void IdentityProvidersCard::refresh(const std::string& pool_id) {
  if (pool_id == pool_id_ && revision_ == ctx_.api.revision()) return;
  pool_id_ = pool_id;
  revision_ = ctx_.api.revision();
  providers_.clear();
  for (const Json& p : ctx_.api.peek("ListIdentityProviders", {{"UserPoolId", pool_id}, {"MaxResults", 60}}).body.value("Providers", Json::array()))
    // The mapping is only in DescribeIdentityProvider: read here, once per change, not per frame.
    providers_.push_back(ctx_.api.peek("DescribeIdentityProvider", {{"UserPoolId", pool_id}, {"ProviderName", p.value("ProviderName", "")}})
                             .body.value("IdentityProvider", p));
  const Json pool = ctx_.api.peek("DescribeUserPool", {{"UserPoolId", pool_id}}).body.value("UserPool", Json::object());
  const HostedSite site = hosted_site_of(pool_id, pool);
  acs_url_ = site.base_url.empty() ? std::string() : site.base_url + "/saml2/idpresponse";
}

void IdentityProvidersCard::add_provider() {
  const bool named = type_ == "OIDC" || type_ == "SAML";
  Json details = {{"client_id", client_id_}, {"client_secret", client_secret_}, {"authorize_scopes", scopes_}};
  if (type_ == "OIDC") {
    details["oidc_issuer"] = issuer_;
    details["attributes_request_method"] = "GET";
  } else if (type_ == "SignInWithApple") {
    details = {{"client_id", client_id_}, {"team_id", team_id_}, {"key_id", key_id_}, {"private_key", private_key_}, {"authorize_scopes", scopes_}};
  } else if (type_ == "SAML") {
    details = metadata_file_.empty() ? Json{{"MetadataURL", metadata_url_}} : Json{{"MetadataFile", metadata_file_}};
  }
  // The email comes across as the pool's email, as the console suggests.
  Json mapping = {{"email", email_claim_}};
  if (!name_claim_.empty()) mapping["name"] = name_claim_;
  const Json request = {{"UserPoolId", pool_id_}, {"ProviderName", named ? name_ : type_}, {"ProviderType", type_},
                        {"ProviderDetails", details}, {"AttributeMapping", mapping}};
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
  help_text("Other places your users can sign in with: a social provider, or your company's OpenID Connect or SAML provider. "
            "An app client offers one once it is in its SupportedIdentityProviders; users who sign in through it become users "
            "named <provider>_<their ID there>. The providers here are simulated by the sandbox: their sign-in pages take any "
            "email address.");
  for (const Json& p : providers_) {
    const std::string name = p.value("ProviderName", "");
    ImGui::PushID(name.c_str());
    value_row(name.c_str(), p.value("ProviderType", "") + ": " + mapping_text(p.value("AttributeMapping", Json())));
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
    for (const char* t : {"Google", "Facebook", "LoginWithAmazon", "SignInWithApple", "OIDC", "SAML"})
      if (ImGui::Selectable((std::string(t) + "###integration.idp.type." + t).c_str(), type_ == t)) {
        type_ = t;
        scopes_ = default_scopes(type_);
        email_claim_ = default_email_claim(type_);
      }
    ImGui::EndCombo();
  }
  if (type_ == "SAML") {
    row_label("Name");
    ImGui::SetNextItemWidth(ems(20));
    ImGui::InputTextWithHint("###integration.idp.name", "CorpSAML", &name_);
    row_label("Metadata URL");
    ImGui::SetNextItemWidth(ems(28));
    ImGui::InputText("###integration.idp.metadata_url", &metadata_url_);
    help_text("A simulated SAML provider answers at https://<any host>/saml/metadata. Or paste a metadata document (it wins):");
    ImGui::InputTextMultiline("###integration.idp.metadata_file", &metadata_file_, ImVec2(ems(40), ems(5)));
    row_label("Email from");
    ImGui::SetNextItemWidth(ems(28));
    ImGui::InputText("###integration.idp.email_claim", &email_claim_);
  row_label("Name from");
  ImGui::SetNextItemWidth(ems(28));
  ImGui::InputTextWithHint("###integration.idp.name_claim", type_ == "SAML" ? "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name" : "name",
                           &name_claim_);
    help_text("What the provider needs of the pool (its service provider):");
    copyable_value(ctx_, "Entity ID", "urn:amazon:cognito:sp:" + pool_id_, "integration.idp.sp_entity");
    if (acs_url_.empty()) value_row("ACS URL", "the pool has no domain yet (Domain, above)");
    else copyable_value(ctx_, "ACS URL", acs_url_, "integration.idp.acs");
    if (primary_button("Add identity provider###integration.idp.add")) add_provider();
    if (!error_.empty()) error_text(error_);
    end_card();
    return;
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
  if (type_ == "SignInWithApple") {
    row_label("Team ID");
    ImGui::SetNextItemWidth(ems(20));
    ImGui::InputText("###integration.idp.team_id", &team_id_);
    row_label("Key ID");
    ImGui::SetNextItemWidth(ems(20));
    ImGui::InputText("###integration.idp.key_id", &key_id_);
    row_label("Private key");
    ImGui::InputTextMultiline("###integration.idp.private_key", &private_key_, ImVec2(ems(30), ems(4)));
  } else {
    row_label("Client secret");
    ImGui::SetNextItemWidth(ems(20));
    ImGui::InputText("###integration.idp.client_secret", &client_secret_, ImGuiInputTextFlags_Password);
  }
  row_label("Authorized scopes");
  ImGui::SetNextItemWidth(ems(20));
  ImGui::InputText("###integration.idp.scopes", &scopes_);
  row_label("Email from");
  ImGui::SetNextItemWidth(ems(20));
  ImGui::InputText("###integration.idp.email_claim", &email_claim_);
  row_label("Name from");
  ImGui::SetNextItemWidth(ems(28));
  ImGui::InputTextWithHint("###integration.idp.name_claim", type_ == "SAML" ? "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name" : "name",
                           &name_claim_);
  if (primary_button("Add identity provider###integration.idp.add")) add_provider();
  if (!error_.empty()) error_text(error_);
  end_card();
}

}  // namespace userpool::web
