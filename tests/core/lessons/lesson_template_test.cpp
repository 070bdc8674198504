// Templates (core/lessons/lesson_template.h): each function resolved against
// a real sandbox, whole-string templates keeping their JSON type, embedded
// ones becoming text, and the reasons a template cannot be resolved yet.
#include "core/lessons/lesson_template.h"
#include "core/crypto/totp.h"
#include "tests/core/lessons/lesson_sandbox.h"

using namespace userpool;
using namespace userpool::lessons;
using namespace userpool::test;

namespace {

// The value of a reference that must resolve.
Json value_of(LessonSandbox& s, const std::string& reference) {
  const auto value = resolve_reference(reference, s.context());
  INFO(reference << ": " << (value ? std::string() : value.error()));
  REQUIRE(value);
  return *value;
}

// Why a reference does not resolve.
std::string why_not(LessonSandbox& s, const std::string& reference) {
  const auto value = resolve_reference(reference, s.context());
  INFO(reference << " resolved to " << (value ? value->dump() : std::string()));
  REQUIRE_FALSE(value);
  return value.error();
}

std::string new_pool(LessonSandbox& s, const std::string& name) {
  return s.ok("CreateUserPool", Json{{"PoolName", name}})["UserPool"]["Id"].get<std::string>();
}

std::string new_client(LessonSandbox& s, const std::string& pool_id, const std::string& name) {
  return s.ok("CreateUserPoolClient", Json{{"UserPoolId", pool_id}, {"ClientName", name}})["UserPoolClient"]["ClientId"].get<std::string>();
}

const std::string kFunctions = "pool, pool_arn, client, code, session, last, totp, rest_api or domain";

}  // namespace

TEST_CASE("The template functions, in the order messages list them") {
  std::vector<std::string> names;
  for (const TemplateFunction& f : template_functions()) names.emplace_back(f.name);
  CHECK(names == std::vector<std::string>{"pool", "pool_arn", "client", "code", "session", "last", "totp", "rest_api", "domain"});
  REQUIRE(find_template_function("client") != nullptr);
  CHECK(find_template_function("client")->argument == "POOL/CLIENT");
  CHECK(find_template_function("Pool") == nullptr);
  CHECK(find_template_function("") == nullptr);
}

TEST_CASE("{{pool:NAME}} is the ID of the user pool of that name, the newest if several") {
  LessonSandbox s;
  CHECK(why_not(s, "pool:lab") == "no user pool named lab yet");
  const std::string first = new_pool(s, "lab");
  new_pool(s, "other");
  CHECK(value_of(s, "pool:lab") == first);
  // Names match exactly.
  CHECK(why_not(s, "pool:la") == "no user pool named la yet");
  CHECK(why_not(s, "pool:LAB") == "no user pool named LAB yet");

  SECTION("made at the same moment, the later one") {
    const std::string second = new_pool(s, "lab");
    CHECK(value_of(s, "pool:lab") == second);
    s.ok("DeleteUserPool", Json{{"UserPoolId", second}});
    CHECK(value_of(s, "pool:lab") == first);
  }
  SECTION("made later on the clock") {
    s.ok("Sandbox.AdvanceClock", Json{{"Seconds", 3600}});
    const std::string second = new_pool(s, "lab");
    CHECK(value_of(s, "pool:lab") == second);
    const Json value = value_of(s, "pool:lab");
    CHECK(value.is_string());
  }
}

TEST_CASE("{{pool:NAME}} finds a pool beyond the first page of ListUserPools") {
  LessonSandbox s;
  for (int i = 0; i < 61; ++i) new_pool(s, "pool-" + std::to_string(i));
  const std::string last = new_pool(s, "last");
  CHECK(value_of(s, "pool:last") == last);
  CHECK(value_of(s, "pool:pool-0") != last);
}

TEST_CASE("{{pool_arn:NAME}} is that pool's ARN") {
  LessonSandbox s;
  CHECK(why_not(s, "pool_arn:lab") == "no user pool named lab yet");
  new_pool(s, "lab");
  const std::string pool_id = new_pool(s, "lab");
  const Json arn = s.ok("DescribeUserPool", Json{{"UserPoolId", pool_id}})["UserPool"]["Arn"];
  CHECK(value_of(s, "pool_arn:lab") == arn);
  CHECK(arn.get<std::string>().ends_with("userpool/" + pool_id));
}

