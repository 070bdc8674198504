// Checks (core/lessons/lesson_check.h) against a real sandbox: every
// comparison, Where, All/Any/Not and each source, with the reasons the
// lesson panel shows word for word. Checks read without leaving a trace in
// the event log.
#include "core/lessons/lesson_replay.h"
#include "tests/core/lessons/lesson_sandbox.h"

using namespace userpool;
using namespace userpool::lessons;
using namespace userpool::test;

namespace {

// {"Source": source, "Pointer": pointer, comparison: value}
Json source_check(const Json& source, const std::string& pointer, const char* comparison, const Json& value) {
  return Json{{"Source", source}, {"Pointer", pointer}, {comparison, value}};
}

Json session_check(const std::string& pointer, const char* comparison, const Json& value) {
  return source_check(Json{{"Session", Json::object()}}, pointer, comparison, value);
}

Json token_check(const char* token, const std::string& pointer, const char* comparison, const Json& value) {
  return source_check(Json{{"Token", token}}, pointer, comparison, value);
}

Json call_check(const char* operation, const Json& request, const std::string& pointer, const char* comparison,
                const Json& value) {
  return source_check(Json{{"Call", operation}, {"Request", request}}, pointer, comparison, value);
}

// DescribeUserPool of the pool named "lab".
Json pool_check(const std::string& pointer, const char* comparison, const Json& value) {
  return call_check("DescribeUserPool", Json{{"UserPoolId", "{{pool:lab}}"}}, pointer, comparison, value);
}

Json events_where(const Json& where, const char* comparison, const Json& value) {
  Json c = call_check("Sandbox.ListEvents", Json::object(), "/Events", comparison, value);
  c["Where"] = where;
  return c;
}

Json negated(const Json& check) { return Json{{"Not", check}}; }

// A sandbox with pool "lab" (client "web") and the confirmed user jane.
struct Lab {
  LessonSandbox s;
  std::string pool_id;
  Lab() {
    pool_id = s.pool_with_client("lab");
    s.confirmed_user(pool_id);
  }
};

void expect(const CheckResult& r, bool satisfied, const std::string& reason) {
  INFO("reason: " << r.reason);
  CHECK(r.satisfied == satisfied);
  CHECK(r.reason == reason);
}

}  // namespace

TEST_CASE("Equals compares the value at the pointer, type and all") {
  Lab lab;
  LessonSandbox& s = lab.s;
  expect(s.check(pool_check("/UserPool/MfaConfiguration", "Equals", "OFF")), true, "UserPool.MfaConfiguration is \"OFF\"");
  expect(s.check(pool_check("/UserPool/MfaConfiguration", "Equals", "ON")), false,
         "UserPool.MfaConfiguration is \"OFF\", expected \"ON\"");
  expect(s.check(pool_check("/UserPool/EstimatedNumberOfUsers", "Equals", 1)), true, "UserPool.EstimatedNumberOfUsers is 1");
  // The string "1" is not the number 1.
  expect(s.check(pool_check("/UserPool/EstimatedNumberOfUsers", "Equals", "1")), false,
         "UserPool.EstimatedNumberOfUsers is 1, expected \"1\"");
  expect(s.check(pool_check("/UserPool/AutoVerifiedAttributes", "Equals", Json::array({"email"}))), true,
         "UserPool.AutoVerifiedAttributes is [\"email\"]");
  // Array indexes read in brackets.
  expect(s.check(call_check("ListUserPools", Json{{"MaxResults", 10}}, "/UserPools/0/Name", "Equals", "lab")), true,
         "UserPools[0].Name is \"lab\"");
  // No pointer: the whole response.
  expect(s.check(call_check("Sandbox.ListMessages", Json{{"UserPoolId", lab.pool_id}}, "", "Equals", Json{{"Messages", Json::array()}})),
         true, "the Sandbox.ListMessages response is {\"Messages\":[]}");
}

