// The light markup of lesson texts.
#include <catch2/catch.hpp>

#include "web/lessons/lesson_markup.h"

using userpool::web::MarkupRun;
using userpool::web::parse_markup;

TEST_CASE("Lesson markup: bold, code, list items and paragraphs") {
  const auto blocks = parse_markup("Choose **Email** as the\nsign-in option.\n\n- Set `MfaConfiguration`\n- then **Next**");
  REQUIRE(blocks.size() == 3);
  CHECK_FALSE(blocks[0].list_item);
  REQUIRE(blocks[0].runs.size() == 3);
  CHECK(blocks[0].runs[0].text == "Choose ");
  CHECK(blocks[0].runs[1].style == MarkupRun::Style::kBold);
  CHECK(blocks[0].runs[1].text == "Email");
  CHECK(blocks[0].runs[2].text == " as the sign-in option.");  // one paragraph, lines joined
  CHECK(blocks[1].list_item);
  CHECK(blocks[1].runs[1].style == MarkupRun::Style::kCode);
  CHECK(blocks[1].runs[1].text == "MfaConfiguration");
  CHECK(blocks[2].list_item);
  CHECK(blocks[2].runs[1].text == "Next");
}

TEST_CASE("Lesson markup: an unclosed marker stays as typed") {
  const auto blocks = parse_markup("a **b and `c");
  REQUIRE(blocks.size() == 1);
  REQUIRE(blocks[0].runs.size() == 1);
  CHECK(blocks[0].runs[0].text == "a **b and `c");
  CHECK(parse_markup("").empty());
  CHECK(parse_markup("\n\n\n").empty());
}
