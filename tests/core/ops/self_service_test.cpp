// What a signed-in user does with their access token (API Reference: GetUser, UpdateUserAttributes, VerifyUserAttribute,
// API Reference: UserAttributeUpdateSettingsType): GetUser, UpdateUserAttributes, DeleteUserAttributes,
// GetUserAttributeVerificationCode, VerifyUserAttribute, DeleteUser.
#include "tests/core/harness/harness.h"

using namespace userpool;
using namespace userpool::test;
using namespace std::chrono_literals;

namespace {

// The user's attributes as GetUser shows them, without the sub.
Json attributes_of(Sandbox& s, const Json& access) {
  Json list = s.ok("GetUser", {{"AccessToken", access}})["UserAttributes"];
  CHECK(list[0]["Name"] == "sub");
  list.erase(list.begin());
  return list;
}

Json update(const Json& access, const Json& attributes) { return Json{{"AccessToken", access}, {"UserAttributes", attributes}}; }

}  // namespace

TEST_CASE("GetUser returns the username and only the attributes the token's client may read") {
  Sandbox s;
  const auto pool = s.create_pool(Json{{"Schema", {{{"Name", "team"}, {"AttributeDataType", "String"}}}}});
  const auto standard = s.create_client(pool);
  const auto narrow = s.create_client(pool, Json{{"ReadAttributes", {"email", "custom:team"}}});
  s.add_user(pool, "gia", attrs({{"email", "gia@example.com"}, {"email_verified", "true"}, {"name", "Gia"}, {"custom:team", "red"}}));
  const Json all = s.ok("GetUser", {{"AccessToken", s.access_token(standard, "gia")}});
  CHECK(all.size() == 2);
  CHECK(all["Username"] == "gia");
  const std::string sub = all["UserAttributes"][0]["Value"];
  CHECK(all["UserAttributes"] == attrs({{"sub", sub}, {"email", "gia@example.com"}, {"email_verified", "true"}, {"name", "Gia"}}));
  const Json some = s.ok("GetUser", {{"AccessToken", s.access_token(narrow, "gia")}});
  CHECK(some["UserAttributes"] == attrs({{"sub", sub}, {"email", "gia@example.com"}, {"custom:team", "red"}}));
  const ApiError e = s.error("GetUser", Json::object());
  CHECK(e.type == "InvalidParameterException");
  CHECK(e.message == "1 validation error detected: Value null at 'accessToken' failed to satisfy constraint: Member must not be null");
}

TEST_CASE("UpdateUserAttributes: a new email replaces the old one unverified, and a code goes to the new address") {
  Sandbox s;
  const auto pool = s.create_pool(Json{{"AutoVerifiedAttributes", {"email"}}});
  const auto client = s.create_client(pool);
  s.add_user(pool, "eda", attrs({{"email", "old@example.com"}, {"email_verified", "true"}}));
  const Json access = s.access_token(client, "eda");
  const std::size_t before = s.message_count();
  const Json r = s.ok("UpdateUserAttributes", update(access, attrs({{"email", "new@example.com"}, {"name", "Eda"}})));
  CHECK(r == Json{{"CodeDeliveryDetailsList", {{{"Destination", "n***@e***.com"}, {"DeliveryMedium", "EMAIL"}, {"AttributeName", "email"}}}}});
  CHECK(s.message_count() == before + 1);
  const Json message = s.ok("Sandbox.ListMessages", {{"Destination", "new@example.com"}})["Messages"][0];
  CHECK(message["Purpose"] == "AttributeVerification");
  CHECK(attributes_of(s, access) == attrs({{"email", "new@example.com"}, {"email_verified", "false"}, {"name", "Eda"}}));
  // The same value again is no change: no code.
  CHECK(s.ok("UpdateUserAttributes", update(access, attrs({{"email", "new@example.com"}})))["CodeDeliveryDetailsList"] == Json::array());
  CHECK(s.message_count() == before + 1);
  CHECK(s.ok("VerifyUserAttribute", {{"AccessToken", access}, {"AttributeName", "email"}, {"Code", message["Code"]}}) == Json::object());
  CHECK(attributes_of(s, access)[1] == Json{{"Name", "email_verified"}, {"Value", "true"}});
}

