// Replaying actions (core/lessons/lesson_replay.h) through the dispatcher:
// calls remember their answers and hand tokens to the session, sign-ins go
// as an app's would (SRP or password, SECRET_HASH with a client secret), a
// failure stops the replay naming the action, and every call is recorded
// in the event log like the learner's own.
#include "core/lessons/lesson_replay.h"
#include "core/lessons/lesson_template.h"
#include "tests/core/lessons/lesson_sandbox.h"

using namespace userpool;
using namespace userpool::lessons;
using namespace userpool::test;

namespace {

// The operations and statuses in the event log, oldest first, after the
// first `skip` events.
std::vector<std::string> events_after(const LessonSandbox& s, std::size_t skip) {
  std::vector<std::string> out;
  const auto& events = s.account.events.events();
  for (std::size_t i = skip; i < events.size(); ++i) out.push_back(events[i].operation + " " + std::to_string(events[i].status));
  return out;
}

Json sign_in_action(const std::string& username, const std::string& password, const std::string& flow = {},
                    const std::string& pool = "lab", const std::string& client = "web") {
  Json s = {{"Pool", pool}, {"Client", client}, {"Username", username}, {"Password", password}};
  if (!flow.empty()) s["Flow"] = flow;
  return Json{{"SignIn", s}};
}


const Json kSignOut = {{"SignOut", Json::object()}};

std::string failure(const tl::expected<void, std::string>& outcome) {
  REQUIRE_FALSE(outcome);
  return outcome.error();
}


// The claims of a token.
Json claims(const std::string& token) {
  const Check c = check_from(Json{{"Source", {{"Token", "AccessToken"}}}, {"Exists", true}});
  LessonSandbox s;
  s.session.access_token = token;
  return read_source(c.source, s.context()).value();
}

}  // namespace

TEST_CASE("A Call action's answer is remembered for {{last:...}}, and the call is recorded") {
  LessonSandbox s;
  require_ok(s.run(Json::array({call_action("CreateUserPool", {{"PoolName", "lab"}}),
                                call_action("AWSCognitoIdentityProviderService.CreateUserPoolClient",
                                            {{"UserPoolId", "{{pool:lab}}"}, {"ClientName", "web"}})})));
  CHECK(events_after(s, 0) == std::vector<std::string>{"CreateUserPool 200", "CreateUserPoolClient 200"});
  const Json* pool = s.memory.last("CreateUserPool");
  REQUIRE(pool != nullptr);
  CHECK((*pool)["UserPool"]["Name"] == "lab");
  const Json* client = s.memory.last("CreateUserPoolClient");
  REQUIRE(client != nullptr);
  CHECK((*client)["UserPoolClient"]["UserPoolId"] == (*pool)["UserPool"]["Id"]);
  // An answer without tokens leaves the session alone.
  CHECK_FALSE(s.session.signed_in());
  CHECK(s.session.to_json() == LessonSession().to_json());

  // The next action sees what the last one answered.
  require_ok(s.run(Json::array({call_action("CreateGroup", {{"UserPoolId", "{{last:CreateUserPool/UserPool/Id}}"}, {"GroupName", "admins"}})})));
  CHECK(s.memory.last("CreateGroup")->at("Group").at("UserPoolId") == (*pool)["UserPool"]["Id"]);
  // A call that answers an error is not remembered: the last success stays.
  CHECK(call(s.account, "CreateUserPool", Json::object()).status == 400);
  CHECK((*s.memory.last("CreateUserPool"))["UserPool"]["Name"] == "lab");
}

