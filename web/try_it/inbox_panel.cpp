#include "web/try_it/inbox_panel.h"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "imgui.h"
#include "imgui_stdlib.h"
#include "web/try_it/big_code.h"
#include "web/shell/widgets.h"

namespace userpool::web {
namespace {

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

Timestamp from_epoch_seconds(double seconds) {
  return from_epoch_millis(static_cast<std::int64_t>(std::llround(seconds * 1000.0)));
}

// "2026-11-23 08:00:00 UTC"
std::string readable_time(Timestamp t) {
  std::string text = to_iso8601(t).substr(0, 19);
  text[10] = ' ';
  return text + " UTC";
}

// What a message is for, in words.
const char* message_purpose(const std::string& purpose) {
  if (purpose == "SignUp") return "Sign-up confirmation code";
  if (purpose == "ResendCode") return "Sign-up confirmation code (resent)";
  if (purpose == "ForgotPassword") return "Password reset code";
  if (purpose == "Invitation") return "Invitation with a temporary password";
  if (purpose == "MFA") return "Sign-in code (SMS MFA)";
  if (purpose == "AttributeVerification") return "Attribute verification code";
  return purpose.c_str();
}

}  // namespace

void InboxPanel::refresh() {
  if (revision_ == ctx_.api.revision()) return;
  revision_ = ctx_.api.revision();
  clock_.forget();  // a clock jump moves the revision too
  messages_.clear();
  const Json list =
      ctx_.api.peek("Sandbox.ListMessages", Json{{"MaxResults", 1000}}).body.value("Messages", Json::array());
  for (const auto& j : list) {
    Message m;
    m.medium = j.value("Medium", "");
    m.destination = j.value("Destination", "");
    m.from = j.value("From", "");
    m.subject = j.value("Subject", "");
    m.body = j.value("Body", "");
    m.code = j.value("Code", "");
    m.purpose = j.value("Purpose", "");
    m.user_pool_id = j.value("UserPoolId", "");
    m.username = j.value("Username", "");
    m.time = from_epoch_seconds(j.value("Time", 0.0));
    messages_.push_back(std::move(m));
  }
}

void InboxPanel::draw() {
  refresh();
  now_ = clock_.now(ctx_.api);  // for the "ago" of each message
  heading(ctx_, "Inbox");
  help_text("Every email and text message the user pools sent. Nothing leaves the sandbox: this is where the "
            "codes arrive.");
  ImGui::Spacing();
  ImGui::SetNextItemWidth(ems(22));
  ImGui::InputTextWithHint("###inbox.filter", "Filter by destination", &filter_);
  const float width = std::min(ImGui::GetContentRegionAvail().x, ems(44));
  if (messages_.empty()) {
    ImGui::Spacing();
    begin_card(width);
    ImGui::TextWrapped("Nothing here yet. When a user signs up, asks for a password reset or gets an invitation, "
                       "the message lands here.");
    if (ImGui::Button("Go to Try it###inbox.try_it")) ctx_.open(View::kTryIt);
    end_card();
    return;
  }
  const std::string needle = lower(filter_);
  int n = 0;
  for (const Message& m : messages_) {
    if (!needle.empty() && lower(m.destination).find(needle) == std::string::npos) continue;
    if (n == kShownMessages) {
      help_text("Older messages are not shown.");
      break;
    }
    ImGui::Spacing();
    draw_message(m, n++);
  }
  if (n == 0) {
    ImGui::Spacing();
    help_text(("No message went to an address or number containing \"" + filter_ + "\".").c_str());
  }
}

void InboxPanel::draw_message(const Message& m, int n) {
  const std::string id = std::to_string(n);
  begin_card(std::min(ImGui::GetContentRegionAvail().x, ems(44)));
  badge(m.medium, m.medium == "SMS" ? colors::green() : colors::blue());
  ImGui::SameLine();
  text_in(ctx_.fonts.mono, m.destination.c_str());
  ImGui::SameLine();
  const Millis age = now_ - m.time;
  const std::string when = readable_time(m.time) + (age >= Millis(0) ? "  (" + format_duration(age) + " ago)" : "");
  ImGui::TextDisabled("%s", when.c_str());
  if (!m.subject.empty()) heading(ctx_, m.subject.c_str());
  ImGui::TextDisabled("%s  -  %s  -  user %s", message_purpose(m.purpose), m.user_pool_id.c_str(), m.username.c_str());
  card_separator();
  ImGui::TextWrapped("%s", m.body.c_str());
  // A verification link (CONFIRM_WITH_LINK): a click opens it on the pool's domain.
  if (const auto at = m.body.find("/confirmUser?"); at != std::string::npos && ctx_.open_link) {
    const auto start = m.body.rfind("http", at);
    const auto end = m.body.find_first_of(") \n", at);
    if (start != std::string::npos && primary_button(("Open the link###inbox.link." + id).c_str()))
      ctx_.open_link(m.user_pool_id, m.body.substr(start, end == std::string::npos ? std::string::npos : end - start));
  }
  if (!m.code.empty()) {
    ImGui::Spacing();
    const float height = big_code(ctx_.fonts.mono, m.code, colors::blue());
    ImGui::SameLine();
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (height - ImGui::GetFrameHeight()) * 0.5f);
    ImGui::BeginGroup();
    if (ImGui::Button(("Copy###inbox.copy." + id).c_str())) ctx_.copy(m.code, "Code");
    ImGui::SameLine();
    if (primary_button(("Use###inbox.use." + id).c_str())) {
      // The Try it panel puts it in the field that waits for a code.
      ctx_.offered_code = m.code;
      ctx_.open(View::kTryIt);
    }
    ImGui::EndGroup();
  }
  end_card();
}

}  // namespace userpool::web
