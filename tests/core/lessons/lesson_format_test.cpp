// The lesson format (core/lessons/lesson.h): a well-formed lesson becomes
// typed steps, checks and actions; a malformed one is refused with an error
// naming the file, the step and what is wrong, and nothing throws.
#include <functional>

#include "tests/core/lessons/lesson_sandbox.h"

using namespace userpool;
using namespace userpool::lessons;
using namespace userpool::test;

namespace {

Json step(const std::string& id, const Json& check) {
  return Json{{"Id", id},
              {"Title", "A step"},
              {"Text", "Do it."},
              {"Check", check},
              {"Hints", {"A hint."}},
              {"Solution", {{{"SignOut", Json::object()}}}}};
}

const Json kSignedIn = {{"Source", {{"Session", Json::object()}}}, {"Pointer", "/SignedIn"}, {"Equals", true}};

// The minimal lesson with one change made to it.
Json changed(const std::function<void(Json&)>& change) {
  Json doc = minimal_lesson();
  change(doc);
  return doc;
}

Json with_check(const Json& check) {
  return changed([&](Json& d) { d["Steps"][0]["Check"] = check; });
}

Json with_solution(const Json& actions) {
  return changed([&](Json& d) { d["Steps"][0]["Solution"] = actions; });
}

Json describe_pool_check(const Json& request) {
  return Json{{"Source", {{"Call", "DescribeUserPool"}, {"Request", request}}}, {"Pointer", "/UserPool/Name"}, {"Exists", true}};
}

struct Malformed {
  const char* what;
  Json document;
  std::string error;
};

}  // namespace

TEST_CASE("A well-formed lesson loads into typed steps, checks and actions") {
  Json doc = minimal_lesson();
  doc["Source"] = "create-user-pool-lab.md";
  doc["Prerequisites"] = {"create-user-pool"};
  doc["Setup"] = {{{"Call", "AWSCognitoIdentityProviderService.CreateUserPool"}, {"Request", {{"PoolName", "lab"}}}}};
  doc["Steps"][0]["Highlight"] = "try_it.sign_in";
  doc["Steps"][0]["Explanation"] = "The session now holds **three** tokens.";
  doc["Steps"][0]["Check"] = {
      {"All",
       {kSignedIn,
        {{"Not", {{"Source", {{"Token", "IdToken"}}}, {"Pointer", "/email_verified"}, {"Equals", false}}}},
        {{"Source", {{"Call", "Sandbox.ListEvents"}}},
         {"Pointer", "/Events"},
         {"Where", {{"Operation", "RespondToAuthChallenge"}, {"Status", 200}}},
         {"CountAtLeast", 1}},
        {{"Source", {{"Token", "AccessToken"}}}, {"Pointer", "/scope"}, {"Matches", "aws\\.cognito\\.signin"}}}}};
  doc["Steps"][0]["Solution"] = {
      {{"SignIn", {{"Pool", "lab"}, {"Client", "web"}, {"Username", "jane"}, {"Password", "Passw0rd!"}, {"Flow", "USER_PASSWORD_AUTH"}}}},
      {{"SignOut", Json::object()}}};

  const Lesson lesson = load(doc, "lessons/sign-in.json");
  CHECK(lesson.file == "lessons/sign-in.json");
  CHECK(lesson.id == "test-lesson");
  CHECK(lesson.title == "A test lesson");
  CHECK(lesson.source == "create-user-pool-lab.md");
  CHECK(lesson.prerequisites == std::vector<std::string>{"create-user-pool"});
  REQUIRE(lesson.setup.size() == 1);
  CHECK(lesson.setup[0].kind == Action::Kind::kCall);
  CHECK(lesson.setup[0].operation == "CreateUserPool");  // the target prefix is dropped
  CHECK(lesson.setup[0].request == Json{{"PoolName", "lab"}});

  REQUIRE(lesson.steps.size() == 1);
  const Step& s = lesson.steps[0];
  CHECK(s.id == "sign-in");
  CHECK(s.highlight == "try_it.sign_in");
  CHECK(s.explanation == "The session now holds **three** tokens.");
  CHECK(s.hints == std::vector<std::string>{"Use the Try it panel."});
  CHECK(lesson.find_step("sign-in") == &s);
  CHECK(lesson.find_step("nope") == nullptr);

  REQUIRE(s.check.kind == Check::Kind::kAll);
  REQUIRE(s.check.checks.size() == 4);
  CHECK(s.check.checks[0].source.kind == Source::Kind::kSession);
  CHECK(s.check.checks[0].pointer_tokens == std::vector<std::string>{"SignedIn"});
  CHECK(s.check.checks[0].comparison == Comparison::kEquals);
  CHECK(s.check.checks[1].kind == Check::Kind::kNot);
  CHECK(s.check.checks[1].checks[0].source.token == "IdToken");
  const Check& events = s.check.checks[2];
  CHECK(events.source.operation == "Sandbox.ListEvents");
  CHECK(events.where == Json{{"Operation", "RespondToAuthChallenge"}, {"Status", 200}});
  CHECK(events.comparison == Comparison::kCountAtLeast);
  CHECK(s.check.checks[3].pattern != nullptr);

  REQUIRE(s.solution.size() == 2);
  CHECK(s.solution[0].kind == Action::Kind::kSignIn);
  CHECK(s.solution[0].sign_in.pool == "lab");
  CHECK(s.solution[0].sign_in.flow == "USER_PASSWORD_AUTH");
  CHECK(s.solution[0].written == doc["Steps"][0]["Solution"][0]);
  CHECK(s.solution[1].kind == Action::Kind::kSignOut);
}

