// The CSS the classic hosted UI accepts (Developer Guide: "Customizing
// hosted UI (classic) branding"), and that nothing accepted can escape the
// page's <style> element, load a resource or run a script.
#include <catch2/catch.hpp>

#include "core/rules/hosted_ui_css.h"

using userpool::hosted_ui_css::problem;

TEST_CASE("The classic hosted UI's CSS: Cognito's classes with ordinary properties pass") {
  CHECK_FALSE(problem(""));
  CHECK_FALSE(problem(".submitButton-customizable { background-color: #1e7b34; color: white; }\n"
                      ".background-customizable{background-color:rgb(250, 250, 250)}\n"
                      ".banner-customizable { padding: 25px 0px 25px 0px; background-image: linear-gradient(#fff, #eee); }\n"
                      ".inputField-customizable:focus { border-color: #0972d3 }\n"
                      ".label-customizable { font-family: 'Amazon Ember', Arial, sans-serif; font-weight: 400; }"));
}

TEST_CASE("The classic hosted UI's CSS: other selectors, @-rules and unlisted properties are refused") {
  CHECK(problem("body { color: red; }") == "The selector body is not allowed: only Cognito's -customizable classes may be styled.");
  CHECK(problem(".submitButton-customizable, body { color: red; }").has_value());
  CHECK(problem(".submitButton-customizable:active { color: red; }").has_value());
  CHECK(problem("@import 'https://evil.example/x.css'; .logo-customizable { width: 50%; }") ==
        "@-rules such as @import are not allowed.");
  CHECK(problem("@media (max-width: 600px) { .logo-customizable { width: 50%; } }").has_value());
  CHECK(problem(".logo-customizable { position: fixed; }") == "The property position is not allowed in .logo-customizable.");
  CHECK(problem(".logo-customizable { content: 'x'; }").has_value());
  CHECK(problem(".logo-customizable { width: 50%; ") == "The rule for .logo-customizable is not closed with }.");
  CHECK(problem(".logo-customizable { width }") == "The declaration width in .logo-customizable has no value.");
  CHECK(problem(".logo-customizable { width: 50%; } stray") == "The CSS ends with text outside a rule: stray");
}

TEST_CASE("The classic hosted UI's CSS: nothing accepted loads a resource, runs code or leaves the style element") {
  for (const char* css : {
           ".background-customizable { background-image: url(https://evil.example/track.png); }",
           ".background-customizable { background-image: URL(\"x\"); }",
           ".background-customizable { width: expression(alert(1)); }",
           ".background-customizable { color: red; } </style><script>alert(1)</script>",
           ".background-customizable { color: red</style><script>alert(1)</script>; }",
           ".background-customizable { color: \\72 ed; }",
           ".background-customizable { color: red /* } body { */ }",
           ".background-customizable { background-image: image-set('a.png' 1x); }",
           ".background-customizable { color: javascript:alert(1); }",
           ".background-customizable { color: red; } .banner-customizable { color: blue; } <",
       }) {
    INFO(css);
    CHECK(problem(css).has_value());
  }
}