TEST_CASE("A Call action answered with an AuthenticationResult makes its tokens the session") {
  LessonSandbox s;
  const std::string pool = s.pool_with_client("lab");
  s.confirmed_user(pool);
  const std::string client = s.ok("ListUserPoolClients", Json{{"UserPoolId", pool}})["UserPoolClients"][0]["ClientId"].get<std::string>();
  const std::size_t before = s.event_count();
  require_ok(s.run(Json::array({call_action("InitiateAuth", {{"ClientId", "{{client:lab/web}}"},
                                                             {"AuthFlow", "USER_PASSWORD_AUTH"},
                                                             {"AuthParameters", {{"USERNAME", "jane"}, {"PASSWORD", "Passw0rd!"}}}})})));
  CHECK(events_after(s, before) == std::vector<std::string>{"InitiateAuth 200"});
  CHECK(s.session.signed_in());
  CHECK(s.session.username == "jane");
  CHECK(s.session.pool_id == pool);
  CHECK(s.session.client_id == client);
  const Json* answer = s.memory.last("InitiateAuth");
  REQUIRE(answer != nullptr);
  CHECK(s.session.access_token == (*answer)["AuthenticationResult"]["AccessToken"]);
  CHECK(s.session.id_token == (*answer)["AuthenticationResult"]["IdToken"]);
  CHECK(s.session.refresh_token == (*answer)["AuthenticationResult"]["RefreshToken"]);
  CHECK(claims(s.session.access_token)["username"] == "jane");

  // A refresh answers without a refresh token: the session keeps its own.
  const std::string refresh = s.session.refresh_token;
  const std::string first_access = s.session.access_token;
  s.ok("Sandbox.AdvanceClock", Json{{"Seconds", 60}});
  require_ok(s.run(Json::array({call_action("InitiateAuth", {{"ClientId", "{{client:lab/web}}"},
                                                             {"AuthFlow", "REFRESH_TOKEN_AUTH"},
                                                             {"AuthParameters", {{"REFRESH_TOKEN", "{{session:RefreshToken}}"}}}})})));
  CHECK(s.session.refresh_token == refresh);
  CHECK(s.session.access_token != first_access);
  CHECK(s.session.access_token == (*s.memory.last("InitiateAuth"))["AuthenticationResult"]["AccessToken"]);
  CHECK(s.session.username == "jane");

  // Signed out, a USER_PASSWORD_AUTH call signs in again.
  require_ok(s.run(Json::array({kSignOut})));
  CHECK_FALSE(s.session.signed_in());
  s.confirmed_user(pool, "bob");
  require_ok(s.run(Json::array({call_action("InitiateAuth", {{"ClientId", client},
                                                             {"AuthFlow", "USER_PASSWORD_AUTH"},
                                                             {"AuthParameters", {{"USERNAME", "bob"}, {"PASSWORD", "Passw0rd!"}}}})})));
  CHECK(s.session.username == "bob");
  CHECK(claims(s.session.access_token)["username"] == "bob");
}

TEST_CASE("A failing action stops the replay, named by its list and position") {
  LessonSandbox s;
  const std::string pool_id = s.pool_with_client("lab");
  const Json sign_up = call_action("SignUp", {{"ClientId", "{{client:lab/web}}"},
                                              {"Username", "jane"},
                                              {"Password", "Passw0rd!"},
                                              {"UserAttributes", {{{"Name", "email"}, {"Value", "jane@example.com"}}}}});
  const std::size_t before = s.event_count();

  SECTION("the API's error") {
    const Json actions = Json::array({sign_up,
                                      call_action("ConfirmSignUp", {{"ClientId", "{{client:lab/web}}"}, {"Username", "jane"}, {"ConfirmationCode", "000000"}}),
                                      call_action("CreateUserPool", {{"PoolName", "after"}})});
    CHECK(failure(s.run(actions)) ==
          "Solution[2] (ConfirmSignUp): ConfirmSignUp answered CodeMismatchException: Invalid verification code provided, please try again.");
    // The actions before it ran, the failing one is recorded too, the ones after it never ran.
    CHECK(events_after(s, before) == std::vector<std::string>{"SignUp 200", "ConfirmSignUp 400"});
    CHECK(s.memory.last("SignUp") != nullptr);
    CHECK(s.memory.last("ConfirmSignUp") == nullptr);
    CHECK(s.memory.last("CreateUserPool") == nullptr);
  }
  SECTION("a template not resolvable yet") {
    const Json actions = Json::array({call_action("ConfirmSignUp", {{"ClientId", "{{client:lab/web}}"},
                                                                    {"Username", "jane"},
                                                                    {"ConfirmationCode", "{{code:jane@example.com}}"}})});
    CHECK(failure(s.run(actions, "Setup")) == "Setup[1] (ConfirmSignUp): no message to jane@example.com yet");
    CHECK(s.event_count() == before);  // never called
    // Once the message is there, the same replay works.
    require_ok(s.run(Json::array({sign_up})));
    require_ok(s.run(actions, "Setup"));
    CHECK(s.ok("AdminGetUser", Json{{"UserPoolId", pool_id}, {"Username", "jane"}})["UserStatus"] == "CONFIRMED");
  }
  SECTION("later positions and other actions") {
    CHECK(failure(s.run(Json::array({kSignOut, kSignOut, sign_in_action("jane", "Passw0rd!", {}, "nope")}))) ==
          "Solution[3] (SignIn): no user pool named nope yet");
    CHECK(failure(s.run(Json::array({sign_in_action("jane", "Passw0rd!", {}, "lab", "mobile")}), "Setup")) ==
          "Setup[1] (SignIn): no app client named mobile in user pool lab yet");
    CHECK(s.event_count() == before);
  }
}

