// userpool: the sandbox from a shell.
//
//   userpool [--state FILE] [REQUESTS_FILE]
//     Reads requests as JSON lines, {"op": "SignUp", "params": {...}}, from
//     standard input or a file, and writes one line per request,
//     {"status": 200, "body": {...}}. With --state FILE it starts from the
//     saved state in FILE (if it exists) and saves it back after the last
//     request.
//
//   userpool serve [--host H] [--port P] [--state FILE] [--issuer aws|local]
//     The same sandbox as a local Cognito endpoint over HTTP, for the AWS
//     CLI, the SDKs and real apps (tools/serve/server.h).
//
// FILE is a state (Sandbox.ExportState) or the browser app's saved work
// ("Your work", Export); either is written back as it was read.
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>

#include "core/api/door.h"
#include "tools/serve/server.h"
#include "tools/serve/state_file.h"

namespace {

using userpool::Json;

int usage(std::ostream& out, int status) {
  out << "usage: userpool [--state FILE] [REQUESTS_FILE]\n"
         "       userpool serve [--host 127.0.0.1] [--port 9229] [--state FILE] [--issuer aws|local]\n"
         "\n"
         "  The first form reads JSON lines {\"op\": \"<Operation>\", \"params\": {...}} and writes one line\n"
         "  {\"status\": <HTTP status>, \"body\": {...}} for each. --state loads and saves the whole sandbox.\n"
         "\n"
         "  serve answers the Cognito API over HTTP (POST / with X-Amz-Target), the pools' JWKS and\n"
         "  OpenID configuration, and a page at / listing pools, users and messages.\n"
         "    --host    address to listen on (127.0.0.1; anything else is reachable from other machines)\n"
         "    --port    port to listen on (9229; 0 picks a free one)\n"
         "    --state   file the sandbox is loaded from and saved to before each answer; a file exported\n"
         "              from the browser app (Your work, Export) can be served as it is\n"
         "    --issuer  aws: tokens carry Cognito's own iss, so stock verifiers accept them (default);\n"
         "              local: iss is this endpoint's address, as OIDC discovery clients require\n";
  return status;
}

Json answer_line(userpool::Door& door, const std::string& line) {
  const auto request = userpool::parse_json_text(line);
  const auto refuse = [](const std::string& why) {
    return Json{{"status", 400}, {"body", {{"__type", "SerializationException"}, {"message", why}}}};
  };
  if (!request) return refuse("The line is not JSON: " + request.error());
  if (!request->is_object() || !request->contains("op") || !(*request)["op"].is_string())
    return refuse("Each line needs an \"op\" naming the operation, e.g. {\"op\": \"ListUserPools\", \"params\": {\"MaxResults\": 10}}");
  const Json params = request->value("params", Json::object());
  const auto response = door.call((*request)["op"].get<std::string>(), params);
  return Json{{"status", response.status}, {"body", response.body}};
}

int run_requests(int argc, char** argv) {
  std::string state_path, requests_path;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--state" && i + 1 < argc) state_path = argv[++i];
    else if (arg == "-h" || arg == "--help") return usage(std::cout, 0);
    else if (!arg.empty() && arg[0] != '-' && requests_path.empty()) requests_path = arg;
    else return usage(std::cerr, 2);
  }

  userpool::Account account;
  userpool::AccountDoor door(account);
  std::optional<userpool::tools::StateFile> file;
  if (!state_path.empty()) {
    file.emplace(state_path);
    if (const auto problem = file->load(door)) {
      std::cerr << "userpool: " << *problem << "\n";
      return 1;
    }
  }

  std::ifstream requests;
  if (!requests_path.empty()) {
    requests.open(requests_path);
    if (!requests) {
      std::cerr << "userpool: cannot read " << requests_path << "\n";
      return 1;
    }
  }
  std::istream& input = requests_path.empty() ? std::cin : requests;
  for (std::string line; std::getline(input, line);) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    std::cout << answer_line(door, line).dump() << "\n" << std::flush;
  }

  if (file)
    if (const auto problem = file->save(door)) {
      std::cerr << "userpool: " << *problem << "\n";
      return 1;
    }
  return 0;
}

int run_serve(int argc, char** argv) {
  userpool::tools::ServeOptions options;
  for (int i = 2; i < argc; ++i) {
    const std::string arg = argv[i];
    const bool has_value = i + 1 < argc;
    if (arg == "-h" || arg == "--help") return usage(std::cout, 0);
    if (!has_value) return usage(std::cerr, 2);
    const std::string value = argv[++i];
    if (arg == "--host") options.host = value;
    else if (arg == "--state") options.state_path = value;
    else if (arg == "--port") {
      char* end = nullptr;
      const long port = std::strtol(value.c_str(), &end, 10);
      if (value.empty() || *end != '\0' || port < 0 || port > 65535) {
        std::cerr << "userpool serve: --port takes a number from 0 to 65535, not \"" << value << "\".\n";
        return 2;
      }
      options.port = static_cast<int>(port);
    } else if (arg == "--issuer") {
      if (value != "aws" && value != "local") {
        std::cerr << "userpool serve: --issuer is aws (Cognito's own issuer) or local (this endpoint's address), not \""
                  << value << "\".\n";
        return 2;
      }
      options.issuer_local = value == "local";
    } else {
      return usage(std::cerr, 2);
    }
  }
  return userpool::tools::serve(options);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc > 1 && std::string(argv[1]) == "serve") return run_serve(argc, argv);
  return run_requests(argc, argv);
}
