#include "harness/scenario/schema_validator.hpp"

#include <cstdlib>

#include <gtest/gtest.h>

#include "harness/scenario/test/test_files.hpp"

namespace referee::scenario {
namespace {

using test::has_diagnostic;
using test::scenario_document;

Diagnostics validate(const std::string& text) {
  Diagnostics diagnostics;
  const XmlFile file("t.xml", text, diagnostics);
  EXPECT_TRUE(file.ok()) << test::describe(diagnostics);
  return validate_with_schema(file, SchemaKind::scenario);
}

TEST(SchemaValidator, AcceptsAMinimalScenario) {
  const Diagnostics diagnostics = validate(scenario_document({R"(<fence client="C1"/>)"}));
  EXPECT_TRUE(diagnostics.empty()) << test::describe(diagnostics);
}

TEST(SchemaValidator, RejectsAnUnknownElementAtItsPosition) {
  const auto diagnostics = validate(scenario_document({R"(<sleep client="C1"/>)"}));
  EXPECT_TRUE(has_diagnostic(diagnostics, Severity::error, 9, 5, "Element 'sleep': This element is not expected"));
}

TEST(SchemaValidator, RejectsAMissingRequiredAttribute) {
  const auto diagnostics = validate(scenario_document({R"(<fence/>)"}));
  EXPECT_TRUE(has_diagnostic(diagnostics, Severity::error, 9, 5, "The attribute 'client' is required"));
}

TEST(SchemaValidator, PointsAtTheOffendingAttribute) {
  const auto diagnostics = validate(scenario_document(
      {R"(<command client="C1" timeout="5 sec"><send>NOOP</send></command>)"}));
  EXPECT_TRUE(has_diagnostic(diagnostics, Severity::error, 9, 26, "attribute 'timeout'"));
}

TEST(SchemaValidator, RejectsValuesOutsideEnumerations) {
  const auto status = validate(scenario_document(
      {R"(<command client="C1"><send>NOOP</send><tagged status="MAYBE"/></command>)"}));
  EXPECT_TRUE(has_diagnostic(status, Severity::error, 9, 51, "attribute 'status'"));
  const auto presence = validate(scenario_document(
      {R"(<await client="C1"><untagged presence="should" name="EXISTS"/></await>)"}));
  EXPECT_TRUE(has_diagnostic(presence, Severity::error, 9, 34, "attribute 'presence'"));
}

// <referral count>: a number, "N+", "any", or "pairs" (RENAME, RFC 2193 §4.3).
TEST(SchemaValidator, AcceptsReferralCountPairsAndRejectsOtherWords) {
  auto with_count = [](const std::string& count) {
    return validate(scenario_document(
        {R"(<command client="C1"><send>RENAME a b</send><tagged status="NO"><referral count=")" +
         count + R"(" requirement="rfc2193-4.3-rename-pair"/></tagged></command>)"}));
  };
  for (const char* valid : {"pairs", "0", "2+", "any"}) {
    const auto diagnostics = with_count(valid);
    EXPECT_TRUE(diagnostics.empty()) << valid << ": " << test::describe(diagnostics);
  }
  EXPECT_TRUE(has_diagnostic(with_count("couples"), Severity::error, 9, 79, "attribute 'count'"));
}

TEST(SchemaValidator, RequiresSendFirstInACommand) {
  const auto diagnostics = validate(scenario_document(
      {R"(<command client="C1"><tagged status="OK"/><send>NOOP</send></command>)"}));
  EXPECT_TRUE(has_diagnostic(diagnostics, Severity::error, 9, 26, "Element 'tagged'"));
}

TEST(SchemaValidator, RejectsTheWrongRootOrNamespace) {
  const auto wrong_namespace = validate("<scenario xmlns=\"urn:other\" id=\"a/b\"/>");
  EXPECT_TRUE(has_diagnostic(wrong_namespace, Severity::error, 1, 1,
                             "the root element must be <scenario xmlns=\"urn:referee:scenario:1\">"));
}

TEST(SchemaValidator, RejectsABadScenarioIdAndMaxHopsAboveTen) {
  auto text = scenario_document({R"(<follow-referral client="C1" as="C1R" max-hops="11"/>)"});
  text.replace(text.find("rfc2180/3/test"), 14, "no slash");
  const auto diagnostics = validate(text);
  EXPECT_TRUE(has_diagnostic(diagnostics, Severity::error, 1, 42, "attribute 'id'"));
  EXPECT_TRUE(has_diagnostic(diagnostics, Severity::error, 9, 43, "attribute 'max-hops'"));
}

TEST(SchemaValidator, AcceptsANamespacePrefix) {
  const std::string text =
      "<s:scenario xmlns:s=\"urn:referee:scenario:1\" id=\"rfc1/1/x\"><s:title>t</s:title>"
      "<s:rfc number=\"1\" section=\"1\"/><s:clients><s:client id=\"C1\" server=\"main\" "
      "login=\"none\"/></s:clients><s:steps/></s:scenario>";
  EXPECT_TRUE(validate(text).empty());
}

TEST(SchemaValidator, SchemaDirectoryCanBeOverridden) {
  ::setenv("REFEREE_SCHEMA_DIR", "/nonexistent-schemas", 1);
  EXPECT_EQ(schema_file(SchemaKind::profile), "/nonexistent-schemas/profile-1.xsd");
  Diagnostics diagnostics;
  const XmlFile file("t.xml", scenario_document({}), diagnostics);
  const Diagnostics problems = validate_with_schema(file, SchemaKind::scenario);
  ::unsetenv("REFEREE_SCHEMA_DIR");
  EXPECT_TRUE(has_diagnostic(problems, Severity::error, 0, 0, "cannot load the schema"));
  EXPECT_EQ(schema_directory(), test::source_dir() / "scenarios/schema");
}

// "xs:documentation on every element and attribute group": a schema is the language's
// reference, so every declaration explains itself.
TEST(SchemaFiles, DocumentEveryElementAttributeAndGroup) {
  for (const char* name : {"scenario-1.xsd", "profile-1.xsd", "requirements-1.xsd"}) {
    Diagnostics diagnostics;
    const XmlFile file(test::source_dir() / "scenarios/schema" / name, diagnostics);
    ASSERT_TRUE(file.ok()) << test::describe(diagnostics);
    for (const char* kind : {"xs:element", "xs:attribute", "xs:attributeGroup", "xs:group"}) {
      for (const pugi::xpath_node found : file.root().select_nodes((std::string("//") + kind).c_str())) {
        const pugi::xml_node node = found.node();
        if (node.attribute("ref")) continue;  // documented where declared
        EXPECT_TRUE(node.child("xs:annotation").child("xs:documentation"))
            << name << ": " << kind << " " << node.attribute("name").value() << " at line "
            << file.location_of(node).line;
      }
    }
  }
}

}  // namespace
}  // namespace referee::scenario
