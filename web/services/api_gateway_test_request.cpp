// The API Gateway console, calling the API: the test request's stage,
// method, path and token, what was sent, and what the gateway answered and
// why (ApiGateway.Invoke: the sandbox's stand-in for an HTTPS request).
#include <algorithm>

#include "imgui.h"
#include "core/base/text.h"
#include "imgui_stdlib.h"
#include "web/services/api_gateway_panel.h"
#include "web/services/api_gateway_tokens.h"
#include "web/shell/named_item.h"
#include "web/shell/widgets.h"

namespace userpool::web {
namespace {

const std::vector<ComboChoice> kTestMethods = {
    {"GET", "GET"}, {"POST", "POST"}, {"PUT", "PUT"}, {"DELETE", "DELETE"}, {"PATCH", "PATCH"}};
const std::vector<ComboChoice> kTokenChoices = {
    {"none", "No token"},
    {"id", "ID token of the signed-in user"},
    {"access", "Access token of the signed-in user"},
    {"machine", "Machine token of an app (client credentials)"},
    {"tampered", "Tampered copy of the ID token"},
    {"expired", "Expired ID token"},
    {"pasted", "A token you paste"},
};

unsigned code_color(int status) {
  if (status >= 200 && status < 300) return colors::green();
  if (status >= 300 && status < 400) return colors::amber();
  return colors::red();
}

unsigned check_color(const std::string& status) {
  if (status == "passed") return colors::green();
  if (status == "failed") return colors::red();
  return colors::grey();
}

// Grey help text in the field column of a form row.
void field_help(const std::string& text, float width) {
  const float x = ImGui::GetCursorPosX() + row_field_x();
  ImGui::SetCursorPosX(x);
  ImGui::PushTextWrapPos(x + width - row_field_x() - 2 * ImGui::GetStyle().WindowPadding.x);
  help_text(text.c_str());
  ImGui::PopTextWrapPos();
}

// In the token row: why there is no token to send, in amber, and a button
// to where one comes from; true when it is clicked.
bool no_token_yet(const char* why, const char* button) {
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + row_field_x());
  ImGui::PushStyleColor(ImGuiCol_Text, colors::amber());
  ImGui::TextUnformatted(why);
  ImGui::PopStyleColor();
  ImGui::SameLine();
  return ImGui::SmallButton(button);
}

}  // namespace

std::string ApiGatewayPanel::token_header() const {
  const std::string path = test_path_.substr(0, test_path_.find('?'));
  for (const auto& r : resources_) {
    if (r.value("path", "") != (path.empty() ? "/" : path)) continue;
    const Json* m = method_of(r.value("id", ""), test_method_);
    if (m == nullptr) m = method_of(r.value("id", ""), "ANY");
    if (m == nullptr || m->value("authorizationType", "") != "COGNITO_USER_POOLS") break;
    for (const auto& a : authorizers_) {
      const std::string source = a.value("identitySource", "");
      if (a.value("id", "") == m->value("authorizerId", "") && source.rfind("method.request.header.", 0) == 0)
        return source.substr(22);
    }
  }
  return "Authorization";
}

std::string ApiGatewayPanel::token_to_send(std::string* problem) const {
  problem->clear();
  if (token_choice_ == "none") return {};
  if (token_choice_ == "pasted") {
    const std::string token = trimmed(pasted_token_);
    if (token.empty()) *problem = "Paste a token first, or choose No token.";
    return token;
  }
  const AppSession& s = ctx_.session;
  if (token_choice_ == "machine") {
    if (s.machine_token.empty())
      *problem = "No app has a machine token yet: get one in the Hosted UI view (Get a machine token) first.";
    return s.machine_token;
  }
  if (!s.signed_in()) {
    *problem = "No one is signed in, so there is no token to send: sign in on Try it first.";
    return {};
  }
  if (token_choice_ == "access") return s.access_token;
  if (token_choice_ == "tampered") return tampered_token(s.id_token);
  return s.id_token;  // "id" and "expired"
}

