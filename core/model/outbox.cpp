#include "core/model/outbox.h"

namespace userpool {

Json Message::to_json() const {
  Json j = {{"MessageId", id},         {"Time", to_epoch_seconds(time)}, {"UserPoolId", user_pool_id},
            {"Username", username},    {"Medium", medium},             {"Destination", destination}};
  if (!from.empty()) j["From"] = from;
  if (!subject.empty()) j["Subject"] = subject;
  j["Body"] = body;
  if (!code.empty()) j["Code"] = code;
  j["Purpose"] = purpose;
  return j;
}

Message Message::from_json(const Json& j) {
  Message m;
  m.id = j.at("MessageId").get<std::uint64_t>();
  m.time = from_epoch_millis(static_cast<std::int64_t>(j.at("Time").get<double>() * 1000.0 + 0.5));
  m.user_pool_id = j.at("UserPoolId").get<std::string>();
  m.username = j.at("Username").get<std::string>();
  m.medium = j.at("Medium").get<std::string>();
  m.destination = j.at("Destination").get<std::string>();
  m.from = j.value("From", "");
  m.subject = j.value("Subject", "");
  m.body = j.at("Body").get<std::string>();
  m.code = j.value("Code", "");
  m.purpose = j.at("Purpose").get<std::string>();
  return m;
}

const Message& Outbox::add(Message m) {
  m.id = next_id_++;
  messages_.push_back(std::move(m));
  while (messages_.size() > kCapacity) messages_.pop_front();
  return messages_.back();
}

void Outbox::clear() {
  messages_.clear();
  next_id_ = 1;
}

Json Outbox::to_state() const {
  Json list = Json::array();
  for (const auto& m : messages_) list.push_back(m.to_json());
  return Json{{"NextMessageId", next_id_}, {"Messages", list}};
}

void Outbox::restore(const Json& state) {
  std::deque<Message> messages;
  for (const Json& m : state.at("Messages")) messages.push_back(Message::from_json(m));
  messages_ = std::move(messages);
  next_id_ = state.at("NextMessageId").get<std::uint64_t>();
}

std::string mask_destination(std::string_view medium, std::string_view destination) {
  if (medium == "SMS") {
    // "+" and the last four digits; the rest starred.
    if (destination.size() <= 5) return std::string(destination);
    return "+" + std::string(destination.size() - 5, '*') + std::string(destination.substr(destination.size() - 4));
  }
  const auto at = destination.find('@');
  if (at == std::string_view::npos || at == 0) return "***";
  const std::string_view domain = destination.substr(at + 1);
  const auto dot = domain.rfind('.');
  const std::string tld = dot == std::string_view::npos ? "" : std::string(domain.substr(dot));
  const std::string domain_start = domain.empty() ? "" : std::string(1, domain[0]);
  return std::string(1, destination[0]) + "***@" + domain_start + "***" + tld;
}

std::string render_template(std::string_view text, std::string_view code, std::string_view username) {
  std::string out;
  out.reserve(text.size() + code.size());
  for (std::size_t i = 0; i < text.size();) {
    if (text.substr(i, 6) == "{####}") {
      out += code;
      i += 6;
    } else if (text.substr(i, 10) == "{username}") {
      out += username;
      i += 10;
    } else {
      out += text[i++];
    }
  }
  return out;
}

}  // namespace userpool
