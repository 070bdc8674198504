#include "core/base/clock.h"

#include <catch2/catch.hpp>

using namespace userpool;
using namespace std::chrono_literals;

namespace {

// A wall clock the test moves by hand.
struct FakeWall {
  Timestamp t = from_epoch_millis(1'700'000'000'000);
  Clock::WallSource source() {
    return [this] { return t; };
  }
};

}  // namespace

TEST_CASE("A running clock follows the wall clock") {
  FakeWall wall;
  Clock clock(wall.source());
  CHECK(clock.now() == wall.t);
  wall.t += 5s;
  CHECK(clock.now() == wall.t);
}

TEST_CASE("Advancing the clock adds to the real time and keeps running") {
  FakeWall wall;
  Clock clock(wall.source());
  REQUIRE(clock.advance(1h));
  CHECK(clock.now() == wall.t + 1h);
  CHECK(clock.offset() == 1h);
  wall.t += 10s;
  CHECK(clock.now() == wall.t + 1h);
}

TEST_CASE("The clock refuses to go backwards") {
  FakeWall wall;
  Clock clock(wall.source());
  const auto before = clock.now();
  CHECK_FALSE(clock.advance(-1s));
  CHECK_FALSE(clock.set(before - 1ms));
  CHECK(clock.now() == before);
  CHECK(clock.set(before + 24h));
  CHECK(clock.now() == before + 24h);
}

TEST_CASE("The virtual time never decreases even if the wall clock steps back") {
  FakeWall wall;
  Clock clock(wall.source());
  const auto first = clock.now();
  wall.t -= 30s;
  CHECK(clock.now() == first);
  wall.t += 60s;
  CHECK(clock.now() == first + 30s);
}

TEST_CASE("A frozen clock moves only when told to") {
  FakeWall wall;
  Clock clock(wall.source());
  clock.freeze_at(from_epoch_millis(1'000'000));
  wall.t += 1h;
  CHECK(clock.now() == from_epoch_millis(1'000'000));
  REQUIRE(clock.advance(90s));
  CHECK(clock.now() == from_epoch_millis(1'090'000));
  clock.unfreeze();
  wall.t += 1s;
  CHECK(clock.now() == from_epoch_millis(1'091'000));
}

TEST_CASE("Clock state round-trips for both running and frozen clocks") {
  FakeWall wall;
  Clock a(wall.source());
  REQUIRE(a.advance(3h));
  Clock b(wall.source());
  b.restore(a.state());
  CHECK(b.now() == a.now());
  CHECK_FALSE(b.frozen());

  a.freeze();
  wall.t += 1h;
  Clock c(wall.source());
  c.restore(a.state());
  CHECK(c.frozen());
  CHECK(c.now() == a.now());
}

TEST_CASE("Times convert to Cognito's and JWT's number formats") {
  const auto t = from_epoch_millis(1'602'103'465'273);
  CHECK(to_epoch_seconds(t) == Approx(1602103465.273).epsilon(0));
  CHECK(to_epoch_whole_seconds(t) == 1602103465);
  CHECK(to_iso8601(t) == "2020-10-07T20:44:25.273Z");
  CHECK(to_iso8601(from_epoch_millis(0)) == "1970-01-01T00:00:00.000Z");
}

TEST_CASE("Durations read as the two largest adjacent units") {
  CHECK(format_duration(0s) == "0 s");
  CHECK(format_duration(45s) == "45 s");
  CHECK(format_duration(200s) == "3 min 20 s");
  CHECK(format_duration(1h) == "1 h");
  CHECK(format_duration(2h + 5min + 9s) == "2 h 5 min");
  CHECK(format_duration(24h + 3h) == "1 day 3 h");
  CHECK(format_duration(48h + 20s) == "2 days");
  CHECK(format_duration(-90s) == "1 min 30 s");
  CHECK(format_duration(1500ms) == "1 s");
}
