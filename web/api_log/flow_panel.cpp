#include "web/api_log/flow_panel.h"

#include <algorithm>

#include "imgui.h"
#include "web/shell/named_item.h"
#include "imgui_internal.h"
#include "web/shell/widgets.h"

namespace userpool::web {
namespace {

constexpr float kFlowCardEms = 56.0f;  // the widest the cards grow
// Where the lifelines stand, as fractions of the diagram's width: the app
// and the pool far apart, because requests carry the longest labels. With
// the browser's lifeline (a hosted UI flow), four; with an identity
// provider's too (a federated sign-in), five; else three. By Lane.
constexpr float kLaneAt[] = {0.0f, 0.12f, 0.56f, 0.0f, 0.88f};
constexpr float kLaneAtWithBrowser[] = {0.08f, 0.30f, 0.66f, 0.0f, 0.92f};
constexpr float kLaneAtWithProvider[] = {0.05f, 0.22f, 0.50f, 0.74f, 0.94f};
constexpr float kRowEms = 2.0f;  // one arrow per row
// Cognito's colour in AWS architecture icons (Security, Identity & Compliance).
constexpr unsigned kCognitoRed = rgb(0xdd344c);
constexpr unsigned kPurple = rgb(0x7d4cdb);
constexpr std::size_t kClientsDrawn = 5;  // more are summed up as "+N more"

ImU32 text_color() { return ImGui::GetColorU32(ImGuiCol_Text); }
ImU32 grey_color() { return ImGui::GetColorU32(ImGuiCol_TextDisabled); }

// Which lifelines a diagram has, beside the app, the pool and the inbox.
enum class Lanes { kThree, kWithBrowser, kWithProvider };

Lanes lanes_of(const std::vector<FlowStep>& steps) {
  if (uses_provider(steps)) return Lanes::kWithProvider;
  return uses_browser(steps) ? Lanes::kWithBrowser : Lanes::kThree;
}

float lane_x(const ImVec2& origin, float width, Lane lane, Lanes lanes) {
  const float* at = lanes == Lanes::kWithProvider ? kLaneAtWithProvider : lanes == Lanes::kWithBrowser ? kLaneAtWithBrowser : kLaneAt;
  return origin.x + width * at[static_cast<int>(lane)];
}

// A horizontal arrow from x0 to x1 at height y; dashed for responses (the
// sequence-diagram convention for a reply).
void arrow(ImDrawList* draw, float x0, float x1, float y, ImU32 color, bool dashed) {
  const float dir = x1 > x0 ? 1.0f : -1.0f;
  const float head = ems(0.55f), thickness = std::max(1.0f, ems(0.1f));
  const float shaft_end = x1 - dir * head;
  if (dashed) {
    const float dash = ems(0.4f);
    for (float x = x0; (shaft_end - x) * dir > 0; x += 2 * dash * dir)
      draw->AddLine(ImVec2(x, y), ImVec2(x + dir * std::min(dash, (shaft_end - x) * dir), y), color, thickness);
  } else {
    draw->AddLine(ImVec2(x0, y), ImVec2(shaft_end, y), color, thickness);
  }
  draw->AddTriangleFilled(ImVec2(x1, y), ImVec2(shaft_end, y - head * 0.45f), ImVec2(shaft_end, y + head * 0.45f), color);
}

void dashed_vertical(ImDrawList* draw, float x, float y0, float y1, ImU32 color) {
  const float dash = ems(0.3f);
  for (float y = y0; y < y1; y += 2 * dash) draw->AddLine(ImVec2(x, y), ImVec2(x, std::min(y + dash, y1)), color);
}

ImU32 step_color(const FlowStep& step) {
  if (step.is_error) return colors::red();
  switch (step.kind) {
    case FlowStep::Kind::kRequest: return colors::blue();
    case FlowStep::Kind::kMessage: return colors::amber();
    case FlowStep::Kind::kResponse: return step.label == "tokens" ? colors::green() : colors::grey();
  }
  return colors::grey();
}

// A box of the architecture picture: a coloured top edge (the kind of
// piece), a title and lines of text, clipped to the box.
struct Box {
  ImVec2 min, max;
  unsigned accent = colors::grey();
  std::string title;
  std::vector<std::string> lines;
  bool mono = false;  // identifiers: the lines in the mono font
};

float box_height(std::size_t lines) {
  return ems(0.35f) + ImGui::GetTextLineHeight() * static_cast<float>(1 + lines) + ems(0.5f);
}

void draw_box(ImDrawList* draw, const Box& box, const Fonts& fonts) {
  const float rounding = ems(0.25f);
  draw->AddRectFilled(box.min, box.max, ImGui::GetColorU32(ImGuiCol_WindowBg), rounding);
  draw->AddRect(box.min, box.max, box.accent, rounding);
  draw->AddRectFilled(box.min, ImVec2(box.max.x, box.min.y + ems(0.25f)), box.accent, rounding,
                      ImDrawFlags_RoundCornersTop);
  const ImVec4 clip(box.min.x, box.min.y, box.max.x - ems(0.3f), box.max.y);
  const float line_h = ImGui::GetTextLineHeight();
  ImVec2 at(box.min.x + ems(0.5f), box.min.y + ems(0.45f));
  draw->AddText(fonts.heading != nullptr ? fonts.heading : ImGui::GetFont(), ImGui::GetFontSize(), at, box.accent,
                box.title.c_str(), nullptr, 0.0f, &clip);
  ImFont* body = box.mono && fonts.mono != nullptr ? fonts.mono : ImGui::GetFont();
  for (const auto& line : box.lines) {
    at.y += line_h;
    draw->AddText(body, ImGui::GetFontSize(), at, text_color(), line.c_str(), nullptr, 0.0f, &clip);
  }
}

// An elbow connector from the right edge of `from` to the left edge of `to`,
// as AWS diagrams draw them.
void connect(ImDrawList* draw, const Box& from, const Box& to) {
  const float y0 = (from.min.y + from.max.y) * 0.5f, y1 = (to.min.y + to.max.y) * 0.5f;
  const float x0 = from.max.x, x1 = to.min.x, mid = (x0 + x1) * 0.5f;
  const ImU32 c = grey_color();
  draw->AddLine(ImVec2(x0, y0), ImVec2(mid, y0), c);
  draw->AddLine(ImVec2(mid, y0), ImVec2(mid, y1), c);
  draw->AddLine(ImVec2(mid, y1), ImVec2(x1, y1), c);
}

// A box's whole text in a tooltip, for what the box had to cut off.
void box_tooltip(const Box& box) {
  if (!ImGui::IsMouseHoveringRect(box.min, box.max)) return;
  std::string text = box.title;
  for (const auto& line : box.lines) text += "\n" + line;
  ImGui::SetTooltip("%s", text.c_str());
}

std::string shorten(const std::string& text, std::size_t keep) {
  return text.size() <= keep ? text : text.substr(0, keep) + "\xE2\x80\xA6";
}

}  // namespace

std::string FlowPanel::shown_pool_id() const { return !ctx_.pool_id.empty() ? ctx_.pool_id : ctx_.session.pool_id; }

void FlowPanel::refresh_flow() {
  const auto& log = ctx_.api.log();
  const FlowKey key{ctx_.api.revision(), log.size(), log.empty() ? 0 : log.back().id};
  if (flow_valid_ && key == flow_key_) return;
  flow_key_ = key;
  flow_valid_ = true;
  const std::vector<const ApiLogEntry*> flow = last_flow(log);
  exchanges_ = flow.size();
  flow_start_ = flow.empty() ? Timestamp{} : flow.front()->time;
  std::vector<SentMessage> messages;
  if (!flow.empty()) {
    // Newest first: a flow of at most kFlowMaxExchanges sends far fewer.
    const Response r = ctx_.api.peek("Sandbox.ListMessages", Json{{"MaxResults", 100}});
    if (r.status == 200) messages = sent_messages(r.body);
  }
  steps_ = flow_steps(flow, messages);
}

void FlowPanel::refresh_picture() {
  const std::string id = shown_pool_id();
  if (picture_valid_ && picture_revision_ == ctx_.api.revision() && picture_pool_id_ == id) return;
  picture_valid_ = true;
  picture_revision_ = ctx_.api.revision();
  picture_pool_id_ = id;
  has_pool_ = false;
  picture_ = PoolPicture{};
  if (id.empty()) return;
  const Response pool = ctx_.api.peek("DescribeUserPool", Json{{"UserPoolId", id}});
  if (pool.status != 200) return;  // deleted since it was selected
  const Response clients = ctx_.api.peek("ListUserPoolClients", Json{{"UserPoolId", id}, {"MaxResults", 60}});
  // A few users to name; the pool's own estimate gives the count.
  const Response users = ctx_.api.peek("ListUsers", Json{{"UserPoolId", id}, {"Limit", 3}});
  const Response jwks = ctx_.api.peek("Sandbox.GetJwks", Json{{"UserPoolId", id}});
  picture_ = pool_picture(pool.body, clients.body, users.body, jwks.body);
  has_pool_ = true;
}

void FlowPanel::draw() {
  refresh_flow();
  refresh_picture();
  heading(ctx_, "Flow");
  help_text("What went over the wire in the last flow, and the pieces of the user pool it talked to.");
  ImGui::Spacing();
  const float width = std::min(ImGui::GetContentRegionAvail().x, ems(kFlowCardEms));
  draw_flow_card(width);
  ImGui::Spacing();
  draw_picture_card(width);
}

void FlowPanel::draw_flow_card(float width) {
  begin_card(width);
  heading(ctx_, "The last flow");
  if (steps_.empty()) {
    help_text("No flow yet. Sign up or sign in from Try it: each request, the pool's answer and every email or SMS "
              "it sends appear here as arrows.");
    end_card();
    return;
  }
  const std::string iso = to_iso8601(flow_start_);
  ImGui::TextDisabled("%zu %s from %s (virtual clock). Calls more than %d minutes apart start a new flow.", exchanges_,
                      exchanges_ == 1 ? "exchange" : "exchanges", iso.substr(11, 8).c_str(),
                      static_cast<int>(std::chrono::duration_cast<std::chrono::minutes>(kFlowGap).count()));
  card_separator();
  draw_diagram(width - 2 * ImGui::GetStyle().WindowPadding.x);
  help_text("Solid arrows are requests, dashed ones the pool's answers; amber arrows are messages the pool sent, red "
            "ones errors. Each request is in the API log.");
  end_card();
}

void FlowPanel::draw_diagram(float width) {
  const float head_h = ems(2.0f), row_h = ems(kRowEms), gap = ems(0.6f);
  const float height = head_h + gap + row_h * static_cast<float>(steps_.size()) + gap;
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton("###flow.diagram", ImVec2(width, height));
  name_last_item("###flow.diagram");
  const bool hovered = ImGui::IsItemHovered();
  ImDrawList* draw = ImGui::GetWindowDrawList();

  // The lifelines: a box with the name on top, a dashed line down.
  const Lanes lanes = lanes_of(steps_);
  for (const Lane lane : {Lane::kBrowser, Lane::kApp, Lane::kPool, Lane::kProvider, Lane::kInbox}) {
    if (lane == Lane::kBrowser && lanes == Lanes::kThree) continue;
    if (lane == Lane::kProvider && lanes != Lanes::kWithProvider) continue;
    const float x = lane_x(origin, width, lane, lanes);
    const char* name = lane_name(lane);
    const ImVec2 size = ImGui::CalcTextSize(name);
    const float half = size.x * 0.5f + ems(0.8f);
    const unsigned accent = lane == Lane::kPool      ? kCognitoRed
                            : lane == Lane::kApp     ? colors::blue()
                            : lane == Lane::kBrowser ? kPurple
                            : lane == Lane::kProvider ? colors::green()
                                                      : colors::amber();
    draw->AddRectFilled(ImVec2(x - half, origin.y), ImVec2(x + half, origin.y + head_h),
                        ImGui::GetColorU32(ImGuiCol_WindowBg), ems(0.25f));
    draw->AddRect(ImVec2(x - half, origin.y), ImVec2(x + half, origin.y + head_h), accent, ems(0.25f));
    draw->AddText(ImVec2(x - size.x * 0.5f, origin.y + (head_h - size.y) * 0.5f), text_color(), name);
    dashed_vertical(draw, x, origin.y + head_h, origin.y + height, grey_color());
  }

  // One row per step: the label over the arrow, starting near its tail.
  int exchange = 0;
  for (std::size_t i = 0; i < steps_.size(); ++i) {
    const FlowStep& step = steps_[i];
    const float top = origin.y + head_h + gap + row_h * static_cast<float>(i);
    const float y = top + row_h * 0.72f;
    const float x0 = lane_x(origin, width, step.from, lanes), x1 = lane_x(origin, width, step.to, lanes);
    const ImU32 color = step_color(step);
    arrow(draw, x0, x1, y, color, step.kind == FlowStep::Kind::kResponse);
    const float label_x = std::min(x0, x1) + ems(0.5f);
    const ImVec4 clip(origin.x, top, origin.x + width, top + row_h);
    draw->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(label_x, y - ImGui::GetTextLineHeight() - ems(0.15f)),
                  step.is_error ? colors::red() : text_color(), step.label.c_str(), nullptr, 0.0f, &clip);
    // The exchange's number, left of the app's lifeline.
    if (step.kind == FlowStep::Kind::kRequest) {
      const std::string number = std::to_string(++exchange);
      draw->AddText(ImVec2(origin.x, y - ImGui::GetTextLineHeight() * 0.5f), grey_color(), number.c_str());
    }
    if (hovered && ImGui::IsMouseHoveringRect(ImVec2(origin.x, top), ImVec2(origin.x + width, top + row_h)))
      ImGui::SetTooltip("%s\n%s -> %s at %s (virtual clock)", step.label.c_str(), lane_name(step.from),
                        lane_name(step.to), to_iso8601(step.time).c_str());
  }
}

