#include "web/try_it/hosted_ui_panel.h"

#include <algorithm>

#include "core/base/encoding.h"
#include "core/client/machine_token.h"
#include "core/crypto/totp.h"
#include "imgui.h"
#include "misc/cpp/imgui_stdlib.h"
#include "web/shell/named_item.h"
#include "web/shell/widgets.h"
#include "web/try_it/big_code.h"

namespace userpool::web {
namespace {

constexpr const char* kUnregisteredCallback = "http://localhost:3000/not-registered";

bool lists(const Json& list, std::string_view value) {
  return list.is_array() && std::any_of(list.begin(), list.end(), [&](const Json& v) { return v == value; });
}

std::string joined(const Json& list) {
  std::string out;
  for (const Json& v : list) out += (out.empty() ? "" : " ") + v.get<std::string>();
  return out;
}

// What each parameter of the redirect dance is for.
constexpr std::pair<const char*, const char*> kParameters[] = {
    {"client_id", "which app client is asking"},
    {"response_type", "code: send back an authorization code (token: the tokens themselves)"},
    {"redirect_uri", "where to send the browser back; must be one of the client's callback URLs, exactly"},
    {"state", "a random value the app keeps and checks on the way back, so a forged callback is noticed"},
    {"nonce", "a random value copied into the ID token, so a token from another sign-in cannot be replayed"},
    {"code_challenge", "PKCE: SHA-256 of a secret only the app knows (the code_verifier), base64url"},
    {"code_challenge_method", "S256, the only method Cognito accepts"},
    {"code", "the authorization code: valid 5 minutes, once, and only with the code_verifier"},
    {"scope", "the scopes asked for; the access token lists those granted"},
    {"identity_provider", "skip the sign-in page and go straight to this provider (Google, Facebook, ... or an OIDC or SAML provider's name)"},
};

}  // namespace

void HostedUiPanel::refresh() {
  if (revision_ == ctx_.api.revision()) return;
  revision_ = ctx_.api.revision();
  pools_.clear();
  for (const Json& p : ctx_.api.peek("ListUserPools", {{"MaxResults", 60}}).body.value("UserPools", Json::array()))
    pools_.push_back({p["Id"].get<std::string>(), p["Name"].get<std::string>()});
  if (pool_id_.empty() && !pools_.empty()) pool_id_ = pools_.front().id;
  clients_.clear();
  pool_ = Json::object();
  client_ = Json::object();
  if (pool_id_.empty()) return;
  const Response pool = ctx_.api.peek("DescribeUserPool", {{"UserPoolId", pool_id_}});
  if (pool.status != 200) {
    pool_id_.clear();
    return;
  }
  pool_ = pool.body["UserPool"];
  for (const Json& c : ctx_.api.peek("ListUserPoolClients", {{"UserPoolId", pool_id_}, {"MaxResults", 60}}).body.value("UserPoolClients", Json::array()))
    clients_.push_back({c["ClientId"].get<std::string>(), c["ClientName"].get<std::string>()});
  // The first client that signs in through the hosted UI, unless one is chosen.
  if (client_id_.empty() || std::none_of(clients_.begin(), clients_.end(), [&](const Choice& c) { return c.id == client_id_; })) {
    client_id_.clear();
    for (const Choice& c : clients_) {
      const Json d = ctx_.api.peek("DescribeUserPoolClient", {{"UserPoolId", pool_id_}, {"ClientId", c.id}}).body["UserPoolClient"];
      if (d.value("AllowedOAuthFlowsUserPoolClient", false)) {
        client_id_ = c.id;
        break;
      }
    }
    if (client_id_.empty() && !clients_.empty()) client_id_ = clients_.front().id;
  }
  if (!client_id_.empty())
    client_ = ctx_.api.peek("DescribeUserPoolClient", {{"UserPoolId", pool_id_}, {"ClientId", client_id_}}).body.value("UserPoolClient", Json::object());
  const Json callbacks = client_.value("CallbackURLs", Json::array());
  if (redirect_uri_ != kUnregisteredCallback && !lists(callbacks, redirect_uri_))
    redirect_uri_ = callbacks.empty() ? std::string() : callbacks[0].get<std::string>();
  if (scope_.empty()) scope_ = joined(client_.value("AllowedOAuthScopes", Json::array()));
}

void HostedUiPanel::choose(const std::string& pool_id, const std::string& client_id) {
  pool_id_ = pool_id;
  client_id_ = client_id;
  scope_.clear();
  revision_ = ~0ull;
  refresh();
}

std::string HostedUiPanel::domain() const { return hosted_site_of(pool_id_, pool_).domain; }

std::string HostedUiPanel::base_url() const { return hosted_site_of(pool_id_, pool_).base_url; }

void HostedUiPanel::sign_in() {
  error_.clear();
  if (domain().empty()) {
    error_ = "The pool has no domain yet: give it one in the pool console (App integration, Domain), then sign in here.";
    return;
  }
  if (redirect_uri_.empty()) {
    error_ = "The app client has no callback URL: the hosted UI has nowhere to send the browser back to.";
    return;
  }
  HostedUiBrowser::Start s;
  s.user_pool_id = pool_id_;
  s.client_id = client_id_;
  s.client_secret = client_.value("ClientSecret", std::string());
  s.domain = domain();
  s.base_url = base_url();
  s.redirect_uri = redirect_uri_;
  s.scope = scope_;
  s.implicit = implicit_;
  browser_.start(s);
}

void HostedUiPanel::open_link(const std::string& pool_id, const std::string& url) {
  choose(pool_id, "");
  error_.clear();
  if (domain().empty() || !url.starts_with(base_url() + "/")) {
    error_ = "The link is not on this pool's domain (" + (domain().empty() ? std::string("it has none") : base_url()) + ").";
    return;
  }
  HostedUiBrowser::Start s;
  s.user_pool_id = pool_id_;
  s.domain = domain();
  s.base_url = base_url();
  browser_.open(s, url);
}

void HostedUiPanel::get_machine_token() {
  error_.clear();
  const auto answer = request_machine_token(ctx_.api, domain(), client_id_, client_.value("ClientSecret", std::string()));
  if (!answer) {
    error_ = api_error_text(answer.error().body);
    return;
  }
  machine_token_ = answer->tokens;
  // The app keeps its token for its own calls (API Gateway's test requests).
  if (!answer->access_token.empty()) {
    ctx_.session.machine_client_id = client_id_;
    ctx_.session.machine_token = answer->access_token;
  }
}

void HostedUiPanel::draw_pickers() {
  const auto pick = [&](const char* label, const char* id, const std::vector<Choice>& list, const std::string& current, std::string* picked) {
    row_label(label);
    std::string preview = "(none)";
    for (const auto& c : list)
      if (c.id == current) preview = c.name + "  " + c.id;
    ImGui::SetNextItemWidth(ems(24));
    const std::string widget = std::string("###") + id;
    const ImGuiID combo_id = ImGui::GetID(widget.c_str());
    const bool open = ImGui::BeginCombo(widget.c_str(), preview.c_str());
    name_item(combo_id, widget.c_str());
    if (!open) return;
    for (const auto& c : list)
      if (ImGui::Selectable((c.name + "  " + c.id + "###" + id + "." + c.id).c_str(), c.id == current)) *picked = c.id;
    ImGui::EndCombo();
  };
  std::string pool = pool_id_, client = client_id_;
  pick("User pool", "hosted.pool", pools_, pool_id_, &pool);
  if (pool != pool_id_) return choose(pool, "");
  pick("App client", "hosted.client", clients_, client_id_, &client);
  if (client != client_id_) return choose(pool_id_, client);
  if (domain().empty()) {
    value_row("Domain", "none yet");
    help_text("The hosted UI is served on the pool's domain. Give the pool one in the pool console (App integration, Domain).");
  } else {
    copyable_value(ctx_, "Domain", base_url(), "hosted.domain");
  }
  const Json flows = client_.value("AllowedOAuthFlows", Json::array());
  if (!client_.value("AllowedOAuthFlowsUserPoolClient", false)) {
    help_text("This app client does not use the OAuth 2.0 flows (AllowedOAuthFlowsUserPoolClient is off): choose one that does, "
              "or turn them on in its settings.");
    return;
  }
  row_label("Grant");
  if (ImGui::RadioButton("Authorization code with PKCE###hosted.grant.code", !implicit_)) implicit_ = false;
  ImGui::SameLine();
  if (ImGui::RadioButton("Implicit###hosted.grant.implicit", implicit_)) implicit_ = true;
  row_label("Callback URL");
  ImGui::SetNextItemWidth(ems(24));
  const ImGuiID combo_id = ImGui::GetID("###hosted.redirect");
  const bool open = ImGui::BeginCombo("###hosted.redirect", redirect_uri_.empty() ? "(none)" : redirect_uri_.c_str());
  name_item(combo_id, "###hosted.redirect");
  if (open) {
    for (const Json& u : client_.value("CallbackURLs", Json::array()))
      if (ImGui::Selectable(u.get<std::string>().c_str(), u == redirect_uri_)) redirect_uri_ = u.get<std::string>();
    // An address the client does not list, to see what Cognito does with one.
    if (ImGui::Selectable((std::string(kUnregisteredCallback) + "  (not registered)###hosted.redirect.unregistered").c_str(),
                          redirect_uri_ == kUnregisteredCallback))
      redirect_uri_ = kUnregisteredCallback;
    ImGui::EndCombo();
  }
  if (redirect_uri_ == kUnregisteredCallback)
    help_text("Not one of the app client's callback URLs: Cognito will show its error page (redirect_mismatch) rather than "
              "send the browser, and a code, to an address nobody registered.");
  row_label("Scopes");
  ImGui::SetNextItemWidth(ems(24));
  ImGui::InputText("###hosted.scope", &scope_);
  ImGui::Spacing();
  if (lists(flows, "code") || lists(flows, "implicit")) {
    if (primary_button("Sign in with the hosted UI###hosted.start")) sign_in();
  }
  if (lists(flows, "client_credentials")) {
    if (primary_button("Get a machine token###hosted.machine")) get_machine_token();
  }
}

void HostedUiPanel::draw_browser() {
  if (ImGui::Button("Back###hosted.back")) browser_.back();
  ImGui::SameLine();
  std::string address = browser_.url();
  ImGui::SetNextItemWidth(-1);
  ImGui::InputText("###hosted.address", &address, ImGuiInputTextFlags_ReadOnly);
  if (browser_.at_app()) {
    // The app's own page: drawn here, below (draw_app), not in the frame.
    if (ctx_.hide_hosted_page) ctx_.hide_hosted_page();
    return;
  }
  const float width = ImGui::GetContentRegionAvail().x;
  const ImVec2 at = ImGui::GetCursorScreenPos();
  // As tall as what is left of the view on screen, so the page scrolls
  // inside its frame rather than past the window (at least 20 lines).
  const float height = std::max(ems(20), ImGui::GetWindowDrawList()->GetClipRectMax().y - at.y - ImGui::GetStyle().WindowPadding.y);
  ImGui::Dummy(ImVec2(width, height));
  ImGui::GetWindowDrawList()->AddRect(at, ImVec2(at.x + width, at.y + height), ImGui::GetColorU32(ImGuiCol_Border));
  // The part of the frame inside the view's visible area (the view scrolls):
  // the frame is placed there, its page scrolling inside it.
  const ImVec2 clip_min = ImGui::GetWindowDrawList()->GetClipRectMin(), clip_max = ImGui::GetWindowDrawList()->GetClipRectMax();
  const UiContext::Rect frame{at.x, at.y, width, height};
  const float top = std::max(at.y, clip_min.y), bottom = std::min(at.y + height, clip_max.y);
  const float left = std::max(at.x, clip_min.x), right = std::min(at.x + width, clip_max.x);
  const UiContext::Rect visible{left, top, right - left, bottom - top};
  if (ctx_.show_hosted_page && visible.w > 0 && visible.h > 0) {
    ctx_.show_hosted_page(frame, visible, browser_.page(), browser_.page_version());
  } else {
    if (ctx_.hide_hosted_page) ctx_.hide_hosted_page();
    ImGui::SetCursorScreenPos(ImVec2(at.x + ems(1), at.y + ems(1)));
    ImGui::TextDisabled("The page (HTTP %d) is shown in the browser build.", browser_.status());
    ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + height + ImGui::GetStyle().ItemSpacing.y));
  }
}

