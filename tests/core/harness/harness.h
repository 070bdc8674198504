// A sandbox for engine tests: an Account on a frozen clock whose pools share
// keys made once (RSA generation is slow in wasm), and helpers that drive it
// only through the dispatcher, as the UI and scripts do.
#pragma once

#include <catch2/catch.hpp>
#include <ostream>
#include <set>
#include <string>
#include <string_view>

#include "core/api/api_error.h"
#include "core/api/dispatcher.h"
#include "core/crypto/srp.h"

namespace userpool::test {

// 2026-01-15T10:00:00Z
inline const Timestamp kStart = from_epoch_millis(1'768'471'200'000);

// [{"Name": ..., "Value": ...}] from pairs.
Json attrs(std::initializer_list<std::pair<std::string, std::string>> list);

class Sandbox {
 public:
  Sandbox();

  Account account;

  Response call(std::string_view op, const Json& params);
  // The body of a call that must succeed (the test fails with the error otherwise).
  Json ok(std::string_view op, const Json& params);
  // The error of a call that must fail: {type, message}.
  ApiError error(std::string_view op, const Json& params);

  void advance(Millis d);
  Timestamp now() { return account.clock.now(); }

  // A pool (PoolName "test" unless given) and its ID.
  std::string create_pool(Json params = Json::object());
  // An app client of a pool and its ID (password and SRP flows on unless given).
  std::string create_client(const std::string& pool_id, Json params = Json::object());
  // The code in the newest message to a destination.
  std::string last_code(const std::string& destination);
  std::size_t message_count();

  // Signs up and confirms with the code from the inbox.
  void sign_up_confirmed(const std::string& client_id, const std::string& username, const std::string& password,
                         const Json& attributes);

  // A full USER_SRP_AUTH sign-in as a Cognito client library does it;
  // returns the PASSWORD_VERIFIER answer (tokens or the next challenge), or
  // the error.
  // With a client secret, SECRET_HASH is sent in both steps (for the typed
  // username, then for USER_ID_FOR_SRP), as client libraries do.
  Response srp_sign_in(const std::string& pool_id, const std::string& client_id, const std::string& username,
                       const std::string& password, const std::string& client_secret = {});
  // USER_PASSWORD_AUTH.
  Response password_sign_in(const std::string& client_id, const std::string& username, const std::string& password);
  // The access token of a USER_PASSWORD_AUTH sign-in that must succeed with tokens.
  Json access_token(const std::string& client_id, const std::string& username, const std::string& password = "Passw0rd!");

  // A user made by an administrator, no invitation sent, with a permanent
  // password (so CONFIRMED).
  void add_user(const std::string& pool, const std::string& username, const Json& attributes = Json::array(),
                const std::string& password = "Passw0rd!");
  // A user's UserStatus (AdminGetUser).
  std::string status_of(const std::string& pool, const std::string& username);
};

// kStart as Cognito's dates show it (epoch seconds).
inline const double kStartSeconds = 1'768'471'200.0;
// A pool ID no test creates.
inline const std::string kMissingPool = "us-east-1_missing01";
// The IAM role and SES identity a pool's SMS and email settings name.
inline const std::string kSnsRole = "arn:aws:iam::123456789012:role/cognito-sms";
inline const std::string kSesIdentity = "arn:aws:ses:us-east-1:123456789012:identity/noreply@example.com";
// ForgotPassword's answer for a user with no verified email or phone number.
inline const char* const kNoRecoveryContact =
    "Cannot reset password for the user as there is no registered/verified email or phone_number";

// The newest entry of the sandbox's event log (Sandbox.ListEvents), and its rules.
Json last_event(Sandbox& s);
std::vector<std::string> last_rules(Sandbox& s);
// AdminGetUser's answer, and one attribute's value in it.
Json admin_get_user(Sandbox& s, const std::string& pool, const std::string& username);
std::optional<std::string> attribute_value(const Json& user, const std::string& name);
// The names of a JSON object's members.
std::set<std::string> keys(const Json& object);
// A six-digit code none of `codes` is.
std::string code_not_in(const std::vector<std::string>& codes);

// An SMS configuration a pool that sends text messages needs.
inline const Json kSmsConfiguration = {{"SnsCallerArn", "arn:aws:iam::123456789012:role/CognitoSms"}};

// An error as the tests compare it: its type and message.
struct Failure {
  std::string type, message;
  bool operator==(const Failure&) const = default;
};
std::ostream& operator<<(std::ostream& os, const Failure& f);
// The error of a call that must fail.
Failure failure(Sandbox& s, std::string_view op, const Json& params);
// InvalidParameterException with this message.
Failure invalid(std::string message);
// InvalidParameterException for one failed model constraint ("1 validation
// error detected: " + detail), the form Cognito's request validator uses.
Failure validation(const std::string& detail);
// SerializationException: a member of the wrong JSON type.
Failure serialization(std::string message);
// ResourceNotFoundException for a pool that does not exist.
Failure pool_not_found(const std::string& pool);

}  // namespace userpool::test
