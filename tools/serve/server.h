// `userpool serve`: the endpoint (core/http/endpoint.h) on a socket, with
// cpp-httplib (Debian's libcpp-httplib-dev), for the AWS CLI, the SDKs and
// real apps.
//
// Threads: the HTTP library reads and writes on a pool of threads; the
// engine answers one request at a time under one lock (it is
// single-threaded). With a state file, a request that may have changed the
// sandbox waits, after the lock is released, until a save that includes its
// change is on disk; one saver thread writes, and changes that arrive while
// it writes share the next save.
#pragma once

#include <string>

namespace userpool::tools {

struct ServeOptions {
  std::string host = "127.0.0.1";
  int port = 9229;           // 0: any free port (the address is printed)
  std::string state_path;    // empty: in memory only
  bool issuer_local = false; // iss = this endpoint's address instead of Cognito's
};

// Serves until SIGINT or SIGTERM, then finishes the requests in flight,
// saves and returns 0; returns non-zero if it could not start.
int serve(const ServeOptions& options);

}  // namespace userpool::tools
