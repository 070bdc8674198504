// The simulated AWS account: the virtual clock, the user pools, the outbox,
// the event log, the account-wide email quota, and the connected services
// the tutorials use (API Gateway, Elastic Beanstalk). One Account is the whole
// state of a sandbox; the dispatcher (dispatcher.h) is the only way in.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/base/clock.h"
#include "core/model/event_log.h"
#include "core/model/outbox.h"
#include "core/base/random.h"
#include "core/services/api_gateway/api_gateway.h"
#include "core/services/elastic_beanstalk/elastic_beanstalk.h"
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
  // Connected services, with their own operations ("ApiGateway.<Op>",
  // "ElasticBeanstalk.<Op>").
  apigateway::ApiGateway api_gateway;
  beanstalk::ElasticBeanstalk elastic_beanstalk;
  // The "Create user pool" wizard's unfinished form (Sandbox.*WizardDraft):
  // kept with the sandbox so it survives a reload and lessons can read it.
  // Null when no wizard is open.
  Json wizard_draft;

  // Email sent by Cognito's own sender (COGNITO_DEFAULT) is limited to 50
  // per day per account (reference §5); the count restarts each UTC day.
  static constexpr int kDailyCognitoEmails = 50;
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
