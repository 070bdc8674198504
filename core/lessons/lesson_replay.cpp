#include "core/lessons/lesson_replay.h"

#include "core/tokens/jwt.h"
#include "core/lessons/lesson_pointer.h"
#include "core/lessons/lesson_template.h"
#include "core/client/hosted_ui_browser.h"
#include "core/client/machine_token.h"
#include "core/client/sign_in.h"
#include "core/tokens/token_inspection.h"

namespace userpool::lessons {
namespace {

using Outcome = tl::expected<void, std::string>;

std::string text_at(const Json& document, const std::vector<std::string>& pointer) {
  const Json* value = find_pointer(document, pointer);
  return value && value->is_string() ? value->get<std::string>() : std::string();
}

// A recorded call that must answer 200; its answer is remembered for
// {{last:...}}.
tl::expected<Json, std::string> call_recorded(const LessonContext& ctx, std::string_view operation, const Json& request) {
  Response r = ctx.act(operation, request);
  if (r.status != 200) return tl::unexpected(describe_failure(operation, r));
  ctx.memory.remember(operation, r.body);
  return std::move(r.body);
}

// The user pool a token was issued by, from its iss claim.
std::string pool_of_token(const std::string& token) {
  const auto decoded = decode_jwt(token);
  if (!decoded) return {};
  const std::string issuer = text_at(decoded->payload, {"iss"});
  return user_pool_id_from_issuer(issuer).value_or(std::string());
}

// An answer with an AuthenticationResult hands its tokens to the app: they
// become the session. A refresh answers without a new refresh token, so the
// one the session has is kept.
void adopt_tokens(const LessonContext& ctx, const Json& request, const Json& answer) {
  const Json* result = find_pointer(answer, {"AuthenticationResult"});
  if (!result || !result->is_object()) return;
  const std::string access = text_at(*result, {"AccessToken"});
  if (access.empty()) return;
  LessonSession& s = ctx.session;
  // Who signed in, as the app knows them: the USERNAME it sent, if it sent one.
  std::string username = text_at(request, {"AuthParameters", "USERNAME"});
  if (username.empty()) username = text_at(request, {"ChallengeResponses", "USERNAME"});
  if (username.empty() && s.username.empty()) {
    if (const auto decoded = decode_jwt(access)) username = text_at(decoded->payload, {"username"});
  }
  if (!username.empty()) s.username = username;
  s.access_token = access;
  s.id_token = text_at(*result, {"IdToken"});
  if (std::string refresh = text_at(*result, {"RefreshToken"}); !refresh.empty()) s.refresh_token = refresh;
  if (std::string client = text_at(request, {"ClientId"}); !client.empty()) s.client_id = client;
  if (std::string pool = pool_of_token(access); !pool.empty()) s.pool_id = pool;
}

Outcome run_call(const Action& action, const LessonContext& ctx) {
  const auto request = resolve_templates(action.request, ctx);
  if (!request) return tl::unexpected(request.error());
  if (!action.expect.empty()) {
    // A refusal the lesson wants the learner to see; recorded like any call.
    const Response r = ctx.act(action.operation, *request);
    const std::string type = r.status == 200 ? "" : r.body.value("__type", "");
    if (type == action.expect) return {};
    return tl::unexpected(std::string(action.operation) + " was to answer " + action.expect + ", but " +
                          (r.status == 200 ? "it succeeded" : "answered " + type + ": " + r.body.value("message", "")));
  }
  const auto answer = call_recorded(ctx, action.operation, *request);
  if (!answer) return tl::unexpected(answer.error());
  adopt_tokens(ctx, *request, *answer);
  return {};
}

// The app client's keys, as the app holds them (its secret, if it has one).
client::AppClientKeys keys_of(const LessonContext& ctx, const std::string& pool_id, const std::string& client_id) {
  const Response r = ctx.read("DescribeUserPoolClient", Json{{"UserPoolId", pool_id}, {"ClientId", client_id}});
  return {pool_id, client_id, r.status == 200 ? text_at(r.body, {"UserPoolClient", "ClientSecret"}) : std::string()};
}

// InitiateAuth and, for SRP, the PASSWORD_VERIFIER answer a client library
// computes (core/client/sign_in.h). Returns the last answer.
tl::expected<Json, std::string> sign_in_calls(const SignIn& s, const LessonContext& ctx, const std::string& pool_id,
                                              const std::string& client_id) {
  const client::AppClientKeys app = keys_of(ctx, pool_id, client_id);
  if (s.flow == "USER_PASSWORD_AUTH")
    return call_recorded(ctx, "InitiateAuth", client::password_auth_request(app, s.username, s.password));
  // The client's secret `a` is new for every sign-in, as a client library makes it.
  const client::SrpSignIn srp(app, secure_random());
  const auto first = call_recorded(ctx, "InitiateAuth", srp.initiate_auth_request(s.username));
  if (!first) return first;
  // The app signs with its own clock: here it lives in the sandbox, on its virtual time.
  const auto answer = srp.password_verifier_request(*first, s.password, virtual_now(ctx.door));
  if (!answer) return tl::unexpected(answer.error());
  return call_recorded(ctx, "RespondToAuthChallenge", *answer);
}

// A sign-in's user name or password, which may be a template (the
// temporary password of an invitation: {{code:<address>}}).
tl::expected<std::string, std::string> resolved_text(const std::string& text, const LessonContext& ctx) {
  const auto value = resolve_templates(Json(text), ctx);
  if (!value) return tl::unexpected(value.error());
  if (!value->is_string()) return tl::unexpected(text + " is not text");
  return value->get<std::string>();
}

Outcome run_sign_in(const SignIn& written, const LessonContext& ctx) {
  SignIn s = written;
  for (std::string* field : {&s.username, &s.password}) {
    auto text = resolved_text(*field, ctx);
    if (!text) return tl::unexpected(text.error());
    *field = std::move(*text);
  }
  const auto pool_id = resolve_reference("pool:" + s.pool, ctx);
  if (!pool_id) return tl::unexpected(pool_id.error());
  const auto client_id = resolve_reference("client:" + s.pool + "/" + s.client, ctx);
  if (!client_id) return tl::unexpected(client_id.error());
  auto answer = sign_in_calls(s, ctx, pool_id->get<std::string>(), client_id->get<std::string>());
  if (!answer) return tl::unexpected(answer.error());
  // A first sign-in with a temporary password, answered as the app's form would.
  if (text_at(*answer, {"ChallengeName"}) == "NEW_PASSWORD_REQUIRED" && !s.new_password.empty()) {
    const client::AppClientKeys app = keys_of(ctx, pool_id->get<std::string>(), client_id->get<std::string>());
    std::string user = text_at(*answer, {"ChallengeParameters", "USER_ID_FOR_SRP"});
    if (user.empty()) user = s.username;
    Json responses = {{"USERNAME", user}, {"NEW_PASSWORD", s.new_password}};
    for (const auto& [name, value] : s.attributes) responses["userAttributes." + name] = value;
    client::add_secret_hash(responses, app, user);
    const Json request = {{"ClientId", app.client_id}, {"ChallengeName", "NEW_PASSWORD_REQUIRED"},
                          {"Session", text_at(*answer, {"Session"})}, {"ChallengeResponses", responses}};
    answer = call_recorded(ctx, "RespondToAuthChallenge", request);
    if (!answer) return tl::unexpected(answer.error());
  }
  if (!find_pointer(*answer, {"AuthenticationResult", "AccessToken"})) {
    const std::string challenge = text_at(*answer, {"ChallengeName"});
    return tl::unexpected("the sign-in ended with the " + (challenge.empty() ? std::string("unknown") : challenge) +
                          " challenge instead of tokens (answer challenges with Call actions)");
  }
  ctx.session.sign_out();
  adopt_tokens(ctx, Json{{"ClientId", *client_id}, {"AuthParameters", {{"USERNAME", s.username}}}}, *answer);
  return {};
}

// The lesson's door for a browser: its calls recorded as made by the lesson.
class LessonDoor final : public Door {
 public:
  explicit LessonDoor(Door& door) : door_(door) {}
  Response call(std::string_view operation, const Json& request, const CallOptions& options = {}) override {
    CallOptions mine = options;
    if (mine.record && mine.made_by.empty()) mine.made_by = kMadeByLesson;
    return door_.call(operation, request, mine);
  }

