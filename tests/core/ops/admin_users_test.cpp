// Administrators' user operations (API Reference: AdminCreateUser, AdminConfirmSignUp, AdminGetUser, AdminDisableUser): AdminCreateUser,
// AdminConfirmSignUp, AdminGetUser, AdminUpdateUserAttributes,
// AdminDeleteUserAttributes, AdminDisableUser, AdminEnableUser,
// AdminDeleteUser, AdminUserGlobalSignOut.
#include <set>

#include "tests/core/harness/harness.h"

using namespace userpool;
using namespace userpool::test;
using namespace std::chrono_literals;

namespace {

Json get_user(Sandbox& s, const std::string& pool, const std::string& username) {
  return s.ok("AdminGetUser", {{"UserPoolId", pool}, {"Username", username}});
}

// The user's attributes without the sub.
Json attributes_without_sub(const Json& attributes) {
  Json out = Json::array();
  for (const auto& a : attributes)
    if (a["Name"] != "sub") out.push_back(a);
  return out;
}

Json newest_message(Sandbox& s) { return s.ok("Sandbox.ListMessages", {{"MaxResults", 1}})["Messages"][0]; }

}  // namespace

TEST_CASE("AdminCreateUser invites by email with the username and a temporary password") {
  Sandbox s;
  const auto pool = s.create_pool();
  const Json created = s.ok("AdminCreateUser", {{"UserPoolId", pool}, {"Username", "ivy"}, {"DesiredDeliveryMediums", {"EMAIL"}},
                                                {"UserAttributes", attrs({{"email", "ivy@example.com"}})}});
  const Json& user = created["User"];
  CHECK(keys(user) == std::set<std::string>{"Username", "Attributes", "UserCreateDate", "UserLastModifiedDate", "Enabled", "UserStatus"});
  CHECK(user["Username"] == "ivy");
  CHECK(user["Enabled"] == true);
  CHECK(user["UserStatus"] == "FORCE_CHANGE_PASSWORD");
  CHECK(user["UserCreateDate"] == 1768471200.0);
  CHECK(user["Attributes"][0]["Name"] == "sub");
  CHECK(attributes_without_sub(user["Attributes"]) == attrs({{"email", "ivy@example.com"}}));

  const Json m = newest_message(s);
  CHECK(m["Medium"] == "EMAIL");
  CHECK(m["Destination"] == "ivy@example.com");
  CHECK(m["Purpose"] == "Invitation");
  CHECK(m["From"] == "no-reply@verificationemail.com");
  CHECK(m["Subject"] == "Your temporary password");
  CHECK(m["Body"] == "Your username is ivy and temporary password is " + m["Code"].get<std::string>() + ". ");
  const auto client = s.create_client(pool);
  CHECK(s.password_sign_in(client, "ivy", m["Code"].get<std::string>()).body["ChallengeName"] == "NEW_PASSWORD_REQUIRED");
}

