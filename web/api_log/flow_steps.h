// The flow view's model, without ImGui: which API log entries make up "the
// last flow", the arrows of its sequence diagram (requests from the app to
// the pool, the pool's responses, the messages it sent to the inbox), and
// the pieces of a pool for the architecture picture. Kept apart from the
// drawing (web/api_log/flow_panel.cpp) so tests can check it directly.
#pragma once

#include <chrono>
#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include "core/base/clock.h"
#include "core/base/json.h"
#include "web/shell/api_client.h"

namespace userpool::web {

// --- The last flow -----------------------------------------------------------

// A quiet spell longer than this ends a flow. 15 minutes is the longest a
// sign-in's steps may be apart (AuthSessionValidity's maximum), so no
// sign-in is ever split, while a learner's earlier experiment (or a jump of
// the virtual clock, which leaves a gap between two calls) is left out.
inline constexpr Millis kFlowGap = std::chrono::minutes(15);
// At most this many exchanges: enough for sign-up, confirmation and an SRP
// sign-in with MFA (about 6) with room to spare, few enough that each arrow
// stays readable without scrolling far.
inline constexpr std::size_t kFlowMaxExchanges = 12;

// The entries of the last flow, oldest first: the most recent entries back
// to the last gap longer than kFlowGap, Sandbox.Reset or Sandbox.ImportState
// (after which earlier calls refer to things that no longer exist), at most
// kFlowMaxExchanges of them. The sandbox's own operations (the clock, the
// inbox) are not calls between the app and the pool, so they are left out.
std::vector<const ApiLogEntry*> last_flow(const std::deque<ApiLogEntry>& log);

// --- Messages ----------------------------------------------------------------

// An email or SMS from the sandbox's inbox (Sandbox.ListMessages).
struct SentMessage {
  std::uint64_t id = 0;
  Timestamp time{};
  std::string medium;   // EMAIL | SMS
  std::string purpose;  // SignUp | ResendCode | ForgotPassword | AttributeVerification | MFA | Invitation
  std::string destination;
};
// The messages of a Sandbox.ListMessages response, oldest first. Malformed
// items are skipped.
std::vector<SentMessage> sent_messages(const Json& list_messages_response);

// Whether `operation` sends messages for `purpose` (SignUp sends the SignUp
// code, InitiateAuth an MFA code, ...). Used to tell which request a message
// came from.
bool sends_message(std::string_view operation, std::string_view purpose);

// --- Diagram steps -------------------------------------------------------------

// The lifelines of the diagram, left to right. The browser's is drawn only
// when the flow went through the hosted UI (a redirect dance); the identity
// provider's only when it went through a federated provider (the simulated
// providers' pages, and Cognito's calls to the provider behind them).
enum class Lane { kBrowser, kApp, kPool, kProvider, kInbox };
const char* lane_name(Lane lane);  // "Browser", "Your app", "User pool", "Identity provider", "Inbox"

struct FlowStep {
  enum class Kind { kRequest, kResponse, kMessage };
  Kind kind = Kind::kRequest;
  Lane from = Lane::kApp, to = Lane::kPool;
  std::string label;     // "InitiateAuth (USER_SRP_AUTH)", "PASSWORD_VERIFIER", "email: verification code"
  bool is_error = false;  // a failed request's response
  Timestamp time{};
  std::uint64_t entry_id = 0;  // the API log entry it belongs to
};

// One arrow per request, then one per message it sent, then its response.
// A hosted UI request comes from the browser (the back-channel endpoints,
// /oauth2/token and the like, from the app); when its answer redirects the
// browser off the domain, to the app's callback or sign-out URL, an arrow
// from the browser to the app follows it. A simulated provider's page is a
// request from the browser to the provider; at /oauth2/idpresponse the pool
// then calls the provider itself (the code for tokens, its keys, the user's
// profile), drawn as one request and its answer between the two.
//
// The API log does not say which messages a request sent, so they are
// matched by time and order: a message belongs to a request that can send
// it (sends_message) and was running when it was sent (it started at or
// before the message, the next request at or after it). When several
// qualify (calls within the same millisecond), messages go to them in order,
// one each first. Messages that match no request (sent by calls from outside
// the app, such as a script) are left out.
std::vector<FlowStep> flow_steps(const std::vector<const ApiLogEntry*>& flow, const std::vector<SentMessage>& messages);

// The labels, one per kind of step.
std::string request_label(const ApiLogEntry& entry);
std::string response_label(const ApiLogEntry& entry);
std::string message_label(const SentMessage& message);
// Whether any step involves the browser's lifeline, or the provider's.
bool uses_browser(const std::vector<FlowStep>& steps);
bool uses_provider(const std::vector<FlowStep>& steps);

// --- Architecture picture ------------------------------------------------------

// A pool's pieces, from DescribeUserPool, ListUserPoolClients, ListUsers and
// Sandbox.GetJwks.
struct PoolPicture {
  struct AppClient {
    std::string name, id;
  };
  std::string pool_id, pool_name;
  std::string mfa;                    // MfaConfiguration: OFF | ON | OPTIONAL
  std::vector<AppClient> clients;
  bool more_clients = false;          // ListUserPoolClients had another page
  long long user_count = 0;
  bool more_users = false;            // the count is a lower bound ("5+")
  std::vector<std::string> user_labels;  // the first few users: their email if any, else their username
  std::vector<std::string> key_ids;    // the kids of the published signing keys
  std::string domain;                  // the hosted UI's full domain name, "" if none
};
PoolPicture pool_picture(const Json& describe_user_pool, const Json& list_clients, const Json& list_users,
                         const Json& jwks);

}  // namespace userpool::web
