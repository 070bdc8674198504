#include "core/rules/hosted_ui_css.h"

#include <algorithm>
#include <cctype>

namespace userpool::hosted_ui_css {
namespace {

// The properties the guide allows across the classes: colours, borders,
// fonts, sizes, spacing and alignment. UNVERIFIED: the guide gives each
// class its own short list; the sandbox accepts the union of them for every
// class, which refuses everything the guide refuses outright (layout
// escapes such as position, content, behavior, and any url()).
constexpr std::string_view kProperties[] = {
    "background-color", "background-image", "border", "border-bottom", "border-color", "border-left", "border-radius",
    "border-right", "border-style", "border-top", "border-width", "box-shadow", "color", "font-family", "font-size",
    "font-style", "font-weight", "height", "letter-spacing", "line-height", "margin", "margin-bottom", "margin-left",
    "margin-right", "margin-top", "max-height", "max-width", "min-height", "min-width", "opacity", "padding",
    "padding-bottom", "padding-left", "padding-right", "padding-top", "text-align", "text-decoration",
    "text-transform", "width"};

std::string trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s);
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// A value is plain words, numbers, units, colours, quoted font names and
// functions such as rgb() and linear-gradient(); never url(), expression(),
// escapes, comments or anything that could end the declaration or the
// <style> element around it.
std::optional<std::string> value_problem(const std::string& property, const std::string& value) {
  if (value.empty()) return "The property " + property + " has no value.";
  for (unsigned char c : value)
    if (!(std::isalnum(c) || std::string_view(" #%.,()-+_'\"!/").find(static_cast<char>(c)) != std::string_view::npos))
      return "The value of " + property + " contains a character that is not allowed: " + std::string(1, static_cast<char>(c));
  const std::string v = lower(value);
  for (std::string_view banned : {"url(", "expression(", "javascript:", "/*", "*/", "image(", "image-set(", "element("})
    if (v.find(banned) != std::string::npos) return "The value of " + property + " may not use " + std::string(banned);
  return std::nullopt;
}

}  // namespace

const std::vector<std::string_view>& allowed_classes() {
  static const std::vector<std::string_view> list = {
      "background-customizable",      "banner-customizable",           "errorMessage-customizable",
      "idpButton-customizable",       "idpButton-customizable:hover",  "idpDescription-customizable",
      "inputField-customizable",      "inputField-customizable:focus", "label-customizable",
      "legalText-customizable",       "logo-customizable",             "passwordCheck-valid-customizable",
      "passwordCheck-notValid-customizable", "redirect-customizable",   "socialButton-customizable",
      "submitButton-customizable",    "submitButton-customizable:hover", "textDescription-customizable"};
  return list;
}

std::optional<std::string> problem(std::string_view css) {
  std::size_t at = 0;
  while (true) {
    const std::size_t open = css.find('{', at);
    if (open == std::string_view::npos) {
      if (!trim(css.substr(at)).empty()) return std::string("The CSS ends with text outside a rule: ") + trim(css.substr(at));
      return std::nullopt;
    }
    const std::string selector = trim(css.substr(at, open - at));
    if (selector.starts_with("@")) return "@-rules such as " + selector.substr(0, selector.find(' ')) + " are not allowed.";
    const auto& classes = allowed_classes();
    if (!selector.starts_with(".") ||
        std::find(classes.begin(), classes.end(), std::string_view(selector).substr(1)) == classes.end())
      return "The selector " + (selector.empty() ? std::string("(none)") : selector) +
             " is not allowed: only Cognito's -customizable classes may be styled.";
    const std::size_t close = css.find('}', open);
    if (close == std::string_view::npos) return "The rule for " + selector + " is not closed with }.";
    const std::string_view body = css.substr(open + 1, close - open - 1);
    if (body.find('{') != std::string_view::npos) return "The rule for " + selector + " contains a nested block.";
    std::size_t d = 0;
    while (d < body.size()) {
      std::size_t end = body.find(';', d);
      if (end == std::string_view::npos) end = body.size();
      const std::string declaration = trim(body.substr(d, end - d));
      d = end + 1;
      if (declaration.empty()) continue;
      const auto colon = declaration.find(':');
      if (colon == std::string::npos) return "The declaration " + declaration + " in " + selector + " has no value.";
      const std::string property = lower(trim(std::string_view(declaration).substr(0, colon)));
      if (std::find(std::begin(kProperties), std::end(kProperties), property) == std::end(kProperties))
        return "The property " + property + " is not allowed in " + selector + ".";
      if (auto why = value_problem(property, trim(std::string_view(declaration).substr(colon + 1)))) return why;
    }
    at = close + 1;
  }
}

}  // namespace userpool::hosted_ui_css
