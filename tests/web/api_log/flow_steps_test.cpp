#include "web/api_log/flow_steps.h"

#include <catch2/catch.hpp>

#include "core/crypto/srp.h"
#include "tests/web/ui_harness.h"
#include "web/shell/app.h"

using namespace userpool;
using test::AppUnderTest;
using web::FlowStep;
using web::Lane;

namespace {

const Timestamp kStart = from_epoch_millis(1'800'000'000'000);

Timestamp at_seconds(double s) { return kStart + Millis(static_cast<std::int64_t>(s * 1000)); }

web::ApiLogEntry entry(std::uint64_t id, Timestamp time, std::string op, int status = 200,
                       Json response = Json::object()) {
  web::ApiLogEntry e;
  e.id = id;
  e.time = time;
  e.operation = std::move(op);
  e.status = status;
  e.response = std::move(response);
  return e;
}

web::SentMessage message(std::uint64_t id, Timestamp time, std::string purpose, std::string medium = "EMAIL") {
  return web::SentMessage{id, time, std::move(medium), std::move(purpose), "someone@example.com"};
}

std::vector<const web::ApiLogEntry*> all_of(const std::deque<web::ApiLogEntry>& log) {
  std::vector<const web::ApiLogEntry*> out;
  for (const auto& e : log) out.push_back(&e);
  return out;
}

std::vector<std::string> labels(const std::vector<FlowStep>& steps) {
  std::vector<std::string> out;
  for (const auto& s : steps) out.push_back(s.label);
  return out;
}

std::vector<std::string> operations(const std::vector<const web::ApiLogEntry*>& flow) {
  std::vector<std::string> out;
  for (const auto* e : flow) out.push_back(e->operation);
  return out;
}

}  // namespace

TEST_CASE("Sign-up and an SRP sign-in read as the expected steps, with the pool's email to the inbox") {
  AppUnderTest t;
  const auto lab = t.create_lab_pool();
  web::ApiClient& api = t.app->api();
  const std::string email = "alice@example.com";
  REQUIRE(api.call("SignUp", Json{{"ClientId", lab.client_id},
                                  {"Username", email},
                                  {"Password", "Passw0rd!"},
                                  {"UserAttributes", {{{"Name", "email"}, {"Value", email}}, {{"Name", "name"}, {"Value", "A"}}}}})
              .status == 200);
  const std::string code = api.peek("Sandbox.ListMessages", Json::object()).body["Messages"][0]["Code"];
  REQUIRE(api.call("ConfirmSignUp", Json{{"ClientId", lab.client_id}, {"Username", email}, {"ConfirmationCode", code}})
              .status == 200);

  // USER_SRP_AUTH as a client library does it: two round trips.
  const srp::Client client(lab.pool_id, t.account.random);
  const Response first = api.call("InitiateAuth", Json{{"ClientId", lab.client_id},
                                                      {"AuthFlow", "USER_SRP_AUTH"},
                                                      {"AuthParameters", {{"USERNAME", email}, {"SRP_A", client.srp_a()}}}});
  REQUIRE(first.status == 200);
  const Json& p = first.body["ChallengeParameters"];
  const std::string user_id = p["USER_ID_FOR_SRP"];
  const std::string timestamp = srp::format_timestamp(t.account.clock.now());
  const auto signature = client.password_claim_signature(user_id, "Passw0rd!", p["SRP_B"].get<std::string>(),
                                                         p["SALT"].get<std::string>(),
                                                         p["SECRET_BLOCK"].get<std::string>(), timestamp);
  REQUIRE(signature);
  REQUIRE(api.call("RespondToAuthChallenge",
                   Json{{"ClientId", lab.client_id},
                        {"ChallengeName", "PASSWORD_VERIFIER"},
                        {"ChallengeResponses", {{"USERNAME", user_id},
                                                {"PASSWORD_CLAIM_SECRET_BLOCK", p["SECRET_BLOCK"]},
                                                {"TIMESTAMP", timestamp},
                                                {"PASSWORD_CLAIM_SIGNATURE", *signature}}}})
              .status == 200);

  const auto flow = web::last_flow(api.log());
  const auto messages = web::sent_messages(api.peek("Sandbox.ListMessages", Json::object()).body);
  const auto steps = web::flow_steps(flow, messages);
  CHECK(labels(steps) == std::vector<std::string>{"SignUp", "email: verification code", "UserConfirmed: false",
                                                  "ConfirmSignUp", "200 OK",
                                                  "InitiateAuth (USER_SRP_AUTH)", "PASSWORD_VERIFIER",
                                                  "RespondToAuthChallenge (PASSWORD_VERIFIER)", "tokens"});
  REQUIRE(steps.size() == 9);
  CHECK((steps[0].from == Lane::kApp && steps[0].to == Lane::kPool));
  CHECK((steps[1].kind == FlowStep::Kind::kMessage && steps[1].from == Lane::kPool && steps[1].to == Lane::kInbox));
  CHECK((steps[2].from == Lane::kPool && steps[2].to == Lane::kApp));
  for (const auto& s : steps) CHECK_FALSE(s.is_error);
}