TEST_CASE("run_action says why in the API's words, without a position") {
  LessonSandbox s;
  const auto actions = actions_from(Json::array({call_action("DescribeUserPool", {{"UserPoolId", "us-east-1_nopenope"}}),
                                                 call_action("DescribeUserPool", {{"UserPoolId", "{{pool:kekepool}}"}}), kSignOut}));
  const auto answered = run_action(actions[0], s.context());
  REQUIRE_FALSE(answered);
  CHECK(answered.error() == "DescribeUserPool answered ResourceNotFoundException: User pool us-east-1_nopenope does not exist.");
  const auto unresolved = run_action(actions[1], s.context());
  REQUIRE_FALSE(unresolved);
  CHECK(unresolved.error() == "no user pool named kekepool yet");
  CHECK(run_action(actions[2], s.context()));
  // An empty list replays as nothing.
  CHECK(replay({}, s.context(), "Setup"));
}

TEST_CASE("Actions are labelled by operation, SignIn or SignOut") {
  const auto actions = actions_from(Json::array({call_action("AWSCognitoIdentityProviderService.SignUp", Json::object()),
                                                 call_action("Sandbox.AdvanceClock", {{"Seconds", 1}}),
                                                 sign_in_action("jane", "x"), kSignOut}));
  REQUIRE(actions.size() == 4);
  CHECK(action_label(actions[0]) == "SignUp");
  CHECK(action_label(actions[1]) == "Sandbox.AdvanceClock");
  CHECK(action_label(actions[2]) == "SignIn");
  CHECK(action_label(actions[3]) == "SignOut");
}

TEST_CASE("SignIn with USER_SRP_AUTH answers PASSWORD_VERIFIER as a client library does") {
  LessonSandbox s;
  const std::string pool = s.pool_with_client("lab");
  s.confirmed_user(pool);
  const std::size_t before = s.event_count();
  require_ok(s.run(Json::array({sign_in_action("jane", "Passw0rd!")})));
  // Recorded like the learner's own calls.
  CHECK(events_after(s, before) == std::vector<std::string>{"InitiateAuth 200", "RespondToAuthChallenge 200"});
  CHECK(s.memory.last("InitiateAuth")->at("ChallengeName") == "PASSWORD_VERIFIER");
  const Json* answer = s.memory.last("RespondToAuthChallenge");
  REQUIRE(answer != nullptr);
  CHECK(s.session.signed_in());
  CHECK(s.session.access_token == (*answer)["AuthenticationResult"]["AccessToken"]);
  CHECK(s.session.id_token == (*answer)["AuthenticationResult"]["IdToken"]);
  CHECK(s.session.refresh_token == (*answer)["AuthenticationResult"]["RefreshToken"]);
  CHECK(s.session.username == "jane");
  CHECK(s.session.pool_id == pool);
  CHECK(s.session.client_id == resolve_reference("client:lab/web", s.context()).value());
  CHECK(claims(s.session.access_token)["username"] == "jane");
  // The event names the flow's user.
  CHECK(s.account.events.events().back().username == "jane");
}

