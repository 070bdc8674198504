#include "core/crypto/secret_hash.h"

#include <catch2/catch.hpp>
#include <regex>

using namespace userpool;

TEST_CASE("SECRET_HASH matches the reference's worked example") {
  CHECK(secret_hash("alice", "1234567890abcdefghijklmnop", "1example23456789abcdefghijklmnopqrstuvwxyz0123") ==
        "EmyyJ7R6c9AHWsrDxZPJow2+i/62xAoNEJqCte45+mI=");
}

TEST_CASE("SECRET_HASH depends on the username, the client and the secret") {
  const auto base = secret_hash("alice", "client", "secret");
  CHECK(base.size() == 44);
  CHECK(secret_hash("Alice", "client", "secret") != base);
  CHECK(secret_hash("alice", "client2", "secret") != base);
  CHECK(secret_hash("alice", "client", "secret2") != base);
}

TEST_CASE("A client secret is 51 lowercase alphanumerics, within the model's 24-64") {
  const auto s = generate_client_secret(secure_random());
  CHECK(std::regex_match(s, std::regex("[0-9a-z]{51}")));
  CHECK(generate_client_secret(secure_random()) != s);
}
