// The inbox: every email and SMS the simulated pools sent, newest first, with
// the code picked out and buttons to copy it or use it in the form that waits
// for it (Try it).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/base/clock.h"
#include "web/shell/clock_reader.h"
#include "web/shell/ui_context.h"

namespace userpool::web {

class InboxPanel {
 public:
  // At most this many of the newest messages are read and drawn.
  static constexpr int kShownMessages = 100;

  explicit InboxPanel(UiContext& ctx) : ctx_(ctx) {}
  void draw();

 private:
  // One message as Sandbox.ListMessages returns it.
  struct Message {
    std::string medium, destination, from, subject, body, code, purpose, user_pool_id, username;
    Timestamp time{};
  };

  void refresh();
  void draw_message(const Message& m, int n);

  UiContext& ctx_;
  std::uint64_t revision_ = ~0ull;
  std::vector<Message> messages_;  // newest first
  std::string filter_;             // part of a destination
  ClockReader clock_{1.0};         // the virtual clock, for "3 min ago", read once a second
  Timestamp now_{};
};

}  // namespace userpool::web
