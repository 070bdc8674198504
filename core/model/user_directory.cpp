#include "core/model/user_directory.h"

#include <algorithm>

namespace userpool {

std::string UserDirectory::fold(std::string_view text) const {
  std::string out(text);
  if (!case_sensitive_)
    std::transform(out.begin(), out.end(), out.begin(), [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
  return out;
}

bool UserDirectory::indexed(std::string_view attribute) {
  return attribute == "email" || attribute == "phone_number" || attribute == "preferred_username";
}

std::string UserDirectory::attribute_key(std::string_view name, std::string_view value) const {
  return std::string(name) + '\n' + fold(value);
}

User& UserDirectory::add(User user) {
  if (user.seq == 0) user.seq = next_seq_;
  next_seq_ = std::max(next_seq_, user.seq + 1);
  const std::uint64_t seq = user.seq;
  User& stored = users_.emplace(seq, std::move(user)).first->second;
  by_username_[fold(stored.username)] = seq;
  by_sub_[stored.sub] = seq;
  for (const auto& [name, value] : stored.attributes)
    if (indexed(name)) by_attribute_.emplace(attribute_key(name, value), seq);
  return stored;
}

void UserDirectory::remove(const User& user) {
  for (const auto& [name, value] : user.attributes)
    if (indexed(name)) unindex_attribute(user, name);
  by_username_.erase(fold(user.username));
  by_sub_.erase(user.sub);
  users_.erase(user.seq);  // `user` is gone after this
}

User* UserDirectory::by_username(std::string_view username) {
  const auto it = by_username_.find(fold(username));
  return it == by_username_.end() ? nullptr : &users_.at(it->second);
}

User* UserDirectory::by_sub(std::string_view sub) {
  const auto it = by_sub_.find(std::string(sub));
  return it == by_sub_.end() ? nullptr : &users_.at(it->second);
}

std::vector<User*> UserDirectory::with_attribute(std::string_view name, std::string_view value) {
  std::vector<User*> out;
  const auto [first, last] = by_attribute_.equal_range(attribute_key(name, value));
  for (auto it = first; it != last; ++it) out.push_back(&users_.at(it->second));
  std::sort(out.begin(), out.end(), [](const User* a, const User* b) { return a->seq < b->seq; });
  return out;
}

void UserDirectory::unindex_attribute(const User& user, std::string_view name) {
  const std::string* value = user.attribute(name);
  if (value == nullptr) return;
  const auto [first, last] = by_attribute_.equal_range(attribute_key(name, *value));
  for (auto it = first; it != last; ++it) {
    if (it->second == user.seq) {
      by_attribute_.erase(it);
      return;
    }
  }
}

void UserDirectory::set_attribute(User& user, std::string_view name, std::string_view value) {
  if (indexed(name)) unindex_attribute(user, name);
  auto it = std::find_if(user.attributes.begin(), user.attributes.end(), [&](const auto& kv) { return kv.first == name; });
  if (value.empty()) {
    if (it != user.attributes.end()) user.attributes.erase(it);
    return;
  }
  if (it != user.attributes.end())
    it->second = std::string(value);
  else if (name == "sub")
    user.attributes.insert(user.attributes.begin(), {std::string(name), std::string(value)});
  else
    user.attributes.emplace_back(std::string(name), std::string(value));
  if (indexed(name)) by_attribute_.emplace(attribute_key(name, value), user.seq);
}

}  // namespace userpool
