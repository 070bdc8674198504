// An app's own token: the client_credentials grant (RFC 6749 section 4.4)
// at a pool's token endpoint, with the app client's ID and secret, as a
// back-end service asks for it. Used by the Hosted UI view's "Get a machine
// token" and by lessons' MachineToken action, both through the door.
#pragma once

#include <string>

#include <tl/expected.hpp>

#include "core/api/door.h"
#include "core/base/json.h"

namespace userpool {

struct MachineTokenAnswer {
  Json response;            // the door's answer: the HTTP response ({"Status", "Body", ...})
  int status = 0;           // its HTTP status
  Json tokens;              // its body: the access token, or the OAuth error; {} if not JSON
  std::string access_token; // empty unless the grant succeeded
};

// `domain` is the pool's domain (hosted_site_of); `scope` empty asks for the
// client's allowed scopes. The door's own refusal (no such domain, ...) is
// the unexpected Response.
tl::expected<MachineTokenAnswer, Response> request_machine_token(Door& door, const std::string& domain, const std::string& client_id,
                                                                 const std::string& client_secret, const std::string& scope = {});

}  // namespace userpool
