// The hosted UI's pages (Developer Guide: "Login endpoint", "Signing up and
// confirming user accounts", "Resetting a user password"): sign-in, sign-up,
// confirming the account with the code from the inbox, and the forgotten
// password. Each form carries the authorize request's parameters in its
// address and a CSRF token; each page is what Cognito's classic hosted UI
// shows, in the client's look.
//
// Behind the forms the hosted UI is a client of the pool like any app: it
// signs users up, confirms them and resets passwords with the same
// operations (SignUp, ConfirmSignUp, ForgotPassword, ConfirmForgotPassword),
// so their rules, codes and messages are the API's.
#include "core/api/api_error.h"
#include "core/api/registry.h"
#include "core/base/identifiers.h"
#include "core/crypto/secret_hash.h"
#include "core/crypto/totp.h"
#include "core/hosted/authorization.h"
#include "core/hosted/federation.h"
#include "core/hosted/pages.h"
#include "core/ops/common.h"
#include "core/ops/sign_in.h"
#include "core/rules/lockout.h"
#include "core/rules/user_existence.h"

namespace userpool::hosted {
namespace {

// A page request: the site, the request, and its authorize parameters
// checked (or the answer to send instead).
struct PageRequest {
  Site site;
  HostedRequest request;
  std::variant<Authorization, Reply> authorization;
};

PageRequest read_page_request(OpContext& ctx, const Request& r) {
  Site site = read_site(ctx, r);
  HostedRequest request = read_hosted_request(r);
  auto authorization = check_authorization(ctx, site, request);
  return {std::move(site), std::move(request), std::move(authorization)};
}

// The CSRF token for a form: the browser's, or a new one it is given.
std::string csrf_token(OpContext& ctx, const HostedRequest& request, std::vector<std::string>& set_cookies, const Site& site) {
  if (const auto it = request.cookies.find(kCsrfCookie); it != request.cookies.end() && it->second.size() >= 32) return it->second;
  std::string token = generate_uuid_v4(ctx.random()) + generate_uuid_v4(ctx.random());
  std::erase(token, '-');
  set_cookies.push_back(session_cookie(site, kCsrfCookie, token, 3600));
  return token;
}

// A form post whose _csrf matches the browser's XSRF-TOKEN cookie came from
// a page of this domain (the double-submit pattern).
bool csrf_ok(OpContext& ctx, const HostedRequest& request) {
  const auto cookie = request.cookies.find(kCsrfCookie);
  const auto field = request.form.find(kCsrfField);
  const bool ok = cookie != request.cookies.end() && field != request.form.end() && !cookie->second.empty() &&
                  cookie->second == field->second;
  if (!ok) ctx.rule("The form's _csrf does not match the browser's XSRF-TOKEN cookie: refused (cross-site request forgery protection)");
  return ok;
}
// UNVERIFIED: Cognito's wording for a form that fails the CSRF check.
constexpr const char* kCsrfMessage = "Your session has expired or the form came from another site. Please try again.";

// Whether the client's users may sign in with the pool's own usernames and passwords.
bool signs_in_with_cognito(const AppClient& client) {
  const auto& list = client.supported_identity_providers;
  return list && std::find(list->begin(), list->end(), "COGNITO") != list->end();
}

bool signs_in_with_email(const UserPool& pool) {
  const auto& a = pool.config.username_attributes;
  return std::find(a.begin(), a.end(), "email") != a.end();
}

// Calls one of the pool's operations on the user's behalf, as an app
// would, with the client's SECRET_HASH when it has a secret. Its rules go
// into this page's event.
Json call_pool_operation(OpContext& ctx, const AppClient& client, const char* operation, Json body, const std::string& username) {
  body["ClientId"] = client.client_id;
  if (client.has_secret()) body["SecretHash"] = secret_hash(username, client.client_id, client.client_secret);
  return call_operation(ctx, operation, body);
}

// The message an API error shows on a page.
std::string shown_error(OpContext& ctx, const ApiException& e) {
  if (!e.error().rule.empty()) ctx.rule(e.error().rule);
  return e.error().message;
}

Reply page(const Site& site, const Authorization& a, PageContent content, std::vector<std::string> set_cookies, int status = 200) {
  Reply reply = html_page(status, render_page(look_for(site, *a.client), content));
  reply.set_cookies = std::move(set_cookies);
  return reply;
}

// --- Sign in -------------------------------------------------------------

// An authenticator being set up during MFA_SETUP: the secret key, and the
// session AssociateSoftwareToken gave with it (VerifySoftwareToken takes it).
struct SetupSecret {
  std::string secret, session;
};

// Starts an authenticator set-up during MFA_SETUP, as the page does when it
// opens: AssociateSoftwareToken with the challenge's session. Empty when
// the challenge cannot set up an authenticator here.
std::optional<SetupSecret> start_authenticator_setup(OpContext& ctx, const Json& challenge) {
  if (challenge.value("ChallengeName", std::string()) != "MFA_SETUP") return std::nullopt;
  const Json can_setup = Json::parse(challenge.value("ChallengeParameters", Json::object()).value("MFAS_CAN_SETUP", std::string("[]")),
                                     nullptr, false);
  if (!can_setup.is_array() || std::find(can_setup.begin(), can_setup.end(), Json("SOFTWARE_TOKEN_MFA")) == can_setup.end())
    return std::nullopt;
  const Json answer = call_operation(ctx, "AssociateSoftwareToken", {{"Session", challenge.value("Session", std::string())}});
  return SetupSecret{answer.value("SecretCode", std::string()), answer.value("Session", std::string())};
}

// The page of a challenge the sign-in must answer (a new password, an MFA
// choice or code, an authenticator to set up), from the challenge as the
// API gives it.
Reply challenge_page(OpContext& ctx, const Site& site, const Authorization& a, const HostedRequest& request,
                     const std::string& username, const Json& challenge, const std::string& error = {},
                     const SetupSecret* setup_secret = nullptr) {
  std::vector<std::string> cookies;
  const std::string name = challenge.value("ChallengeName", std::string());
  const Json parameters = challenge.value("ChallengeParameters", Json::object());
  PageContent c;
  c.error = error;
  std::vector<Field> fields;
  if (name == "NEW_PASSWORD_REQUIRED") {
    c.title = "Change Password";
    c.description = "Please enter a new password.";
    c.action = a.page_url(site, "/resetpassword");
    fields.push_back({"New Password", "newPassword", "password", "", "new-password"});
    // Required attributes the user has no value for yet.
    const Json required = Json::parse(parameters.value("requiredAttributes", std::string("[]")), nullptr, false);
    if (required.is_array())
      for (const Json& attribute : required)
        if (attribute.is_string()) {
          const std::string plain = attribute.get<std::string>().substr(attribute.get<std::string>().rfind('.') + 1);
          fields.push_back({plain, "requiredAttributes[" + plain + "]", "text", "", ""});
        }
    c.submit_label = "Send";
  } else if (name == "SMS_MFA" || name == "SOFTWARE_TOKEN_MFA") {
    c.title = name == "SMS_MFA" ? "Enter the code sent to your phone" : "Enter the code from your authenticator app";
    if (name == "SMS_MFA") c.notice = "We have sent a code by SMS to " + parameters.value("CODE_DELIVERY_DESTINATION", std::string()) + ".";
    c.action = a.page_url(site, "/mfa");
    fields.push_back({"Code", "code", "text", "", "one-time-code"});
    c.submit_label = "Sign in";
  } else if (name == "SELECT_MFA_TYPE") {
    // UNVERIFIED: the classic page's wording; the choice is the API's ANSWER.
    c.title = "Choose an MFA method";
    c.description = "How would you like to receive your sign-in code?";
    c.action = a.page_url(site, "/mfa");
    const Json factors = Json::parse(parameters.value("MFAS_CAN_CHOOSE", std::string("[]")), nullptr, false);
    if (factors.is_array())
      for (const Json& factor : factors)
        if (factor.is_string())
          fields.push_back({factor == "SMS_MFA" ? "Text message (SMS)" : factor == "SOFTWARE_TOKEN_MFA" ? "Authenticator app" : factor.get<std::string>(),
                            "mfaType", "radio", factor.get<std::string>(), "", fields.empty()});
    c.submit_label = "Continue";
  } else if (name == "MFA_SETUP" && setup_secret != nullptr) {
    // The authenticator set-up, as the classic page does it: the secret
    // from AssociateSoftwareToken (the page asks for it with the challenge's
    // session), the first code, a name for the device. UNVERIFIED: the
    // wording; the sandbox shows the key and its otpauth:// link, not a QR code.
    c.title = "Set up an authenticator app";
    c.description = "Add this secret key to your authenticator app (or open the otpauth link on the device that has it), then "
                    "enter the 6-digit code it shows.";
    c.notice = "Secret key: " + setup_secret->secret;
    c.action = a.page_url(site, "/mfa");
    fields.push_back({"Code", "code", "text", "", "one-time-code"});
    fields.push_back({"Device name", "friendlyDeviceName", "text", "My authenticator", ""});
    fields.push_back({"", "secret", "hidden", setup_secret->secret, ""});  // shown again after a wrong code
    c.links.push_back({"otpauth link for this key", otpauth_uri(site.pool.config.name, username, setup_secret->secret)});
    c.submit_label = "Sign in";
  } else {
    // A set-up the hosted UI cannot offer (an SMS factor without a phone
    // number): said plainly, with the way on.
    c.title = "One more step";
    c.error = error.empty() ? "This sign-in needs " + name + ", a step the sandbox's hosted UI does not show. "
                              "Complete it once in Try it, then sign in here again."
                            : error;
    return page(site, a, std::move(c), std::move(cookies));
  }
  fields.push_back({"", "challenge", "hidden", name, ""});
  fields.push_back({"", "session", "hidden", setup_secret != nullptr ? setup_secret->session : challenge.value("Session", std::string()), ""});
  fields.push_back({"", "username", "hidden", username, ""});
  fields.push_back({"", kCsrfField, "hidden", csrf_token(ctx, request, cookies, site), ""});
  c.fields = std::move(fields);
  c.submit_name = "signInSubmitButton";
  return page(site, a, std::move(c), std::move(cookies));
}

// Runs one step of a sign-in (the password, or a challenge's answer) with
// the hosted UI's ending: the browser back to the app when the user is
// signed in, else the page of the next challenge.
Reply continue_sign_in(OpContext& ctx, const Site& site, const Authorization& a, const HostedRequest& request,
                       const std::string& username, const std::function<Json()>& step) {
  std::optional<Reply> done;
  struct Restore {
    OpContext& ctx;
    ~Restore() { ctx.finish_sign_in = nullptr; }
  } restore{ctx};
  ctx.finish_sign_in = [&](User& user) {
    done = finish_sign_in(ctx, site, a, user, ctx.now, true);
    return Json::object();
  };
  const Json next = step();
  if (done) return *done;
  ctx.rule("The sign-in continues with " + next.value("ChallengeName", std::string("a challenge")) + " on its own page");
  const std::optional<SetupSecret> setup = start_authenticator_setup(ctx, next);
  return challenge_page(ctx, site, a, request, username, next, {}, setup ? &*setup : nullptr);
}

Reply confirm_page(OpContext& ctx, const Site& site, const Authorization& a, const HostedRequest& request, const std::string& username,
                   const std::string& notice, const std::string& error = {});
std::string sent_notice(const Json& delivery);

Reply login_page(OpContext& ctx, const Site& site, const Authorization& a, const HostedRequest& request,
                 const std::string& error = {}, const std::string& notice = {}, const std::string& username = {}) {
  std::vector<std::string> cookies;
  const std::string csrf = csrf_token(ctx, request, cookies, site);
  PageContent c;
  c.title = "Sign in with your username and password";
  c.error = error;
  c.notice = notice;
  // A button for each federated provider the client offers: the authorize
  // request again, naming the provider.
  for (const std::string& name : a.client->supported_identity_providers.value_or(std::vector<std::string>{}))
    if (const IdentityProvider* provider = site.pool.find_identity_provider(name)) {
      UrlParams q = a.query;
      std::erase_if(q, [](const auto& param) { return param.first == "identity_provider" || param.first == "idp_identifier"; });
      q.emplace_back("identity_provider", provider->name);
      c.provider_buttons.emplace_back(provider_button_text(*provider), with_query(site.url("/oauth2/authorize"), q));
    }
  if (!signs_in_with_cognito(*a.client)) {
    c.title = "Sign in";
    return page(site, a, std::move(c), std::move(cookies));
  }
  c.action = a.page_url(site, "/login");
  const bool email = signs_in_with_email(site.pool);
  c.fields = {{email ? "Email" : "Username", "username", email ? "email" : "text", username.empty() ? a.login_hint : username, "username"},
              {"Password", "password", "password", "", "current-password"},
              {"", kCsrfField, "hidden", csrf, ""}};
  c.submit_label = "Sign in";
  c.submit_name = "signInSubmitButton";
  c.links.emplace_back("Forgot your password?", a.page_url(site, "/forgotPassword"));
  if (!site.pool.config.allow_admin_create_user_only) c.links.emplace_back("Need an account? Sign up", a.page_url(site, "/signup"));
  return page(site, a, std::move(c), std::move(cookies));
}

Json get_login_page(OpContext& ctx, const Request& r) {
  const PageRequest p = read_page_request(ctx, r);
  if (auto* reply = std::get_if<Reply>(&p.authorization)) return reply->to_json();
  return login_page(ctx, p.site, std::get<Authorization>(p.authorization), p.request).to_json();
}

// POST /login: the username and password, checked as a password sign-in is.
Json login(OpContext& ctx, const Request& r) {
  const PageRequest p = read_page_request(ctx, r);
  if (auto* reply = std::get_if<Reply>(&p.authorization)) return reply->to_json();
  const Authorization& a = std::get<Authorization>(p.authorization);
  if (!csrf_ok(ctx, p.request)) return login_page(ctx, p.site, a, p.request, kCsrfMessage).to_json();
  if (!signs_in_with_cognito(*a.client)) {
    ctx.rule("The app client does not list COGNITO in SupportedIdentityProviders: its users sign in only through federated providers");
    return login_page(ctx, p.site, a, p.request, "Login option is not available. Please try another one").to_json();
  }
  const std::string username = p.request.param("username");
  const std::string password = p.request.param("password");
  ctx.event.username = username;
  UserPool& pool = p.site.pool;
  try {
    if (username.empty() || password.empty()) fail_invalid_parameter("Username and password are both required.");
    User* found = ops::find_user(pool, username);
    if (found == nullptr) user_existence::unknown_user_at_sign_in(*a.client);
    User& user = *found;
    ctx.event.username = user.username;
    check_not_locked_out(ctx, user);
    if (!user.enabled) fail_not_authorized("User is disabled.");
    if (!ops::password_matches(pool, user, password)) {
      record_failed_sign_in(ctx, user);
      fail_not_authorized("Incorrect username or password.");
    }
    record_successful_sign_in(user);
    if (user.status == status::kUnconfirmed) {
      // The hosted UI sends a new code and asks for it.
      ctx.rule("The user has not confirmed the account: a new code is sent and the confirmation page shown");
      const Json sent = call_pool_operation(ctx, *a.client, "ResendConfirmationCode", {{"Username", user.username}}, user.username);
      return confirm_page(ctx, p.site, a, p.request, user.username, sent_notice(sent.value("CodeDeliveryDetails", Json::object()))).to_json();
    }
    ctx.rule("The password is right (checked as a password sign-in is: lockout, disabled users, the password's verifier)");
    // Then what the API's sign-in does next: a new password for a temporary
    // one, MFA, or done.
    return continue_sign_in(ctx, p.site, a, p.request, user.username,
                            [&] { return ops::after_password(ctx, pool, *a.client, user); }).to_json();
  } catch (const ApiException& e) {
    return login_page(ctx, p.site, a, p.request, shown_error(ctx, e), {}, username).to_json();
  }
}

// --- Sign up and confirm ---------------------------------------------------

// The attributes the sign-up form asks for: the pool's required ones, and
// email or phone_number when users sign in with them.
std::vector<std::string> sign_up_attributes(const UserPool& pool) {
  std::vector<std::string> out;
  for (const auto& a : pool.config.username_attributes) out.push_back(a);
  // sub is required in every pool's schema, but Cognito sets it, never the user.
  for (const auto& s : pool.config.schema)
    if (s.required && s.name != "sub" && std::find(out.begin(), out.end(), s.name) == out.end()) out.push_back(s.name);
  return out;
}

std::string label_of(const std::string& attribute) {
  if (attribute == "email") return "Email";
  if (attribute == "phone_number") return "Phone Number";
  std::string label = attribute;
  for (char& c : label)
    if (c == '_') c = ' ';
  if (!label.empty()) label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
  return label;
}

Reply sign_up_page(OpContext& ctx, const Site& site, const Authorization& a, const HostedRequest& request, const std::string& error = {}) {
  std::vector<std::string> cookies;
  PageContent c;
  c.title = "Sign up with a new account";
  c.error = error;
  c.action = a.page_url(site, "/signup");
  const bool username_is_attribute = !site.pool.config.username_attributes.empty();
  if (!username_is_attribute) c.fields.push_back({"Username", "username", "text", request.form.count("username") ? request.param("username") : "", "username"});
  for (const std::string& attribute : sign_up_attributes(site.pool)) {
    // UNVERIFIED: the classic form's name for an attribute field.
    const std::string name = "requiredAttributes[" + attribute + "]";
    c.fields.push_back({label_of(attribute), name, attribute == "email" ? "email" : attribute == "phone_number" ? "tel" : "text",
                        request.form.count(name) ? request.form.at(name) : "", attribute == "email" ? "email" : ""});
  }
  c.fields.push_back({"Password", "password", "password", "", "new-password"});
  c.fields.push_back({"", kCsrfField, "hidden", csrf_token(ctx, request, cookies, site), ""});
  c.submit_label = "Sign up";
  c.submit_name = "signUpButton";
  c.links.emplace_back("Already have an account? Sign in", a.page_url(site, "/login"));
  return page(site, a, std::move(c), std::move(cookies));
}

Reply confirm_page(OpContext& ctx, const Site& site, const Authorization& a, const HostedRequest& request, const std::string& username,
                   const std::string& notice, const std::string& error) {
  std::vector<std::string> cookies;
  PageContent c;
  c.title = "Confirm your account";
  c.notice = notice;
  c.error = error;
  c.action = a.page_url(site, "/confirmUser");
  c.fields = {{"Verification Code", "confirmation_code", "text", "", "one-time-code"},
              {"", "username", "hidden", username, ""},
              {"", kCsrfField, "hidden", csrf_token(ctx, request, cookies, site), ""}};
  c.submit_label = "Confirm Account";
  c.submit_name = "confirm";
  return page(site, a, std::move(c), std::move(cookies));
}

std::string sent_notice(const Json& delivery) {
  if (!delivery.contains("Destination")) return {};
  const std::string where = delivery.value("Destination", std::string());
  return delivery.value("DeliveryMedium", std::string()) == "SMS" ? "We have sent a code by SMS to " + where + "."
                                                                   : "We have sent a code by email to " + where + ".";
}

Json get_sign_up_page(OpContext& ctx, const Request& r) {
  const PageRequest p = read_page_request(ctx, r);
  if (auto* reply = std::get_if<Reply>(&p.authorization)) return reply->to_json();
  const Authorization& a = std::get<Authorization>(p.authorization);
  if (p.site.pool.config.allow_admin_create_user_only) {
    ctx.rule("Only administrators create users in this pool (AllowAdminCreateUserOnly): no sign-up page");
    return login_page(ctx, p.site, a, p.request, "SignUp is not permitted for this user pool").to_json();
  }
  return sign_up_page(ctx, p.site, a, p.request).to_json();
}

Json sign_up(OpContext& ctx, const Request& r) {
  const PageRequest p = read_page_request(ctx, r);
  if (auto* reply = std::get_if<Reply>(&p.authorization)) return reply->to_json();
  const Authorization& a = std::get<Authorization>(p.authorization);
  if (!csrf_ok(ctx, p.request)) return sign_up_page(ctx, p.site, a, p.request, kCsrfMessage).to_json();
  Json attributes = Json::array();
  for (const std::string& attribute : sign_up_attributes(p.site.pool)) {
    const std::string value = p.request.param("requiredAttributes[" + attribute + "]");
    if (!value.empty()) attributes.push_back({{"Name", attribute}, {"Value", value}});
  }
  // Pools that sign in with an email address or phone number take it as the username.
  std::string username = p.request.param("username");
  if (!p.site.pool.config.username_attributes.empty())
    for (const Json& attr : attributes)
      if (attr["Name"] == p.site.pool.config.username_attributes.front()) username = attr["Value"];
  try {
    const Json answer = call_pool_operation(ctx, *a.client, "SignUp",
                                            {{"Username", username}, {"Password", p.request.param("password")}, {"UserAttributes", attributes}},
                                            username);
    if (answer.value("UserConfirmed", false))
      return login_page(ctx, p.site, a, p.request, {}, "Your account is ready. Sign in with it.", username).to_json();
    if (!answer.contains("CodeDeliveryDetails")) {
      // UNVERIFIED: the page Cognito shows when nothing verifies the account
      // (no auto-verified attribute): an administrator confirms it.
      ctx.rule("The pool verifies no attribute automatically, so no code was sent: an administrator must confirm the user (AdminConfirmSignUp)");
      return login_page(ctx, p.site, a, p.request, {}, "Your account was created. It can be used once an administrator confirms it.", username).to_json();
    }
    return confirm_page(ctx, p.site, a, p.request, username, sent_notice(answer["CodeDeliveryDetails"])).to_json();
  } catch (const ApiException& e) {
    return sign_up_page(ctx, p.site, a, p.request, shown_error(ctx, e)).to_json();
  }
}

// GET /confirmUser?client_id=&user_name=&confirmation_code=: the link in a
// CONFIRM_WITH_LINK verification email. No authorize request came before
// it, so there is no app to send the browser back to: the page says the
// account is confirmed (or why not). UNVERIFIED: the page's wording.
Json confirm_by_link(OpContext& ctx, const Site& site, const HostedRequest& request) {
  const std::string client_id = request.param("client_id"), username = request.param("user_name");
  ctx.event.client_id = client_id;
  const AppClient* client = site.pool.find_client(client_id);
  if (client == nullptr) return error_page_redirect(site, "invalid_request", client_id).to_json();
  ctx.rule("The email's link confirms the sign-up with its code (ConfirmSignUp), as the code typed on a page would");
  PageContent c;
  try {
    call_pool_operation(ctx, *client, "ConfirmSignUp", {{"Username", username}, {"ConfirmationCode", request.param("confirmation_code")}},
                        username);
    c.title = "Your registration has been confirmed!";
    c.description = "You can now sign in to the app with your username and password.";
  } catch (const ApiException& e) {
    c.title = "We could not confirm your registration";
    c.error = shown_error(ctx, e);
  }
  return html_page(200, render_page(look_for(site, *client), c)).to_json();
}

Json get_confirm_user_page(OpContext& ctx, const Request& r) {
  const Site site = read_site(ctx, r);
  const HostedRequest request = read_hosted_request(r);
  if (request.has("confirmation_code") && !request.has("redirect_uri")) return confirm_by_link(ctx, site, request);
  const auto authorization = check_authorization(ctx, site, request);
  if (auto* reply = std::get_if<Reply>(&authorization)) return reply->to_json();
  return confirm_page(ctx, site, std::get<Authorization>(authorization), request, request.param("username"), {}).to_json();
}

// POST /confirmUser: the code from the inbox; then sign in.
Json confirm_user(OpContext& ctx, const Request& r) {
  const PageRequest p = read_page_request(ctx, r);
  if (auto* reply = std::get_if<Reply>(&p.authorization)) return reply->to_json();
  const Authorization& a = std::get<Authorization>(p.authorization);
  const std::string username = p.request.param("username");
  if (!csrf_ok(ctx, p.request)) return confirm_page(ctx, p.site, a, p.request, username, {}, kCsrfMessage).to_json();
  try {
    call_pool_operation(ctx, *a.client, "ConfirmSignUp", {{"Username", username}, {"ConfirmationCode", p.request.param("confirmation_code")}},
                        username);
    return login_page(ctx, p.site, a, p.request, {}, "Your account is confirmed. Sign in to continue.", username).to_json();
  } catch (const ApiException& e) {
    return confirm_page(ctx, p.site, a, p.request, username, {}, shown_error(ctx, e)).to_json();
  }
}

// --- Challenges ----------------------------------------------------------------

// POST /resetpassword and /mfa: the answer to a challenge page, given to
// RespondToAuthChallenge as an app would give it.
Json respond_to_challenge(OpContext& ctx, const Request& r) {
  const PageRequest p = read_page_request(ctx, r);
  if (auto* reply = std::get_if<Reply>(&p.authorization)) return reply->to_json();
  const Authorization& a = std::get<Authorization>(p.authorization);
  const std::string challenge = p.request.param("challenge"), session = p.request.param("session"),
                    username = p.request.param("username");
  const Json again = {{"ChallengeName", challenge}, {"Session", session}, {"ChallengeParameters", Json::object()}};
  if (!csrf_ok(ctx, p.request)) return challenge_page(ctx, p.site, a, p.request, username, again, kCsrfMessage).to_json();
  Json responses = {{"USERNAME", username}};
  if (challenge == "NEW_PASSWORD_REQUIRED") {
    responses["NEW_PASSWORD"] = p.request.param("newPassword");
    for (const auto& [name, value] : p.request.form)
      if (name.starts_with("requiredAttributes[") && name.ends_with("]") && !value.empty())
        responses["userAttributes." + name.substr(19, name.size() - 20)] = value;
  } else if (challenge == "SMS_MFA") {
    responses["SMS_MFA_CODE"] = p.request.param("code");
  } else if (challenge == "SELECT_MFA_TYPE") {
    responses["ANSWER"] = p.request.param("mfaType");
  } else if (challenge == "SOFTWARE_TOKEN_MFA") {
    responses["SOFTWARE_TOKEN_MFA_CODE"] = p.request.param("code");
  }
  if (a.client->has_secret()) responses["SECRET_HASH"] = secret_hash(username, a.client->client_id, a.client->client_secret);
  // MFA_SETUP: the first code goes to VerifySoftwareToken, whose session
  // then answers the challenge. A wrong code shows the same key again.
  std::string answer_session = session;
  if (challenge == "MFA_SETUP") {
    const SetupSecret kept{p.request.param("secret"), session};
    try {
      answer_session = call_operation(ctx, "VerifySoftwareToken", {{"Session", session}, {"UserCode", p.request.param("code")},
                                                                    {"FriendlyDeviceName", p.request.param("friendlyDeviceName")}})
                           .value("Session", std::string());
    } catch (const ApiException& e) {
      return challenge_page(ctx, p.site, a, p.request, username, again, shown_error(ctx, e), &kept).to_json();
    }
  }
  try {
    return continue_sign_in(ctx, p.site, a, p.request, username, [&] {
             return call_operation(ctx, "RespondToAuthChallenge", {{"ClientId", a.client->client_id}, {"ChallengeName", challenge},
                                                                  {"Session", answer_session}, {"ChallengeResponses", responses}});
           }).to_json();
  } catch (const ApiException& e) {
    // A wrong code leaves the session open for another try, as the API does.
    return challenge_page(ctx, p.site, a, p.request, username, again, shown_error(ctx, e)).to_json();
  }
}

// --- Forgotten password ------------------------------------------------------

Reply forgot_page(OpContext& ctx, const Site& site, const Authorization& a, const HostedRequest& request, const std::string& error = {}) {
  std::vector<std::string> cookies;
  PageContent c;
  c.title = "Forgot your password?";
  c.description = "Enter your username below and we will send a message to reset your password";
  c.error = error;
  c.action = a.page_url(site, "/forgotPassword");
  c.fields = {{signs_in_with_email(site.pool) ? "Email" : "Username", "username", "text", request.param("username"), "username"},
              {"", kCsrfField, "hidden", csrf_token(ctx, request, cookies, site), ""}};
  c.submit_label = "Reset my password";
  c.submit_name = "reset_my_password";
  return page(site, a, std::move(c), std::move(cookies));
}

Reply confirm_forgot_page(OpContext& ctx, const Site& site, const Authorization& a, const HostedRequest& request,
                          const std::string& username, const std::string& notice, const std::string& error = {}) {
  std::vector<std::string> cookies;
  PageContent c;
  c.title = "Reset your password";
  c.notice = notice;
  c.error = error;
  c.action = a.page_url(site, "/confirmForgotPassword");
  c.fields = {{"Code", "code", "text", "", "one-time-code"},
              {"New Password", "password", "password", "", "new-password"},
              {"", "username", "hidden", username, ""},
              {"", kCsrfField, "hidden", csrf_token(ctx, request, cookies, site), ""}};
  c.submit_label = "Change Password";
  c.submit_name = "reset_password";
  return page(site, a, std::move(c), std::move(cookies));
}

Json get_forgot_password_page(OpContext& ctx, const Request& r) {
  const PageRequest p = read_page_request(ctx, r);
  if (auto* reply = std::get_if<Reply>(&p.authorization)) return reply->to_json();
  return forgot_page(ctx, p.site, std::get<Authorization>(p.authorization), p.request).to_json();
}

Json forgot_password(OpContext& ctx, const Request& r) {
  const PageRequest p = read_page_request(ctx, r);
  if (auto* reply = std::get_if<Reply>(&p.authorization)) return reply->to_json();
  const Authorization& a = std::get<Authorization>(p.authorization);
  if (!csrf_ok(ctx, p.request)) return forgot_page(ctx, p.site, a, p.request, kCsrfMessage).to_json();
  const std::string username = p.request.param("username");
  try {
    const Json answer = call_pool_operation(ctx, *a.client, "ForgotPassword", {{"Username", username}}, username);
    return confirm_forgot_page(ctx, p.site, a, p.request, username, sent_notice(answer.value("CodeDeliveryDetails", Json::object()))).to_json();
  } catch (const ApiException& e) {
    return forgot_page(ctx, p.site, a, p.request, shown_error(ctx, e)).to_json();
  }
}

Json get_confirm_forgot_password_page(OpContext& ctx, const Request& r) {
  const PageRequest p = read_page_request(ctx, r);
  if (auto* reply = std::get_if<Reply>(&p.authorization)) return reply->to_json();
  return confirm_forgot_page(ctx, p.site, std::get<Authorization>(p.authorization), p.request, p.request.param("username"), {}).to_json();
}

Json confirm_forgot_password(OpContext& ctx, const Request& r) {
  const PageRequest p = read_page_request(ctx, r);
  if (auto* reply = std::get_if<Reply>(&p.authorization)) return reply->to_json();
  const Authorization& a = std::get<Authorization>(p.authorization);
  const std::string username = p.request.param("username");
  if (!csrf_ok(ctx, p.request)) return confirm_forgot_page(ctx, p.site, a, p.request, username, {}, kCsrfMessage).to_json();
  try {
    call_pool_operation(ctx, *a.client, "ConfirmForgotPassword",
                        {{"Username", username}, {"ConfirmationCode", p.request.param("code")}, {"Password", p.request.param("password")}},
                        username);
    return login_page(ctx, p.site, a, p.request, {}, "Your password has been changed. Sign in with the new one.", username).to_json();
  } catch (const ApiException& e) {
    return confirm_forgot_page(ctx, p.site, a, p.request, username, {}, shown_error(ctx, e)).to_json();
  }
}

}  // namespace

// The operations of this file, for the registry (core/api/registry.h).
const OperationTable& sign_in_page_operations() {
  static const OperationTable table = {
      {"GetLoginPage", get_login_page, OperationKind::kRead},
      {"Login", login, OperationKind::kChange},
      {"GetSignUpPage", get_sign_up_page, OperationKind::kRead},
      {"SignUp", sign_up, OperationKind::kChange},
      {"GetConfirmUserPage", get_confirm_user_page, OperationKind::kRead},
      {"ConfirmUser", confirm_user, OperationKind::kChange},
      {"RespondToChallenge", respond_to_challenge, OperationKind::kChange},
      {"GetForgotPasswordPage", get_forgot_password_page, OperationKind::kRead},
      {"ForgotPassword", forgot_password, OperationKind::kChange},
      {"GetConfirmForgotPasswordPage", get_confirm_forgot_password_page, OperationKind::kRead},
      {"ConfirmForgotPassword", confirm_forgot_password, OperationKind::kChange},
  };
  return table;
}

}  // namespace userpool::hosted
