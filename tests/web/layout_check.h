// Faults of layout a learner would see, found in the last frame's draw data
// (after ImGui::Render()), whatever view drew them:
//   - something drawn outside the card that holds it (a paragraph, a table,
//     a row band, a button), or a child window wider than its card;
//   - text cut at an edge the learner cannot scroll past (a table column, a
//     pane without a horizontal scroll bar);
//   - text wrapped in a column narrower than a few characters (letters or
//     word pieces stacked one above the other);
//   - text drawn over other text.
// Each problem is one sentence naming the text involved.
#pragma once

#include <string>
#include <vector>

namespace userpool::test {

std::vector<std::string> layout_problems();

}  // namespace userpool::test
