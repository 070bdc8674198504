#include "web/shell/app.h"

#include <algorithm>

#include "core/base/identifiers.h"
#include "imgui.h"
#include "web/shell/theme.h"
#include "web/shell/widget_registry.h"
#include "web/shell/widgets.h"

namespace userpool::web {
namespace {

constexpr float kHeaderLines = 2.4f;  // header height, in body text heights
constexpr float kSidebarEms = 15.0f;
constexpr float kShellCardEms = 40.0f;

}  // namespace

App::App(Door& engine) : api_(engine), ctx_(api_), clock_(ctx_), wizard_(ctx_),
      pool_console_(ctx_), try_it_(ctx_), hosted_ui_(ctx_), inbox_(ctx_), tokens_(ctx_), api_log_(ctx_), flow_(ctx_),
      saved_work_(ctx_), api_gateway_(ctx_), beanstalk_(ctx_), lessons_(ctx_) {
  lessons_.show_me = [this](const std::string& widget, const std::string& pool_id) { show_me(widget, pool_id); };
  pool_console_.integration().preview = [this](const std::string& pool_id) { open_hosted_ui(pool_id, "", false); };
  ctx_.open_link = [this](const std::string& pool_id, const std::string& url) {
    ctx_.open(View::kHostedUi);
    hosted_ui_.open_link(pool_id, url);
  };
  try_it_.open_hosted_ui = [this](const std::string& pool_id, const std::string& client_id, bool machine) {
    open_hosted_ui(pool_id, client_id, machine);
  };
  regenerate_examples();
}

void App::open_hosted_ui(const std::string& pool_id, const std::string& client_id, bool machine) {
  hosted_ui_.choose(pool_id, client_id);
  ctx_.open(View::kHostedUi);
  if (machine)
    hosted_ui_.get_machine_token();
  else
    hosted_ui_.sign_in();
}

void App::regenerate_examples() {
  // The page's own randomness: examples never draw from the sandbox's.
  examples_.user_pool_id = generate_user_pool_id(api_.facts().region, secure_random());
  examples_.app_client_id = generate_app_client_id(secure_random());
  examples_.sub = generate_uuid_v4(secure_random());
}

void App::refresh_pools() {
  if (pools_revision_ == api_.revision()) return;
  pools_revision_ = api_.revision();
  pools_.clear();
  const Response r = api_.peek("ListUserPools", Json{{"MaxResults", 60}});
  for (const auto& p : r.body.value("UserPools", Json::array()))
    pools_.push_back({p["Id"].get<std::string>(), p["Name"].get<std::string>()});
  // A pool that went away cannot stay open.
  if (ctx_.view == View::kPool &&
      std::none_of(pools_.begin(), pools_.end(), [&](const PoolEntry& e) { return e.id == ctx_.pool_id; }))
    ctx_.open(View::kWelcome);
}

void App::switch_theme_if_asked() {
  if (!theme_switch_) return;
  set_theme(*theme_switch_);
  if (ctx_.theme_chosen) ctx_.theme_chosen(*theme_switch_);
  theme_switch_.reset();
}

void App::frame() {
  switch_theme_if_asked();
  refresh_pools();
  // A lesson re-checks its step after whatever the last frame did, and finds
  // the widget it points at through the registry.
  ctx_.lessons.update(ctx_);
  if (ctx_.lessons.progress().active()) widget_registry().set_enabled(true);
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->WorkPos);
  ImGui::SetNextWindowSize(viewport->WorkSize);
  constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                      ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::Begin("##sandbox", nullptr, kFlags);
  ImGui::PopStyleVar();
  draw_header();
  const float below_header = ImGui::GetContentRegionAvail().y;
  draw_sidebar(below_header);
  ImGui::SameLine(0, 0);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(ems(1.5f), ems(1.2f)));
  const float lesson_width = lessons_.step_width();
  // A child window per view, so each keeps its own scroll position: a view
  // opened from another scrolled far down starts at its own place, not there.
  ImGui::PushID(static_cast<int>(ctx_.view));
  ImGui::BeginChild("main", ImVec2(-lesson_width, below_header), false, ImGuiWindowFlags_AlwaysUseWindowPadding);
  draw_main();
  ImGui::EndChild();
  ImGui::PopID();
  ImGui::PopStyleVar();
  if (lesson_width > 0) {
    ImGui::SameLine(0, 0);
    lessons_.draw_step(lesson_width, below_header);
  }
  draw_notices();
  lessons_.draw_highlight();
  ImGui::End();
}

