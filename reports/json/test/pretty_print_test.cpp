#include "reports/json/pretty_print.hpp"

#include <sstream>

#include <boost/json/parse.hpp>
#include <gtest/gtest.h>

namespace referee::reports::json {
namespace {

std::string printed(const boost::json::value& value) {
  std::ostringstream out;
  pretty_print(out, value);
  return out.str();
}

TEST(PrettyPrint, OneMemberPerLineIndentedByTwo) {
  auto value = boost::json::parse(R"({"a":1,"b":[true,null,"x"],"c":{"d":2.5}})");
  EXPECT_EQ(printed(value),
            "{\n"
            "  \"a\": 1,\n"
            "  \"b\": [\n"
            "    true,\n"
            "    null,\n"
            "    \"x\"\n"
            "  ],\n"
            "  \"c\": {\n"
            "    \"d\": 2.5E0\n"
            "  }\n"
            "}");
}

TEST(PrettyPrint, EmptyContainersStayOnOneLine) {
  EXPECT_EQ(printed(boost::json::parse(R"({"a":{},"b":[]})")), "{\n  \"a\": {},\n  \"b\": []\n}");
}

TEST(PrettyPrint, EscapesKeysAndStringsAndParsesBack) {
  boost::json::object object;
  object["quote\"key"] = "line\r\nbreak\ttab\x01 \\";
  auto text = printed(object);
  EXPECT_NE(text.find(R"("quote\"key": "line\r\nbreak\ttab\u0001 \\")"), std::string::npos) << text;
  EXPECT_EQ(boost::json::parse(text), boost::json::value(object));
}

}  // namespace
}  // namespace referee::reports::json