TEST_CASE("Equals on objects does not depend on the order their members are written in") {
  LessonSandbox s;
  // The session document is {"SignedIn", "Username", "PoolId", "ClientId"};
  // a lesson may list the members in any order.
  const Json in_order = {{"SignedIn", false}, {"Username", nullptr}, {"PoolId", nullptr}, {"ClientId", nullptr}};
  const Json reordered = {{"ClientId", nullptr}, {"PoolId", nullptr}, {"Username", nullptr}, {"SignedIn", false}};
  CHECK(s.check(session_check("", "Equals", in_order)).satisfied);
  CHECK(s.check(session_check("", "Equals", reordered)).satisfied);
  CHECK_FALSE(s.check(negated(session_check("", "Equals", reordered))).satisfied);
  CHECK_FALSE(s.check(session_check("", "Equals", Json{{"ClientId", nullptr}, {"SignedIn", false}})).satisfied);
  // Nested objects too; in arrays, order does matter.
  const std::string pool = s.pool_with_client("lab");
  const Json config = s.ok("DescribeUserPool", {{"UserPoolId", pool}})["UserPool"]["AdminCreateUserConfig"];
  REQUIRE(config.size() >= 2);
  Json reversed = Json::object();
  for (auto it = config.rbegin(); it != config.rend(); ++it) {
    Json member = *it;
    if (member.is_object()) {
      Json inner = Json::object();
      for (auto m = member.rbegin(); m != member.rend(); ++m) inner[m.key()] = *m;
      member = inner;
    }
    reversed[it.key()] = member;
  }
  REQUIRE(reversed.dump() != config.dump());
  CHECK(s.check(pool_check("/UserPool/AdminCreateUserConfig", "Equals", reversed)).satisfied);
  CHECK(s.check(pool_check("/UserPool/AdminCreateUserConfig", "Equals", config)).satisfied);
  reversed["UnusedAccountValidityDays"] = 999;
  CHECK_FALSE(s.check(pool_check("/UserPool/AdminCreateUserConfig", "Equals", reversed)).satisfied);
  CHECK_FALSE(s.check(session_check("", "Equals", Json::array({false, nullptr, nullptr, nullptr}))).satisfied);
  CHECK_FALSE(s.check(pool_check("/UserPool/AutoVerifiedAttributes", "Equals", Json::array({"email", "email"}))).satisfied);
}

TEST_CASE("Equals under Not expects anything but the value") {
  Lab lab;
  expect(lab.s.check(negated(pool_check("/UserPool/MfaConfiguration", "Equals", "ON"))), true, "UserPool.MfaConfiguration is \"OFF\"");
  expect(lab.s.check(negated(pool_check("/UserPool/MfaConfiguration", "Equals", "OFF"))), false,
         "UserPool.MfaConfiguration is \"OFF\", expected anything but \"OFF\"");
}

TEST_CASE("A pointer that finds nothing reads \"is missing\"") {
  Lab lab;
  expect(lab.s.check(pool_check("/UserPool/Nope", "Equals", 1)), false, "UserPool.Nope is missing, expected 1");
  expect(lab.s.check(pool_check("/UserPool/AutoVerifiedAttributes/3", "Equals", "email")), false,
         "UserPool.AutoVerifiedAttributes[3] is missing, expected \"email\"");
  // Not of a missing value's Equals holds: it is not that value.
  expect(lab.s.check(negated(pool_check("/UserPool/Nope", "Equals", 1))), true, "UserPool.Nope is missing");
  expect(lab.s.check(pool_check("/UserPool/Nope", "CountAtLeast", 0)), false, "UserPool.Nope is missing, expected at least 0");
}

