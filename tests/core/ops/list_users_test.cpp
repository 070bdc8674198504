// ListUsers (API Reference: ListUsers): the filter grammar, every searchable
// attribute, AttributesToGet, Limit and PaginationToken.
#include <set>

#include "tests/core/harness/harness.h"

using namespace userpool;
using namespace userpool::test;
using namespace std::chrono_literals;

namespace {

// Three users to search: alice (CONFIRMED), bob (FORCE_CHANGE_PASSWORD) and
// Alfred (CONFIRMED, disabled). Returns alice's sub.
std::string three_users(Sandbox& s, const std::string& pool) {
  const auto create = [&](const std::string& username, const Json& attributes) {
    s.ok("AdminCreateUser", {{"UserPoolId", pool}, {"Username", username}, {"UserAttributes", attributes}, {"MessageAction", "SUPPRESS"}});
  };
  create("alice", attrs({{"email", "alice@example.com"}, {"phone_number", "+15555550001"}, {"name", "Alice Smith"},
                         {"given_name", "Alice"}, {"family_name", "Smith"}, {"preferred_username", "ali"}}));
  create("bob", attrs({{"email", "bob@example.org"}, {"phone_number", "+15555550002"}, {"name", "Bob Stone"}, {"given_name", "Bob"},
                       {"family_name", "Stone"}, {"preferred_username", "bobby"}}));
  create("Alfred", attrs({{"email", "alfred@example.com"}, {"name", "Alfred"}, {"family_name", "Smithers"}}));
  for (const char* confirmed : {"alice", "Alfred"})
    s.ok("AdminSetUserPassword", {{"UserPoolId", pool}, {"Username", confirmed}, {"Password", "Passw0rd!"}, {"Permanent", true}});
  s.ok("AdminDisableUser", {{"UserPoolId", pool}, {"Username", "Alfred"}});
  return s.ok("AdminGetUser", {{"UserPoolId", pool}, {"Username", "alice"}})["UserAttributes"][0]["Value"];
}

std::vector<std::string> usernames(const Json& users) {
  std::vector<std::string> out;
  for (const auto& u : users) out.push_back(u["Username"].get<std::string>());
  return out;
}

std::vector<std::string> filtered(Sandbox& s, const std::string& pool, const std::string& filter) {
  return usernames(s.ok("ListUsers", {{"UserPoolId", pool}, {"Filter", filter}})["Users"]);
}

using Names = std::vector<std::string>;

}  // namespace

TEST_CASE("ListUsers without a filter lists every user in creation order as UserType") {
  Sandbox s;
  const auto pool = s.create_pool();
  three_users(s, pool);
  const Json r = s.ok("ListUsers", {{"UserPoolId", pool}});
  CHECK_FALSE(r.contains("PaginationToken"));
  CHECK(usernames(r["Users"]) == Names{"alice", "bob", "Alfred"});
  const Json& bob = r["Users"][1];
  std::set<std::string> members;
  for (const auto& item : bob.items()) members.insert(item.key());
  CHECK(members == std::set<std::string>{"Username", "Attributes", "UserCreateDate", "UserLastModifiedDate", "Enabled", "UserStatus"});
  CHECK(bob["UserStatus"] == "FORCE_CHANGE_PASSWORD");
  CHECK(bob["Enabled"] == true);
  CHECK(bob["Attributes"][0]["Name"] == "sub");
  CHECK(bob["Attributes"].size() == 7);
  CHECK(r["Users"][2]["Enabled"] == false);
  // An empty or blank filter is no filter.
  CHECK(filtered(s, pool, "") == Names{"alice", "bob", "Alfred"});
  CHECK(filtered(s, pool, "   ") == Names{"alice", "bob", "Alfred"});
  const ApiError e = s.error("ListUsers", {{"UserPoolId", "us-east-1_Unknown1"}});
  CHECK(e.type == "ResourceNotFoundException");
  CHECK(e.message == "User pool us-east-1_Unknown1 does not exist.");
}

TEST_CASE("ListUsers filters on each searchable attribute with =") {
  Sandbox s;
  const auto pool = s.create_pool();
  const std::string sub = three_users(s, pool);
  const std::vector<std::pair<std::string, Names>> cases = {
      {"username = \"alice\"", {"alice"}},
      {"email = \"bob@example.org\"", {"bob"}},
      {"phone_number = \"+15555550001\"", {"alice"}},
      {"name = \"Bob Stone\"", {"bob"}},
      {"given_name = \"Alice\"", {"alice"}},
      {"family_name = \"Smith\"", {"alice"}},
      {"preferred_username = \"bobby\"", {"bob"}},
      {"cognito:user_status = \"FORCE_CHANGE_PASSWORD\"", {"bob"}},
      {"status = \"Disabled\"", {"Alfred"}},
      {"status = \"Enabled\"", {"alice", "bob"}},
      {"sub = \"" + sub + "\"", {"alice"}},
      {"email = \"nobody@example.com\"", {}},
      {"name = \"Alice\"", {}},  // = is the whole value
  };
  for (const auto& c : cases) {
    INFO(c.first);
    CHECK(filtered(s, pool, c.first) == c.second);
  }
}