TEST_CASE("With AttributesRequireVerificationBeforeUpdate the old email stays in use until the new one is verified") {
  Sandbox s;
  const auto pool = s.create_pool(Json{{"AliasAttributes", {"email"}}, {"AutoVerifiedAttributes", {"email"}},
                                       {"UserAttributeUpdateSettings", {{"AttributesRequireVerificationBeforeUpdate", {"email"}}}}});
  const auto client = s.create_client(pool);
  s.add_user(pool, "pen", attrs({{"email", "pen@example.com"}, {"email_verified", "true"}}));
  const Json access = s.access_token(client, "pen");
  const Json r = s.ok("UpdateUserAttributes", update(access, attrs({{"email", "quill@example.com"}})));
  CHECK(r["CodeDeliveryDetailsList"][0]["Destination"] == "q***@e***.com");
  CHECK(attributes_of(s, access) == attrs({{"email", "pen@example.com"}, {"email_verified", "true"}}));
  CHECK(s.password_sign_in(client, "pen@example.com", "Passw0rd!").status == 200);
  CHECK(s.password_sign_in(client, "quill@example.com", "Passw0rd!").body["__type"] == "UserNotFoundException");

  const std::string code = s.last_code("quill@example.com");
  s.ok("VerifyUserAttribute", {{"AccessToken", access}, {"AttributeName", "email"}, {"Code", code}});
  CHECK(attributes_of(s, access) == attrs({{"email", "quill@example.com"}, {"email_verified", "true"}}));
  CHECK(s.password_sign_in(client, "quill@example.com", "Passw0rd!").status == 200);
  CHECK(s.password_sign_in(client, "pen@example.com", "Passw0rd!").body["__type"] == "UserNotFoundException");
}

TEST_CASE("Without AutoVerifiedAttributes an email change sends no code and leaves the email unverified") {
  Sandbox s;
  const auto pool = s.create_pool();
  const auto client = s.create_client(pool);
  s.add_user(pool, "nov", attrs({{"email", "nov@example.com"}, {"email_verified", "true"}}));
  const Json access = s.access_token(client, "nov");
  const std::size_t before = s.message_count();
  CHECK(s.ok("UpdateUserAttributes", update(access, attrs({{"email", "nov2@example.com"}})))["CodeDeliveryDetailsList"] == Json::array());
  CHECK(s.message_count() == before);
  CHECK(attributes_of(s, access) == attrs({{"email", "nov2@example.com"}, {"email_verified", "false"}}));
}

TEST_CASE("UpdateUserAttributes refuses attributes the client may not write") {
  Sandbox s;
  const auto pool = s.create_pool(Json{{"Schema", {{{"Name", "team"}, {"AttributeDataType", "String"}}}}});
  const auto standard = s.create_client(pool);
  const auto narrow = s.create_client(pool, Json{{"WriteAttributes", {"given_name"}}});
  s.add_user(pool, "wes", attrs({{"email", "wes@example.com"}}));
  const Json narrow_token = s.access_token(narrow, "wes");
  const Json standard_token = s.access_token(standard, "wes");
  for (const auto& [token, attribute] : {std::pair{narrow_token, "family_name"}, std::pair{standard_token, "email_verified"},
                                         std::pair{standard_token, "phone_number_verified"}, std::pair{standard_token, "custom:team"}}) {
    INFO(attribute);
    const ApiError e = s.error("UpdateUserAttributes", update(token, attrs({{attribute, "true"}})));
    CHECK(e.type == "NotAuthorizedException");
    CHECK(e.message == "A client attempted to write unauthorized attribute");
  }
  s.ok("UpdateUserAttributes", update(narrow_token, attrs({{"given_name", "Wes"}})));
  CHECK(attributes_of(s, standard_token) == attrs({{"email", "wes@example.com"}, {"given_name", "Wes"}}));
  // The schema is checked before the client's permissions: sub can never be changed.
  const ApiError sub = s.error("UpdateUserAttributes", update(narrow_token, attrs({{"sub", "mine"}})));
  CHECK(sub.type == "InvalidParameterException");
  CHECK(sub.message.find("sub") != std::string::npos);
}

