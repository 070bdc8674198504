// Fuzz-style robustness: truncated and mutated state documents, and mutated
// or random requests to every operation. Nothing may crash or answer with
// InternalErrorException (a 500 is the sandbox's own fault); a refused state
// document leaves the state as it was.
#include <functional>

#include "core/api/registry.h"
#include "core/api/state.h"
#include "tests/core/harness/rich_state.h"

using namespace userpool;
using namespace userpool::test;

namespace {

// A random JSON value of a few kinds, sometimes nested.
Json random_value(RandomSource& r, int depth = 0) {
  switch (r.below(depth > 2 ? 6 : 8)) {
    case 0: return nullptr;
    case 1: return r.below(2) == 1;
    case 2: return static_cast<std::int64_t>(r.below(2000)) - 1000;
    case 3: return 1e300;
    case 4: return r.string_from("abcXYZ019 _-.@+=/{}#", r.below(12));
    case 5: return std::string(r.below(3000), 'x');
    case 6: {
      Json a = Json::array();
      for (std::uint32_t i = 0, n = r.below(3); i < n; ++i) a.push_back(random_value(r, depth + 1));
      return a;
    }
    default: {
      Json o = Json::object();
      for (std::uint32_t i = 0, n = r.below(3); i < n; ++i) o[r.string_from("ABCabc", 3)] = random_value(r, depth + 1);
      return o;
    }
  }
}

// Every node of a document, as pointers, so one can be picked at random.
void collect(Json& j, std::vector<Json*>& out) {
  out.push_back(&j);
  if (j.is_object())
    for (auto& [k, v] : j.items()) collect(v, out);
  else if (j.is_array())
    for (auto& v : j) collect(v, out);
}

// Replaces, removes or retypes one random node.
void mutate(Json& doc, RandomSource& r) {
  std::vector<Json*> nodes;
  collect(doc, nodes);
  Json* node = nodes[r.below(static_cast<std::uint32_t>(nodes.size()))];
  if (node->is_object() && !node->empty() && r.below(3) == 0) {
    auto it = node->begin();
    std::advance(it, r.below(static_cast<std::uint32_t>(node->size())));
    node->erase(it.key());
  } else if (node->is_array() && !node->empty() && r.below(3) == 0) {
    node->erase(node->begin() + r.below(static_cast<std::uint32_t>(node->size())));
  } else {
    *node = random_value(r);
  }
}

void require_no_fault(const Response& response, const std::string& what) {
  INFO(what << " -> " << response.body.dump().substr(0, 400));
  REQUIRE(response.status != 500);
  REQUIRE(response.body.is_object());
}

// Operations a learner might run on whatever state they have.
void exercise(Sandbox& s, const Json& state) {
  std::vector<std::string> pools, clients;
  if (state.contains("UserPools") && state["UserPools"].is_array())
    for (const auto& p : state["UserPools"]) {
      if (p.is_object() && p.contains("Id") && p["Id"].is_string()) pools.push_back(p["Id"].get<std::string>());
      if (p.is_object() && p.contains("Clients") && p["Clients"].is_array())
        for (const auto& c : p["Clients"])
          if (c.is_object() && c.contains("ClientId") && c["ClientId"].is_string()) clients.push_back(c["ClientId"].get<std::string>());
    }
  for (const auto& pool : pools) {
    for (const char* op : {"DescribeUserPool", "ListUsers", "ListUserPoolClients", "ListGroups", "GetUserPoolMfaConfig", "Sandbox.GetJwks"})
      require_no_fault(s.call(op, {{"UserPoolId", pool}, {"MaxResults", 10}}), op);
    for (const char* user : {"ann@example.com", "bob@example.com", "cat@example.com", "fay@example.com"}) {
      require_no_fault(s.call("AdminGetUser", {{"UserPoolId", pool}, {"Username", user}}), "AdminGetUser");
      require_no_fault(s.call("AdminInitiateAuth", {{"UserPoolId", pool}, {"ClientId", clients.empty() ? "x" : clients[0]},
                                                    {"AuthFlow", "ADMIN_USER_PASSWORD_AUTH"},
                                                    {"AuthParameters", {{"USERNAME", user}, {"PASSWORD", "Passw0rd!"}}}}),
                       "AdminInitiateAuth");
    }
  }
  for (const auto& client : clients) {
    for (const char* user : {"ann@example.com", "bob@example.com"}) {
      require_no_fault(s.password_sign_in(client, user, "Passw0rd!"), "InitiateAuth");
      require_no_fault(s.call("ForgotPassword", {{"ClientId", client}, {"Username", user}}), "ForgotPassword");
    }
    const Response signed_in = s.password_sign_in(client, "bob@example.com", "Passw0rd!");
    if (signed_in.status == 200 && signed_in.body.contains("AuthenticationResult")) {
      const Json& t = signed_in.body["AuthenticationResult"];
      require_no_fault(s.call("GetUser", {{"AccessToken", t["AccessToken"]}}), "GetUser");
      require_no_fault(s.call("InitiateAuth", {{"ClientId", client}, {"AuthFlow", "REFRESH_TOKEN_AUTH"},
                                               {"AuthParameters", {{"REFRESH_TOKEN", t["RefreshToken"]}}}}),
                       "refresh");
    }
  }
  require_no_fault(s.call("Sandbox.ListMessages", Json::object()), "ListMessages");
  require_no_fault(s.call("Sandbox.ListEvents", Json::object()), "ListEvents");
  require_no_fault(s.call("Sandbox.ExportState", Json::object()), "ExportState");
}

}  // namespace

