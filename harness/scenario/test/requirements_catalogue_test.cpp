// The catalogue against the RFC texts: every sentence of RFC 2193, 2221 and 2180 holding an
// RFC 2119 key word is catalogued, and every catalogued sentence is verbatim in its RFC.
#include <cstdlib>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include <gtest/gtest.h>

#include "harness/scenario/test/test_files.hpp"
#include "harness/scenario/xml_file.hpp"

namespace referee::scenario {
namespace {

// The RFC texts live outside the repository: $REFEREE_RFC_DIR, else the project's shared copy.
std::filesystem::path rfc_directory() {
  const char* configured = std::getenv("REFEREE_RFC_DIR");
  return configured != nullptr ? configured : "/work/shared/rfcs";
}

#define SKIP_WITHOUT_RFC_TEXTS()                                                  \
  if (!std::filesystem::exists(rfc_directory() / "rfc2193.txt"))                  \
  GTEST_SKIP() << "RFC texts not found in " << rfc_directory() << " (set REFEREE_RFC_DIR)"

std::string collapse_whitespace(std::string_view text) {
  std::istringstream in{std::string(text)};
  std::string collapsed;
  for (std::string word; in >> word;) collapsed += (collapsed.empty() ? "" : " ") + word;
  return collapsed;
}

// Paragraphs of an RFC text file, page headers and footers removed, whitespace collapsed,
// section numbers ("4.1.2 ", "3.1. ") removed from headings.
std::vector<std::string> rfc_paragraphs(const std::string& rfc) {
  std::ifstream in(rfc_directory() / ("rfc" + rfc + ".txt"));
  const std::regex page_footer(R"(\[Page [0-9]+\]\s*$)");
  const std::regex page_header("^RFC " + rfc + " ");
  const std::regex section_number(R"(^[0-9]+(\.[0-9]+)*\.? )");
  std::vector<std::string> paragraphs;
  std::string current;
  for (std::string line; std::getline(in, line);) {
    std::erase(line, '\f');
    if (std::regex_search(line, page_footer) || std::regex_search(line, page_header)) continue;
    if (line.find_first_not_of(" \t\r") != std::string::npos) {
      current += " " + line;
      continue;
    }
    if (!current.empty()) paragraphs.push_back(std::regex_replace(collapse_whitespace(current), section_number, ""));
    current.clear();
  }
  if (!current.empty()) paragraphs.push_back(collapse_whitespace(current));
  return paragraphs;
}

// Sentences end at ". " before a capital letter or a quote.
std::vector<std::string> sentences_of(const std::string& paragraph) {
  std::vector<std::string> sentences;
  std::size_t start = 0;
  for (std::size_t i = 0; i + 2 < paragraph.size(); ++i) {
    if (paragraph[i] == '.' && paragraph[i + 1] == ' ' &&
        (std::isupper(static_cast<unsigned char>(paragraph[i + 2])) || paragraph[i + 2] == '"')) {
      sentences.push_back(paragraph.substr(start, i + 1 - start));
      start = i + 2;
    }
  }
  sentences.push_back(paragraph.substr(start));
  return sentences;
}

std::vector<std::string> normative_sentences(const std::string& rfc) {
  const std::regex keyword(R"(\b(MUST|SHOULD|MAY|REQUIRED|SHALL|RECOMMENDED|OPTIONAL)\b)");
  std::vector<std::string> found;
  for (const std::string& paragraph : rfc_paragraphs(rfc)) {
    for (const std::string& sentence : sentences_of(paragraph)) {
      if (sentence.starts_with("The key words")) continue;  // RFC 2119 boilerplate
      if (std::regex_search(sentence, keyword)) found.push_back(sentence);
    }
  }
  return found;
}

bool catalogued(const std::string& rfc, const std::string& sentence) {
  for (const auto& [id, requirement] : test::catalogue()) {
    if (requirement.rfc == rfc && requirement.text.find(sentence) != std::string::npos) return true;
  }
  return false;
}

class NormativeSentences : public ::testing::TestWithParam<const char*> {};

TEST_P(NormativeSentences, AreAllCatalogued) {
  SKIP_WITHOUT_RFC_TEXTS();
  const std::string rfc = GetParam();
  const std::vector<std::string> sentences = normative_sentences(rfc);
  ASSERT_GE(sentences.size(), 5u) << "the RFC text was not found or not split into sentences";
  for (const std::string& sentence : sentences) {
    EXPECT_TRUE(catalogued(rfc, sentence)) << "RFC " << rfc << ": " << sentence;
  }
}

INSTANTIATE_TEST_SUITE_P(Rfc, NormativeSentences, ::testing::Values("2193", "2221", "2180"));

TEST(RequirementsCatalogue, EverySentenceIsVerbatimInItsRfc) {
  SKIP_WITHOUT_RFC_TEXTS();
  std::map<std::string, std::string> texts;
  for (const auto& [id, requirement] : test::catalogue()) {
    std::string& text = texts[requirement.rfc];
    if (text.empty()) {
      for (const std::string& paragraph : rfc_paragraphs(requirement.rfc)) text += paragraph + " ";
    }
    EXPECT_NE(text.find(requirement.text), std::string::npos) << id << ": " << requirement.text;
  }
}

TEST(RequirementsCatalogue, IdsAreUniqueAndNameTheirRfcAndSection) {
  Diagnostics diagnostics;
  const XmlFile file(test::source_dir() / "scenarios/requirements.xml", diagnostics);
  ASSERT_TRUE(file.ok());
  std::set<std::string> ids;
  for (pugi::xml_node node : file.root().children("requirement")) {
    const std::string id = node.attribute("id").value();
    EXPECT_TRUE(ids.insert(id).second) << "duplicate id " << id;
    const std::string prefix = std::string("rfc") + node.attribute("rfc").value() + "-" +
                               node.attribute("section").value() + "-";
    EXPECT_TRUE(id.starts_with(prefix)) << id << " should start with " << prefix;
  }
  EXPECT_EQ(ids.size(), test::catalogue().size());
}

TEST(RequirementsCatalogue, HoldsTheRulesTheSuiteJudges) {
  for (const char* id : {"rfc3501-7.4.1-no-expunge-during-fetch-store-search",
                         "rfc3501-5.2-exists-never-decreases", "rfc3501-7.1.5-bye-before-close",
                         "rfc3501-3.4-bye-before-close", "rfc3501-9-response-syntax",
                         "rfc5092-11-url-syntax", "rfc2180-4.4.1-pending-expunge-to-copy",
                         "rfc2180-4.4.1-restore-destination", "rfc2180-4.4.2-copied-before-expunge"}) {
    EXPECT_TRUE(test::catalogue().contains(id)) << id;
  }
}

}  // namespace
}  // namespace referee::scenario