void App::draw_header() {
  const float height = ImGui::GetFontSize() * kHeaderLines;
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + height), rgb(chrome::kHeaderBar));
  const float pad = ImGui::GetStyle().WindowPadding.x * 1.5f;
  ImGui::PushStyleColor(ImGuiCol_Text, colors::kWhite);
  if (ctx_.fonts.heading != nullptr) ImGui::PushFont(ctx_.fonts.heading);
  ImGui::SetCursorScreenPos(ImVec2(origin.x + pad, origin.y + (height - ImGui::GetFontSize()) * 0.5f));
  ImGui::TextUnformatted("User pool sandbox");
  if (ctx_.fonts.heading != nullptr) ImGui::PopFont();
  ImGui::PopStyleColor();
  ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + (height - ImGui::GetFrameHeight()) * 0.5f));
  ImGui::PushStyleColor(ImGuiCol_Button, rgb(chrome::kHeaderButton));
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, rgb(chrome::kHeaderButtonHovered));
  ImGui::PushStyleColor(ImGuiCol_Text, colors::kWhite);
  ImGui::PushStyleColor(ImGuiCol_Border, rgb(chrome::kHeaderButtonBorder));
  // The theme switch at the right end, the clock to its left.
  const char* switch_label = current_theme() == Theme::kDark ? "Light###theme.toggle" : "Dark###theme.toggle";
  const float switch_width = ImGui::CalcTextSize("Light").x + 2 * ImGui::GetStyle().FramePadding.x;
  clock_.draw(origin.x + width - pad - switch_width - ImGui::GetStyle().ItemSpacing.x);
  ImGui::SameLine();
  ImGui::SetCursorScreenPos(ImVec2(origin.x + width - pad - switch_width, ImGui::GetCursorScreenPos().y));
  if (ImGui::Button(switch_label, ImVec2(switch_width, 0)))
    theme_switch_ = current_theme() == Theme::kDark ? Theme::kLight : Theme::kDark;
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Switch to the %s theme", current_theme() == Theme::kDark ? "light" : "dark");
  ImGui::PopStyleColor(4);
  ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + height));
}

bool App::nav_item(const char* label, bool selected) {
  ImGui::SetCursorPosX(ems(0.6f));
  return ImGui::Selectable(label, selected, 0, ImVec2(ems(kSidebarEms - 1.2f), 0));
}

