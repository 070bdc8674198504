#include "core/lessons/lesson_context.h"

namespace userpool::lessons {
namespace {

Json known_or_null(const std::string& text) { return text.empty() ? Json(nullptr) : Json(text); }

std::string text_member(const Json& body, const char* name) {
  if (!body.is_object()) return {};
  const auto it = body.find(name);
  return it != body.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

void LessonSession::sign_out() {
  id_token.clear();
  access_token.clear();
  refresh_token.clear();
}

Json LessonSession::to_json() const {
  return Json{{"SignedIn", signed_in()},
              {"Username", known_or_null(username)},
              {"PoolId", known_or_null(pool_id)},
              {"ClientId", known_or_null(client_id)}};
}

void ResponseMemory::remember(std::string_view operation, const Json& body) {
  last_.insert_or_assign(std::string(plain_operation(operation)), body);
}

const Json* ResponseMemory::last(std::string_view operation) const {
  const auto it = last_.find(plain_operation(operation));
  return it == last_.end() ? nullptr : &it->second;
}

Json ResponseMemory::to_json() const {
  Json out = Json::object();
  for (const auto& [operation, body] : last_) out[operation] = body;
  return out;
}

bool ResponseMemory::restore(const Json& j) {
  if (!j.is_object()) return false;
  for (const auto& [operation, body] : j.items())
    if (!body.is_object()) return false;
  last_.clear();
  for (const auto& [operation, body] : j.items()) last_.emplace(operation, body);
  return true;
}

Response LessonContext::read(std::string_view operation, const Json& request) const {
  return door.read(operation, request);
}

Response LessonContext::act(std::string_view operation, const Json& request) const {
  return door.call(operation, request, CallOptions::by(kMadeByLesson));
}

std::string describe_failure(std::string_view operation, const Response& response) {
  const std::string type = text_member(response.body, "__type");
  const std::string message = text_member(response.body, "message");
  std::string out = std::string(plain_operation(operation)) + " answered ";
  out += type.empty() ? "HTTP " + std::to_string(response.status) : type;
  if (!message.empty()) out += ": " + message;
  return out;
}

std::string_view plain_operation(std::string_view operation) {
  if (operation.starts_with(kTargetPrefix)) operation.remove_prefix(kTargetPrefix.size());
  return operation;
}

}  // namespace userpool::lessons