TEST_CASE("Contains finds an element of an array") {
  Lab lab;
  LessonSandbox& s = lab.s;
  expect(s.check(pool_check("/UserPool/AutoVerifiedAttributes", "Contains", "email")), true,
         "UserPool.AutoVerifiedAttributes is [\"email\"]");
  expect(s.check(pool_check("/UserPool/AutoVerifiedAttributes", "Contains", "phone_number")), false,
         "UserPool.AutoVerifiedAttributes is [\"email\"], expected it to contain \"phone_number\"");
  expect(s.check(negated(pool_check("/UserPool/AutoVerifiedAttributes", "Contains", "email"))), false,
         "UserPool.AutoVerifiedAttributes is [\"email\"], expected it not to contain \"email\"");
  expect(s.check(negated(pool_check("/UserPool/AutoVerifiedAttributes", "Contains", "phone_number"))), true,
         "UserPool.AutoVerifiedAttributes is [\"email\"]");
  // An element is a whole value: a part of a string element is not enough.
  CHECK_FALSE(s.check(pool_check("/UserPool/AutoVerifiedAttributes", "Contains", "mail")).satisfied);
  // Elements that are objects compare as values.
  const Json client = {{"ClientName", "web"}, {"ClientId", "{{client:lab/web}}"}, {"UserPoolId", "{{pool:lab}}"}};
  CHECK(s.check(call_check("ListUserPoolClients", Json{{"UserPoolId", "{{pool:lab}}"}}, "/UserPoolClients", "Contains", client)).satisfied);
}

TEST_CASE("Contains finds text inside a string") {
  Lab lab;
  LessonSandbox& s = lab.s;
  CHECK(s.check(pool_check("/UserPool/Arn", "Contains", ":userpool/")).satisfied);
  // A template inside: the pool's ID is in its ARN.
  CHECK(s.check(pool_check("/UserPool/Arn", "Contains", "userpool/{{pool:lab}}")).satisfied);
  expect(s.check(pool_check("/UserPool/Name", "Contains", "ab")), true, "UserPool.Name is \"lab\"");
  expect(s.check(pool_check("/UserPool/Name", "Contains", "LAB")), false, "UserPool.Name is \"lab\", expected it to contain \"LAB\"");
  // Neither an array nor a string: never contains, and the reason says what it is.
  expect(s.check(pool_check("/UserPool/EstimatedNumberOfUsers", "Contains", 1)), false,
         "UserPool.EstimatedNumberOfUsers is 1 (a number), expected it to contain 1");
  expect(s.check(pool_check("/UserPool/Nope", "Contains", "x")), false, "UserPool.Nope is missing, expected it to contain \"x\"");
}

TEST_CASE("Exists true and false, plain") {
  Lab lab;
  LessonSandbox& s = lab.s;
  expect(s.check(pool_check("/UserPool/Domain", "Exists", false)), true, "UserPool.Domain is missing");
  expect(s.check(pool_check("/UserPool/Domain", "Exists", true)), false, "UserPool.Domain is missing, expected it to be there");
  expect(s.check(pool_check("/UserPool/Name", "Exists", true)), true, "UserPool.Name is \"lab\"");
  expect(s.check(pool_check("/UserPool/Name", "Exists", false)), false, "UserPool.Name is \"lab\", expected it to be missing");
  expect(s.check(negated(pool_check("/UserPool/Name", "Exists", true))), false, "UserPool.Name is \"lab\", expected it to be missing");
  expect(s.check(negated(pool_check("/UserPool/Domain", "Exists", false))), false,
         "UserPool.Domain is missing, expected it to be there");
  // null is a value that is there.
  expect(s.check(session_check("/PoolId", "Exists", true)), true, "the session's PoolId is null");
  s.ok("CreateUserPoolDomain", Json{{"UserPoolId", lab.pool_id}, {"Domain", "lab-example"}});
  expect(s.check(pool_check("/UserPool/Domain", "Exists", true)), true, "UserPool.Domain is \"lab-example\"");
}

