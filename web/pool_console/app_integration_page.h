// The App integration page of the pool console, as the AWS console's: the
// pool's domain (a Cognito prefix, ManagedLoginVersion), its resource
// servers and their custom scopes, its identity providers, and the hosted
// UI's look (the classic customization's CSS and logo, or managed login's
// button colour), with a preview in the Hosted UI view.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/base/json.h"
#include "web/pool_console/identity_providers_card.h"
#include "web/shell/ui_context.h"

namespace userpool::web {

class AppIntegrationPage {
 public:
  explicit AppIntegrationPage(UiContext& ctx) : ctx_(ctx), providers_(ctx) {}
  void draw(const Json& pool);
  // Opens the Hosted UI view for the pool (the preview); set by the app.
  std::function<void(const std::string& pool_id)> preview;

 private:
  void refresh(const Json& pool);
  void draw_domain(const Json& pool);
  void draw_resource_servers();
  void draw_look(const Json& pool);
  // Makes a call for a card's button: a notice when it works, its refusal
  // under that card when not.
  bool call(const char* card, const char* operation, const Json& request, const char* done);
  // The last refusal, under the card whose button made the call.
  void show_error(const char* card) const;
  // SetUICustomization for ALL clients with the CSS, and the new logo (or
  // the one uploaded earlier in this page, since the call sets both).
  void save_customization(const std::string* image_base64);

  UiContext& ctx_;
  IdentityProvidersCard providers_;
  std::string pool_id_;
  std::uint64_t revision_ = ~0ull;
  Json domain_ = Json::object();  // DescribeUserPoolDomain's DomainDescription
  std::vector<Json> servers_;
  std::vector<Json> clients_;
  std::string new_prefix_;
  std::string server_identifier_, server_name_, server_scopes_ = "read: Read access\nwrite: Write access";
  std::string css_;
  bool css_loaded_ = false;
  std::string logo_url_;     // GetUICustomization's ImageUrl: a logo is set
  std::string logo_base64_;  // the logo uploaded from this page, sent again with the CSS
  std::string button_colour_ = "0972d3";
  std::string error_;
  std::string error_card_;  // the card whose call was refused
};

}  // namespace userpool::web
