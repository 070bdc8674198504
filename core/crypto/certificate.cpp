#include "core/crypto/certificate.h"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <stdexcept>

#include "core/crypto/openssl_owned.h"

namespace userpool {
namespace {

using X509Owned = Owned<X509, X509_free>;

std::string openssl_error() {
  char reason[256] = "";
  if (const unsigned long e = ERR_get_error()) ERR_error_string_n(e, reason, sizeof reason);
  ERR_clear_error();
  return reason;
}

Timestamp to_timestamp(const ASN1_TIME* t) {
  // The days and seconds from the epoch to t (ASN1_TIME_diff needs a time_t base).
  Owned<ASN1_TIME, ASN1_TIME_free> epoch(ASN1_TIME_set(nullptr, 0));
  int days = 0, seconds = 0;
  if (!epoch || ASN1_TIME_diff(&days, &seconds, epoch.get(), t) != 1) return Timestamp{};
  return Timestamp{} + std::chrono::seconds(static_cast<std::int64_t>(days) * 86400 + seconds);
}

}  // namespace

tl::expected<Certificate, std::string> read_certificate(ByteView der) {
  const unsigned char* p = der.data();
  X509Owned x509(d2i_X509(nullptr, &p, static_cast<long>(der.size())));
  if (!x509 || p != der.data() + der.size()) {
    ERR_clear_error();
    return tl::unexpected(std::string("not a DER X.509 certificate"));
  }
  unsigned char* spki = nullptr;
  const int len = i2d_PUBKEY(X509_get0_pubkey(x509.get()), &spki);
  if (len <= 0) return tl::unexpected("the certificate's public key cannot be read: " + openssl_error());
  auto key = RsaKey::from_public_der(ByteView(spki, static_cast<std::size_t>(len)));
  OPENSSL_free(spki);
  if (!key) return tl::unexpected("the certificate's key is " + key.error());
  Certificate c{Bytes(der.begin(), der.end()), *key, {}, {}, {}};
  char name[512] = "";
  X509_NAME_oneline(X509_get_subject_name(x509.get()), name, sizeof name);
  c.subject = name;
  c.not_before = to_timestamp(X509_get0_notBefore(x509.get()));
  c.not_after = to_timestamp(X509_get0_notAfter(x509.get()));
  return c;
}

Bytes make_self_signed_certificate(const RsaKey& key, const std::string& common_name, Timestamp from, int days) {
  const std::string pem = key.private_pem();
  Owned<BIO, BIO_free_all> bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  Owned<EVP_PKEY, EVP_PKEY_free> pkey(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
  X509Owned x509(X509_new());
  if (!pkey || !x509) throw std::runtime_error("OpenSSL X.509: " + openssl_error());
  const auto start = std::chrono::duration_cast<std::chrono::seconds>(from.time_since_epoch()).count();
  X509_set_version(x509.get(), 2);  // v3
  ASN1_INTEGER_set(X509_get_serialNumber(x509.get()), 1);
  ASN1_TIME_set(X509_getm_notBefore(x509.get()), static_cast<time_t>(start));
  ASN1_TIME_set(X509_getm_notAfter(x509.get()), static_cast<time_t>(start + static_cast<std::int64_t>(days) * 86400));
  X509_NAME* name = X509_get_subject_name(x509.get());
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>(common_name.c_str()), -1, -1, 0);
  X509_set_issuer_name(x509.get(), name);
  if (X509_set_pubkey(x509.get(), pkey.get()) != 1 || X509_sign(x509.get(), pkey.get(), EVP_sha256()) <= 0)
    throw std::runtime_error("OpenSSL X.509: signing the certificate failed " + openssl_error());
  unsigned char* der = nullptr;
  const int len = i2d_X509(x509.get(), &der);
  if (len <= 0) throw std::runtime_error("OpenSSL X.509: DER encoding failed " + openssl_error());
  Bytes out(der, der + len);
  OPENSSL_free(der);
  return out;
}

}  // namespace userpool
