#include "web/lessons/lesson_diagram.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "imgui.h"
#include "web/shell/named_item.h"
#include "web/shell/widgets.h"

namespace userpool::web {
namespace {

struct Rect {
  ImVec2 min, max;
  ImVec2 centre() const { return ImVec2((min.x + max.x) / 2, (min.y + max.y) / 2); }
};

// Where the segment from the centre of `r` towards `to` leaves the rectangle.
ImVec2 edge_towards(const Rect& r, ImVec2 to) {
  const ImVec2 c = r.centre();
  const float dx = to.x - c.x, dy = to.y - c.y;
  const float half_w = (r.max.x - r.min.x) / 2, half_h = (r.max.y - r.min.y) / 2;
  float t = 1.0f;
  if (dx != 0) t = std::min(t, half_w / std::fabs(dx));
  if (dy != 0) t = std::min(t, half_h / std::fabs(dy));
  return ImVec2(c.x + dx * t, c.y + dy * t);
}

const lessons::Diagram::Box* box_named(const lessons::Diagram& d, const std::string& id) {
  for (const auto& b : d.boxes)
    if (b.id == id) return &b;
  return nullptr;
}

// Whether another arrow joins the same two boxes the other way round: then
// the two are drawn side by side instead of on top of each other.
bool has_twin(const lessons::Diagram& d, const lessons::Diagram::Arrow& a) {
  return std::any_of(d.arrows.begin(), d.arrows.end(),
                     [&](const lessons::Diagram::Arrow& o) { return o.from == a.to && o.to == a.from; });
}

}  // namespace

void draw_diagram(const lessons::Diagram& diagram) {
  if (diagram.empty()) return;
  int columns = 1, rows = 1;
  for (const auto& b : diagram.boxes) {
    columns = std::max(columns, b.column + 1);
    rows = std::max(rows, b.row + 1);
  }
  const float width = ImGui::GetContentRegionAvail().x;
  const float cell = width / static_cast<float>(columns);
  // Gaps wide enough for an arrow and its number between neighbours.
  const float box_width = std::min(cell - ems(3.2f), ems(11));
  const float pad = ems(0.3f);
  const float line = ImGui::GetTextLineHeight();
  // The note sits a little apart from the label: a caption, not its next line.
  const float kNoteGap = ems(0.2f);
  // Every box as tall as the tallest, so rows line up.
  float box_height = 0;
  for (const auto& b : diagram.boxes) {
    float h = ImGui::CalcTextSize(b.label.c_str(), nullptr, false, box_width - 2 * pad).y;
    if (!b.note.empty()) h += kNoteGap + ImGui::CalcTextSize(b.note.c_str(), nullptr, false, box_width - 2 * pad).y;
    box_height = std::max(box_height, h + 2 * pad);
  }
  const float row_pitch = box_height + 2.6f * line;
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const auto rect_of = [&](const lessons::Diagram::Box& b) {
    const float x = origin.x + cell * static_cast<float>(b.column) + (cell - box_width) / 2;
    const float y = origin.y + row_pitch * static_cast<float>(b.row);
    return Rect{ImVec2(x, y), ImVec2(x + box_width, y + box_height)};
  };

  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImU32 arrow_colour = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  const ImU32 text_colour = ImGui::GetColorU32(ImGuiCol_Text);
  for (std::size_t i = 0; i < diagram.arrows.size(); ++i) {
    const auto& a = diagram.arrows[i];
    const Rect from = rect_of(*box_named(diagram, a.from)), to = rect_of(*box_named(diagram, a.to));
    ImVec2 p = edge_towards(from, to.centre()), q = edge_towards(to, from.centre());
    const float dx = q.x - p.x, dy = q.y - p.y, length = std::max(1.0f, std::sqrt(dx * dx + dy * dy));
    const ImVec2 along(dx / length, dy / length), across(-along.y, along.x);
    if (has_twin(diagram, a)) {  // side by side, each to its own right
      const float shift = ems(0.8f);
      p = ImVec2(p.x + across.x * shift, p.y + across.y * shift);
      q = ImVec2(q.x + across.x * shift, q.y + across.y * shift);
    }
    draw->AddLine(p, q, arrow_colour, 1.5f);
    const float head = ems(0.45f);
    draw->AddTriangleFilled(q, ImVec2(q.x - along.x * head + across.x * head * 0.5f, q.y - along.y * head + across.y * head * 0.5f),
                            ImVec2(q.x - along.x * head - across.x * head * 0.5f, q.y - along.y * head - across.y * head * 0.5f),
                            arrow_colour);
    // The arrow's number, on its middle, keyed to the legend below.
    const ImVec2 mid((p.x + q.x) / 2, (p.y + q.y) / 2);
    const std::string number = std::to_string(i + 1);
    const ImVec2 size = ImGui::CalcTextSize(number.c_str());
    draw->AddCircleFilled(mid, line * 0.5f, colors::blue());
    draw->AddText(ImVec2(mid.x - size.x / 2, mid.y - size.y / 2), colors::on_primary(), number.c_str());
  }
  for (const auto& b : diagram.boxes) {
    const Rect r = rect_of(b);
    draw->AddRectFilled(r.min, r.max, ImGui::GetColorU32(ImGuiCol_FrameBg), ems(0.3f));
    draw->AddRect(r.min, r.max, colors::blue(), ems(0.3f), 0, 1.5f);
    const float wrap = box_width - 2 * pad;
    const ImVec2 label = ImGui::CalcTextSize(b.label.c_str(), nullptr, false, wrap);
    const ImVec2 note = b.note.empty() ? ImVec2(0, 0) : ImGui::CalcTextSize(b.note.c_str(), nullptr, false, wrap);
    const float gap = b.note.empty() ? 0.0f : kNoteGap;
    const float top = r.min.y + (box_height - label.y - gap - note.y) / 2;
    draw->AddText(nullptr, 0, ImVec2(r.min.x + pad, top), text_colour, b.label.c_str(), nullptr, wrap);
    if (!b.note.empty())
      draw->AddText(nullptr, 0, ImVec2(r.min.x + pad, top + label.y + gap), arrow_colour, b.note.c_str(), nullptr, wrap);
  }
  ImGui::BeginGroup();
  ImGui::Dummy(ImVec2(width, row_pitch * static_cast<float>(rows - 1) + box_height + ems(0.3f)));
  // The legend: what each numbered arrow carries.
  for (std::size_t i = 0; i < diagram.arrows.size(); ++i) {
    const auto& a = diagram.arrows[i];
    const float x = ImGui::GetCursorPosX();
    ImGui::PushStyleColor(ImGuiCol_Text, colors::blue());
    ImGui::Text("%zu", i + 1);
    ImGui::PopStyleColor();
    ImGui::SameLine(x + ems(1.4f));
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(a.label.c_str());
    ImGui::PopTextWrapPos();
  }
  ImGui::EndGroup();
  name_last_item("###lesson.diagram");
  ImGui::Spacing();
}

}  // namespace userpool::web
