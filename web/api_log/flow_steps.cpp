#include "web/api_log/flow_steps.h"

#include <algorithm>
#include <optional>

#include "core/http/provider_routes.h"
#include "core/tokens/well_known.h"
#include "web/api_log/api_log_format.h"

namespace userpool::web {
namespace {

constexpr std::string_view kProviderPrefix = "SimulatedIdP.";

bool is_one_of(std::string_view value, std::initializer_list<std::string_view> options) {
  return std::find(options.begin(), options.end(), value) != options.end();
}

// A member of an object, or null when `object` is not an object or lacks it.
const Json& member(const Json& object, const char* name) {
  static const Json kNull;
  if (!object.is_object()) return kNull;
  const auto it = object.find(name);
  return it != object.end() ? *it : kNull;
}

const char* purpose_text(std::string_view purpose) {
  if (purpose == "SignUp" || purpose == "ResendCode") return "verification code";
  if (purpose == "ForgotPassword") return "password reset code";
  if (purpose == "AttributeVerification") return "attribute verification code";
  if (purpose == "MFA") return "MFA code";
  if (purpose == "Invitation") return "invitation with a temporary password";
  return "message";
}

// The hosted UI's operations as the requests they are: who sends them (the
// browser, or the app itself for the back-channel endpoints) and the path.
struct HostedRoute {
  std::string_view operation, path;
  bool from_app;
};
constexpr HostedRoute kHostedRoutes[] = {
    {"Authorize", "/oauth2/authorize", false}, {"GetLoginPage", "/login", false}, {"Login", "/login", false},
    {"GetSignUpPage", "/signup", false}, {"SignUp", "/signup", false}, {"GetConfirmUserPage", "/confirmUser", false},
    {"ConfirmUser", "/confirmUser", false}, {"RespondToChallenge", "/mfa", false}, {"GetForgotPasswordPage", "/forgotPassword", false},
    {"ForgotPassword", "/forgotPassword", false}, {"GetConfirmForgotPasswordPage", "/confirmForgotPassword", false},
    {"ConfirmForgotPassword", "/confirmForgotPassword", false}, {"GetErrorPage", "/error", false},
    {"Logout", "/logout", false}, {"Token", "/oauth2/token", true}, {"GetUserInfo", "/oauth2/userInfo", true},
    {"Revoke", "/oauth2/revoke", true}, {"IdpResponse", "/oauth2/idpresponse", false},
    {"SamlResponse", "/saml2/idpresponse", false}};

const HostedRoute* hosted_route(std::string_view op) {
  if (!op.starts_with("HostedUI.")) return nullptr;
  op.remove_prefix(9);
  for (const HostedRoute& r : kHostedRoutes)
    if (r.operation == op) return &r;
  return nullptr;
}

// The parameters a hosted request carried, by name (values only where they
// say which way the flow goes; never a password, code or token).
std::string hosted_parameters(const Json& request) {
  std::string out;
  for (const char* part : {"Query", "Form"}) {
    const Json& values = member(request, part);
    if (!values.is_object()) continue;
    for (const auto& [name, value] : values.items()) {
      if (name == "_csrf" || name == "password" || name.starts_with("requiredAttributes")) continue;
      std::string shown = name;
      if ((name == "response_type" || name == "grant_type" || name == "code_challenge_method") && value.is_string())
        shown += "=" + value.get<std::string>();
      out += (out.empty() ? "" : ", ") + shown;
    }
  }
  return out;
}

// The names of a URL's query (or fragment) parameters: "code, state".
std::string parameter_names(std::string_view url) {
  const auto cut = url.find_first_of("?#");
  std::string names;
  if (cut == std::string_view::npos) return names;
  std::string_view rest = url.substr(cut + 1);
  while (!rest.empty()) {
    const auto amp = rest.find('&');
    const std::string_view piece = rest.substr(0, amp);
    names += (names.empty() ? "" : ", ") + std::string(piece.substr(0, piece.find('=')));
    rest = amp == std::string_view::npos ? std::string_view{} : rest.substr(amp + 1);
  }
  return names;
}

std::string hosted_response_label(const ApiLogEntry& entry) {
  const Json& body = entry.response;
  const int status = member(body, "Status").is_number_integer() ? member(body, "Status").get<int>() : entry.status;
  const std::string location = text_member(body, "Location");
  if (!location.empty()) {
    const auto cut = location.find_first_of("?#");
    const std::string names = parameter_names(location);
    return std::to_string(status) + " to " + location.substr(0, cut) + (names.empty() ? "" : " (" + names + ")");
  }
  const std::string content = text_member(body, "ContentType");
  if (content.starts_with("text/html")) return std::to_string(status) + " page";
  const std::string text = text_member(body, "Body");
  if (text.find("\"access_token\"") != std::string::npos) return std::to_string(status) + " tokens";
  if (text.find("\"error\"") != std::string::npos) {
    const Json error = Json::parse(text, nullptr, false);
    if (error.is_object()) return std::to_string(status) + " " + text_member(error, "error");
  }
  return std::to_string(status);
}

// The path of a URL: "https://host/a/b?x" -> "/a/b".
std::string url_path(std::string_view url) {
  const auto scheme = url.find("://");
  const auto slash = url.find('/', scheme == std::string_view::npos ? 0 : scheme + 3);
  if (slash == std::string_view::npos) return "/";
  return std::string(url.substr(slash, url.find_first_of("?#", slash) - slash));
}

// Whether a URL is a simulated identity provider's page (its own request
// in the log draws the browser's arrow to it).
bool is_provider_url(std::string_view url) { return !provider_operation("GET", url_path(url)).empty(); }

// The browser's next request when a hosted answer sends it off the pool's
// domain (to the app's callback or sign-out URL): "GET <url> (code, state)",
// or nothing when the redirect stays on the domain (the next page) or goes
// to an identity provider.
std::optional<std::string> redirect_to_app(const ApiLogEntry& entry) {
  const std::string location = text_member(entry.response, "Location");
  const std::string domain = text_member(entry.request, "Domain");
  if (location.empty() || domain.empty() || location.find(domain) != std::string::npos || is_provider_url(location))
    return std::nullopt;
  const auto cut = location.find_first_of("?#");
  const std::string names = parameter_names(location);
  return "GET " + location.substr(0, cut) + (names.empty() ? "" : " (" + names + ")");
}

}  // namespace

// --- The last flow -----------------------------------------------------------

std::vector<const ApiLogEntry*> last_flow(const std::deque<ApiLogEntry>& log) {
  std::vector<const ApiLogEntry*> flow;  // newest first while collecting
  const ApiLogEntry* newer = nullptr;    // the entry after the one looked at, sandbox operations included
  for (auto it = log.rbegin(); it != log.rend(); ++it) {
    const std::string_view op = plain_operation(it->operation);
    if (op == "Sandbox.Reset" || op == "Sandbox.ImportState") break;
    if (newer != nullptr && newer->time - it->time > kFlowGap) break;
    newer = &*it;
    if (is_sandbox_operation(op)) continue;
    flow.push_back(&*it);
    if (flow.size() == kFlowMaxExchanges) break;
  }
  std::reverse(flow.begin(), flow.end());
  return flow;
}

// --- Messages ----------------------------------------------------------------

std::vector<SentMessage> sent_messages(const Json& list_messages_response) {
  std::vector<SentMessage> out;
  const Json& list = member(list_messages_response, "Messages");
  if (!list.is_array()) return out;
  for (const Json& m : list) {
    const Json& id = member(m, "MessageId");
    const Json& time = member(m, "Time");
    if (!id.is_number_unsigned() || !time.is_number()) continue;
    SentMessage s;
    s.id = id.get<std::uint64_t>();
    // Times come as epoch seconds with a millisecond fraction; round to the
    // millisecond they were made from.
    s.time = from_epoch_millis(static_cast<std::int64_t>(time.get<double>() * 1000.0 + 0.5));
    s.medium = text_member(m, "Medium");
    s.purpose = text_member(m, "Purpose");
    s.destination = text_member(m, "Destination");
    out.push_back(std::move(s));
  }
  // ListMessages answers newest first; the diagram reads oldest first.
  std::sort(out.begin(), out.end(), [](const SentMessage& a, const SentMessage& b) { return a.id < b.id; });
  return out;
}

bool sends_message(std::string_view operation, std::string_view purpose) {
  std::string_view op = plain_operation(operation);
  // A hosted page's form calls the pool's own operation behind it.
  if (op == "HostedUI.SignUp") op = "SignUp";
  if (op == "HostedUI.ForgotPassword") op = "ForgotPassword";
  if (op == "HostedUI.Login") op = "InitiateAuth";
  if (op == "HostedUI.RespondToChallenge") op = "RespondToAuthChallenge";
  if (purpose == "SignUp") return op == "SignUp";
  if (purpose == "ResendCode") return op == "ResendConfirmationCode";
  if (purpose == "Invitation") return op == "AdminCreateUser";
  if (purpose == "ForgotPassword") return is_one_of(op, {"ForgotPassword", "AdminResetUserPassword"});
  if (purpose == "AttributeVerification")
    return is_one_of(op, {"UpdateUserAttributes", "AdminUpdateUserAttributes", "GetUserAttributeVerificationCode"});
  if (purpose == "MFA")
    return is_one_of(op, {"InitiateAuth", "AdminInitiateAuth", "RespondToAuthChallenge", "AdminRespondToAuthChallenge"});
  // A purpose not listed here: any call that may change something.
  return !is_sandbox_operation(op) && !is_read_only(op);
}

// --- Diagram steps -------------------------------------------------------------

const char* lane_name(Lane lane) {
  switch (lane) {
    case Lane::kBrowser: return "Browser";
    case Lane::kApp: return "Your app";
    case Lane::kPool: return "User pool";
    case Lane::kProvider: return "Identity provider";
    case Lane::kInbox: return "Inbox";
  }
  return "";
}

std::string request_label(const ApiLogEntry& entry) {
  const std::string op(plain_operation(entry.operation));
  // A simulated provider's page or endpoint: the HTTP request, at the provider's own address.
  if (op.starts_with(kProviderPrefix)) {
    const std::string url = text_member(entry.request, "Url");
    const std::string parameters = hosted_parameters(entry.request);
    return text_member(entry.request, "Method") + " " + url.substr(0, url.find_first_of("?#")) +
           (parameters.empty() ? "" : " (" + parameters + ")");
  }
  // A hosted UI request: the HTTP request the browser (or the app) made.
  if (const HostedRoute* route = hosted_route(op)) {
    const std::string parameters = hosted_parameters(entry.request);
    std::string label = text_member(entry.request, "Method") + " " + std::string(route->path) +
                        (parameters.empty() ? "" : " (" + parameters + ")");
    if (!entry.made_by.empty()) label += "  [" + entry.made_by + "]";
    return label;
  }
  // The parameter that says which way the call goes.
  std::string detail;
  if (op == "InitiateAuth" || op == "AdminInitiateAuth") detail = text_member(entry.request, "AuthFlow");
  if (op == "RespondToAuthChallenge" || op == "AdminRespondToAuthChallenge")
    detail = text_member(entry.request, "ChallengeName");
  std::string label = detail.empty() ? op : op + " (" + detail + ")";
  // Calls a lesson made (its set-up, "Do it for me") say so.
  if (!entry.made_by.empty()) label += "  [" + entry.made_by + "]";
  return label;
}

std::string response_label(const ApiLogEntry& entry) {
  const std::string_view op = plain_operation(entry.operation);
  if (entry.status == 200 && (hosted_route(op) != nullptr || op.starts_with(kProviderPrefix))) return hosted_response_label(entry);
  if (entry.status != 200) return error_type(entry);
  const Json& body = entry.response;
  if (std::string challenge = text_member(body, "ChallengeName"); !challenge.empty()) return challenge;
  if (member(body, "AuthenticationResult").is_object()) return "tokens";
  if (const Json& confirmed = member(body, "UserConfirmed"); confirmed.is_boolean())
    return std::string("UserConfirmed: ") + (confirmed.get<bool>() ? "true" : "false");
  if (const Json& details = member(body, "CodeDeliveryDetails"); details.is_object())
    return "CodeDeliveryDetails (" + text_member(details, "DeliveryMedium") + ")";
  if (member(body, "SecretCode").is_string()) return "SecretCode";
  if (std::string status = text_member(body, "Status"); !status.empty()) return "Status: " + status;
  return "200 OK";
}

std::string message_label(const SentMessage& message) {
  return std::string(message.medium == "SMS" ? "SMS: " : "email: ") + purpose_text(message.purpose);
}

std::vector<FlowStep> flow_steps(const std::vector<const ApiLogEntry*>& flow, const std::vector<SentMessage>& messages) {
  const std::size_t n = flow.size();
  std::vector<std::vector<const SentMessage*>> sent_by(n);
  std::size_t earliest = 0;  // messages go to requests in order: never to one before the last message's
  for (const SentMessage& m : messages) {
    std::optional<std::size_t> first_free, first_busy;
    for (std::size_t i = earliest; i < n; ++i) {
      const ApiLogEntry& e = *flow[i];
      if (e.time > m.time) break;                                 // started after the message was sent
      if (i + 1 < n && flow[i + 1]->time < m.time) continue;      // had finished before it was sent
      if (e.status != 200 || !sends_message(e.operation, m.purpose)) continue;
      if (sent_by[i].empty()) {
        first_free = i;
        break;
      }
      if (!first_busy) first_busy = i;
    }
    // One message each first; a request that sent two (an invitation by
    // email and SMS) gets the second when no other can have sent it.
    const std::optional<std::size_t> pick = first_free ? first_free : first_busy;
    if (!pick) continue;
    sent_by[*pick].push_back(&m);
    earliest = *pick;
  }

  std::vector<FlowStep> steps;
  for (std::size_t i = 0; i < n; ++i) {
    const ApiLogEntry& e = *flow[i];
    const std::string_view op = plain_operation(e.operation);
    if (op.starts_with(kProviderPrefix)) {
      steps.push_back({FlowStep::Kind::kRequest, Lane::kBrowser, Lane::kProvider, request_label(e), false, e.time, e.id});
      steps.push_back({FlowStep::Kind::kResponse, Lane::kProvider, Lane::kBrowser, response_label(e), e.status != 200, e.time, e.id});
      continue;
    }
    const HostedRoute* route = hosted_route(op);
    const Lane caller = route != nullptr && !route->from_app ? Lane::kBrowser : Lane::kApp;
    steps.push_back({FlowStep::Kind::kRequest, caller, Lane::kPool, request_label(e), false, e.time, e.id});
    // At /oauth2/idpresponse with a code, Cognito calls the provider before it answers.
    const Json& query = member(e.request, "Query");
    const Json& form = member(e.request, "Form");
    if (op == "HostedUI.IdpResponse" && (member(query, "code").is_string() || member(form, "code").is_string())) {
      steps.push_back({FlowStep::Kind::kRequest, Lane::kPool, Lane::kProvider, "POST token endpoint (code); keys, user info", false, e.time, e.id});
      steps.push_back({FlowStep::Kind::kResponse, Lane::kProvider, Lane::kPool, "tokens, keys, profile", false, e.time, e.id});
    }
    // The pool sends while it handles the request, before it answers.
    for (const SentMessage* m : sent_by[i])
      steps.push_back({FlowStep::Kind::kMessage, Lane::kPool, Lane::kInbox, message_label(*m), false, m->time, e.id});
    steps.push_back({FlowStep::Kind::kResponse, Lane::kPool, caller, response_label(e), e.status != 200, e.time, e.id});
    if (route != nullptr && e.status == 200)
      if (auto to_app = redirect_to_app(e)) steps.push_back({FlowStep::Kind::kRequest, Lane::kBrowser, Lane::kApp, *to_app, false, e.time, e.id});
  }
  return steps;
}

bool uses_provider(const std::vector<FlowStep>& steps) {
  return std::any_of(steps.begin(), steps.end(), [](const FlowStep& s) { return s.from == Lane::kProvider || s.to == Lane::kProvider; });
}

bool uses_browser(const std::vector<FlowStep>& steps) {
  return std::any_of(steps.begin(), steps.end(), [](const FlowStep& s) { return s.from == Lane::kBrowser || s.to == Lane::kBrowser; });
}

// --- Architecture picture ------------------------------------------------------

PoolPicture pool_picture(const Json& describe_user_pool, const Json& list_clients, const Json& list_users,
                         const Json& jwks) {
  PoolPicture p;
  const Json& pool = member(describe_user_pool, "UserPool");
  p.pool_id = text_member(pool, "Id");
  p.pool_name = text_member(pool, "Name");
  p.mfa = text_member(pool, "MfaConfiguration");
  if (std::string prefix = text_member(pool, "Domain"); !prefix.empty() && !p.pool_id.empty())
    p.domain = prefix + ".auth." + region_of(p.pool_id) + ".amazoncognito.com";

  if (const Json& clients = member(list_clients, "UserPoolClients"); clients.is_array())
    for (const Json& c : clients) p.clients.push_back({text_member(c, "ClientName"), text_member(c, "ClientId")});
  p.more_clients = member(list_clients, "NextToken").is_string();

  if (const Json& users = member(list_users, "Users"); users.is_array()) {
    for (const Json& u : users) {
      std::string label = text_member(u, "Username");
      if (const Json& attributes = member(u, "Attributes"); attributes.is_array())
        for (const Json& a : attributes)
          if (text_member(a, "Name") == "email") label = text_member(a, "Value");
      p.user_labels.push_back(std::move(label));
    }
    p.user_count = static_cast<long long>(users.size());
  }
  // The pool's own count when it gives one; else what one page of ListUsers
  // showed, with a "+" when there are more.
  if (const Json& estimate = member(pool, "EstimatedNumberOfUsers"); estimate.is_number_integer())
    p.user_count = estimate.get<long long>();
  else
    p.more_users = member(list_users, "PaginationToken").is_string();

  if (const Json& keys = member(jwks, "keys"); keys.is_array())
    for (const Json& k : keys)
      if (std::string kid = text_member(k, "kid"); !kid.empty()) p.key_ids.push_back(std::move(kid));
  return p;
}

}  // namespace userpool::web