TEST_CASE("ListUsers ^= matches prefixes; username and status are case-sensitive, cognito:user_status is not") {
  Sandbox s;
  const auto pool = s.create_pool();
  three_users(s, pool);
  CHECK(filtered(s, pool, "email ^= \"al\"") == Names{"alice", "Alfred"});
  CHECK(filtered(s, pool, "phone_number ^= \"+1555555000\"") == Names{"alice", "bob"});
  CHECK(filtered(s, pool, "family_name ^= \"Smith\"") == Names{"alice", "Alfred"});
  CHECK(filtered(s, pool, "name ^= \"\"") == Names{"alice", "bob", "Alfred"});
  CHECK(filtered(s, pool, "username ^= \"Al\"") == Names{"Alfred"});
  CHECK(filtered(s, pool, "username = \"ALICE\"") == Names{});
  CHECK(filtered(s, pool, "cognito:user_status = \"confirmed\"") == Names{"alice", "Alfred"});
  CHECK(filtered(s, pool, "cognito:user_status ^= \"force\"") == Names{"bob"});
  CHECK(filtered(s, pool, "status = \"disabled\"") == Names{});
  // Spaces around the parts do not matter.
  CHECK(filtered(s, pool, "  given_name=\"Bob\"  ") == Names{"bob"});
  CHECK(filtered(s, pool, "given_name^=\"Bo\"") == Names{"bob"});
}

