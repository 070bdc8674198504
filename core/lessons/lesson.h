// Lessons: a tutorial turned into steps that check themselves. A lesson is a
// JSON file in lessons/, written by a presenter without touching C++; this
// header is its format and the loader that refuses a malformed one with an
// error naming the file, the step and what is wrong.
//
// ---------------------------------------------------------------------------
// The format (version 1)
// ---------------------------------------------------------------------------
//
// {
//   "Format": "userpool-sandbox-lesson",   required, exactly this
//   "Version": 1,                          required, exactly 1
//   "Id": "create-user-pool",              required, [a-z0-9-]+, unique in the catalogue
//   "Title": "...",                        required
//   "Summary": "...",                      required
//   "Source": "create-user-pool-lab.md",   optional: the tutorial the lesson mirrors
//   "Prerequisites": ["lesson-id", ...],   optional: lessons to do first (advice
//                                          shown to the learner, not enforced;
//                                          each must be a lesson of the catalogue)
//   "Setup": [Action, ...],                optional: replayed when the lesson
//                                          starts (a pool to work on, ...)
//   "Steps": [Step, ...]                   required, at least one
// }
//
// Step:
// {
//   "Id": "sign-in-options",               required, [a-z0-9-]+, unique in the lesson
//   "Title": "...",                        required
//   "Text": "...",                         required, light markup: **bold**,
//                                          `code`, lines starting with "- " are
//                                          list items, a blank line starts a paragraph
//   "Highlight": "wizard.sign_in.email",   optional: the stable name of the
//                                          widget to point at
//   "Check": Check,                        required: when the step is done
//   "Hints": ["...", ...],                 required, at least one
//   "Solution": [Action, ...],             required, at least one: the reference
//                                          solution, replayable through the API
//   "Explanation": "..."                   optional, markup: shown once the step is done
//   "NotYet": "..."                        optional: what is still missing, in
//                                          plain words, shown while the check
//                                          fails (the check's own reason is
//                                          under "Details")
//   "Diagram": Diagram                     optional: a picture drawn above the text
// }
//
// Diagram: boxes on a grid of up to 3 columns and 3 rows, joined by arrows
// that say what travels along them.
// {
//   "Boxes": [{"Id": "app", "Label": "Your web app", "Note": "in the browser",
//              "Column": 0, "Row": 0}, ...],       Id [a-z0-9-]+ unique; Note optional
//   "Arrows": [{"From": "app", "To": "pool", "Label": "SignUp, sign-in"}, ...]
// }
//
// Check, one of:
//   {"All": [Check, ...]}    every check holds (at least one check listed)
//   {"Any": [Check, ...]}    at least one holds (at least one check listed)
//   {"Not": Check}           the check does not hold
//   {"Source": Source,       a document to look at
//    "Pointer": "/a/b",      optional, default "": where in it (RFC 6901; "" is
//                            the whole document)
//    "Where": {"Member": value, ...},  optional: the value at Pointer must be an
//                            array; it is narrowed to its elements that are
//                            objects whose members equal these values
//    and exactly one comparison:
//    "Equals": json          the value equals this
//    "Contains": json        an array with an element equal to this, or a
//                            string with this (a string) inside it
//    "Exists": true|false    the value is there (with Where: at least one
//                            element is left) or is not
//    "CountAtLeast": n       an array or object with at least n elements
//    "Matches": "regex"      a string in which this ECMAScript regular
//                            expression finds a match (searched, not anchored)
//   }
//
// Source, one of:
//   {"Call": "<operation>", "Request": {...}}  the response body of a read-only
//       operation (Describe*, Get*, List*, AdminGetUser, Sandbox.Get*/List*,
//       ApiGateway.Get*, ElasticBeanstalk.Describe*; see
//       core/api/read_only_operations.h). Request is optional ({}). An answer
//       other than 200 makes the check false, with the error as the reason.
//       Checks never appear in the event log.
//   {"Token": "IdToken" | "AccessToken"}  the claims of the session's token;
//       false, "not signed in", without one
//   {"Session": {}}  {"SignedIn": bool, "Username": ..., "PoolId": ...,
//       "ClientId": ...} (null for what the session does not know)
//
// A check whose source cannot be read is false, so {"Not": ...} of it holds:
// "AdminGetUser of jane answers 200" negated is how a step checks that a
// user is gone.
//
// Action, one of:
//   {"Call": "<operation>", "Request": {...}}  any operation; it must answer
//       200 or the replay stops with Cognito's error. When the answer carries
//       an AuthenticationResult (InitiateAuth, RespondToAuthChallenge, ...),
//       its tokens become the session, as an app keeps them.
//   {"Call": "<operation>", "Request": {...}, "Expect": "<error __type>"}
//       a call that must be refused with that error (a wrong password that
//       counts towards the lockout, an expired temporary password); an
//       answer of 200 or another error stops the replay.
//   {"SignIn": {"Pool": "<pool name>", "Client": "<app client name>",
//               "Username": "...", "Password": "...",
//               "Flow": "USER_SRP_AUTH" | "USER_PASSWORD_AUTH"}}
//       Flow is optional (USER_SRP_AUTH, what the hosted pages use). With
//       "NewPassword": "..." (and "Attributes": {"name": "...", ...}) a
//       NEW_PASSWORD_REQUIRED challenge is answered, as at a first sign-in. Signs in
//       as an app would (InitiateAuth, then for SRP the PASSWORD_VERIFIER
//       answer; SECRET_HASH when the app client has a secret), recorded like
//       the learner's own calls. It must end with tokens, which become the
//       session; a challenge instead is a failed replay.
//   {"HostedSignIn": {"Pool": "<pool name>", "Client": "<app client name>",
//                     "Username": "...", "Password": "..."}}
//   {"HostedSignIn": {"Pool": ..., "Client": ..., "Provider": "<ProviderName>",
//                     "Email": "...", "Name": "..."}}
//       Signs in through the pool's hosted pages as a browser and an app
//       would (core/client/hosted_ui_browser.h): authorize with PKCE, the
//       sign-in page's form (or the provider's pages: its sign-in form, its
//       consent, a SAML or form_post page sent on), the callback, the code
//       exchanged at the token endpoint. Every request is recorded. It must
//       end at the app with tokens, which become the session.
//   {"MachineToken": {"Pool": "<pool name>", "Client": "<app client name>",
//                     "Scope": "..."}}
//       An app's own token: the client_credentials grant at the pool's token
//       endpoint with the app client's ID and secret, as a back-end service
//       asks for it (Scope optional: the client's allowed scopes). Recorded;
//       the access token becomes the session's machine token
//       ({{session:MachineToken}}), beside whoever is signed in.
//   {"SignOut": {}}  the session forgets its tokens (no API call)
//
// Templates: any string in a Request, and the values of Equals, Contains and
// Where, may hold "{{function:argument}}". A string that is exactly one
// template becomes the value itself, with its JSON type; otherwise each
// template is replaced by its value as text.
//   {{pool:NAME}}           the ID of the user pool named NAME (the newest if several)
//   {{pool_arn:NAME}}       its ARN
//   {{client:POOL/CLIENT}}  the ID of app client CLIENT of user pool POOL
//   {{code:DESTINATION}}    the code in the newest message to that email
//                           address or phone number
//   {{session:IdToken|AccessToken|RefreshToken|Username|MachineToken}}
//   {{last:Operation/pointer}}  a value of the last successful response to that
//                           operation in this lesson (e.g. last:InitiateAuth/Session;
//                           no pointer: the whole response)
//   {{totp:REFERENCE}}      the current TOTP code, on the virtual clock, for
//                           the secret another reference names, e.g.
//                           {{totp:last:AssociateSoftwareToken/SecretCode}}
//   {{rest_api:NAME}}       the id of the API Gateway REST API named NAME
// A template that cannot be resolved yet makes a check false with the reason
// ("no user pool named kekepool yet"), and stops a replay with it.
//
// Errors name positions counting from 1, as a reader counts: step 3 is the
// third step, Solution[1] its first action.
//
// ---------------------------------------------------------------------------
// In this header: the typed lesson (Lesson, Step, Check, Action) and
// parse_lesson(). Checks are evaluated in lesson_check.h, templates resolved
// in lesson_template.h, actions replayed in lesson_replay.h, progress kept in
// lesson_progress.h, files gathered in lesson_catalogue.h.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

