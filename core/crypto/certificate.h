// X.509 certificates, as SAML uses them: an identity provider publishes the
// certificate of its signing key in its metadata, and the service provider
// (the user pool) checks the signature of each response with the key it
// holds. The simulated SAML providers make a self-signed one for their key.
#pragma once

#include <string>

#include <tl/expected.hpp>

#include "core/base/clock.h"
#include "core/crypto/rsa_key.h"

namespace userpool {

struct Certificate {
  Bytes der;
  RsaKey public_key;
  std::string subject;  // "CN=..." as OpenSSL writes a name on one line
  Timestamp not_before{}, not_after{};
};

// A DER certificate read: its RSA public key, subject and validity. An
// error for anything else (not DER, not X.509, not an RSA key).
tl::expected<Certificate, std::string> read_certificate(ByteView der);

// A self-signed certificate for a key pair (SHA-256 with RSA), with the
// subject CN=common_name, valid from `from` for `days` days.
Bytes make_self_signed_certificate(const RsaKey& key, const std::string& common_name, Timestamp from, int days);

}  // namespace userpool
