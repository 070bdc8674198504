// The simulated AWS account: the virtual clock, the user pools, the outbox,
// the event log, the account-wide email quota, and what the other services
// keep (the connected services the tutorials use, the wizard's draft). One
// Account is the whole state of a sandbox; the dispatcher
// (core/api/dispatcher.h) is the only way in.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/base/clock.h"
#include "core/model/event_log.h"
#include "core/model/outbox.h"
#include "core/base/random.h"
#include "core/model/service_states.h"
#include "core/model/user_pool.h"

namespace userpool {

class Account {
 public:
  explicit Account(RandomSource& random = secure_random(), Clock clock = Clock());

  Clock clock;
  RandomSource& random;
  std::string account_id;          // 12 digits, for ARNs
  std::string region = "us-east-1";
  std::vector<std::unique_ptr<UserPool>> pools;  // in creation order
  Outbox outbox;
  EventLog events;
  // What the other services keep (API Gateway, Elastic Beanstalk, the
  // wizard's draft), each in its own type.
  ServiceStates services;

  // Where tokens say they come from: empty for Cognito's own issuer
  // (https://cognito-idp.<region>.amazonaws.com/<poolId>), or the address
  // the sandbox is served at (`userpool serve --issuer local`). A setting of
  // how the sandbox is reached, not part of its saved state: Reset and
  // ImportState keep it.
  std::string issuer_origin;
  // Where the pools' domains (the hosted UI and the OAuth endpoints) are
  // reached: empty for their real addresses (https://<prefix>.auth.<region>.
  // amazoncognito.com, https://<custom domain>), as the page shows them; or
  // the address of a local endpoint (`userpool serve`), which serves each
  // domain at <hosted_origin>/domain/<domain>. Not saved, like issuer_origin.
  std::string hosted_origin;

  // Email sent by Cognito's own sender (COGNITO_DEFAULT), counted against
  // quotas::kCognitoDefaultEmailsPerDay; the count restarts each UTC day.
  std::int64_t email_quota_day = 0;  // days since 1970 of the count below
  int emails_sent_today = 0;

  // Where a new pool's keys come from. Making them takes three RSA key
  // generations (about 2 s in wasm); tests that create many pools can hand
  // out keys made once instead.
  std::function<PoolKeys(RandomSource&)> make_pool_keys = PoolKeys::generate;

  UserPool* find_pool(std::string_view id);
  void remove_pool(std::string_view id);
  // Empties everything but the clock (Sandbox.Reset).
  void reset();
};

}  // namespace userpool