TEST_CASE("Exists with Where: whether any element is left") {
  Lab lab;
  LessonSandbox& s = lab.s;
  const Json created = {{"Operation", "CreateUserPool"}, {"Status", 200}};
  expect(s.check(events_where(created, "Exists", true)), true,
         "found 1 Events where Operation is \"CreateUserPool\" and Status is 200");
  expect(s.check(events_where(created, "Exists", false)), false,
         "found 1 Events where Operation is \"CreateUserPool\" and Status is 200, expected none");
  const Json deleted = {{"Operation", "DeleteUserPool"}};
  expect(s.check(events_where(deleted, "Exists", false)), true, "found 0 Events where Operation is \"DeleteUserPool\"");
  expect(s.check(events_where(deleted, "Exists", true)), false,
         "found 0 Events where Operation is \"DeleteUserPool\", expected at least one");
  expect(s.check(negated(events_where(deleted, "Exists", true))), true, "found 0 Events where Operation is \"DeleteUserPool\"");
  expect(s.check(negated(events_where(created, "Exists", true))), false,
         "found 1 Events where Operation is \"CreateUserPool\" and Status is 200, expected none");
  // Every Where member must match: a failed call is not a success.
  CHECK(call(s.account, "CreateUserPool", Json::object()).status == 400);
  expect(s.check(events_where(Json{{"Operation", "CreateUserPool"}, {"Status", 400}}, "CountAtLeast", 1)), true,
         "found 1 Events where Operation is \"CreateUserPool\" and Status is 400");
  // Nothing at the pointer: nothing to pick, so nothing is left.
  Json missing = pool_check("/UserPool/Nope", "Exists", true);
  missing["Where"] = {{"Name", "x"}};
  expect(s.check(missing), false, "found 0 UserPool.Nope where Name is \"x\", expected at least one");
}

TEST_CASE("A list in Where matches a list that holds each of its elements, in any order, among others") {
  Lab lab;
  LessonSandbox& s = lab.s;
  const Json events = s.context().read("Sandbox.ListEvents", Json::object()).body["Events"];
  // An event that applied several rules: one of them is enough to find it.
  const auto busy = std::find_if(events.begin(), events.end(), [](const Json& e) { return e["Rules"].size() >= 2; });
  REQUIRE(busy != events.end());
  const Json rules = (*busy)["Rules"];
  const std::string operation = (*busy)["Operation"];
  CHECK(s.check(events_where(Json{{"Operation", operation}, {"Rules", {rules.back()}}}, "Exists", true)).satisfied);
  CHECK(s.check(events_where(Json{{"Rules", {rules.back(), rules.front()}}}, "CountAtLeast", 1)).satisfied);  // any order
  CHECK_FALSE(s.check(events_where(Json{{"Rules", {rules.front(), "A rule no operation applied"}}}, "Exists", true)).satisfied);
  CHECK_FALSE(s.check(events_where(Json{{"Rules", "not a list"}}, "Exists", true)).satisfied);
}

TEST_CASE("CountAtLeast counts an array's items or an object's members") {
  Lab lab;
  LessonSandbox& s = lab.s;
  const Json pools = call_check("ListUserPools", Json{{"MaxResults", 60}}, "/UserPools", "CountAtLeast", 1);
  expect(s.check(pools), true, "UserPools has 1 item");
  s.pool_with_client("other");
  Json two = pools, three = pools;
  two["CountAtLeast"] = 2;
  three["CountAtLeast"] = 3;
  expect(s.check(two), true, "UserPools has 2 items");
  expect(s.check(three), false, "UserPools has 2 items, expected at least 3");
  expect(s.check(negated(three)), true, "UserPools has 2 items");
  expect(s.check(negated(two)), false, "UserPools has 2 items, expected fewer than 2");
  // Objects count their members.
  expect(s.check(session_check("", "CountAtLeast", 4)), true, "the session has 4 members");
  expect(s.check(session_check("", "CountAtLeast", 5)), false, "the session has 4 members, expected at least 5");
  expect(s.check(pool_check("/UserPool/UsernameConfiguration", "CountAtLeast", 1)), true,
         "UserPool.UsernameConfiguration has 1 member");
  // Neither: not a list.
  expect(s.check(session_check("/SignedIn", "CountAtLeast", 1)), false,
         "the session's SignedIn is false, not a list, expected at least 1");
  // With Where, what is left is counted.
  expect(s.check(events_where(Json{{"Operation", "CreateUserPool"}}, "CountAtLeast", 2)), true,
         "found 2 Events where Operation is \"CreateUserPool\"");
  expect(s.check(events_where(Json{{"Operation", "CreateUserPool"}}, "CountAtLeast", 3)), false,
         "found 2 Events where Operation is \"CreateUserPool\", expected at least 3");
}

