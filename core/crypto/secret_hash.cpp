#include "core/crypto/secret_hash.h"

#include "core/crypto/digest.h"

namespace userpool {

std::string secret_hash(std::string_view username, std::string_view client_id, std::string_view client_secret) {
  std::string message(username);
  message.append(client_id);
  return base64_encode(hmac_sha256(bytes_of(client_secret), bytes_of(message)));
}

std::string generate_client_secret(RandomSource& random) {
  return random.string_from("0123456789abcdefghijklmnopqrstuvwxyz", 51);
}

}  // namespace userpool
