#include "tests/web/layout_check.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>

#include "imgui.h"
#include "imgui_internal.h"
#include "tests/web/screen_text.h"
#include "web/shell/widgets.h"

namespace userpool::test {
namespace {

constexpr float kSlack = 1.5f;  // anti-aliased edges reach a pixel or so past a shape

std::string quoted(std::string text) {
  if (text.size() > 48) text = text.substr(0, 45) + "...";
  return "\"" + text + "\"";
}

// The window a draw list belongs to in the last frame.
const ImGuiWindow* window_of(const ImDrawList* list) {
  for (const ImGuiWindow* w : GImGui->Windows)
    if (w->DrawList == list && w->WasActive) return w;
  return nullptr;
}

// Whether the learner can scroll the window (or a window around it that it
// lies in) sideways to read what is cut.
bool scrolls_sideways(const ImGuiWindow* w) {
  for (; w != nullptr; w = (w->Flags & ImGuiWindowFlags_ChildWindow) ? w->ParentWindow : nullptr)
    if (w->ScrollbarX) return true;  // a scroll bar the learner can drag
  return false;
}

// The text run that holds vertex `v` of `list`, if any.
const TextRun* run_at(const std::vector<TextRun>& runs, const ImDrawList* list, int v) {
  for (const TextRun& r : runs)
    if (r.draw_list == list && v >= r.first_vertex && v < r.end_vertex) return &r;
  return nullptr;
}

// A card's name: the first text inside it (its heading, as a rule).
std::string card_name(const std::vector<TextRun>& runs, const web::DrawnCard& card) {
  for (const TextRun& r : runs)
    if (r.draw_list == card.draw_list && r.first_vertex >= card.first_vertex && r.end_vertex <= card.end_vertex)
      return quoted(r.text);
  return "(a card without text)";
}

void check_cards(const std::vector<TextRun>& runs, std::vector<std::string>& problems) {
  for (const web::DrawnCard& card : web::cards_drawn()) {
    const ImDrawVert* vtx = card.draw_list->VtxBuffer.Data;
    const int end = std::min(card.end_vertex, card.draw_list->VtxBuffer.Size);
    for (int v = card.first_vertex; v < end; ++v) {
      const float x = vtx[v].pos.x;
      if (x >= card.x0 - kSlack && x <= card.x1 + kSlack) continue;
      const TextRun* r = run_at(runs, card.draw_list, v);
      problems.push_back("in the card " + card_name(runs, card) + ", " +
                         (r != nullptr ? "the text " + quoted(r->text) : std::string("a shape")) + " is drawn past its " +
                         (x > card.x1 ? "right" : "left") + " edge (x " + std::to_string(std::lround(x)) + ", the card " +
                         std::to_string(std::lround(card.x0)) + " to " + std::to_string(std::lround(card.x1)) + ")");
      break;  // one report per card
    }
    // A child window begun inside the card (a table that scrolls, a text box).
    for (const ImGuiWindow* w : GImGui->Windows) {
      if (!w->WasActive || !(w->Flags & ImGuiWindowFlags_ChildWindow) || w->ParentWindow == nullptr ||
          w->ParentWindow->DrawList != card.draw_list)
        continue;
      if (w->Pos.x < card.x0 - kSlack || w->Pos.x > card.x1 || w->Pos.y < card.y0 || w->Pos.y > card.y1) continue;
      if (w->Pos.x + w->Size.x > card.x1 + kSlack)
        problems.push_back("in the card " + card_name(runs, card) + ", the pane " + quoted(w->Name) +
                           " runs past its right edge");
    }
  }
}

void check_cut_text(const std::vector<TextRun>& runs, std::vector<std::string>& problems) {
  for (const TextRun& r : runs) {
    if (!r.cut_at_right || !r.visible() || r.x0 >= r.clip_x1) continue;
    if (scrolls_sideways(window_of(r.draw_list))) continue;
    problems.push_back("the text " + quoted(r.text) + " is cut at x " + std::to_string(std::lround(r.clip_x1)) +
                       ", with no way to scroll to the rest");
  }
}

bool is_word_character(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// Lines of one wrapped text follow each other at exactly the line height,
// from the same left edge. A block of them no wider than a few characters
// that breaks a word across lines is text squeezed into a column too narrow
// for it. (Short lines of JSON, "}," over "{", break no word.)
void check_narrow_wraps(const std::vector<TextRun>& runs, std::vector<std::string>& problems) {
  std::size_t i = 0;
  while (i < runs.size()) {
    std::size_t j = i + 1;
    float widest = runs[i].x1 - runs[i].x0;
    std::string text = runs[i].text;
    bool splits_a_word = false;
    while (j < runs.size() && runs[j].draw_list == runs[i].draw_list && runs[j].font == runs[i].font &&
           std::fabs(runs[j].line_top - runs[j - 1].line_top - runs[i].font_size) < 1.0f &&
           std::fabs(runs[j].x0 - runs[i].x0) < runs[i].font_size * 0.5f) {
      widest = std::max(widest, runs[j].x1 - runs[j].x0);
      splits_a_word = splits_a_word || (!runs[j - 1].text.empty() && !runs[j].text.empty() &&
                                        is_word_character(runs[j - 1].text.back()) && is_word_character(runs[j].text.front()));
      text += "/" + runs[j].text;
      ++j;
    }
    if (splits_a_word && widest < runs[i].font_size * 4.0f && runs[i].visible())
      problems.push_back("the text " + quoted(text) + " is wrapped in a column " + std::to_string(std::lround(widest)) +
                         " pixels wide");
    i = j;
  }
}

void check_overlaps(const std::vector<TextRun>& runs, std::vector<std::string>& problems) {
  std::set<std::pair<std::size_t, std::size_t>> reported;
  for (std::size_t a = 0; a < runs.size(); ++a) {
    const TextRun& p = runs[a];
    if (!p.visible()) continue;
    for (std::size_t b = a + 1; b < runs.size(); ++b) {
      const TextRun& q = runs[b];
      if (q.draw_list != p.draw_list || !q.visible()) continue;
      // What is left of each once clipped: rows scrolled under a table's
      // frozen header are hidden by it, not drawn over it.
      const float w = std::min({p.x1, q.x1, p.clip_x1, q.clip_x1}) - std::max({p.x0, q.x0, p.clip_x0, q.clip_x0});
      const float h = std::min({p.y1, q.y1, p.clip_y1, q.clip_y1}) - std::max({p.y0, q.y0, p.clip_y0, q.clip_y0});
      // More than a sliver: the descenders of one line may touch the next.
      if (w < 2.0f || h < std::min(p.y1 - p.y0, q.y1 - q.y0) * 0.4f) continue;
      if (!reported.insert({a, b}).second) continue;
      problems.push_back("the text " + quoted(p.text) + " and the text " + quoted(q.text) + " are drawn over each other");
    }
  }
}

}  // namespace

std::vector<std::string> layout_problems() {
  const std::vector<TextRun> runs = read_screen_text();
  std::vector<std::string> problems;
  check_cards(runs, problems);
  check_cut_text(runs, problems);
  check_narrow_wraps(runs, problems);
  check_overlaps(runs, problems);
  return problems;
}

}  // namespace userpool::test