TEST_CASE("Matches searches a string with an ECMAScript regular expression, not anchored") {
  Lab lab;
  LessonSandbox& s = lab.s;
  s.sign_in();
  const std::string scope = "the access token's scope is \"aws.cognito.signin.user.admin\"";
  expect(s.check(token_check("AccessToken", "/scope", "Matches", "signin")), true, scope);
  expect(s.check(token_check("AccessToken", "/scope", "Matches", "^aws\\.cognito\\.")), true, scope);
  expect(s.check(token_check("AccessToken", "/scope", "Matches", "^signin")), false, scope + ", expected it to match /^signin/");
  expect(s.check(token_check("AccessToken", "/scope", "Matches", "admin$")), true, scope);
  expect(s.check(token_check("AccessToken", "/scope", "Matches", "[0-9]")), false, scope + ", expected it to match /[0-9]/");
  expect(s.check(negated(token_check("AccessToken", "/scope", "Matches", "^signin"))), true, scope);
  expect(s.check(negated(token_check("AccessToken", "/scope", "Matches", "signin"))), false,
         scope + ", expected it not to match /signin/");
  // Only strings match.
  expect(s.check(session_check("/SignedIn", "Matches", "true")), false, "the session's SignedIn is true, expected it to match /true/");
  expect(s.check(session_check("/Nope", "Matches", ".*")), false, "the session's Nope is missing, expected it to match /.*/");
}

TEST_CASE("Where narrows a list to the objects whose members equal its values") {
  Lab lab;
  LessonSandbox& s = lab.s;
  s.pool_with_client("other");
  s.ok("CreateUserPool", Json{{"PoolName", "lab"}});  // a second "lab"
  Json by_name = call_check("ListUserPools", Json{{"MaxResults", 60}}, "/UserPools", "CountAtLeast", 2);
  by_name["Where"] = {{"Name", "lab"}};
  expect(s.check(by_name), true, "found 2 UserPools where Name is \"lab\"");
  by_name["Where"] = {{"Name", "other"}};
  expect(s.check(by_name), false, "found 1 UserPools where Name is \"other\", expected at least 2");

  // Where values hold templates: {{pool:lab}} is the newest "lab".
  Json by_id = call_check("ListUserPools", Json{{"MaxResults", 60}}, "/UserPools", "CountAtLeast", 1);
  by_id["Where"] = {{"Id", "{{pool:lab}}"}, {"Name", "lab"}};
  const CheckResult r = s.check(by_id);
  CHECK(r.satisfied);
  CHECK(r.reason.starts_with("found 1 UserPools where Id is \"us-east-1_"));
  CHECK(r.reason.find(lab.pool_id) == std::string::npos);  // the older "lab" is not the one named
  CHECK(r.reason.ends_with("\" and Name is \"lab\""));
  by_id["Where"] = {{"Id", lab.pool_id}, {"Name", "other"}};
  CHECK_FALSE(s.check(by_id).satisfied);

  // Elements that are not objects are never picked.
  Json strings = pool_check("/UserPool/AutoVerifiedAttributes", "CountAtLeast", 1);
  strings["Where"] = {{"Name", "email"}};
  expect(s.check(strings), false, "found 0 UserPool.AutoVerifiedAttributes where Name is \"email\", expected at least 1");

  // A value that is not a list cannot be narrowed.
  Json object = pool_check("/UserPool/UsernameConfiguration", "Exists", true);
  object["Where"] = {{"CaseSensitive", true}};
  expect(s.check(object), false,
         "UserPool.UsernameConfiguration is {\"CaseSensitive\":true}, not a list to pick from, expected a list");
}