TEST_CASE("{{client:POOL/CLIENT}} is the ID of that pool's app client, the newest if several") {
  LessonSandbox s;
  CHECK(why_not(s, "client:lab/web") == "no user pool named lab yet");
  const std::string lab = new_pool(s, "lab");
  CHECK(why_not(s, "client:lab/web") == "no app client named web in user pool lab yet");
  const std::string web = new_client(s, lab, "web");
  const std::string other = new_pool(s, "other");
  const std::string other_web = new_client(s, other, "web");
  new_client(s, lab, "mobile");
  CHECK(value_of(s, "client:lab/web") == web);
  CHECK(value_of(s, "client:other/web") == other_web);
  CHECK(why_not(s, "client:other/mobile") == "no app client named mobile in user pool other yet");
  const std::string newer = new_client(s, lab, "web");
  CHECK(value_of(s, "client:lab/web") == newer);
  CHECK(newer != web);
}

TEST_CASE("{{code:DESTINATION}} is the code in the newest message to it") {
  LessonSandbox s;
  s.pool_with_client("lab");
  CHECK(why_not(s, "code:jane@example.com") == "no message to jane@example.com yet");
  const std::string client = value_of(s, "client:lab/web").get<std::string>();
  s.ok("SignUp", Json{{"ClientId", client},
                      {"Username", "jane"},
                      {"Password", "Passw0rd!"},
                      {"UserAttributes", {{{"Name", "email"}, {"Value", "jane@example.com"}}}}});
  s.ok("SignUp", Json{{"ClientId", client},
                      {"Username", "bob"},
                      {"Password", "Passw0rd!"},
                      {"UserAttributes", {{{"Name", "email"}, {"Value", "bob@example.com"}}}}});
  const auto newest_code = [&](const std::string& destination) {
    return s.ok("Sandbox.ListMessages", Json{{"Destination", destination}})["Messages"][0]["Code"].get<std::string>();
  };
  CHECK(value_of(s, "code:jane@example.com") == newest_code("jane@example.com"));
  CHECK(value_of(s, "code:bob@example.com") == newest_code("bob@example.com"));
  s.ok("ResendConfirmationCode", Json{{"ClientId", client}, {"Username", "jane"}});
  s.ok("ResendConfirmationCode", Json{{"ClientId", client}, {"Username", "bob"}});  // newest overall is bob's
  REQUIRE(s.ok("Sandbox.ListMessages", Json{{"Destination", "jane@example.com"}})["Messages"].size() == 2);
  const Json code = value_of(s, "code:jane@example.com");
  CHECK(code == newest_code("jane@example.com"));
  CHECK(code.is_string());
  // It is the code that works.
  s.ok("ConfirmSignUp", Json{{"ClientId", client}, {"Username", "jane"}, {"ConfirmationCode", code}});
  CHECK(why_not(s, "code:nobody@example.com") == "no message to nobody@example.com yet");
}

TEST_CASE("{{session:...}} is what the app's session holds") {
  LessonSandbox s;
  const std::string pool = s.pool_with_client("lab");
  s.confirmed_user(pool);
  CHECK(why_not(s, "session:Username") == "nobody has signed in yet");
  CHECK(why_not(s, "session:IdToken") == "not signed in (the session has no IdToken)");
  CHECK(why_not(s, "session:AccessToken") == "not signed in (the session has no AccessToken)");
  CHECK(why_not(s, "session:RefreshToken") == "not signed in (the session has no RefreshToken)");
  s.sign_in();
  CHECK(value_of(s, "session:Username") == "jane");
  CHECK(value_of(s, "session:IdToken") == s.session.id_token);
  CHECK(value_of(s, "session:AccessToken") == s.session.access_token);
  CHECK(value_of(s, "session:RefreshToken") == s.session.refresh_token);
  CHECK(s.session.id_token != s.session.access_token);
  s.session.sign_out();
  CHECK(value_of(s, "session:Username") == "jane");
  CHECK(why_not(s, "session:AccessToken") == "not signed in (the session has no AccessToken)");
}