TEST_CASE("A failed request's response is an error labelled with its type") {
  std::deque<web::ApiLogEntry> log;
  log.push_back(entry(1, at_seconds(0), "InitiateAuth", 400, Json{{"__type", "NotAuthorizedException"}}));
  log.back().request = Json{{"AuthFlow", "USER_PASSWORD_AUTH"}};
  const auto steps = web::flow_steps(web::last_flow(log), {});
  REQUIRE(steps.size() == 2);
  CHECK(steps[0].label == "InitiateAuth (USER_PASSWORD_AUTH)");
  CHECK_FALSE(steps[0].is_error);
  CHECK(steps[1].label == "NotAuthorizedException");
  CHECK(steps[1].is_error);
}

TEST_CASE("A quiet spell of more than 15 minutes of virtual time starts a new flow") {
  std::deque<web::ApiLogEntry> log;
  log.push_back(entry(1, at_seconds(0), "SignUp"));
  log.push_back(entry(2, at_seconds(30), "ConfirmSignUp"));
  log.push_back(entry(3, at_seconds(40), "Sandbox.AdvanceClock"));  // the jump leaves the gap
  log.push_back(entry(4, at_seconds(40 + 3600), "InitiateAuth"));
  log.push_back(entry(5, at_seconds(40 + 3600 + 14 * 60), "RespondToAuthChallenge"));  // 14 minutes later: same flow
  CHECK(operations(web::last_flow(log)) == std::vector<std::string>{"InitiateAuth", "RespondToAuthChallenge"});
}

TEST_CASE("Sandbox.Reset ends the flow before it, and the sandbox's own calls are left out") {
  std::deque<web::ApiLogEntry> log;
  log.push_back(entry(1, at_seconds(0), "SignUp"));
  log.push_back(entry(2, at_seconds(1), "Sandbox.Reset"));
  log.push_back(entry(3, at_seconds(2), "CreateUserPool"));
  log.push_back(entry(4, at_seconds(3), "Sandbox.SetClock"));
  log.push_back(entry(5, at_seconds(4), "AWSCognitoIdentityProviderService.SignUp"));
  CHECK(operations(web::last_flow(log)) ==
        std::vector<std::string>{"CreateUserPool", "AWSCognitoIdentityProviderService.SignUp"});
}

TEST_CASE("The last flow keeps the most recent 12 exchanges") {
  std::deque<web::ApiLogEntry> log;
  for (std::uint64_t i = 1; i <= 20; ++i) log.push_back(entry(i, at_seconds(static_cast<double>(i)), "Op" + std::to_string(i)));
  const auto flow = web::last_flow(log);
  REQUIRE(flow.size() == web::kFlowMaxExchanges);
  CHECK(flow.front()->operation == "Op9");
  CHECK(flow.back()->operation == "Op20");
  CHECK(web::last_flow({}).empty());
}

