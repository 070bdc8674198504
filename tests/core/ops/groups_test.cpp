// Groups: CreateGroup, GetGroup, UpdateGroup, DeleteGroup, ListGroups,
// AdminAddUserToGroup, AdminRemoveUserFromGroup, AdminListGroupsForUser,
// ListUsersInGroup.
#include <set>

#include "core/tokens/jwt.h"
#include "tests/core/harness/harness.h"

using namespace userpool;
using namespace userpool::test;
using namespace std::chrono_literals;

namespace {

// A user an administrator made, who has not signed in yet (FORCE_CHANGE_PASSWORD).
void invite_user(Sandbox& s, const std::string& pool, const std::string& username) {
  s.ok("AdminCreateUser", {{"UserPoolId", pool}, {"Username", username}, {"MessageAction", "SUPPRESS"}});
}

std::vector<std::string> names(const Json& list, const char* member) {
  std::vector<std::string> out;
  for (const auto& item : list) out.push_back(item[member].get<std::string>());
  return out;
}

std::vector<std::string> groups_of(Sandbox& s, const std::string& pool, const std::string& username) {
  return names(s.ok("AdminListGroupsForUser", {{"UserPoolId", pool}, {"Username", username}})["Groups"], "GroupName");
}

using Names = std::vector<std::string>;

}  // namespace

TEST_CASE("CreateGroup returns the GroupType; the same name again is GroupExistsException") {
  Sandbox s;
  const auto pool = s.create_pool();
  const Json g = s.ok("CreateGroup", {{"UserPoolId", pool}, {"GroupName", "admins"}, {"Description", "People who run things"},
                                      {"Precedence", 1}, {"RoleArn", "arn:aws:iam::123456789012:role/Admins"}})["Group"];
  CHECK(g == Json{{"GroupName", "admins"}, {"UserPoolId", pool}, {"Description", "People who run things"},
                  {"RoleArn", "arn:aws:iam::123456789012:role/Admins"}, {"Precedence", 1},
                  {"LastModifiedDate", 1768471200.0}, {"CreationDate", 1768471200.0}});
  const Json bare = s.ok("CreateGroup", {{"UserPoolId", pool}, {"GroupName", "readers"}})["Group"];
  std::set<std::string> members;
  for (const auto& item : bare.items()) members.insert(item.key());
  CHECK(members == std::set<std::string>{"GroupName", "UserPoolId", "LastModifiedDate", "CreationDate"});

  ApiError e = s.error("CreateGroup", {{"UserPoolId", pool}, {"GroupName", "admins"}});
  CHECK(e.type == "GroupExistsException");
  CHECK(e.message == "A group with the name already exists.");
  CHECK(s.ok("CreateGroup", {{"UserPoolId", pool}, {"GroupName", "Admins"}})["Group"]["GroupName"] == "Admins");  // names are case-sensitive

  e = s.error("CreateGroup", {{"UserPoolId", "us-east-1_NoPool123"}, {"GroupName", "x"}});
  CHECK(e.type == "ResourceNotFoundException");
  CHECK(e.message == "User pool us-east-1_NoPool123 does not exist.");
  e = s.error("CreateGroup", {{"UserPoolId", pool}});
  CHECK(e.message == "1 validation error detected: Value null at 'groupName' failed to satisfy constraint: Member must not be null");
  e = s.error("CreateGroup", {{"UserPoolId", pool}, {"GroupName", "neg"}, {"Precedence", -1}});
  CHECK(e.type == "InvalidParameterException");
  CHECK(e.message == "1 validation error detected: Value '-1' at 'precedence' failed to satisfy constraint: Member must have value greater than or equal to 0");
  e = s.error("CreateGroup", {{"UserPoolId", pool}, {"GroupName", "role"}, {"RoleArn", "arn"}});
  CHECK(e.message == "1 validation error detected: Value 'arn' at 'roleArn' failed to satisfy constraint: Member must have length greater than or equal to 20");
  e = s.error("CreateGroup", {{"UserPoolId", pool}, {"GroupName", "has space"}});
  CHECK(e.type == "InvalidParameterException");
  CHECK(s.ok("ListGroups", {{"UserPoolId", pool}})["Groups"].size() == 3);  // refusals created nothing
}

TEST_CASE("GetGroup returns a group; an unknown group is ResourceNotFoundException") {
  Sandbox s;
  const auto pool = s.create_pool();
  const Json created = s.ok("CreateGroup", {{"UserPoolId", pool}, {"GroupName", "staff"}, {"Precedence", 3}})["Group"];
  CHECK(s.ok("GetGroup", {{"UserPoolId", pool}, {"GroupName", "staff"}}) == Json{{"Group", created}});
  const ApiError e = s.error("GetGroup", {{"UserPoolId", pool}, {"GroupName", "Staff"}});
  CHECK(e.type == "ResourceNotFoundException");
  CHECK(e.message == "Group not found.");
}