TEST_CASE("{{last:Operation/pointer}} is a value of the last successful response to it") {
  LessonSandbox s;
  CHECK(why_not(s, "last:InitiateAuth/Session") == "no successful InitiateAuth response yet in this lesson");
  CHECK(why_not(s, "last:InitiateAuth") == "no successful InitiateAuth response yet in this lesson");
  s.memory.remember("InitiateAuth", Json{{"ChallengeName", "SMS_MFA"}, {"Session", "first"}, {"ChallengeParameters", {{"A", 1}}}});
  s.memory.remember("AWSCognitoIdentityProviderService.InitiateAuth",
                    Json{{"ChallengeName", "SOFTWARE_TOKEN_MFA"}, {"Session", "second"}, {"List", Json::array({"a", "b"})}});
  CHECK(value_of(s, "last:InitiateAuth/Session") == "second");
  CHECK(value_of(s, "last:AWSCognitoIdentityProviderService.InitiateAuth/ChallengeName") == "SOFTWARE_TOKEN_MFA");
  CHECK(value_of(s, "last:InitiateAuth/List/1") == "b");
  CHECK(value_of(s, "last:InitiateAuth/List") == Json::array({"a", "b"}));
  // Without a pointer, the whole response.
  CHECK(value_of(s, "last:InitiateAuth") == Json{{"ChallengeName", "SOFTWARE_TOKEN_MFA"}, {"Session", "second"}, {"List", Json::array({"a", "b"})}});
  CHECK(why_not(s, "last:InitiateAuth/ChallengeParameters/A") == "the last InitiateAuth response has no ChallengeParameters.A");
  CHECK(why_not(s, "last:InitiateAuth/List/2") == "the last InitiateAuth response has no List[2]");
  CHECK(why_not(s, "last:RespondToAuthChallenge/Session") == "no successful RespondToAuthChallenge response yet in this lesson");
}

TEST_CASE("{{totp:REFERENCE}} is the current code on the virtual clock for the secret the reference names") {
  LessonSandbox s;
  const std::string pool = s.pool_with_client("lab");
  s.ok("SetUserPoolMfaConfig", Json{{"UserPoolId", pool}, {"SoftwareTokenMfaConfiguration", {{"Enabled", true}}}, {"MfaConfiguration", "OPTIONAL"}});
  s.confirmed_user(pool);
  CHECK(why_not(s, "totp:last:AssociateSoftwareToken/SecretCode") ==
        "no successful AssociateSoftwareToken response yet in this lesson");
  s.sign_in();
  REQUIRE(s.run(Json::array({{{"Call", "AssociateSoftwareToken"}, {"Request", {{"AccessToken", "{{session:AccessToken}}"}}}}})));
  const std::string secret = s.memory.last("AssociateSoftwareToken")->at("SecretCode").get<std::string>();

  const Json code = value_of(s, "totp:last:AssociateSoftwareToken/SecretCode");
  CHECK(code.is_string());
  CHECK(code == totp_code_now(secret, s.account.clock.now()));
  CHECK(code.get<std::string>().size() == 6);
  // The virtual clock, not the real one, decides the step.
  for (int i = 0; i < 3; ++i) {
    s.ok("Sandbox.AdvanceClock", Json{{"Seconds", 30}});
    CHECK(value_of(s, "totp:last:AssociateSoftwareToken/SecretCode") == totp_code_now(secret, s.account.clock.now()));
  }
  // The code is one Cognito takes.
  const auto verified = s.run(Json::array({{{"Call", "VerifySoftwareToken"},
                                            {"Request", {{"AccessToken", "{{session:AccessToken}}"},
                                                         {"UserCode", "{{totp:last:AssociateSoftwareToken/SecretCode}}"}}}}}));
  INFO((verified ? std::string() : verified.error()));
  CHECK(verified);
  CHECK(s.memory.last("VerifySoftwareToken")->at("Status") == "SUCCESS");

  // What the reference names must be a base32 secret.
  s.memory.remember("GetUser", Json{{"Username", "not base32!"}, {"Count", 5}});
  CHECK(why_not(s, "totp:last:GetUser/Username") == "last:GetUser/Username is not a base32 TOTP secret");
  CHECK(why_not(s, "totp:last:GetUser/Count") == "last:GetUser/Count is not a secret (it is a number)");
}

