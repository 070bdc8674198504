#include "tools/serve/server.h"

#include <httplib.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <mutex>
#include <optional>
#include <thread>

#include "core/http/endpoint.h"
#include "core/model/outbox.h"
#include "tools/serve/state_file.h"

namespace userpool::tools {

namespace {

// The account and everything that touches it, used by one thread at a time.
struct Engine {
  std::mutex mutex;
  Account account;
  AccountDoor door{account};
};

// Every change on disk before its answer is sent (see server.h).
class Saver {
 public:
  Saver(Engine& engine, const StateFile& file) : engine_(engine), file_(file), thread_([this] { run(); }) {}
  ~Saver() { stop(); }

  // A change was made: its ticket. Called with the engine's lock held, so
  // tickets follow the order of the changes.
  std::uint64_t changed() {
    std::lock_guard lock(mutex_);
    ++changes_;
    wake_.notify_all();
    return changes_;
  }

  // Blocks until the change of this ticket is on disk; why not, if the save
  // failed (a later save that succeeds holds it too, and clears this).
  std::optional<std::string> wait(std::uint64_t ticket) {
    std::unique_lock lock(mutex_);
    saved_.wait(lock, [&] { return saved_through_ >= ticket; });
    if (failure_ && ticket > failure_from_) return failure_;
    return std::nullopt;
  }

  // Saves what is left and ends the thread.
  void stop() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
      wake_.notify_all();
    }
    if (thread_.joinable()) thread_.join();
  }

 private:
  void run() {
    std::unique_lock lock(mutex_);
    for (;;) {
      wake_.wait(lock, [&] { return stopping_ || changes_ > saved_through_; });
      if (changes_ == saved_through_) return;  // stopping, nothing left
      lock.unlock();
      std::uint64_t through = 0;
      Json state;
      {
        // Lock order: the engine, then this saver (as changed() is called).
        std::lock_guard engine_lock(engine_.mutex);
        {
          std::lock_guard own(mutex_);
          through = changes_;
        }
        state = engine_.door.read("Sandbox.ExportState", Json::object()).body["State"];
      }
      // Turning it into text and writing it happen outside the engine's
      // lock, so requests go on meanwhile.
      const auto failure = file_.write(file_.document_text(std::move(state)));
      lock.lock();
      if (failure) {
        std::cerr << "userpool serve: the state was NOT saved: " << *failure << "\n";
        failure_ = failure;
        failure_from_ = saved_through_;
      } else {
        failure_.reset();
      }
      saved_through_ = through;
      saved_.notify_all();
    }
  }

  Engine& engine_;
  const StateFile& file_;
  std::mutex mutex_;
  std::condition_variable wake_, saved_;
  std::uint64_t changes_ = 0, saved_through_ = 0, failure_from_ = 0;
  std::optional<std::string> failure_;
  bool stopping_ = false;
  std::thread thread_;
};

bool is_loopback(const std::string& host) {
  return host == "localhost" || host == "::1" || host.starts_with("127.");
}

// The address clients use: a wildcard listen address is reached at loopback.
std::string origin_of(const std::string& host, int port) {
  std::string name = host == "0.0.0.0" ? "127.0.0.1" : host == "::" ? "[::1]" : host;
  if (name.find(':') != std::string::npos && name.front() != '[') name = "[" + name + "]";
  return "http://" + name + ":" + std::to_string(port);
}

HttpRequest from_library(const httplib::Request& req, std::string body) {
  HttpRequest r;
  r.method = req.method;
  r.path = req.path;
  if (const auto q = req.target.find('?'); q != std::string::npos) r.query = req.target.substr(q + 1);
  for (const auto& [name, value] : req.headers) r.headers.emplace_back(name, value);
  r.body = std::move(body);
  return r;
}

void to_library(const HttpResponse& from, httplib::Response& res) {
  res.status = from.status;
  std::string content_type = "text/plain; charset=utf-8";
  for (const auto& [name, value] : from.headers) {
    if (same_header_name(name, "Content-Type")) content_type = value;
    else res.set_header(name, value);
  }
  res.set_content(from.body, content_type);
}

// How a message is shown on the console: who, why, the code, and the
// destination masked as Cognito masks it in CodeDeliveryDetails.
std::string console_line(const Json& m) {
  const std::string medium = m.value("Medium", "");
  std::string line = "message  " + m.value("Purpose", "") + " for " + m.value("Username", "") + " (" +
                     m.value("UserPoolId", "") + ") by " + medium + " to " +
                     mask_destination(medium, m.value("Destination", ""));
  if (m.contains("Code")) line += "  code " + m.value("Code", "");
  return line;
}

