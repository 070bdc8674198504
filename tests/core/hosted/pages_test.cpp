// The hosted UI's pages (Developer Guide: "Login endpoint", "Customizing
// hosted UI (classic) branding"): signing up, confirming with the code from
// the inbox and signing in; the forgotten password; the look a
// customization or a branding style gives them; and that nothing a user,
// an administrator or a URL puts on a page can run as script.
#include "core/base/encoding.h"
#include "tests/core/hosted/hosted_browser.h"

using namespace userpool;
using namespace userpool::test;

namespace {

struct Pages {
  Sandbox s;
  std::string pool = hosted_pool(s);
  std::string client = s.create_client(pool, hosted_client_settings());
  HostedBrowser b{s};
};


}  // namespace

TEST_CASE("Sign up on the hosted page, confirm with the code from the inbox, then sign in back to the app") {
  Pages p;
  const HttpResponse login = p.b.follow(p.b.get(authorize_url(p.client, {{"state", "st"}})));
  CHECK(shows(login, "Need an account? Sign up"));
  const HttpResponse form = p.b.get(kBase + "/signup?" + HostedBrowser::action(login).substr(HostedBrowser::action(login).find('?') + 1));
  CHECK(p.b.last_operation == "HostedUI.GetSignUpPage");
  CHECK(shows(form, "Sign up with a new account"));
  CHECK(shows(form, "name=\"requiredAttributes[email]\""));  // the pool requires email
  CHECK_FALSE(shows(form, "requiredAttributes[sub]"));  // required, but Cognito's to set
  // A password the policy refuses is explained on the page.
  const HttpResponse weak = p.b.post(HostedBrowser::action(form), {{"username", "sam"}, {"requiredAttributes[email]", "sam@example.com"},
                                                                   {"password", "short"}, {"_csrf", HostedBrowser::field(form, "_csrf")}});
  CHECK(weak.status == 200);
  CHECK(shows(weak, "Password did not conform with policy"));
  CHECK(HostedBrowser::field(weak, "requiredAttributes[email]") == "sam@example.com");
  const HttpResponse sent = p.b.post(HostedBrowser::action(form), {{"username", "sam"}, {"requiredAttributes[email]", "sam@example.com"},
                                                                   {"password", "Passw0rd!"}, {"_csrf", HostedBrowser::field(form, "_csrf")}});
  CHECK(p.b.last_operation == "HostedUI.SignUp");
  CHECK(shows(sent, "Confirm your account"));
  CHECK(shows(sent, "We have sent a code by email to s***@e***"));
  CHECK(p.s.status_of(p.pool, "sam") == "UNCONFIRMED");
  // A wrong code, then the right one.
  const HttpResponse wrong = p.b.post(HostedBrowser::action(sent), {{"username", "sam"}, {"confirmation_code", code_not_in({p.s.last_code("sam@example.com")})},
                                                                    {"_csrf", HostedBrowser::field(sent, "_csrf")}});
  CHECK(shows(wrong, "Invalid verification code provided, please try again."));
  const HttpResponse confirmed = p.b.post(HostedBrowser::action(sent), {{"username", "sam"}, {"confirmation_code", p.s.last_code("sam@example.com")},
                                                                        {"_csrf", HostedBrowser::field(sent, "_csrf")}});
  CHECK(shows(confirmed, "Your account is confirmed. Sign in to continue."));
  CHECK(p.s.status_of(p.pool, "sam") == "CONFIRMED");
  CHECK(HostedBrowser::field(confirmed, "username") == "sam");
  const HttpResponse in = p.b.post(HostedBrowser::action(confirmed), {{"username", "sam"}, {"password", "Passw0rd!"},
                                                                      {"_csrf", HostedBrowser::field(confirmed, "_csrf")}});
  CHECK(in.status == 302);
  CHECK(HostedBrowser::location(in).starts_with(kCallback + "?code="));
  CHECK(HostedBrowser::url_param(HostedBrowser::location(in), "state") == "st");
}