TEST_CASE("SignIn with USER_PASSWORD_AUTH is one InitiateAuth") {
  LessonSandbox s;
  const std::string pool = s.pool_with_client("lab");
  s.confirmed_user(pool);
  const std::size_t before = s.event_count();
  require_ok(s.run(Json::array({sign_in_action("jane", "Passw0rd!", "USER_PASSWORD_AUTH")})));
  CHECK(events_after(s, before) == std::vector<std::string>{"InitiateAuth 200"});
  CHECK(s.memory.last("RespondToAuthChallenge") == nullptr);
  CHECK(s.session.signed_in());
  CHECK(s.session.access_token == (*s.memory.last("InitiateAuth"))["AuthenticationResult"]["AccessToken"]);
  CHECK(s.session.username == "jane");
  CHECK(s.session.pool_id == pool);
}

TEST_CASE("SignIn sends SECRET_HASH when the app client has a secret") {
  LessonSandbox s;
  const std::string pool = s.pool_with_client("lab", Json{{"GenerateSecret", true}});
  s.confirmed_user(pool);
  const std::string client = resolve_reference("client:lab/web", s.context()).value().get<std::string>();
  // Without it Cognito refuses: the client has a secret.
  const Response bare = call(s.account, "InitiateAuth", Json{{"ClientId", client},
                                                             {"AuthFlow", "USER_PASSWORD_AUTH"},
                                                             {"AuthParameters", {{"USERNAME", "jane"}, {"PASSWORD", "Passw0rd!"}}}});
  CHECK(bare.status == 400);
  const std::size_t before = s.event_count();
  SECTION("password") {
    require_ok(s.run(Json::array({sign_in_action("jane", "Passw0rd!", "USER_PASSWORD_AUTH")})));
    CHECK(events_after(s, before) == std::vector<std::string>{"InitiateAuth 200"});
  }
  SECTION("SRP") {
    require_ok(s.run(Json::array({sign_in_action("jane", "Passw0rd!", "USER_SRP_AUTH")})));
    CHECK(events_after(s, before) == std::vector<std::string>{"InitiateAuth 200", "RespondToAuthChallenge 200"});
  }
  CHECK(s.session.signed_in());
  CHECK(s.session.client_id == client);
}

TEST_CASE("SignIn ending with a challenge instead of tokens is a failed replay") {
  LessonSandbox s;
  const std::string pool = s.pool_with_client("lab");
  // An administrator-made user with a temporary password must choose a new one.
  s.ok("AdminCreateUser", Json{{"UserPoolId", pool},
                               {"Username", "ivy"},
                               {"TemporaryPassword", "Passw0rd!"},
                               {"MessageAction", "SUPPRESS"},
                               {"UserAttributes", {{{"Name", "email"}, {"Value", "ivy@example.com"}}}}});
  const std::string expected =
      "Solution[1] (SignIn): the sign-in ended with the NEW_PASSWORD_REQUIRED challenge instead of tokens (answer challenges with Call actions)";
  for (const char* flow : {"USER_SRP_AUTH", "USER_PASSWORD_AUTH"}) {
    INFO(flow);
    CHECK(failure(s.run(Json::array({sign_in_action("ivy", "Passw0rd!", flow)}))) == expected);
    CHECK_FALSE(s.session.signed_in());
    // The challenge's answer is remembered, for Call actions that answer it.
    const Json* last = std::string(flow) == "USER_SRP_AUTH" ? s.memory.last("RespondToAuthChallenge") : s.memory.last("InitiateAuth");
    REQUIRE(last != nullptr);
    CHECK(last->at("ChallengeName") == "NEW_PASSWORD_REQUIRED");
  }
  // Answered with a Call action, the tokens become the session.
  require_ok(s.run(Json::array({call_action("RespondToAuthChallenge", {{"ClientId", "{{client:lab/web}}"},
                                                                       {"ChallengeName", "NEW_PASSWORD_REQUIRED"},
                                                                       {"Session", "{{last:InitiateAuth/Session}}"},
                                                                       {"ChallengeResponses", {{"USERNAME", "ivy"}, {"NEW_PASSWORD", "N3wPassw0rd!"}}}})})));
  CHECK(s.session.signed_in());
  CHECK(s.session.username == "ivy");
  CHECK(s.session.pool_id == pool);
}