TEST_CASE("{{domain:POOL}} is the pool's domain, or for a pool without one a prefix made from its ID") {
  LessonSandbox s;
  CHECK(why_not(s, "domain:hosted") == "no user pool named hosted yet");
  const std::string pool = s.ok("CreateUserPool", {{"PoolName", "hosted"}})["UserPool"]["Id"];
  std::string made = pool;
  for (char& c : made) c = c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  CHECK(value_of(s, "domain:hosted") == made);
  // The prefix it makes is one CreateUserPoolDomain takes.
  s.ok("CreateUserPoolDomain", {{"UserPoolId", pool}, {"Domain", made}});
  CHECK(value_of(s, "domain:hosted") == made);
  const std::string other = s.ok("CreateUserPool", {{"PoolName", "named"}})["UserPool"]["Id"];
  s.ok("CreateUserPoolDomain", {{"UserPoolId", other}, {"Domain", "my-prefix"}});
  CHECK(value_of(s, "domain:named") == "my-prefix");
}

TEST_CASE("{{rest_api:NAME}} is the id of the API Gateway REST API of that name") {
  LessonSandbox s;
  CHECK(why_not(s, "rest_api:pets") == "no REST API named pets yet");
  const std::string pets = s.ok("ApiGateway.CreateRestApi", Json{{"name", "pets"}})["id"].get<std::string>();
  const std::string shop = s.ok("ApiGateway.CreateRestApi", Json{{"name", "shop"}})["id"].get<std::string>();
  CHECK(value_of(s, "rest_api:pets") == pets);
  CHECK(value_of(s, "rest_api:shop") == shop);
  CHECK(why_not(s, "rest_api:pet") == "no REST API named pet yet");
}

TEST_CASE("A string that is exactly one template keeps the value's JSON type; embedded templates become text") {
  LessonSandbox s;
  s.memory.remember("ListUserPools", Json{{"UserPools", {{{"Name", "lab"}}, {{"Name", "other"}}}}, {"Count", 2}, {"Flag", true}, {"Nothing", nullptr}});
  const LessonContext ctx = s.context();
  const auto whole = [&](const std::string& text) {
    const auto r = resolve_templates(Json(text), ctx);
    INFO(text << ": " << (r ? std::string() : r.error()));
    REQUIRE(r);
    return *r;
  };
  CHECK(whole("{{last:ListUserPools/Count}}") == 2);
  CHECK(whole("{{last:ListUserPools/Count}}").is_number_integer());
  CHECK(whole("{{last:ListUserPools/Flag}}") == true);
  CHECK(whole("{{last:ListUserPools/Nothing}}").is_null());
  CHECK(whole("{{last:ListUserPools/UserPools}}") == Json::array({{{"Name", "lab"}}, {{"Name", "other"}}}));
  CHECK(whole("{{last:ListUserPools/UserPools/1/Name}}") == "other");
  // Embedded: strings as they are, other values as compact JSON.
  CHECK(whole("count={{last:ListUserPools/Count}}") == "count=2");
  CHECK(whole("{{last:ListUserPools/Count}} ") == "2 ");
  CHECK(whole("name {{last:ListUserPools/UserPools/0/Name}}!") == "name lab!");
  CHECK(whole("[{{last:ListUserPools/Flag}}] {{last:ListUserPools/Nothing}}") == "[true] null");
  CHECK(whole("pools: {{last:ListUserPools/UserPools}}") == "pools: [{\"Name\":\"lab\"},{\"Name\":\"other\"}]");
  CHECK(whole("{{last:ListUserPools/Count}}{{last:ListUserPools/Count}}") == "22");
  CHECK(whole("no templates, {just braces}") == "no templates, {just braces}");

  // Inside objects and arrays, every string; members' names stay as written.
  const Json request = {{"Count", "{{last:ListUserPools/Count}}"},
                        {"{{last:ListUserPools/Count}}", "key"},
                        {"List", {"{{last:ListUserPools/Flag}}", 7, "x{{last:ListUserPools/Count}}"}},
                        {"Nested", {{"Name", "{{last:ListUserPools/UserPools/0/Name}}"}}},
                        {"Number", 3.5}};
  const auto resolved = resolve_templates(request, ctx);
  REQUIRE(resolved);
  CHECK(resolved->dump() == Json{{"Count", 2},
                                 {"{{last:ListUserPools/Count}}", "key"},
                                 {"List", {true, 7, "x2"}},
                                 {"Nested", {{"Name", "lab"}}},
                                 {"Number", 3.5}}
                                .dump());
}

