// Form pieces the "Try it" pages share: labelled fields as a hosted sign-in
// page lays them out (label above, field below), link-style buttons, and
// Cognito's answers put into words.
#pragma once

#include <string>

#include "core/base/json.h"

namespace userpool::web {

// The width of a form's card: a sign-in page's column, narrower on small screens.
float form_card_width();
// The width of a field inside that card.
float form_field_width();

// A label line, then a text field named `id` (a widget name, e.g.
// "tryit.signin.username"). Returns true when Enter was pressed in it.
bool form_field(const char* label, const char* id, std::string* value, const char* hint = nullptr);
// The same for a password (shown as dots).
bool form_password(const char* label, const char* id, std::string* value);
// A button that looks like a link ("Forgot your password?").
bool link_button(const char* label);

// What the username field of a sign-in form is called in a pool
// (DescribeUserPool's UserPool): "Email", "Username", "Username or email", ...
std::string username_label(const Json& pool);

// "by EMAIL to j***@e***.com", from CodeDeliveryDetails.
std::string delivery_text(const Json& details);
// The error line under a form, named `tryit.error` for tests.
void form_error(const std::string& text);

}  // namespace userpool::web
