// SimulatedIdP.GetAccountId {"UserPoolId", "ProviderName", "Email"} ->
// {"ProviderName", "ProviderAttributeName": "Cognito_Subject",
// "ProviderAttributeValue"}: the ID a pool's identity provider gives the
// test account with that email address, whether or not it has signed in.
//
// On AWS an app learns this ID from the provider (or from a PreSignUp
// trigger) before it links the identity to an existing user with
// AdminLinkProviderForUser; in the sandbox the providers are simulated, so
// this read lets a learner (and the Users page's link form) do the same.
#include "core/api/api_error.h"
#include "core/api/registry.h"
#include "core/hosted/federation.h"
#include "core/ops/common.h"
#include "core/services/simulated_idp/simulated_idp.h"

namespace userpool::simulated_idp {
namespace {

Json get_account_id(OpContext& ctx, const Request& r) {
  UserPool& pool = ops::require_pool(ctx, r.string("UserPoolId", shapes::kUserPoolId));
  const std::string name = r.string("ProviderName", StringShape{1, 32, nullptr, nullptr});
  const std::string email = r.string("Email", StringShape{1, 254, nullptr, nullptr});
  const IdentityProvider* provider = pool.find_identity_provider(name);
  if (provider == nullptr) fail_resource_not_found("The user pool has no identity provider named " + name + ".");
  if (!is_email_address(email)) fail_invalid_parameter("Email must be an email address, such as jane@example.com.");
  // SAML's ID is the NameID, the address itself; the others' come from
  // the provider's host, which its authorize URL names.
  std::string id = email;
  if (provider->type != "SAML") {
    const auto site = site_for_url(ctx.account, hosted::provider_detail(*provider, "authorize_url"));
    if (!site) fail_invalid_parameter("The identity provider " + name + " is not one the sandbox simulates.");
    id = subject_for(*site, email);
  }
  ctx.rule(name + " names the account " + email + " " + id + " (its Cognito_Subject)");
  return Json{{"ProviderName", name}, {"ProviderAttributeName", "Cognito_Subject"}, {"ProviderAttributeValue", id}};
}

}  // namespace

const OperationTable& account_id_operations() {
  static const OperationTable table = {{"GetAccountId", get_account_id, OperationKind::kRead}};
  return table;
}

}  // namespace userpool::simulated_idp
