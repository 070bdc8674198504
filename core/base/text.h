// Small text helpers the standard library lacks.
#pragma once

#include <string>
#include <string_view>

namespace userpool {

// `text` without the spaces, tabs and line breaks at either end (what a
// learner's pasted or typed value carries by accident).
std::string trimmed(std::string_view text);

}  // namespace userpool