TEST_CASE("A template that cannot be resolved yet fails with its reason, the first one met") {
  LessonSandbox s;
  const LessonContext ctx = s.context();
  const auto reason = [&](const Json& value) {
    const auto r = resolve_templates(value, ctx);
    INFO(value.dump() << " resolved to " << (r ? r->dump() : std::string()));
    REQUIRE_FALSE(r);
    return r.error();
  };
  CHECK(reason(Json("{{pool:kekepool}}")) == "no user pool named kekepool yet");
  CHECK(reason(Json("id: {{pool:kekepool}}")) == "no user pool named kekepool yet");
  CHECK(reason(Json{{"A", "{{code:jane@example.com}}"}, {"B", "{{pool:kekepool}}"}}) == "no message to jane@example.com yet");
  CHECK(reason(Json::array({"fine", Json{{"Deep", Json::array({"{{session:Username}}"})}}})) == "nobody has signed in yet");
  CHECK(reason(Json("{{rest_api:pets}} and {{pool:x}}")) == "no REST API named pets yet");
  // Lessons built in code are not checked by the loader; their mistakes are reasons too.
  CHECK(reason(Json("{{nope:x}}")) == "unknown template function \"nope\" in \"{{nope:x}}\" (expected " + kFunctions + ")");
  CHECK(reason(Json("{{pool}}")) == "template \"{{pool}}\" has no argument (write {{function:argument}}, with one of " + kFunctions + ")");
  CHECK(reason(Json("{{pool:lab")) == "\"{{\" without a closing \"}}\" in \"{{pool:lab\"");
  // Nothing was recorded while trying.
  CHECK(s.event_count() == 0);
}

TEST_CASE("Templates are checked when a lesson loads, naming where the bad one is") {
  CHECK(check_reference("pool:lab").empty());
  CHECK(check_reference("last:InitiateAuth/Session").empty());
  CHECK(check_reference("last:Sandbox.ListMessages").empty());
  CHECK(check_reference("totp:last:AssociateSoftwareToken/SecretCode").empty());
  CHECK(check_reference("pool:") == "template \"{{pool:}}\": the argument is empty");
  CHECK(check_reference("client:lab") == "template \"{{client:lab}}\": the argument must be POOL/CLIENT: a user pool's name, \"/\", an app client's name");
  CHECK(check_reference("client:/web").ends_with("}}\": the argument must be POOL/CLIENT: a user pool's name, \"/\", an app client's name"));
  CHECK(check_reference("client:lab/").ends_with("}}\": the argument must be POOL/CLIENT: a user pool's name, \"/\", an app client's name"));
  CHECK(check_reference("client:lab/web").empty());
  CHECK(check_reference("session:Email") == "template \"{{session:Email}}\": the argument must be IdToken, AccessToken, RefreshToken, Username or MachineToken");
  CHECK(check_reference("last:Nope/Session") == "template \"{{last:Nope/Session}}\": unknown operation \"Nope\"");
  CHECK(check_reference("last:/Session") == "template \"{{last:/Session}}\": the argument must be Operation/pointer, e.g. InitiateAuth/Session");
  CHECK(check_reference("totp:") == "template \"{{totp:}}\": the argument must name the secret, e.g. totp:last:AssociateSoftwareToken/SecretCode");
  CHECK(check_reference("totp:pool:") == "template \"{{totp:pool:}}\": template \"{{pool:}}\": the argument is empty");
  CHECK(check_reference("last:InitiateAuth/a~2").starts_with("template \"{{last:InitiateAuth/a~2}}\": \"/a~2\" is not a JSON pointer"));

  CHECK(check_templates(Json{{"A", "plain"}, {"B", {1, "{{pool:lab}}"}}}, "Request").empty());
  CHECK(check_templates(Json{{"A", {{"B", "{{session:Email}}"}}}}, "Request") ==
        "Request.A.B: template \"{{session:Email}}\": the argument must be IdToken, AccessToken, RefreshToken, Username or MachineToken");
  CHECK(check_templates(Json{{"List", Json::array({"ok", "{{pool:}}"})}}, "Request") == "Request.List[2]: template \"{{pool:}}\": the argument is empty");
  CHECK(check_templates(Json("x {{oops"), "Equals") == "Equals: \"{{\" without a closing \"}}\" in \"x {{oops\"");
}
