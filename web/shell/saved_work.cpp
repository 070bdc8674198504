#include "web/shell/saved_work.h"

#include "core/api/state.h"

namespace userpool::web {

Json saved_work(UiContext& ctx) {
  const Response state = ctx.api.peek("Sandbox.ExportState", Json::object());
  return Json{{"Format", kSavedWorkFormat},
              {"Version", kSavedWorkVersion},
              {"State", state.body.value("State", Json())},
              {"Session", ctx.session.to_json()},
              {"OpenPool", ctx.pool_id},
              {"Lessons", ctx.lessons.to_json()}};
}

std::optional<std::string> restore_saved_work(UiContext& ctx, std::string_view text) {
  const Json doc = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return "SerializationException: The file is not JSON, so it is not saved sandbox work.";
  if (!doc.is_object()) return "InvalidParameterException: Saved sandbox work is a JSON object.";
  const bool ours = doc.value("Format", Json()) == kSavedWorkFormat;
  if (ours && !(doc.value("Version", Json()) == kSavedWorkVersion))
    return "InvalidParameterException: This file was saved by another version of the sandbox (Version " +
           doc.value("Version", Json()).dump() + "); this one reads version " + std::to_string(kSavedWorkVersion) + ".";
  // A bare state document is imported as it is; the dispatcher judges it.
  const Json& state = ours ? doc["State"] : doc;
  const Response r = ctx.api.call("Sandbox.ImportState", Json{{"State", state}});
  if (r.status != 200) return r.body.value("__type", "Error") + ": " + r.body.value("message", "");
  ctx.session = ours ? AppSession::from_json(doc.value("Session", Json())) : AppSession{};
  ctx.pool_id = ours && doc.value("OpenPool", Json()).is_string() ? doc["OpenPool"].get<std::string>() : "";
  ctx.open(ctx.pool_id.empty() ? View::kWelcome : View::kPool);
  // Progress that cannot be read is dropped, the sandbox kept: it is the work.
  if (const auto problem = ctx.lessons.restore(ours ? doc.value("Lessons", Json()) : Json()))
    ctx.notify("Your lesson progress could not be restored: " + *problem, true);
  return std::nullopt;
}

void reset_work(UiContext& ctx) {
  ctx.api.call("Sandbox.Reset", Json::object());
  ctx.session = AppSession{};
  ctx.pool_id.clear();
  ctx.lessons.stop();
  ctx.open(View::kWelcome);
}

}  // namespace userpool::web