TEST_CASE("All, Any and Not combine checks, with the deciding reasons joined by \"; \"") {
  Lab lab;
  LessonSandbox& s = lab.s;
  const Json a = session_check("/SignedIn", "Equals", false);                  // holds
  const Json b = pool_check("/UserPool/MfaConfiguration", "Equals", "OFF");    // holds
  const Json c = pool_check("/UserPool/MfaConfiguration", "Equals", "ON");     // does not
  const Json d = pool_check("/UserPool/Domain", "Exists", true);               // does not
  const std::string a_fact = "the session's SignedIn is false";
  const std::string b_fact = "UserPool.MfaConfiguration is \"OFF\"";
  const std::string c_reason = "UserPool.MfaConfiguration is \"OFF\", expected \"ON\"";
  const std::string d_reason = "UserPool.Domain is missing, expected it to be there";

  SECTION("All") {
    expect(s.check(Json{{"All", {a, b}}}), true, a_fact + "; " + b_fact);
    // Decided by the first that fails; the ones after it are not looked at.
    expect(s.check(Json{{"All", {a, c, d}}}), false, c_reason);
    expect(s.check(Json{{"All", {a, d, c}}}), false, d_reason);
    expect(s.check(Json{{"All", Json::array({a})}}), true, a_fact);
  }
  SECTION("Any") {
    expect(s.check(Json{{"Any", {c, d}}}), false, c_reason + "; " + d_reason);
    expect(s.check(Json{{"Any", {c, a, b}}}), true, a_fact);
    expect(s.check(Json{{"Any", Json::array({d})}}), false, d_reason);
  }
  SECTION("Not") {
    expect(s.check(negated(a)), false, a_fact + ", expected anything but false");
    expect(s.check(negated(c)), true, b_fact);
    expect(s.check(negated(negated(a))), true, a_fact);
    expect(s.check(negated(negated(c))), false, c_reason);
    // Not All: one failing is enough, and it is the reason.
    expect(s.check(negated(Json{{"All", {a, c}}})), true, b_fact);
    expect(s.check(negated(Json{{"All", {a, b}}})), false,
           a_fact + ", expected anything but false; " + b_fact + ", expected anything but \"OFF\"");
    // Not Any: every one must fail.
    expect(s.check(negated(Json{{"Any", {c, d}}})), true, b_fact + "; UserPool.Domain is missing");
    expect(s.check(negated(Json{{"Any", {c, a}}})), false, a_fact + ", expected anything but false");
  }
  SECTION("nested") {
    expect(s.check(Json{{"All", {a, Json{{"Any", {c, b}}}}}}), true, a_fact + "; " + b_fact);
    expect(s.check(Json{{"Any", {Json{{"All", {a, c}}}, d}}}), false, c_reason + "; " + d_reason);
  }
}

TEST_CASE("A Call source answering an error is false with the error as the reason, and Not of it holds") {
  Lab lab;
  LessonSandbox& s = lab.s;
  const Json gone = call_check("DescribeUserPool", Json{{"UserPoolId", "us-east-1_nopenope"}}, "/UserPool", "Exists", true);
  const std::string why = "DescribeUserPool answered ResourceNotFoundException: User pool us-east-1_nopenope does not exist.";
  expect(s.check(gone), false, why);
  expect(s.check(negated(gone)), true, why);
  // Even an Exists false on it is false: the source could not be read.
  Json absent = gone;
  absent["Exists"] = false;
  expect(s.check(absent), false, why);

  // How a step checks that a user is gone.
  const Json jane = negated(call_check("AdminGetUser", Json{{"UserPoolId", "{{pool:lab}}"}, {"Username", "jane"}}, "", "Exists", true));
  const CheckResult before = s.check(jane);
  CHECK_FALSE(before.satisfied);
  CHECK(before.reason.starts_with("the AdminGetUser response is {"));
  CHECK(before.reason.ends_with(", expected it to be missing"));
  s.ok("AdminDeleteUser", Json{{"UserPoolId", lab.pool_id}, {"Username", "jane"}});
  expect(s.check(jane), true, "AdminGetUser answered UserNotFoundException: User does not exist.");
}

