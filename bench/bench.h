// A minimal timing harness for the benchmarks: runs an operation for about a
// second (or a given count) and reports the rate, so the same source gives
// figures natively and in wasm under node.
#pragma once

#include <chrono>
#include <cstdio>
#include <functional>
#include <string>

namespace userpool::bench {

struct Figure {
  double per_op_ms;
  double per_second;
  long iterations;
};

// Runs `op` until `seconds` have passed (at least `min_iterations` times).
inline Figure measure(const std::function<void()>& op, double seconds = 1.0, long min_iterations = 3) {
  using clock = std::chrono::steady_clock;
  op();  // warm-up (lazy statics, caches)
  long n = 0;
  const auto start = clock::now();
  std::chrono::duration<double> elapsed{};
  do {
    op();
    ++n;
    elapsed = clock::now() - start;
  } while (elapsed.count() < seconds || n < min_iterations);
  return {elapsed.count() * 1000.0 / static_cast<double>(n), static_cast<double>(n) / elapsed.count(), n};
}

inline void print_header(const char* title) {
  std::printf("\n%s\n  %-48s %12s %12s %8s\n", title, "operation", "ms/op", "ops/s", "runs");
}

inline void print(const std::string& name, const Figure& f) {
  std::printf("  %-48s %12.3f %12.1f %8ld\n", name.c_str(), f.per_op_ms, f.per_second, f.iterations);
  std::fflush(stdout);
}

}  // namespace userpool::bench