TEST_CASE("AdminCreateUser invites by SMS unless told otherwise: it needs a phone number and a pool that sends SMS") {
  Sandbox s;
  const auto plain = s.create_pool();
  ApiError e = s.error("AdminCreateUser", {{"UserPoolId", plain}, {"Username", "nophone"}});
  CHECK(e.type == "InvalidParameterException");
  CHECK(e.message == "The user has no phone_number to send the invitation to by SMS.");
  e = s.error("AdminCreateUser", {{"UserPoolId", plain}, {"Username", "phone"}, {"UserAttributes", attrs({{"phone_number", "+15555550100"}})}});
  CHECK(e.type == "InvalidParameterException");
  CHECK(e.message == "The user pool has no SMS configuration (SmsConfiguration), so it cannot send SMS messages.");
  e = s.error("AdminCreateUser", {{"UserPoolId", plain}, {"Username", "fax"}, {"DesiredDeliveryMediums", {"FAX"}}});
  CHECK(e.message ==
        "1 validation error detected: Value '[FAX]' at 'desiredDeliveryMediums' failed to satisfy constraint: Member must satisfy "
        "constraint: [Member must satisfy enum value set: [SMS, EMAIL]]");
  // Refused requests create no user.
  CHECK(s.error("AdminGetUser", {{"UserPoolId", plain}, {"Username", "phone"}}).type == "UserNotFoundException");

  const auto sms = s.create_pool(Json{{"SmsConfiguration", kSmsConfiguration}});
  s.ok("AdminCreateUser", {{"UserPoolId", sms}, {"Username", "phone"}, {"UserAttributes", attrs({{"phone_number", "+15555550100"}})}});
  const Json m = newest_message(s);
  CHECK(m["Medium"] == "SMS");
  CHECK(m["Destination"] == "+15555550100");
  CHECK(m["Body"] == "Your username is phone and temporary password is " + m["Code"].get<std::string>() + ". ");
  const std::size_t before = s.message_count();
  s.ok("AdminCreateUser", {{"UserPoolId", sms}, {"Username", "both"}, {"DesiredDeliveryMediums", {"SMS", "EMAIL"}},
                           {"UserAttributes", attrs({{"phone_number", "+15555550101"}, {"email", "both@example.com"}})}});
  CHECK(s.message_count() == before + 2);
  CHECK(s.last_code("+15555550101") == s.last_code("both@example.com"));
}

TEST_CASE("AdminCreateUser with SUPPRESS sends nothing; an unknown MessageAction is refused") {
  Sandbox s;
  const auto pool = s.create_pool();
  s.ok("AdminCreateUser", {{"UserPoolId", pool}, {"Username", "quiet"}, {"MessageAction", "SUPPRESS"}, {"TemporaryPassword", "Temp-pass1"}});
  CHECK(s.message_count() == 0);
  const Json event = s.ok("Sandbox.ListEvents", {{"MaxResults", 1}})["Events"][0];
  CHECK(event["Rules"][0] == "MessageAction SUPPRESS: no invitation is sent; give the user the temporary password yourself");
  const ApiError e = s.error("AdminCreateUser", {{"UserPoolId", pool}, {"Username", "loud"}, {"MessageAction", "SHOUT"}});
  CHECK(e.type == "InvalidParameterException");
  CHECK(e.message ==
        "1 validation error detected: Value 'SHOUT' at 'messageAction' failed to satisfy constraint: Member must satisfy enum value set: "
        "[RESEND, SUPPRESS]");
}

TEST_CASE("RESEND is for an existing user who still has a temporary password; it replaces that password") {
  Sandbox s;
  const auto pool = s.create_pool();
  const auto client = s.create_client(pool);
  const Json resend = {{"UserPoolId", pool}, {"MessageAction", "RESEND"}, {"DesiredDeliveryMediums", {"EMAIL"}}};
  Json ghost = resend;
  ghost["Username"] = "ghost";
  ApiError e = s.error("AdminCreateUser", ghost);
  CHECK(e.type == "UserNotFoundException");
  CHECK(e.message == "User does not exist.");

  s.add_user(pool, "done", attrs({{"email", "done@example.com"}}));
  Json confirmed = resend;
  confirmed["Username"] = "done";
  e = s.error("AdminCreateUser", confirmed);
  CHECK(e.type == "UnsupportedUserStateException");
  CHECK(e.message == "Resend not possible. done status is not FORCE_CHANGE_PASSWORD.");

  s.ok("AdminCreateUser", {{"UserPoolId", pool}, {"Username", "new"}, {"UserAttributes", attrs({{"email", "new@example.com"}})},
                           {"DesiredDeliveryMediums", {"EMAIL"}}});
  const std::string first = s.last_code("new@example.com");
  Json again = resend;
  again["Username"] = "new";
  const Json r = s.ok("AdminCreateUser", again);
  CHECK(r["User"]["UserStatus"] == "FORCE_CHANGE_PASSWORD");
  const std::string second = s.last_code("new@example.com");
  CHECK(second != first);
  CHECK(s.password_sign_in(client, "new", first).body["message"] == "Incorrect username or password.");
  CHECK(s.password_sign_in(client, "new", second).body["ChallengeName"] == "NEW_PASSWORD_REQUIRED");
}

