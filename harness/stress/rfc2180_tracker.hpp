#pragma once
// RFC 2180 §4.1 lets a server answer a FETCH of messages another session expunged in several
// documented ways (ghost data, NIL data, tagged NO). Whichever it picks, it should pick it
// consistently: the tracker remembers the first behaviour seen in each situation and reports,
// as information (DECISIONS.md: RFC 2180 is Informational), a later different one, with the
// transcripts of both.

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "harness/stress/invariants.hpp"

namespace referee::stress {

class Rfc2180Tracker {
 public:
  // `situation`: "FETCH of only expunged messages", "FETCH of expunged and live messages";
  // `behaviour`: "tagged NO", "NIL data (§4.1.3)", "the old data (§4.1.1 ghost)"...
  std::optional<Finding> observe(const std::string& situation, const std::string& behaviour,
                                 const std::string& client, std::vector<std::string> transcript);

 private:
  struct First {
    std::string behaviour;
    std::string client;
    std::vector<std::string> transcript;
  };
  std::map<std::string, First> first_;
  std::set<std::string> reported_;  // each situation's inconsistency is reported once
};

}  // namespace referee::stress