#include "core/base/json.h"

namespace userpool::lessons {

inline constexpr std::string_view kLessonFormat = "userpool-sandbox-lesson";
inline constexpr int kLessonVersion = 1;

// Where a check looks.
struct Source {
  enum class Kind { kCall, kToken, kSession };
  Kind kind = Kind::kSession;
  std::string operation;          // kCall: without the Cognito target prefix
  Json request = Json::object();  // kCall: with its templates unresolved
  std::string token;              // kToken: "IdToken" or "AccessToken"
};

enum class Comparison { kEquals, kContains, kExists, kCountAtLeast, kMatches };

struct Check {
  enum class Kind { kAll, kAny, kNot, kSource };
  Kind kind = Kind::kSource;
  std::vector<Check> checks;  // kAll, kAny: the checks; kNot: the one it negates

  // kSource:
  Source source;
  std::string pointer;                      // as written
  std::vector<std::string> pointer_tokens;  // its reference tokens, unescaped
  std::optional<Json> where;                // an object, templates unresolved
  Comparison comparison = Comparison::kExists;
  Json expected;  // Equals/Contains: the value; Exists: a boolean; CountAtLeast: n; Matches: the pattern
  // Matches: compiled when the lesson loads, so a bad pattern is a load error.
  std::shared_ptr<const std::regex> pattern;
};

struct SignIn {
  std::string pool, client;  // names, as the learner sees them
  std::string username, password;
  std::string flow = "USER_SRP_AUTH";  // or USER_PASSWORD_AUTH
  // A first sign-in with a temporary password: NEW_PASSWORD_REQUIRED is
  // answered with this password and these attributes (the required ones
  // the user has no value for). Empty: that challenge fails the replay.
  std::string new_password;
  std::map<std::string, std::string> attributes;
};

// A sign-in through the hosted pages (and a provider's, with Provider).
struct HostedSignIn {
  std::string pool, client;  // names, as the learner sees them
  std::string username, password;  // at the pool's own sign-in page
  std::string provider, email, name;  // at the provider's page instead
};

// An app client's own token, from the client_credentials grant.
struct MachineToken {
  std::string pool, client;  // names, as the learner sees them
  std::string scope;         // space-separated; empty: the client's allowed scopes
};

struct Action {
  enum class Kind { kCall, kSignIn, kHostedSignIn, kMachineToken, kSignOut };
  Kind kind = Kind::kSignOut;
  std::string operation;          // kCall: without the target prefix
  Json request = Json::object();  // kCall: templates unresolved
  std::string expect;             // kCall: the error it must answer ("" = it must succeed)
  SignIn sign_in;                 // kSignIn
  HostedSignIn hosted_sign_in;    // kHostedSignIn
  MachineToken machine_token;     // kMachineToken
  Json written;                   // the action as the file has it, to show as the solution
};

// A picture of boxes and arrows (see the format above).
struct Diagram {
  struct Box {
    std::string id, label, note;
    int column = 0, row = 0;  // 0..2
  };
  struct Arrow {
    std::string from, to, label;
  };
  std::vector<Box> boxes;
  std::vector<Arrow> arrows;
  bool empty() const { return boxes.empty(); }
  static constexpr int kCells = 3;  // columns and rows
};

struct Step {
  std::string id, title, text;
  std::string highlight;  // empty: nothing to point at
  Check check;
  std::vector<std::string> hints;
  std::vector<Action> solution;
  std::string explanation;  // empty: none
  std::string not_yet;      // plain words for what is missing; empty: none
  Diagram diagram;          // empty: none
};

struct Lesson {
  std::string file;  // the name it was loaded from, for messages
  std::string id, title, summary;
  std::string source;  // the tutorial it mirrors; empty: none
  std::vector<std::string> prerequisites;
  std::vector<Action> setup;
  std::vector<Step> steps;

  // The step with that Id, or nullptr.
  const Step* find_step(std::string_view step_id) const;
};

// Reads and validates one lesson. `file_name` starts every error message
// ("lessons/x.json: step 3 \"sign-in-options\": missing \"Hints\""). Never
// throws.
tl::expected<Lesson, std::string> parse_lesson(std::string_view file_name, std::string_view text);
// The same for a document already parsed (a lesson built in code, a test).
tl::expected<Lesson, std::string> lesson_from_json(std::string_view file_name, const Json& document);

// Whether an Id is made of lowercase letters, digits and dashes only.
bool is_lesson_id(std::string_view id);

}  // namespace userpool::lessons
