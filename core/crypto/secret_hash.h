// App client secrets and SECRET_HASH (Developer Guide: "Computing secret hash values").
#pragma once

#include <string>
#include <string_view>

#include "core/base/random.h"

namespace userpool {

// Base64(HMAC-SHA256(key = client secret, message = username + client ID)).
// `username` is what the request sends as USERNAME (after SRP, the
// USER_ID_FOR_SRP the challenge named).
std::string secret_hash(std::string_view username, std::string_view client_id, std::string_view client_secret);

// A new client secret: 51 lowercase alphanumerics. The model allows 24-64
// characters of [\w+]; 51 is the length generated secrets are seen with
// (UNVERIFIED exact length).
std::string generate_client_secret(RandomSource& random);

}  // namespace userpool
