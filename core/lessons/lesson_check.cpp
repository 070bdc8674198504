// Checks are evaluated with a polarity: `want` is false under an odd number
// of Nots. A comparison finds a fact ("X is 3") and whether it holds; the
// check is satisfied when that matches the polarity, and the reason adds
// what was expected only when it is not ("expected at least 5", or under
// Not "expected fewer than 5"). All under Not behaves as Any of the negated
// checks (and Any as All), so a reason always names the checks that decided.
#include "core/lessons/lesson_check.h"

#include <algorithm>

#include "core/tokens/jwt.h"
#include "core/lessons/lesson_pointer.h"
#include "core/lessons/lesson_template.h"

namespace userpool::lessons {
namespace {

// What a comparison found.
struct Finding {
  bool holds = false;
  std::string fact;         // "UserPool.MfaConfiguration is \"ON\""
  std::string expectation;  // "expected \"OFF\"", worded for the polarity asked for
};

CheckResult outcome(const Finding& f, bool want) {
  const bool satisfied = f.holds == want;
  return {satisfied, satisfied ? f.fact : f.fact + ", " + f.expectation};
}

// A source that could not be read, or a template not resolvable yet: the
// comparison does not hold, whatever it was.
CheckResult unreadable(std::string reason, bool want) { return {!want, std::move(reason)}; }

std::string subject_name(const Check& check) {
  const std::string path = path_name(check.pointer_tokens);
  switch (check.source.kind) {
    case Source::Kind::kCall: return path.empty() ? "the " + check.source.operation + " response" : path;
    case Source::Kind::kToken: {
      const std::string token = check.source.token == "IdToken" ? "the ID token" : "the access token";
      return path.empty() ? token : token + "'s " + path;
    }
    case Source::Kind::kSession: return path.empty() ? "the session" : "the session's " + path;
  }
  return path;
}

std::string where_words(const Json& where) {
  std::string out;
  for (const auto& [member, value] : where.items()) {
    out += out.empty() ? " where " : " and ";
    out += member + " is " + quote_value(value);
  }
  return out;
}

// Equality as a lesson means it: objects with the same members and equal
// values are equal in whatever order their members come. (Json keeps
// members in insertion order and its == compares them in that order, so
// {"a":1,"b":2} would differ from {"b":2,"a":1}: a lesson listing an
// expected object's members in another order than the API sends them
// would never see its check come true.) Arrays stay ordered.
bool same_value(const Json& a, const Json& b) {
  if (a.is_object() && b.is_object()) {
    if (a.size() != b.size()) return false;
    for (const auto& [member, value] : a.items()) {
      const auto it = b.find(member);
      if (it == b.end() || !same_value(value, *it)) return false;
    }
    return true;
  }
  if (a.is_array() && b.is_array()) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
      if (!same_value(a[i], b[i])) return false;
    return true;
  }
  return a == b;
}

// Whether a member's value is what a Where asks for: the same value, or
// for a list, a list holding each element asked for (an event's Rules hold
// every rule it applied; a step names the one that matters).
bool where_matches(const Json& value, const Json& wanted) {
  if (!value.is_array() || !wanted.is_array()) return same_value(value, wanted);
  return std::all_of(wanted.begin(), wanted.end(), [&](const Json& w) {
    return std::any_of(value.begin(), value.end(), [&](const Json& v) { return same_value(v, w); });
  });
}

// The elements of a list that are objects with all of `where`'s members.
Json narrow(const Json& list, const Json& where) {
  Json out = Json::array();
  for (const Json& element : list) {
    if (!element.is_object()) continue;
    bool matches = true;
    for (const auto& [member, value] : where.items()) {
      const auto it = element.find(member);
      if (it == element.end() || !where_matches(*it, value)) matches = false;
    }
    if (matches) out.push_back(element);
  }
  return out;
}

std::string is_fact(const std::string& subject, const Json* value) {
  return subject + (value ? " is " + quote_value(*value) : " is missing");
}

Finding compare_equals(const std::string& subject, const Json* value, const Json& expected, bool want) {
  return {value && same_value(*value, expected), is_fact(subject, value),
          (want ? "expected " : "expected anything but ") + quote_value(expected)};
}

Finding compare_contains(const std::string& subject, const Json* value, const Json& expected, bool want) {
  Finding f{false, is_fact(subject, value), std::string(want ? "expected it to contain " : "expected it not to contain ") + quote_value(expected)};
  if (value && value->is_array()) {
    for (const Json& element : *value)
      if (same_value(element, expected)) f.holds = true;
  } else if (value && value->is_string() && expected.is_string()) {
    f.holds = value->get_ref<const std::string&>().find(expected.get_ref<const std::string&>()) != std::string::npos;
  } else if (value) {
    f.fact += " (" + json_kind(*value) + ")";
  }
  return f;
}

Finding compare_count(const std::string& subject, const Json* value, bool narrowed, std::int64_t at_least, bool want) {
  Finding f{false, is_fact(subject, value),
            (want ? "expected at least " : "expected fewer than ") + std::to_string(at_least)};
  if (!value) return f;
  if (!value->is_array() && !value->is_object()) {
    f.fact += ", not a list";
    return f;
  }
  const auto n = static_cast<std::int64_t>(value->size());
  f.holds = n >= at_least;
  if (narrowed) f.fact = "found " + std::to_string(n) + " " + subject;
  else f.fact = subject + " has " + std::to_string(n) + (value->is_array() ? (n == 1 ? " item" : " items") : (n == 1 ? " member" : " members"));
  return f;
}

Finding compare_exists(const std::string& subject, const Json* value, bool narrowed, bool expected, bool want) {
  const bool looking_for_it = expected == want;
  if (narrowed) {
    const std::size_t n = value ? value->size() : 0;
    return {(n > 0) == expected, "found " + std::to_string(n) + " " + subject,
            looking_for_it ? "expected at least one" : "expected none"};
  }
  return {(value != nullptr) == expected, is_fact(subject, value),
          looking_for_it ? "expected it to be there" : "expected it to be missing"};
}

Finding compare_matches(const std::string& subject, const Json* value, const Check& check, bool want) {
  const std::string pattern = check.expected.get<std::string>();
  Finding f{false, is_fact(subject, value), (want ? "expected it to match /" : "expected it not to match /") + pattern + "/"};
  if (!value || !value->is_string() || !check.pattern) return f;
  try {
    f.holds = std::regex_search(value->get_ref<const std::string&>(), *check.pattern);
  } catch (const std::regex_error& e) {
    f.fact += " (the pattern could not be applied: " + std::string(e.what()) + ")";
  }
  return f;
}

CheckResult evaluate_source_check(const Check& check, const LessonContext& ctx, bool want) {
  const auto document = read_source(check.source, ctx);
  if (!document) return unreadable(document.error(), want);
  const Json* value = find_pointer(*document, check.pointer_tokens);
  std::string subject = subject_name(check);

  // Where narrows the list to the elements that match; the comparison then
  // looks at what is left.
  Json narrowed;
  if (check.where) {
    const auto where = resolve_templates(*check.where, ctx);
    if (!where) return unreadable(where.error(), want);
    if (value && !value->is_array())
      return outcome({false, is_fact(subject, value) + ", not a list to pick from", "expected a list"}, want);
    narrowed = value ? narrow(*value, *where) : Json::array();
    subject += where_words(*where);
    value = &narrowed;
  }

  switch (check.comparison) {
    case Comparison::kEquals:
    case Comparison::kContains: {
      const auto expected = resolve_templates(check.expected, ctx);
      if (!expected) return unreadable(expected.error(), want);
      return outcome(check.comparison == Comparison::kEquals ? compare_equals(subject, value, *expected, want)
                                                             : compare_contains(subject, value, *expected, want),
                     want);
    }
    case Comparison::kExists:
      return outcome(compare_exists(subject, value, check.where.has_value(), check.expected.get<bool>(), want), want);
    case Comparison::kCountAtLeast:
      return outcome(compare_count(subject, value, check.where.has_value(), check.expected.get<std::int64_t>(), want), want);
    case Comparison::kMatches: return outcome(compare_matches(subject, value, check, want), want);
  }
  return unreadable("unknown comparison", want);
}

std::string join(const std::vector<std::string>& reasons) {
  std::string out;
  for (const std::string& r : reasons) out += (out.empty() ? "" : "; ") + r;
  return out;
}

CheckResult evaluate(const Check& check, const LessonContext& ctx, bool want) {
  switch (check.kind) {
    case Check::Kind::kNot:
      if (check.checks.empty()) return unreadable("Not without a check", want);
      return evaluate(check.checks[0], ctx, !want);
    case Check::Kind::kAll:
    case Check::Kind::kAny: {
      // Every child must be satisfied (All, or Any under Not), or one is enough.
      const bool every = (check.kind == Check::Kind::kAll) == want;
      std::vector<std::string> reasons;
      for (const Check& child : check.checks) {
        CheckResult r = evaluate(child, ctx, want);
        if (r.satisfied != every) return r;  // decided by this one
        reasons.push_back(std::move(r.reason));
      }
      return {every, join(reasons)};
    }
    case Check::Kind::kSource: return evaluate_source_check(check, ctx, want);
  }
  return unreadable("unknown check kind", want);
}

}  // namespace