TEST_CASE("UpdateUserAttributes refuses immutable and unknown attributes, bad formats, and a missing list") {
  Sandbox s;
  const auto pool = s.create_pool(Json{{"Schema", {{{"Name", "tier"}, {"AttributeDataType", "String"}, {"Mutable", false}}}}});
  const auto client = s.create_client(pool, Json{{"WriteAttributes", {"custom:tier", "email", "phone_number", "birthdate"}},
                                                 {"ReadAttributes", {"custom:tier", "email", "phone_number", "birthdate"}}});
  s.add_user(pool, "imm", attrs({{"custom:tier", "gold"}}));
  const Json access = s.access_token(client, "imm");
  const auto refused = [&](const Json& attributes) { return s.error("UpdateUserAttributes", update(access, attributes)); };
  ApiError e = refused(attrs({{"custom:tier", "silver"}}));
  CHECK(e.type == "InvalidParameterException");
  CHECK(e.message == "Attributes did not conform to the schema: custom:tier: Attribute cannot be updated. (changing an immutable attribute)");
  e = refused(attrs({{"custom:nope", "x"}}));
  CHECK(e.type == "InvalidParameterException");
  CHECK(e.message == "Attributes did not conform to the schema: custom:nope: Attribute does not exist in the schema.");
  CHECK(refused(attrs({{"email", "not-an-email"}})).message == "Invalid email address format.");
  CHECK(refused(attrs({{"phone_number", "555-0100"}})).message == "Invalid phone number format.");
  CHECK(refused(attrs({{"birthdate", "1990-1-1"}})).message ==
        "Attributes did not conform to the schema: birthdate: String must be at least 10 characters long.");
  e = s.error("UpdateUserAttributes", {{"AccessToken", access}});
  CHECK(e.type == "InvalidParameterException");
  CHECK(e.message == "1 validation error detected: Value null at 'userAttributes' failed to satisfy constraint: Member must not be null");
  CHECK(attributes_of(s, access) == attrs({{"custom:tier", "gold"}}));
}

TEST_CASE("UpdateUserAttributes with an empty value deletes the attribute") {
  Sandbox s;
  const auto pool = s.create_pool();
  const auto client = s.create_client(pool);
  s.add_user(pool, "emp", attrs({{"nickname", "E"}, {"locale", "en-GB"}}));
  const Json access = s.access_token(client, "emp");
  CHECK(s.ok("UpdateUserAttributes", update(access, attrs({{"nickname", ""}})))["CodeDeliveryDetailsList"] == Json::array());
  CHECK(attributes_of(s, access) == attrs({{"locale", "en-GB"}}));
}

TEST_CASE("An email another user signs in with cannot be taken: AliasExistsException") {
  Sandbox s;
  const auto pool = s.create_pool(Json{{"UsernameAttributes", {"email"}}});
  const auto client = s.create_client(pool);
  s.add_user(pool, "a@example.com");
  s.add_user(pool, "b@example.com");
  const Json access = s.access_token(client, "b@example.com");
  const ApiError e = s.error("UpdateUserAttributes", update(access, attrs({{"email", "a@example.com"}})));
  CHECK(e.type == "AliasExistsException");
  CHECK(e.message == "An account with the given email already exists.");
  CHECK(attributes_of(s, access)[0] == Json{{"Name", "email"}, {"Value", "b@example.com"}});
}