TEST_CASE("An unconfirmed user who signs in gets a new code and the confirmation page") {
  Pages p;
  p.s.ok("SignUp", {{"ClientId", p.client}, {"Username", "una"}, {"Password", "Passw0rd!"}, {"UserAttributes", attrs({{"email", "una@example.com"}})}});
  const std::size_t before = p.s.message_count();
  HostedBrowser b(p.s);
  const HttpResponse login = b.follow(b.get(authorize_url(p.client)));
  const HttpResponse page = b.post(HostedBrowser::action(login), {{"username", "una"}, {"password", "Passw0rd!"}, {"_csrf", HostedBrowser::field(login, "_csrf")}});
  CHECK(page.status == 200);
  CHECK(shows(page, "Confirm your account"));
  CHECK(p.s.message_count() == before + 1);
}

TEST_CASE("The forgotten password: a code by email, then a new password, then sign in") {
  Pages p;
  p.s.add_user(p.pool, "jo", attrs({{"email", "jo@example.com"}, {"email_verified", "true"}}));
  const HttpResponse login = p.b.follow(p.b.get(authorize_url(p.client)));
  const std::string query = HostedBrowser::action(login).substr(HostedBrowser::action(login).find('?'));
  const HttpResponse forgot = p.b.get(kBase + "/forgotPassword" + query);
  CHECK(shows(forgot, "Forgot your password?"));
  const HttpResponse reset = p.b.post(HostedBrowser::action(forgot), {{"username", "jo"}, {"_csrf", HostedBrowser::field(forgot, "_csrf")}});
  CHECK(shows(reset, "Reset your password"));
  const HttpResponse changed = p.b.post(HostedBrowser::action(reset), {{"username", "jo"}, {"code", p.s.last_code("jo@example.com")},
                                                                      {"password", "N3w-Passw0rd!"}, {"_csrf", HostedBrowser::field(reset, "_csrf")}});
  CHECK(shows(changed, "Your password has been changed."));
  const HttpResponse in = p.b.post(HostedBrowser::action(changed), {{"username", "jo"}, {"password", "N3w-Passw0rd!"},
                                                                    {"_csrf", HostedBrowser::field(changed, "_csrf")}});
  CHECK(in.status == 302);
}

TEST_CASE("Pools where only administrators create users show no sign-up") {
  Pages p;
  p.s.ok("UpdateUserPool", {{"UserPoolId", p.pool}, {"AdminCreateUserConfig", {{"AllowAdminCreateUserOnly", true}}}});
  const HttpResponse login = p.b.follow(p.b.get(authorize_url(p.client)));
  CHECK_FALSE(shows(login, "Sign up"));
  const std::string query = HostedBrowser::action(login).substr(HostedBrowser::action(login).find('?'));
  CHECK(shows(p.b.get(kBase + "/signup" + query), "SignUp is not permitted for this user pool"));
}

TEST_CASE("The classic customization's CSS and logo are on the page; managed login uses the client's branding colours") {
  Pages p;
  const std::string logo = base64_encode(Bytes{0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3});
  p.s.ok("SetUICustomization", {{"UserPoolId", p.pool}, {"CSS", ".submitButton-customizable { background-color: #1e7b34; }"}, {"ImageFile", logo}});
  const HttpResponse page = p.b.follow(p.b.get(authorize_url(p.client)));
  CHECK(shows(page, "<style>.submitButton-customizable { background-color: #1e7b34; }</style>"));
  CHECK(shows(page, "src=\"data:image/png;base64," + logo + "\""));
  CHECK(shows(page, "class=\"submitButton-customizable\""));

  p.s.ok("UpdateUserPoolDomain", {{"UserPoolId", p.pool}, {"Domain", kDomain}, {"ManagedLoginVersion", 2}});
  p.s.ok("CreateManagedLoginBranding", {{"UserPoolId", p.pool}, {"ClientId", p.client},
                                        {"Settings", {{"components", {{"primaryButton", {{"lightMode", {{"defaults", {{"backgroundColor", "b0125bff"}}}}}}}}}}}});
  const HttpResponse managed = p.b.follow(p.b.get(authorize_url(p.client)));
  CHECK(shows(managed, "background:#b0125bff"));
  CHECK_FALSE(shows(managed, "#1e7b34"));  // the classic customization is for version 1
}

