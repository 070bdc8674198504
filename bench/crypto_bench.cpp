// Crypto benchmark: what signing in costs the simulated user pool, natively
// and in wasm. Prints RSA key generation, RS256 sign and verify, the server's
// SRP work per sign-in (InitiateAuth + PASSWORD_VERIFIER), and issuing a
// sign-in's tokens.
#include <cstdio>

#include "bench/bench.h"
#include "core/base/identifiers.h"
#include "core/tokens/refresh_token.h"
#include "core/crypto/srp.h"
#include "core/tokens/tokens.h"

using namespace userpool;

int main() {
#ifdef __EMSCRIPTEN__
  const char* where = "wasm (node)";
#else
  const char* where = "native";
#endif
  bench::print_header((std::string("Crypto benchmark, ") + where).c_str());
  auto& random = secure_random();

  bench::print("RSA-2048 key pair generation", bench::measure([] { (void)RsaKey::generate(2048); }, 3.0, 5));

  const PoolKeys keys = PoolKeys::generate(random);
  const Bytes message = to_bytes(std::string(600, 'x'));  // about a token's signing input
  const Bytes signature = keys.id_token.key.sign_rs256(message);
  bench::print("RS256 sign", bench::measure([&] { (void)keys.id_token.key.sign_rs256(message); }));
  bench::print("RS256 verify", bench::measure([&] { (void)keys.id_token.key.verify_rs256(message, signature); }));

  // SRP: the server's side only; the client's work between the two steps is
  // done outside the timed parts.
  const std::string pool_id = "us-east-1_AbCdEfGhI";
  const srp::Server server(pool_id, keys.sealing_key);
  const auto verifier = srp::make_password_verifier(pool_name_of(pool_id), "alice", "Passw0rd!", random);
  const srp::Client client(pool_id, random);
  const Clock clock;
  bench::print("SRP server: InitiateAuth (B, SECRET_BLOCK)", bench::measure([&] {
                 (void)server.begin("alice", verifier, client.srp_a(), clock.now(), random);
               }));
  const auto challenge = server.begin("alice", verifier, client.srp_a(), clock.now(), random).value();
  const auto timestamp = srp::format_timestamp(clock.now());
  const auto claim_signature = client.password_claim_signature("alice", "Passw0rd!", challenge.srp_b, challenge.salt,
                                                               challenge.secret_block, timestamp).value();
  const srp::Claim claim{"alice", challenge.secret_block, timestamp, claim_signature};
  if (!server.verify(claim, verifier, clock.now())) {
    std::fprintf(stderr, "SRP round trip failed\n");
    return 1;
  }
  bench::print("SRP server: PASSWORD_VERIFIER check", bench::measure([&] { (void)server.verify(claim, verifier, clock.now()); }));
  bench::print("SRP server: whole sign-in (both steps)", bench::measure([&] {
                 const auto c = server.begin("alice", verifier, client.srp_a(), clock.now(), random).value();
                 (void)server.verify({"alice", c.secret_block, timestamp, claim_signature}, verifier, clock.now());
               }));

  TokenSubject subject{generate_uuid_v4(random), "alice", {}, Json{{"email", "alice@example.com"}}};
  TokenGrant grant;
  grant.user_pool_id = pool_id;
  grant.client_id = generate_app_client_id(random);
  grant.auth_time = grant.issued_at = clock.now();
  grant.event_id = generate_uuid_v4(random);
  grant.origin_jti = generate_uuid_v4(random);
  RefreshTokenClaims refresh{pool_id, grant.client_id, "alice", subject.sub, "j", "o", clock.now(), clock.now(), clock.now(), ""};
  bench::print("Tokens for one sign-in (ID + access + refresh)", bench::measure([&] {
                 (void)sign_token(id_token_claims(subject, grant, generate_uuid_v4(random)), keys.id_token);
                 (void)sign_token(access_token_claims(subject, grant, generate_uuid_v4(random)), keys.access_token);
                 (void)seal_refresh_token(refresh, keys.refresh_token, random);
               }));
  return 0;
}