void ApiGatewayPanel::draw_test(float width) {
  begin_card(width);
  step_heading(ctx_, 6, "Test requests");
  help_text("Call a deployed stage as an app would, with or without a token, and see what API Gateway answers and why.");
  card_separator();
  if (stages_.empty()) {
    help_text("Deploy the API to a stage first (step 5): a stage is what has a URL to call.");
    end_card();
    return;
  }
  std::vector<ComboChoice> stages;
  for (const auto& s : stages_) stages.push_back({s.value("stageName", ""), s.value("stageName", "")});
  row_label("Stage");
  named_combo("apigw.test_stage", stages, &test_stage_, ems(12));
  row_label("Request");
  named_combo("apigw.test_method", kTestMethods, &test_method_, ems(7));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ems(16));
  if (ImGui::InputTextWithHint("###apigw.test_path", "/pets", &test_path_)) test_path_typed_ = true;
  row_label("Token");
  named_combo("apigw.test_token", kTokenChoices, &token_choice_, ems(24));
  draw_token_choice();
  ImGui::Spacing();
  if (primary_button("Send request###apigw.send")) send();
  named_error(errors_["test"], "apigw.error.test");
  if (!response_.is_null()) {
    ImGui::Spacing();
    card_separator();
    draw_exchange(width - 2 * ImGui::GetStyle().WindowPadding.x);
  }
  end_card();
}

void ApiGatewayPanel::draw_token_choice() {
  const float width = ImGui::GetContentRegionAvail().x;
  const AppSession& s = ctx_.session;
  if (token_choice_ == "none") {
    field_help("The request carries no " + token_header() + " header, as from someone who is not signed in.", width);
    return;
  }
  if (token_choice_ == "pasted") {
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + row_field_x());
    ImGui::SetNextItemWidth(ems(30));
    ImGui::InputTextWithHint("###apigw.pasted_token", "Paste a token (eyJ...)", &pasted_token_);
    field_help("Any token: one of another user pool, or one edited in the Tokens view.", width);
    return;
  }
  if (token_choice_ == "machine") {
    if (s.machine_token.empty()) {
      if (no_token_yet("No app has asked for a machine token yet.", "Get one in Hosted UI###apigw.open_hosted")) ctx_.open(View::kHostedUi);
      return;
    }
    field_help("The access token app client " + s.machine_client_id + " got for itself with the client_credentials grant: "
               "no user, no ID token, and only the resource servers' scopes the client is allowed.", width);
    return;
  }
  if (!s.signed_in()) {
    if (no_token_yet("No one is signed in.", "Sign in on Try it###apigw.open_try_it")) ctx_.open(View::kTryIt);
    return;
  }
  const std::string who = s.username + " (user pool " + s.pool_id + ")";
  if (token_choice_ == "id") {
    field_help("The ID token of " + who + ", as the app signed in on Try it holds it.", width);
  } else if (token_choice_ == "access") {
    field_help("The access token of " + who + ". A method without OAuth scopes takes ID tokens only, so it refuses "
               "this one; a method with scopes takes it if it carries one of them.", width);
  } else if (token_choice_ == "tampered") {
    field_help("A copy of " + who + "'s ID token whose payload now claims the group \"admins\". The signature is still "
               "the original one, which no longer matches the payload.", width);
  } else if (token_choice_ == "expired") {
    const auto exp = token_expiry(s.id_token);
    const auto now = static_cast<std::int64_t>(now_);
    if (!exp) {
      field_help("The session's ID token has no expiry.", width);
    } else if (*exp <= now) {
      field_help("The ID token expired " + duration_text(now - *exp) + " ago, at " + date_text(Json(*exp)) + ".", width);
    } else {
      field_help("The ID token is still valid for " + duration_text(*exp - now) + " (until " + date_text(Json(*exp)) +
                 "). Tokens expire on the sandbox's virtual clock: advance it past the expiry to send an expired one.",
                 width);
      ImGui::SetCursorPosX(ImGui::GetCursorPosX() + row_field_x());
      if (ImGui::Button(("Advance the clock by " + duration_text(*exp - now + 60) + "###apigw.expire_token").c_str()))
        expire_token();
    }
  }
}

void ApiGatewayPanel::expire_token() {
  const auto exp = token_expiry(ctx_.session.id_token);
  if (!exp) return;
  const Response r = ctx_.api.call("Sandbox.AdvanceClock", Json{{"Seconds", *exp - static_cast<std::int64_t>(now_) + 60}});
  if (succeeded(r, "test")) ctx_.notify("The clock moved past the ID token's expiry");
}