TEST_CASE("SignIn's Flow defaults to USER_SRP_AUTH and Pointer to the whole document") {
  const Lesson lesson = load(with_check({{"Source", {{"Session", Json::object()}}}, {"Exists", true}}));
  CHECK(lesson.steps[0].solution[0].sign_in.flow == "USER_SRP_AUTH");
  CHECK(lesson.steps[0].check.pointer.empty());
  CHECK(lesson.steps[0].check.pointer_tokens.empty());
}

TEST_CASE("A lesson that is not JSON is refused with where the parser stopped") {
  const auto r = parse_lesson("lessons/x.json", "{\"Format\": \"userpool-sandbox-lesson\",, }");
  REQUIRE_FALSE(r);
  CHECK(r.error() ==
        "lessons/x.json: not JSON (parse error at byte 38: line 1, column 38: syntax error while parsing object key - "
        "unexpected ','; expected string literal)");
  const auto empty = parse_lesson("lessons/empty.json", "");
  REQUIRE_FALSE(empty);
  CHECK(empty.error().starts_with("lessons/empty.json: not JSON (parse error at byte 1: "));
}

TEST_CASE("Malformed lessons are refused, each with its precise error") {
  const std::string f = "lessons/test.json: ";
  const std::string step1 = f + "step 1 \"sign-in\": ";
  const std::string read_only_hint =
      ", which is not a read-only operation (a check may only read: Describe*, Get*, List*, AdminGet*, "
      "Sandbox.Get*/List*, ApiGateway.Get*, ElasticBeanstalk.Describe*)";
  const std::string functions = "(expected pool, pool_arn, client, code, session, last, totp, rest_api or domain)";

  const std::vector<Malformed> table = {
      // The document
      {"not an object", Json::array(), f + "a lesson must be a JSON object, not an array"},
      {"no Format", changed([](Json& d) { d.erase("Format"); }),
       f + "missing \"Format\" (a lesson starts with \"Format\": \"userpool-sandbox-lesson\")"},
      {"wrong Format", changed([](Json& d) { d["Format"] = "userpool-lesson"; }),
       f + "\"Format\" is \"userpool-lesson\", expected \"userpool-sandbox-lesson\""},
      {"wrong Version", changed([](Json& d) { d["Version"] = 2; }),
       f + "\"Version\" is 2, but this sandbox reads version 1"},
      {"unknown member", changed([](Json& d) { d["Step"] = Json::array(); }),
       f + "unknown member \"Step\" (expected Format, Version, Id, Title, Summary, Source, Prerequisites, Setup or Steps)"},
      {"missing Title", changed([](Json& d) { d.erase("Title"); }), f + "missing \"Title\""},
      {"empty Summary", changed([](Json& d) { d["Summary"] = ""; }), f + "\"Summary\" is empty"},
      {"Title not text", changed([](Json& d) { d["Title"] = 7; }), f + "\"Title\" must be a string, not a number"},
      {"bad lesson Id", changed([](Json& d) { d["Id"] = "Create Pool"; }),
       f + "Id \"Create Pool\" must be lowercase letters, digits and dashes"},
      {"bad prerequisite", changed([](Json& d) { d["Prerequisites"] = {"ok", 3}; }),
       f + "Prerequisites[2]: 3 is not a lesson Id (lowercase letters, digits and dashes)"},
      {"no Steps", changed([](Json& d) { d.erase("Steps"); }), f + "missing \"Steps\""},
      {"empty Steps", changed([](Json& d) { d["Steps"] = Json::array(); }), f + "\"Steps\" must list at least one step"},
      // Steps
      {"step not an object", changed([](Json& d) { d["Steps"][0] = "sign in"; }), f + "step 1: must be an object, not a string"},
      {"step without Id", changed([](Json& d) { d["Steps"][0].erase("Id"); }), f + "step 1: missing \"Id\""},
      {"bad step Id", changed([](Json& d) { d["Steps"][0]["Id"] = "sign_in"; }),
       f + "step 1 \"sign_in\": Id \"sign_in\" must be lowercase letters, digits and dashes"},
      {"unknown step member", changed([](Json& d) { d["Steps"][0]["Hint"] = "x"; }),
       step1 + "unknown member \"Hint\" (expected Id, Title, Text, Highlight, Check, Hints, Solution, Explanation, NotYet or Diagram)"},
      {"missing Hints", changed([](Json& d) { d["Steps"][0].erase("Hints"); }), step1 + "missing \"Hints\""},
      {"no hints", changed([](Json& d) { d["Steps"][0]["Hints"] = Json::array(); }), step1 + "\"Hints\" must list at least one hint"},
      {"empty hint", changed([](Json& d) { d["Steps"][0]["Hints"] = {"ok", ""}; }), step1 + "Hints[2]: must be a non-empty string"},
      {"missing Check", changed([](Json& d) { d["Steps"][0].erase("Check"); }), step1 + "missing \"Check\""},
      {"missing Solution", changed([](Json& d) { d["Steps"][0].erase("Solution"); }), step1 + "missing \"Solution\""},
      {"empty Solution", changed([](Json& d) { d["Steps"][0]["Solution"] = Json::array(); }),
       step1 + "\"Solution\" must list at least one action"},
      {"duplicate step Id", lesson_with({step("sign-in", kSignedIn), step("confirm", kSignedIn), step("sign-in", kSignedIn)}),
       f + "step 3 \"sign-in\": duplicate step Id (step 1 has it too)"},
      // Checks
      {"unknown check kind",
       lesson_with({step("sign-up", kSignedIn), step("confirm", kSignedIn), step("sign-in-options", {{"Equal", 1}})}),
       f + "step 3 \"sign-in-options\": Check: unknown check kind \"Equal\" (expected All, Any, Not or Source)"},
      {"empty check", with_check(Json::object()), step1 + "Check: empty check (expected All, Any, Not or Source)"},
      {"check not an object", with_check("signed in"), step1 + "Check: must be a check object, not a string"},
      {"comparison misspelled",
       with_check({{"Source", {{"Session", Json::object()}}}, {"Pointer", "/SignedIn"}, {"Equal", true}}),
       step1 + "Check: unknown member \"Equal\" (expected Source, Pointer, Where, Equals, Contains, Exists, CountAtLeast or Matches)"},
      {"no comparison", with_check({{"Source", {{"Session", Json::object()}}}, {"Pointer", "/SignedIn"}}),
       step1 + "Check: no comparison (expected one of Equals, Contains, Exists, CountAtLeast or Matches)"},
      {"two comparisons", with_check({{"Source", {{"Session", Json::object()}}}, {"Equals", true}, {"Exists", true}}),
       step1 + "Check: more than one comparison (\"Equals\" and \"Exists\"); a check makes one comparison, combine checks with All"},
      {"pointer without slash",
       with_check({{"Source", {{"Call", "DescribeUserPool"}}}, {"Pointer", "UserPool/Name"}, {"Exists", true}}),
       step1 + "Check: Pointer \"UserPool/Name\" is not a JSON pointer (it must be empty or start with \"/\")"},
      {"pointer with a bad escape",
       with_check({{"Source", {{"Session", Json::object()}}}, {"Pointer", "/a~2b"}, {"Exists", true}}),
       step1 + "Check: Pointer \"/a~2b\" is not a JSON pointer (\"~\" must be followed by 0 or 1: \"~0\" is \"~\", \"~1\" is \"/\")"},
      {"Exists not a boolean", with_check({{"Source", {{"Session", Json::object()}}}, {"Exists", "yes"}}),
       step1 + "Check: \"Exists\" must be true or false, not \"yes\""},
      {"negative CountAtLeast", with_check({{"Source", {{"Session", Json::object()}}}, {"CountAtLeast", -1}}),
       step1 + "Check: \"CountAtLeast\" must be a whole number, 0 or more, not -1"},
      {"Where not an object", with_check({{"Source", {{"Session", Json::object()}}}, {"Where", {1}}, {"Exists", true}}),
       step1 + "Check: \"Where\" must be an object of member values to match, e.g. {\"Status\": 200}"},
      {"All empty", with_check({{"All", Json::array()}}), step1 + "Check: \"All\" must list at least one check"},
      {"Any not a list", with_check({{"Any", kSignedIn}}), step1 + "Check: \"Any\" must be a list of checks, not an object"},
      {"Not beside a comparison", with_check({{"Not", kSignedIn}, {"Pointer", "/x"}}),
       step1 + "Check: \"Not\" stands alone in its object (found \"Pointer\" beside it)"},
      {"nested problem", with_check({{"All", {kSignedIn, {{"Not", {{"Any", {kSignedIn, {{"Source", 3}}}}}}}}}}),
       step1 + "Check: All[2]: Not: Any[2]: Source: must be an object, not a number"},
      {"unknown source kind", with_check({{"Source", {{"Cal", "DescribeUserPool"}}}, {"Exists", true}}),
       step1 + "Check: Source: unknown source kind \"Cal\" (expected Call, Token or Session)"},
      {"unknown token", with_check({{"Source", {{"Token", "RefreshToken"}}}, {"Exists", true}}),
       step1 + "Check: Source: \"Token\" must be \"IdToken\" or \"AccessToken\", not \"RefreshToken\""},
      {"Session with options", with_check({{"Source", {{"Session", {{"Pool", "x"}}}}}, {"Exists", true}}),
       step1 + "Check: Source: \"Session\" takes no options: write {}"},
      {"check calls an unknown operation",
       with_check({{"Source", {{"Call", "DescribeUserPol"}}}, {"Exists", true}}),
       step1 + "Check: Source: unknown operation \"DescribeUserPol\" (did you mean \"DescribeUserPool\"?)"},
      {"check calls a writing operation", with_check({{"Source", {{"Call", "SignUp"}}}, {"Exists", true}}),
       step1 + "Check calls \"SignUp\"" + read_only_hint},
      {"nested check calls a writing operation",
       with_check({{"All", {kSignedIn, {{"Source", {{"Call", "AdminDeleteUser"}}}, {"Exists", true}}}}}),
       step1 + "Check: All[2] calls \"AdminDeleteUser\"" + read_only_hint},
      {"a read in name only", with_check({{"Source", {{"Call", "GetUserAttributeVerificationCode"}}}, {"Exists", true}}),
       step1 + "Check calls \"GetUserAttributeVerificationCode\"" + read_only_hint},
      {"Request not an object",
       with_check({{"Source", {{"Call", "DescribeUserPool"}, {"Request", "us-east-1_x"}}}, {"Exists", true}}),
       step1 + "Check: Source: \"Request\" must be an object, not a string"},
      // Actions
      {"unknown operation", with_solution({{{"Call", "DescribeUserPol"}}}),
       step1 + "Solution[1]: unknown operation \"DescribeUserPol\" (did you mean \"DescribeUserPool\"?)"},
      {"unknown operation, nothing near", with_solution({{{"Call", "LaunchRocket"}}}),
       step1 + "Solution[1]: unknown operation \"LaunchRocket\""},
      {"operation not a string", with_solution({{{"Call", 5}}}),
       step1 + "Solution[1]: the operation must be a string, not a number"},
      {"unknown action kind", with_solution({{{"SignOut", Json::object()}}, {{"Cal", "SignUp"}}}),
       step1 + "Solution[2]: unknown action kind \"Cal\" (expected Call, SignIn, HostedSignIn, MachineToken or SignOut)"},
      {"unknown Call member", with_solution({{{"Call", "SignUp"}, {"Requets", Json::object()}}}),
       step1 + "Solution[1]: unknown member \"Requets\" (expected Call, Request or Expect)"},
      {"Expect that is not an error", with_solution({{{"Call", "SignUp"}, {"Expect", "Success"}}}),
       step1 + "Solution[1]: \"Expect\" must name the error the call answers, e.g. \"NotAuthorizedException\""},
      {"SignIn without a password",
       with_solution({{{"SignIn", {{"Pool", "lab"}, {"Client", "web"}, {"Username", "jane"}}}}}),
       step1 + "Solution[1]: SignIn: missing \"Password\""},
      {"SignIn with an unknown flow",
       with_solution({{{"SignIn", {{"Pool", "lab"}, {"Client", "web"}, {"Username", "jane"}, {"Password", "p"}, {"Flow", "CUSTOM_AUTH"}}}}}),
       step1 + "Solution[1]: SignIn: \"Flow\" must be \"USER_SRP_AUTH\" or \"USER_PASSWORD_AUTH\", not \"CUSTOM_AUTH\""},
      {"HostedSignIn through a provider with a password",
       with_solution({{{"HostedSignIn", {{"Pool", "lab"}, {"Client", "web"}, {"Provider", "Google"}, {"Email", "j@example.com"}, {"Password", "p"}}}}}),
       step1 + "Solution[1]: HostedSignIn: a sign-in through \"Provider\" takes \"Email\" and \"Name\" (typed at the provider), not "
               "\"Username\" and \"Password\""},
      {"MachineToken without a client", with_solution({{{"MachineToken", {{"Pool", "lab"}}}}}),
       step1 + "Solution[1]: MachineToken: missing \"Client\""},
      {"MachineToken with a user", with_solution({{{"MachineToken", {{"Pool", "lab"}, {"Client", "sync"}, {"Username", "jane"}}}}}),
       step1 + "Solution[1]: MachineToken: unknown member \"Username\" (expected Pool, Client or Scope)"},
      {"HostedSignIn without a password", with_solution({{{"HostedSignIn", {{"Pool", "lab"}, {"Client", "web"}, {"Username", "jane"}}}}}),
       step1 + "Solution[1]: HostedSignIn: missing \"Password\""},
      {"SignOut with options", with_solution({{{"SignOut", {{"Global", true}}}}}),
       step1 + "Solution[1]: \"SignOut\" takes no options: write {}"},
      {"Setup action", changed([](Json& d) { d["Setup"] = {{{"Call", "CreateUserPool"}}, {{"Call", "CreateUserPoolClinet"}}}; }),
       f + "Setup[2]: unknown operation \"CreateUserPoolClinet\" (did you mean \"CreateUserPoolClient\"?)"},
      // Templates
      {"unknown template function", with_solution({{{"Call", "DescribeUserPool"}, {"Request", {{"UserPoolId", "{{pol:lab}}"}}}}}),
       step1 + "Solution[1]: Request.UserPoolId: unknown template function \"pol\" in \"{{pol:lab}}\" " + functions},
      {"unknown template in a check", with_check(describe_pool_check({{"UserPoolId", "{{pool_id:lab}}"}})),
       step1 + "Check: Source: Request.UserPoolId: unknown template function \"pool_id\" in \"{{pool_id:lab}}\" " + functions},
      {"unknown template in an expected value",
       with_check({{"Source", {{"Session", Json::object()}}}, {"Pointer", "/PoolId"}, {"Equals", "{{pools:lab}}"}}),
       step1 + "Check: Equals: unknown template function \"pools\" in \"{{pools:lab}}\" " + functions},
      {"template deep in a request",
       with_solution({{{"Call", "SignUp"}, {"Request", {{"UserAttributes", {{{"Name", "email"}, {"Value", "{{mail:jane}}"}}}}}}}}),
       step1 + "Solution[1]: Request.UserAttributes[1].Value: unknown template function \"mail\" in \"{{mail:jane}}\" " + functions},
      {"template without an argument", with_solution({{{"Call", "GetUser"}, {"Request", {{"AccessToken", "{{session}}"}}}}}),
       step1 + "Solution[1]: Request.AccessToken: template \"{{session}}\" has no argument (write {{function:argument}}, "
               "with one of pool, pool_arn, client, code, session, last, totp, rest_api or domain)"},
      {"unclosed template", with_solution({{{"Call", "GetUser"}, {"Request", {{"AccessToken", "{{session:AccessToken"}}}}}),
       step1 + "Solution[1]: Request.AccessToken: \"{{\" without a closing \"}}\" in \"{{session:AccessToken\""},
      {"session template with a wrong argument",
       with_solution({{{"Call", "GetUser"}, {"Request", {{"AccessToken", "{{session:Token}}"}}}}}),
       step1 + "Solution[1]: Request.AccessToken: template \"{{session:Token}}\": the argument must be IdToken, "
               "AccessToken, RefreshToken, Username or MachineToken"},
      {"client template without a pool",
       with_solution({{{"Call", "SignUp"}, {"Request", {{"ClientId", "{{client:web}}"}}}}}),
       step1 + "Solution[1]: Request.ClientId: template \"{{client:web}}\": the argument must be POOL/CLIENT: a user "
               "pool's name, \"/\", an app client's name"},
      {"last template with an unknown operation",
       with_solution({{{"Call", "RespondToAuthChallenge"}, {"Request", {{"Session", "{{last:InitiateAuht/Session}}"}}}}}),
       step1 + "Solution[1]: Request.Session: template \"{{last:InitiateAuht/Session}}\": unknown operation \"InitiateAuht\""},
      {"totp template naming nothing known",
       with_solution({{{"Call", "VerifySoftwareToken"}, {"Request", {{"UserCode", "{{totp:secret:x}}"}}}}}),
       step1 + "Solution[1]: Request.UserCode: template \"{{totp:secret:x}}\": unknown template function \"secret\" in "
               "\"{{secret:x}}\" " + functions},
      {"empty pool name", with_check(describe_pool_check({{"UserPoolId", "{{pool:}}"}})),
       step1 + "Check: Source: Request.UserPoolId: template \"{{pool:}}\": the argument is empty"},
  };

  for (const Malformed& m : table) {
    INFO(m.what);
    const auto r = lesson_from_json("lessons/test.json", m.document);
    REQUIRE_FALSE(r);
    CHECK(r.error() == m.error);
  }
}

