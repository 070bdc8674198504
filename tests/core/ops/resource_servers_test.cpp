// Resource servers and custom scopes (API Reference: CreateResourceServer,
// DescribeResourceServer, UpdateResourceServer, DeleteResourceServer,
// ListResourceServers): shapes, the identifier's and scopes' patterns,
// duplicates, limits, paging, the saved state, and app clients allowed a
// custom scope only once the pool defines it.
#include "tests/core/harness/harness.h"

using namespace userpool;
using namespace userpool::test;

namespace {

const Json kPhotoScopes = Json::array({Json{{"ScopeName", "photos.read"}, {"ScopeDescription", "Read photos"}},
                                       Json{{"ScopeName", "photos.write"}, {"ScopeDescription", "Upload photos"}}});

Json photos_api(const std::string& pool) {
  return Json{{"UserPoolId", pool}, {"Identifier", "https://photos.example.com"}, {"Name", "Photos API"}, {"Scopes", kPhotoScopes}};
}

}  // namespace

TEST_CASE("CreateResourceServer and DescribeResourceServer: the server with its scopes, as ResourceServerType") {
  Sandbox s;
  const std::string pool = s.create_pool();
  const Json created = s.ok("CreateResourceServer", photos_api(pool))["ResourceServer"];
  CHECK(created == Json{{"UserPoolId", pool}, {"Identifier", "https://photos.example.com"}, {"Name", "Photos API"}, {"Scopes", kPhotoScopes}});
  CHECK(s.ok("DescribeResourceServer", {{"UserPoolId", pool}, {"Identifier", "https://photos.example.com"}})["ResourceServer"] == created);
  // Scopes are left out when there are none.
  const Json bare = s.ok("CreateResourceServer", {{"UserPoolId", pool}, {"Identifier", "orders"}, {"Name", "Orders"}})["ResourceServer"];
  CHECK_FALSE(bare.contains("Scopes"));
}

TEST_CASE("CreateResourceServer: required members, patterns, duplicates and the per-pool limit") {
  Sandbox s;
  const std::string pool = s.create_pool();
  CHECK(failure(s, "CreateResourceServer", {{"UserPoolId", pool}, {"Name", "x"}}) ==
        validation("Value null at 'identifier' failed to satisfy constraint: Member must not be null"));
  CHECK(failure(s, "CreateResourceServer", {{"UserPoolId", pool}, {"Identifier", "api"}}) ==
        validation("Value null at 'name' failed to satisfy constraint: Member must not be null"));
  CHECK(failure(s, "CreateResourceServer", {{"UserPoolId", pool}, {"Identifier", "my api"}, {"Name", "x"}}) ==
        validation("Value 'my api' at 'identifier' failed to satisfy constraint: Member must satisfy regular expression pattern: "
                   "[\\x21\\x23-\\x5B\\x5D-\\x7E]+"));
  // A scope name cannot hold a slash (it would be ambiguous in "<Identifier>/<ScopeName>").
  CHECK(failure(s, "CreateResourceServer",
                {{"UserPoolId", pool}, {"Identifier", "api"}, {"Name", "x"},
                 {"Scopes", Json::array({Json{{"ScopeName", "a/b"}, {"ScopeDescription", "d"}}})}}) ==
        validation("Value 'a/b' at 'scopes.1.member.scopeName' failed to satisfy constraint: Member must satisfy regular "
                   "expression pattern: [\\x21\\x23-\\x2E\\x30-\\x5B\\x5D-\\x7E]+"));
  CHECK(failure(s, "CreateResourceServer",
                {{"UserPoolId", pool}, {"Identifier", "api"}, {"Name", "x"}, {"Scopes", Json::array({Json{{"ScopeName", "read"}}})}}) ==
        validation("Value null at 'scopes.1.member.scopeDescription' failed to satisfy constraint: Member must not be null"));
  s.ok("CreateResourceServer", photos_api(pool));
  CHECK(failure(s, "CreateResourceServer", photos_api(pool)) ==
        invalid("https://photos.example.com already exists in user pool " + pool + "."));
  for (int i = 1; i < 25; ++i)
    s.ok("CreateResourceServer", {{"UserPoolId", pool}, {"Identifier", "api" + std::to_string(i)}, {"Name", "x"}});
  CHECK(failure(s, "CreateResourceServer", {{"UserPoolId", pool}, {"Identifier", "one-too-many"}, {"Name", "x"}}).type ==
        "LimitExceededException");
  CHECK(failure(s, "CreateResourceServer", photos_api("us-east-1_Missing1")).type == "ResourceNotFoundException");
}