TEST_CASE("A Token source is the token's claims; signed out it is false, \"not signed in\"") {
  Lab lab;
  LessonSandbox& s = lab.s;
  const Json email = token_check("IdToken", "/email", "Equals", "jane@example.com");
  expect(s.check(email), false, "not signed in");
  expect(s.check(negated(email)), true, "not signed in");
  expect(s.check(token_check("AccessToken", "", "Exists", false)), false, "not signed in");

  s.sign_in();
  expect(s.check(email), true, "the ID token's email is \"jane@example.com\"");
  expect(s.check(token_check("IdToken", "/email_verified", "Equals", true)), true, "the ID token's email_verified is true");
  expect(s.check(token_check("IdToken", "/token_use", "Equals", "id")), true, "the ID token's token_use is \"id\"");
  expect(s.check(token_check("AccessToken", "/token_use", "Equals", "access")), true, "the access token's token_use is \"access\"");
  expect(s.check(token_check("AccessToken", "/username", "Equals", "jane")), true, "the access token's username is \"jane\"");
  expect(s.check(token_check("IdToken", "/cognito:groups", "Exists", false)), true, "the ID token's cognito:groups is missing");
  const CheckResult whole = s.check(token_check("IdToken", "", "Exists", true));
  CHECK(whole.satisfied);
  CHECK(whole.reason.starts_with("the ID token is {\"sub\":"));

  REQUIRE(s.run(Json::array({{{"SignOut", Json::object()}}})));
  expect(s.check(email), false, "not signed in");

  // Something that is not a token says so.
  s.session.access_token = "not-a-token";
  const CheckResult bad = s.check(token_check("AccessToken", "/username", "Exists", true));
  CHECK_FALSE(bad.satisfied);
  CHECK(bad.reason.starts_with("the session's AccessToken is not a token: "));
}

TEST_CASE("The Session source is who is signed in, with null for what is not known") {
  Lab lab;
  LessonSandbox& s = lab.s;
  expect(s.check(session_check("", "Equals", Json{{"SignedIn", false}, {"Username", nullptr}, {"PoolId", nullptr}, {"ClientId", nullptr}})),
         true, "the session is {\"SignedIn\":false,\"Username\":null,\"PoolId\":null,\"ClientId\":null}");
  s.sign_in();
  // Templates in Equals, inside an object.
  const Json signed_in = {{"SignedIn", true}, {"Username", "jane"}, {"PoolId", "{{pool:lab}}"}, {"ClientId", "{{client:lab/web}}"}};
  CHECK(s.check(session_check("", "Equals", signed_in)).satisfied);
  expect(s.check(session_check("/PoolId", "Equals", "{{pool:lab}}")), true, "the session's PoolId is \"" + lab.pool_id + "\"");
  expect(s.check(session_check("/Username", "Equals", "{{session:Username}}")), true, "the session's Username is \"jane\"");
  REQUIRE(s.run(Json::array({{{"SignOut", Json::object()}}})));
  // Signed out, who it was stays known.
  expect(s.check(session_check("/SignedIn", "Equals", false)), true, "the session's SignedIn is false");
  expect(s.check(session_check("/Username", "Equals", "jane")), true, "the session's Username is \"jane\"");
  CHECK_FALSE(s.check(session_check("", "Equals", signed_in)).satisfied);
}

