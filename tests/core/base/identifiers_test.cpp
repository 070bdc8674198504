#include "core/base/identifiers.h"

#include <catch2/catch.hpp>
#include <regex>
#include <set>

using namespace userpool;

TEST_CASE("A user pool ID is the region, an underscore and 9 alphanumerics") {
  const std::regex shape("us-east-1_[0-9A-Za-z]{9}");
  for (int i = 0; i < 200; ++i) {
    const auto id = generate_user_pool_id("us-east-1", secure_random());
    REQUIRE(std::regex_match(id, shape));
    REQUIRE(is_user_pool_id(id));
    REQUIRE(pool_name_of(id) == id.substr(10));
  }
}

TEST_CASE("User pool IDs use both letter cases and digits") {
  std::string all;
  for (int i = 0; i < 200; ++i) all += generate_user_pool_id("eu-west-1", secure_random()).substr(10);
  CHECK(std::regex_search(all, std::regex("[a-z]")));
  CHECK(std::regex_search(all, std::regex("[A-Z]")));
  CHECK(std::regex_search(all, std::regex("[0-9]")));
}

TEST_CASE("An app client ID is 26 lowercase alphanumerics") {
  const std::regex shape("[0-9a-z]{26}");
  std::set<std::string> seen;
  for (int i = 0; i < 500; ++i) {
    const auto id = generate_app_client_id(secure_random());
    REQUIRE(std::regex_match(id, shape));
    seen.insert(id);
  }
  CHECK(seen.size() == 500);
}

TEST_CASE("A sub is a lowercase RFC 4122 version 4 UUID") {
  const std::regex shape("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    const auto id = generate_uuid_v4(secure_random());
    REQUIRE(std::regex_match(id, shape));
    REQUIRE(is_uuid(id));
    seen.insert(id);
  }
  CHECK(seen.size() == 1000);
}

TEST_CASE("Identifier shape checks refuse malformed input") {
  CHECK(is_user_pool_id("us-west-2_ywDJHlIfU"));
  CHECK(is_user_pool_id("ap-southeast-1_zeN7E8U11"));
  CHECK_FALSE(is_user_pool_id(""));
  CHECK_FALSE(is_user_pool_id("us-east-1"));
  CHECK_FALSE(is_user_pool_id("us-east-1_"));
  CHECK_FALSE(is_user_pool_id("_abc"));
  CHECK_FALSE(is_user_pool_id("us-east-1_abc-def"));
  CHECK_FALSE(is_user_pool_id("us east-1_abc"));
  CHECK_FALSE(is_user_pool_id(std::string(50, 'a') + "_abcdef"));
  CHECK(is_uuid("7325c1de-b05b-4f84-b321-9adc6e61f4a2"));
  CHECK_FALSE(is_uuid("7325c1de-b05b-4f84-b321-9adc6e61f4a"));
  CHECK_FALSE(is_uuid("7325c1de+b05b-4f84-b321-9adc6e61f4a2"));
  CHECK_FALSE(is_uuid("7325c1de-b05b-4f84-b321-9adc6e61f4gz"));
  CHECK(pool_name_of("us-east-1_AbCdEfGhI") == "AbCdEfGhI");
  CHECK(pool_name_of("nounderscore").empty());
}

TEST_CASE("Identifiers from a seeded source are repeatable") {
  SeededRandom a(42), b(42);
  CHECK(generate_uuid_v4(a) == generate_uuid_v4(b));
  CHECK(generate_user_pool_id("us-east-1", a) == generate_user_pool_id("us-east-1", b));
}
