#include "tools/serve/state_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>

#include "core/api/state.h"

namespace userpool::tools {

namespace {

std::string system_error(const std::string& what) { return what + ": " + std::strerror(errno); }

// The folder holding a path, to flush the rename into it.
std::string folder_of(const std::string& path) {
  const auto slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

}  // namespace

std::optional<std::string> StateFile::load(Door& door) {
  if (::access(path_.c_str(), F_OK) != 0 && errno == ENOENT) return std::nullopt;  // made at the first save
  std::ifstream in(path_, std::ios::binary);
  if (!in) return system_error(path_ + ": cannot be read");
  existed_ = true;
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto document = parse_json_text(text);
  if (!document)
    return path_ + ": SerializationException: the file is not JSON (" + document.error() +
           "), so it is not a saved sandbox. The file is unchanged.";
  const Json* state = &*document;
  const bool is_saved_work = document->is_object() && document->value("Format", Json()) == kSavedWorkFormat;
  if (is_saved_work) {
    if (document->value("Version", Json()) != kSavedWorkVersion)
      return path_ + ": InvalidParameterException: this saved work is version " + document->value("Version", Json()).dump() +
             "; this sandbox reads version " + std::to_string(kSavedWorkVersion) + ". The file is unchanged.";
    static const Json none;  // saved work without a State: ImportState says what is missing
    const auto member = document->find("State");
    state = member == document->end() ? &none : &*member;
  }
  const Response imported = door.call("Sandbox.ImportState", Json{{"State", *state}}, CallOptions::unrecorded());
  if (imported.status != 200)
    return path_ + ": " + imported.body.value("__type", "Error") + ": " + imported.body.value("message", "") + " The file is unchanged.";
  if (is_saved_work) {
    saved_work_ = *document;
    saved_work_.erase("State");
  }
  return std::nullopt;
}

std::string StateFile::document_text(Json state) const {
  if (saved_work_.is_null()) return state.dump() + "\n";
  Json document = saved_work_;
  document["State"] = std::move(state);
  return document.dump() + "\n";
}

std::optional<std::string> StateFile::write(const std::string& text) const {
  const std::string temporary = path_ + ".tmp";
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return system_error("cannot write " + temporary);
  std::size_t written = 0;
  while (written < text.size()) {
    const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const std::string why = system_error("cannot write " + temporary);
      ::close(fd);
      ::unlink(temporary.c_str());
      return why;
    }
    written += static_cast<std::size_t>(n);
  }
  // On disk before the rename makes it the file: a crash after the rename
  // must not find an empty or partial file under the name.
  if (::fsync(fd) != 0) {
    const std::string why = system_error("cannot flush " + temporary);
    ::close(fd);
    ::unlink(temporary.c_str());
    return why;
  }
  ::close(fd);
  if (std::rename(temporary.c_str(), path_.c_str()) != 0) {
    const std::string why = system_error("cannot replace " + path_);
    ::unlink(temporary.c_str());
    return why;
  }
  // And the rename itself on disk.
  const int folder = ::open(folder_of(path_).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (folder >= 0) {
    ::fsync(folder);
    ::close(folder);
  }
  return std::nullopt;
}

std::optional<std::string> StateFile::save(Door& door) const {
  Response exported = door.read("Sandbox.ExportState", Json::object());
  if (exported.status != 200) return "the state could not be exported: " + exported.body.value("message", "");
  return write(document_text(std::move(exported.body["State"])));
}

}  // namespace userpool::tools