std::string milliseconds_since(std::chrono::steady_clock::time_point start) {
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  char text[32];
  std::snprintf(text, sizeof text, "%.1f ms", ms);
  return text;
}

}  // namespace

int serve(const ServeOptions& options) {
  // Signals are taken by one thread (below); every other thread, the HTTP
  // library's included, is made after this and inherits the mask.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  std::signal(SIGPIPE, SIG_IGN);  // a client that hangs up is not our end

  Engine engine;
  std::optional<StateFile> file;
  if (!options.state_path.empty()) {
    file.emplace(options.state_path);
    if (const auto problem = file->load(engine.door)) {
      std::cerr << "userpool serve: " << *problem << "\n";
      return 1;
    }
  }

  httplib::Server server;
  // SO_REUSEADDR only: a restart need not wait out closed connections. (The
  // library's default adds SO_REUSEPORT, which would let a second server
  // share the port and answer half the requests from another sandbox.)
  // And TCP_NODELAY, which accepted connections inherit: the library writes
  // a response's headers and body apart, and without it the body waits for
  // the client's delayed acknowledgement (40 ms on every request after a
  // connection's first).
  server.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
  });
  const int port = options.port == 0 ? server.bind_to_any_port(options.host) : options.port;
  if (port < 0 || (options.port != 0 && !server.bind_to_port(options.host, options.port))) {
    const int error = errno;
    std::cerr << "userpool serve: cannot listen on " << options.host << ":" << options.port << ": "
              << (error == EADDRINUSE ? std::string("the port is in use (another userpool serve, or cognito-local?). "
                                                    "Choose another with --port.")
                  : error ? std::string(std::strerror(error))
                          : std::string("the address cannot be used."))
              << "\n";
    return 1;
  }
  const std::string origin = origin_of(options.host, port);
  if (options.issuer_local) engine.account.issuer_origin = origin;
  // The pools' domains are served here too, under /domain/<domain>/.
  engine.account.hosted_origin = origin;
  Endpoint endpoint(engine.door);
  std::optional<Saver> saver;
  if (file) saver.emplace(engine, *file);
  std::mutex output;

  // One handler for every route: the endpoint decides. The body is read
  // here, up to the endpoint's limit, whatever the transfer encoding.
  const auto handle = [&](const httplib::Request& req, httplib::Response& res, const httplib::ContentReader* reader) {
    const auto start = std::chrono::steady_clock::now();
    std::string body;
    bool too_large = false;
    const bool read_whole = reader == nullptr || (*reader)([&](const char* data, std::size_t length) {
      if (body.size() + length > Endpoint::kMaxBodyBytes) {
        too_large = true;
        return false;
      }
      body.append(data, length);
      return true;
    });
    too_large = too_large || (!read_whole && res.status == 413);  // a Content-Length over the limit
    const HttpRequest request = from_library(req, std::move(body));
    EndpointAnswer answer;
    std::uint64_t ticket = 0;
    {
      std::lock_guard lock(engine.mutex);
      if (!read_whole) {
        answer.what = request.method + " " + request.path + (too_large ? " (body over 1 MiB)" : " (body cut short)");
        answer.response = too_large ? endpoint.too_large(request)
                                    : endpoint.refusal(request, 400, "SerializationException", "The request body could not be read whole.");
        answer.response.set_header("Connection", "close");  // the rest of the body is not read
      } else {
        answer = endpoint.answer(request);
      }
      if (answer.may_have_changed && saver) ticket = saver->changed();
      std::lock_guard out(output);
      if (!answer.sent_messages.empty()) {
        std::string lines;
        for (const Json& m : answer.sent_messages) lines += console_line(m) + "\n";
        std::cout << lines << std::flush;
      }
    }
    if (ticket != 0)
      if (const auto failure = saver->wait(ticket)) {
        std::lock_guard lock(engine.mutex);
        answer.response = endpoint.refusal(request, 500, "InternalErrorException",
                                           "The request was carried out, but the sandbox could not save it to " +
                                               file->path() + ": " + *failure);
      }
    to_library(answer.response, res);
    std::lock_guard out(output);
    // One write per line (standard error is unbuffered).
    std::cerr << (answer.what + "  " + std::to_string(answer.response.status) + "  " + milliseconds_since(start) + "\n");
  };
  const auto with_body = [&](const httplib::Request& req, httplib::Response& res, const httplib::ContentReader& reader) {
    handle(req, res, &reader);
  };
  const auto without_body = [&](const httplib::Request& req, httplib::Response& res) { handle(req, res, nullptr); };
  server.Get(".*", without_body);
  server.Options(".*", without_body);
  server.Post(".*", with_body);
  server.Put(".*", with_body);
  server.Patch(".*", with_body);
  server.Delete(".*", with_body);

  // Errors the HTTP library answers itself (a request that is not HTTP, a
  // Content-Length over the limit) get the endpoint's error shape.
  server.set_error_handler(httplib::Server::HandlerWithResponse([&](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;  // the endpoint's own answer
    const HttpRequest request = from_library(req, {});
    const int status = res.status;
    HttpResponse refusal;
    {
      std::lock_guard lock(engine.mutex);
      refusal = status == 413 ? endpoint.too_large(request)
                              : endpoint.refusal(request, status, "SerializationException",
                                                 "The request could not be read as HTTP/1.1 (status " + std::to_string(status) + ").");
    }
    to_library(refusal, res);
    std::lock_guard out(output);
    std::cerr << (req.method.empty() ? std::string("?") : req.method) << " " << req.path << "  (refused)  " << status << "\n";
    return httplib::Server::HandlerResponse::Handled;
  }));
  // A fault of ours: Cognito's InternalErrorException, without the
  // exception's text (which the library would otherwise put in a header).
  server.set_exception_handler([&](const httplib::Request& req, httplib::Response& res, std::exception_ptr error) {
    std::string what = "unknown";
    try {
      if (error) std::rethrow_exception(error);
    } catch (const std::exception& e) {
      what = e.what();
    } catch (...) {
    }
    {
      std::lock_guard out(output);
      std::cerr << "userpool serve: internal error answering " << req.method << " " << req.path << ": " << what << "\n";
    }
    std::lock_guard lock(engine.mutex);
    to_library(endpoint.refusal(from_library(req, {}), 500, "InternalErrorException", "An internal error occurred in the sandbox."), res);
  });
  server.set_payload_max_length(Endpoint::kMaxBodyBytes);
  // Enough threads that many clients with keep-alive connections (a test's
  // fifty sign-ups at once, a load test) are each served, not queued behind
  // idle connections.
  server.new_task_queue = [] { return new httplib::ThreadPool(64); };
  server.set_keep_alive_max_count(1000);
  // An idle connection is closed after 2 s (clients reopen one as needed),
  // so stopping waits at most that long for connections with nothing in
  // flight.
  server.set_keep_alive_timeout(2);

  std::atomic<bool> signalled = false;
  std::thread signal_watch([&] {
    int signal = 0;
    sigwait(&stop_signals, &signal);
    signalled = true;
    server.stop();
  });

  if (!is_loopback(options.host))
    std::cerr << "userpool serve: WARNING: listening on " << options.host
              << ", so other machines can reach it, and its administrative operations (AdminCreateUser, "
                 "DeleteUserPool, Sandbox.ImportState, ...) ask for no credentials.\n";
  std::cout << "userpool-sandbox endpoint listening on " << origin << "\n"
            << "  state:  "
            << (file ? file->path() + (file->existed() ? " (loaded; every change saved before it is answered)"
                                                       : " (new; made at the first change)")
                     : std::string("in memory only (--state FILE keeps it)"))
            << "\n  issuer: "
            << (options.issuer_local ? origin + "/<userPoolId>" : std::string("https://cognito-idp.<region>.amazonaws.com/<userPoolId>"))
            << "\n  try:    AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local aws cognito-idp list-user-pools "
               "--max-results 10 --region us-east-1 --endpoint-url "
            << origin << "\n  page:   " << origin << "/ (pools, users and the latest messages)\n"
            << "  hosted UI: " << origin << "/domain/<domain>/oauth2/authorize (each pool's domain, with the OAuth 2.0 endpoints)\n"
            << std::flush;

  const bool listened = server.listen_after_bind();
  // Wake the signal thread if the server stopped on its own.
  if (!signalled) pthread_kill(signal_watch.native_handle(), SIGTERM);
  signal_watch.join();
  if (saver) saver->stop();
  std::cout << "userpool-sandbox endpoint stopped" << std::endl;
  return listened ? 0 : 1;
}

}  // namespace userpool::tools
