// The UI's one way to the engine: every panel calls the dispatcher through
// this, so the app can do nothing the API cannot, and every request and
// response is kept for the API log (as the OAuth Playground shows them).
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>

#include "core/model/account.h"
#include "core/api/dispatcher.h"

namespace userpool::web {

struct ApiLogEntry {
  std::uint64_t id = 0;
  Timestamp time{};  // the virtual time of the call
  std::string operation;
  Json request;
  int status = 0;
  Json response;
};

class ApiClient {
 public:
  static constexpr std::size_t kLogCapacity = 500;

  explicit ApiClient(Account& account) : account_(account) {}

  // Calls the dispatcher and records the exchange.
  Response call(std::string_view operation, const Json& request);
  // A read the UI makes to draw the screen: neither in the API log nor in
  // the sandbox's event log (Describe*, List*, Get*, Sandbox reads).
  Response peek(std::string_view operation, const Json& request);
  // A write the UI makes for its own bookkeeping (the wizard keeping its
  // unfinished form): in neither log, but the sandbox changed, so the
  // revision moves and the work is saved.
  Response quiet(std::string_view operation, const Json& request);

  const std::deque<ApiLogEntry>& log() const { return log_; }
  void clear_log() { log_.clear(); }

  // Increases whenever a call may have changed the sandbox: the app saves,
  // and lessons re-check their goals, when it moves.
  std::uint64_t revision() const { return revision_; }
  void touch() { ++revision_; }

  Account& account() { return account_; }

 private:
  Account& account_;
  std::deque<ApiLogEntry> log_;
  std::uint64_t next_id_ = 1;
  std::uint64_t revision_ = 0;
};

// An API error as Cognito words it: "__type: message".
std::string api_error_text(const Json& body);

// Whether an operation only reads (Describe*, List*, Get*, Sandbox reads).
bool is_read_only(std::string_view operation);

}  // namespace userpool::web