TEST_CASE("AdminCreateUser refuses a username that exists, and in email pools a username that is not an email") {
  Sandbox s;
  const auto pool = s.create_pool();
  s.add_user(pool, "taken");
  ApiError e = s.error("AdminCreateUser", {{"UserPoolId", pool}, {"Username", "taken"}, {"MessageAction", "SUPPRESS"}});
  CHECK(e.type == "UsernameExistsException");
  CHECK(e.message == "User account already exists");

  const auto email_pool = s.create_pool(Json{{"PoolName", "emails"}, {"UsernameAttributes", {"email"}}});
  s.add_user(email_pool, "me@example.com");
  e = s.error("AdminCreateUser", {{"UserPoolId", email_pool}, {"Username", "me@example.com"}, {"MessageAction", "SUPPRESS"}});
  CHECK(e.type == "UsernameExistsException");
  CHECK(e.message == "An account with the given email already exists.");
  e = s.error("AdminCreateUser", {{"UserPoolId", email_pool}, {"Username", "plainname"}, {"MessageAction", "SUPPRESS"}});
  CHECK(e.type == "InvalidParameterException");
  CHECK(e.message == "Username should be either an email or a phone number.");

  const auto alias_pool = s.create_pool(Json{{"PoolName", "aliases"}, {"AliasAttributes", {"email"}}});
  e = s.error("AdminCreateUser", {{"UserPoolId", alias_pool}, {"Username", "me@example.com"}, {"MessageAction", "SUPPRESS"}});
  CHECK(e.type == "InvalidParameterException");
  CHECK(e.message == "Username cannot be of email format, since user pool is configured for email alias.");
}

