// The flow view: the last flow as a sequence diagram (the learner's app,
// the user pool, the inbox), and the pool's pieces as a small picture.
//
// What to draw is worked out in web/api_log/flow_steps.h; this file draws it. Both
// are recomputed only when the sandbox or the API log changed, never per
// frame.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "web/api_log/flow_steps.h"
#include "web/shell/ui_context.h"

namespace userpool::web {

class FlowPanel {
 public:
  explicit FlowPanel(UiContext& ctx) : ctx_(ctx) {}
  void draw();

  // What the last draw() showed (tests read these).
  const std::vector<FlowStep>& steps() const { return steps_; }
  // The pool of the picture; meaningful only when has_pool().
  const PoolPicture& picture() const { return picture_; }
  bool has_pool() const { return has_pool_; }

 private:
  // What the diagram was computed from.
  struct FlowKey {
    std::uint64_t revision = 0;
    std::size_t log_size = 0;
    std::uint64_t newest_id = 0;
    bool operator==(const FlowKey&) const = default;
  };

  void refresh_flow();
  void refresh_picture();
  void draw_flow_card(float width);
  void draw_diagram(float width);
  void draw_picture_card(float width);
  void draw_architecture(float width);
  // The selected pool (the console's), or the pool the learner's app uses.
  std::string shown_pool_id() const;

  UiContext& ctx_;
  FlowKey flow_key_;
  bool flow_valid_ = false;
  std::vector<FlowStep> steps_;
  std::size_t exchanges_ = 0;
  Timestamp flow_start_{};

  std::uint64_t picture_revision_ = 0;
  std::string picture_pool_id_;
  bool picture_valid_ = false;
  bool has_pool_ = false;
  PoolPicture picture_;
};

}  // namespace userpool::web
