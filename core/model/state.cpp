#include "core/model/state.h"

#include "core/api/api_error.h"

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
              {"Events", a.events.to_state()},
              {"ApiGateway", a.api_gateway.to_state()},
              {"ElasticBeanstalk", a.elastic_beanstalk.to_state()}};
  // Only when there is one, so a sandbox without a wizard open saves as before.
  if (!a.wizard_draft.is_null()) doc["WizardDraft"] = a.wizard_draft;
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
    // The connected services; a state saved before they existed has none.
    where = "ApiGateway";
    auto api_gateway = doc.contains("ApiGateway") ? apigateway::ApiGateway::from_state(doc.at("ApiGateway"))
                                                  : apigateway::ApiGateway{};
    where = "ElasticBeanstalk";
    auto elastic_beanstalk = doc.contains("ElasticBeanstalk")
                                 ? beanstalk::ElasticBeanstalk::from_state(doc.at("ElasticBeanstalk"))
                                 : beanstalk::ElasticBeanstalk{};
    where = "WizardDraft";
    const Json draft = doc.value("WizardDraft", Json());
    if (!draft.is_null() && !draft.is_object()) throw std::runtime_error("it is not a JSON object");

    account.clock.restore(clock);
    account.account_id = account_id;
    account.region = region;
    account.email_quota_day = quota_day;
    account.emails_sent_today = sent_today;
    account.pools = std::move(pools);
    account.outbox = std::move(outbox);
    account.events = std::move(events);
    account.api_gateway = std::move(api_gateway);
    account.elastic_beanstalk = std::move(elastic_beanstalk);
    account.wizard_draft = draft;
  } catch (const ApiException&) {
    throw;
  } catch (const std::exception& e) {
    refuse("it is damaged at " + where + ": " + plain_json_error(e.what()));
  }
}

}  // namespace userpool