TEST_CASE("Messages go to the request that sent them, one each when calls share a millisecond") {
  std::deque<web::ApiLogEntry> log;
  const Timestamp t = at_seconds(10);
  log.push_back(entry(1, t, "SignUp"));
  log.push_back(entry(2, t, "ConfirmSignUp"));
  log.push_back(entry(3, t, "SignUp"));
  log.push_back(entry(4, at_seconds(11), "AdminCreateUser"));
  const std::vector<web::SentMessage> messages = {
      message(7, at_seconds(1), "SignUp"),  // before the flow: another flow's
      message(8, t, "SignUp"),
      message(9, t, "SignUp"),
      message(10, at_seconds(11), "Invitation", "EMAIL"),
      message(11, at_seconds(11), "Invitation", "SMS"),
      message(12, at_seconds(11), "MFA", "SMS"),  // no request here sends MFA codes: not the app's
  };
  const auto steps = web::flow_steps(all_of(log), messages);
  CHECK(labels(steps) == std::vector<std::string>{
                             "SignUp", "email: verification code", "200 OK",
                             "ConfirmSignUp", "200 OK",
                             "SignUp", "email: verification code", "200 OK",
                             "AdminCreateUser", "email: invitation with a temporary password",
                             "SMS: invitation with a temporary password", "200 OK"});
  CHECK(steps[1].entry_id == 1);
  CHECK(steps[6].entry_id == 3);
}

TEST_CASE("Responses are labelled with their outcome") {
  CHECK(web::response_label(entry(1, kStart, "InitiateAuth", 200, Json{{"ChallengeName", "SMS_MFA"}})) == "SMS_MFA");
  CHECK(web::response_label(entry(1, kStart, "InitiateAuth", 200, Json{{"AuthenticationResult", Json::object()}})) ==
        "tokens");
  CHECK(web::response_label(entry(1, kStart, "ForgotPassword", 200,
                                  Json{{"CodeDeliveryDetails", {{"DeliveryMedium", "EMAIL"}}}})) ==
        "CodeDeliveryDetails (EMAIL)");
  CHECK(web::response_label(entry(1, kStart, "SignUp", 500, Json::array())) == "HTTP 500");
  CHECK(web::message_label(message(1, kStart, "MFA", "SMS")) == "SMS: MFA code");
}

TEST_CASE("A pool's picture names its clients, users, signing keys and hosted UI domain") {
  const Json pool = {{"UserPool",
                      {{"Id", "eu-west-1_AbCdEfGhI"}, {"Name", "kekepool"}, {"MfaConfiguration", "OPTIONAL"},
                       {"Domain", "keke"}, {"EstimatedNumberOfUsers", 7}}}};
  const Json clients = {{"UserPoolClients", {{{"ClientId", "1abc"}, {"ClientName", "web"}},
                                             {{"ClientId", "2def"}, {"ClientName", "mobile"}}}}};
  const Json users = {{"Users", {{{"Username", "0b9e-uuid"}, {"Attributes", {{{"Name", "email"}, {"Value", "a@x.org"}}}}},
                                 {{"Username", "bob"}}}},
                      {"PaginationToken", "next"}};
  const Json jwks = {{"keys", {{{"kid", "key-one"}}, {{"kid", "key-two"}}}}};
  const web::PoolPicture p = web::pool_picture(pool, clients, users, jwks);
  CHECK(p.pool_name == "kekepool");
  CHECK(p.mfa == "OPTIONAL");
  REQUIRE(p.clients.size() == 2);
  CHECK(p.clients[1].name == "mobile");
  CHECK(p.clients[1].id == "2def");
  CHECK(p.user_count == 7);
  CHECK(p.user_labels == std::vector<std::string>{"a@x.org", "bob"});
  CHECK(p.key_ids == std::vector<std::string>{"key-one", "key-two"});
  CHECK(p.domain == "keke.auth.eu-west-1.amazoncognito.com");

  // Without the pool's estimate, one page of users gives a lower bound.
  const web::PoolPicture q = web::pool_picture(Json{{"UserPool", {{"Id", "eu-west-1_AbCdEfGhI"}}}}, Json(), users, Json());
  CHECK(q.user_count == 2);
  CHECK(q.more_users);
  CHECK(q.domain.empty());
  CHECK(q.clients.empty());
}

