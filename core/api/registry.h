// Every operation of the sandbox, registered once with everything known
// about it: its handler, what it does to the sandbox (its kind), whether the
// event log records it, and the service it belongs to (the name prefix, the
// error a malformed request gets, the service's part of the saved state).
// The dispatcher, the app (what counts as a change), the lessons (what a
// check may call) and the saved state all read this one registry.
//
// Adding an operation:
//   1. Write its handler in the ops file of its topic (core/ops/<topic>.cpp,
//      or core/services/<service>/...), inside that file's anonymous namespace.
//   2. Add one row to that file's table at its end: the name as the service
//      spells it, the handler, its kind, and why when its kind is not what
//      its verb says (see kind_by_verb()).
// Nothing else: the registry gathers the file's table already.
//
// Adding an ops file, or a service: write the file with its table function,
// then add the function to its service in registry.cpp (one line), or add a
// service there with its prefix, its malformed-request error and, if it keeps
// state, its state section.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/api/operation.h"

namespace userpool {

// What an operation does to the sandbox.
enum class OperationKind {
  kRead,         // only reads: a lesson's check may call it; the app counts no change
  kChange,       // changes the sandbox: the work is saved, lessons re-check
  kBookkeeping,  // the app's own housekeeping kept with the sandbox (the wizard's
                 // unfinished form): saved, but not something the learner did,
                 // so the API log does not show it
};

struct OperationSpec {
  std::string_view name;  // without the service prefix: "CreateUserPool", "GetClock"
  OperationHandler handler = nullptr;
  OperationKind kind = OperationKind::kChange;
  // Why the kind is not the one the name's verb suggests (empty when it is):
  // "sends a code" for GetUserAttributeVerificationCode.
  std::string_view unlike_its_verb = {};
  bool logged = true;  // recorded in the sandbox's event log
  // The error a request breaking the shapes gets, when not the service's.
  std::string_view malformed_request_error = {};
};

using OperationTable = std::vector<OperationSpec>;

// A service's part of the saved state (core/model/state.h), under its own
// member of the document.
struct StateSection {
  std::string_view member;  // "ApiGateway"
  // The section as saved; null when there is nothing to save (the member is
  // then left out).
  std::function<Json(const Account&)> save;
  // Reads a saved section (nullptr: the document has none) and returns what
  // puts it in place. Throws (any std::exception) when the section is
  // damaged; nothing changes until every section has been read.
  std::function<std::function<void(Account&)>(const Json*)> load;
};

struct Service {
  std::string_view name;    // "Cognito", "Sandbox", "ApiGateway", "ElasticBeanstalk"
  std::string_view prefix;  // "" for Cognito, "Sandbox.", "ApiGateway.", ...
  std::string_view malformed_request_error;  // InvalidParameterException, ...
  std::vector<const OperationTable*> tables;  // from its ops files
  std::vector<StateSection> state;            // what it keeps in the saved state
};

// An operation as found: its row and its service.
struct RegisteredOperation {
  const Service* service = nullptr;
  const OperationSpec* spec = nullptr;
  std::string name;  // with the service prefix: "ApiGateway.CreateRestApi"

  std::string_view malformed_request_error() const {
    return spec->malformed_request_error.empty() ? service->malformed_request_error : spec->malformed_request_error;
  }
};

const std::vector<Service>& services();
// By name, with or without Cognito's target prefix; nullptr when unknown.
const RegisteredOperation* find_operation(std::string_view name);
// Every operation, in registration order.
const std::vector<RegisteredOperation>& all_operations();
std::vector<std::string> operation_names();

// What the name's verb says an operation does: Describe*, Get*, List*
// (also after Admin) and Export* read; anything else changes.
OperationKind kind_by_verb(std::string_view name_without_prefix);

// A known operation whose kind is kRead. The Cognito target prefix is ignored.
bool is_read_only_operation(std::string_view operation);

}  // namespace userpool
