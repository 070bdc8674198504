// The operation registry: every operation registered once, each kind written
// down where it is decided, and the dispatcher, the lessons and the app
// reading the same facts from it.
#include <catch2/catch.hpp>

#include <set>

#include "core/api/dispatcher.h"
#include "core/api/registry.h"
#include "tests/core/harness/harness.h"

using namespace userpool;

namespace {

// What is wrong with a row's kind: a kind other than its verb's must say
// why, and a kind that is its verb's must not claim to differ.
std::string kind_problem(const OperationSpec& spec) {
  const bool differs = spec.kind != kind_by_verb(spec.name);
  if (differs && spec.unlike_its_verb.empty())
    return std::string(spec.name) + ": its kind is not what its verb says, and the row does not say why";
  if (!differs && !spec.unlike_its_verb.empty())
    return std::string(spec.name) + ": says it is unlike its verb, but its kind is the verb's";
  return "";
}

Json no_op(OpContext&, const Request&) { return Json::object(); }

}  // namespace

TEST_CASE("The kind check fails a row whose kind differs from its verb without a reason") {
  CHECK_FALSE(kind_problem({"GetThing", no_op, OperationKind::kChange}).empty());
  CHECK_FALSE(kind_problem({"CreateThing", no_op, OperationKind::kRead}).empty());
  CHECK_FALSE(kind_problem({"ListThings", no_op, OperationKind::kRead, "a reason it does not need"}).empty());
  CHECK(kind_problem({"GetThing", no_op, OperationKind::kChange, "it sends something"}).empty());
  CHECK(kind_problem({"AdminGetThing", no_op, OperationKind::kRead}).empty());
  CHECK(kind_problem({"ExportThing", no_op, OperationKind::kRead}).empty());
}

TEST_CASE("Every registered operation's kind agrees with its verb, or its row says why") {
  for (const RegisteredOperation& op : all_operations()) {
    INFO(op.name);
    CHECK(kind_problem(*op.spec) == "");
    CHECK(op.spec->handler != nullptr);
  }
  // The exceptions, as decided in their rows.
  CHECK(find_operation("GetUserAttributeVerificationCode")->spec->kind == OperationKind::kChange);
  CHECK(find_operation("Sandbox.PutWizardDraft")->spec->kind == OperationKind::kBookkeeping);
}

TEST_CASE("Each operation is registered once, under its service's prefix") {
  std::set<std::string> seen;
  for (const RegisteredOperation& op : all_operations()) {
    INFO(op.name);
    CHECK(seen.insert(op.name).second);
    CHECK(op.name.starts_with(op.service->prefix));
    CHECK(find_operation(op.name) == &op);
  }
  // Cognito's operations answer to their wire name too.
  CHECK(find_operation("AWSCognitoIdentityProviderService.SignUp") == find_operation("SignUp"));
  CHECK(find_operation("NoSuchOperation") == nullptr);
  CHECK(operation_names().size() == all_operations().size());
}

TEST_CASE("What counts as a read comes from the registry, for the app and for lessons alike") {
  CHECK(is_read_only_operation("DescribeUserPool"));
  CHECK(is_read_only_operation("AWSCognitoIdentityProviderService.ListUsers"));
  CHECK(is_read_only_operation("Sandbox.ExportState"));
  CHECK(is_read_only_operation("ApiGateway.GetRestApis"));
  CHECK(is_read_only_operation("ElasticBeanstalk.DescribeEnvironments"));
  CHECK_FALSE(is_read_only_operation("GetUserAttributeVerificationCode"));
  CHECK_FALSE(is_read_only_operation("Sandbox.PutWizardDraft"));
  CHECK_FALSE(is_read_only_operation("ApiGateway.Invoke"));
  CHECK_FALSE(is_read_only_operation("NoSuchOperation"));
}

TEST_CASE("A malformed request gets its service's error, or its operation's own") {
  test::Sandbox s;
  // A required member missing.
  CHECK(s.call("CreateUserPool", Json::object()).body["__type"] == "InvalidParameterException");
  CHECK(s.call("ApiGateway.CreateRestApi", Json::object()).body["__type"] == "BadRequestException");
  CHECK(s.call("ElasticBeanstalk.CreateApplication", Json::object()).body["__type"] == "InvalidParameterValue");
  CHECK(s.call("Sandbox.StartBeanstalkApp", Json::object()).body["__type"] == "InvalidParameterValue");
}
