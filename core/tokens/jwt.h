// JSON Web Tokens in compact form (RFC 7519 / RFC 7515): issuing RS256 tokens
// and taking apart any token a learner pastes, real Cognito ones included,
// with a precise reason for each way it can be malformed.
#pragma once

#include <string>
#include <string_view>

#include <tl/expected.hpp>

#include "core/base/json.h"
#include "core/crypto/rsa_key.h"

namespace userpool {

struct DecodedJwt {
  std::string header_b64, payload_b64, signature_b64;  // the three parts as sent
  Json header, payload;
  Bytes signature;

  // What the signature covers: "<header_b64>.<payload_b64>".
  std::string signing_input() const { return header_b64 + "." + payload_b64; }
};

enum class JwtFormatError {
  kEmpty,
  kWhitespace,          // spaces or line breaks inside the token
  kEncrypted,           // five parts: a JWE, like a Cognito refresh token
  kWrongPartCount,      // not three parts
  kHeaderNotBase64url,
  kHeaderNotJson,
  kHeaderNotObject,
  kPayloadNotBase64url,
  kPayloadNotJson,
  kPayloadNotObject,
  kSignatureNotBase64url,
};

struct JwtFormatProblem {
  JwtFormatError kind;
  std::string message;  // a sentence for the learner, naming the part and position
};

tl::expected<DecodedJwt, JwtFormatProblem> decode_jwt(std::string_view token);

// An RS256-signed compact JWS with the given header members (alg is set to
// RS256) and payload.
std::string sign_jwt(Json header, const Json& payload, const RsaKey& key);

}  // namespace userpool
