// The one door into the engine. Every caller (the app's panels, the lessons'
// set-up, checks, "Do it for me" and replays, the command line, the tests,
// and whatever comes next: an HTTP endpoint, a hosted page) calls
// operations through a Door, so whatever one of them can do the others can
// do the same way, and a door that keeps a log (the app's API client) sees
// every call.
//
// AccountDoor is the door straight onto an account. It is the only thing
// that holds an Account for calling; the app's API client wraps a door, and
// nothing above it reaches the account itself.
#pragma once

#include <string_view>

#include "core/api/dispatcher.h"

namespace userpool {

class Door {
 public:
  virtual ~Door() = default;
  virtual Response call(std::string_view operation, const Json& request, const CallOptions& options = {}) = 0;

  // A read that records nothing: for drawing a screen or checking a goal.
  Response read(std::string_view operation, const Json& request) { return call(operation, request, CallOptions::unrecorded()); }
};

class AccountDoor final : public Door {
 public:
  explicit AccountDoor(Account& account) : account_(account) {}
  Response call(std::string_view operation, const Json& request, const CallOptions& options = {}) override {
    return userpool::call(account_, operation, request, options);
  }

 private:
  Account& account_;
};

// A call whose request is JSON text, as it arrives over the wire: a body
// that is not JSON is a SerializationException, as AWS answers it.
Response call_text(Door& door, std::string_view operation, std::string_view request_text,
                   const CallOptions& options = {});

// The virtual clock's time, read through the door (Sandbox.GetClock).
Timestamp virtual_now(Door& door);

}  // namespace userpool
