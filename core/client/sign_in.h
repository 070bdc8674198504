// The app's side of signing in, as amazon-cognito-identity-js, Amplify and
// the AWS SDKs do it: the requests an app sends, built from what it holds
// (the app client's ID and, for a confidential client, its secret) and what
// the user types. The sandbox's own callers use it (Try it, a lesson's
// replayed sign-in, the engine tests, the benchmark); each sends the requests
// through its own door, so it can log them or time each step apart.
//
// USER_SRP_AUTH, step by step:
//   1. InitiateAuth with SRP_A (initiate_auth_request());
//   2. the pool answers the PASSWORD_VERIFIER challenge with SRP_B, the salt,
//      a secret block and USER_ID_FOR_SRP;
//   3. RespondToAuthChallenge with PASSWORD_CLAIM_SIGNATURE, the proof that
//      the client knows the password, signed at the app's own time
//      (password_verifier_request()).
// A client with a secret sends SECRET_HASH at each step: of the name typed
// first, then (as the client libraries do) of USER_ID_FOR_SRP.
#pragma once

#include <string>

#include <tl/expected.hpp>

#include "core/base/clock.h"
#include "core/base/json.h"
#include "core/base/random.h"
#include "core/crypto/srp.h"

namespace userpool::client {

// Which app client signs in: its pool, its ID and its secret ("" for a
// public client).
struct AppClientKeys {
  std::string pool_id, client_id, client_secret;
};

// AuthParameters or ChallengeResponses get SECRET_HASH of `username` when
// the app client has a secret.
void add_secret_hash(Json& parameters, const AppClientKeys& app, const std::string& username);

// InitiateAuth with USER_PASSWORD_AUTH: the password itself, over TLS.
Json password_auth_request(const AppClientKeys& app, const std::string& username, const std::string& password);

class SrpSignIn {
 public:
  // The secret `a` comes from `random`, new for every sign-in.
  SrpSignIn(AppClientKeys app, RandomSource& random);

  // InitiateAuth with USER_SRP_AUTH for the name the user typed.
  Json initiate_auth_request(const std::string& username) const;
  // The RespondToAuthChallenge request answering InitiateAuth's
  // PASSWORD_VERIFIER challenge (its whole response), signed at `now` on the
  // app's clock; or why it cannot be made.
  tl::expected<Json, std::string> password_verifier_request(const Json& initiate_auth_response,
                                                           const std::string& password, Timestamp now) const;

 private:
  AppClientKeys app_;
  srp::Client srp_;
};

}  // namespace userpool::client
