#include "core/crypto/rsa_key.h"

#include <openssl/bio.h>
#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include <stdexcept>

#include "core/crypto/bignum.h"
#include "core/crypto/openssl_owned.h"

namespace userpool {
namespace {

[[noreturn]] void fail(const char* what) {
  char reason[256] = "";
  if (const unsigned long e = ERR_get_error()) ERR_error_string_n(e, reason, sizeof reason);
  ERR_clear_error();
  throw std::runtime_error(std::string("OpenSSL RSA: ") + what + " failed " + reason);
}

using PkeyCtx = Owned<EVP_PKEY_CTX, EVP_PKEY_CTX_free>;
using MdCtx = Owned<EVP_MD_CTX, EVP_MD_CTX_free>;
using Bio = Owned<BIO, BIO_free_all>;

BigNum bn_param(const EVP_PKEY* key, const char* name) {
  BIGNUM* raw = nullptr;
  if (EVP_PKEY_get_bn_param(key, name, &raw) != 1) fail("reading a key parameter");
  Bytes bytes(static_cast<std::size_t>(BN_num_bytes(raw)));
  BN_bn2bin(raw, bytes.data());
  BN_free(raw);
  return BigNum::from_bytes(bytes);
}

PkeyCtx ctx_for(EVP_PKEY* key) {
  PkeyCtx ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, key, nullptr));
  if (!ctx) fail("EVP_PKEY_CTX_new");
  return ctx;
}

void set_oaep(EVP_PKEY_CTX* ctx) {
  if (EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_OAEP_PADDING) != 1 ||
      EVP_PKEY_CTX_set_rsa_oaep_md(ctx, EVP_sha1()) != 1 || EVP_PKEY_CTX_set_rsa_mgf1_md(ctx, EVP_sha1()) != 1)
    fail("setting OAEP padding");
}

}  // namespace

RsaKey::RsaKey(evp_pkey_st* key, bool has_private) : key_(key, EVP_PKEY_free), has_private_(has_private) {}

RsaKey RsaKey::generate(int bits) {
  EVP_PKEY* key = EVP_RSA_gen(static_cast<unsigned int>(bits));
  if (key == nullptr) fail("key generation");
  return RsaKey(key, true);
}

tl::expected<RsaKey, std::string> RsaKey::from_private_pem(std::string_view pem) {
  Bio bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  if (!bio) fail("BIO_new_mem_buf");
  EVP_PKEY* key = PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr);
  ERR_clear_error();
  if (key == nullptr) return tl::unexpected(std::string("not a PEM private key"));
  if (EVP_PKEY_is_a(key, "RSA") != 1) {
    EVP_PKEY_free(key);
    return tl::unexpected(std::string("the PEM key is not an RSA key"));
  }
  return RsaKey(key, true);
}

tl::expected<RsaKey, std::string> RsaKey::from_public(ByteView modulus, ByteView exponent) {
  if (modulus.empty() || exponent.empty()) return tl::unexpected(std::string("the modulus and exponent must not be empty"));
  const BigNum n = BigNum::from_bytes(modulus), e = BigNum::from_bytes(exponent);
  if (n.bits() < 512) return tl::unexpected("the modulus is only " + std::to_string(n.bits()) + " bits");
  Owned<OSSL_PARAM_BLD, OSSL_PARAM_BLD_free> build(OSSL_PARAM_BLD_new());
  if (!build || OSSL_PARAM_BLD_push_BN(build.get(), OSSL_PKEY_PARAM_RSA_N, n.get()) != 1 ||
      OSSL_PARAM_BLD_push_BN(build.get(), OSSL_PKEY_PARAM_RSA_E, e.get()) != 1)
    fail("building key parameters");
  Owned<OSSL_PARAM, OSSL_PARAM_free> params(OSSL_PARAM_BLD_to_param(build.get()));
  PkeyCtx ctx(EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr));
  EVP_PKEY* key = nullptr;
  if (!ctx || !params || EVP_PKEY_fromdata_init(ctx.get()) != 1 ||
      EVP_PKEY_fromdata(ctx.get(), &key, EVP_PKEY_PUBLIC_KEY, params.get()) != 1) {
    ERR_clear_error();
    return tl::unexpected(std::string("OpenSSL refused the modulus and exponent as an RSA public key"));
  }
  return RsaKey(key, false);
}

