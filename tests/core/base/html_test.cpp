#include "core/base/html.h"

#include <catch2/catch.hpp>

using namespace userpool;

TEST_CASE("html_escape and html_unescape are each other's reverse; other entities stay as written") {
  const std::string text = "<a href=\"/x?a=1&b='2'\">Tom & Jerry</a>";
  CHECK(html_escape(text) == "&lt;a href=&quot;/x?a=1&amp;b=&#39;2&#39;&quot;&gt;Tom &amp; Jerry&lt;/a&gt;");
  CHECK(html_unescape(html_escape(text)) == text);
  CHECK(html_unescape("&amp;amp; &nbsp; &") == "&amp; &nbsp; &");
  CHECK(html_unescape("") == "");
}
