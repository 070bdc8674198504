#include "web/pool_console/app_clients_page.h"

#include <algorithm>

#include "imgui.h"
#include "imgui_stdlib.h"
#include "web/pool_console/pool_update.h"
#include "web/shell/widgets.h"

namespace userpool::web {
namespace {

struct FlowChoice {
  const char* flow;
  const char* label;
  const char* help;
};
const FlowChoice kFlows[] = {
    {"ALLOW_USER_SRP_AUTH", "Secure remote password (ALLOW_USER_SRP_AUTH)",
     "The password never leaves the app: Cognito client libraries use it by default."},
    {"ALLOW_USER_PASSWORD_AUTH", "Username and password (ALLOW_USER_PASSWORD_AUTH)",
     "The app sends the password itself over TLS; simpler, used when migrating users."},
    {"ALLOW_ADMIN_USER_PASSWORD_AUTH", "Admin username and password (ALLOW_ADMIN_USER_PASSWORD_AUTH)",
     "For servers with AWS credentials (AdminInitiateAuth)."},
    {"ALLOW_CUSTOM_AUTH", "Custom authentication (ALLOW_CUSTOM_AUTH)", "Lambda-driven challenges."},
    {"ALLOW_REFRESH_TOKEN_AUTH", "Refresh tokens (ALLOW_REFRESH_TOKEN_AUTH)",
     "Always allowed by Cognito: new ID and access tokens from a refresh token."},
};

// A lifetime as the client reports it: value and unit (hours and days by default).
std::string lifetime(const Json& client, const char* member, const char* unit_member, const char* fallback_unit,
                     int fallback) {
  const int value = client.value(member, fallback);
  const std::string unit = client.value("/TokenValidityUnits"_json_pointer / unit_member, std::string(fallback_unit));
  // Cognito's unit names are plural ("hours"): one of them reads singular.
  const bool one = value == 1 && unit.ends_with('s');
  return std::to_string(value) + " " + (one ? unit.substr(0, unit.size() - 1) : unit);
}

int in_minutes(const Json& client, const char* member, const char* unit_member, const char* fallback_unit, int fallback) {
  const int value = client.value(member, fallback);
  const std::string unit = client.value("/TokenValidityUnits"_json_pointer / unit_member, std::string(fallback_unit));
  if (unit == "seconds") return value / 60;
  if (unit == "minutes") return value;
  if (unit == "hours") return value * 60;
  return value * 1440;
}

}  // namespace

void AppClientsPage::refresh(const std::string& pool_id) {
  if (pool_id_ == pool_id && revision_ == ctx_.api.revision()) return;
  if (pool_id_ != pool_id) {
    editing_.clear();
    secrets_shown_.clear();
  }
  pool_id_ = pool_id;
  revision_ = ctx_.api.revision();
  clients_.clear();
  const Response list = ctx_.api.peek("ListUserPoolClients", Json{{"UserPoolId", pool_id}, {"MaxResults", 60}});
  for (const auto& c : list.body.value("UserPoolClients", Json::array())) {
    const Response d = ctx_.api.peek("DescribeUserPoolClient", Json{{"UserPoolId", pool_id}, {"ClientId", c.value("ClientId", "")}});
    if (d.status == 200) clients_.push_back(d.body["UserPoolClient"]);
  }
  providers_.clear();
  const Response idps = ctx_.api.peek("ListIdentityProviders", Json{{"UserPoolId", pool_id}, {"MaxResults", 60}});
  for (const auto& p : idps.body.value("Providers", Json::array())) providers_.push_back(p.value("ProviderName", ""));
}

void AppClientsPage::draw(const Json& pool) {
  refresh(pool.value("Id", ""));
  ImGui::BeginChild("clients.body");
  help_text("An app client is how an app talks to the pool: its ID goes in the app's configuration; a client with a "
            "secret is for servers that can keep it.");
  if (editing_ != "new" && primary_button("Create app client###clients.create")) {
    editing_ = "new";
    form_ = Form{};
    form_.flows = {"ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"};
    error_.clear();
  }
  if (editing_ == "new") draw_form(true);
  ImGui::Spacing();
  if (clients_.empty()) help_text("No app clients yet.");
  for (const auto& c : clients_) {
    draw_client(c);
    ImGui::Spacing();
  }
  ImGui::EndChild();
}

void AppClientsPage::draw_client(const Json& client) {
  const std::string id = client.value("ClientId", "");
  ImGui::PushID(id.c_str());
  begin_card(std::min(ImGui::GetContentRegionAvail().x, ems(52)));
  heading(ctx_, client.value("ClientName", "").c_str());
  card_separator();
  copyable_value(ctx_, "Client ID", id, ("clients.id." + id).c_str());
  const std::string secret = client.value("ClientSecret", "");
  if (secret.empty()) {
    value_row("Client secret", "None (a public client, for browsers and mobile apps)");
  } else if (secrets_shown_.count(id) != 0) {
    copyable_value(ctx_, "Client secret", secret, ("clients.secret." + id).c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton(("Hide###clients.hide_secret." + id).c_str())) secrets_shown_.erase(id);
  } else {
    ImGui::TextDisabled("Client secret");
    ImGui::SameLine(row_field_x());
    ImGui::TextUnformatted("********");
    ImGui::SameLine();
    if (ImGui::SmallButton(("Show client secret###clients.show_secret." + id).c_str())) secrets_shown_.insert(id);
  }
  std::string flows;
  for (const auto& f : client.value("ExplicitAuthFlows", Json::array())) flows += (flows.empty() ? "" : ", ") + f.get<std::string>();
  value_row("Auth flows", flows.empty() ? "None" : flows);
  value_row("Token lifetimes", "access " + lifetime(client, "AccessTokenValidity", "AccessToken", "hours", 1) + ", ID " +
                                   lifetime(client, "IdTokenValidity", "IdToken", "hours", 1) + ", refresh " +
                                   lifetime(client, "RefreshTokenValidity", "RefreshToken", "days", 30));
  value_row("User existence errors", client.value("PreventUserExistenceErrors", "LEGACY") == "ENABLED" ? "Prevented (ENABLED)"
                                                                                                      : "Revealed (LEGACY)");
  value_row("Token revocation", client.value("EnableTokenRevocation", true) ? "On" : "Off");
  if (client.value("AllowedOAuthFlowsUserPoolClient", false)) {
    std::string oauth;
    for (const auto& f : client.value("AllowedOAuthFlows", Json::array())) oauth += (oauth.empty() ? "" : ", ") + f.get<std::string>();
    std::string scopes;
    for (const auto& f : client.value("AllowedOAuthScopes", Json::array())) scopes += (scopes.empty() ? "" : " ") + f.get<std::string>();
    value_row("OAuth grants", oauth.empty() ? "None" : oauth);
    value_row("OAuth scopes", scopes.empty() ? "None" : scopes);
    for (const auto& u : client.value("CallbackURLs", Json::array())) value_row("Callback URL", u.get<std::string>());
  } else {
    value_row("Hosted UI", "Off (AllowedOAuthFlowsUserPoolClient is false)");
  }
  if (editing_ == id) {
    card_separator();
    draw_form(false);
  } else if (ImGui::Button(("Edit###clients.edit." + id).c_str())) {
    editing_ = id;
    form_ = form_of(client);
    error_.clear();
  }
  end_card();
  ImGui::PopID();
}

AppClientsPage::Form AppClientsPage::form_of(const Json& client) {
  Form f;
  f.name = client.value("ClientName", "");
  for (const auto& flow : client.value("ExplicitAuthFlows", Json::array())) f.flows.push_back(flow.get<std::string>());
  f.access_minutes = in_minutes(client, "AccessTokenValidity", "AccessToken", "hours", 1);
  f.id_minutes = in_minutes(client, "IdTokenValidity", "IdToken", "hours", 1);
  f.refresh_days = in_minutes(client, "RefreshTokenValidity", "RefreshToken", "days", 30) / 1440;
  f.prevent_user_existence_errors = client.value("PreventUserExistenceErrors", "LEGACY") == "ENABLED";
  f.token_revocation = client.value("EnableTokenRevocation", true);
  f.oauth = client.value("AllowedOAuthFlowsUserPoolClient", false);
  for (const auto& flow : client.value("AllowedOAuthFlows", Json::array())) f.oauth_flows.push_back(flow.get<std::string>());
  const auto join = [&](const char* member, const char* separator) {
    std::string out;
    for (const auto& v : client.value(member, Json::array())) out += (out.empty() ? "" : separator) + v.get<std::string>();
    return out;
  };
  f.scopes = join("AllowedOAuthScopes", " ");
  f.callback_urls = join("CallbackURLs", "\n");
  f.logout_urls = join("LogoutURLs", "\n");
  // A client that offers none yet starts with the pool's own users, as the console's form does.
  const Json offered = client.value("SupportedIdentityProviders", Json::array());
  if (!offered.empty()) {
    f.identity_providers.clear();
    for (const auto& p : offered) f.identity_providers.push_back(p.get<std::string>());
  }
  return f;
}

namespace {

// Words of a text, split at spaces and line breaks.
Json split_words(const std::string& text) {
  Json out = Json::array();
  std::string word;
  for (const char c : text + " ") {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
      if (!word.empty()) out.push_back(word);
      word.clear();
    } else {
      word.push_back(c);
    }
  }
  return out;
}

}  // namespace

