// userpool: the sandbox from a shell. Reads requests as JSON lines,
//   {"op": "SignUp", "params": {...}}
// from standard input or a file, and writes one line per request,
//   {"status": 200, "body": {...}}
// With --state FILE it starts from the saved state in FILE (if it exists)
// and saves the state back after the last request.
//
//   userpool [--state FILE] [REQUESTS_FILE]
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>

#include "core/api/dispatcher.h"
#include "core/api/state.h"

namespace {

int usage() {
  std::cerr << "usage: userpool [--state FILE] [REQUESTS_FILE]\n"
               "  Each input line is {\"op\": \"<Operation>\", \"params\": {...}}; each output line is\n"
               "  {\"status\": <HTTP status>, \"body\": {...}}. --state loads and saves the whole sandbox.\n";
  return 2;
}

userpool::Json answer_line(userpool::Account& account, const std::string& line) {
  using userpool::Json;
  const auto request = userpool::parse_json_text(line);
  const auto refuse = [](const std::string& why) {
    return Json{{"status", 400}, {"body", {{"__type", "SerializationException"}, {"message", why}}}};
  };
  if (!request) return refuse("The line is not JSON: " + request.error());
  if (!request->is_object() || !request->contains("op") || !(*request)["op"].is_string())
    return refuse("Each line needs an \"op\" naming the operation, e.g. {\"op\": \"ListUserPools\", \"params\": {\"MaxResults\": 10}}");
  const Json params = request->value("params", Json::object());
  const auto response = userpool::call(account, (*request)["op"].get<std::string>(), params);
  return Json{{"status", response.status}, {"body", response.body}};
}

}  // namespace

int main(int argc, char** argv) {
  std::string state_file, requests_file;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--state" && i + 1 < argc) state_file = argv[++i];
    else if (arg == "-h" || arg == "--help") return usage();
    else if (!arg.empty() && arg[0] != '-' && requests_file.empty()) requests_file = arg;
    else return usage();
  }

  userpool::Account account;
  if (!state_file.empty()) {
    std::ifstream in(state_file);
    if (in) {
      const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      const auto state = userpool::parse_json_text(text);
      if (!state) {
        std::cerr << "userpool: " << state_file << ": the state file was not imported: it is not JSON (" << state.error()
                  << "). The file is unchanged.\n";
        return 1;
      }
      const auto loaded = userpool::call(account, "Sandbox.ImportState", userpool::Json{{"State", *state}});
      if (loaded.status != 200) {
        std::cerr << "userpool: " << state_file << ": " << loaded.body.value("message", "cannot be read") << "\n";
        return 1;
      }
    }
  }

  std::ifstream file;
  if (!requests_file.empty()) {
    file.open(requests_file);
    if (!file) {
      std::cerr << "userpool: cannot read " << requests_file << "\n";
      return 1;
    }
  }
  std::istream& input = requests_file.empty() ? std::cin : file;
  for (std::string line; std::getline(input, line);) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    std::cout << answer_line(account, line).dump() << "\n" << std::flush;
  }

  if (!state_file.empty()) {
    // Written next to the file and renamed over it, so an interrupted save
    // never leaves half a state.
    const std::string temporary = state_file + ".tmp";
    {
      std::ofstream out(temporary, std::ios::trunc);
      out << userpool::export_state(account).dump() << "\n";
      if (!out) {
        std::cerr << "userpool: cannot write " << temporary << "\n";
        return 1;
      }
    }
    if (std::rename(temporary.c_str(), state_file.c_str()) != 0) {
      std::cerr << "userpool: cannot replace " << state_file << "\n";
      return 1;
    }
  }
  return 0;
}
