#include "web/pool_console/app_integration_page.h"

#include <algorithm>

#include "core/tokens/well_known.h"
#include "imgui.h"
#include "misc/cpp/imgui_stdlib.h"
#include "web/shell/widgets.h"

namespace userpool::web {

bool AppIntegrationPage::call(const char* card, const char* operation, const Json& request, const char* done) {
  const Response r = ctx_.api.call(operation, request);
  if (r.status != 200) {
    error_ = api_error_text(r.body);
    error_card_ = card;
    return false;
  }
  error_.clear();
  ctx_.notify(done);
  return true;
}

void AppIntegrationPage::show_error(const char* card) const {
  if (!error_.empty() && error_card_ == card) error_text(error_);
}

void AppIntegrationPage::refresh(const Json& pool) {
  const std::string id = pool.value("Id", "");
  if (id == pool_id_ && revision_ == ctx_.api.revision()) return;
  if (id != pool_id_) {
    css_loaded_ = false;
    logo_base64_.clear();
  }
  pool_id_ = id;
  revision_ = ctx_.api.revision();
  domain_ = Json::object();
  if (pool.contains("Domain"))
    domain_ = ctx_.api.peek("DescribeUserPoolDomain", {{"Domain", pool["Domain"]}}).body.value("DomainDescription", Json::object());
  servers_.clear();
  for (const Json& s : ctx_.api.peek("ListResourceServers", {{"UserPoolId", id}, {"MaxResults", 50}}).body.value("ResourceServers", Json::array()))
    servers_.push_back(s);
  clients_.clear();
  for (const Json& c : ctx_.api.peek("ListUserPoolClients", {{"UserPoolId", id}, {"MaxResults", 60}}).body.value("UserPoolClients", Json::array()))
    clients_.push_back(c);
  if (!css_loaded_) {
    const Json customization =
        ctx_.api.peek("GetUICustomization", {{"UserPoolId", id}, {"ClientId", "ALL"}}).body.value("UICustomization", Json::object());
    css_ = customization.value("CSS", "");
    logo_url_ = customization.value("ImageUrl", "");
    css_loaded_ = true;
  }
}

void AppIntegrationPage::draw_domain(const Json& pool) {
  begin_card(std::min(ImGui::GetContentRegionAvail().x, ems(52)));
  heading(ctx_, "Domain");
  help_text("Where the hosted UI (managed login) and the OAuth 2.0 endpoints are served. The pool can have a Cognito domain "
            "(a prefix under amazoncognito.com) and a custom domain.");
  if (pool.contains("Domain")) {
    const std::string prefix = pool["Domain"];
    copyable_value(ctx_, "Cognito domain", domain_base_url(prefix, domain_host(pool_id_, prefix, false), ""), "integration.domain");
    const int version = domain_.value("ManagedLoginVersion", 1);
    value_row("Branding version", version == 2 ? "Managed login (2)" : "Hosted UI, classic (1)");
    if (ImGui::Button(version == 2 ? "Switch to the classic hosted UI###integration.domain.classic" : "Switch to managed login###integration.domain.managed"))
      call("domain", "UpdateUserPoolDomain", {{"UserPoolId", pool_id_}, {"Domain", prefix}, {"ManagedLoginVersion", version == 2 ? 1 : 2}},
           "Domain updated");
    ImGui::SameLine();
    if (danger_button("Delete domain###integration.domain.delete"))
      call("domain", "DeleteUserPoolDomain", {{"UserPoolId", pool_id_}, {"Domain", prefix}}, "Domain deleted");
  } else {
    row_label("Prefix");
    ImGui::SetNextItemWidth(ems(16));
    ImGui::InputText("###integration.domain.prefix", &new_prefix_);
    ImGui::SameLine();
    ImGui::TextDisabled(".auth.%s.amazoncognito.com", region_of(pool_id_).c_str());
    help_text("Lower-case letters, digits and hyphens; it may not contain aws, amazon or cognito.");
    if (primary_button("Create Cognito domain###integration.domain.create"))
      call("domain", "CreateUserPoolDomain", {{"UserPoolId", pool_id_}, {"Domain", new_prefix_}}, "Domain created");
  }
  show_error("domain");
  end_card();
}

void AppIntegrationPage::draw_resource_servers() {
  begin_card(std::min(ImGui::GetContentRegionAvail().x, ems(52)));
  heading(ctx_, "Resource servers");
  help_text("An API your app calls, and the custom scopes it defines. App clients may be allowed <identifier>/<scope>; "
            "access tokens from the hosted UI or client_credentials carry the ones granted.");
  for (const Json& s : servers_) {
    const std::string identifier = s.value("Identifier", "");
    ImGui::PushID(identifier.c_str());
    std::string scopes;
    for (const Json& sc : s.value("Scopes", Json::array())) scopes += (scopes.empty() ? "" : ", ") + identifier + "/" + sc.value("ScopeName", "");
    value_row(s.value("Name", "").c_str(), identifier + (scopes.empty() ? "" : "  (" + scopes + ")"));
    ImGui::SameLine();
    if (ImGui::SmallButton(("Delete###integration.server.delete." + identifier).c_str()))
      call("servers", "DeleteResourceServer", {{"UserPoolId", pool_id_}, {"Identifier", identifier}}, "Resource server deleted");
    ImGui::PopID();
  }
  card_separator();
  row_label("Identifier");
  ImGui::SetNextItemWidth(ems(20));
  ImGui::InputText("###integration.server.identifier", &server_identifier_);
  row_label("Name");
  ImGui::SetNextItemWidth(ems(20));
  ImGui::InputText("###integration.server.name", &server_name_);
  ImGui::TextUnformatted("Scopes (one per line, name: description)");
  ImGui::InputTextMultiline("###integration.server.scopes", &server_scopes_, ImVec2(ems(28), ems(4)));
  if (primary_button("Create resource server###integration.server.create")) {
    Json scopes = Json::array();
    std::size_t at = 0;
    while (at < server_scopes_.size()) {
      const auto end = server_scopes_.find('\n', at);
      const std::string line = server_scopes_.substr(at, end == std::string::npos ? std::string::npos : end - at);
      at = end == std::string::npos ? server_scopes_.size() : end + 1;
      const auto colon = line.find(':');
      std::string name = line.substr(0, colon), description = colon == std::string::npos ? name : line.substr(colon + 1);
      const auto trim = [](std::string& t) {
        t.erase(0, t.find_first_not_of(' '));
        t.erase(t.find_last_not_of(' ') + 1);
      };
      trim(name);
      trim(description);
      if (!name.empty()) scopes.push_back({{"ScopeName", name}, {"ScopeDescription", description}});
    }
    call("servers", "CreateResourceServer", {{"UserPoolId", pool_id_}, {"Identifier", server_identifier_}, {"Name", server_name_}, {"Scopes", scopes}},
         "Resource server created");
  }
  show_error("servers");
  end_card();
}

void AppIntegrationPage::draw_look(const Json& pool) {
  begin_card(std::min(ImGui::GetContentRegionAvail().x, ems(52)));
  heading(ctx_, "The hosted UI's look");
  if (!pool.contains("Domain") && !pool.contains("CustomDomain")) {
    help_text("Give the pool a domain first: the pages are served there.");
    end_card();
    return;
  }
  if (domain_.value("ManagedLoginVersion", 1) == 2) {
    help_text("Managed login: each app client has a branding style. Set the primary button's colour (hex RRGGBB):");
    row_label("Button colour");
    ImGui::SetNextItemWidth(ems(8));
    ImGui::InputText("###integration.look.colour", &button_colour_);
    for (const Json& c : clients_) {
      const std::string id = c.value("ClientId", "");
      ImGui::PushID(id.c_str());
      if (ImGui::Button(("Apply to " + c.value("ClientName", "") + "###integration.look.apply." + id).c_str())) {
        const Json settings = {{"components", {{"primaryButton", {{"lightMode", {{"defaults", {{"backgroundColor", button_colour_ + "ff"}}}}}}}}}};
        const Response existing = ctx_.api.peek("DescribeManagedLoginBrandingByClient", {{"UserPoolId", pool_id_}, {"ClientId", id}});
        if (existing.status == 200)
          call("look", "UpdateManagedLoginBranding", {{"UserPoolId", pool_id_}, {"ManagedLoginBrandingId", existing.body["ManagedLoginBranding"]["ManagedLoginBrandingId"]},
                                              {"Settings", settings}}, "Branding updated");
        else
          call("look", "CreateManagedLoginBranding", {{"UserPoolId", pool_id_}, {"ClientId", id}, {"Settings", settings}}, "Branding created");
      }
      ImGui::SameLine();
      ImGui::PopID();
    }
    ImGui::NewLine();
  } else {
    help_text("Classic hosted UI: CSS for Cognito's -customizable classes only (such as .submitButton-customizable, "
              ".banner-customizable, .background-customizable), for every app client (ALL), and a logo (PNG or JPEG, "
              "up to 128 KB). SetUICustomization sets both at once: a logo set before this page was opened is replaced "
              "when the CSS is saved without it.");
    ImGui::InputTextMultiline("###integration.look.css", &css_, ImVec2(std::min(ImGui::GetContentRegionAvail().x, ems(44)), ems(6)));
    if (primary_button("Save CSS###integration.look.save")) save_customization(nullptr);
    ImGui::SameLine();
    // The logo: a PNG or JPEG of at most 128 KB, sent as ImageFile with the
    // CSS (SetUICustomization replaces both).
    if (ImGui::Button("Upload a logo...###integration.look.logo") && ctx_.choose_image)
      ctx_.choose_image([this](const std::string&, const std::string& base64) { save_customization(&base64); });
    if (!logo_url_.empty()) {
      ImGui::SameLine();
      ImGui::TextDisabled("Logo set");
    }
  }
  ImGui::SameLine();
  if (ImGui::Button("Preview in the Hosted UI###integration.look.preview") && preview) preview(pool_id_);
  show_error("look");
  end_card();
}

void AppIntegrationPage::save_customization(const std::string* image_base64) {
  Json request = {{"UserPoolId", pool_id_}, {"ClientId", "ALL"}, {"CSS", css_}};
  // Without a new image, the logo already set is kept: it is sent again.
  if (image_base64 != nullptr)
    request["ImageFile"] = *image_base64;
  else if (!logo_base64_.empty())
    request["ImageFile"] = logo_base64_;
  if (!call("look", "SetUICustomization", request, image_base64 != nullptr ? "Logo saved" : "Customization saved")) return;
  if (image_base64 != nullptr) logo_base64_ = *image_base64;
  css_loaded_ = false;  // read back: the page shows what the pool now has
}

void AppIntegrationPage::draw(const Json& pool) {
  refresh(pool);
  ImGui::BeginChild("integration.body");
  draw_domain(pool);
  ImGui::Spacing();
  draw_resource_servers();
  ImGui::Spacing();
  providers_.draw(pool_id_);
  ImGui::Spacing();
  draw_look(pool);
  ImGui::EndChild();
}

}  // namespace userpool::web