void HostedUiPanel::draw_app() {
  const auto& c = *browser_.callback();
  begin_card(std::min(ImGui::GetContentRegionAvail().x, ems(60)));
  heading(ctx_, "Your app, at its callback URL");
  copyable_value(ctx_, "Reached", c.url, "hosted.app.url");
  if (!c.error.empty()) {
    error_text(c.error + (c.error_description.empty() ? "" : ": " + c.error_description));
    help_text("The hosted UI sent the browser back with an error instead of a code: the app's request was refused.");
  }
  if (!c.state.empty() || !c.code.empty())
    value_row("state", c.state_matches ? "matches the one the app sent" : "does NOT match: the app must refuse this callback");
  if (!c.code.empty()) {
    copyable_value(ctx_, "code", c.code, "hosted.app.code");
    help_text("The app exchanges the code at the token endpoint, with the code_verifier only it knows (PKCE):");
    json_view(ctx_, "hosted.app.request", c.token_request, ems(10));
    value_row("Answer", "HTTP " + std::to_string(c.token_status));
  }
  if (!c.tokens.empty()) json_view(ctx_, "hosted.app.tokens", c.tokens, ems(14));
  if (c.tokens.contains("access_token")) {
    if (primary_button("Open the tokens in the inspector###hosted.app.inspect")) {
      ctx_.session.pool_id = browser_.started().user_pool_id;
      ctx_.session.client_id = browser_.started().client_id;
      ctx_.session.client_secret = browser_.started().client_secret;
      ctx_.session.id_token = c.tokens.value("id_token", std::string());
      ctx_.session.access_token = c.tokens.value("access_token", std::string());
      ctx_.session.refresh_token = c.tokens.value("refresh_token", std::string());
      ctx_.open(View::kTokens);
    }
  }
  end_card();
}

