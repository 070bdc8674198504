// Errors in Cognito's wire shape (API Reference: common parameters and errors, each operation's Errors): an exception name and a
// message, HTTP 400 for everything the caller did wrong and 500 for the
// service's own faults.
//
// Inside an operation an error is thrown as ApiException, so a handler reads
// as a list of checks; the dispatcher catches it and answers
// {"__type": ..., "message": ...}. Handlers check everything before they
// change anything, so a refused request leaves no trace but its event.
#pragma once

#include <stdexcept>
#include <string>

namespace userpool {

struct ApiError {
  std::string type;     // e.g. "NotAuthorizedException"
  std::string message;  // e.g. "Incorrect username or password."
  int status = 400;
  // Why the sandbox decided so, for the event log (never sent on the wire),
  // e.g. "PreventUserExistenceErrors is ENABLED, so an unknown user looks like a wrong password".
  std::string rule;
};

class ApiException : public std::runtime_error {
 public:
  explicit ApiException(ApiError e) : std::runtime_error(e.message), error_(std::move(e)) {}
  const ApiError& error() const { return error_; }

 private:
  ApiError error_;
};

// Throws the named Cognito exception (status 400).
[[noreturn]] void fail(std::string type, std::string message, std::string rule = {});

// The common ones, by name.
[[noreturn]] void fail_invalid_parameter(std::string message, std::string rule = {});
[[noreturn]] void fail_not_authorized(std::string message, std::string rule = {});
[[noreturn]] void fail_resource_not_found(std::string message, std::string rule = {});
[[noreturn]] void fail_user_not_found(std::string message = "User does not exist.", std::string rule = {});

}  // namespace userpool