TEST_CASE("Nothing typed by a user, set by an administrator or put in a URL runs on a page") {
  Pages p;
  const std::string script = "<script>alert(1)</script>";
  const std::string attribute = "\" onmouseover=\"alert(1)";
  // Query parameters: state and login_hint come back on the page (in the form's address and its username).
  const HttpResponse login = p.b.follow(p.b.get(authorize_url(p.client, {{"state", script + attribute}, {"login_hint", attribute + script}})));
  CHECK(login.status == 200);
  CHECK_FALSE(shows(login, "<script>"));
  CHECK_FALSE(shows(login, "\" onmouseover"));
  CHECK(HostedBrowser::field(login, "username") == attribute + script);
  // What a user types is shown back escaped.
  const HttpResponse typed = p.b.post(HostedBrowser::action(login), {{"username", script}, {"password", "x"}, {"_csrf", HostedBrowser::field(login, "_csrf")}});
  CHECK_FALSE(shows(typed, "<script>"));
  CHECK(shows(typed, "&lt;script&gt;"));
  // An attribute value a user signed up with, shown on the confirmation page's notice (masked) and the error texts.
  const HttpResponse form = p.b.get(kBase + "/signup?" + HostedBrowser::action(login).substr(HostedBrowser::action(login).find('?') + 1));
  const HttpResponse sent = p.b.post(HostedBrowser::action(form), {{"username", script}, {"requiredAttributes[email]", script + "@example.com"},
                                                                   {"password", "Passw0rd!"}, {"_csrf", HostedBrowser::field(form, "_csrf")}});
  CHECK_FALSE(shows(sent, "<script>"));
  // CSS an administrator set cannot close the style element: Cognito's rules refuse it first.
  CHECK(p.s.error("SetUICustomization", {{"UserPoolId", p.pool}, {"CSS", ".logo-customizable { color: red; } </style>" + script}}).type ==
        "InvalidParameterException");
  // An error page's detail comes from the URL: escaped too.
  const HttpResponse error = p.b.get("/error?error=" + url_encode(script) + "&client_id=" + p.client);
  CHECK(error.status == 400);
  CHECK_FALSE(shows(error, "<script>"));
  // Every page forbids scripts outright.
  CHECK(login.header("Content-Security-Policy").value_or("").find("default-src 'none'") != std::string::npos);
}

TEST_CASE("An unknown domain is a 404, and an unknown page on a known domain too") {
  Pages p;
  HttpRequest r{"GET", "/login", {}, {}, {}};
  AccountDoor door(p.s.account);
  CHECK(answer_hosted(door, r, "nobody-has-this", "/login").response.status == 404);
  CHECK(p.b.get("/nothing-here").status == 404);
}

TEST_CASE("Verification by link: the email's link opens /confirmUser on the pool's domain and confirms the user; used again, it says why not") {
  Sandbox s;
  const std::string pool = hosted_pool(s, {{"VerificationMessageTemplate", {{"DefaultEmailOption", "CONFIRM_WITH_LINK"}}}});
  const std::string client = s.create_client(pool, hosted_client_settings());
  s.ok("SignUp", {{"ClientId", client}, {"Username", "lin"}, {"Password", "Passw0rd!"},
                  {"UserAttributes", {{{"Name", "email"}, {"Value", "lin@example.com"}}}}});
  const Json m = s.ok("Sandbox.ListMessages", {{"Destination", "lin@example.com"}})["Messages"][0];
  const std::string body = m["Body"].get<std::string>();
  const auto start = body.find(kBase + "/confirmUser?");
  REQUIRE(start != std::string::npos);
  const std::string link = body.substr(start, body.find(')', start) - start);
  CHECK(HostedBrowser::url_param(link, "confirmation_code") == m["Code"]);
  HostedBrowser b(s);
  const HttpResponse confirmed = b.get(link);
  CHECK(b.last_operation == "HostedUI.GetConfirmUserPage");
  CHECK(confirmed.status == 200);
  CHECK(shows(confirmed, "Your registration has been confirmed!"));
  CHECK(s.status_of(pool, "lin") == "CONFIRMED");
  const HttpResponse again = b.get(link);
  CHECK(shows(again, "We could not confirm your registration"));
  CHECK(shows(again, "User cannot be confirmed. Current status is CONFIRMED"));
}
