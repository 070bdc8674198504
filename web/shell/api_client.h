// The app's door to the engine: every panel, and the lessons the app runs,
// call operations through this, so the app can do nothing the API cannot.
// It wraps the door it is given (core/api/door.h) and adds what the app
// needs of every call: each recorded request and its response kept for the
// API log (as the OAuth Playground shows them), and a revision that moves
// whenever a call may have changed the sandbox, so the work is saved and
// lessons re-check, with no caller having to say so.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>

#include "core/api/door.h"

namespace userpool::web {

struct ApiLogEntry {
  std::uint64_t id = 0;
  Timestamp time{};  // the virtual time of the call
  std::string operation;
  Json request;
  int status = 0;
  Json response;
  std::string made_by;  // empty: the learner; "lesson": a lesson's set-up or solution
};

// The simulated account's facts the app shows (in ARNs and endpoints).
struct AccountFacts {
  std::string account_id, region;
};

class ApiClient final : public Door {
 public:
  static constexpr std::size_t kLogCapacity = 500;

  explicit ApiClient(Door& engine) : engine_(engine) {}

  // Calls the engine. A recorded call goes in the API log, unless it is
  // the app's own bookkeeping (the wizard keeping its draft); any call but a
  // read moves the revision.
  Response call(std::string_view operation, const Json& request, const CallOptions& options = {}) override;
  // A read the app makes to draw the screen: in no log.
  Response peek(std::string_view operation, const Json& request) { return read(operation, request); }

  const std::deque<ApiLogEntry>& log() const { return log_; }
  void clear_log() { log_.clear(); }

  // Increases whenever a call may have changed the sandbox: the app saves,
  // and lessons re-check their goals, when it moves.
  std::uint64_t revision() const { return revision_; }

  // The virtual clock's time (Sandbox.GetClock).
  Timestamp now() { return virtual_now(*this); }
  // The account's ID and Region (Sandbox.GetAccount), read again when the
  // sandbox changed (an imported state may bring others).
  const AccountFacts& facts();

 private:
  Door& engine_;
  std::deque<ApiLogEntry> log_;
  std::uint64_t next_id_ = 1;
  std::uint64_t revision_ = 0;
  AccountFacts facts_;
  std::uint64_t facts_revision_ = ~0ull;
};

// An API error as Cognito words it: "__type: message".
std::string api_error_text(const Json& body);

// Whether an operation only reads (its kind in core/api/registry.h).
bool is_read_only(std::string_view operation);

}  // namespace userpool::web