TEST_CASE("UpdateResourceServer replaces name and scopes (omitted scopes are removed); DeleteResourceServer removes it") {
  Sandbox s;
  const std::string pool = s.create_pool();
  s.ok("CreateResourceServer", photos_api(pool));
  const Json renamed = s.ok("UpdateResourceServer", {{"UserPoolId", pool}, {"Identifier", "https://photos.example.com"}, {"Name", "Pictures"}})["ResourceServer"];
  CHECK(renamed["Name"] == "Pictures");
  CHECK_FALSE(renamed.contains("Scopes"));
  CHECK(failure(s, "UpdateResourceServer", {{"UserPoolId", pool}, {"Identifier", "nope"}, {"Name", "x"}}).type == "ResourceNotFoundException");
  CHECK(s.ok("DeleteResourceServer", {{"UserPoolId", pool}, {"Identifier", "https://photos.example.com"}}) == Json::object());
  CHECK(failure(s, "DescribeResourceServer", {{"UserPoolId", pool}, {"Identifier", "https://photos.example.com"}}).type ==
        "ResourceNotFoundException");
}

TEST_CASE("ListResourceServers pages with MaxResults and NextToken, in creation order") {
  Sandbox s;
  const std::string pool = s.create_pool();
  for (const char* id : {"a", "b", "c"}) s.ok("CreateResourceServer", {{"UserPoolId", pool}, {"Identifier", id}, {"Name", id}});
  const Json first = s.ok("ListResourceServers", {{"UserPoolId", pool}, {"MaxResults", 2}});
  REQUIRE(first["ResourceServers"].size() == 2);
  CHECK(first["ResourceServers"][0]["Identifier"] == "a");
  REQUIRE(first.contains("NextToken"));
  const Json rest = s.ok("ListResourceServers", {{"UserPoolId", pool}, {"MaxResults", 2}, {"NextToken", first["NextToken"]}});
  CHECK(rest["ResourceServers"].size() == 1);
  CHECK(rest["ResourceServers"][0]["Identifier"] == "c");
  CHECK_FALSE(rest.contains("NextToken"));
  CHECK(failure(s, "ListResourceServers", {{"UserPoolId", pool}, {"MaxResults", 51}}) ==
        validation("Value '51' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 50"));
}

TEST_CASE("An app client may be allowed a custom scope only once a resource server of the pool defines it") {
  Sandbox s;
  const std::string pool = s.create_pool();
  const Json client = {{"UserPoolId", pool}, {"ClientName", "api-client"}, {"GenerateSecret", true},
                       {"AllowedOAuthFlowsUserPoolClient", true}, {"AllowedOAuthFlows", {"client_credentials"}},
                       {"AllowedOAuthScopes", {"https://photos.example.com/photos.read"}}};
  CHECK(failure(s, "CreateUserPoolClient", client) ==
        Failure{"ScopeDoesNotExistException", "Invalid scope requested: https://photos.example.com/photos.read"});
  s.ok("CreateResourceServer", photos_api(pool));
  const Json created = s.ok("CreateUserPoolClient", client)["UserPoolClient"];
  CHECK(created["AllowedOAuthScopes"] == Json::array({"https://photos.example.com/photos.read"}));
  // Only custom scopes: a machine has no user for openid to describe.
  Json with_openid = client;
  with_openid["AllowedOAuthScopes"] = {"openid", "https://photos.example.com/photos.read"};
  CHECK(failure(s, "CreateUserPoolClient", with_openid) ==
        Failure{"InvalidOAuthFlowException", "openid is not supported with client_credentials flow"});
  // A scope of another identifier, or one the server does not define, still fails.
  Json other = client;
  other["AllowedOAuthScopes"] = {"https://photos.example.com/photos.delete"};
  CHECK(failure(s, "CreateUserPoolClient", other).type == "ScopeDoesNotExistException");
}

TEST_CASE("Resource servers are kept in the saved state and come back whole") {
  Sandbox s;
  const std::string pool = s.create_pool();
  s.ok("CreateResourceServer", photos_api(pool));
  const Json saved = s.ok("Sandbox.ExportState", Json::object())["State"];
  Sandbox again;
  again.ok("Sandbox.ImportState", {{"State", saved}});
  CHECK(again.ok("Sandbox.ExportState", Json::object())["State"] == saved);
  CHECK(again.ok("DescribeResourceServer", {{"UserPoolId", pool}, {"Identifier", "https://photos.example.com"}})["ResourceServer"]["Scopes"] ==
        kPhotoScopes);
}