void ApiGatewayPanel::send() {
  std::string problem;
  const std::string token = token_to_send(&problem);
  if (!problem.empty()) {
    errors_["test"] = problem;
    return;
  }
  const std::string header = token_header();
  Json headers = Json::object();
  if (!token.empty()) headers[header] = token;
  std::string path = trimmed(test_path_);
  if (path.empty() || path.front() != '/') path.insert(0, "/");
  const Response r = ctx_.api.call("ApiGateway.Invoke", Json{{"restApiId", api_id_},
                                                            {"stageName", test_stage_},
                                                            {"httpMethod", test_method_},
                                                            {"path", path},
                                                            {"headers", headers}});
  if (!succeeded(r, "test")) return;
  sent_ = SentRequest{test_method_, r.body.value("url", ""), header, token};
  response_ = r.body;
}

void ApiGatewayPanel::draw_exchange(float inner_width) {
  ImGui::TextDisabled("REQUEST");
  text_in(ctx_.fonts.mono, (sent_.method + " " + sent_.url).c_str());
  name_last_item("###apigw.request.line");
  if (sent_.token.empty()) {
    ImGui::TextDisabled("No %s header", sent_.header.c_str());
  } else {
    text_in(ctx_.fonts.mono, (sent_.header + ": " + shortened_token(sent_.token)).c_str());
  }
  name_last_item("###apigw.request.header");
  if (ImGui::SmallButton("Copy as curl###apigw.copy_curl")) {
    std::string curl = "curl -i -X " + sent_.method;
    if (!sent_.token.empty()) curl += " -H '" + sent_.header + ": " + sent_.token + "'";
    ctx_.copy(curl + " '" + sent_.url + "'", "curl command");
  }
  ImGui::Spacing();
  ImGui::TextDisabled("RESPONSE");
  const int status = response_.value("statusCode", 0);
  if (ctx_.fonts.heading != nullptr) ImGui::PushFont(ctx_.fonts.heading);
  badge(http_status_line(status), code_color(status));
  name_last_item("###apigw.response.status");
  if (ctx_.fonts.heading != nullptr) ImGui::PopFont();
  const std::string error_type = response_.value("/headers/x-amzn-ErrorType"_json_pointer, std::string());
  if (!error_type.empty()) {
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    text_in(ctx_.fonts.mono, ("x-amzn-ErrorType: " + error_type).c_str());
  }
  std::string body = response_.value("body", Json::object()).dump(2, ' ', false, Json::error_handler_t::replace);
  const float lines = static_cast<float>(std::count(body.begin(), body.end(), '\n') + 1);
  const float height = std::min(lines, 12.0f) * ImGui::GetTextLineHeight() + 2 * ImGui::GetStyle().FramePadding.y + 2;
  if (ctx_.fonts.mono != nullptr) ImGui::PushFont(ctx_.fonts.mono);
  ImGui::InputTextMultiline("###apigw.response.body", &body, ImVec2(inner_width, height), ImGuiInputTextFlags_ReadOnly);
  if (ctx_.fonts.mono != nullptr) ImGui::PopFont();

  ImGui::Spacing();
  text_in(ctx_.fonts.bold != nullptr ? ctx_.fonts.bold : ctx_.fonts.heading, "Why");
  ImGui::TextWrapped("%s", response_.value("reason", "").c_str());
  name_last_item("###apigw.response.reason");
  const Json checks = response_.value("checks", Json::array());
  if (checks.empty()) return;
  ImGui::Spacing();
  constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("apigw.checks", 3, kFlags, ImVec2(inner_width, 0))) return;
  ImGui::TableSetupColumn("What the authorizer checked", ImGuiTableColumnFlags_WidthFixed, ems(11));
  ImGui::TableSetupColumn("Result", ImGuiTableColumnFlags_WidthFixed, ems(7));
  ImGui::TableSetupColumn("Detail", ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableHeadersRow();
  for (const auto& c : checks) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(c.value("check", "").c_str());
    ImGui::TableNextColumn();
    const std::string result = c.value("status", "");
    badge(result, check_color(result));
    ImGui::TableNextColumn();
    ImGui::PushTextWrapPos(0.0f);  // the column's edge, not the card's
    ImGui::TextWrapped("%s", c.value("detail", "").c_str());
    ImGui::PopTextWrapPos();
  }
  ImGui::EndTable();
}

}  // namespace userpool::web