void App::draw_sidebar(float height) {
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(ems(0.6f), ems(0.8f)));
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::GetStyleColorVec4(ImGuiCol_FrameBg));
  ImGui::BeginChild("sidebar", ImVec2(ems(kSidebarEms), height), true, ImGuiWindowFlags_AlwaysUseWindowPadding);
  ImGui::TextDisabled("LEARN");
  if (nav_item("Lessons###nav.lessons", ctx_.view == View::kLessons)) ctx_.open(View::kLessons);
  ImGui::Spacing();
  ImGui::TextDisabled("USER POOLS");
  for (const auto& p : pools_) {
    const bool selected = ctx_.view == View::kPool && ctx_.pool_id == p.id;
    // Cognito lets pools share a name (a lesson started twice makes two):
    // the end of the ID tells them apart.
    const bool shared = std::count_if(pools_.begin(), pools_.end(), [&](const PoolEntry& e) { return e.name == p.name; }) > 1;
    const std::string suffix = shared ? "  " + p.id.substr(p.id.size() - std::min<std::size_t>(p.id.size(), 5)) : "";
    const float room = ems(kSidebarEms - 1.2f) - ImGui::GetStyle().FramePadding.x - ImGui::CalcTextSize(suffix.c_str()).x;
    if (nav_item((fit_text(p.name, room) + suffix + "###nav.pool." + p.id).c_str(), selected)) ctx_.open_pool(p.id);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s\n%s", p.name.c_str(), p.id.c_str());
  }
  if (pools_.empty()) {
    ImGui::SetCursorPosX(ems(0.6f));
    ImGui::TextDisabled("None yet");
  }
  ImGui::Spacing();
  if (primary_button("Create user pool###nav.create_pool")) {
    if (ctx_.view != View::kCreatePool) wizard_.open();
    ctx_.open(View::kCreatePool);
  }
  ImGui::Spacing();
  ImGui::Spacing();
  ImGui::TextDisabled("YOUR APP");
  if (nav_item("Try it###nav.try_it", ctx_.view == View::kTryIt)) ctx_.open(View::kTryIt);
  if (nav_item("Hosted UI###nav.hosted_ui", ctx_.view == View::kHostedUi)) ctx_.open(View::kHostedUi);
  if (nav_item("Inbox###nav.inbox", ctx_.view == View::kInbox)) ctx_.open(View::kInbox);
  if (nav_item("Tokens###nav.tokens", ctx_.view == View::kTokens)) ctx_.open(View::kTokens);
  ImGui::Spacing();
  ImGui::TextDisabled("UNDER THE HOOD");
  if (nav_item("API log###nav.api_log", ctx_.view == View::kApiLog)) ctx_.open(View::kApiLog);
  if (nav_item("Flow###nav.flow", ctx_.view == View::kFlow)) ctx_.open(View::kFlow);
  if (nav_item("Your work###nav.saved_work", ctx_.view == View::kSavedWork)) ctx_.open(View::kSavedWork);
  ImGui::Spacing();
  ImGui::TextDisabled("CONNECTED SERVICES");
  if (nav_item("API Gateway###nav.api_gateway", ctx_.view == View::kApiGateway)) ctx_.open(View::kApiGateway);
  if (nav_item("Elastic Beanstalk###nav.beanstalk", ctx_.view == View::kBeanstalk)) ctx_.open(View::kBeanstalk);
  ImGui::EndChild();
  ImGui::PopStyleColor();
  ImGui::PopStyleVar();
}

void App::draw_main() {
  switch (ctx_.view) {
    case View::kCreatePool: wizard_.draw(); break;
    case View::kPool: pool_console_.draw(); break;
    case View::kTryIt: try_it_.draw(); break;
    case View::kHostedUi: hosted_ui_.draw(); break;
    case View::kInbox: inbox_.draw(); break;
    case View::kTokens: tokens_.draw(); break;
    case View::kApiLog: api_log_.draw(); break;
    case View::kFlow: flow_.draw(); break;
    case View::kSavedWork: saved_work_.draw(); break;
    case View::kApiGateway: api_gateway_.draw(); break;
    case View::kBeanstalk: beanstalk_.draw(); break;
    case View::kWelcome: draw_welcome(); break;
    case View::kLessons: lessons_.draw_catalogue(); break;
  }
  // The hosted UI's page sits over the canvas only in its own view.
  if (ctx_.view != View::kHostedUi && ctx_.hide_hosted_page) ctx_.hide_hosted_page();
}

void App::show_me(const std::string& widget, const std::string& pool_id) {
  const auto starts = [&](const char* prefix) { return widget.starts_with(prefix); };
  if (starts("wizard.")) {
    if (ctx_.view != View::kCreatePool) wizard_.open();
    ctx_.open(View::kCreatePool);
    wizard_.show_step_of(widget);
  } else if (starts("hosted.")) {
    // The app of the step's pool, unless the learner already has it chosen.
    if (!pool_id.empty() && hosted_ui_.pool_id() != pool_id) hosted_ui_.choose(pool_id, "");
    ctx_.open(View::kHostedUi);
  } else if (starts("pool.") || starts("users.") || starts("groups.") || starts("clients.") || starts("settings.") ||
             starts("integration.")) {
    // The pool the step is about; else the one the learner has open, else the newest.
    if (!pool_id.empty())
      ctx_.pool_id = pool_id;
    else if (ctx_.view != View::kPool && !pools_.empty() &&
             std::none_of(pools_.begin(), pools_.end(), [&](const PoolEntry& e) { return e.id == ctx_.pool_id; }))
      ctx_.pool_id = pools_.back().id;
    if (!ctx_.pool_id.empty()) ctx_.open_pool(ctx_.pool_id);
    pool_console_.show_tab_of(widget);
  } else if (starts("tryit.")) {
    if (!pool_id.empty()) try_it_.use_pool(pool_id);
    ctx_.open(View::kTryIt);
    try_it_.show_page_of(widget);
  } else if (starts("inbox.")) {
    ctx_.open(View::kInbox);
  } else if (starts("tokens.")) {
    ctx_.open(View::kTokens);
  } else if (starts("apilog.")) {
    ctx_.open(View::kApiLog);
  } else if (starts("flow.")) {
    ctx_.open(View::kFlow);
  } else if (starts("work.")) {
    ctx_.open(View::kSavedWork);
  } else if (starts("apigw.")) {
    ctx_.open(View::kApiGateway);
  } else if (starts("beanstalk.")) {
    ctx_.open(View::kBeanstalk);
  } else if (starts("lessons.")) {
    ctx_.open(View::kLessons);
  } else {
    return;  // the sidebar, the header: always in sight
  }
  widget_registry().reveal(widget);
}