TEST_CASE("The hosted UI's requests read as the HTTP requests they are: who sent them, the path, the parameters, where the answer sends the browser") {
  const Json authorize = {{"Domain", "demo"}, {"Method", "GET"},
                          {"Query", {{"client_id", "c"}, {"response_type", "code"}, {"redirect_uri", "https://app/cb"}, {"state", "s"},
                                     {"code_challenge", "x"}, {"code_challenge_method", "S256"}}}};
  web::ApiLogEntry e = entry(1, kStart, "HostedUI.Authorize", 200,
                             Json{{"Status", 302}, {"Location", "https://demo.auth.us-east-1.amazoncognito.com/login?client_id=c&state=s"}});
  e.request = authorize;
  CHECK(web::request_label(e) ==
        "GET /oauth2/authorize (client_id, response_type=code, redirect_uri, state, code_challenge, code_challenge_method=S256)");
  CHECK(web::response_label(e) == "302 to https://demo.auth.us-east-1.amazoncognito.com/login (client_id, state)");
  web::ApiLogEntry login = entry(2, kStart, "HostedUI.Login", 200, Json{{"Status", 302}, {"Location", "https://app/cb?code=abc&state=s"}});
  login.request = {{"Domain", "demo"}, {"Method", "POST"}, {"Form", {{"username", "jane"}, {"password", "secret"}, {"_csrf", "t"}}}};
  CHECK(web::request_label(login) == "POST /login (username)");
  CHECK(web::response_label(login) == "302 to https://app/cb (code, state)");
  web::ApiLogEntry token = entry(3, kStart, "HostedUI.Token", 200,
                                 Json{{"Status", 200}, {"ContentType", "application/json"}, {"Body", "{\"access_token\":\"x\"}"}});
  token.request = {{"Method", "POST"}, {"Form", {{"grant_type", "authorization_code"}, {"code", "abc"}, {"code_verifier", "v"}}}};
  CHECK(web::request_label(token) == "POST /oauth2/token (grant_type=authorization_code, code, code_verifier)");
  CHECK(web::response_label(token) == "200 tokens");
  web::ApiLogEntry refused = entry(4, kStart, "HostedUI.Token", 200,
                                   Json{{"Status", 400}, {"ContentType", "application/json"}, {"Body", "{\"error\":\"invalid_grant\"}"}});
  refused.request = token.request;
  CHECK(web::response_label(refused) == "400 invalid_grant");
  web::ApiLogEntry page = entry(5, kStart, "HostedUI.GetLoginPage", 200, Json{{"Status", 200}, {"ContentType", "text/html;charset=UTF-8"}});
  page.request = {{"Method", "GET"}};
  CHECK(web::response_label(page) == "200 page");

  // The dance on the diagram: the browser asks the pool's domain; the app
  // gets the browser at its callback, then asks the token endpoint itself.
  const std::vector<web::FlowStep> steps = web::flow_steps({&e, &login, &token}, {});
  REQUIRE(steps.size() == 7);
  using web::Lane;
  CHECK((steps[0].from == Lane::kBrowser && steps[0].to == Lane::kPool));    // GET /oauth2/authorize
  CHECK((steps[1].from == Lane::kPool && steps[1].to == Lane::kBrowser));    // 302 to /login: stays on the domain
  CHECK((steps[2].from == Lane::kBrowser && steps[2].to == Lane::kPool));    // POST /login
  CHECK((steps[3].from == Lane::kPool && steps[3].to == Lane::kBrowser));    // 302 to the callback ...
  CHECK((steps[4].from == Lane::kBrowser && steps[4].to == Lane::kApp));     // ... which the browser follows
  CHECK(steps[4].label == "GET https://app/cb (code, state)");
  CHECK((steps[5].from == Lane::kApp && steps[5].to == Lane::kPool));        // POST /oauth2/token
  CHECK((steps[6].from == Lane::kPool && steps[6].to == Lane::kApp));
  CHECK(web::uses_browser(steps));
  // The hosted forms send what the operations behind them send.
  CHECK(web::sends_message("HostedUI.SignUp", "SignUp"));
  CHECK(web::sends_message("HostedUI.Login", "MFA"));
  CHECK(web::sends_message("HostedUI.ForgotPassword", "ForgotPassword"));
  CHECK_FALSE(web::sends_message("HostedUI.GetLoginPage", "SignUp"));
}

