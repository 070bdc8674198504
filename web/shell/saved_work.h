// The learner's work as one document, for the browser's storage and for
// export and import: the sandbox's whole state (Sandbox.ExportState) plus
// the app's own part, who is signed in in "Try it" and which pool is open.
// No ImGui and no browser calls here, so it is tested natively.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/base/json.h"
#include "web/shell/ui_context.h"

namespace userpool::web {

// (Its format name and version, kSavedWorkFormat and kSavedWorkVersion, are
// in core/api/state.h: the command line and the endpoint read it too.)

// The document for the current state of the sandbox and the app.
Json saved_work(UiContext& ctx);

// Replaces the sandbox and the app's session with a saved document's, read
// from text. Also takes a bare state document (what Sandbox.ExportState and
// the command line write). If the text is not such a document, returns the
// reason, in Cognito's style, and changes nothing.
std::optional<std::string> restore_saved_work(UiContext& ctx, std::string_view text);

// Starts over: Sandbox.Reset and a signed-out app.
void reset_work(UiContext& ctx);

}  // namespace userpool::web