void App::draw_welcome() {
  begin_card(ImGui::GetFontSize() * kShellCardEms);
  heading(ctx_, "Learn Amazon Cognito user pools, right here");
  ImGui::TextWrapped(
      "This sandbox simulates a Cognito user pool in your browser. No AWS account is needed and nothing leaves this "
      "page. Everything that expires in a user pool (codes, tokens, sessions) runs on the virtual clock shown above.");
  ImGui::Spacing();
  if (primary_button(pools_.empty() ? "Create your first user pool###welcome.create_pool"
                                     : "Create a user pool###welcome.create_pool")) {
    wizard_.open();
    ctx_.open(View::kCreatePool);
  }
  ImGui::SameLine();
  if (ImGui::Button("Learn with a lesson###welcome.lessons")) ctx_.open(View::kLessons);
  end_card();
  ImGui::Spacing();
  begin_card(ImGui::GetFontSize() * kShellCardEms);
  heading(ctx_, "What Cognito identifiers look like");
  card_separator();
  value_row("User pool ID", examples_.user_pool_id, ctx_.fonts.mono);
  value_row("App client ID", examples_.app_client_id, ctx_.fonts.mono);
  value_row("User sub", examples_.sub, ctx_.fonts.mono);
  ImGui::Spacing();
  if (ImGui::Button("Generate new examples")) regenerate_examples();
  end_card();
}

void App::draw_notices() {
  const double now = ImGui::GetTime();
  std::erase_if(ctx_.notices, [&](const Notice& n) { return now - n.shown_at > (n.error ? 8.0 : 4.0); });
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  // Newest at the bottom right, older ones above it; in the Hosted UI view
  // the hosted page's frame (a browser element over the canvas) covers the
  // bottom, so there they hang from the header instead, newest first.
  const bool from_top = ctx_.view == View::kHostedUi;
  float y = from_top ? viewport->WorkPos.y + ImGui::GetFontSize() * kHeaderLines + ems(0.6f)
                     : viewport->WorkPos.y + viewport->WorkSize.y - ems(1);
  for (auto it = ctx_.notices.rbegin(); it != ctx_.notices.rend(); ++it) {
    const ImVec2 size = ImGui::CalcTextSize(it->text.c_str(), nullptr, false, ems(30));
    const ImVec2 pad(ems(0.8f), ems(0.5f));
    const float right = viewport->WorkPos.x + viewport->WorkSize.x - ems(1);
    const float height = size.y + 2 * pad.y;
    const ImVec2 min(right - size.x - 2 * pad.x, from_top ? y : y - height);
    const ImVec2 max(right, min.y + height);
    ImDrawList* draw = ImGui::GetForegroundDrawList();
    draw->AddRectFilled(min, max, it->error ? rgb(chrome::kErrorNotice) : rgb(chrome::kHeaderBar), ems(0.3f));
    draw->AddText(nullptr, 0, ImVec2(min.x + pad.x, min.y + pad.y), colors::kWhite, it->text.c_str(), nullptr, ems(30));
    y = from_top ? max.y + ems(0.4f) : min.y - ems(0.4f);
  }
}

}  // namespace userpool::web