 private:
  Door& door_;
};

// Through the hosted pages as a learner in a browser: the page's form filled
// in and sent until the browser is back at the app, which has exchanged the
// code for tokens. A page with no form to send is where it stopped.
Outcome run_hosted_sign_in(const HostedSignIn& h, const LessonContext& ctx) {
  const auto pool_id = resolve_reference("pool:" + h.pool, ctx);
  if (!pool_id) return tl::unexpected(pool_id.error());
  const auto client_id = resolve_reference("client:" + h.pool + "/" + h.client, ctx);
  if (!client_id) return tl::unexpected(client_id.error());
  LessonDoor door(ctx.door);
  auto start = HostedUiBrowser::start_for(door, pool_id->get<std::string>(), client_id->get<std::string>());
  if (!start) return tl::unexpected("HostedSignIn cannot start: " + start.error());
  start->identity_provider = h.provider;
  HostedUiBrowser browser(door);
  browser.start(*start);
  // The sign-in page, then at most a provider's sign-in, consent and a page that posts on.
  for (int page = 0; page < 6 && !browser.at_app(); ++page) {
    UrlParams typed;
    if (!browser.post_form()) break;
    const std::string& html = browser.page();
    if (html.find("name=\"password\"") != std::string::npos && h.provider.empty())
      typed = {{"username", h.username}, {"password", h.password}};
    else if (html.find("type=\"email\"") != std::string::npos && !h.provider.empty())
      typed = {{"email", h.email}, {"name", h.name}};
    browser.submit(typed);
  }
  if (!browser.at_app())
    return tl::unexpected("the hosted sign-in stopped at " + browser.url() + " (HTTP " + std::to_string(browser.status()) +
                          ") instead of coming back to the app");
  const AppCallback& c = *browser.callback();
  if (!c.error.empty()) return tl::unexpected("the app was sent back with error " + c.error + ": " + c.error_description);
  const std::string access = c.tokens.value("access_token", std::string());
  if (c.token_status != 200 || access.empty())
    return tl::unexpected("the token endpoint answered HTTP " + std::to_string(c.token_status) + " " + c.tokens.dump());
  LessonSession& s = ctx.session;
  s.sign_out();
  s.pool_id = pool_id->get<std::string>();
  s.client_id = client_id->get<std::string>();
  s.id_token = c.tokens.value("id_token", std::string());
  s.access_token = access;
  s.refresh_token = c.tokens.value("refresh_token", std::string());
  if (const auto decoded = decode_jwt(access)) s.username = text_at(decoded->payload, {"username"});
  return {};
}

// The client_credentials grant, as a back-end service asks for its own
// token: the app client's ID and secret at the pool's token endpoint.
Outcome run_machine_token(const MachineToken& m, const LessonContext& ctx) {
  const auto pool_id = resolve_reference("pool:" + m.pool, ctx);
  if (!pool_id) return tl::unexpected(pool_id.error());
  const auto client_id = resolve_reference("client:" + m.pool + "/" + m.client, ctx);
  if (!client_id) return tl::unexpected(client_id.error());
  const Response pool = ctx.read("DescribeUserPool", {{"UserPoolId", *pool_id}});
  const Response client = ctx.read("DescribeUserPoolClient", {{"UserPoolId", *pool_id}, {"ClientId", *client_id}});
  if (pool.status != 200) return tl::unexpected(describe_failure("DescribeUserPool", pool));
  if (client.status != 200) return tl::unexpected(describe_failure("DescribeUserPoolClient", client));
  const HostedSite site = hosted_site_of(pool_id->get<std::string>(), pool.body.value("UserPool", Json::object()));
  if (site.domain.empty()) return tl::unexpected("user pool " + m.pool + " has no domain, so no token endpoint");
  LessonDoor door(ctx.door);
  const auto answer = request_machine_token(door, site.domain, client_id->get<std::string>(),
                                            text_at(client.body, {"UserPoolClient", "ClientSecret"}), m.scope);
  if (!answer) return tl::unexpected(describe_failure("HostedUI.Token", answer.error()));
  ctx.memory.remember("HostedUI.Token", answer->response);
  if (answer->access_token.empty())
    return tl::unexpected("the token endpoint answered HTTP " + std::to_string(answer->status) + " " +
                          answer->response.value("Body", std::string()));
  ctx.session.machine_client_id = client_id->get<std::string>();
  ctx.session.machine_token = answer->access_token;
  return {};
}

}  // namespace

std::string action_label(const Action& action) {
  switch (action.kind) {
    case Action::Kind::kCall: return action.operation;
    case Action::Kind::kSignIn: return "SignIn";
    case Action::Kind::kHostedSignIn: return "HostedSignIn";
    case Action::Kind::kMachineToken: return "MachineToken";
    case Action::Kind::kSignOut: return "SignOut";
  }
  return "action";
}

tl::expected<void, std::string> run_action(const Action& action, const LessonContext& ctx) {
  try {
    switch (action.kind) {
      case Action::Kind::kCall: return run_call(action, ctx);
      case Action::Kind::kSignIn: return run_sign_in(action.sign_in, ctx);
      case Action::Kind::kHostedSignIn: return run_hosted_sign_in(action.hosted_sign_in, ctx);
      case Action::Kind::kMachineToken: return run_machine_token(action.machine_token, ctx);
      case Action::Kind::kSignOut: ctx.session.sign_out(); return {};
    }
    return tl::unexpected(std::string("unknown action"));
  } catch (const std::exception& e) {
    // The dispatcher answers its own faults; this is one of the replay's
    // (no randomness for SRP, ...).
    return tl::unexpected(std::string("the action could not run: ") + e.what());
  }
}

tl::expected<void, std::string> replay(const std::vector<Action>& actions, const LessonContext& ctx,
                                       std::string_view list_name) {
  for (std::size_t i = 0; i < actions.size(); ++i) {
    if (auto done = run_action(actions[i], ctx); !done)
      return tl::unexpected(std::string(list_name) + "[" + std::to_string(i + 1) + "] (" + action_label(actions[i]) +
                            "): " + done.error());
  }
  return {};
}

}  // namespace userpool::lessons
