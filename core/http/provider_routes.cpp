#include "core/http/provider_routes.h"

#include "core/api/registry.h"

namespace userpool {
namespace {

bool ends_with_any(std::string_view path, std::initializer_list<std::string_view> endings) {
  for (std::string_view e : endings)
    if (path.ends_with(e)) return true;
  return false;
}

}  // namespace

std::string provider_operation(std::string_view method, std::string_view path) {
  while (path.size() > 1 && path.ends_with('/')) path.remove_suffix(1);
  if (path.ends_with("/saml/sso")) return method == "POST" ? "SimulatedIdP.SamlSignIn" : "SimulatedIdP.GetSamlSignInPage";
  if (path.ends_with("/saml/metadata")) return "SimulatedIdP.GetSamlMetadata";
  if (ends_with_any(path, {"/o/oauth2/v2/auth", "/dialog/oauth", "/ap/oa", "/auth/authorize", "/authorize"}))
    return method == "POST" ? "SimulatedIdP.SignIn" : "SimulatedIdP.GetSignInPage";
  if (ends_with_any(path, {"/oauth2/v4/token", "/oauth/access_token", "/auth/o2/token", "/auth/token", "/token"}))
    return "SimulatedIdP.Token";
  if (ends_with_any(path, {"/people/me", "/me", "/user/profile", "/userinfo"})) return "SimulatedIdP.GetUserInfo";
  if (ends_with_any(path, {"/oauth2/v3/certs", "/auth/keys", "/jwks.json"})) return "SimulatedIdP.GetJwks";
  return {};
}

HostedAnswer answer_provider(Door& door, const HttpRequest& request, const std::string& url) {
  HostedAnswer answer;
  const auto scheme = url.find("://");
  const auto slash = url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
  const std::string path = slash == std::string::npos ? "/" : url.substr(slash);
  answer.operation = provider_operation(request.method, path);
  if (answer.operation.empty()) {
    answer.response = page_not_found("There is no page at " + url + " in the sandbox: its browser reaches the pools' domains, the app "
                                "and the simulated identity providers' sign-in pages.");
    return answer;
  }
  Json call = hosted_call(request);
  call["Url"] = url;
  call.erase("Cookies");  // the provider's own cookies: the simulated providers remember accounts in the sandbox instead
  call_page_operation(door, call, answer);
  return answer;
}

}  // namespace userpool
