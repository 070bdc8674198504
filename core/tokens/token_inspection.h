// Helpers of the token inspector that need no screen: re-assembling a token
// around an edited payload (with its original signature, so verification
// shows the tampering), claim values to and from the text a learner types,
// and the user pool a Cognito issuer names.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <tl/expected.hpp>

#include "core/base/json.h"
#include "core/tokens/jwt.h"

namespace userpool {

// The token with `payload` in place of its own, keeping the original header
// and signature parts byte for byte. An unchanged payload keeps its original
// encoding too, so "no edit" gives back exactly the token that was decoded.
std::string with_payload(const DecodedJwt& jwt, const Json& payload);

// A claim's value as a learner edits it: strings as they are, anything else
// (numbers, booleans, arrays, objects) as compact JSON.
std::string claim_as_text(const Json& value);
// The inverse for a claim whose value was `original`: a string stays a
// string whatever is typed; any other kind must be typed as JSON. The error
// says what was expected.
tl::expected<Json, std::string> claim_from_text(const Json& original, std::string_view text);

// "us-east-1_AbC" from "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC"
// (Developer Guide: "Understanding user pool JSON web tokens (JWTs)"); nullopt for an issuer of any other shape.
std::optional<std::string> user_pool_id_from_issuer(std::string_view issuer);

// The token with blanks at its ends removed: a token copied from a
// terminal or a document often brings a line break along. Blanks inside it
// are left for decode_jwt to report.
std::string_view trim_token(std::string_view text);

}  // namespace userpool
