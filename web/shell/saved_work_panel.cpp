#include "web/shell/saved_work_panel.h"

#include <algorithm>

#include "imgui.h"
#include "web/shell/saved_work.h"
#include "web/shell/widgets.h"

namespace userpool::web {

void SavedWorkPanel::draw() {
  const float width = std::min(ImGui::GetContentRegionAvail().x, ems(44));
  begin_card(width);
  heading(ctx_, "Your work");
  help_text("Pools, users, messages, the clock and who is signed in are kept in this browser after every change, "
            "and come back when the page is reloaded.");
  card_separator();
  if (ctx_.storage_failed) error_text(ctx_.storage_status);
  else ImGui::TextWrapped("%s", ctx_.storage_status.empty() ? "Nothing to save yet." : ctx_.storage_status.c_str());
  end_card();
  ImGui::Spacing();

  begin_card(width);
  heading(ctx_, "Export and import");
  help_text("A file holds everything: move your work to another browser, or keep a starting point for a workshop.");
  card_separator();
  if (primary_button("Export to a file###work.export")) {
    if (ctx_.download) {
      ctx_.download("userpool-sandbox.json", saved_work(ctx_).dump(2));
      ctx_.notify("Exported to userpool-sandbox.json");
    }
  }
  ImGui::SameLine();
  if (ImGui::Button("Import a file###work.import") && ctx_.choose_file) {
    ctx_.choose_file([this](const std::string&, const std::string& text) {
      if (const auto error = restore_saved_work(ctx_, text))
        ctx_.notify("Import refused, nothing changed. " + *error, true);
      else
        ctx_.notify("Imported: the sandbox is as the file saved it");
    });
  }
  help_text("Importing replaces everything here. A file that is not sandbox work is refused and nothing changes.");
  end_card();
  ImGui::Spacing();

  begin_card(width);
  heading(ctx_, "Start over");
  help_text("Removes every pool, user and message (Sandbox.Reset). Export first to keep a copy.");
  if (!confirm_reset_) {
    if (danger_button("Reset everything###work.reset")) confirm_reset_ = true;
  } else {
    if (danger_button("Yes, remove everything###work.reset_confirmed")) {
      reset_work(ctx_);
      confirm_reset_ = false;
      ctx_.notify("Everything was removed");
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel###work.reset_cancel")) confirm_reset_ = false;
  }
  end_card();
}

}  // namespace userpool::web