TEST_CASE("SignIn to an account with an authenticator stops at SOFTWARE_TOKEN_MFA; Call actions finish it") {
  LessonSandbox s;
  const std::string pool = s.pool_with_client("lab");
  s.ok("SetUserPoolMfaConfig", Json{{"UserPoolId", pool}, {"SoftwareTokenMfaConfiguration", {{"Enabled", true}}}, {"MfaConfiguration", "OPTIONAL"}});
  s.confirmed_user(pool);
  s.sign_in();
  require_ok(s.run(Json::array({call_action("AssociateSoftwareToken", {{"AccessToken", "{{session:AccessToken}}"}}),
                                call_action("VerifySoftwareToken", {{"AccessToken", "{{session:AccessToken}}"},
                                                                    {"UserCode", "{{totp:last:AssociateSoftwareToken/SecretCode}}"}}),
                                call_action("SetUserMFAPreference", {{"AccessToken", "{{session:AccessToken}}"},
                                                                     {"SoftwareTokenMfaSettings", {{"Enabled", true}, {"PreferredMfa", true}}}}),
                                kSignOut})));
  CHECK(failure(s.run(Json::array({sign_in_action("jane", "Passw0rd!")}))) ==
        "Solution[1] (SignIn): the sign-in ended with the SOFTWARE_TOKEN_MFA challenge instead of tokens (answer challenges with Call actions)");
  CHECK_FALSE(s.session.signed_in());
  s.ok("Sandbox.AdvanceClock", Json{{"Seconds", 30}});  // a fresh code
  require_ok(s.run(Json::array({call_action("RespondToAuthChallenge", {{"ClientId", "{{client:lab/web}}"},
                                                                       {"ChallengeName", "SOFTWARE_TOKEN_MFA"},
                                                                       {"Session", "{{last:RespondToAuthChallenge/Session}}"},
                                                                       {"ChallengeResponses", {{"USERNAME", "jane"},
                                                                                               {"SOFTWARE_TOKEN_MFA_CODE", "{{totp:last:AssociateSoftwareToken/SecretCode}}"}}}})})));
  CHECK(s.session.signed_in());
  CHECK(s.session.username == "jane");
}

TEST_CASE("SignIn with a wrong password fails with Cognito's error") {
  LessonSandbox s;
  s.confirmed_user(s.pool_with_client("lab"));
  CHECK(failure(s.run(Json::array({sign_in_action("jane", "Wr0ngPassword!", "USER_PASSWORD_AUTH")}))) ==
        "Solution[1] (SignIn): InitiateAuth answered NotAuthorizedException: Incorrect username or password.");
  CHECK(failure(s.run(Json::array({sign_in_action("jane", "Wr0ngPassword!", "USER_SRP_AUTH")}))) ==
        "Solution[1] (SignIn): RespondToAuthChallenge answered NotAuthorizedException: Incorrect username or password.");
  CHECK_FALSE(s.session.signed_in());
  CHECK(s.session.username.empty());
}

TEST_CASE("SignIn as someone else replaces the session; SignOut forgets the tokens only") {
  LessonSandbox s;
  const std::string pool = s.pool_with_client("lab");
  s.confirmed_user(pool);
  s.confirmed_user(pool, "bob");
  s.sign_in("lab", "jane");
  const std::string jane_access = s.session.access_token;
  s.sign_in("lab", "bob", "USER_PASSWORD_AUTH");
  CHECK(s.session.username == "bob");
  CHECK(s.session.access_token != jane_access);
  CHECK(claims(s.session.access_token)["username"] == "bob");

  const std::size_t events = s.event_count();
  const Json memory = s.memory.to_json();
  require_ok(s.run(Json::array({kSignOut})));
  CHECK_FALSE(s.session.signed_in());
  CHECK(s.session.access_token.empty());
  CHECK(s.session.id_token.empty());
  CHECK(s.session.refresh_token.empty());
  // Who it was stays known; no API call was made.
  CHECK(s.session.username == "bob");
  CHECK(s.session.pool_id == pool);
  CHECK_FALSE(s.session.client_id.empty());
  CHECK(s.event_count() == events);
  CHECK(s.memory.to_json() == memory);
  CHECK(s.session.to_json() == Json{{"SignedIn", false}, {"Username", "bob"}, {"PoolId", pool}, {"ClientId", s.session.client_id}});
  // Signing out twice is fine.
  require_ok(s.run(Json::array({kSignOut})));
}

