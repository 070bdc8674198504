#include "core/rules/user_existence.h"

#include "core/api/api_error.h"
#include "core/base/identifiers.h"
#include "core/crypto/digest.h"
#include "core/ops/delivery.h"

namespace userpool::user_existence {

void unknown_user_at_sign_in(const AppClient& client) {
  if (client.prevents_user_existence_errors())
    fail_not_authorized("Incorrect username or password.",
                        "PreventUserExistenceErrors is ENABLED: an unknown user looks like a wrong password");
  fail_user_not_found("User does not exist.", "PreventUserExistenceErrors is LEGACY: the error says the user does not exist");
}

srp::PasswordVerifier made_up_srp_user(OpContext& ctx, const UserPool& pool, const AppClient& client,
                                       const std::string& username, std::string& user_id) {
  if (!client.prevents_user_existence_errors()) unknown_user_at_sign_in(client);
  ctx.rule("PreventUserExistenceErrors is ENABLED: an unknown user gets a made-up SRP challenge; it fails at PASSWORD_VERIFIER");
  // The same salt and user ID for the same username every time (RFC 5054
  // section 2.5.1.3), so a made-up user cannot be told from a real one.
  const Bytes seed = hmac_sha256(pool.keys.sealing_key, bytes_of("simulated-srp-user:" + username));
  std::uint64_t seed_value = 0;
  for (int i = 0; i < 8; ++i) seed_value = seed_value << 8 | seed[static_cast<std::size_t>(i)];
  SeededRandom random(seed_value);
  user_id = generate_uuid_v4(random);
  return srp::make_password_verifier(pool_name_of(pool.id), user_id, to_string(random.bytes(16)), random);
}

void made_up_challenge_answered() {
  fail_not_authorized("Incorrect username or password.",
                      "The challenge was made up for a user that does not exist (PreventUserExistenceErrors)");
}

std::optional<Json> made_up_delivery(OpContext& ctx, const UserPool& pool, const AppClient& client,
                                     std::string_view username, std::string_view why) {
  if (!client.prevents_user_existence_errors()) return std::nullopt;
  ctx.rule("PreventUserExistenceErrors is ENABLED: " + std::string(why) +
           ", so a made-up delivery is returned and nothing is sent");
  return Json{{"CodeDeliveryDetails", ops::simulated_delivery(pool.config, username)}};
}

void confirm_forgot_password_unknown_user(const AppClient& client, bool user_exists) {
  if (client.prevents_user_existence_errors())
    fail("CodeMismatchException", "Invalid verification code provided, please try again.",
         "PreventUserExistenceErrors is ENABLED: an unknown or disabled user looks like a wrong code");
  if (!user_exists) fail_user_not_found("Username/client id combination not found.");
}

}  // namespace userpool::user_existence
