#include "core/client/sign_in.h"

#include "core/crypto/secret_hash.h"

namespace userpool::client {
namespace {

std::string text(const Json& object, const char* member) {
  const auto it = object.find(member);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

void add_secret_hash(Json& parameters, const AppClientKeys& app, const std::string& username) {
  if (!app.client_secret.empty()) parameters["SECRET_HASH"] = secret_hash(username, app.client_id, app.client_secret);
}

Json password_auth_request(const AppClientKeys& app, const std::string& username, const std::string& password) {
  Json parameters = {{"USERNAME", username}, {"PASSWORD", password}};
  add_secret_hash(parameters, app, username);
  return Json{{"ClientId", app.client_id}, {"AuthFlow", "USER_PASSWORD_AUTH"}, {"AuthParameters", parameters}};
}

SrpSignIn::SrpSignIn(AppClientKeys app, RandomSource& random) : app_(std::move(app)), srp_(app_.pool_id, random) {}

Json SrpSignIn::initiate_auth_request(const std::string& username) const {
  Json parameters = {{"USERNAME", username}, {"SRP_A", srp_.srp_a()}};
  add_secret_hash(parameters, app_, username);
  return Json{{"ClientId", app_.client_id}, {"AuthFlow", "USER_SRP_AUTH"}, {"AuthParameters", parameters}};
}

tl::expected<Json, std::string> SrpSignIn::password_verifier_request(const Json& initiate_auth_response,
                                                                    const std::string& password, Timestamp now) const {
  if (!initiate_auth_response.is_object() || text(initiate_auth_response, "ChallengeName") != "PASSWORD_VERIFIER")
    return tl::unexpected(std::string("InitiateAuth answered without the PASSWORD_VERIFIER challenge"));
  const auto found = initiate_auth_response.find("ChallengeParameters");
  const Json challenge = found != initiate_auth_response.end() && found->is_object() ? *found : Json::object();
  // From here on the user is named by USER_ID_FOR_SRP (for pools that sign
  // in with an email address or phone number, the username Cognito made).
  const std::string user_id = text(challenge, "USER_ID_FOR_SRP");
  const std::string secret_block = text(challenge, "SECRET_BLOCK");
  const std::string timestamp = srp::format_timestamp(now);
  const auto signature = srp_.password_claim_signature(user_id, password, text(challenge, "SRP_B"),
                                                       text(challenge, "SALT"), secret_block, timestamp);
  if (!signature) return tl::unexpected("the SRP answer could not be computed: " + std::string(srp::describe(signature.error())));
  Json responses = {{"USERNAME", user_id},
                    {"PASSWORD_CLAIM_SECRET_BLOCK", secret_block},
                    {"TIMESTAMP", timestamp},
                    {"PASSWORD_CLAIM_SIGNATURE", *signature}};
  add_secret_hash(responses, app_, user_id);
  Json request = {{"ClientId", app_.client_id}, {"ChallengeName", "PASSWORD_VERIFIER"}, {"ChallengeResponses", responses}};
  // The session ties the answer to this challenge.
  if (const std::string session = text(initiate_auth_response, "Session"); !session.empty()) request["Session"] = session;
  return request;
}

}  // namespace userpool::client
