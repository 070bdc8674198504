// The event log: everything that happened in the sandbox, one event per
// request: the operation, its outcome, and the rules that decided it
// ("PreventUserExistenceErrors is ENABLED, so ..."). The UI's timeline and
// the lessons' checks read it.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include "core/base/clock.h"
#include "core/base/json.h"

namespace userpool {

struct Event {
  std::uint64_t sequence = 0;
  Timestamp time{};
  std::string operation;
  std::string user_pool_id;
  std::string client_id;
  std::string username;
  std::string outcome = "Success";  // or the exception name
  std::string message;              // the error message, if any
  int status = 200;
  std::vector<std::string> rules;   // why, in the order the rules applied
  // A sign-in through an identity provider: what the provider sent Cognito,
  // as received, and what Cognito read from it, so the inspector can show
  // the hop no browser sees (the back channel). Null for other events.
  //   {"ProviderName", "ProviderType",
  //    "Received": [{"Kind": "IdToken" | "UserInfo" | "SamlResponse", "Content": text}],
  //    "ProviderUserId", "Claims": {provider's name: value},
  //    "Mapped": [{"Attribute", "From", "Value"}], "Username"}
  Json federation;

  Json to_json() const;
  static Event from_json(const Json& j);
};

class EventLog {
 public:
  static constexpr std::size_t kCapacity = 5000;  // the oldest events go first

  Event& add(Event e);
  const std::deque<Event>& events() const { return events_; }
  void clear();

  Json to_state() const;
  void restore(const Json& state);

 private:
  std::deque<Event> events_;
  std::uint64_t next_sequence_ = 1;
};

}  // namespace userpool
