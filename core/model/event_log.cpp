#include "core/model/event_log.h"

namespace userpool {

Json Event::to_json() const {
  Json j = {{"Sequence", sequence}, {"Time", to_epoch_seconds(time)}, {"Operation", operation}};
  if (!user_pool_id.empty()) j["UserPoolId"] = user_pool_id;
  if (!client_id.empty()) j["ClientId"] = client_id;
  if (!username.empty()) j["Username"] = username;
  j["Outcome"] = outcome;
  if (!message.empty()) j["Message"] = message;
  j["Status"] = status;
  j["Rules"] = rules;
  if (!federation.is_null()) j["Federation"] = federation;
  return j;
}

Event Event::from_json(const Json& j) {
  Event e;
  e.sequence = j.at("Sequence").get<std::uint64_t>();
  e.time = from_epoch_millis(static_cast<std::int64_t>(j.at("Time").get<double>() * 1000.0 + 0.5));
  e.operation = j.at("Operation").get<std::string>();
  e.user_pool_id = j.value("UserPoolId", "");
  e.client_id = j.value("ClientId", "");
  e.username = j.value("Username", "");
  e.outcome = j.at("Outcome").get<std::string>();
  e.message = j.value("Message", "");
  e.status = j.at("Status").get<int>();
  e.rules = j.at("Rules").get<std::vector<std::string>>();
  if (const auto f = j.find("Federation"); f != j.end() && f->is_object()) e.federation = *f;
  return e;
}

Event& EventLog::add(Event e) {
  e.sequence = next_sequence_++;
  events_.push_back(std::move(e));
  while (events_.size() > kCapacity) events_.pop_front();
  return events_.back();
}

void EventLog::clear() {
  events_.clear();
  next_sequence_ = 1;
}

Json EventLog::to_state() const {
  Json list = Json::array();
  for (const auto& e : events_) list.push_back(e.to_json());
  return Json{{"NextSequence", next_sequence_}, {"Events", list}};
}

void EventLog::restore(const Json& state) {
  std::deque<Event> events;
  for (const Json& e : state.at("Events")) events.push_back(Event::from_json(e));
  events_ = std::move(events);
  next_sequence_ = state.at("NextSequence").get<std::uint64_t>();
}

}  // namespace userpool
