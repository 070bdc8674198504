// The simulated outbox: every email and SMS a user pool would send
// (verification and reset codes, invitations with temporary passwords, MFA
// codes) lands here for the learner to read, rendered from the pool's
// templates. Also the masked destinations Cognito returns in
// CodeDeliveryDetails (API Reference: CodeDeliveryDetailsType).
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>

#include "core/base/clock.h"
#include "core/base/json.h"

namespace userpool {

struct Message {
  std::uint64_t id = 0;
  Timestamp time{};
  std::string user_pool_id;
  std::string username;
  std::string medium;       // EMAIL | SMS
  std::string destination;  // the full address or number
  std::string from;         // sender address (email)
  std::string subject;      // email only
  std::string body;
  std::string code;         // the code or temporary password in it, picked out
  std::string purpose;      // SignUp | ResendCode | Invitation | ForgotPassword | MFA | AttributeVerification | ...

  Json to_json() const;
  static Message from_json(const Json& j);
};

class Outbox {
 public:
  // The outbox keeps the most recent messages only (the oldest go first).
  static constexpr std::size_t kCapacity = 2000;

  const Message& add(Message m);
  const std::deque<Message>& messages() const { return messages_; }
  std::uint64_t next_id() const { return next_id_; }
  void clear();

  Json to_state() const;
  void restore(const Json& state);

 private:
  std::deque<Message> messages_;
  std::uint64_t next_id_ = 1;
};

// "j***@e***.com" for an email address, "+*******0100" for a phone number.
std::string mask_destination(std::string_view medium, std::string_view destination);

// Fills a message template: {####} with the code, {username} with the username.
std::string render_template(std::string_view text, std::string_view code, std::string_view username = {});

}  // namespace userpool
