#include "core/crypto/aes_gcm.h"

#include <openssl/evp.h>

#include <memory>
#include <stdexcept>

namespace userpool {
namespace {

using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

CipherCtx new_ctx() {
  CipherCtx ctx(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
  if (!ctx) throw std::runtime_error("OpenSSL: EVP_CIPHER_CTX_new failed");
  return ctx;
}

void check(int ok, const char* what) {
  if (ok != 1) throw std::runtime_error(std::string("OpenSSL AES-GCM: ") + what + " failed");
}

void check_sizes(ByteView key, ByteView iv) {
  if (key.size() != 32 || iv.size() != 12) throw std::invalid_argument("AES-256-GCM needs a 32-byte key and a 12-byte IV");
}

}  // namespace

GcmSealed aes256gcm_seal(ByteView key, ByteView iv, ByteView aad, ByteView plaintext) {
  check_sizes(key, iv);
  auto ctx = new_ctx();
  int len = 0;
  GcmSealed out{Bytes(plaintext.size()), Bytes(16)};
  check(EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, key.data(), iv.data()), "init");
  if (!aad.empty()) check(EVP_EncryptUpdate(ctx.get(), nullptr, &len, aad.data(), static_cast<int>(aad.size())), "aad");
  if (!plaintext.empty())
    check(EVP_EncryptUpdate(ctx.get(), out.ciphertext.data(), &len, plaintext.data(), static_cast<int>(plaintext.size())),
          "encrypt");
  check(EVP_EncryptFinal_ex(ctx.get(), out.ciphertext.data() + len, &len), "final");
  check(EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, 16, out.tag.data()), "tag");
  return out;
}

std::optional<Bytes> aes256gcm_open(ByteView key, ByteView iv, ByteView aad, ByteView ciphertext, ByteView tag) {
  check_sizes(key, iv);
  if (tag.size() != 16) return std::nullopt;
  auto ctx = new_ctx();
  int len = 0;
  Bytes out(ciphertext.size());
  check(EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, key.data(), iv.data()), "init");
  if (!aad.empty()) check(EVP_DecryptUpdate(ctx.get(), nullptr, &len, aad.data(), static_cast<int>(aad.size())), "aad");
  if (!ciphertext.empty())
    check(EVP_DecryptUpdate(ctx.get(), out.data(), &len, ciphertext.data(), static_cast<int>(ciphertext.size())),
          "decrypt");
  check(EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, 16, const_cast<std::uint8_t*>(tag.data())), "set tag");
  if (EVP_DecryptFinal_ex(ctx.get(), out.data() + len, &len) != 1) return std::nullopt;  // tag mismatch
  return out;
}

}  // namespace userpool
