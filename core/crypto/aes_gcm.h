// AES-256-GCM authenticated encryption (OpenSSL EVP): the content cipher of
// the refresh token (JWE "A256GCM") and the seal on the sandbox's opaque
// blobs (SRP SECRET_BLOCK, challenge sessions).
#pragma once

#include <optional>

#include "core/crypto/digest.h"

namespace userpool {

struct GcmSealed {
  Bytes ciphertext;
  Bytes tag;  // 16 bytes
};

// key: 32 bytes; iv: 12 bytes (never reuse one with the same key).
GcmSealed aes256gcm_seal(ByteView key, ByteView iv, ByteView aad, ByteView plaintext);
// nullopt when the tag does not match: wrong key, or anything tampered with.
std::optional<Bytes> aes256gcm_open(ByteView key, ByteView iv, ByteView aad, ByteView ciphertext, ByteView tag);

}  // namespace userpool
