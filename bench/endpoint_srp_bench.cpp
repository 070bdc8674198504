// USER_SRP_AUTH sign-ins over HTTP against a running endpoint, from several
// threads at once, with the sandbox's own SRP client (core/client/sign_in.h):
// InitiateAuth, then RespondToAuthChallenge with PASSWORD_VERIFIER, each a
// real HTTP request. Prints sign-ins per second and the latency of a whole
// sign-in (both requests).
//
//   endpoint_srp_bench URL POOL_ID CLIENT_ID USERNAME PASSWORD SIGN_INS THREADS
#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/client/sign_in.h"

using namespace userpool;

namespace {

using Stopwatch = std::chrono::steady_clock;

Json post(httplib::Client& http, const std::string& operation, const Json& body) {
  const httplib::Headers headers{{"X-Amz-Target", "AWSCognitoIdentityProviderService." + operation}};
  const auto answer = http.Post("/", headers, body.dump(), "application/x-amz-json-1.1");
  if (!answer || answer->status != 200) {
    std::fprintf(stderr, "%s failed: %s\n", operation.c_str(), answer ? answer->body.c_str() : "no answer");
    std::exit(1);
  }
  return Json::parse(answer->body);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 8) {
    std::fprintf(stderr, "usage: endpoint_srp_bench URL POOL_ID CLIENT_ID USERNAME PASSWORD SIGN_INS THREADS\n");
    return 2;
  }
  const std::string url = argv[1];
  const client::AppClientKeys app{argv[2], argv[3], ""};
  const std::string username = argv[4], password = argv[5];
  const int total = std::atoi(argv[6]), threads = std::atoi(argv[7]);

  std::atomic<int> next = 0;
  std::mutex lock;
  std::vector<double> latencies;
  const auto started = Stopwatch::now();
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t)
    workers.emplace_back([&] {
      httplib::Client http(url);
      http.set_keep_alive(true);
      http.set_tcp_nodelay(true);
      std::vector<double> mine;
      while (next++ < total) {
        const auto begin = Stopwatch::now();
        const client::SrpSignIn sign_in(app, secure_random());
        const Json challenge = post(http, "InitiateAuth", sign_in.initiate_auth_request(username));
        // The app's clock: the endpoint runs on real time here.
        const auto answer = sign_in.password_verifier_request(challenge, password, Clock::system_now());
        if (!answer) {
          std::fprintf(stderr, "cannot answer the challenge: %s\n", answer.error().c_str());
          std::exit(1);
        }
        const Json tokens = post(http, "RespondToAuthChallenge", *answer);
        if (!tokens.contains("AuthenticationResult")) {
          std::fprintf(stderr, "no tokens: %s\n", tokens.dump().c_str());
          std::exit(1);
        }
        mine.push_back(std::chrono::duration<double, std::milli>(Stopwatch::now() - begin).count());
      }
      std::lock_guard guard(lock);
      latencies.insert(latencies.end(), mine.begin(), mine.end());
    });
  for (auto& w : workers) w.join();
  const double seconds = std::chrono::duration<double>(Stopwatch::now() - started).count();
  std::sort(latencies.begin(), latencies.end());
  const auto at = [&](double q) { return latencies[std::min(latencies.size() - 1, static_cast<std::size_t>(q * static_cast<double>(latencies.size())))]; };
  std::printf("{\"signIns\": %zu, \"seconds\": %.3f, \"perSecond\": %.1f, \"p50Ms\": %.2f, \"p99Ms\": %.2f}\n", latencies.size(),
              seconds, static_cast<double>(latencies.size()) / seconds, at(0.5), at(0.99));
  return 0;
}
