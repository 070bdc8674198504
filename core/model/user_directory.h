// The users of one pool, in creation order, with the indexes sign-in needs:
// by username (case-folded when the pool is case-insensitive), by sub, and
// by the attributes that can be aliases or usernames (email, phone_number,
// preferred_username). Attribute changes go through the directory so the
// indexes follow them.
#pragma once

#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/model/user.h"

namespace userpool {

class UserDirectory {
 public:
  explicit UserDirectory(bool case_sensitive = true) : case_sensitive_(case_sensitive) {}

  bool case_sensitive() const { return case_sensitive_; }
  // The form a username or alias is compared in (lowercase ASCII when the
  // pool is case-insensitive; other scripts compare as written).
  std::string fold(std::string_view text) const;

  // Adds a user (assigning its creation number) and indexes it.
  User& add(User user);
  void remove(const User& user);
  std::size_t size() const { return users_.size(); }

  User* by_username(std::string_view username);
  User* by_sub(std::string_view sub);
  // Users whose indexed attribute has this value (compared folded).
  std::vector<User*> with_attribute(std::string_view name, std::string_view value);

  // Sets an attribute (an empty value removes it), keeping sub first and the
  // rest in the order they were first set.
  void set_attribute(User& user, std::string_view name, std::string_view value);

  // Users in creation order.
  std::map<std::uint64_t, User>& users() { return users_; }
  const std::map<std::uint64_t, User>& users() const { return users_; }
  std::uint64_t next_seq() const { return next_seq_; }
  // Makes the next creation number at least `next` (restoring saved state).
  void reserve_seq(std::uint64_t next) { next_seq_ = std::max(next_seq_, next); }

 private:
  static bool indexed(std::string_view attribute);
  std::string attribute_key(std::string_view name, std::string_view value) const;
  void unindex_attribute(const User& user, std::string_view name);

  bool case_sensitive_;
  std::uint64_t next_seq_ = 1;
  std::map<std::uint64_t, User> users_;
  std::unordered_map<std::string, std::uint64_t> by_username_;
  std::unordered_map<std::string, std::uint64_t> by_sub_;
  std::unordered_multimap<std::string, std::uint64_t> by_attribute_;
};

}  // namespace userpool