TEST_CASE("UpdateGroup changes the settings it is given and keeps the others") {
  Sandbox s;
  const auto pool = s.create_pool();
  s.ok("CreateGroup", {{"UserPoolId", pool}, {"GroupName", "ops"}, {"Description", "Operations"}, {"Precedence", 4}});
  s.advance(2min);
  const Json g = s.ok("UpdateGroup", {{"UserPoolId", pool}, {"GroupName", "ops"}, {"Precedence", 2}})["Group"];
  CHECK(g["Precedence"] == 2);
  CHECK(g["Description"] == "Operations");
  CHECK(g["CreationDate"] == 1768471200.0);
  CHECK(g["LastModifiedDate"] == 1768471320.0);
  CHECK(s.ok("GetGroup", {{"UserPoolId", pool}, {"GroupName", "ops"}})["Group"] == g);
  const Json described = s.ok("UpdateGroup", {{"UserPoolId", pool}, {"GroupName", "ops"}, {"Description", "Ops team"}})["Group"];
  CHECK(described["Description"] == "Ops team");
  CHECK(described["Precedence"] == 2);
  ApiError e = s.error("UpdateGroup", {{"UserPoolId", pool}, {"GroupName", "nope"}, {"Precedence", 1}});
  CHECK(e.type == "ResourceNotFoundException");
  CHECK(e.message == "Group not found.");
  e = s.error("UpdateGroup", {{"UserPoolId", pool}, {"GroupName", "ops"}, {"Precedence", -5}});
  CHECK(e.type == "InvalidParameterException");
  CHECK(s.ok("GetGroup", {{"UserPoolId", pool}, {"GroupName", "ops"}})["Group"]["Precedence"] == 2);
}

TEST_CASE("DeleteGroup removes the group and every membership in it") {
  Sandbox s;
  const auto pool = s.create_pool();
  const auto client = s.create_client(pool);
  invite_user(s, pool, "mem");
  s.ok("AdminSetUserPassword", {{"UserPoolId", pool}, {"Username", "mem"}, {"Password", "Passw0rd!"}, {"Permanent", true}});
  for (const char* g : {"temp", "keep"}) {
    s.ok("CreateGroup", {{"UserPoolId", pool}, {"GroupName", g}});
    s.ok("AdminAddUserToGroup", {{"UserPoolId", pool}, {"Username", "mem"}, {"GroupName", g}});
  }
  CHECK(s.ok("DeleteGroup", {{"UserPoolId", pool}, {"GroupName", "temp"}}) == Json::object());
  CHECK(groups_of(s, pool, "mem") == Names{"keep"});
  const Json id = decode_jwt(s.password_sign_in(client, "mem", "Passw0rd!").body["AuthenticationResult"]["IdToken"].get<std::string>()).value().payload;
  CHECK(id["cognito:groups"] == Json::array({"keep"}));
  ApiError e = s.error("GetGroup", {{"UserPoolId", pool}, {"GroupName", "temp"}});
  CHECK(e.type == "ResourceNotFoundException");
  e = s.error("DeleteGroup", {{"UserPoolId", pool}, {"GroupName", "temp"}});
  CHECK(e.type == "ResourceNotFoundException");
  CHECK(e.message == "Group not found.");
  // The name can be used again, and the new group starts empty.
  s.ok("CreateGroup", {{"UserPoolId", pool}, {"GroupName", "temp"}});
  CHECK(s.ok("ListUsersInGroup", {{"UserPoolId", pool}, {"GroupName", "temp"}})["Users"] == Json::array());
}

TEST_CASE("ListGroups pages in creation order with Limit and NextToken") {
  Sandbox s;
  const auto pool = s.create_pool();
  for (const char* g : {"g1", "g2", "g3", "g4", "g5"}) s.ok("CreateGroup", {{"UserPoolId", pool}, {"GroupName", g}});
  CHECK(names(s.ok("ListGroups", {{"UserPoolId", pool}})["Groups"], "GroupName") == Names{"g1", "g2", "g3", "g4", "g5"});
  const Json p1 = s.ok("ListGroups", {{"UserPoolId", pool}, {"Limit", 2}});
  CHECK(names(p1["Groups"], "GroupName") == Names{"g1", "g2"});
  const Json p2 = s.ok("ListGroups", {{"UserPoolId", pool}, {"Limit", 2}, {"NextToken", p1["NextToken"]}});
  CHECK(names(p2["Groups"], "GroupName") == Names{"g3", "g4"});
  const Json p3 = s.ok("ListGroups", {{"UserPoolId", pool}, {"Limit", 2}, {"NextToken", p2["NextToken"]}});
  CHECK(names(p3["Groups"], "GroupName") == Names{"g5"});
  CHECK_FALSE(p3.contains("NextToken"));
  const ApiError e = s.error("ListGroups", {{"UserPoolId", pool}, {"NextToken", "garbage"}});
  CHECK(e.type == "InvalidParameterException");
  CHECK(e.message == "Invalid pagination token.");
  CHECK(s.ok("ListGroups", {{"UserPoolId", s.create_pool(Json{{"PoolName", "empty"}})}}) == Json{{"Groups", Json::array()}});
}

