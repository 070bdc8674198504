#include "tests/core/harness/harness.h"

#include "core/client/sign_in.h"

#include "core/base/identifiers.h"
#include "core/crypto/secret_hash.h"
#include "tests/core/test_keys.h"

namespace userpool::test {

Json attrs(std::initializer_list<std::pair<std::string, std::string>> list) {
  Json out = Json::array();
  for (const auto& [name, value] : list) out.push_back(Json{{"Name", name}, {"Value", value}});
  return out;
}

Sandbox::Sandbox() : account(secure_random()) {
  account.clock.freeze_at(kStart);
  account.make_pool_keys = [](RandomSource&) { return shared_pool_keys(); };
}

Response Sandbox::call(std::string_view op, const Json& params) { return userpool::call(account, op, params); }

Json Sandbox::ok(std::string_view op, const Json& params) {
  const Response r = call(op, params);
  INFO(op << " " << params.dump() << " -> " << r.status << " " << r.body.dump());
  REQUIRE(r.status == 200);
  return r.body;
}

ApiError Sandbox::error(std::string_view op, const Json& params) {
  const Response r = call(op, params);
  INFO(op << " " << params.dump() << " -> " << r.status << " " << r.body.dump());
  REQUIRE(r.status != 200);
  return ApiError{r.body.value("__type", ""), r.body.value("message", ""), r.status, {}};
}

void Sandbox::advance(Millis d) { REQUIRE(account.clock.advance(d)); }

std::string Sandbox::create_pool(Json params) {
  if (!params.contains("PoolName")) params["PoolName"] = "test";
  return ok("CreateUserPool", params)["UserPool"]["Id"].get<std::string>();
}

std::string Sandbox::create_client(const std::string& pool_id, Json params) {
  params["UserPoolId"] = pool_id;
  if (!params.contains("ClientName")) params["ClientName"] = "app";
  if (!params.contains("ExplicitAuthFlows"))
    params["ExplicitAuthFlows"] = {"ALLOW_USER_SRP_AUTH", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH",
                                   "ALLOW_ADMIN_USER_PASSWORD_AUTH"};
  return ok("CreateUserPoolClient", params)["UserPoolClient"]["ClientId"].get<std::string>();
}

std::string Sandbox::last_code(const std::string& destination) {
  const Json messages = ok("Sandbox.ListMessages", Json{{"Destination", destination}, {"MaxResults", 1}})["Messages"];
  INFO("no message to " << destination);
  REQUIRE(messages.size() == 1);
  return messages[0]["Code"].get<std::string>();
}

std::size_t Sandbox::message_count() { return ok("Sandbox.ListMessages", Json::object())["Messages"].size(); }

void Sandbox::sign_up_confirmed(const std::string& client_id, const std::string& username, const std::string& password,
                                const Json& attributes) {
  ok("SignUp", Json{{"ClientId", client_id}, {"Username", username}, {"Password", password}, {"UserAttributes", attributes}});
  std::string destination = username;
  for (const auto& a : attributes)
    if (a["Name"] == "email") destination = a["Value"].get<std::string>();
  ok("ConfirmSignUp", Json{{"ClientId", client_id}, {"Username", username}, {"ConfirmationCode", last_code(destination)}});
}

Response Sandbox::srp_sign_in(const std::string& pool_id, const std::string& client_id, const std::string& username,
                              const std::string& password, const std::string& client_secret) {
  const client::SrpSignIn srp({pool_id, client_id, client_secret}, secure_random());
  const Response first = call("InitiateAuth", srp.initiate_auth_request(username));
  if (first.status != 200) return first;
  const auto answer = srp.password_verifier_request(first.body, password, now());
  if (!answer) FAIL(answer.error());
  return call("RespondToAuthChallenge", *answer);
}

Response Sandbox::password_sign_in(const std::string& client_id, const std::string& username, const std::string& password) {
  return call("InitiateAuth", Json{{"ClientId", client_id},
                                   {"AuthFlow", "USER_PASSWORD_AUTH"},
                                   {"AuthParameters", {{"USERNAME", username}, {"PASSWORD", password}}}});
}

Json Sandbox::access_token(const std::string& client_id, const std::string& username, const std::string& password) {
  const Response r = password_sign_in(client_id, username, password);
  REQUIRE(r.status == 200);
  REQUIRE(r.body.contains("AuthenticationResult"));
  return r.body["AuthenticationResult"]["AccessToken"];
}

void Sandbox::add_user(const std::string& pool, const std::string& username, const Json& attributes,
                       const std::string& password) {
  ok("AdminCreateUser", {{"UserPoolId", pool}, {"Username", username}, {"UserAttributes", attributes}, {"MessageAction", "SUPPRESS"}});
  ok("AdminSetUserPassword", {{"UserPoolId", pool}, {"Username", username}, {"Password", password}, {"Permanent", true}});
}

std::string Sandbox::status_of(const std::string& pool, const std::string& username) {
  return ok("AdminGetUser", {{"UserPoolId", pool}, {"Username", username}})["UserStatus"].get<std::string>();
}

std::ostream& operator<<(std::ostream& os, const Failure& f) { return os << f.type << ": " << f.message; }

Failure failure(Sandbox& s, std::string_view op, const Json& params) {
  const ApiError e = s.error(op, params);
  return {e.type, e.message};
}

Failure invalid(std::string message) { return {"InvalidParameterException", std::move(message)}; }

Failure validation(const std::string& detail) { return invalid("1 validation error detected: " + detail); }

Failure serialization(std::string message) { return {"SerializationException", std::move(message)}; }

Json last_event(Sandbox& s) { return s.ok("Sandbox.ListEvents", {{"MaxResults", 1}})["Events"][0]; }

std::vector<std::string> last_rules(Sandbox& s) { return last_event(s)["Rules"].get<std::vector<std::string>>(); }

Json admin_get_user(Sandbox& s, const std::string& pool, const std::string& username) {
  return s.ok("AdminGetUser", {{"UserPoolId", pool}, {"Username", username}});
}

std::optional<std::string> attribute_value(const Json& user, const std::string& name) {
  for (const auto& a : user["UserAttributes"])
    if (a["Name"] == name) return a["Value"].get<std::string>();
  return std::nullopt;
}

std::set<std::string> keys(const Json& object) {
  std::set<std::string> out;
  for (const auto& item : object.items()) out.insert(item.key());
  return out;
}

std::string code_not_in(const std::vector<std::string>& codes) {
  for (const char* c : {"000000", "111111", "222222", "333333"})
    if (std::find(codes.begin(), codes.end(), c) == codes.end()) return c;
  return "444444";
}

Failure pool_not_found(const std::string& pool) { return {"ResourceNotFoundException", "User pool " + pool + " does not exist."}; }

}  // namespace userpool::test