TEST_CASE("Generated temporary passwords satisfy the pool's policy; a given one must too") {
  Sandbox s;
  const auto pool = s.create_pool(Json{{"Policies", {{"PasswordPolicy", {{"MinimumLength", 16}, {"RequireUppercase", true},
                                                                         {"RequireLowercase", true}, {"RequireNumbers", true},
                                                                         {"RequireSymbols", true}}}}}});
  const auto client = s.create_client(pool);
  for (const char* name : {"g1", "g2", "g3"}) {
    s.ok("AdminCreateUser", {{"UserPoolId", pool}, {"Username", name}, {"DesiredDeliveryMediums", {"EMAIL"}},
                             {"UserAttributes", attrs({{"email", std::string(name) + "@example.com"}})}});
    const std::string password = s.last_code(std::string(name) + "@example.com");
    INFO(password);
    CHECK(password.size() >= 16);
    CHECK(password.find_first_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") != std::string::npos);
    CHECK(password.find_first_of("abcdefghijklmnopqrstuvwxyz") != std::string::npos);
    CHECK(password.find_first_of("0123456789") != std::string::npos);
    CHECK(password.find_first_of("^$*.[]{}()?\"!@#%&/\\,><':;|_~`=+- ") != std::string::npos);
    CHECK(s.password_sign_in(client, name, password).body["ChallengeName"] == "NEW_PASSWORD_REQUIRED");
  }
  const ApiError e = s.error("AdminCreateUser", {{"UserPoolId", pool}, {"Username", "weak"}, {"TemporaryPassword", "Short1!a"},
                                                 {"MessageAction", "SUPPRESS"}});
  CHECK(e.type == "InvalidPasswordException");
  CHECK(e.message == "Password does not conform to policy: Password not long enough");
}

TEST_CASE("email_verified may be set true at creation, but only together with an email") {
  Sandbox s;
  const auto pool = s.create_pool();
  const Json created = s.ok("AdminCreateUser", {{"UserPoolId", pool}, {"Username", "vee"}, {"MessageAction", "SUPPRESS"},
                                                {"UserAttributes", attrs({{"email", "vee@example.com"}, {"email_verified", "true"}})}});
  CHECK(attributes_without_sub(created["User"]["Attributes"]) == attrs({{"email", "vee@example.com"}, {"email_verified", "true"}}));
  ApiError e = s.error("AdminCreateUser", {{"UserPoolId", pool}, {"Username", "nomail"}, {"MessageAction", "SUPPRESS"},
                                           {"UserAttributes", attrs({{"email_verified", "true"}})}});
  CHECK(e.type == "InvalidParameterException");
  CHECK(e.message == "email_verified can be true only with an email.");
  e = s.error("AdminCreateUser", {{"UserPoolId", pool}, {"Username", "sub"}, {"MessageAction", "SUPPRESS"},
                                  {"UserAttributes", attrs({{"custom:nope", "x"}})}});
  CHECK(e.message == "Attributes did not conform to the schema: custom:nope: Attribute does not exist in the schema.");
}

TEST_CASE("ForceAliasCreation moves a verified email alias from another user; without it AliasExistsException") {
  Sandbox s;
  const auto pool = s.create_pool(Json{{"AliasAttributes", {"email"}}});
  const auto client = s.create_client(pool);
  s.add_user(pool, "first", attrs({{"email", "shared@example.com"}, {"email_verified", "true"}}));
  const Json second = {{"UserPoolId", pool}, {"Username", "second"}, {"MessageAction", "SUPPRESS"},
                       {"UserAttributes", attrs({{"email", "shared@example.com"}, {"email_verified", "true"}})}};
  const ApiError e = s.error("AdminCreateUser", second);
  CHECK(e.type == "AliasExistsException");
  CHECK(e.message == "An account with the given email already exists.");
  // An unverified copy of the email is no conflict.
  s.ok("AdminCreateUser", {{"UserPoolId", pool}, {"Username", "third"}, {"MessageAction", "SUPPRESS"},
                           {"UserAttributes", attrs({{"email", "shared@example.com"}})}});

  Json forced = second;
  forced["ForceAliasCreation"] = true;
  s.ok("AdminCreateUser", forced);
  s.ok("AdminSetUserPassword", {{"UserPoolId", pool}, {"Username", "second"}, {"Password", "Passw0rd!2"}, {"Permanent", true}});
  CHECK(attributes_without_sub(get_user(s, pool, "first")["UserAttributes"]) ==
        attrs({{"email", "shared@example.com"}, {"email_verified", "false"}}));
  CHECK(s.password_sign_in(client, "shared@example.com", "Passw0rd!2").status == 200);
  CHECK(s.password_sign_in(client, "shared@example.com", "Passw0rd!").body["message"] == "Incorrect username or password.");
}

TEST_CASE("AdminConfirmSignUp confirms without verifying anything; a confirmed user cannot be confirmed again") {
  Sandbox s;
  const auto pool = s.create_pool(Json{{"AutoVerifiedAttributes", {"email"}}});
  const auto client = s.create_client(pool);
  s.ok("SignUp", {{"ClientId", client}, {"Username", "cyd"}, {"Password", "Passw0rd!"}, {"UserAttributes", attrs({{"email", "cyd@example.com"}})}});
  const std::string code = s.last_code("cyd@example.com");
  CHECK(s.ok("AdminConfirmSignUp", {{"UserPoolId", pool}, {"Username", "cyd"}}) == Json::object());
  const Json user = get_user(s, pool, "cyd");
  CHECK(user["UserStatus"] == "CONFIRMED");
  CHECK(attributes_without_sub(user["UserAttributes"]) == attrs({{"email", "cyd@example.com"}, {"email_verified", "false"}}));
  CHECK(s.password_sign_in(client, "cyd", "Passw0rd!").status == 200);

  ApiError e = s.error("AdminConfirmSignUp", {{"UserPoolId", pool}, {"Username", "cyd"}});
  CHECK(e.type == "NotAuthorizedException");
  CHECK(e.message == "User cannot be confirmed. Current status is CONFIRMED");
  e = s.error("ConfirmSignUp", {{"ClientId", client}, {"Username", "cyd"}, {"ConfirmationCode", code}});
  CHECK(e.message == "User cannot be confirmed. Current status is CONFIRMED");
  s.ok("AdminCreateUser", {{"UserPoolId", pool}, {"Username", "fcp"}, {"MessageAction", "SUPPRESS"}});
  CHECK(s.error("AdminConfirmSignUp", {{"UserPoolId", pool}, {"Username", "fcp"}}).message ==
        "User cannot be confirmed. Current status is FORCE_CHANGE_PASSWORD");
}

TEST_CASE("AdminGetUser: the user's members, found by username, sub or email; dates follow changes") {
  Sandbox s;
  const auto pool = s.create_pool(Json{{"UsernameAttributes", {"email"}}});
  s.add_user(pool, "gus@example.com", attrs({{"name", "Gus"}}));
  const Json user = get_user(s, pool, "gus@example.com");
  CHECK(keys(user) == std::set<std::string>{"Username", "UserAttributes", "UserCreateDate", "UserLastModifiedDate", "Enabled", "UserStatus"});
  const std::string sub = user["Username"];
  CHECK(user["UserAttributes"] == attrs({{"sub", sub}, {"name", "Gus"}, {"email", "gus@example.com"}}));
  CHECK(user["Enabled"] == true);
  CHECK(user["UserStatus"] == "CONFIRMED");
  CHECK(user["UserCreateDate"] == 1768471200.0);
  CHECK(get_user(s, pool, sub) == user);
  s.advance(90s);
  s.ok("AdminUpdateUserAttributes", {{"UserPoolId", pool}, {"Username", sub}, {"UserAttributes", attrs({{"name", "Gustav"}})}});
  const Json later = get_user(s, pool, sub);
  CHECK(later["UserCreateDate"] == 1768471200.0);
  CHECK(later["UserLastModifiedDate"] == 1768471290.0);
}

TEST_CASE("AdminUpdateUserAttributes: an email set with email_verified true sends no code; without it a code goes out") {
  Sandbox s;
  const auto pool = s.create_pool(Json{{"AutoVerifiedAttributes", {"email"}}});
  s.add_user(pool, "upd", attrs({{"email", "upd@example.com"}, {"email_verified", "true"}}));
  CHECK(s.ok("AdminUpdateUserAttributes", {{"UserPoolId", pool}, {"Username", "upd"},
                                           {"UserAttributes", attrs({{"email", "two@example.com"}, {"email_verified", "true"}})}}) ==
        Json::object());
  CHECK(s.message_count() == 0);
  CHECK(attributes_without_sub(get_user(s, pool, "upd")["UserAttributes"]) ==
        attrs({{"email", "two@example.com"}, {"email_verified", "true"}}));

  s.ok("AdminUpdateUserAttributes", {{"UserPoolId", pool}, {"Username", "upd"}, {"UserAttributes", attrs({{"email", "three@example.com"}})}});
  CHECK(s.message_count() == 1);
  CHECK(newest_message(s)["Destination"] == "three@example.com");
  CHECK(attributes_without_sub(get_user(s, pool, "upd")["UserAttributes"]) ==
        attrs({{"email", "three@example.com"}, {"email_verified", "false"}}));
  // An administrator may set the flag alone (an app client may not).
  s.ok("AdminUpdateUserAttributes", {{"UserPoolId", pool}, {"Username", "upd"}, {"UserAttributes", attrs({{"email_verified", "true"}})}});
  CHECK(get_user(s, pool, "upd")["UserAttributes"].back() == Json{{"Name", "email_verified"}, {"Value", "true"}});
}

TEST_CASE("AdminUpdateUserAttributes refuses the sub and unknown attributes; AdminDeleteUserAttributes keeps required ones") {
  Sandbox s;
  const auto pool = s.create_pool(Json{{"Schema", {{{"Name", "family_name"}, {"Required", true}}}}});
  s.add_user(pool, "att", attrs({{"family_name", "Att"}, {"nickname", "A"}, {"website", "https://a.example"}}));
  ApiError e = s.error("AdminUpdateUserAttributes", {{"UserPoolId", pool}, {"Username", "att"},
                                                     {"UserAttributes", attrs({{"sub", "00000000-0000-4000-8000-000000000000"}})}});
  CHECK(e.type == "InvalidParameterException");
  CHECK(e.message == "Attributes did not conform to the schema: sub: Attribute cannot be updated. (changing an immutable attribute)");
  e = s.error("AdminUpdateUserAttributes", {{"UserPoolId", pool}, {"Username", "att"}, {"UserAttributes", attrs({{"color", "red"}})}});
  CHECK(e.message == "Attributes did not conform to the schema: color: Attribute does not exist in the schema.");
  e = s.error("AdminUpdateUserAttributes", {{"UserPoolId", pool}, {"Username", "att"}});
  CHECK(e.message == "1 validation error detected: Value null at 'userAttributes' failed to satisfy constraint: Member must not be null");

  CHECK(s.ok("AdminDeleteUserAttributes", {{"UserPoolId", pool}, {"Username", "att"}, {"UserAttributeNames", {"nickname", "website"}}}) ==
        Json::object());
  CHECK(attributes_without_sub(get_user(s, pool, "att")["UserAttributes"]) == attrs({{"family_name", "Att"}}));
  e = s.error("AdminDeleteUserAttributes", {{"UserPoolId", pool}, {"Username", "att"}, {"UserAttributeNames", {"family_name"}}});
  CHECK(e.type == "InvalidParameterException");
  CHECK(e.message == "Attributes did not conform to the schema: family_name: The attribute is required");
  e = s.error("AdminDeleteUserAttributes", {{"UserPoolId", pool}, {"Username", "att"}});
  CHECK(e.message == "1 validation error detected: Value null at 'userAttributeNames' failed to satisfy constraint: Member must not be null");
}

TEST_CASE("AdminDisableUser revokes the user's tokens and refuses sign-in; AdminEnableUser lets the user sign in again") {
  Sandbox s;
  const auto pool = s.create_pool();
  const auto client = s.create_client(pool);
  s.add_user(pool, "dis");
  const Json tokens = s.password_sign_in(client, "dis", "Passw0rd!").body["AuthenticationResult"];
  CHECK(s.ok("AdminDisableUser", {{"UserPoolId", pool}, {"Username", "dis"}}) == Json::object());
  CHECK(get_user(s, pool, "dis")["Enabled"] == false);
  CHECK(s.error("GetUser", {{"AccessToken", tokens["AccessToken"]}}).message == "Access Token has been revoked");
  ApiError e = s.error("InitiateAuth", {{"ClientId", client}, {"AuthFlow", "USER_PASSWORD_AUTH"},
                                        {"AuthParameters", {{"USERNAME", "dis"}, {"PASSWORD", "Passw0rd!"}}}});
  CHECK(e.type == "NotAuthorizedException");
  CHECK(e.message == "User is disabled.");
  CHECK(s.srp_sign_in(pool, client, "dis", "Passw0rd!").body["message"] == "User is disabled.");
  // Still listed, as Disabled.
  const Json listed = s.ok("ListUsers", {{"UserPoolId", pool}, {"Filter", "status = \"Disabled\""}})["Users"];
  REQUIRE(listed.size() == 1);
  CHECK(listed[0]["Username"] == "dis");
  CHECK(listed[0]["Enabled"] == false);

  CHECK(s.ok("AdminEnableUser", {{"UserPoolId", pool}, {"Username", "dis"}}) == Json::object());
  CHECK(get_user(s, pool, "dis")["Enabled"] == true);
  const Json fresh = s.password_sign_in(client, "dis", "Passw0rd!").body["AuthenticationResult"];
  CHECK(s.ok("GetUser", {{"AccessToken", fresh["AccessToken"]}})["Username"] == "dis");
  CHECK(s.error("GetUser", {{"AccessToken", tokens["AccessToken"]}}).message == "Access Token has been revoked");
}

TEST_CASE("AdminDeleteUser removes the user; the username can be created again with a new sub") {
  Sandbox s;
  const auto pool = s.create_pool();
  const auto client = s.create_client(pool);
  s.add_user(pool, "gone");
  const std::string old_sub = get_user(s, pool, "gone")["UserAttributes"][0]["Value"];
  const Json access = s.password_sign_in(client, "gone", "Passw0rd!").body["AuthenticationResult"]["AccessToken"];
  CHECK(s.ok("AdminDeleteUser", {{"UserPoolId", pool}, {"Username", "gone"}}) == Json::object());
  CHECK(s.error("AdminGetUser", {{"UserPoolId", pool}, {"Username", "gone"}}).type == "UserNotFoundException");
  CHECK(s.error("AdminDeleteUser", {{"UserPoolId", pool}, {"Username", "gone"}}).type == "UserNotFoundException");
  s.add_user(pool, "gone");
  CHECK(get_user(s, pool, "gone")["UserAttributes"][0]["Value"] != old_sub);
  // The old token names the old sub: it is not the new user's.
  CHECK(s.error("GetUser", {{"AccessToken", access}}).type == "UserNotFoundException");
}

TEST_CASE("AdminUserGlobalSignOut revokes every sign-in of the user") {
  Sandbox s;
  const auto pool = s.create_pool();
  const auto client = s.create_client(pool);
  s.add_user(pool, "out");
  const Json a = s.password_sign_in(client, "out", "Passw0rd!").body["AuthenticationResult"];
  const Json b = s.srp_sign_in(pool, client, "out", "Passw0rd!").body["AuthenticationResult"];
  CHECK(s.ok("AdminUserGlobalSignOut", {{"UserPoolId", pool}, {"Username", "out"}}) == Json::object());
  for (const Json& t : {a, b}) {
    CHECK(s.error("GetUser", {{"AccessToken", t["AccessToken"]}}).message == "Access Token has been revoked");
    CHECK(s.error("InitiateAuth", {{"ClientId", client}, {"AuthFlow", "REFRESH_TOKEN_AUTH"}, {"AuthParameters", {{"REFRESH_TOKEN", t["RefreshToken"]}}}})
              .message == "Refresh Token has been revoked");
  }
  CHECK(s.password_sign_in(client, "out", "Passw0rd!").status == 200);
}

TEST_CASE("Admin user operations on an unknown user or pool") {
  Sandbox s;
  const auto pool = s.create_pool();
  for (const char* op : {"AdminConfirmSignUp", "AdminGetUser", "AdminDisableUser", "AdminEnableUser", "AdminDeleteUser",
                         "AdminUserGlobalSignOut"}) {
    INFO(op);
    ApiError e = s.error(op, {{"UserPoolId", pool}, {"Username", "nobody"}});
    CHECK(e.type == "UserNotFoundException");
    CHECK(e.message == "User does not exist.");
    e = s.error(op, {{"UserPoolId", "us-east-1_NoSuchPool"}, {"Username", "nobody"}});
    CHECK(e.type == "ResourceNotFoundException");
    CHECK(e.message == "User pool us-east-1_NoSuchPool does not exist.");
  }
  ApiError e = s.error("AdminUpdateUserAttributes", {{"UserPoolId", pool}, {"Username", "nobody"}, {"UserAttributes", attrs({{"name", "x"}})}});
  CHECK(e.type == "UserNotFoundException");
  e = s.error("AdminDeleteUserAttributes", {{"UserPoolId", pool}, {"Username", "nobody"}, {"UserAttributeNames", {"name"}}});
  CHECK(e.type == "UserNotFoundException");
  e = s.error("AdminGetUser", {{"UserPoolId", pool}});
  CHECK(e.type == "InvalidParameterException");
  CHECK(e.message == "1 validation error detected: Value null at 'username' failed to satisfy constraint: Member must not be null");
}