TEST_CASE("DeleteUserAttributes removes attributes, but not a required one nor one the client may not write") {
  Sandbox s;
  const auto pool = s.create_pool(Json{{"Schema", {{{"Name", "given_name"}, {"Required", true}}}}});
  const auto client = s.create_client(pool);
  s.add_user(pool, "del", attrs({{"given_name", "Del"}, {"name", "Del D"}, {"email", "del@example.com"}, {"email_verified", "true"}}));
  const Json access = s.access_token(client, "del");
  CHECK(s.ok("DeleteUserAttributes", {{"AccessToken", access}, {"UserAttributeNames", {"name", "email"}}}) == Json::object());
  // Removing the email removes its verified flag too.
  CHECK(attributes_of(s, access) == attrs({{"given_name", "Del"}}));
  ApiError e = s.error("DeleteUserAttributes", {{"AccessToken", access}, {"UserAttributeNames", {"given_name"}}});
  CHECK(e.type == "InvalidParameterException");
  CHECK(e.message == "Attributes did not conform to the schema: given_name: The attribute is required");
  e = s.error("DeleteUserAttributes", {{"AccessToken", access}, {"UserAttributeNames", {"email_verified"}}});
  CHECK(e.type == "NotAuthorizedException");
  CHECK(e.message == "A client attempted to write unauthorized attribute");
  e = s.error("DeleteUserAttributes", {{"AccessToken", access}});
  CHECK(e.message == "1 validation error detected: Value null at 'userAttributeNames' failed to satisfy constraint: Member must not be null");
}

TEST_CASE("GetUserAttributeVerificationCode: a code by email, none for other attributes, five an hour") {
  Sandbox s;
  const auto pool = s.create_pool();
  const auto client = s.create_client(pool);
  s.add_user(pool, "ver", attrs({{"email", "ver@example.com"}, {"phone_number", "+15555550155"}}));
  s.add_user(pool, "bare");
  s.add_user(pool, "lim", attrs({{"email", "lim@example.com"}}));
  ApiError e = s.error("GetUserAttributeVerificationCode", {{"AccessToken", s.access_token(client, "bare")}, {"AttributeName", "email"}});
  CHECK(e.type == "InvalidParameterException");
  CHECK(e.message == "The user has no email to verify.");
  const Json access = s.access_token(client, "ver");
  e = s.error("GetUserAttributeVerificationCode", {{"AccessToken", access}, {"AttributeName", "name"}});
  CHECK(e.type == "InvalidParameterException");
  CHECK(e.message == "Only email and phone_number can be verified.");
  e = s.error("GetUserAttributeVerificationCode", {{"AccessToken", access}, {"AttributeName", "phone_number"}});
  CHECK(e.type == "InvalidParameterException");
  CHECK(e.message == "The user pool has no SMS configuration (SmsConfiguration), so it cannot send SMS messages.");

  const Json token = s.access_token(client, "lim");
  for (int i = 0; i < 5; ++i) {
    const Json r = s.ok("GetUserAttributeVerificationCode", {{"AccessToken", token}, {"AttributeName", "email"}});
    CHECK(r == Json{{"CodeDeliveryDetails", {{"Destination", "l***@e***.com"}, {"DeliveryMedium", "EMAIL"}, {"AttributeName", "email"}}}});
  }
  e = s.error("GetUserAttributeVerificationCode", {{"AccessToken", token}, {"AttributeName", "email"}});
  CHECK(e.type == "LimitExceededException");
  CHECK(e.message == "Attempt limit exceeded, please try after some time.");
  // A request that could never send a code is refused as such, limit or not.
  e = s.error("GetUserAttributeVerificationCode", {{"AccessToken", token}, {"AttributeName", "name"}});
  CHECK(e.message == "Only email and phone_number can be verified.");
  s.advance(1h);
  CHECK(s.ok("GetUserAttributeVerificationCode", {{"AccessToken", s.access_token(client, "lim")}, {"AttributeName", "email"}})
            .contains("CodeDeliveryDetails"));
}

