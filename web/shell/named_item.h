// Names for items ImGui does not name itself. Buttons, fields and checkboxes
// report their label to the widget registry (web/shell/widget_registry.h); combos
// and plain text do not, so a test could not find them.
#pragma once

namespace userpool::web {

// Records the last item (a line of text, a group) in the widget registry
// under the name in `label` ("###tryit.error" is "tryit.error"). Call it
// right after the item.
void name_last_item(const char* label);

// Records the name of an item ImGui added with `id` (the hooks already know
// its rectangle): for a combo, whose ID comes from ImGui::GetID(label) just
// before BeginCombo (after it, an open combo's popup is the current window).
void name_item(unsigned id, const char* label);

}  // namespace userpool::web