TEST_CASE("A Matches pattern that is not a regular expression is refused when the lesson loads") {
  const std::string error = refusal(with_check({{"Source", {{"Session", Json::object()}}}, {"Pointer", "/Username"}, {"Matches", "(jane"}}));
  CHECK(error.starts_with("lessons/test.json: step 1 \"sign-in\": Check: \"Matches\" \"(jane\" is not a regular expression ("));
}

TEST_CASE("Operations may be written with Cognito's target prefix") {
  const Lesson lesson = load(with_check(
      {{"Source", {{"Call", "AWSCognitoIdentityProviderService.ListUserPools"}, {"Request", {{"MaxResults", 10}}}}},
       {"Pointer", "/UserPools"},
       {"CountAtLeast", 1}}));
  CHECK(lesson.steps[0].check.source.operation == "ListUserPools");
}

TEST_CASE("A step's plain NotYet words and its Diagram load; a diagram that cannot be drawn is refused, saying why") {
  const Json boxes = Json::array({{{"Id", "app"}, {"Label", "Web app"}, {"Note", "in the browser"}, {"Column", 0}, {"Row", 0}},
                                  {{"Id", "pool"}, {"Label", "User pool"}, {"Column", 1}, {"Row", 0}}});
  const Json arrows = Json::array({{{"From", "app"}, {"To", "pool"}, {"Label", "sign-up and sign-in"}}});
  const Lesson lesson = load(changed([&](Json& d) {
    d["Steps"][0]["NotYet"] = "Nobody has signed in yet.";
    d["Steps"][0]["Diagram"] = {{"Boxes", boxes}, {"Arrows", arrows}};
  }));
  const Step& step = lesson.steps[0];
  CHECK(step.not_yet == "Nobody has signed in yet.");
  REQUIRE(step.diagram.boxes.size() == 2);
  CHECK(step.diagram.boxes[0].note == "in the browser");
  CHECK(step.diagram.boxes[1].column == 1);
  REQUIRE(step.diagram.arrows.size() == 1);
  CHECK(step.diagram.arrows[0].label == "sign-up and sign-in");
  CHECK(load(minimal_lesson()).steps[0].diagram.empty());

  const std::string step1 = "lessons/test.json: step 1 \"sign-in\": ";
  const auto with_diagram = [&](const Json& diagram) { return changed([&](Json& d) { d["Steps"][0]["Diagram"] = diagram; }); };
  Json moved = boxes;
  moved[1]["Column"] = 3;
  Json stacked = boxes;
  stacked[1]["Column"] = 0;
  const std::vector<Malformed> table = {
      {"empty NotYet", changed([](Json& d) { d["Steps"][0]["NotYet"] = ""; }), step1 + "\"NotYet\" is empty"},
      {"not an object", with_diagram("boxes"), step1 + "Diagram: must be an object, not a string"},
      {"no boxes", with_diagram({{"Arrows", arrows}}), step1 + "Diagram: missing \"Boxes\""},
      {"off the grid", with_diagram({{"Boxes", moved}}), step1 + "Diagram: Boxes[2]: \"Column\" must be 0, 1 or 2"},
      {"two boxes in a cell", with_diagram({{"Boxes", stacked}}),
       step1 + "Diagram: Boxes[2]: box \"app\" is already in that Column and Row"},
      {"an arrow to nowhere", with_diagram({{"Boxes", boxes}, {"Arrows", {{{"From", "app"}, {"To", "inbox"}, {"Label", "codes"}}}}}),
       step1 + "Diagram: Arrows[1]: no box has the Id \"inbox\""},
      {"an arrow without words", with_diagram({{"Boxes", boxes}, {"Arrows", {{{"From", "app"}, {"To", "pool"}}}}}),
       step1 + "Diagram: Arrows[1]: missing \"Label\""},
  };
  for (const Malformed& m : table) {
    INFO(m.what);
    const auto r = lesson_from_json("lessons/test.json", m.document);
    REQUIRE_FALSE(r);
    CHECK(r.error() == m.error);
  }
}