TEST_CASE("ListUsers filter values take \\\" and \\\\ escapes") {
  Sandbox s;
  const auto pool = s.create_pool();
  s.ok("AdminCreateUser", {{"UserPoolId", pool}, {"Username", "quo"}, {"MessageAction", "SUPPRESS"},
                           {"UserAttributes", attrs({{"name", R"(Say "hi" \ bye)"}})}});
  s.ok("AdminCreateUser", {{"UserPoolId", pool}, {"Username", "plain"}, {"MessageAction", "SUPPRESS"},
                           {"UserAttributes", attrs({{"name", "Say hi"}})}});
  CHECK(filtered(s, pool, R"(name = "Say \"hi\" \\ bye")") == Names{"quo"});
  CHECK(filtered(s, pool, R"(name ^= "Say \"")") == Names{"quo"});
  CHECK(filtered(s, pool, R"(name ^= "Say ")") == Names{"quo", "plain"});
}

TEST_CASE("ListUsers refuses filters it cannot parse and attributes it cannot search") {
  Sandbox s;
  const auto pool = s.create_pool(Json{{"Schema", {{{"Name", "team"}, {"AttributeDataType", "String"}}}}});
  for (const char* bad : {"name = Alice", "name == \"Alice\"", "name != \"Alice\"", "name = \"Alice", "name \"Alice\"",
                          "name = \"Alice\" and email = \"a@example.com\"", "name = 'Alice'"}) {
    INFO(bad);
    const ApiError e = s.error("ListUsers", {{"UserPoolId", pool}, {"Filter", bad}});
    CHECK(e.type == "InvalidParameterException");
    CHECK(e.message == "Error while parsing filter.");
  }
  for (const char* attribute : {"custom:team", "address", "email_verified", "nickname"}) {
    INFO(attribute);
    const ApiError e = s.error("ListUsers", {{"UserPoolId", pool}, {"Filter", std::string(attribute) + " = \"x\""}});
    CHECK(e.type == "InvalidParameterException");
    CHECK(e.message == "Invalid search attribute: " + std::string(attribute));
  }
  const std::string long_filter = "name = \"" + std::string(250, 'a') + "\"";
  const ApiError e = s.error("ListUsers", {{"UserPoolId", pool}, {"Filter", long_filter}});
  CHECK(e.type == "InvalidParameterException");
  CHECK(e.message == "1 validation error detected: Value '" + long_filter +
                         "' at 'filter' failed to satisfy constraint: Member must have length less than or equal to 256");
}

TEST_CASE("ListUsers AttributesToGet returns only the attributes asked for") {
  Sandbox s;
  const auto pool = s.create_pool();
  three_users(s, pool);
  const Json users = s.ok("ListUsers", {{"UserPoolId", pool}, {"AttributesToGet", {"email", "family_name"}}})["Users"];
  CHECK(users[0]["Attributes"] == attrs({{"email", "alice@example.com"}, {"family_name", "Smith"}}));
  CHECK(users[2]["Attributes"] == attrs({{"email", "alfred@example.com"}, {"family_name", "Smithers"}}));
  CHECK(users[1]["UserStatus"] == "FORCE_CHANGE_PASSWORD");  // the rest of UserType stays
  const Json with_filter = s.ok("ListUsers", {{"UserPoolId", pool}, {"AttributesToGet", {"sub"}}, {"Filter", "username = \"bob\""}})["Users"];
  REQUIRE(with_filter.size() == 1);
  CHECK(with_filter[0]["Attributes"].size() == 1);
  CHECK(with_filter[0]["Attributes"][0]["Name"] == "sub");
  const ApiError e = s.error("ListUsers", {{"UserPoolId", pool}, {"AttributesToGet", {"email", "color"}}});
  CHECK(e.type == "InvalidParameterException");
  CHECK(e.message == "One or more requested attributes do not exist in the schema: color.");
}

TEST_CASE("ListUsers pages through more than 60 users with Limit and PaginationToken") {
  Sandbox s;
  const auto pool = s.create_pool();
  Names all;
  for (int i = 0; i < 65; ++i) {
    const std::string name = "u" + std::string(i < 10 ? "0" : "") + std::to_string(i);
    s.ok("AdminCreateUser", {{"UserPoolId", pool}, {"Username", name}, {"MessageAction", "SUPPRESS"}});
    all.push_back(name);
  }
  // Without Limit: at most 60.
  const Json first = s.ok("ListUsers", {{"UserPoolId", pool}});
  CHECK(first["Users"].size() == 60);
  REQUIRE(first.contains("PaginationToken"));
  const Json rest = s.ok("ListUsers", {{"UserPoolId", pool}, {"PaginationToken", first["PaginationToken"]}});
  CHECK(usernames(rest["Users"]) == Names(all.begin() + 60, all.end()));
  CHECK_FALSE(rest.contains("PaginationToken"));
  CHECK(s.ok("ListUsers", {{"UserPoolId", pool}, {"Limit", 0}})["Users"].size() == 60);

  // Limit 25: 25, 25, 15, every user once, in order.
  Names seen;
  Json request = {{"UserPoolId", pool}, {"Limit", 25}};
  std::vector<std::size_t> pages;
  for (int guard = 0; guard < 5; ++guard) {
    const Json page = s.ok("ListUsers", request);
    pages.push_back(page["Users"].size());
    for (const auto& name : usernames(page["Users"])) seen.push_back(name);
    if (!page.contains("PaginationToken")) break;
    request["PaginationToken"] = page["PaginationToken"];
  }
  CHECK(pages == std::vector<std::size_t>{25, 25, 15});
  CHECK(seen == all);

  // With a filter: pages hold matching users only, and the last page has no token.
  const Json f1 = s.ok("ListUsers", {{"UserPoolId", pool}, {"Filter", "username ^= \"u1\""}, {"Limit", 5}});
  CHECK(usernames(f1["Users"]) == Names{"u10", "u11", "u12", "u13", "u14"});
  const Json f2 = s.ok("ListUsers", {{"UserPoolId", pool}, {"Filter", "username ^= \"u1\""}, {"Limit", 5},
                                     {"PaginationToken", f1["PaginationToken"]}});
  CHECK(usernames(f2["Users"]) == Names{"u15", "u16", "u17", "u18", "u19"});
  CHECK_FALSE(f2.contains("PaginationToken"));

  const ApiError e = s.error("ListUsers", {{"UserPoolId", pool}, {"Limit", 61}});
  CHECK(e.type == "InvalidParameterException");
  CHECK(e.message == "1 validation error detected: Value '61' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 60");
}

TEST_CASE("A ListUsers pagination token lasts an hour; a made-up one is invalid") {
  Sandbox s;
  const auto pool = s.create_pool();
  for (const char* name : {"p1", "p2", "p3"})
    s.ok("AdminCreateUser", {{"UserPoolId", pool}, {"Username", name}, {"MessageAction", "SUPPRESS"}});
  const Json token = s.ok("ListUsers", {{"UserPoolId", pool}, {"Limit", 1}})["PaginationToken"];
  s.advance(1h);
  CHECK(usernames(s.ok("ListUsers", {{"UserPoolId", pool}, {"Limit", 1}, {"PaginationToken", token}})["Users"]) == Names{"p2"});
  s.advance(1s);
  ApiError e = s.error("ListUsers", {{"UserPoolId", pool}, {"Limit", 1}, {"PaginationToken", token}});
  CHECK(e.type == "InvalidParameterException");
  CHECK(e.message == "Pagination token has expired.");
  e = s.error("ListUsers", {{"UserPoolId", pool}, {"PaginationToken", "bm9wZQ"}});
  CHECK(e.type == "InvalidParameterException");
  CHECK(e.message == "Invalid pagination token.");
}
