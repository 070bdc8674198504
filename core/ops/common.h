// Helpers the operations share: finding pools, clients and users with
// Cognito's errors, SECRET_HASH, the UserType shape, per-user hourly limits
// and setting passwords.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/api/operation.h"
#include "core/rules/password_policy.h"

namespace userpool::ops {

UserPool& require_pool(OpContext& ctx, const std::string& user_pool_id);

// The pool and client a ClientId names (client IDs are unique across pools).
struct PoolClient {
  UserPool& pool;
  AppClient& client;
};
PoolClient require_client(OpContext& ctx, const std::string& client_id);
AppClient& require_client_in(OpContext& ctx, UserPool& pool, const std::string& client_id);

// SECRET_HASH: required and checked when the client has a secret;
// `username` is what the request sends as its username. (Developer Guide,
// "Computing secret hash values".)
void check_secret_hash(OpContext& ctx, const AppClient& client, std::string_view username,
                       const std::optional<std::string>& sent_hash);

// What every public-client request about a user starts with (SignUp,
// ConfirmSignUp, ResendConfirmationCode, ForgotPassword,
// ConfirmForgotPassword): the app client its ClientId names, with its pool,
// the Username (recorded in the event as sent) and the SecretHash. The
// operation reads its other members, then checks the secret hash: a request
// of the wrong shape is refused for its shape first.
struct PublicClientRequest {
  UserPool& pool;
  AppClient& client;
  std::string username;
  std::optional<std::string> secret_hash;

  void check_secret_hash(OpContext& ctx) const { ops::check_secret_hash(ctx, client, username, secret_hash); }
};
PublicClientRequest read_public_client_request(OpContext& ctx, const Request& r);

// A new user, as SignUp and AdminCreateUser make one, in `status`: a new
// sub; the username as given, or the sub itself when the pool signs in with
// an email address or phone number (UsernameAttributes); sub first, then the
// given attributes (empty values left out); the password's verifier; created
// and modified now.
User new_user(OpContext& ctx, const UserPool& pool, const std::string& username, const AttributeList& attributes,
              std::string status, const std::string& password);

// The user a request's Username names: the username itself, an email or
// phone number in pools that sign in with them, a verified alias, or the
// sub. nullptr when there is none.
User* find_user(UserPool& pool, std::string_view username);

// For admin operations: the user, or UserNotFoundException "User does not exist."
User& require_user(OpContext& ctx, UserPool& pool, std::string_view username);

// The user's attributes as [{"Name", "Value"}], sub first, filtered.
Json attributes_json(const User& user, const std::function<bool(std::string_view)>& include = {});
// UserType (ListUsers: "Attributes") or AdminGetUser's shape ("UserAttributes").
Json user_json(const User& user, const char* attributes_member, const std::function<bool(std::string_view)>& include = {});
// UserMFASettingList / PreferredMfaSetting / MFAOptions members.
void add_mfa_settings(Json& out, const User& user);

// A client may write only the attributes it is granted (Developer Guide: "Attribute permissions and scopes").
void check_client_can_write(const UserPool& pool, const AppClient& client, const AttributeList& attributes);

// Cognito's per-user hourly limits (Developer Guide: "Quotas in Amazon Cognito"): refuses with
// LimitExceededException once `limit` actions happened in the last hour,
// otherwise records this one.
void check_hourly_limit(OpContext& ctx, User& user, const std::string& action, int limit);

// Sets a new password: checks the policy and the history, stores a fresh
// verifier. The replaced password joins the history when the pool keeps one.
void set_password(OpContext& ctx, UserPool& pool, User& user, std::string_view password, PolicyWording wording);
bool password_matches(const UserPool& pool, const User& user, std::string_view password);

// Lists paged by position: the start index a NextToken names (throws
// InvalidParameterException for a token that is not one), and the token for
// the next page.
std::size_t page_start(const std::optional<std::string>& token, std::size_t size);
std::string page_token(std::size_t next);

// One page of such a list: at most `limit` items from where the request's
// NextToken points, each as `describe` shows it (an item shown as null is
// left out), under `member`, with the NextToken of the rest when there is more.
template <class Items, class Describe>
Json page_of(const Request& r, const Items& items, std::size_t limit, const char* member, Describe describe) {
  std::size_t i = page_start(r.optional_string("NextToken"), items.size());
  Json list = Json::array();
  for (; i < items.size() && list.size() < limit; ++i) {
    Json shown = describe(items[i]);
    if (!shown.is_null()) list.push_back(std::move(shown));
  }
  Json out = {{member, std::move(list)}};
  if (i < items.size()) out["NextToken"] = page_token(i);
  return out;
}

// Whether a username looks like an email address or a phone number.
bool looks_like_email(std::string_view s);
bool looks_like_phone(std::string_view s);

}  // namespace userpool::ops
