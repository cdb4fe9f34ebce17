#pragma once
// The requirements catalogue (scenarios/requirements.xml): every normative sentence a check can
// name, with its RFC, section and RFC 2119 level. Checks refer to requirements by id.
#include <map>
#include <string>

#include "harness/scenario/model.hpp"

namespace referee::scenario {

// Who a sentence binds. Client-side sentences are catalogued for completeness (and Referee obeys
// them where it acts as a client) but no scenario judges a server by them.
enum class RequirementSubject { server, client };

struct Requirement {
  std::string id;        // "rfc2221-3-no-referral-on-failed-auth"
  std::string rfc;       // "2221"
  std::string section;   // "3"
  Level level = Level::must;
  std::string text;      // the sentence, verbatim
  RequirementSubject subject = RequirementSubject::server;
  // Fixture fault modes under which a scenario check naming this requirement fails (or warns,
  // for a SHOULD): the catalogue matrix test holds the catalogue to it (`proved-by`).
  std::vector<std::string> proved_by;
  // Why no client can observe a server breaking this sentence; "" when one can (`untestable`).
  std::string untestable;
  SourceLocation where;  // in requirements.xml
};

using RequirementCatalogue = std::map<std::string, Requirement, std::less<>>;

}  // namespace referee::scenario