TEST_CASE("A federated sign-in has a fifth lifeline: the browser at the provider's pages, the pool calling the provider behind them") {
  web::ApiLogEntry authorize = entry(1, kStart, "HostedUI.Authorize", 200,
                                     Json{{"Status", 302}, {"Location", "https://accounts.google.com/o/oauth2/v2/auth?client_id=g&state=s"}});
  authorize.request = {{"Domain", "demo"}, {"Method", "GET"}, {"Query", {{"client_id", "c"}, {"identity_provider", "Google"}}}};
  web::ApiLogEntry page = entry(2, kStart, "SimulatedIdP.GetSignInPage", 200, Json{{"Status", 200}, {"ContentType", "text/html;charset=UTF-8"}});
  page.request = {{"Url", "https://accounts.google.com/o/oauth2/v2/auth"}, {"Method", "GET"}, {"Query", {{"client_id", "g"}, {"state", "s"}}}};
  web::ApiLogEntry signin = entry(3, kStart, "SimulatedIdP.SignIn", 200,
                                  Json{{"Status", 302}, {"Location", "https://demo.auth.us-east-1.amazoncognito.com/oauth2/idpresponse?code=x&state=s"}});
  signin.request = {{"Url", "https://accounts.google.com/o/oauth2/v2/auth"}, {"Method", "POST"}, {"Form", {{"email", "j@example.com"}}}};
  web::ApiLogEntry back = entry(4, kStart, "HostedUI.IdpResponse", 200, Json{{"Status", 302}, {"Location", "https://app/cb?code=c&state=a"}});
  back.request = {{"Domain", "demo"}, {"Method", "GET"}, {"Query", {{"code", "x"}, {"state", "s"}}}};

  CHECK(web::request_label(page) == "GET https://accounts.google.com/o/oauth2/v2/auth (client_id, state)");
  CHECK(web::response_label(signin) == "302 to https://demo.auth.us-east-1.amazoncognito.com/oauth2/idpresponse (code, state)");
  CHECK(web::request_label(back) == "GET /oauth2/idpresponse (code, state)");
  const std::vector<web::FlowStep> steps = web::flow_steps({&authorize, &page, &signin, &back}, {});
  REQUIRE(steps.size() == 11);
  CHECK((steps[0].from == Lane::kBrowser && steps[0].to == Lane::kPool));      // GET /oauth2/authorize
  CHECK((steps[1].from == Lane::kPool && steps[1].to == Lane::kBrowser));      // 302 to Google: not an arrow to the app
  CHECK((steps[2].from == Lane::kBrowser && steps[2].to == Lane::kProvider));  // Google's sign-in page
  CHECK((steps[3].from == Lane::kProvider && steps[3].to == Lane::kBrowser));
  CHECK((steps[4].from == Lane::kBrowser && steps[4].to == Lane::kProvider));  // the form
  CHECK((steps[5].from == Lane::kProvider && steps[5].to == Lane::kBrowser));  // 302 to /oauth2/idpresponse
  CHECK((steps[6].from == Lane::kBrowser && steps[6].to == Lane::kPool));      // /oauth2/idpresponse
  CHECK((steps[7].from == Lane::kPool && steps[7].to == Lane::kProvider));     // the back channel
  CHECK((steps[8].from == Lane::kProvider && steps[8].to == Lane::kPool));
  CHECK((steps[9].from == Lane::kPool && steps[9].to == Lane::kBrowser));      // 302 to the app ...
  CHECK((steps[10].from == Lane::kBrowser && steps[10].to == Lane::kApp));     // ... which the browser follows
  CHECK(web::uses_provider(steps));
  CHECK(web::lane_name(Lane::kProvider) == std::string("Identity provider"));
}
