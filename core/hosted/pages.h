// The hosted UI's pages as HTML (Developer Guide: "Login endpoint", "Customizing
// hosted UI (classic) branding", "Apply branding to managed login pages"):
// real forms whose field names follow Cognito's classic hosted UI
// (username, password, _csrf, ...), in Cognito's look, with the pool's
// classic customization (CSS for the -customizable classes, the logo) or its
// managed login branding (colours) applied. Every value that came from a
// user or an administrator is escaped; custom CSS has been checked by
// rules/hosted_ui_css.h and cannot leave its <style> element.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/hosted/site.h"

namespace userpool::hosted {

// How a client's pages look.
struct Look {
  bool managed_login = false;  // ManagedLoginVersion 2
  std::string custom_css;      // classic: the customization's CSS
  std::string logo_data_url;   // classic: the logo, as a data: URL
  std::string page_background, form_background, button_background, button_text, heading_text, body_text;  // managed login
};
Look look_for(const Site& site, const AppClient& client);

// One input of a form.
struct Field {
  std::string label;
  std::string name;
  std::string type = "text";  // text, password, email, tel, hidden, radio (one choice of `name`)
  std::string value;
  std::string autocomplete;
  bool checked = false;  // a radio choice picked to begin with
};

// A page: a heading, an optional message (error or notice), a form posting
// to `action` with its fields and button, and links below it.
struct PageContent {
  std::string title;
  std::string description;
  std::string error;
  std::string notice;
  std::string action;  // absolute URL; empty: no form
  std::vector<Field> fields;
  std::string submit_label;
  std::string submit_name;
  std::vector<std::pair<std::string, std::string>> links;  // text, URL
  // Above the form: a button per federated identity provider (text, URL).
  std::vector<std::pair<std::string, std::string>> provider_buttons;
};

std::string render_page(const Look& look, const PageContent& content);

// The error page (/error): "An error was encountered with the requested page."
std::string render_error_page(const Look& look, const std::string& detail);

}  // namespace userpool::hosted