TEST_CASE("Truncated state documents are refused and change nothing") {
  Sandbox s;
  build_rich_state(s);
  const std::string text = s.ok("Sandbox.ExportState", Json::object())["State"].dump();
  const std::string before = text;
  const std::size_t step = std::max<std::size_t>(1, text.size() / 150);
  for (std::size_t cut = 0; cut < text.size(); cut += step) {
    const Response r = call_text(s.account, "Sandbox.ImportState", "{\"State\":" + text.substr(0, cut) + "}");
    INFO("cut at " << cut);
    REQUIRE(r.status == 400);
    REQUIRE(s.ok("Sandbox.ExportState", Json::object())["State"].dump() == before);
  }
}

TEST_CASE("Mutated state documents are refused or, if they import, work without internal errors") {
  Sandbox s;
  build_rich_state(s);
  const Json good = s.ok("Sandbox.ExportState", Json::object())["State"];
  SeededRandom random(20260115);
  int refused = 0, imported = 0;
  for (int round = 0; round < 150; ++round) {
    Json doc = good;
    for (std::uint32_t m = 0, n = 1 + random.below(3); m < n; ++m) mutate(doc, random);
    Sandbox t;
    t.account.clock.freeze_at(s.now());
    const Response r = t.call("Sandbox.ImportState", {{"State", doc}});
    INFO("round " << round << ": " << r.body.dump().substr(0, 300));
    REQUIRE(r.status != 500);
    if (r.status == 200) {
      ++imported;
      exercise(t, doc);
    } else {
      ++refused;
      REQUIRE(t.ok("Sandbox.ExportState", Json::object())["State"]["UserPools"].empty());
    }
  }
  // Both paths were taken: the mutations are neither all fatal nor all harmless.
  CHECK(refused > 0);
  CHECK(imported > 0);
}

TEST_CASE("Mutated and random requests to every operation never cause an internal error") {
  Sandbox s;
  const RichState rich = build_rich_state(s);
  SeededRandom random(42);
  // A valid-looking request per operation to start mutating from.
  const Json seed = {{"UserPoolId", rich.pool},
                     {"ClientId", rich.client},
                     {"Username", "ann@example.com"},
                     {"Password", "Passw0rd!"},
                     {"AuthFlow", "USER_PASSWORD_AUTH"},
                     {"AuthParameters", {{"USERNAME", "ann@example.com"}, {"PASSWORD", "Passw0rd!"}}},
                     {"ChallengeName", "SOFTWARE_TOKEN_MFA"},
                     {"ChallengeResponses", {{"USERNAME", "ann@example.com"}}},
                     {"UserAttributes", attrs({{"email", "x@example.com"}})},
                     {"PoolName", "p"},
                     {"ClientName", "c"},
                     {"GroupName", "admins"},
                     {"MaxResults", 5},
                     {"Filter", "email ^= \"a\""},
                     {"Seconds", 10}};
  for (const auto& op : operation_names()) {
    if (op == "Sandbox.Reset" || op == "Sandbox.ImportState") continue;  // covered elsewhere; they would empty the fixture
    for (int round = 0; round < 25; ++round) {
      Json request = round == 0 ? seed : round < 5 ? random_value(random) : seed;
      if (round >= 5)
        for (std::uint32_t m = 0, n = 1 + random.below(3); m < n; ++m) mutate(request, random);
      require_no_fault(s.call(op, request), op + " " + request.dump().substr(0, 200));
    }
  }
  // Bodies that are not JSON at all.
  for (const char* text : {"", "{", "[1,2", "nul", "\"str\"", "{\"UserPoolId\": }", "\xff\xfe"})
    require_no_fault(call_text(s.account, "DescribeUserPool", text), text);
  CHECK(s.call("NoSuchOperation", Json::object()).body["__type"] == "UnknownOperationException");
}
