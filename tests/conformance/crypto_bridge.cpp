// A wasm module for the conformance tests: node calls bridge_call() with a
// JSON request and gets a JSON answer, so real Cognito client libraries
// (amazon-cognito-identity-js, aws-jwt-verify) can be run against the
// sandbox's SRP server and tokens exactly as the browser runs them.
//
// Requests: {"op": ..., ...}
//   srp.register {poolId, username, password}      stores a verifier
//   srp.begin    {username, srpA}                   -> {SRP_B, SALT, SECRET_BLOCK, USER_ID_FOR_SRP}
//   srp.verify   {username, secretBlock, timestamp, signature} -> {ok} or {error}
//   tokens.issue {poolId, clientId, username, ...}  -> {idToken, accessToken, jwks}
#include <emscripten.h>

#include <map>
#include <memory>
#include <optional>
#include <string>

#include "core/base/identifiers.h"
#include "core/crypto/srp.h"
#include "core/tokens/tokens.h"
#include "core/tokens/well_known.h"

using namespace userpool;

namespace {

struct Bridge {
  std::string pool_id;
  std::unique_ptr<srp::Server> server;
  std::map<std::string, srp::PasswordVerifier> verifiers;
  std::map<std::string, PoolKeys> keys;  // by pool ID, made on first use
  std::string answer;                    // the last answer (its buffer is returned)
};
Bridge& bridge() {
  static Bridge b;
  return b;
}

Json handle(const Json& request) {
  Bridge& b = bridge();
  const std::string op = request.at("op").get<std::string>();
  const Clock clock;  // the wall clock, as a real client's TIMESTAMP uses
  if (op == "srp.register") {
    b.pool_id = request.at("poolId").get<std::string>();
    b.server = std::make_unique<srp::Server>(b.pool_id, secure_random().bytes(32));
    const auto user = request.at("username").get<std::string>();
    b.verifiers[user] = srp::make_password_verifier(pool_name_of(b.pool_id), user,
                                                    request.at("password").get<std::string>(), secure_random());
    return Json{{"ok", true}};
  }
  if (op == "srp.begin") {
    const auto user = request.at("username").get<std::string>();
    const auto challenge =
        b.server->begin(user, b.verifiers.at(user), request.at("srpA").get<std::string>(), clock.now(), secure_random());
    if (!challenge) return Json{{"error", srp::describe(challenge.error())}};
    return Json{{"SRP_B", challenge->srp_b}, {"SALT", challenge->salt}, {"SECRET_BLOCK", challenge->secret_block},
                {"USER_ID_FOR_SRP", user}};
  }
  if (op == "srp.verify") {
    const auto user = request.at("username").get<std::string>();
    const auto block = request.at("secretBlock").get<std::string>();
    const auto stamp = request.at("timestamp").get<std::string>();
    const auto signature = request.at("signature").get<std::string>();
    const auto result = b.server->verify({user, block, stamp, signature}, b.verifiers.at(user), clock.now());
    if (!result) return Json{{"error", srp::describe(result.error())}};
    return Json{{"ok", true}};
  }
  if (op == "tokens.issue") {
    const auto pool = request.at("poolId").get<std::string>();
    if (!b.keys.contains(pool)) b.keys.emplace(pool, PoolKeys::generate(secure_random()));
    const PoolKeys& keys = b.keys.at(pool);
    TokenSubject subject{generate_uuid_v4(secure_random()), request.at("username").get<std::string>(),
                         request.value("groups", std::vector<std::string>{}), Json::object()};
    const Json attributes = request.value("attributes", Json::object());
    for (const auto& [name, value] : attributes.items())
      subject.attributes[name] = attribute_claim(name, value.get<std::string>());
    TokenGrant grant;
    grant.user_pool_id = pool;
    grant.issuer = issuer_for(pool);
    grant.client_id = request.at("clientId").get<std::string>();
    grant.auth_time = grant.issued_at = clock.now() - std::chrono::seconds(request.value("ageSeconds", 0));
    grant.event_id = generate_uuid_v4(secure_random());
    grant.origin_jti = generate_uuid_v4(secure_random());
    return Json{{"idToken", sign_token(id_token_claims(subject, grant, generate_uuid_v4(secure_random())), keys.id_token)},
                {"accessToken",
                 sign_token(access_token_claims(subject, grant, generate_uuid_v4(secure_random())), keys.access_token)},
                {"jwks", keys.jwks().to_json()}};
  }
  return Json{{"error", "unknown op " + op}};
}

}  // namespace

extern "C" EMSCRIPTEN_KEEPALIVE const char* bridge_call(const char* request_json) {
  Json answer;
  try {
    answer = handle(Json::parse(request_json));
  } catch (const std::exception& e) {
    answer = Json{{"error", e.what()}};
  }
  bridge().answer = answer.dump();
  return bridge().answer.c_str();
}
