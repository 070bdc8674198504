// SignUp (API Reference: SignUp): clients and secrets, self-registration, username
// rules per pool kind, attribute checks, existing users, case sensitivity,
// the password policy, and where the confirmation code goes (API Reference: PasswordPolicyType, AdminCreateUserConfigType, UsernameConfigurationType,
// API Reference: CodeDeliveryDetailsType; Developer Guide: "Computing secret hash values").
#include <optional>

#include "core/crypto/secret_hash.h"
#include "tests/core/harness/harness.h"

using namespace userpool;
using namespace userpool::test;

namespace {

Json sign_up_request(const std::string& client, const std::string& username, const std::string& password = "Passw0rd!",
                     const Json& attributes = Json::array()) {
  return Json{{"ClientId", client}, {"Username", username}, {"Password", password}, {"UserAttributes", attributes}};
}

// The value of a user's attribute in an AdminGetUser answer.
bool user_exists(Sandbox& s, const std::string& pool, const std::string& username) {
  return s.call("AdminGetUser", {{"UserPoolId", pool}, {"Username", username}}).status == 200;
}

bool looks_like_uuid_v4(const std::string& id) {
  if (id.size() != 36 || id[14] != '4') return false;
  for (std::size_t i = 0; i < id.size(); ++i) {
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    const char c = id[i];
    if (dash != (c == '-')) return false;
    if (!dash && !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

}  // namespace

// ---------------------------------------------------------------------------
// Success and code delivery

TEST_CASE("SignUp creates an UNCONFIRMED user and emails the code to the auto-verified email") {
  Sandbox s;
  const auto pool = s.create_pool(Json{{"AutoVerifiedAttributes", {"email"}}});
  const auto client = s.create_client(pool);

  const Json r = s.ok("SignUp", sign_up_request(client, "jane", "Passw0rd!", attrs({{"email", "jane@example.com"}})));
  CHECK(r["UserConfirmed"] == false);
  CHECK(r["CodeDeliveryDetails"] ==
        Json{{"Destination", "j***@e***.com"}, {"DeliveryMedium", "EMAIL"}, {"AttributeName", "email"}});
  const std::string sub = r["UserSub"].get<std::string>();
  CHECK(looks_like_uuid_v4(sub));

  const Json user = admin_get_user(s, pool, "jane");
  CHECK(user["Username"] == "jane");  // a plain pool keeps the username as typed
  CHECK(user["UserStatus"] == "UNCONFIRMED");
  CHECK(user["Enabled"] == true);
  CHECK(user["UserAttributes"] == attrs({{"sub", sub}, {"email", "jane@example.com"}, {"email_verified", "false"}}));

  const Json messages = s.ok("Sandbox.ListMessages", Json::object())["Messages"];
  REQUIRE(messages.size() == 1);
  const Json& m = messages[0];
  CHECK(m["Medium"] == "EMAIL");
  CHECK(m["Destination"] == "jane@example.com");
  CHECK(m["Purpose"] == "SignUp");
  CHECK(m["UserPoolId"] == pool);
  CHECK(m["Username"] == "jane");
  CHECK(m["From"] == "no-reply@verificationemail.com");
  CHECK(m["Subject"] == "Your verification code");
  const std::string code = m["Code"].get<std::string>();
  CHECK(code.size() == 6);
  CHECK(code.find_first_not_of("0123456789") == std::string::npos);
  CHECK(m["Body"] == "Your verification code is " + code + ". ");
}

TEST_CASE("SignUp sends the code by SMS to the phone when both email and phone are auto-verified") {
  Sandbox s;
  const auto pool = s.create_pool(Json{{"AutoVerifiedAttributes", {"email", "phone_number"}}, {"SmsConfiguration", kSmsConfiguration}});
  const auto client = s.create_client(pool);

  const Json both = s.ok("SignUp", sign_up_request(client, "pat", "Passw0rd!",
                                                   attrs({{"email", "pat@example.com"}, {"phone_number", "+15555550100"}})));
  CHECK(both["CodeDeliveryDetails"] ==
        Json{{"Destination", "+*******0100"}, {"DeliveryMedium", "SMS"}, {"AttributeName", "phone_number"}});
  const Json sms = s.ok("Sandbox.ListMessages", Json{{"Destination", "+15555550100"}})["Messages"];
  REQUIRE(sms.size() == 1);
  CHECK(sms[0]["Medium"] == "SMS");
  CHECK_FALSE(sms[0].contains("Subject"));
  CHECK(sms[0]["Body"] == "Your verification code is " + sms[0]["Code"].get<std::string>() + ". ");
  CHECK(s.ok("Sandbox.ListMessages", Json{{"Destination", "pat@example.com"}})["Messages"].empty());
  // Both flags start false.
  const Json user = admin_get_user(s, pool, "pat");
  CHECK(attribute_value(user, "email_verified") == "false");
  CHECK(attribute_value(user, "phone_number_verified") == "false");

  // Someone with an email only gets it by email.
  const Json email_only = s.ok("SignUp", sign_up_request(client, "kim", "Passw0rd!", attrs({{"email", "kim@example.org"}})));
  CHECK(email_only["CodeDeliveryDetails"] ==
        Json{{"Destination", "k***@e***.org"}, {"DeliveryMedium", "EMAIL"}, {"AttributeName", "email"}});
}

TEST_CASE("SignUp sends no code when no auto-verified attribute reaches the user") {
  Sandbox s;
  const auto plain = s.create_pool();
  const auto plain_client = s.create_client(plain);
  const Json r = s.ok("SignUp", sign_up_request(plain_client, "nora", "Passw0rd!", attrs({{"email", "nora@example.com"}})));
  CHECK(r["UserConfirmed"] == false);
  CHECK_FALSE(r.contains("CodeDeliveryDetails"));
  CHECK(r.contains("UserSub"));
  CHECK(s.message_count() == 0);
  // The event log says why.
  const Json events = s.ok("Sandbox.ListEvents", Json{{"MaxResults", 1}})["Events"];
  REQUIRE(events.size() == 1);
  CHECK(events[0]["Operation"] == "SignUp");
  CHECK(events[0]["Rules"].dump().find("No AutoVerifiedAttributes can reach this user") != std::string::npos);
  const Json user = admin_get_user(s, plain, "nora");
  CHECK(user["UserStatus"] == "UNCONFIRMED");
  CHECK_FALSE(attribute_value(user, "email_verified"));  // not auto-verified: no flag

  // Email is auto-verified, but the user gave only a phone number.
  const auto email_pool = s.create_pool(Json{{"AutoVerifiedAttributes", {"email"}}});
  const auto email_client = s.create_client(email_pool);
  const Json phone_only =
      s.ok("SignUp", sign_up_request(email_client, "omar", "Passw0rd!", attrs({{"phone_number", "+15555550101"}})));
  CHECK_FALSE(phone_only.contains("CodeDeliveryDetails"));
  CHECK(s.message_count() == 0);
}

// ---------------------------------------------------------------------------
// The client

TEST_CASE("SignUp with an unknown client is ResourceNotFoundException") {
  Sandbox s;
  s.create_pool();
  const ApiError e = s.error("SignUp", sign_up_request("nosuchclient0000000000000", "jane"));
  CHECK(e.type == "ResourceNotFoundException");
  CHECK(e.message == "User pool client nosuchclient0000000000000 does not exist.");
}

TEST_CASE("SignUp through a client with a secret needs the SECRET_HASH of the typed username") {
  Sandbox s;
  const auto pool = s.create_pool();
  const Json c = s.ok("CreateUserPoolClient", {{"UserPoolId", pool}, {"ClientName", "server"}, {"GenerateSecret", true}})["UserPoolClient"];
  const std::string client = c["ClientId"].get<std::string>();
  const std::string secret = c["ClientSecret"].get<std::string>();

  const ApiError missing = s.error("SignUp", sign_up_request(client, "jane"));
  CHECK(missing.type == "NotAuthorizedException");
  CHECK(missing.message == "Client " + client + " is configured for secret but secret was not received");

  Json wrong = sign_up_request(client, "jane");
  wrong["SecretHash"] = secret_hash("janet", client, secret);  // another username's hash
  const ApiError mismatch = s.error("SignUp", wrong);
  CHECK(mismatch.type == "NotAuthorizedException");
  CHECK(mismatch.message == "Unable to verify secret hash for client " + client);
  CHECK_FALSE(user_exists(s, pool, "jane"));

  Json right = sign_up_request(client, "jane");
  right["SecretHash"] = secret_hash("jane", client, secret);
  s.ok("SignUp", right);
  CHECK(admin_get_user(s, pool, "jane")["UserStatus"] == "UNCONFIRMED");
}

TEST_CASE("SignUp is refused when AllowAdminCreateUserOnly is set") {
  Sandbox s;
  const auto pool = s.create_pool(Json{{"AdminCreateUserConfig", {{"AllowAdminCreateUserOnly", true}}}});
  const auto client = s.create_client(pool);
  const ApiError e = s.error("SignUp", sign_up_request(client, "jane"));
  CHECK(e.type == "NotAuthorizedException");
  CHECK(e.message == "SignUp is not permitted for this user pool");
  CHECK_FALSE(user_exists(s, pool, "jane"));
}

TEST_CASE("SignUp without a Password is a validation error") {
  Sandbox s;
  const auto client = s.create_client(s.create_pool());
  const ApiError e = s.error("SignUp", {{"ClientId", client}, {"Username", "jane"}});
  CHECK(e.type == "InvalidParameterException");
  CHECK(e.message == "1 validation error detected: Value null at 'password' failed to satisfy constraint: Member must not be null");
}

// ---------------------------------------------------------------------------
// Username rules

TEST_CASE("SignUp in an email-username pool requires an email, stores it as the email and uses the sub as username") {
  Sandbox s;
  const auto pool = s.create_pool(Json{{"UsernameAttributes", {"email"}}});
  const auto client = s.create_client(pool);
  for (const char* bad : {"bob", "+15555550100"}) {
    const ApiError e = s.error("SignUp", sign_up_request(client, bad));
    CHECK(e.type == "InvalidParameterException");
    CHECK(e.message == "Username should be an email.");
  }
  // The username wins over an email attribute sent alongside.
  const Json r = s.ok("SignUp", sign_up_request(client, "bob@example.com", "Passw0rd!", attrs({{"email", "other@example.com"}})));
  const std::string sub = r["UserSub"].get<std::string>();
  const Json user = admin_get_user(s, pool, "bob@example.com");
  CHECK(user["Username"] == sub);
  CHECK(attribute_value(user, "email") == "bob@example.com");
  CHECK(admin_get_user(s, pool, sub)["Username"] == sub);
}

TEST_CASE("SignUp in a phone-username pool requires a phone number and stores it as phone_number") {
  Sandbox s;
  const auto pool = s.create_pool(Json{{"UsernameAttributes", {"phone_number"}}});
  const auto client = s.create_client(pool);
  for (const char* bad : {"bob", "bob@example.com"}) {
    const ApiError e = s.error("SignUp", sign_up_request(client, bad));
    CHECK(e.type == "InvalidParameterException");
    CHECK(e.message == "Username should be a phone number.");
  }
  const Json r = s.ok("SignUp", sign_up_request(client, "+15555550100"));
  const Json user = admin_get_user(s, pool, "+15555550100");
  CHECK(user["Username"] == r["UserSub"]);
  CHECK(attribute_value(user, "phone_number") == "+15555550100");
}

TEST_CASE("SignUp in an email-or-phone username pool accepts either and refuses anything else") {
  Sandbox s;
  const auto pool = s.create_pool(Json{{"UsernameAttributes", {"email", "phone_number"}}});
  const auto client = s.create_client(pool);
  const ApiError e = s.error("SignUp", sign_up_request(client, "bob"));
  CHECK(e.type == "InvalidParameterException");
  CHECK(e.message == "Username should be either an email or a phone number.");
  s.ok("SignUp", sign_up_request(client, "bob@example.com"));
  s.ok("SignUp", sign_up_request(client, "+15555550100"));
  CHECK(attribute_value(admin_get_user(s, pool, "bob@example.com"), "email") == "bob@example.com");
  CHECK(attribute_value(admin_get_user(s, pool, "+15555550100"), "phone_number") == "+15555550100");
}

TEST_CASE("SignUp in an alias pool refuses usernames shaped like the alias and keeps the typed username") {
  Sandbox s;
  const auto email_alias = s.create_pool(Json{{"AliasAttributes", {"email"}}});
  const auto email_client = s.create_client(email_alias);
  const ApiError e = s.error("SignUp", sign_up_request(email_client, "bob@example.com"));
  CHECK(e.type == "InvalidParameterException");
  CHECK(e.message == "Username cannot be of email format, since user pool is configured for email alias.");
  // A phone-shaped username is fine when phone_number is not an alias.
  s.ok("SignUp", sign_up_request(email_client, "+15555550100"));
  s.ok("SignUp", sign_up_request(email_client, "bob", "Passw0rd!", attrs({{"email", "bob@example.com"}})));
  CHECK(admin_get_user(s, email_alias, "bob")["Username"] == "bob");

  const auto phone_alias = s.create_pool(Json{{"AliasAttributes", {"phone_number"}}});
  const auto phone_client = s.create_client(phone_alias);
  const ApiError p = s.error("SignUp", sign_up_request(phone_client, "+15555550100"));
  CHECK(p.type == "InvalidParameterException");
  CHECK(p.message == "Username cannot be of phone number format, since user pool is configured for phone number alias.");
  s.ok("SignUp", sign_up_request(phone_client, "bob@example.com"));
}

TEST_CASE("SignUp refuses preferred_username when it is an alias (it can be set only after confirmation)") {
  Sandbox s;
  const auto pool = s.create_pool(Json{{"AliasAttributes", {"preferred_username"}}});
  const auto client = s.create_client(pool);
  const ApiError e = s.error("SignUp", sign_up_request(client, "bob", "Passw0rd!", attrs({{"preferred_username", "bobby"}})));
  CHECK(e.type == "InvalidParameterException");
  CHECK(e.message == "preferred_username is an alias in this pool and can be set only after the user is confirmed.");
  CHECK_FALSE(user_exists(s, pool, "bob"));
}

// ---------------------------------------------------------------------------
// Attributes

TEST_CASE("SignUp refuses attributes that are not in the schema") {
  Sandbox s;
  const auto client = s.create_client(s.create_pool());
  for (const char* name : {"custom:nope", "favourite_colour"}) {
    const ApiError e = s.error("SignUp", sign_up_request(client, "jane", "Passw0rd!", attrs({{name, "x"}})));
    CHECK(e.type == "InvalidParameterException");
    CHECK(e.message == std::string("Attributes did not conform to the schema: ") + name + ": Attribute does not exist in the schema.");
  }
}

TEST_CASE("SignUp refuses attributes the app client may not write") {
  Sandbox s;
  const auto pool = s.create_pool(Json{{"Schema", {{{"Name", "team"}, {"AttributeDataType", "String"}}}}});
  const auto default_client = s.create_client(pool);
  // Custom attributes and the verification flags are not writable by default.
  for (const char* name : {"custom:team", "email_verified"}) {
    const Json request = sign_up_request(default_client, "jane", "Passw0rd!",
                                         name == std::string("email_verified") ? attrs({{"email", "jane@example.com"}, {name, "true"}})
                                                                               : attrs({{name, "blue"}}));
    const ApiError e = s.error("SignUp", request);
    CHECK(e.type == "NotAuthorizedException");
    CHECK(e.message == "A client attempted to write unauthorized attribute");
  }
  // A client granted custom:team may write it, but not what it was not granted.
  const auto granted = s.create_client(pool, Json{{"WriteAttributes", {"email", "custom:team"}}});
  const ApiError not_granted = s.error("SignUp", sign_up_request(granted, "jane", "Passw0rd!", attrs({{"name", "Jane"}})));
  CHECK(not_granted.type == "NotAuthorizedException");
  CHECK(not_granted.message == "A client attempted to write unauthorized attribute");
  CHECK_FALSE(user_exists(s, pool, "jane"));
  s.ok("SignUp", sign_up_request(granted, "jane", "Passw0rd!", attrs({{"email", "jane@example.com"}, {"custom:team", "blue"}})));
  CHECK(attribute_value(admin_get_user(s, pool, "jane"), "custom:team") == "blue");
}

TEST_CASE("SignUp checks the format of email addresses and phone numbers") {
  Sandbox s;
  const auto client = s.create_client(s.create_pool());
  for (const char* email : {"not-an-email", "two@@example.com", "@example.com", "a b@example.com"}) {
    const ApiError e = s.error("SignUp", sign_up_request(client, "jane", "Passw0rd!", attrs({{"email", email}})));
    CHECK(e.type == "InvalidParameterException");
    CHECK(e.message == "Invalid email address format.");
  }
  for (const char* phone : {"555-0100", "15555550100", "+1 555 555 0100", "+1555abc0100"}) {
    const ApiError e = s.error("SignUp", sign_up_request(client, "jane", "Passw0rd!", attrs({{"phone_number", phone}})));
    CHECK(e.type == "InvalidParameterException");
    CHECK(e.message == "Invalid phone number format.");
  }
  s.ok("SignUp", sign_up_request(client, "jane", "Passw0rd!", attrs({{"email", "jane@example.com"}, {"phone_number", "+15555550100"}})));
}

TEST_CASE("SignUp reports missing required attributes, name as name.formatted, in schema order") {
  Sandbox s;
  const auto pool = s.create_pool(Json{{"Schema", {{{"Name", "email"}, {"Required", true}}, {{"Name", "name"}, {"Required", true}}}}});
  const auto client = s.create_client(pool);

  const ApiError both = s.error("SignUp", sign_up_request(client, "jane"));
  CHECK(both.type == "InvalidParameterException");
  CHECK(both.message ==
        "Attributes did not conform to the schema: name.formatted: The attribute is required, email: The attribute is required");
  const ApiError name = s.error("SignUp", sign_up_request(client, "jane", "Passw0rd!", attrs({{"email", "jane@example.com"}})));
  CHECK(name.message == "Attributes did not conform to the schema: name.formatted: The attribute is required");
  // An empty value does not count.
  const ApiError empty =
      s.error("SignUp", sign_up_request(client, "jane", "Passw0rd!", attrs({{"email", "jane@example.com"}, {"name", ""}})));
  CHECK(empty.message == "Attributes did not conform to the schema: name.formatted: The attribute is required");
  CHECK_FALSE(user_exists(s, pool, "jane"));
  s.ok("SignUp", sign_up_request(client, "jane", "Passw0rd!", attrs({{"email", "jane@example.com"}, {"name", "Jane"}})));
}

TEST_CASE("SignUp in an email-username pool takes a required email from the username") {
  Sandbox s;
  const auto pool = s.create_pool(Json{{"UsernameAttributes", {"email"}}, {"Schema", {{{"Name", "email"}, {"Required", true}}}}});
  const auto client = s.create_client(pool);
  s.ok("SignUp", sign_up_request(client, "jane@example.com"));
  CHECK(attribute_value(admin_get_user(s, pool, "jane@example.com"), "email") == "jane@example.com");
}

// ---------------------------------------------------------------------------
// Existing users

TEST_CASE("SignUp of an existing username is UsernameExistsException worded for the pool's kind") {
  Sandbox s;
  const auto plain = s.create_pool();
  const auto plain_client = s.create_client(plain);
  s.ok("SignUp", sign_up_request(plain_client, "jane"));
  const ApiError taken = s.error("SignUp", sign_up_request(plain_client, "jane", "Other-Passw0rd!"));
  CHECK(taken.type == "UsernameExistsException");
  CHECK(taken.message == "User already exists");

  // Email as username: the email must be unique, confirmed or not.
  const auto email_pool = s.create_pool(Json{{"UsernameAttributes", {"email"}}});
  const auto email_client = s.create_client(email_pool);
  s.ok("SignUp", sign_up_request(email_client, "jane@example.com"));
  const ApiError email = s.error("SignUp", sign_up_request(email_client, "jane@example.com"));
  CHECK(email.type == "UsernameExistsException");
  CHECK(email.message == "An account with the given email already exists.");

  const auto phone_pool = s.create_pool(Json{{"UsernameAttributes", {"phone_number"}}});
  const auto phone_client = s.create_client(phone_pool);
  s.ok("SignUp", sign_up_request(phone_client, "+15555550100"));
  const ApiError phone = s.error("SignUp", sign_up_request(phone_client, "+15555550100"));
  CHECK(phone.type == "UsernameExistsException");
  CHECK(phone.message == "An account with the given phone_number already exists.");
}

TEST_CASE("SignUp in an alias pool accepts an email another user already has") {
  Sandbox s;
  const auto pool = s.create_pool(Json{{"AliasAttributes", {"email"}}, {"AutoVerifiedAttributes", {"email"}}});
  const auto client = s.create_client(pool);
  s.ok("SignUp", sign_up_request(client, "alice", "Passw0rd!", attrs({{"email", "shared@example.com"}})));
  s.ok("SignUp", sign_up_request(client, "bob", "Passw0rd!", attrs({{"email", "shared@example.com"}})));
  CHECK(attribute_value(admin_get_user(s, pool, "bob"), "email") == "shared@example.com");
  CHECK(s.ok("Sandbox.ListMessages", Json{{"Destination", "shared@example.com"}})["Messages"].size() == 2);
}

TEST_CASE("SignUp usernames are unique regardless of case when the pool is case-insensitive") {
  Sandbox s;
  const auto pool = s.create_pool(Json{{"UsernameConfiguration", {{"CaseSensitive", false}}}, {"AutoVerifiedAttributes", {"email"}}});
  const auto client = s.create_client(pool);
  s.ok("SignUp", sign_up_request(client, "Jane", "Passw0rd!", attrs({{"email", "jane@example.com"}})));
  const ApiError e = s.error("SignUp", sign_up_request(client, "jane"));
  CHECK(e.type == "UsernameExistsException");
  CHECK(e.message == "User already exists");
  // Any case finds the user, who keeps the username as first typed.
  CHECK(admin_get_user(s, pool, "JANE")["Username"] == "Jane");
  s.ok("ConfirmSignUp", {{"ClientId", client}, {"Username", "jANE"}, {"ConfirmationCode", s.last_code("jane@example.com")}});
  CHECK(admin_get_user(s, pool, "jane")["UserStatus"] == "CONFIRMED");
}

TEST_CASE("SignUp usernames differing only in case are different users in a case-sensitive pool") {
  Sandbox s;
  const auto pool = s.create_pool();  // the API default is case-sensitive
  const auto client = s.create_client(pool);
  const Json upper = s.ok("SignUp", sign_up_request(client, "Jane"));
  const Json lower = s.ok("SignUp", sign_up_request(client, "jane"));
  CHECK(upper["UserSub"] != lower["UserSub"]);
  CHECK(admin_get_user(s, pool, "Jane")["Username"] == "Jane");
  CHECK(admin_get_user(s, pool, "jane")["Username"] == "jane");
  CHECK_FALSE(user_exists(s, pool, "JANE"));
}

// ---------------------------------------------------------------------------
// Password policy

TEST_CASE("SignUp checks the default password policy rule by rule, reporting the first one broken") {
  Sandbox s;
  const auto pool = s.create_pool();
  const auto client = s.create_client(pool);
  const std::string lead = "Password did not conform with policy: ";
  const std::pair<const char*, const char*> cases[] = {
      {"Pa1!", "Password not long enough"},  // everything else is there: length is first
      {"pass", "Password not long enough"},  // breaks every rule: length is still first
      {"password", "Password must have uppercase characters"},
      {"password1!", "Password must have uppercase characters"},
      {"PASSWORD", "Password must have lowercase characters"},
      {"PASSWORD1!", "Password must have lowercase characters"},
      {"Password", "Password must have numeric characters"},
      {"Password!", "Password must have numeric characters"},
      {"Password1", "Password must have symbol characters"},
  };
  for (const auto& [password, why] : cases) {
    INFO(password);
    const ApiError e = s.error("SignUp", sign_up_request(client, "jane", password));
    CHECK(e.type == "InvalidPasswordException");
    CHECK(e.message == lead + why);
  }
  CHECK_FALSE(user_exists(s, pool, "jane"));
  s.ok("SignUp", sign_up_request(client, "jane", "Passw0rd!"));
}

TEST_CASE("SignUp counts the space and punctuation as symbols") {
  Sandbox s;
  const auto pool = s.create_pool(Json{{"Policies", {{"PasswordPolicy", {{"MinimumLength", 6}, {"RequireSymbols", true}}}}}});
  const auto client = s.create_client(pool);
  const ApiError e = s.error("SignUp", sign_up_request(client, "none", "abcdef12"));
  CHECK(e.type == "InvalidPasswordException");
  CHECK(e.message == "Password did not conform with policy: Password must have symbol characters");
  int n = 0;
  for (const char* password : {"abc def", "abc^def", "abc`def", "abc\\def", "abc\"def", "abc=def", "abc-def"}) {
    INFO(password);
    s.ok("SignUp", sign_up_request(client, "user" + std::to_string(++n), password));
  }
}

TEST_CASE("SignUp follows a custom password policy: only the rules it asks for") {
  Sandbox s;
  const auto pool = s.create_pool(Json{{"Policies", {{"PasswordPolicy", {{"MinimumLength", 10}, {"RequireNumbers", true}}}}}});
  const auto client = s.create_client(pool);
  const ApiError shorter = s.error("SignUp", sign_up_request(client, "jane", "abcdefgh1"));
  CHECK(shorter.message == "Password did not conform with policy: Password not long enough");
  const ApiError digits = s.error("SignUp", sign_up_request(client, "jane", "abcdefghij"));
  CHECK(digits.message == "Password did not conform with policy: Password must have numeric characters");
  s.ok("SignUp", sign_up_request(client, "jane", "abcdefghi1"));  // no case or symbol needed
}

TEST_CASE("SignUp passwords are at most 256 characters and not only whitespace") {
  Sandbox s;
  const auto pool = s.create_pool(Json{{"Policies", {{"PasswordPolicy", {{"MinimumLength", 6}}}}}});
  const auto client = s.create_client(pool);
  const ApiError long_one = s.error("SignUp", sign_up_request(client, "jane", std::string(257, 'a')));
  CHECK(long_one.type == "InvalidParameterException");
  CHECK(long_one.message ==
        "1 validation error detected: Value at 'password' failed to satisfy constraint: Member must have length less than or equal to 256");
  const ApiError blank = s.error("SignUp", sign_up_request(client, "jane", "        "));
  CHECK(blank.type == "InvalidParameterException");
  CHECK(blank.message ==
        "1 validation error detected: Value at 'password' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\S]+");
  CHECK_FALSE(user_exists(s, pool, "jane"));
  s.ok("SignUp", sign_up_request(client, "jane", std::string(256, 'a')));
}
