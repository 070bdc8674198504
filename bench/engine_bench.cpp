// Engine benchmark: operations per second through the dispatcher for
// sign-up, confirmation, password and SRP sign-in, and ListUsers over 10,000
// users; and the memory a user takes.
//
//   engine_bench [USERS]   (default 10000)
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <unistd.h>

#include "core/api/dispatcher.h"
#include "core/client/sign_in.h"

using namespace userpool;

namespace {

using Stopwatch = std::chrono::steady_clock;

double seconds_since(Stopwatch::time_point start) { return std::chrono::duration<double>(Stopwatch::now() - start).count(); }

// Resident memory of this process, in bytes (Linux /proc; 0 elsewhere).
double resident_bytes() {
  std::ifstream statm("/proc/self/statm");
  long pages_total = 0, pages_resident = 0;
  if (!(statm >> pages_total >> pages_resident)) return 0;
  return static_cast<double>(pages_resident) * static_cast<double>(sysconf(_SC_PAGESIZE));
}

Json must(Account& a, const char* op, const Json& params) {
  const Response r = call(a, op, params);
  if (r.status != 200) {
    std::fprintf(stderr, "%s failed: %s\n", op, r.body.dump().c_str());
    std::exit(1);
  }
  return r.body;
}

void row(const char* name, long n, double seconds) {
  std::printf("  %-46s %10.1f ops/s  %8.3f ms/op  (%ld in %.2f s)\n", name, static_cast<double>(n) / seconds,
              seconds * 1000.0 / static_cast<double>(n), n, seconds);
  std::fflush(stdout);
}

std::string email_of(long i) { return "user" + std::to_string(i) + "@example.com"; }

}  // namespace

int main(int argc, char** argv) {
  const long users = argc > 1 ? std::atol(argv[1]) : 10000;
  std::printf("\nEngine benchmark, native, %ld users\n", users);
  Account account;
  // Email through "your own SES" (DEVELOPER): Cognito's own sender would stop at 50 a day.
  const std::string pool = must(account, "CreateUserPool",
                                {{"PoolName", "bench"},
                                 {"UsernameAttributes", {"email"}},
                                 {"AutoVerifiedAttributes", {"email"}},
                                 {"EmailConfiguration", {{"EmailSendingAccount", "DEVELOPER"},
                                                         {"SourceArn", "arn:aws:ses:us-east-1:123456789012:identity/no-reply@example.com"}}}})["UserPool"]["Id"];
  const std::string client = must(account, "CreateUserPoolClient",
                                  {{"UserPoolId", pool}, {"ClientName", "bench"},
                                   {"ExplicitAuthFlows", {"ALLOW_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"}}})
                                 ["UserPoolClient"]["ClientId"];

  const double memory_before = resident_bytes();
  double sign_up_time = 0, confirm_time = 0;
  for (long i = 0; i < users; ++i) {
    auto start = Stopwatch::now();
    must(account, "SignUp", {{"ClientId", client}, {"Username", email_of(i)}, {"Password", "Passw0rd!"}});
    sign_up_time += seconds_since(start);
    // The code from the newest message (read outside the timing).
    const std::string code = account.outbox.messages().back().code;
    start = Stopwatch::now();
    must(account, "ConfirmSignUp", {{"ClientId", client}, {"Username", email_of(i)}, {"ConfirmationCode", code}});
    confirm_time += seconds_since(start);
  }
  const double memory_after = resident_bytes();
  row("SignUp", users, sign_up_time);
  row("ConfirmSignUp", users, confirm_time);

  const long sign_ins = std::min<long>(users, 2000);
  auto start = Stopwatch::now();
  for (long i = 0; i < sign_ins; ++i)
    must(account, "InitiateAuth", {{"ClientId", client}, {"AuthFlow", "USER_PASSWORD_AUTH"},
                                   {"AuthParameters", {{"USERNAME", email_of(i)}, {"PASSWORD", "Passw0rd!"}}}});
  row("InitiateAuth USER_PASSWORD_AUTH (to tokens)", sign_ins, seconds_since(start));

  // SRP: only the pool's side is timed; the client's maths in between is not.
  const long srp_sign_ins = std::min<long>(users, 500);
  double srp_time = 0;
  for (long i = 0; i < srp_sign_ins; ++i) {
    const userpool::client::SrpSignIn srp({pool, client, ""}, secure_random());
    const Json first = srp.initiate_auth_request(email_of(i));
    auto t = Stopwatch::now();
    const Json challenge = must(account, "InitiateAuth", first);
    srp_time += seconds_since(t);
    const Json answer = srp.password_verifier_request(challenge, "Passw0rd!", account.clock.now()).value();
    t = Stopwatch::now();
    must(account, "RespondToAuthChallenge", answer);
    srp_time += seconds_since(t);
  }
  row("SRP sign-in (pool side, both steps, to tokens)", srp_sign_ins, srp_time);

  // ListUsers: every page of 60, and a filtered search.
  start = Stopwatch::now();
  long pages = 0;
  Json request = {{"UserPoolId", pool}, {"Limit", 60}};
  for (;;) {
    const Json page = must(account, "ListUsers", request);
    ++pages;
    if (!page.contains("PaginationToken")) break;
    request["PaginationToken"] = page["PaginationToken"];
  }
  row("ListUsers, one page of 60 (paging through all)", pages, seconds_since(start));
  const long searches = 200;
  start = Stopwatch::now();
  for (long i = 0; i < searches; ++i)
    must(account, "ListUsers", {{"UserPoolId", pool}, {"Filter", "email = \"" + email_of(users - 1 - i % users) + "\""}});
  row("ListUsers with an email filter (scans all users)", searches, seconds_since(start));

  if (memory_before > 0)
    std::printf("  %-46s %10.0f bytes (resident memory growth / users)\n", "Memory per user",
                (memory_after - memory_before) / static_cast<double>(users));
  const std::size_t state_bytes = must(account, "Sandbox.ExportState", Json::object())["State"].dump().size();
  std::printf("  %-46s %10.0f bytes (saved state / users)\n", "Saved state per user",
              static_cast<double>(state_bytes) / static_cast<double>(users));
  return 0;
}