void HostedUiPanel::draw_hops() {
  if (browser_.hops().empty()) return;
  begin_card(std::min(ImGui::GetContentRegionAvail().x, ems(60)));
  heading(ctx_, "Every request, in order");
  for (std::size_t i = 0; i < browser_.hops().size(); ++i) {
    const HostedHop& h = browser_.hops()[i];
    ImGui::PushID(static_cast<int>(i));
    ImGui::TextWrapped("%zu. %s -> %s: %s %s  ->  %d%s%s", i + 1, h.who.c_str(), h.to.c_str(), h.method.c_str(), h.url.c_str(), h.status,
                       h.location.empty() ? "" : "  Location: ", h.location.c_str());
    if (h.operation == "HostedUI.IdpResponse")
      help_text("   Then Cognito -> the provider, server to server (the browser does not see it): the code exchanged at the "
                "provider's token endpoint, its ID token checked with the provider's keys, the user's profile read. The API "
                "log's HostedUI.IdpResponse entry lists each step.");
    ImGui::PopID();
  }
  ImGui::Spacing();
  help_text("What the parameters are for:");
  for (const auto& [name, meaning] : kParameters) ImGui::BulletText("%s: %s", name, meaning);
  end_card();
}

void HostedUiPanel::draw_authenticator() {
  // Read once per page: an MFA_SETUP page carries its key in a hidden field
  // as well as in its text.
  if (totp_page_version_ != browser_.page_version()) {
    totp_page_version_ = browser_.page_version();
    const std::string& page = browser_.page();
    static const std::string kSecretField = "name=\"secret\" value=\"";
    if (const auto at = page.find(kSecretField); at != std::string::npos) {
      const auto start = at + kSecretField.size();
      totp_secret_ = page.substr(start, page.find('"', start) - start);
    }
    page_asks_for_totp_ = page.find("authenticator app") != std::string::npos;
  }
  if (!page_asks_for_totp_ || browser_.at_app()) return;
  begin_card(std::min(ImGui::GetContentRegionAvail().x, ems(60)));
  heading(ctx_, "Your authenticator app");
  help_text("As on a phone: the secret key the set-up page shows is added here (paste another if you have one), and the "
            "6-digit code it shows now goes into the page's Code field.");
  row_label("Secret key");
  ImGui::SetNextItemWidth(ems(30));
  ImGui::InputText("###hosted.totp.secret", &totp_secret_);
  if (const auto key = base32_decode(totp_secret_); key && !key->empty()) {
    const std::string code = totp_code_now(totp_secret_, clock_.now(ctx_.api));
    const float height = big_code(ctx_.fonts.mono, code.substr(0, 3) + " " + code.substr(3), colors::blue());
    ImGui::SameLine();
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (height - ImGui::GetFrameHeight()) * 0.5f);
    if (ImGui::Button("Copy code###hosted.totp.copy")) ctx_.copy(code, "Code");
    help_text("Codes follow the virtual clock, 30 seconds each.");
  } else if (!totp_secret_.empty()) {
    error_text("Not a secret key: authenticator keys are base32 (A-Z, 2-7).");
  }
  end_card();
}

void HostedUiPanel::draw() {
  refresh();
  begin_card(std::min(ImGui::GetContentRegionAvail().x, ems(60)));
  heading(ctx_, "Sign in with the hosted UI");
  help_text("Your app sends the browser to the pool's domain; the hosted pages sign the user in and send the browser "
            "back to the app's callback URL with a code, which the app exchanges for tokens.");
  draw_pickers();
  if (!error_.empty()) error_text(error_);
  if (!machine_token_.empty()) {
    help_text("The token endpoint's answer to client_credentials (an access token for the app itself):");
    json_view(ctx_, "hosted.machine.answer", machine_token_, ems(10));
  }
  end_card();
  if (browser_.active()) {
    draw_authenticator();
    draw_browser();
    if (browser_.at_app()) draw_app();
    draw_hops();
  } else if (ctx_.hide_hosted_page) {
    ctx_.hide_hosted_page();
  }
}

}  // namespace userpool::web