TEST_CASE("VerifyUserAttribute: no code sent, a wrong code, a code older than 24 hours, a code used twice") {
  Sandbox s;
  const auto pool = s.create_pool();
  const auto client = s.create_client(pool);
  s.add_user(pool, "vic", attrs({{"email", "vic@example.com"}}));
  Json access = s.access_token(client, "vic");
  const auto verify = [&](const Json& token, const std::string& code) {
    return s.call("VerifyUserAttribute", {{"AccessToken", token}, {"AttributeName", "email"}, {"Code", code}});
  };
  Response r = verify(access, "123456");
  CHECK(r.body["__type"] == "ExpiredCodeException");
  CHECK(r.body["message"] == "Invalid code provided, please request a code again.");
  s.ok("GetUserAttributeVerificationCode", {{"AccessToken", access}, {"AttributeName", "email"}});
  const std::string code = s.last_code("vic@example.com");
  r = verify(access, code == "000000" ? "111111" : "000000");
  CHECK(r.body["__type"] == "CodeMismatchException");
  CHECK(r.body["message"] == "Invalid verification code provided, please try again.");
  s.advance(24h + 1s);
  access = s.access_token(client, "vic");
  r = verify(access, code);
  CHECK(r.body["__type"] == "ExpiredCodeException");
  CHECK(r.body["message"] == "Invalid code provided, please request a code again.");

  s.ok("GetUserAttributeVerificationCode", {{"AccessToken", access}, {"AttributeName", "email"}});
  const std::string fresh = s.last_code("vic@example.com");
  CHECK(verify(access, fresh).status == 200);
  CHECK(attributes_of(s, access) == attrs({{"email", "vic@example.com"}, {"email_verified", "true"}}));
  CHECK(verify(access, fresh).body["__type"] == "ExpiredCodeException");
}

TEST_CASE("A phone number is verified by SMS in a pool that can send SMS") {
  Sandbox s;
  const auto pool = s.create_pool(Json{{"SmsConfiguration", kSmsConfiguration}});
  const auto client = s.create_client(pool);
  s.add_user(pool, "sam", attrs({{"phone_number", "+15555550166"}}));
  const Json access = s.access_token(client, "sam");
  const Json r = s.ok("GetUserAttributeVerificationCode", {{"AccessToken", access}, {"AttributeName", "phone_number"}});
  CHECK(r["CodeDeliveryDetails"] == Json{{"Destination", "+*******0166"}, {"DeliveryMedium", "SMS"}, {"AttributeName", "phone_number"}});
  const Json sms = s.ok("Sandbox.ListMessages", {{"Destination", "+15555550166"}})["Messages"][0];
  CHECK(sms["Body"] == "Your verification code is " + sms["Code"].get<std::string>() + ". ");
  s.ok("VerifyUserAttribute", {{"AccessToken", access}, {"AttributeName", "phone_number"}, {"Code", sms["Code"]}});
  CHECK(attributes_of(s, access) == attrs({{"phone_number", "+15555550166"}, {"phone_number_verified", "true"}}));
}

TEST_CASE("DeleteUser removes the user: the token is refused and the username can be used again") {
  Sandbox s;
  const auto pool = s.create_pool();
  const auto client = s.create_client(pool);
  s.add_user(pool, "bye");
  const Json access = s.access_token(client, "bye");
  CHECK(s.ok("DeleteUser", {{"AccessToken", access}}) == Json::object());
  ApiError e = s.error("GetUser", {{"AccessToken", access}});
  CHECK(e.type == "UserNotFoundException");
  CHECK(e.message == "User does not exist.");
  e = s.error("AdminGetUser", {{"UserPoolId", pool}, {"Username", "bye"}});
  CHECK(e.type == "UserNotFoundException");
  CHECK(s.password_sign_in(client, "bye", "Passw0rd!").body["__type"] == "UserNotFoundException");
  CHECK(s.error("DeleteUser", {{"AccessToken", access}}).type == "UserNotFoundException");
  CHECK(s.ok("SignUp", {{"ClientId", client}, {"Username", "bye"}, {"Password", "Passw0rd!"}})["UserConfirmed"] == false);
}
