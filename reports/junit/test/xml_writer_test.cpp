#include "reports/junit/xml_writer.hpp"

#include <sstream>

#include <gtest/gtest.h>

namespace referee::reports::junit {
namespace {

using namespace std::string_literals;

TEST(XmlSafeText, ReplacesWhatXmlCannotCarryVisibly) {
  EXPECT_EQ(xml_safe_text("a\tb\r\nc"), "a\tb\r\nc");
  EXPECT_EQ(xml_safe_text("nul \0 bel \x07 del \x7F"s), "nul \\x00 bel \\x07 del \\x7F");
  EXPECT_EQ(xml_safe_text("caf\xC3\xA9"), "caf\xC3\xA9");
  EXPECT_EQ(xml_safe_text("bad \xFF\xC3"), "bad \\xFF\\xC3");
  EXPECT_EQ(xml_safe_text("\xEF\xBF\xBE"), "\\xEF\\xBF\\xBE");  // U+FFFE is no XML Char
}

TEST(CdataBody, SplitsTheEndMarker) {
  EXPECT_EQ(cdata_body("a ]]> b"), "a ]]]]><![CDATA[> b");
  EXPECT_EQ(cdata_body("]]>]]>"), "]]]]><![CDATA[>]]]]><![CDATA[>");
  EXPECT_EQ(cdata_body("plain"), "plain");
}

TEST(XmlWriter, NestsEscapesAndClosesEveryElement) {
  std::ostringstream out;
  {
    XmlWriter xml(out);
    auto root = xml.element("root");
    root.attribute("name", "a<b & \"c\"\nd");
    { auto empty = xml.element("empty"); }
    {
      auto text = xml.element("text");
      xml.text("1 < 2 & ]]>");
    }
    auto data = xml.element("data");
    xml.cdata("x ]]> y");
  }
  EXPECT_EQ(out.str(),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            "\n<root name=\"a&lt;b &amp; &quot;c&quot;&#10;d\">"
            "\n  <empty/>"
            "\n  <text>1 &lt; 2 &amp; ]]&gt;</text>"
            "\n  <data><![CDATA[x ]]]]><![CDATA[> y]]></data>"
            "\n</root>\n");
}

}  // namespace
}  // namespace referee::reports::junit
