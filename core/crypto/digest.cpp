#include "core/crypto/digest.h"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/params.h>

#include <memory>
#include <stdexcept>

namespace userpool {
namespace {

[[noreturn]] void openssl_fail(const char* what) { throw std::runtime_error(std::string("OpenSSL: ") + what + " failed"); }

Bytes hmac(const char* digest, ByteView key, ByteView message) {
  Bytes out(EVP_MAX_MD_SIZE);
  std::size_t written = 0;
  // EVP_Q_mac wants a non-null key pointer even for an empty key.
  static const std::uint8_t kEmpty = 0;
  if (EVP_Q_mac(nullptr, "HMAC", nullptr, digest, nullptr, key.empty() ? &kEmpty : key.data(), key.size(),
                message.data(), message.size(), out.data(), out.size(), &written) == nullptr)
    openssl_fail("HMAC");
  out.resize(written);
  return out;
}

}  // namespace

Bytes sha256(ByteView data) {
  Bytes out(32);
  unsigned int written = 0;
  if (EVP_Digest(data.data(), data.size(), out.data(), &written, EVP_sha256(), nullptr) != 1) openssl_fail("SHA-256");
  return out;
}

Bytes hmac_sha256(ByteView key, ByteView message) { return hmac("SHA256", key, message); }

Bytes hmac_sha1(ByteView key, ByteView message) { return hmac("SHA1", key, message); }

Bytes hkdf_sha256(ByteView salt, ByteView input_key, ByteView info, std::size_t length) {
  std::unique_ptr<EVP_KDF, decltype(&EVP_KDF_free)> kdf(EVP_KDF_fetch(nullptr, "HKDF", nullptr), EVP_KDF_free);
  if (!kdf) openssl_fail("HKDF fetch");
  std::unique_ptr<EVP_KDF_CTX, decltype(&EVP_KDF_CTX_free)> ctx(EVP_KDF_CTX_new(kdf.get()), EVP_KDF_CTX_free);
  if (!ctx) openssl_fail("HKDF context");
  char digest[] = "SHA256";
  // OSSL_PARAM takes non-const pointers; OpenSSL only reads these.
  auto* salt_p = const_cast<std::uint8_t*>(salt.data());
  auto* key_p = const_cast<std::uint8_t*>(input_key.data());
  auto* info_p = const_cast<std::uint8_t*>(info.data());
  const OSSL_PARAM params[] = {
      OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, digest, 0),
      OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, salt_p, salt.size()),
      OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY, key_p, input_key.size()),
      OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO, info_p, info.size()),
      OSSL_PARAM_construct_end(),
  };
  Bytes out(length);
  if (EVP_KDF_derive(ctx.get(), out.data(), out.size(), params) != 1) openssl_fail("HKDF");
  return out;
}

bool constant_time_equal(ByteView a, ByteView b) {
  // Lengths are not secret (signatures and codes have fixed sizes).
  return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

bool constant_time_equal(std::string_view a, std::string_view b) { return constant_time_equal(bytes_of(a), bytes_of(b)); }

}  // namespace userpool
