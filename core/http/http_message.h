// An HTTP request and answer as the endpoint sees them, apart from any
// server library: the native server (tools/serve) fills these from the
// socket, and the page can hand them over without one.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace userpool {

using HttpHeaders = std::vector<std::pair<std::string, std::string>>;

struct HttpRequest {
  std::string method;  // "GET", "POST", "OPTIONS"
  std::string path;    // "/", "/us-east-1_AbC/.well-known/jwks.json" (no query)
  HttpHeaders headers;
  std::string body;
  std::string query;  // what follows '?' in the URL, as sent (still percent-encoded)

  // A header's value; names compare without regard to case, as HTTP's do.
  std::optional<std::string> header(std::string_view name) const;
};

struct HttpResponse {
  int status = 200;
  HttpHeaders headers;
  std::string body;

  // Replaces a header of the same name (any case) or adds it.
  void set_header(std::string name, std::string value);
  std::optional<std::string> header(std::string_view name) const;
};

// Whether two header names are the same name.
bool same_header_name(std::string_view a, std::string_view b);

}  // namespace userpool
