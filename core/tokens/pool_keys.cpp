#include "core/tokens/pool_keys.h"

namespace userpool {
namespace {

SigningKey new_signing_key() {
  RsaKey key = RsaKey::generate(2048);
  std::string kid = key_id_for(key);
  return {std::move(kid), std::move(key)};
}

tl::expected<RsaKey, std::string> key_from(const Json& state, const char* name) {
  const auto it = state.find(name);
  if (it == state.end() || !it->is_string()) return tl::unexpected(std::string(name) + " is missing");
  auto key = RsaKey::from_private_pem(it->get<std::string>());
  if (!key) return tl::unexpected(std::string(name) + ": " + key.error());
  if (key->bits() != 2048) return tl::unexpected(std::string(name) + " is not a 2048-bit key");
  return key;
}

}  // namespace

PoolKeys PoolKeys::generate(RandomSource& random) {
  PoolKeys keys{new_signing_key(), new_signing_key(), RsaKey::generate(2048), random.bytes(32)};
  return keys;
}

Jwks PoolKeys::jwks() const {
  return Jwks{{make_signing_jwk(id_token.key, id_token.kid), make_signing_jwk(access_token.key, access_token.kid)}};
}

Json PoolKeys::to_state() const {
  return Json{{"IdTokenKey", id_token.key.private_pem()},
              {"AccessTokenKey", access_token.key.private_pem()},
              {"RefreshTokenKey", refresh_token.private_pem()},
              {"SealingKey", base64_encode(sealing_key)}};
}

tl::expected<PoolKeys, std::string> PoolKeys::from_state(const Json& state) {
  if (!state.is_object()) return tl::unexpected(std::string("the keys are not an object"));
  auto id = key_from(state, "IdTokenKey");
  if (!id) return tl::unexpected(id.error());
  auto access = key_from(state, "AccessTokenKey");
  if (!access) return tl::unexpected(access.error());
  auto refresh = key_from(state, "RefreshTokenKey");
  if (!refresh) return tl::unexpected(refresh.error());
  const auto sealing = state.find("SealingKey");
  std::optional<Bytes> sealing_bytes;
  if (sealing != state.end() && sealing->is_string()) sealing_bytes = base64_decode(sealing->get<std::string>());
  if (!sealing_bytes || sealing_bytes->size() != 32)
    return tl::unexpected(std::string("SealingKey is not the base64 of 32 bytes"));
  // Key IDs are derived from the keys, so they need not be stored.
  std::string id_kid = key_id_for(*id), access_kid = key_id_for(*access);
  return PoolKeys{{std::move(id_kid), std::move(*id)},
                  {std::move(access_kid), std::move(*access)},
                  std::move(*refresh),
                  std::move(*sealing_bytes)};
}

}  // namespace userpool
