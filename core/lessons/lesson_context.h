// What a lesson's checks, templates and actions work with: the door into
// the engine, the app's signed-in session, and the last
// successful response to each operation (for {{last:...}}).
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "core/api/door.h"
#include "core/base/json.h"

namespace userpool::lessons {

// The learner's app as a lesson sees it: who is signed in, with which
// tokens. The browser app hands in its own (kept by the Try it panel); a
// headless replay keeps one of its own.
struct LessonSession {
  std::string pool_id, client_id;
  std::string username;  // as typed when signing in
  std::string id_token, access_token, refresh_token;
  // The app's own access token (client_credentials), for calls made as the
  // app rather than as a user; signing out keeps it.
  std::string machine_client_id, machine_token;

  bool signed_in() const { return !access_token.empty(); }
  // Forgets the tokens (as an app does on sign-out); who it was stays known.
  void sign_out();
  // The Session source's document: {"SignedIn", "Username", "PoolId",
  // "ClientId"}, null for what is not known.
  Json to_json() const;
};

// The last successful response body to each operation, by its name without
// the target prefix. A replay adds to it; the app may add the learner's own
// calls, so a step can use what the learner got back.
class ResponseMemory {
 public:
  void remember(std::string_view operation, const Json& body);
  // nullptr when the operation has not answered 200 yet.
  const Json* last(std::string_view operation) const;
  void clear() { last_.clear(); }

  Json to_json() const;
  // The inverse of to_json(); false (and nothing kept) for anything else.
  bool restore(const Json& j);

 private:
  std::map<std::string, Json, std::less<>> last_;
};

// Who a lesson's calls are made by, for the API log and the Flow view.
inline constexpr const char* kMadeByLesson = "lesson";

struct LessonContext {
  Door& door;  // the way in, as for every caller (core/api/door.h)
  LessonSession& session;
  ResponseMemory& memory;

  // A read for a check or a template: recorded nowhere.
  Response read(std::string_view operation, const Json& request) const;
  // A call of the lesson's set-up or solution: recorded, as made by the lesson.
  Response act(std::string_view operation, const Json& request) const;
};

// "<Operation> answered <__type>: <message>", the reason a call did not work.
std::string describe_failure(std::string_view operation, const Response& response);

// The operation's name without the Cognito target prefix.
std::string_view plain_operation(std::string_view operation);

}  // namespace userpool::lessons
