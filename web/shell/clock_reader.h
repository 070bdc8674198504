// The sandbox's virtual clock as a view shows it: read through the API
// (Sandbox.GetClock) at most every `period` seconds of the page's own time,
// not on every frame, since a read is a call through the dispatcher.
#pragma once

#include "core/base/clock.h"

namespace userpool::web {

class ApiClient;

class ClockReader {
 public:
  explicit ClockReader(double period_seconds) : period_(period_seconds) {}
  // The virtual time, read again when the last read is older than the period.
  Timestamp now(ApiClient& api);
  // The next now() reads the clock (it may have jumped).
  void forget() { read_at_ = -1; }

 private:
  double period_;
  Timestamp now_{};
  double read_at_ = -1;  // ImGui's time of the last read; < 0: never
};

}  // namespace userpool::web
