// What an operation handler sees: the account, the one instant the request
// happens at, and the event being recorded for it.
#pragma once

#include <functional>
#include <string>

#include "core/model/account.h"
#include "core/model/event_log.h"
#include "core/api/request.h"

namespace userpool {

struct OpContext {
  Account& account;
  Timestamp now;  // read once per request: every rule in it sees the same time
  Event& event;

  // How a sign-in that succeeded ends: unset, with the API's tokens (an
  // AuthenticationResult). The hosted UI sets its own for the sign-ins it
  // runs through the same challenge steps: a session cookie on its domain
  // and the browser sent back to the app with a code.
  std::function<Json(User&)> finish_sign_in;

  RandomSource& random() { return account.random; }
  // Records why the request went the way it did.
  void rule(std::string text) { event.rules.push_back(std::move(text)); }
};

// A handler reads its request, checks everything, then changes the account
// and returns the response body. Errors are thrown (ApiException).
using OperationHandler = Json (*)(OpContext&, const Request&);

}  // namespace userpool
