// A sandbox for engine tests: an Account on a frozen clock whose pools share
// keys made once (RSA generation is slow in wasm), and helpers that drive it
// only through the dispatcher, as the UI and scripts do.
#pragma once

#include <catch2/catch.hpp>
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
};

}  // namespace userpool::test