TEST_CASE("Adding to and removing from groups: idempotent, by alias, for known users and groups only") {
  Sandbox s;
  const auto pool = s.create_pool(Json{{"UsernameAttributes", {"email"}}});
  invite_user(s, pool, "mo@example.com");
  for (const char* g : {"b", "a"}) s.ok("CreateGroup", {{"UserPoolId", pool}, {"GroupName", g}});
  const Json add = {{"UserPoolId", pool}, {"Username", "mo@example.com"}, {"GroupName", "b"}};
  CHECK(s.ok("AdminAddUserToGroup", add) == Json::object());
  CHECK(s.ok("AdminAddUserToGroup", add) == Json::object());
  s.ok("AdminAddUserToGroup", {{"UserPoolId", pool}, {"Username", "mo@example.com"}, {"GroupName", "a"}});
  const Json listed = s.ok("AdminListGroupsForUser", {{"UserPoolId", pool}, {"Username", "mo@example.com"}});
  CHECK(names(listed["Groups"], "GroupName") == Names{"b", "a"});  // in the order joined
  CHECK(listed["Groups"][0] == s.ok("GetGroup", {{"UserPoolId", pool}, {"GroupName", "b"}})["Group"]);

  CHECK(s.ok("AdminRemoveUserFromGroup", add) == Json::object());
  CHECK(groups_of(s, pool, "mo@example.com") == Names{"a"});
  CHECK(s.ok("AdminRemoveUserFromGroup", add) == Json::object());  // not a member: nothing to do

  for (const char* op : {"AdminAddUserToGroup", "AdminRemoveUserFromGroup"}) {
    INFO(op);
    ApiError e = s.error(op, {{"UserPoolId", pool}, {"Username", "ghost@example.com"}, {"GroupName", "a"}});
    CHECK(e.type == "UserNotFoundException");
    CHECK(e.message == "User does not exist.");
    e = s.error(op, {{"UserPoolId", pool}, {"Username", "mo@example.com"}, {"GroupName", "zzz"}});
    CHECK(e.type == "ResourceNotFoundException");
    CHECK(e.message == "Group not found.");
  }
  const ApiError e = s.error("AdminListGroupsForUser", {{"UserPoolId", pool}, {"Username", "ghost@example.com"}});
  CHECK(e.type == "UserNotFoundException");
}

TEST_CASE("AdminListGroupsForUser and ListUsersInGroup page with Limit and NextToken") {
  Sandbox s;
  const auto pool = s.create_pool();
  for (const char* g : {"x1", "x2", "x3"}) s.ok("CreateGroup", {{"UserPoolId", pool}, {"GroupName", g}});
  for (const char* u : {"m1", "m2", "m3", "out"}) invite_user(s, pool, u);
  for (const char* g : {"x1", "x2", "x3"}) s.ok("AdminAddUserToGroup", {{"UserPoolId", pool}, {"Username", "m1"}, {"GroupName", g}});
  for (const char* u : {"m2", "m3"}) s.ok("AdminAddUserToGroup", {{"UserPoolId", pool}, {"Username", u}, {"GroupName", "x1"}});

  const Json g1 = s.ok("AdminListGroupsForUser", {{"UserPoolId", pool}, {"Username", "m1"}, {"Limit", 2}});
  CHECK(names(g1["Groups"], "GroupName") == Names{"x1", "x2"});
  const Json g2 = s.ok("AdminListGroupsForUser", {{"UserPoolId", pool}, {"Username", "m1"}, {"Limit", 2}, {"NextToken", g1["NextToken"]}});
  CHECK(names(g2["Groups"], "GroupName") == Names{"x3"});
  CHECK_FALSE(g2.contains("NextToken"));

  const Json u1 = s.ok("ListUsersInGroup", {{"UserPoolId", pool}, {"GroupName", "x1"}, {"Limit", 2}});
  CHECK(names(u1["Users"], "Username") == Names{"m1", "m2"});
  CHECK(u1["Users"][0]["UserStatus"] == "FORCE_CHANGE_PASSWORD");
  CHECK(u1["Users"][0]["Attributes"][0]["Name"] == "sub");
  const Json u2 = s.ok("ListUsersInGroup", {{"UserPoolId", pool}, {"GroupName", "x1"}, {"Limit", 2}, {"NextToken", u1["NextToken"]}});
  CHECK(names(u2["Users"], "Username") == Names{"m3"});
  CHECK_FALSE(u2.contains("NextToken"));
  CHECK(names(s.ok("ListUsersInGroup", {{"UserPoolId", pool}, {"GroupName", "x3"}})["Users"], "Username") == Names{"m1"});
  CHECK(groups_of(s, pool, "out") == Names{});
  const ApiError e = s.error("ListUsersInGroup", {{"UserPoolId", pool}, {"GroupName", "missing"}});
  CHECK(e.type == "ResourceNotFoundException");
  CHECK(e.message == "Group not found.");
}