tl::expected<Json, std::string> read_source(const Source& source, const LessonContext& ctx) {
  switch (source.kind) {
    case Source::Kind::kCall: {
      const auto request = resolve_templates(source.request, ctx);
      if (!request) return tl::unexpected(request.error());
      const Response r = ctx.read(source.operation, *request);
      if (r.status != 200) return tl::unexpected(describe_failure(source.operation, r));
      return r.body;
    }
    case Source::Kind::kToken: {
      const std::string& token = source.token == "IdToken" ? ctx.session.id_token : ctx.session.access_token;
      if (token.empty()) return tl::unexpected(std::string("not signed in"));
      auto decoded = decode_jwt(token);
      if (!decoded) return tl::unexpected("the session's " + source.token + " is not a token: " + decoded.error().message);
      return decoded->payload;
    }
    case Source::Kind::kSession: return ctx.session.to_json();
  }
  return tl::unexpected(std::string("unknown source"));
}

CheckResult evaluate_check(const Check& check, const LessonContext& ctx) {
  try {
    return evaluate(check, ctx, true);
  } catch (const std::exception& e) {
    // The dispatcher catches its own faults; this is one of the check's.
    return {false, std::string("the check could not be evaluated: ") + e.what()};
  }
}

}  // namespace userpool::lessons
