// The sandbox's state in a file, for the command line and the endpoint:
// either a bare state document (Sandbox.ExportState) or the browser app's
// saved work ("Your work", Export), which wraps the state with the learner's
// session and lesson progress. Written back in the form it was read, so the
// progress survives; written atomically, so an interrupted save leaves the
// previous file or the new one, never half of either.
#pragma once

#include <optional>
#include <string>

#include "core/api/door.h"
#include "core/base/json.h"

namespace userpool::tools {

class StateFile {
 public:
  explicit StateFile(std::string path) : path_(std::move(path)) {}

  // Imports the file's state through the door. A file that does not exist
  // yet is not an error (it is made at the first save); one that cannot be
  // read is, and is left untouched: returns why, in Cognito's style.
  std::optional<std::string> load(Door& door);

  // The document to save for this state: the state itself, or the saved
  // work it came in with the state replaced.
  std::string document_text(Json state) const;

  // Writes the text atomically (temporary file beside it, flushed to disk,
  // renamed over it, the folder flushed). Returns why it failed.
  std::optional<std::string> write(const std::string& text) const;

  // Sandbox.ExportState through the door, then write(document_text(...)).
  std::optional<std::string> save(Door& door) const;

  const std::string& path() const { return path_; }
  bool existed() const { return existed_; }

 private:
  std::string path_;
  bool existed_ = false;
  Json saved_work_;  // the saved work's other members when the file is one (State left out), else null
};

}  // namespace userpool::tools
