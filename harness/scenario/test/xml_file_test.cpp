#include "harness/scenario/xml_file.hpp"

#include <gtest/gtest.h>

namespace referee::scenario {
namespace {

TEST(XmlFile, LocatesElementsAndAttributes) {
  Diagnostics diagnostics;
  const XmlFile file("t.xml", "<a>\n  <b x=\"1\"\n     y=\"2\"/>\n</a>\n", diagnostics);
  ASSERT_TRUE(file.ok());
  const pugi::xml_node b = file.root().child("b");
  const SourceLocation element = file.location_of(b);
  EXPECT_EQ(element.file, "t.xml");
  EXPECT_EQ(element.line, 2u);
  EXPECT_EQ(element.column, 3u);
  const SourceLocation y = file.location_of(b.attribute("y"), b);
  EXPECT_EQ(y.line, 3u);
  EXPECT_EQ(y.column, 6u);
}

TEST(XmlFile, ReportsMalformedXmlWithItsPosition) {
  Diagnostics diagnostics;
  const XmlFile file("bad.xml", "<a>\n  <b>\n</a>\n", diagnostics);
  EXPECT_FALSE(file.ok());
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics[0].file, "bad.xml");
  EXPECT_EQ(diagnostics[0].line, 3u);
  EXPECT_NE(diagnostics[0].message.find("malformed XML"), std::string::npos);
}

TEST(XmlFile, ReportsAMissingFile) {
  Diagnostics diagnostics;
  const XmlFile file(std::filesystem::path("/nonexistent/x.xml"), diagnostics);
  EXPECT_FALSE(file.ok());
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(format_diagnostic(diagnostics[0]), "/nonexistent/x.xml: error: cannot read the file");
}

TEST(XmlFile, FindsElementsByChildIndexPath) {
  Diagnostics diagnostics;
  const XmlFile file("t.xml", "<a> <b/> <c><d/><e/></c> </a>", diagnostics);
  EXPECT_EQ(std::string(file.element_at({1, 1}).name()), "e");
  EXPECT_EQ(std::string(file.element_at({}).name()), "a");
  EXPECT_FALSE(file.element_at({5}));
}

TEST(XmlFile, ResolvesNamespacesThroughPrefixes) {
  Diagnostics diagnostics;
  const XmlFile file("t.xml", "<s:a xmlns:s=\"urn:x\"><s:b/></s:a>", diagnostics);
  const pugi::xml_node b = file.root().first_child();
  EXPECT_EQ(local_name(b), "b");
  EXPECT_EQ(namespace_of(b), "urn:x");
}

}  // namespace
}  // namespace referee::scenario
