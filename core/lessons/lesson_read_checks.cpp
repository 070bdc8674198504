// The loader's rules for checks and actions (lesson.h has the format): each
// is an object of one kind, named by its first member, with the members of
// that kind and no others, so a typo is refused when the lesson loads
// rather than found by a learner whose step never completes.
#include <algorithm>

#include "core/lessons/lesson_context.h"
#include "core/lessons/lesson_pointer.h"
#include "core/lessons/lesson_reader.h"
#include "core/lessons/lesson_template.h"
#include "core/api/registry.h"

namespace userpool::lessons::reader {
namespace {

std::string in_quotes(std::string_view text) { return Json(std::string(text)).dump(); }

const Json& require_object(const Json& value, const std::string& where, const char* what) {
  if (!value.is_object()) fail(where, std::string("must be ") + what + ", not " + json_kind(value));
  return value;
}

// The kind of an object that must have exactly one of `kinds` as a member.
// The first member names the kind when none is known, so {"Equal": ...}
// reads "unknown check kind \"Equal\"".
std::string kind_of(const Json& object, const std::string& where, const char* what,
                    std::initializer_list<std::string_view> kinds, const char* expected) {
  for (std::string_view kind : kinds)
    if (object.contains(kind)) return std::string(kind);
  if (object.empty()) fail(where, std::string("empty ") + what + " (expected " + expected + ")");
  fail(where, std::string("unknown ") + what + " kind " + in_quotes(object.begin().key()) + " (expected " + expected + ")");
}

// A kind whose member stands alone in its object ({"Not": ...}, {"SignOut": {}}).
void alone(const Json& object, const std::string& where, const std::string& kind) {
  for (const auto& [key, value] : object.items())
    if (key != kind) fail(where, in_quotes(kind) + " stands alone in its object (found " + in_quotes(key) + " beside it)");
}

Json request_member(const Json& object, const std::string& where) {
  const auto it = object.find("Request");
  if (it == object.end()) return Json::object();
  if (!it->is_object()) fail(where, "\"Request\" must be an object, not " + json_kind(*it));
  if (std::string problem = check_templates(*it, "Request"); !problem.empty()) fail(where, problem);
  return *it;
}

// --- sources and comparisons ----------------------------------------------------

Source read_source(const Json& value, const std::string& check_where) {
  const std::string where = at(check_where, "Source");
  require_object(value, where, "an object");
  const std::string kind = kind_of(value, where, "source", {"Call", "Token", "Session"}, "Call, Token or Session");
  Source source;
  if (kind == "Call") {
    only_members(value, where, {"Call", "Request"});
    source.kind = Source::Kind::kCall;
    source.operation = known_operation(value["Call"], where);
    if (!is_read_only_operation(source.operation))
      throw LessonFormatError{check_where + " calls " + in_quotes(source.operation) +
                              ", which is not a read-only operation (a check may only read: Describe*, Get*, List*, "
                              "AdminGet*, Sandbox.Get*/List*, ApiGateway.Get*, ElasticBeanstalk.Describe*)"};
    source.request = request_member(value, where);
  } else if (kind == "Token") {
    alone(value, where, kind);
    source.kind = Source::Kind::kToken;
    const Json& token = value["Token"];
    if (token != "IdToken" && token != "AccessToken")
      fail(where, "\"Token\" must be \"IdToken\" or \"AccessToken\", not " + quote_value(token));
    source.token = token.get<std::string>();
  } else {
    alone(value, where, kind);
    source.kind = Source::Kind::kSession;
    if (!value["Session"].is_object() || !value["Session"].empty()) fail(where, "\"Session\" takes no options: write {}");
  }
  return source;
}

struct ComparisonName {
  std::string_view name;
  Comparison comparison;
};
constexpr ComparisonName kComparisons[] = {{"Equals", Comparison::kEquals},
                                          {"Contains", Comparison::kContains},
                                          {"Exists", Comparison::kExists},
                                          {"CountAtLeast", Comparison::kCountAtLeast},
                                          {"Matches", Comparison::kMatches}};

void read_comparison(const Json& value, const std::string& where, Check& check) {
  const ComparisonName* found = nullptr;
  for (const ComparisonName& c : kComparisons) {
    if (!value.contains(c.name)) continue;
    if (found)
      fail(where, "more than one comparison (" + in_quotes(found->name) + " and " + in_quotes(c.name) +
                      "); a check makes one comparison, combine checks with All");
    found = &c;
  }
  if (!found) fail(where, "no comparison (expected one of Equals, Contains, Exists, CountAtLeast or Matches)");
  check.comparison = found->comparison;
  const Json& expected = value[std::string(found->name)];
  check.expected = expected;
  switch (found->comparison) {
    case Comparison::kEquals:
    case Comparison::kContains:
      if (std::string problem = check_templates(expected, std::string(found->name)); !problem.empty()) fail(where, problem);
      break;
    case Comparison::kExists:
      if (!expected.is_boolean()) fail(where, "\"Exists\" must be true or false, not " + quote_value(expected));
      break;
    case Comparison::kCountAtLeast:
      if (!expected.is_number_integer() || expected.get<std::int64_t>() < 0)
        fail(where, "\"CountAtLeast\" must be a whole number, 0 or more, not " + quote_value(expected));
      break;
    case Comparison::kMatches:
      if (!expected.is_string()) fail(where, "\"Matches\" must be a regular expression in a string, not " + json_kind(expected));
      try {
        check.pattern = std::make_shared<const std::regex>(expected.get<std::string>(), std::regex::ECMAScript);
      } catch (const std::regex_error& e) {
        fail(where, "\"Matches\" " + quote_value(expected) + " is not a regular expression (" + e.what() + ")");
      }
      break;
  }
}

Check read_source_check(const Json& value, const std::string& where) {
  only_members(value, where, {"Source", "Pointer", "Where", "Equals", "Contains", "Exists", "CountAtLeast", "Matches"});
  Check check;
  check.kind = Check::Kind::kSource;
  check.source = read_source(value["Source"], where);
  if (const auto p = value.find("Pointer"); p != value.end()) {
    if (!p->is_string()) fail(where, "\"Pointer\" must be a string, not " + json_kind(*p));
    check.pointer = p->get<std::string>();
    auto tokens = parse_pointer(check.pointer);
    if (!tokens) fail(where, "Pointer " + in_quotes(check.pointer) + " " + tokens.error());
    check.pointer_tokens = std::move(*tokens);
  }
  if (const auto w = value.find("Where"); w != value.end()) {
    if (!w->is_object() || w->empty()) fail(where, "\"Where\" must be an object of member values to match, e.g. {\"Status\": 200}");
    if (std::string problem = check_templates(*w, "Where"); !problem.empty()) fail(where, problem);
    check.where = *w;
  }
  read_comparison(value, where, check);
  return check;
}

// --- sign-in ------------------------------------------------------------------------

SignIn read_sign_in(const Json& value, const std::string& action_where) {
  const std::string where = at(action_where, "SignIn");
  require_object(value, where, "an object");
  only_members(value, where, {"Pool", "Client", "Username", "Password", "Flow", "NewPassword", "Attributes"});
  SignIn s;
  s.pool = required_text(value, "Pool", where);
  s.client = required_text(value, "Client", where);
  s.username = required_text(value, "Username", where);
  s.password = required_text(value, "Password", where);
  if (value.contains("Flow")) {
    s.flow = optional_text(value, "Flow", where);
    if (s.flow != "USER_SRP_AUTH" && s.flow != "USER_PASSWORD_AUTH")
      fail(where, "\"Flow\" must be \"USER_SRP_AUTH\" or \"USER_PASSWORD_AUTH\", not " + in_quotes(s.flow));
  }
  if (value.contains("NewPassword")) s.new_password = required_text(value, "NewPassword", where);
  if (const auto a = value.find("Attributes"); a != value.end()) {
    if (!a->is_object()) fail(where, "\"Attributes\" must be an object of attribute names and values");
    for (const auto& [name, v] : a->items()) {
      if (!v.is_string()) fail(where, "\"Attributes\": the value of " + in_quotes(name) + " must be text");
      s.attributes[name] = v.get<std::string>();
    }
    if (s.new_password.empty()) fail(where, "\"Attributes\" go with \"NewPassword\", to answer NEW_PASSWORD_REQUIRED");
  }
  return s;
}

HostedSignIn read_hosted_sign_in(const Json& value, const std::string& action_where) {
  const std::string where = at(action_where, "HostedSignIn");
  require_object(value, where, "an object");
  only_members(value, where, {"Pool", "Client", "Username", "Password", "Provider", "Email", "Name"});
  HostedSignIn s;
  s.pool = required_text(value, "Pool", where);
  s.client = required_text(value, "Client", where);
  if (value.contains("Provider")) {
    s.provider = required_text(value, "Provider", where);
    s.email = required_text(value, "Email", where);
    if (value.contains("Name")) s.name = optional_text(value, "Name", where);
    if (value.contains("Username") || value.contains("Password"))
      fail(where, "a sign-in through \"Provider\" takes \"Email\" and \"Name\" (typed at the provider), not \"Username\" and \"Password\"");
  } else {
    s.username = required_text(value, "Username", where);
    s.password = required_text(value, "Password", where);
  }
  return s;
}

MachineToken read_machine_token(const Json& value, const std::string& action_where) {
  const std::string where = at(action_where, "MachineToken");
  require_object(value, where, "an object");
  only_members(value, where, {"Pool", "Client", "Scope"});
  MachineToken m;
  m.pool = required_text(value, "Pool", where);
  m.client = required_text(value, "Client", where);
  if (value.contains("Scope")) m.scope = required_text(value, "Scope", where);
  return m;
}

}  // namespace

Check read_check(const Json& value, const std::string& where) {
  require_object(value, where, "a check object");
  const std::string kind = kind_of(value, where, "check", {"All", "Any", "Not", "Source"}, "All, Any, Not or Source");
  if (kind == "Source") return read_source_check(value, where);

  alone(value, where, kind);
  Check check;
  const Json& inner = value[kind];
  if (kind == "Not") {
    check.kind = Check::Kind::kNot;
    check.checks.push_back(read_check(inner, at(where, "Not")));
    return check;
  }
  check.kind = kind == "All" ? Check::Kind::kAll : Check::Kind::kAny;
  if (!inner.is_array()) fail(where, in_quotes(kind) + " must be a list of checks, not " + json_kind(inner));
  if (inner.empty()) fail(where, in_quotes(kind) + " must list at least one check");
  for (std::size_t i = 0; i < inner.size(); ++i) check.checks.push_back(read_check(inner[i], at(where, item(kind, i))));
  return check;
}

Action read_action(const Json& value, const std::string& where) {
  require_object(value, where, "an action object");
  const std::string kind =
      kind_of(value, where, "action", {"Call", "SignIn", "HostedSignIn", "MachineToken", "SignOut"},
              "Call, SignIn, HostedSignIn, MachineToken or SignOut");
  Action action;
  action.written = value;
  if (kind == "Call") {
    only_members(value, where, {"Call", "Request", "Expect"});
    action.kind = Action::Kind::kCall;
    action.operation = known_operation(value["Call"], where);
    action.request = request_member(value, where);
    if (const auto it = value.find("Expect"); it != value.end()) {
      if (!it->is_string() || !it->get<std::string>().ends_with("Exception"))
        fail(where, "\"Expect\" must name the error the call answers, e.g. \"NotAuthorizedException\"");
      action.expect = it->get<std::string>();
    }
  } else if (kind == "SignIn") {
    alone(value, where, kind);
    action.kind = Action::Kind::kSignIn;
    action.sign_in = read_sign_in(value["SignIn"], where);
  } else if (kind == "HostedSignIn") {
    alone(value, where, kind);
    action.kind = Action::Kind::kHostedSignIn;
    action.hosted_sign_in = read_hosted_sign_in(value["HostedSignIn"], where);
  } else if (kind == "MachineToken") {
    alone(value, where, kind);
    action.kind = Action::Kind::kMachineToken;
    action.machine_token = read_machine_token(value["MachineToken"], where);
  } else {
    alone(value, where, kind);
    action.kind = Action::Kind::kSignOut;
    if (!value["SignOut"].is_object() || !value["SignOut"].empty()) fail(where, "\"SignOut\" takes no options: write {}");
  }
  return action;
}

}  // namespace userpool::lessons::reader
