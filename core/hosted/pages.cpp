#include "core/hosted/pages.h"

#include <algorithm>

#include "core/base/html.h"
#include "core/ops/managed_login_branding.h"

namespace userpool::hosted {
namespace {

// Cognito's classic hosted UI look: a white card on a grey page, a banner
// for the logo, blue inputs and button. The class names are the ones a
// customization may style.
constexpr std::string_view kClassicCss = R"(
body{margin:0;font-family:"Amazon Ember","Helvetica Neue",Roboto,Arial,sans-serif;font-size:14px;color:#333;background:#f2f2f2}
.background-customizable{min-height:100vh;display:flex;justify-content:center;align-items:flex-start;padding-top:40px;box-sizing:border-box}
.modal-content{background:#fafafa;border:1px solid #ccc;border-radius:4px;width:330px;box-shadow:0 1px 4px rgba(0,0,0,.15)}
.banner-customizable{background:#63707a;padding:25px 0;text-align:center;border-radius:4px 4px 0 0}
.logo-customizable{max-width:100%;max-height:100px}
.banner-text{color:#fff;font-size:18px}
.modal-body{padding:16px 24px 24px}
h1{font-size:16px;font-weight:400;margin:6px 0 14px}
.textDescription-customizable{font-size:13px;margin:0 0 12px}
.label-customizable{display:block;font-weight:400;margin:10px 0 4px}
.inputField-customizable{width:100%;box-sizing:border-box;height:34px;padding:6px 12px;border:1px solid #ccc;border-radius:4px;background:#fff;font-size:14px}
.inputField-customizable:focus{border-color:#66afe9;outline:0}
.submitButton-customizable{width:100%;margin-top:16px;height:36px;border:0;border-radius:4px;background:#337ab7;color:#fff;font-size:14px;cursor:pointer}
.submitButton-customizable:hover{background:#286090}
.errorMessage-customizable{color:#a94442;background:#f2dede;border:1px solid #ebccd1;border-radius:4px;padding:8px 10px;margin:0 0 10px}
.notice{color:#31708f;background:#d9edf7;border:1px solid #bce8f1;border-radius:4px;padding:8px 10px;margin:0 0 10px}
.redirect-customizable{display:block;margin-top:12px;text-align:center}
.legalText-customizable{color:#747474;font-size:11px}
.idpButton-customizable{display:block;height:36px;line-height:36px;margin:0 0 10px;border:1px solid #337ab7;border-radius:4px;background:#fff;color:#337ab7;text-align:center;text-decoration:none}
.idpButton-customizable:hover{background:#eef4fa}
.idpDivider{text-align:center;color:#747474;margin:4px 0 2px}
a{color:#337ab7}
)";

// Managed login's look, coloured by the branding style.
std::string managed_css(const Look& l) {
  return "body{margin:0;font-family:'Open Sans','Helvetica Neue',Roboto,Arial,sans-serif;font-size:14px;background:" + l.page_background +
         ";color:" + l.body_text + "}\n"
         ".background-customizable{min-height:100vh;display:flex;justify-content:center;align-items:flex-start;padding-top:48px;box-sizing:border-box}\n"
         ".modal-content{background:" + l.form_background + ";border-radius:16px;width:380px;padding:8px 0;box-shadow:0 4px 20px rgba(0,7,22,.12)}\n"
         ".banner-customizable{padding:16px 0 0;text-align:center}.logo-customizable{max-height:60px}.banner-text{display:none}\n"
         ".modal-body{padding:8px 32px 28px}h1{font-size:22px;font-weight:700;margin:8px 0 16px;color:" + l.heading_text + "}\n"
         ".textDescription-customizable{margin:0 0 12px}.label-customizable{display:block;font-weight:700;margin:14px 0 4px}\n"
         ".inputField-customizable{width:100%;box-sizing:border-box;height:36px;padding:6px 12px;border:2px solid #8c8c94;border-radius:8px;font-size:14px}\n"
         ".submitButton-customizable{width:100%;margin-top:20px;height:38px;border:0;border-radius:20px;background:" + l.button_background +
         ";color:" + l.button_text + ";font-weight:700;font-size:14px;cursor:pointer}\n"
         ".errorMessage-customizable{color:#d91515;border:2px solid #d91515;border-radius:8px;padding:8px 12px;margin:0 0 12px}\n"
         ".notice{border:2px solid #0972d3;border-radius:8px;padding:8px 12px;margin:0 0 12px}\n"
         ".redirect-customizable{display:block;margin-top:14px;text-align:center}a{color:" + l.button_background + "}\n"
         ".idpButton-customizable{display:block;height:36px;line-height:36px;margin:0 0 12px;border:2px solid #8c8c94;border-radius:20px;"
         "text-align:center;text-decoration:none;font-weight:700;color:" + l.body_text + "}\n"
         ".idpDivider{text-align:center;margin:4px 0}\n";
}

// A branding colour ("RRGGBBAA" hex, as the settings document writes them)
// as CSS, or the fallback when the value is not one (so nothing but hex
// digits ever reaches the page).
std::string colour(const Json& settings, std::initializer_list<const char*> path, const std::string& fallback) {
  const Json* at = &settings;
  for (const char* key : path) {
    if (!at->is_object() || !at->contains(key)) return fallback;
    at = &(*at)[key];
  }
  if (!at->is_string()) return fallback;
  const std::string v = at->get<std::string>();
  if ((v.size() != 6 && v.size() != 8) || !std::all_of(v.begin(), v.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); }))
    return fallback;
  return "#" + v;
}

}  // namespace

Look look_for(const Site& site, const AppClient& client) {
  Look l;
  const UserPool& pool = site.pool;
  const bool custom = pool.custom_domain && pool.custom_domain->name == site.domain;
  const int version = custom ? pool.custom_domain->settings.managed_login_version : pool.domain_settings.managed_login_version;
  if (version == 2) {
    l.managed_login = true;
    ManagedLoginBranding none;
    none.use_cognito_provided_values = true;
    const ManagedLoginBranding* style = pool.find_branding_by_client(client.client_id);
    const Json settings = ops::merged_managed_login_settings(style != nullptr ? *style : none);
    l.page_background = colour(settings, {"components", "pageBackground", "lightMode", "color"}, "#ffffff");
    l.form_background = colour(settings, {"components", "form", "lightMode", "backgroundColor"}, "#ffffff");
    l.button_background = colour(settings, {"components", "primaryButton", "lightMode", "defaults", "backgroundColor"}, "#0972d3");
    l.button_text = colour(settings, {"components", "primaryButton", "lightMode", "defaults", "textColor"}, "#ffffff");
    l.heading_text = colour(settings, {"components", "pageText", "lightMode", "headingColor"}, "#000716");
    l.body_text = colour(settings, {"components", "pageText", "lightMode", "bodyColor"}, "#414d5c");
    if (style != nullptr)
      for (const Json& asset : style->assets)
        if (asset.value("Category", "") == "FORM_LOGO" && asset.contains("Bytes")) {
          const std::string ext = asset.value("Extension", "PNG");
          const std::string type = ext == "SVG" ? "svg+xml" : ext == "JPEG" ? "jpeg" : ext == "ICO" ? "x-icon" : ext == "WEBP" ? "webp" : "png";
          l.logo_data_url = "data:image/" + type + ";base64," + asset.value("Bytes", "");
        }
    return l;
  }
  if (const UICustomization* c = pool.ui_customization_for(client.client_id)) {
    l.custom_css = c->css;
    if (!c->image_file.empty()) l.logo_data_url = "data:image/" + c->image_type + ";base64," + c->image_file;
  }
  return l;
}

std::string render_page(const Look& look, const PageContent& c) {
  std::string h = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" +
                  html_escape(c.title) + "</title>\n<style>" +
                  (look.managed_login ? managed_css(look) : std::string(kClassicCss)) + "</style>\n";
  // The customization's CSS comes after Cognito's, so it wins.
  if (!look.custom_css.empty()) h += "<style>" + look.custom_css + "</style>\n";
  h += "</head><body><div class=\"background-customizable\"><div class=\"modal-content\">"
       "<div class=\"banner-customizable\">";
  // The logo is a base64 data: URL built from checked bytes: nothing to escape but kept escaped anyway.
  if (!look.logo_data_url.empty()) h += "<img class=\"logo-customizable\" alt=\"logo\" src=\"" + html_escape(look.logo_data_url) + "\">";
  else h += "<span class=\"banner-text\">&nbsp;</span>";
  h += "</div><div class=\"modal-body\"><h1>" + html_escape(c.title) + "</h1>\n";
  if (!c.error.empty()) h += "<p class=\"errorMessage-customizable\" role=\"alert\">" + html_escape(c.error) + "</p>\n";
  if (!c.notice.empty()) h += "<p class=\"notice\" role=\"status\">" + html_escape(c.notice) + "</p>\n";
  if (!c.description.empty()) h += "<p class=\"textDescription-customizable\">" + html_escape(c.description) + "</p>\n";
  for (const auto& [text, url] : c.provider_buttons)
    h += "<a class=\"idpButton-customizable\" href=\"" + html_escape(url) + "\">" + html_escape(text) + "</a>\n";
  if (!c.provider_buttons.empty() && !c.action.empty()) h += "<p class=\"idpDivider\"><span>or</span></p>\n";
  if (!c.action.empty()) {
    h += "<form method=\"post\" action=\"" + html_escape(c.action) + "\">\n";
    for (const Field& f : c.fields) {
      if (f.type == "hidden") {
        h += "<input type=\"hidden\" name=\"" + html_escape(f.name) + "\" value=\"" + html_escape(f.value) + "\">\n";
        continue;
      }
      if (f.type == "radio") {
        h += "<label class=\"label-customizable\"><input type=\"radio\" name=\"" + html_escape(f.name) + "\" value=\"" +
             html_escape(f.value) + "\"" + (f.checked ? " checked" : "") + "> " + html_escape(f.label) + "</label>\n";
        continue;
      }
      const std::string id = "field_" + html_escape(f.name);
      h += "<label class=\"label-customizable\" for=\"" + id + "\">" + html_escape(f.label) + "</label>"
           "<input class=\"inputField-customizable\" id=\"" + id + "\" name=\"" + html_escape(f.name) + "\" type=\"" +
           html_escape(f.type) + "\" value=\"" + html_escape(f.value) + "\"" +
           (f.autocomplete.empty() ? "" : " autocomplete=\"" + html_escape(f.autocomplete) + "\"") + ">\n";
    }
    h += "<button class=\"submitButton-customizable\" type=\"submit\" name=\"" + html_escape(c.submit_name) + "\" value=\"" +
         html_escape(c.submit_label) + "\">" + html_escape(c.submit_label) + "</button>\n</form>\n";
  }
  for (const auto& [text, url] : c.links)
    h += "<a class=\"redirect-customizable\" href=\"" + html_escape(url) + "\">" + html_escape(text) + "</a>\n";
  h += "</div></div></div></body></html>\n";
  return h;
}

std::string render_error_page(const Look& look, const std::string& detail) {
  PageContent c;
  c.title = "An error was encountered with the requested page.";
  c.error = detail;
  return render_page(look, c);
}

}  // namespace userpool::hosted
