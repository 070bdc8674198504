// The sandbox's own operations, "Sandbox.<Name>": the virtual clock, the
// inbox, the event log, a pool's published documents, and the saved state.
#include <algorithm>

#include "core/api/api_error.h"
#include "core/ops/common.h"
#include "core/api/registry.h"
#include "core/api/state.h"
#include "core/tokens/well_known.h"

namespace userpool::ops {
namespace {

Json clock_json(OpContext& ctx) {
  const Clock& c = ctx.account.clock;
  const Timestamp now = c.now();
  return Json{{"Now", to_epoch_seconds(now)}, {"NowMillis", static_cast<std::int64_t>(now.time_since_epoch().count())}, {"Iso", to_iso8601(now)}, {"Frozen", c.frozen()},
              {"OffsetSeconds", static_cast<double>(c.offset().count()) / 1000.0}};
}

std::size_t max_results(const Request& r) {
  return static_cast<std::size_t>(r.optional_int("MaxResults", 1, 10000).value_or(1000));
}


Json sandbox_get_clock(OpContext& ctx, const Request&) { return clock_json(ctx); }

// The simulated account's facts an app shows (in ARNs, endpoints).
Json sandbox_get_account(OpContext& ctx, const Request&) {
  return Json{{"AccountId", ctx.account.account_id}, {"Region", ctx.account.region}};
}

Json sandbox_set_clock(OpContext& ctx, const Request& r) {
  Clock& c = ctx.account.clock;
  if (r.has("Time")) {
    const Json& t = r.body()["Time"];
    if (!t.is_number()) fail_serialization("Time must be a number of seconds since 1970");
    const Timestamp target = from_epoch_millis(static_cast<std::int64_t>(t.get<double>() * 1000.0));
    if (!c.set(target))
      fail_invalid_parameter("The sandbox clock cannot go back in time (it is " + to_iso8601(c.now()) + ").",
                             "Everything already issued stays in the past; Sandbox.Reset starts over");
    ctx.rule("The virtual clock jumped to " + to_iso8601(target));
  }
  if (const auto frozen = r.optional_bool("Frozen")) {
    if (*frozen) c.freeze();
    else c.unfreeze();
    ctx.rule(*frozen ? "The virtual clock is frozen: it moves only when told to" : "The virtual clock runs with real time again");
  }
  return clock_json(ctx);
}

Json sandbox_advance_clock(OpContext& ctx, const Request& r) {
  const auto seconds = r.optional_int("Seconds", 0, 100LL * 365 * 86400);
  if (!seconds) fail_validation("seconds", "null", "Member must not be null");
  ctx.account.clock.advance(std::chrono::seconds(*seconds));
  ctx.rule("The virtual clock moved ahead " + format_duration(std::chrono::seconds(*seconds)));
  return clock_json(ctx);
}

Json sandbox_list_messages(OpContext& ctx, const Request& r) {
  const auto pool = r.optional_string("UserPoolId");
  const auto destination = r.optional_string("Destination");
  // Only the messages sent after this one: how a follower (the endpoint's
  // console, a test waiting for a code) reads each message once.
  const auto after = r.optional_int("AfterMessageId", 0, INT64_MAX).value_or(0);
  const std::size_t limit = max_results(r);
  Json list = Json::array();
  const auto& messages = ctx.account.outbox.messages();
  for (auto it = messages.rbegin(); it != messages.rend() && list.size() < limit; ++it) {  // newest first
    if (static_cast<std::int64_t>(it->id) <= after) break;
    if (pool && it->user_pool_id != *pool) continue;
    if (destination && it->destination != *destination) continue;
    list.push_back(it->to_json());
  }
  return Json{{"Messages", list}};
}

Json sandbox_list_events(OpContext& ctx, const Request& r) {
  const auto pool = r.optional_string("UserPoolId");
  const auto after = r.optional_int("AfterSequence", 0, INT64_MAX).value_or(0);
  const std::size_t limit = max_results(r);
  Json list = Json::array();
  for (const Event& e : ctx.account.events.events()) {
    if (static_cast<std::int64_t>(e.sequence) <= after) continue;
    if (pool && e.user_pool_id != *pool) continue;
    list.push_back(e.to_json());
  }
  // The most recent `limit` events, oldest first.
  if (list.size() > limit) list.erase(list.begin(), list.begin() + static_cast<std::ptrdiff_t>(list.size() - limit));
  return Json{{"Events", list}};
}

Json sandbox_get_jwks(OpContext& ctx, const Request& r) {
  return require_pool(ctx, r.string("UserPoolId", shapes::kUserPoolId)).keys.jwks().to_json();
}

Json sandbox_get_openid_configuration(OpContext& ctx, const Request& r) {
  const UserPool& pool = require_pool(ctx, r.string("UserPoolId", shapes::kUserPoolId));
  // The custom domain when the pool has one, else its Cognito domain.
  std::optional<std::string> base;
  if (pool.custom_domain)
    base = domain_base_url(pool.custom_domain->name, pool.custom_domain->name, ctx.account.hosted_origin);
  else if (pool.domain)
    base = domain_base_url(*pool.domain, domain_host(pool.id, *pool.domain, false), ctx.account.hosted_origin);
  return openid_configuration(pool.id, base, ctx.account.issuer_origin);
}

Json sandbox_export_state(OpContext& ctx, const Request&) { return Json{{"State", export_state(ctx.account)}}; }

Json sandbox_import_state(OpContext& ctx, const Request& r) {
  if (!r.has("State")) fail_validation("state", "null", "Member must not be null");
  import_state(ctx.account, r.body()["State"]);
  ctx.rule("The whole sandbox was replaced by the imported state");
  return Json::object();
}

Json sandbox_reset(OpContext& ctx, const Request&) {
  ctx.account.reset();
  ctx.rule("Everything was removed: pools, users, messages and events (the clock keeps its time)");
  return Json::object();
}

}  // namespace

// The operations of this file, for the registry (core/api/registry.h).
const OperationTable& sandbox_operations() {
  static const OperationTable table = {
      {"GetClock", sandbox_get_clock, OperationKind::kRead, {}, false},
      {"GetAccount", sandbox_get_account, OperationKind::kRead, {}, false},
      {"SetClock", sandbox_set_clock, OperationKind::kChange},
      {"AdvanceClock", sandbox_advance_clock, OperationKind::kChange},
      {"ListMessages", sandbox_list_messages, OperationKind::kRead, {}, false},
      {"ListEvents", sandbox_list_events, OperationKind::kRead, {}, false},
      {"GetJwks", sandbox_get_jwks, OperationKind::kRead, {}, false},
      {"GetOpenIdConfiguration", sandbox_get_openid_configuration, OperationKind::kRead, {}, false},
      {"ExportState", sandbox_export_state, OperationKind::kRead, {}, false},
      {"ImportState", sandbox_import_state, OperationKind::kChange, {}, false},
      {"Reset", sandbox_reset, OperationKind::kChange},
  };
  return table;
}

}  // namespace userpool::ops
