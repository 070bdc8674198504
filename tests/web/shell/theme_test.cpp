// Both themes are readable: every text colour the app draws on a fill has
// a contrast of at least 4.5:1 with it (WCAG 2 level AA for body text).
#include <catch2/catch.hpp>

#include <cmath>

#include "web/shell/theme.h"

using namespace userpool;

namespace {

// WCAG 2's relative luminance of an sRGB colour (0xRRGGBB).
double luminance(unsigned rgb) {
  const auto channel = [](unsigned value) {
    const double c = static_cast<double>(value & 0xffu) / 255.0;
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
}

double contrast(unsigned a, unsigned b) {
  const double la = luminance(a), lb = luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

}  // namespace

TEST_CASE("The contrast formula gives WCAG's figures") {
  CHECK(contrast(0x000000, 0xffffff) == Approx(21.0));
  CHECK(contrast(0x777777, 0xffffff) == Approx(4.48).epsilon(0.01));
  CHECK(contrast(0xffffff, 0x539fe5) < 3.0);  // white on the dark theme's light blue: too faint
}

TEST_CASE("Every text colour has a contrast of at least 4.5:1 with the fill it is drawn on, in both themes") {
  for (const web::Theme theme : {web::Theme::kLight, web::Theme::kDark}) {
    for (const web::ColourPair& pair : web::text_on_fill_pairs(theme)) {
      INFO(web::theme_name(theme) << " theme, " << pair.what);
      CHECK(contrast(pair.text, pair.fill) >= 4.5);
    }
  }
}
