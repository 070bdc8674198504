// Form pieces the connected-service panels (API Gateway, Elastic Beanstalk)
// share: numbered steps, combos whose choices tests and
// lessons can name, and a panel's last error shown where it happened.
#pragma once

#include <string>
#include <vector>

#include "web/shell/api_client.h"

struct ImFont;

namespace userpool::web {

class UiContext;

// One choice of a combo: the value kept, and what the learner reads.
struct ComboChoice {
  std::string value, label;
};

// A card's title with its step number in a filled circle ("2  Add a resource").
void step_heading(const UiContext& ctx, int step, const char* title);

// A combo named `id` (a widget name such as "apigw.method"), its choices
// named "<id>.<value>". Writes the choice picked into *value and returns
// true when it changed. `empty_preview` shows while nothing is chosen.
bool named_combo(const char* id, const std::vector<ComboChoice>& choices, std::string* value, float width,
                 const char* empty_preview = "Choose...");

// An error line named `name` for tests and lessons, drawn only when `text` is not empty.
void named_error(const std::string& text, const std::string& name);

// A tab-like toggle: a button drawn as selected or not. Returns true when clicked.
bool choice_button(const char* label, bool selected);

}  // namespace userpool::web