TEST_CASE("A Call action with Expect must be refused with that error, and is recorded like any call") {
  LessonSandbox s;
  s.pool_with_client("lab");
  const Json confirm = call_action("ConfirmSignUp", {{"ClientId", "{{client:lab/web}}"},
                                                     {"Username", "nobody"},
                                                     {"ConfirmationCode", "123456"}});
  Json expected = confirm;
  expected["Expect"] = "UserNotFoundException";
  const std::size_t before = s.event_count();
  CHECK(s.run(Json::array({expected})));
  CHECK(events_after(s, before) == std::vector<std::string>{"ConfirmSignUp 400"});
  CHECK(s.memory.last("ConfirmSignUp") == nullptr);

  Json other = confirm;
  other["Expect"] = "CodeMismatchException";
  CHECK(failure(s.run(Json::array({other}))) ==
        "Solution[1] (ConfirmSignUp): ConfirmSignUp was to answer CodeMismatchException, but answered "
        "UserNotFoundException: Username/client id combination not found.");
  Json succeeds = call_action("CreateUserPool", {{"PoolName", "second"}});
  succeeds["Expect"] = "InvalidParameterException";
  CHECK(failure(s.run(Json::array({succeeds}))) ==
        "Solution[1] (CreateUserPool): CreateUserPool was to answer InvalidParameterException, but it succeeded");
}

TEST_CASE("MachineToken asks the token endpoint for client_credentials; the token is the session's machine token") {
  LessonSandbox s;
  const std::string pool = s.pool_with_client("lab", Json{{"GenerateSecret", true}});
  require_ok(s.run(Json::array({
      Json{{"Call", "CreateResourceServer"},
           {"Request", {{"UserPoolId", pool}, {"Identifier", "stock"}, {"Name", "Stock"},
                        {"Scopes", {{{"ScopeName", "read"}, {"ScopeDescription", "Read"}}, {{"ScopeName", "write"}, {"ScopeDescription", "Write"}}}}}}},
      Json{{"Call", "UpdateUserPoolClient"},
           {"Request", {{"UserPoolId", pool}, {"ClientId", "{{client:lab/web}}"}, {"AllowedOAuthFlowsUserPoolClient", true},
                        {"AllowedOAuthFlows", {"client_credentials"}}, {"AllowedOAuthScopes", {"stock/read"}}}}},
  })));
  const Json machine = {{"MachineToken", {{"Pool", "lab"}, {"Client", "web"}}}};
  const Json domain = {{"Call", "CreateUserPoolDomain"}, {"Request", {{"UserPoolId", pool}, {"Domain", "{{domain:lab}}"}}}};
  SECTION("without a domain there is no token endpoint") {
    CHECK(failure(s.run(Json::array({machine}))).find("has no domain, so no token endpoint") != std::string::npos);
  }
  SECTION("with a domain") {
    require_ok(s.run(Json::array({domain})));
    s.session.access_token = "a user's token";
    const std::size_t before = s.event_count();
    require_ok(s.run(Json::array({machine, kSignOut})));
    CHECK(events_after(s, before) == std::vector<std::string>{"HostedUI.Token 200"});
    const std::string client = resolve_reference("client:lab/web", s.context()).value().get<std::string>();
    CHECK(s.session.machine_client_id == client);
    REQUIRE_FALSE(s.session.machine_token.empty());
    // Signing the user out leaves the app's own token.
    CHECK_FALSE(s.session.signed_in());
    CHECK(resolve_reference("session:MachineToken", s.context()).value() == s.session.machine_token);
    const Json c = claims(s.session.machine_token);
    CHECK(c.value("client_id", "") == client);
    CHECK(c.value("scope", "") == "stock/read");
    CHECK_FALSE(c.contains("username"));
  }
  SECTION("a scope the client is not allowed: the endpoint's error") {
    require_ok(s.run(Json::array({domain})));
    const Json asking = {{"MachineToken", {{"Pool", "lab"}, {"Client", "web"}, {"Scope", "stock/write"}}}};
    const std::string why = failure(s.run(Json::array({asking})));
    CHECK(why.find("HTTP 400") != std::string::npos);
    CHECK(why.find("invalid_scope") != std::string::npos);
    CHECK(s.session.machine_token.empty());
  }
}
