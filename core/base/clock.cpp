#include "core/base/clock.h"

#include <algorithm>
#include <cstdio>
#include <ctime>

namespace userpool {

double to_epoch_seconds(Timestamp t) {
  return static_cast<double>(t.time_since_epoch().count()) / 1000.0;
}

std::int64_t to_epoch_whole_seconds(Timestamp t) {
  return std::chrono::floor<std::chrono::seconds>(t).time_since_epoch().count();
}

Timestamp from_epoch_millis(std::int64_t ms) { return Timestamp{Millis{ms}}; }

std::string to_iso8601(Timestamp t) {
  const auto day = std::chrono::floor<std::chrono::days>(t);
  const std::chrono::year_month_day ymd{day};
  const std::chrono::hh_mm_ss hms{t - day};
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                static_cast<int>(hms.seconds().count()), static_cast<int>(hms.subseconds().count()));
  return buf;
}

std::optional<Timestamp> from_iso8601(std::string_view text) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0, used = 0;
  const std::string s(text.substr(0, 64));
  if (std::sscanf(s.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%n", &y, &mo, &d, &h, &mi, &sec, &used) != 6 || used != 19) return std::nullopt;
  int millis = 0;
  std::size_t at = 19;
  if (at < s.size() && s[at] == '.') {
    int digits = 0;
    for (++at; at < s.size() && s[at] >= '0' && s[at] <= '9'; ++at, ++digits)
      if (digits < 3) millis = millis * 10 + (s[at] - '0');
    if (digits == 0) return std::nullopt;
    for (; digits < 3; ++digits) millis *= 10;
  }
  if (at + 1 != s.size() || s[at] != 'Z' || s.size() != text.size()) return std::nullopt;
  const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(mo)},
                                        std::chrono::day{static_cast<unsigned>(d)}};
  if (!ymd.ok() || h > 23 || mi > 59 || sec > 60) return std::nullopt;
  return Timestamp{std::chrono::sys_days{ymd}} + std::chrono::hours(h) + std::chrono::minutes(mi) + std::chrono::seconds(sec) +
         Millis(millis);
}

std::string to_compact_timestamp(Timestamp t) {
  std::string out;
  for (const char c : to_iso8601(t).substr(0, 19))  // 2026-01-15T10:00:00
    if (c >= '0' && c <= '9') out.push_back(c);
  return out;
}

std::string format_duration(Millis d) {
  using namespace std::chrono;
  auto left = duration_cast<seconds>(d < Millis{0} ? -d : d).count();
  struct Unit {
    std::int64_t seconds;
    const char* one;
    const char* many;
  };
  constexpr Unit kUnits[] = {{86400, " day", " days"}, {3600, " h", " h"}, {60, " min", " min"}, {1, " s", " s"}};
  std::string out;
  int shown = 0;
  for (const auto& u : kUnits) {
    const auto n = left / u.seconds;
    if (n == 0 && !(u.seconds == 1 && out.empty())) {
      if (shown > 0) break;  // two adjacent units at most: "1 day 3 h", never "1 day 20 s"
      continue;
    }
    left -= n * u.seconds;
    out += (out.empty() ? "" : " ") + std::to_string(n) + (n == 1 ? u.one : u.many);
    if (++shown == 2) break;
  }
  return out;
}

Timestamp Clock::system_now() {
  return std::chrono::time_point_cast<Millis>(std::chrono::system_clock::now());
}

Clock::Clock(WallSource wall) : wall_(std::move(wall)) { last_ = wall_(); }

Timestamp Clock::now() const {
  const Timestamp t = frozen_ ? frozen_at_ : wall_() + offset_;
  last_ = std::max(last_, t);
  return last_;
}

bool Clock::advance(Millis amount) {
  if (amount < Millis{0}) return false;
  if (frozen_) {
    frozen_at_ = now() + amount;
  } else {
    // Measured from now(), so a wall clock that stepped back is not undone.
    offset_ = now() + amount - wall_();
  }
  return true;
}

bool Clock::set(Timestamp t) {
  if (t < now()) return false;
  return advance(t - now());
}

void Clock::freeze() { freeze_at(now()); }

void Clock::freeze_at(Timestamp t) {
  frozen_ = true;
  frozen_at_ = t;
  last_ = t;  // an explicit freeze (tests) may move the clock anywhere
}

void Clock::unfreeze() {
  if (!frozen_) return;
  offset_ = frozen_at_ - wall_();
  frozen_ = false;
}

Millis Clock::offset() const { return frozen_ ? frozen_at_ - wall_() : offset_; }

Clock::State Clock::state() const {
  return State{frozen_, offset_.count(), frozen_at_.time_since_epoch().count()};
}

void Clock::restore(const State& s) {
  frozen_ = s.frozen;
  offset_ = Millis{s.offset_ms};
  frozen_at_ = from_epoch_millis(s.frozen_at_ms);
  last_ = frozen_ ? frozen_at_ : wall_() + offset_;
}

}  // namespace userpool