TEST_CASE("Templates in Equals, Contains and Where are resolved when the check runs") {
  LessonSandbox s;
  const Json id = pool_check("/UserPool/Id", "Equals", "{{pool:lab}}");
  // Not resolvable yet: false, with the template's reason; Not of it holds.
  expect(s.check(id), false, "no user pool named lab yet");
  expect(s.check(negated(id)), true, "no user pool named lab yet");
  const Json expected_unknown = session_check("/PoolId", "Equals", "{{pool:kekepool}}");
  expect(s.check(expected_unknown), false, "no user pool named kekepool yet");
  expect(s.check(negated(expected_unknown)), true, "no user pool named kekepool yet");
  Json where_unknown = call_check("ListUserPools", Json{{"MaxResults", 60}}, "/UserPools", "Exists", false);
  where_unknown["Where"] = {{"Id", "{{pool:kekepool}}"}};
  expect(s.check(where_unknown), false, "no user pool named kekepool yet");
  expect(s.check(negated(where_unknown)), true, "no user pool named kekepool yet");
  expect(s.check(session_check("/Username", "Contains", "{{session:Username}}")), false, "nobody has signed in yet");

  // Once the pool is there they resolve, to the newest pool of the name.
  const std::string pool_id = s.pool_with_client("lab");
  expect(s.check(id), true, "UserPool.Id is \"" + pool_id + "\"");
  // Embedded in text, a template becomes text.
  const std::string arn = s.ok("DescribeUserPool", {{"UserPoolId", pool_id}})["UserPool"]["Arn"].get<std::string>();
  expect(s.check(pool_check("/UserPool/Arn", "Matches", "userpool/")), true, "UserPool.Arn is \"" + arn + "\"");
  CHECK(s.check(pool_check("/UserPool/Arn", "Equals", "{{pool_arn:lab}}")).satisfied);
  CHECK(s.check(pool_check("/UserPool/Arn", "Contains", "/{{pool:lab}}")).satisfied);
}

TEST_CASE("Checks never appear in the event log") {
  Lab lab;
  LessonSandbox& s = lab.s;
  s.sign_in();
  const std::size_t events = s.event_count();
  const Json checks = Json::array(
      {pool_check("/UserPool/Name", "Equals", "lab"),
       call_check("DescribeUserPool", Json{{"UserPoolId", "us-east-1_nopenope"}}, "", "Exists", true),  // an error answer
       call_check("AdminGetUser", Json{{"UserPoolId", "{{pool:lab}}"}, {"Username", "nobody"}}, "", "Exists", true),
       call_check("ListUserPoolClients", Json{{"UserPoolId", "{{client:lab/web}}"}}, "", "Exists", true),
       call_check("GetUser", Json{{"AccessToken", "{{session:AccessToken}}"}}, "/Username", "Equals", "jane"),
       events_where(Json{{"Operation", "InitiateAuth"}}, "CountAtLeast", 1),
       token_check("IdToken", "/email", "Exists", true),
       negated(Json{{"All", {session_check("", "Exists", true), pool_check("/UserPool/Domain", "Exists", true)}}})});
  for (const Json& c : checks) {
    INFO(c.dump());
    (void)s.check(c);
    CHECK(s.event_count() == events);
  }
  // And reading the log does not add to it either.
  expect(s.check(events_where(Json{{"Operation", "DescribeUserPool"}}, "Exists", false)), true,
         "found 0 Events where Operation is \"DescribeUserPool\"");
  CHECK(s.check(call_check("GetUser", Json{{"AccessToken", "{{session:AccessToken}}"}}, "/Username", "Equals", "jane")).satisfied);
}

TEST_CASE("read_source gives the documents checks look at") {
  Lab lab;
  LessonSandbox& s = lab.s;
  Source session;
  session.kind = Source::Kind::kSession;
  CHECK(read_source(session, s.context()).value() == s.session.to_json());

  Source token;
  token.kind = Source::Kind::kToken;
  token.token = "IdToken";
  const auto signed_out = read_source(token, s.context());
  REQUIRE_FALSE(signed_out);
  CHECK(signed_out.error() == "not signed in");
  s.sign_in();
  const auto claims = read_source(token, s.context());
  REQUIRE(claims);
  CHECK((*claims)["cognito:username"] == "jane");

  Source describe;
  describe.kind = Source::Kind::kCall;
  describe.operation = "DescribeUserPool";
  describe.request = {{"UserPoolId", "{{pool:lab}}"}};
  CHECK(read_source(describe, s.context()).value()["UserPool"]["Id"] == lab.pool_id);
  describe.request = {{"UserPoolId", "{{pool:none}}"}};
  CHECK(read_source(describe, s.context()).error() == "no user pool named none yet");
}
