// The template functions: how each one's argument is checked when a lesson
// loads and how its value is found. Every value is read through the
// dispatcher (unrecorded), as the learner's own screens read them, so a
// template sees exactly what the API shows.
#include <algorithm>
#include <cctype>

#include "core/api/registry.h"
#include "core/api/dispatcher.h"
#include "core/lessons/lesson_pointer.h"
#include "core/lessons/lesson_template.h"
#include "core/crypto/totp.h"

namespace userpool::lessons {
namespace {

using Value = tl::expected<Json, std::string>;

// Pages of a list operation are followed up to this many, so a sandbox
// answering the same page forever cannot hang a check.
constexpr int kMaxPages = 1000;

const Json* member(const Json& object, const char* name) {
  if (!object.is_object()) return nullptr;
  const auto it = object.find(name);
  return it == object.end() ? nullptr : &*it;
}

std::string text_of(const Json& object, const char* name) {
  const Json* m = member(object, name);
  return m && m->is_string() ? m->get<std::string>() : std::string();
}

// Calls a list operation page by page (the page token is `token_member` in
// both the request and the answer) and hands every element of
// `list_member` to `visit`.
template <typename Visit>
tl::expected<void, std::string> for_each_listed(const LessonContext& ctx, std::string_view operation, Json request,
                                               const char* list_member, const char* token_member, Visit visit) {
  for (int page = 0; page < kMaxPages; ++page) {
    const Response r = ctx.read(operation, request);
    if (r.status != 200) return tl::unexpected(describe_failure(operation, r));
    if (const Json* list = member(r.body, list_member); list && list->is_array())
      for (const Json& element : *list) visit(element);
    const std::string token = text_of(r.body, token_member);
    if (token.empty()) return {};
    request[token_member] = token;
  }
  return {};
}

std::string not_empty(std::string_view argument) {
  return argument.empty() ? "the argument is empty" : std::string();
}

// --- user pools and app clients ---------------------------------------------

tl::expected<std::string, std::string> pool_id_named(std::string_view name, const LessonContext& ctx) {
  std::string id;
  double newest = -1;
  const auto listed = for_each_listed(ctx, "ListUserPools", Json{{"MaxResults", 60}}, "UserPools", "NextToken",
                                      [&](const Json& pool) {
                                        if (text_of(pool, "Name") != name) return;
                                        const Json* created = member(pool, "CreationDate");
                                        const double when = created && created->is_number() ? created->get<double>() : 0;
                                        // Pools come in creation order, so a tie goes to the later one.
                                        if (when >= newest) {
                                          newest = when;
                                          id = text_of(pool, "Id");
                                        }
                                      });
  if (!listed) return tl::unexpected(listed.error());
  if (id.empty()) return tl::unexpected("no user pool named " + std::string(name) + " yet");
  return id;
}

Value resolve_pool(std::string_view name, const LessonContext& ctx) {
  auto id = pool_id_named(name, ctx);
  if (!id) return tl::unexpected(id.error());
  return Json(*id);
}

Value resolve_pool_arn(std::string_view name, const LessonContext& ctx) {
  const auto id = pool_id_named(name, ctx);
  if (!id) return tl::unexpected(id.error());
  const Response r = ctx.read("DescribeUserPool", Json{{"UserPoolId", *id}});
  if (r.status != 200) return tl::unexpected(describe_failure("DescribeUserPool", r));
  const Json* arn = find_pointer(r.body, {"UserPool", "Arn"});
  if (!arn || !arn->is_string()) return tl::unexpected("user pool " + std::string(name) + " has no Arn");
  return *arn;
}

std::string check_client(std::string_view argument) {
  const std::size_t slash = argument.find('/');
  if (slash == std::string_view::npos || slash == 0 || slash + 1 == argument.size())
    return "the argument must be POOL/CLIENT: a user pool's name, \"/\", an app client's name";
  return {};
}

Value resolve_client(std::string_view argument, const LessonContext& ctx) {
  const std::size_t slash = argument.find('/');
  const std::string_view pool_name = argument.substr(0, slash), client_name = argument.substr(slash + 1);
  const auto pool_id = pool_id_named(pool_name, ctx);
  if (!pool_id) return tl::unexpected(pool_id.error());
  std::string id;
  const auto listed = for_each_listed(ctx, "ListUserPoolClients", Json{{"UserPoolId", *pool_id}, {"MaxResults", 60}},
                                      "UserPoolClients", "NextToken", [&](const Json& client) {
                                        // Listed in creation order: the last of a name is the newest.
                                        if (text_of(client, "ClientName") == client_name) id = text_of(client, "ClientId");
                                      });
  if (!listed) return tl::unexpected(listed.error());
  if (id.empty())
    return tl::unexpected("no app client named " + std::string(client_name) + " in user pool " + std::string(pool_name) + " yet");
  return Json(id);
}

// --- the inbox -----------------------------------------------------------------

Value resolve_code(std::string_view destination, const LessonContext& ctx) {
  const Response r = ctx.read("Sandbox.ListMessages", Json{{"Destination", destination}, {"MaxResults", 1}});
  if (r.status != 200) return tl::unexpected(describe_failure("Sandbox.ListMessages", r));
  const Json* messages = member(r.body, "Messages");
  if (!messages || !messages->is_array() || messages->empty())
    return tl::unexpected("no message to " + std::string(destination) + " yet");
  const std::string code = text_of((*messages)[0], "Code");
  if (code.empty()) return tl::unexpected("the newest message to " + std::string(destination) + " has no code in it");
  return Json(code);
}

// --- the app's session ---------------------------------------------------------

std::string check_session(std::string_view argument) {
  for (std::string_view known : {"IdToken", "AccessToken", "RefreshToken", "Username", "MachineToken"})
    if (argument == known) return {};
  return "the argument must be IdToken, AccessToken, RefreshToken, Username or MachineToken";
}

Value resolve_session(std::string_view argument, const LessonContext& ctx) {
  const LessonSession& s = ctx.session;
  if (argument == "Username") {
    if (s.username.empty()) return tl::unexpected(std::string("nobody has signed in yet"));
    return Json(s.username);
  }
  if (argument == "MachineToken") {
    if (s.machine_token.empty()) return tl::unexpected(std::string("no app has asked for a machine token (client_credentials) yet"));
    return Json(s.machine_token);
  }
  const std::string& token = argument == "IdToken" ? s.id_token : argument == "AccessToken" ? s.access_token : s.refresh_token;
  if (token.empty()) return tl::unexpected("not signed in (the session has no " + std::string(argument) + ")");
  return Json(token);
}

// --- earlier responses -----------------------------------------------------------

struct LastReference {
  std::string_view operation;
  std::string_view pointer;  // "" or "/..."
};

LastReference split_last(std::string_view argument) {
  const std::size_t slash = argument.find('/');
  if (slash == std::string_view::npos) return {argument, {}};
  return {argument.substr(0, slash), argument.substr(slash)};
}

std::string check_last(std::string_view argument) {
  const LastReference ref = split_last(argument);
  if (ref.operation.empty()) return "the argument must be Operation/pointer, e.g. InitiateAuth/Session";
  const auto names = operation_names();
  if (std::find(names.begin(), names.end(), plain_operation(ref.operation)) == names.end())
    return "unknown operation \"" + std::string(ref.operation) + "\"";
  if (const auto tokens = parse_pointer(ref.pointer); !tokens)
    return "\"" + std::string(ref.pointer) + "\" " + tokens.error();
  return {};
}

Value resolve_last(std::string_view argument, const LessonContext& ctx) {
  const LastReference ref = split_last(argument);
  const Json* body = ctx.memory.last(ref.operation);
  if (!body) return tl::unexpected("no successful " + std::string(ref.operation) + " response yet in this lesson");
  const auto tokens = parse_pointer(ref.pointer);
  if (!tokens) return tl::unexpected("\"" + std::string(ref.pointer) + "\" " + tokens.error());
  const Json* value = find_pointer(*body, *tokens);
  if (!value) return tl::unexpected("the last " + std::string(ref.operation) + " response has no " + path_name(*tokens));
  return *value;
}

// --- authenticator codes ---------------------------------------------------------

std::string check_totp(std::string_view reference) {
  if (reference.empty()) return "the argument must name the secret, e.g. totp:last:AssociateSoftwareToken/SecretCode";
  return check_reference(reference);
}

Value resolve_totp(std::string_view reference, const LessonContext& ctx) {
  const auto secret = resolve_reference(reference, ctx);
  if (!secret) return secret;
  if (!secret->is_string()) return tl::unexpected(std::string(reference) + " is not a secret (it is " + json_kind(*secret) + ")");
  std::string code = totp_code_now(secret->get<std::string>(), virtual_now(ctx.door));
  if (code.empty()) return tl::unexpected(std::string(reference) + " is not a base32 TOTP secret");
  return Json(code);
}

// --- hosted UI domains ----------------------------------------------------------

// The pool's domain prefix (or custom domain); for a pool without one, a
// prefix made from its ID ("us-east-1_AbC12" -> "us-east-1-abc12"): unique
// to the pool, so a lesson started again with a new pool of the same name
// does not find it taken by the old one.
Value resolve_domain(std::string_view name, const LessonContext& ctx) {
  auto id = pool_id_named(name, ctx);
  if (!id) return tl::unexpected(id.error());
  const Response r = ctx.read("DescribeUserPool", Json{{"UserPoolId", *id}});
  if (r.status != 200) return tl::unexpected(describe_failure("DescribeUserPool", r));
  const Json* pool = member(r.body, "UserPool");
  if (pool != nullptr) {
    if (std::string custom = text_of(*pool, "CustomDomain"); !custom.empty()) return Json(custom);
    if (std::string prefix = text_of(*pool, "Domain"); !prefix.empty()) return Json(prefix);
  }
  std::string prefix = *id;
  std::transform(prefix.begin(), prefix.end(), prefix.begin(), [](char c) {
    return c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  });
  return Json(prefix);
}

// --- API Gateway -----------------------------------------------------------------

// API Gateway's REST API lists its items as "items" and pages with
// "position", as its own API does.
Value resolve_rest_api(std::string_view name, const LessonContext& ctx) {
  std::string id;
  const auto listed = for_each_listed(ctx, "ApiGateway.GetRestApis", Json::object(), "items", "position",
                                      [&](const Json& api) {
                                        if (text_of(api, "name") == name) id = text_of(api, "id");
                                      });
  if (!listed) return tl::unexpected(listed.error());
  if (id.empty()) return tl::unexpected("no REST API named " + std::string(name) + " yet");
  return Json(id);
}

}  // namespace

const std::vector<TemplateFunction>& template_functions() {
  static const std::vector<TemplateFunction> table = {
      {"pool", "NAME", not_empty, resolve_pool},
      {"pool_arn", "NAME", not_empty, resolve_pool_arn},
      {"client", "POOL/CLIENT", check_client, resolve_client},
      {"code", "DESTINATION", not_empty, resolve_code},
      {"session", "IdToken|AccessToken|RefreshToken|Username|MachineToken", check_session, resolve_session},
      {"last", "Operation/pointer", check_last, resolve_last},
      {"totp", "REFERENCE", check_totp, resolve_totp},
      {"rest_api", "NAME", not_empty, resolve_rest_api},
      {"domain", "POOL", not_empty, resolve_domain},
  };
  return table;
}

}  // namespace userpool::lessons
