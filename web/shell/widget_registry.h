// Where each named widget was drawn in the last frame, recorded through
// ImGui's test-engine item hooks. Tests (native, and in the browser through
// the page) find a widget by name and click the middle of its rectangle.
//
// A widget's name is the part of its label after "###" when there is one
// ("Create###wizard.create" is "wizard.create"), otherwise its visible label
// (the label up to any "##").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace userpool::web {

struct WidgetRect {
  float x = 0, y = 0, w = 0, h = 0;  // in ImGui's display pixels
};

class WidgetRegistry {
 public:
  // Recording costs a little per widget, so it is off unless asked for.
  void set_enabled(bool on);
  bool enabled() const { return enabled_; }

  // Called from the ImGui hooks.
  void item_added(int frame, unsigned id, const WidgetRect& rect);
  void item_info(int frame, unsigned id, const char* label);

  // The rectangle of the named widget in the last frame drawn.
  std::optional<WidgetRect> find(std::string_view name) const;
  // Every named widget of the last frame, in drawing order.
  std::vector<std::pair<std::string, WidgetRect>> all() const;

  // Asks for the widget named `name` (a "###" name) to be scrolled into
  // sight when it is next drawn, even where it is scrolled out of view now;
  // given up after a second of frames without it. A lesson's "Show me".
  void reveal(std::string_view name);
  // The label whose ID the hooks compare each item with ("###name"); empty
  // when nothing is to be revealed.
  const std::string& reveal_label() const { return reveal_label_; }
  void revealed() { reveal_label_.clear(); }

 private:
  void start_frame_if_new(int frame);

  bool enabled_ = false;
  int frame_ = -1;
  std::unordered_map<unsigned, WidgetRect> rects_;
  std::vector<std::pair<std::string, unsigned>> names_;
  std::string reveal_label_;
  int reveal_frames_ = 0;
};

WidgetRegistry& widget_registry();

// The name a label registers under (see the top of this file).
std::string_view widget_name(std::string_view label);

}  // namespace userpool::web
