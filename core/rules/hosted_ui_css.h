// The CSS the classic hosted UI accepts (Developer Guide: "Customizing
// hosted UI (classic) branding"): rules for a fixed list of Cognito's
// classes only, each with properties from a short allow-list, and nothing
// else: no @-rules (@import, @media, @supports, @page), no other selectors,
// no url() or script. What passes is safe to place inside the page's
// <style> element: it cannot close the element, load anything or run code.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace userpool::hosted_ui_css {

// The classes a customization may style, as the guide lists them.
const std::vector<std::string_view>& allowed_classes();

// Why Cognito would refuse this CSS, or nothing when it is accepted.
// UNVERIFIED: Cognito's own messages for refused CSS are not published;
// these name the rule that was broken.
std::optional<std::string> problem(std::string_view css);

}  // namespace userpool::hosted_ui_css
