// The simulated identity providers over HTTP (core/services/simulated_idp/
// simulated_idp.h): which SimulatedIdP operation an address is, and the
// HTTP request as its call. Like the domains' routes, free of any server
// library: the local endpoint serves them under /provider/<host>/..., and
// the app's browser view and the tests hand them requests for the
// providers' own addresses (https://accounts.google.com/...).
//
// Paths, by their ending (the providers' own, and the ones the sandbox
// gives an OIDC issuer when the pool names none):
//   authorize: /o/oauth2/v2/auth, /dialog/oauth, /ap/oa, /auth/authorize, /authorize
//       GET SimulatedIdP.GetSignInPage, POST SimulatedIdP.SignIn
//   token: /oauth2/v4/token, /oauth/access_token, /auth/o2/token, /auth/token, /token
//       SimulatedIdP.Token
//   user info: /people/me, /me, /user/profile, /userinfo      SimulatedIdP.GetUserInfo
//   keys: /oauth2/v3/certs, /auth/keys, /jwks.json            SimulatedIdP.GetJwks
//   SAML: /saml/sso   GET SimulatedIdP.GetSamlSignInPage, POST SimulatedIdP.SamlSignIn
//         /saml/metadata                                      SimulatedIdP.GetSamlMetadata
#pragma once

#include <string>
#include <string_view>

#include "core/http/hosted_routes.h"

namespace userpool {

// The answer to a request for `url` (scheme, host and path; the query is
// the request's). A 404 page when no provider's operation has the path.
HostedAnswer answer_provider(Door& door, const HttpRequest& request, const std::string& url);

// The operation a method and path name (empty when none).
std::string provider_operation(std::string_view method, std::string_view path);

}  // namespace userpool
