#include "web/shell/clock_reader.h"

#include "imgui.h"
#include "web/shell/api_client.h"

namespace userpool::web {

Timestamp ClockReader::now(ApiClient& api) {
  const double t = ImGui::GetTime();
  if (read_at_ < 0 || t - read_at_ > period_) {
    now_ = api.now();
    read_at_ = t;
  }
  return now_;
}

}  // namespace userpool::web