void AppClientsPage::draw_form(bool creating) {
  if (creating) {
    begin_card(std::min(ImGui::GetContentRegionAvail().x, ems(52)));
    heading(ctx_, "Create app client");
    card_separator();
  }
  ImGui::SetNextItemWidth(ems(20));
  ImGui::InputText("App client name###clients.form.name", &form_.name);
  if (creating) {
    ImGui::Checkbox("Generate a client secret###clients.form.secret", &form_.generate_secret);
    help_text("Only for apps that run on a server: a browser or phone cannot keep a secret. Cannot be changed later.");
  }
  ImGui::TextUnformatted("Authentication flows");
  for (const auto& f : kFlows) {
    bool on = std::find(form_.flows.begin(), form_.flows.end(), f.flow) != form_.flows.end();
    if (ImGui::Checkbox((std::string(f.label) + "###clients.form.flow." + f.flow).c_str(), &on)) {
      if (on) form_.flows.push_back(f.flow);
      else form_.flows.erase(std::remove(form_.flows.begin(), form_.flows.end(), f.flow), form_.flows.end());
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", f.help);
  }
  ImGui::SetNextItemWidth(ems(7));
  ImGui::InputInt("Access token (minutes, 5 to 1440)###clients.form.access", &form_.access_minutes, 0, 0);
  ImGui::SetNextItemWidth(ems(7));
  ImGui::InputInt("ID token (minutes, 5 to 1440)###clients.form.id", &form_.id_minutes, 0, 0);
  ImGui::SetNextItemWidth(ems(7));
  ImGui::InputInt("Refresh token (days, 1 to 3650)###clients.form.refresh", &form_.refresh_days, 0, 0);
  ImGui::Checkbox("Prevent user existence errors###clients.form.prevent", &form_.prevent_user_existence_errors);
  ImGui::Checkbox("Enable token revocation###clients.form.revocation", &form_.token_revocation);
  ImGui::Spacing();
  ImGui::Checkbox("Sign in through the hosted UI (OAuth 2.0)###clients.form.oauth", &form_.oauth);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("AllowedOAuthFlowsUserPoolClient: the client may use the pool's domain and its OAuth 2.0 endpoints.");
  if (form_.oauth) {
    ImGui::TextUnformatted("OAuth grant types");
    for (const auto& [flow, label] : {std::pair<const char*, const char*>{"code", "Authorization code grant"},
                                      {"implicit", "Implicit grant"}, {"client_credentials", "Client credentials"}}) {
      bool on = std::find(form_.oauth_flows.begin(), form_.oauth_flows.end(), flow) != form_.oauth_flows.end();
      if (ImGui::Checkbox((std::string(label) + "###clients.form.oauth_flow." + flow).c_str(), &on)) {
        if (on) form_.oauth_flows.push_back(flow);
        else form_.oauth_flows.erase(std::remove(form_.oauth_flows.begin(), form_.oauth_flows.end(), flow), form_.oauth_flows.end());
      }
    }
    ImGui::SetNextItemWidth(ems(28));
    ImGui::InputText("Scopes###clients.form.scopes", &form_.scopes);
    help_text("openid, email, phone, profile, aws.cognito.signin.user.admin, and resource servers' scopes (<identifier>/<scope>), "
              "separated by spaces.");
    ImGui::TextUnformatted("Allowed callback URLs (one per line)");
    ImGui::InputTextMultiline("###clients.form.callbacks", &form_.callback_urls, ImVec2(ems(28), ems(4)));
    ImGui::TextUnformatted("Allowed sign-out URLs (one per line)");
    ImGui::InputTextMultiline("###clients.form.logouts", &form_.logout_urls, ImVec2(ems(28), ems(3)));
    help_text("HTTPS, or http://localhost for development; matched exactly, trailing slash included.");
    ImGui::TextUnformatted("Identity providers");
    std::vector<std::string> offered = {"COGNITO"};
    offered.insert(offered.end(), providers_.begin(), providers_.end());
    for (const std::string& p : offered) {
      auto& chosen = form_.identity_providers;
      bool on = std::find(chosen.begin(), chosen.end(), p) != chosen.end();
      const std::string label = (p == "COGNITO" ? std::string("Cognito user pool") : p) + "###clients.form.idp." + p;
      if (ImGui::Checkbox(label.c_str(), &on)) {
        if (on) chosen.push_back(p);
        else chosen.erase(std::remove(chosen.begin(), chosen.end(), p), chosen.end());
      }
      ImGui::SameLine();
    }
    ImGui::NewLine();
    help_text("Where the hosted sign-in page lets users sign in (SupportedIdentityProviders): the pool's own users, and a "
              "button for each provider ticked. Providers are added on the App integration tab.");
  }
  if (primary_button(creating ? "Create app client###clients.form.create" : "Save changes###clients.form.save")) save(creating);
  ImGui::SameLine();
  if (ImGui::Button("Cancel###clients.form.cancel")) {
    editing_.clear();
    error_.clear();
  }
  if (!error_.empty()) error_text(error_);
  if (creating) end_card();
}

void AppClientsPage::save(bool creating) {
  Json request;
  if (creating) {
    request = {{"UserPoolId", pool_id_}, {"GenerateSecret", form_.generate_secret}};
  } else {
    // The whole current client, so that nothing else goes back to its default.
    for (const auto& c : clients_)
      if (c.value("ClientId", "") == editing_) request = update_user_pool_client_request(c);
  }
  request["ClientName"] = form_.name;
  request["ExplicitAuthFlows"] = form_.flows;
  request["AccessTokenValidity"] = form_.access_minutes;
  request["IdTokenValidity"] = form_.id_minutes;
  request["RefreshTokenValidity"] = form_.refresh_days;
  request["TokenValidityUnits"] = {{"AccessToken", "minutes"}, {"IdToken", "minutes"}, {"RefreshToken", "days"}};
  request["PreventUserExistenceErrors"] = form_.prevent_user_existence_errors ? "ENABLED" : "LEGACY";
  request["EnableTokenRevocation"] = form_.token_revocation;
  request["AllowedOAuthFlowsUserPoolClient"] = form_.oauth;
  const bool users_sign_in = std::any_of(form_.oauth_flows.begin(), form_.oauth_flows.end(),
                                         [](const std::string& f) { return f == "code" || f == "implicit"; });
  if (form_.oauth && users_sign_in && form_.identity_providers.empty()) {
    // The console asks for one too: a sign-in page with nothing to sign in with helps nobody.
    // A machine's client (client_credentials alone) has no sign-in page, and needs none.
    error_ = "Choose at least one identity provider: the hosted sign-in page would offer no way to sign in.";
    return;
  }
  if (form_.oauth) {
    request["AllowedOAuthFlows"] = form_.oauth_flows;
    request["AllowedOAuthScopes"] = split_words(form_.scopes);
    request["CallbackURLs"] = split_words(form_.callback_urls);
    request["LogoutURLs"] = split_words(form_.logout_urls);
    if (!form_.identity_providers.empty()) request["SupportedIdentityProviders"] = form_.identity_providers;
  }
  const Response r = ctx_.api.call(creating ? "CreateUserPoolClient" : "UpdateUserPoolClient", request);
  if (r.status != 200) {
    error_ = api_error_text(r.body);
    return;
  }
  ctx_.notify(creating ? "App client created" : "App client saved");
  editing_.clear();
  error_.clear();
}

}  // namespace userpool::web