tl::expected<RsaKey, std::string> RsaKey::from_public_der(ByteView der) {
  const unsigned char* p = der.data();
  EVP_PKEY* key = d2i_PUBKEY(nullptr, &p, static_cast<long>(der.size()));
  if (key == nullptr) {
    ERR_clear_error();
    return tl::unexpected(std::string("not a DER SubjectPublicKeyInfo"));
  }
  if (EVP_PKEY_get_base_id(key) != EVP_PKEY_RSA) {
    EVP_PKEY_free(key);
    return tl::unexpected(std::string("not an RSA key"));
  }
  return RsaKey(key, false);
}

std::string RsaKey::private_pem() const {
  Bio bio(BIO_new(BIO_s_mem()));
  if (!bio || PEM_write_bio_PrivateKey(bio.get(), key_.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1)
    fail("PEM encoding");
  char* data = nullptr;
  const long len = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<std::size_t>(len));
}

Bytes RsaKey::modulus() const { return bn_param(key_.get(), OSSL_PKEY_PARAM_RSA_N).to_bytes(); }

Bytes RsaKey::public_exponent() const { return bn_param(key_.get(), OSSL_PKEY_PARAM_RSA_E).to_bytes(); }

Bytes RsaKey::public_der() const {
  unsigned char* der = nullptr;
  const int len = i2d_PUBKEY(key_.get(), &der);
  if (len <= 0) fail("DER encoding");
  Bytes out(der, der + len);
  OPENSSL_free(der);
  return out;
}

int RsaKey::bits() const { return EVP_PKEY_get_bits(key_.get()); }

Bytes RsaKey::sign_rs256(ByteView message) const {
  if (!has_private_) throw std::logic_error("signing needs a private key");
  MdCtx ctx(EVP_MD_CTX_new());
  std::size_t len = 0;
  if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key_.get()) != 1 ||
      EVP_DigestSign(ctx.get(), nullptr, &len, message.data(), message.size()) != 1)
    fail("signing");
  Bytes signature(len);
  if (EVP_DigestSign(ctx.get(), signature.data(), &len, message.data(), message.size()) != 1) fail("signing");
  signature.resize(len);
  return signature;
}

bool RsaKey::verify_rs256(ByteView message, ByteView signature) const {
  MdCtx ctx(EVP_MD_CTX_new());
  if (!ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key_.get()) != 1)
    fail("verification set-up");
  const bool ok =
      EVP_DigestVerify(ctx.get(), signature.data(), signature.size(), message.data(), message.size()) == 1;
  ERR_clear_error();  // a bad signature leaves an error on OpenSSL's queue
  return ok;
}

Bytes RsaKey::oaep_encrypt(ByteView plaintext) const {
  auto ctx = ctx_for(key_.get());
  if (EVP_PKEY_encrypt_init(ctx.get()) != 1) fail("encryption set-up");
  set_oaep(ctx.get());
  std::size_t len = 0;
  if (EVP_PKEY_encrypt(ctx.get(), nullptr, &len, plaintext.data(), plaintext.size()) != 1) fail("encryption");
  Bytes out(len);
  if (EVP_PKEY_encrypt(ctx.get(), out.data(), &len, plaintext.data(), plaintext.size()) != 1) fail("encryption");
  out.resize(len);
  return out;
}

std::optional<Bytes> RsaKey::oaep_decrypt(ByteView ciphertext) const {
  if (!has_private_) throw std::logic_error("decryption needs a private key");
  auto ctx = ctx_for(key_.get());
  if (EVP_PKEY_decrypt_init(ctx.get()) != 1) fail("decryption set-up");
  set_oaep(ctx.get());
  std::size_t len = 0;
  if (EVP_PKEY_decrypt(ctx.get(), nullptr, &len, ciphertext.data(), ciphertext.size()) != 1) {
    ERR_clear_error();
    return std::nullopt;
  }
  Bytes out(len);
  if (EVP_PKEY_decrypt(ctx.get(), out.data(), &len, ciphertext.data(), ciphertext.size()) != 1) {
    ERR_clear_error();
    return std::nullopt;
  }
  out.resize(len);
  return out;
}

}  // namespace userpool