void FlowPanel::draw_picture_card(float width) {
  begin_card(width);
  heading(ctx_, "The user pool's pieces");
  if (!has_pool_) {
    help_text("No user pool yet. Create one, or open one from the sidebar, to see its app clients, users, signing "
              "keys and hosted UI domain here.");
    end_card();
    return;
  }
  help_text("Apps reach the pool through its app clients; the pool signs tokens with the keys it publishes at its "
            "JWKS address, so apps can check them without calling it.");
  card_separator();
  draw_architecture(width - 2 * ImGui::GetStyle().WindowPadding.x);
  end_card();
}

void FlowPanel::draw_architecture(float width) {
  const PoolPicture& p = picture_;
  const float column = std::min(ems(16), width * 0.3f);
  const float spacing = ems(0.8f);
  const ImVec2 origin = ImGui::GetCursorScreenPos();

  // Left: the app clients. Right: users, keys, the hosted UI domain.
  std::vector<Box> left, right;
  const std::size_t drawn = std::min(p.clients.size(), kClientsDrawn);
  for (std::size_t i = 0; i < drawn; ++i)
    left.push_back({{}, {}, colors::blue(), "App client", {p.clients[i].name, p.clients[i].id}, false});
  if (p.clients.empty()) left.push_back({{}, {}, colors::grey(), "No app client", {"Apps need one to call", "the pool"}, false});
  const std::size_t hidden = p.clients.size() - drawn;
  if (hidden > 0 || p.more_clients)
    left.push_back({{}, {}, colors::blue(), "+" + std::to_string(hidden) + (p.more_clients ? "+" : "") + " more", {}, false});

  Box users{{}, {}, colors::green(), "Users", {}, false};
  users.lines.push_back(std::to_string(p.user_count) + (p.more_users ? "+" : "") + (p.user_count == 1 ? " user" : " users"));
  for (const auto& u : p.user_labels) users.lines.push_back(u);
  right.push_back(users);
  Box keys{{}, {}, colors::amber(), "Signing keys (JWKS)", {}, true};
  for (const auto& kid : p.key_ids) keys.lines.push_back("kid " + shorten(kid, 18));
  if (p.key_ids.empty()) keys.lines.push_back("none published");
  right.push_back(keys);
  if (!p.domain.empty()) {
    // Two lines, the learner's prefix first: the whole name is wider than a box.
    const std::size_t dot = std::min(p.domain.find('.'), p.domain.size());
    right.push_back({{}, {}, kPurple, "Hosted UI domain", {p.domain.substr(0, dot), p.domain.substr(dot)}, false});
  }

  Box pool{{}, {}, kCognitoRed, "User pool", {p.pool_name, p.pool_id, "MFA: " + p.mfa}, false};

  // Stack each column, then centre the pool between them.
  const auto stack = [&](std::vector<Box>& boxes, float x) {
    float y = origin.y;
    for (Box& b : boxes) {
      b.min = ImVec2(x, y);
      b.max = ImVec2(x + column, y + box_height(b.lines.size()));
      y = b.max.y + spacing;
    }
    return y - spacing - origin.y;
  };
  const float left_h = stack(left, origin.x);
  const float right_h = stack(right, origin.x + width - column);
  const float pool_h = box_height(pool.lines.size());
  const float height = std::max({left_h, right_h, pool_h});
  const float pool_x = origin.x + (width - column) * 0.5f, pool_y = origin.y + (height - pool_h) * 0.5f;
  pool.min = ImVec2(pool_x, pool_y);
  pool.max = ImVec2(pool_x + column, pool_y + pool_h);

  ImGui::InvisibleButton("###flow.architecture", ImVec2(width, height));
  name_last_item("###flow.architecture");
  const bool hovered = ImGui::IsItemHovered();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  for (const Box& b : left) connect(draw, b, pool);
  for (const Box& b : right) connect(draw, pool, b);
  for (const Box& b : left) draw_box(draw, b, ctx_.fonts);
  for (const Box& b : right) draw_box(draw, b, ctx_.fonts);
  draw_box(draw, pool, ctx_.fonts);
  if (hovered) {
    for (const Box& b : left) box_tooltip(b);
    for (const Box& b : right) box_tooltip(b);
    box_tooltip(pool);
  }
}

}  // namespace userpool::web
