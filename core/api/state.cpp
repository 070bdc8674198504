#include "core/api/state.h"

#include "core/api/api_error.h"
#include "core/api/registry.h"
#include "core/model/pool_state.h"

namespace userpool {

Json export_state(const Account& a) {
  const Clock::State clock = a.clock.state();
  Json pools = Json::array();
  for (const auto& p : a.pools) pools.push_back(pool_to_state(*p));
  Json doc{{"Format", kStateFormat},
              {"Version", kStateVersion},
              {"Clock", {{"Frozen", clock.frozen}, {"OffsetMillis", clock.offset_ms}, {"FrozenAtMillis", clock.frozen_at_ms}}},
              {"Account", {{"AccountId", a.account_id}, {"Region", a.region}, {"EmailQuotaDay", a.email_quota_day},
                           {"EmailsSentToday", a.emails_sent_today}}},
              {"UserPools", pools},
              {"Outbox", a.outbox.to_state()},
              {"Events", a.events.to_state()}};
  // Each service's own section; a section with nothing to save is left out.
  for (const Service& service : services())
    for (const StateSection& section : service.state)
      if (Json saved = section.save(a); !saved.is_null()) doc[std::string(section.member)] = std::move(saved);
  return doc;
}

void import_state(Account& account, const Json& doc) {
  const auto refuse = [](const std::string& why) {
    fail_invalid_parameter("The state document was not imported: " + why + ". The current state is unchanged.");
  };
  if (!doc.is_object()) refuse("it is " + json_kind(doc) + ", not a JSON object");
  if (doc.value("Format", Json()) != kStateFormat)
    refuse(std::string("it is not a userpool-sandbox state (its \"Format\" is not \"") + kStateFormat + "\")");
  const Json version = doc.value("Version", Json());
  if (!version.is_number_integer()) refuse("it has no Version");
  if (version.get<int>() > kStateVersion)
    refuse("it was saved by a newer version of the sandbox (state version " + std::to_string(version.get<int>()) +
           "; this one reads version " + std::to_string(kStateVersion) + ")");
  if (version.get<int>() < 1) refuse("its Version is not valid");

  // Everything is read into new objects first; the account changes only if
  // all of it reads back.
  std::string where = "the document";
  try {
    where = "Clock";
    const Json& c = doc.at("Clock");
    const Clock::State clock{c.at("Frozen").get<bool>(), c.at("OffsetMillis").get<std::int64_t>(),
                             c.at("FrozenAtMillis").get<std::int64_t>()};
    where = "Account";
    const Json& a = doc.at("Account");
    const std::string account_id = a.at("AccountId").get<std::string>();
    const std::string region = a.at("Region").get<std::string>();
    const auto quota_day = a.at("EmailQuotaDay").get<std::int64_t>();
    const auto sent_today = a.at("EmailsSentToday").get<int>();
    std::vector<std::unique_ptr<UserPool>> pools;
    const auto& list = doc.at("UserPools").get_ref<const Json::array_t&>();
    for (std::size_t i = 0; i < list.size(); ++i) {
      where = "UserPools[" + std::to_string(i) + "]";
      pools.push_back(pool_from_state(list[i]));
      for (std::size_t k = 0; k + 1 < pools.size(); ++k)
        if (pools[k]->id == pools.back()->id) throw std::runtime_error("two pools have the ID " + pools.back()->id);
    }
    where = "Outbox";
    Outbox outbox;
    outbox.restore(doc.at("Outbox"));
    where = "Events";
    EventLog events;
    events.restore(doc.at("Events"));
    // Each service's section; a state saved before a service existed has none.
    std::vector<std::function<void(Account&)>> put_sections;
    for (const Service& service : services())
      for (const StateSection& section : service.state) {
        where = std::string(section.member);
        const auto found = doc.find(where);
        put_sections.push_back(section.load(found == doc.end() ? nullptr : &*found));
      }

    account.clock.restore(clock);
    account.account_id = account_id;
    account.region = region;
    account.email_quota_day = quota_day;
    account.emails_sent_today = sent_today;
    account.pools = std::move(pools);
    account.outbox = std::move(outbox);
    account.events = std::move(events);
    account.services.clear();
    for (const auto& put : put_sections) put(account);
  } catch (const ApiException&) {
    throw;
  } catch (const std::exception& e) {
    refuse("it is damaged at " + where + ": " + plain_json_error(e.what()));
  }
}

}  // namespace userpool
