// The simulation's virtual clock.
//
// Every expiry in a user pool (codes, tokens, challenge sessions, lockouts,
// temporary passwords) is judged against this clock, never the wall clock, so
// a learner can jump ahead and watch a token expire. The clock starts at the
// real time and runs with it, plus whatever jumps the learner makes; tests can
// freeze it so nothing moves unless they move it.
//
// It never runs backwards: anything issued "now" stays in the past, which keeps
// every expiry rule simple and honest.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace userpool {

using Millis = std::chrono::milliseconds;
using Timestamp = std::chrono::sys_time<Millis>;

// Unix epoch seconds with a millisecond fraction, as Cognito's JSON responses
// carry dates ("CreationDate": 1602103465.273).
double to_epoch_seconds(Timestamp t);
// Whole Unix epoch seconds, as JWT claims carry them (iat, exp, auth_time).
std::int64_t to_epoch_whole_seconds(Timestamp t);
Timestamp from_epoch_millis(std::int64_t ms);
// ISO 8601 in UTC with milliseconds, e.g. "2026-11-23T08:00:00.000Z".
std::string to_iso8601(Timestamp t);
// The UTC form XML Schema's dateTime takes in SAML: "2026-11-23T08:00:00Z",
// with or without a fraction of a second (milliseconds kept). nullopt for
// anything else (another offset than Z, an impossible date).
std::optional<Timestamp> from_iso8601(std::string_view text);
// YYYYMMDDhhmmss in UTC, as Cognito stamps versions (DescribeUserPoolDomain's
// Version, a UI customization's CSSVersion).
std::string to_compact_timestamp(Timestamp t);
// A length of time in words, to the two largest units: "45 s", "3 min 20 s",
// "2 h 5 min", "1 day 3 h". Negative lengths are shown as their size.
std::string format_duration(Millis d);

class Clock {
 public:
  // Where real time comes from; tests can pass their own.
  using WallSource = std::function<Timestamp()>;
  static Timestamp system_now();

  explicit Clock(WallSource wall = system_now);

  // The current virtual time. Non-decreasing across calls, even if the wall
  // clock steps back.
  Timestamp now() const;

  // Jumps ahead; a negative amount is refused (returns false, nothing changes).
  bool advance(Millis amount);
  // Jumps to an absolute time; a time earlier than now() is refused.
  bool set(Timestamp t);

  // Stops the clock at now() (or at t); a frozen clock moves only by
  // advance()/set(). unfreeze() lets it run with the wall clock again from
  // where it stands.
  void freeze();
  void freeze_at(Timestamp t);
  void unfreeze();
  bool frozen() const { return frozen_; }

  // How far the virtual time is ahead of the wall clock (the learner's jumps).
  Millis offset() const;

  // For saved state: the clock is restored from its offset (running) or its
  // frozen time, so a reload keeps the learner's jumps.
  struct State {
    bool frozen = false;
    std::int64_t offset_ms = 0;     // used when running
    std::int64_t frozen_at_ms = 0;  // used when frozen
  };
  State state() const;
  void restore(const State& s);

 private:
  WallSource wall_;
  Millis offset_{0};
  bool frozen_ = false;
  Timestamp frozen_at_{};
  mutable Timestamp last_{};  // last value returned, for monotonicity
};

}  // namespace userpool
