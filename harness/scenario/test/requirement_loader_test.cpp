#include "harness/scenario/requirement_loader.hpp"

#include <unistd.h>

#include <fstream>

#include <gtest/gtest.h>

#include "harness/scenario/test/test_files.hpp"

namespace referee::scenario {
namespace {

std::filesystem::path write_temporary(const std::string& name, const std::string& text) {
  const auto path = std::filesystem::temp_directory_path() / ("referee-" + std::to_string(::getpid()) + "-" + name);
  std::ofstream(path) << text;
  return path;
}

TEST(RequirementLoader, LoadsTheCatalogue) {
  const RequirementCatalogue& catalogue = test::catalogue();
  const Requirement& loop = catalogue.at("rfc2193-3-no-referral-loop");
  EXPECT_EQ(loop.rfc, "2193");
  EXPECT_EQ(loop.section, "3");
  EXPECT_EQ(loop.level, Level::must_not);
  EXPECT_EQ(loop.subject, RequirementSubject::server);
  EXPECT_EQ(loop.text, "A MAILBOX-REFERRALS capable IMAP4 server MUST NOT return referrals that "
                       "result in a referrals loop.");
  EXPECT_EQ(catalogue.at("rfc2221-3-client-max-10-hops").subject, RequirementSubject::client);
  EXPECT_EQ(catalogue.at("rfc2180-4.2.1-silent-store-ok").level, Level::should);
  EXPECT_EQ(default_requirements_file(), test::source_dir() / "scenarios/requirements.xml");
}

TEST(RequirementLoader, NormalisesWhitespaceOfTheSentence) {
  const auto path = write_temporary("ws.xml",
      "<requirements xmlns=\"urn:referee:requirements:1\">\n"
      "  <requirement id=\"rfc1-1-a\" rfc=\"1\" section=\"1\" level=\"MAY\">\n"
      "     A  server\n     MAY   do it.\n  </requirement>\n</requirements>\n");
  const auto loaded = load_requirements(path);
  ASSERT_TRUE(loaded) << test::describe(loaded.diagnostics);
  EXPECT_EQ(loaded.value->at("rfc1-1-a").text, "A server MAY do it.");
  EXPECT_EQ(loaded.value->at("rfc1-1-a").where.line, 2u);
  std::filesystem::remove(path);
}

TEST(RequirementLoader, RejectsDuplicateIdsAndBadLevels) {
  const auto path = write_temporary("dup.xml",
      "<requirements xmlns=\"urn:referee:requirements:1\">\n"
      "  <requirement id=\"rfc1-1-a\" rfc=\"1\" section=\"1\" level=\"MAY\">x</requirement>\n"
      "  <requirement id=\"rfc1-1-a\" rfc=\"1\" section=\"1\" level=\"MAY\">y</requirement>\n"
      "  <requirement id=\"rfc1-1-b\" rfc=\"1\" section=\"1\" level=\"COULD\">z</requirement>\n"
      "</requirements>\n");
  const auto loaded = load_requirements(path);
  EXPECT_FALSE(loaded);
  EXPECT_TRUE(test::has_diagnostic(loaded.diagnostics, Severity::error, 3, 3, "Duplicate key-sequence"));
  EXPECT_TRUE(test::has_diagnostic(loaded.diagnostics, Severity::error, 4, 50, "attribute 'level'"));
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace referee::scenario
