#pragma once
// Whether a batch of EXPUNGE responses is consistent with removing a given set of messages.
//
// RFC 3501 §7.4.1: "The message sequence number for each successive message in the mailbox is
// immediately decremented by 1, and this decrement is reflected in message sequence numbers in
// subsequent responses (including other untagged EXPUNGE responses)." A server may remove the
// messages in any order ("lower to higher" or "higher to lower", or any other): expunging
// messages 2 and 4 of 7 is reported as "2 3" or as "4 2", never as "2 4".

#include <cstdint>
#include <string>
#include <vector>

namespace referee::engine {

struct ExpungeOrderVerdict {
  bool consistent = false;
  std::string explanation;  // why not (or, when consistent, the order of removal found)
};

// `removed`: the sequence numbers the messages had before the first EXPUNGE of the batch;
// `reported`: the numbers of the EXPUNGE responses, in the order they arrived.
ExpungeOrderVerdict check_expunge_order(std::vector<std::uint32_t> removed,
                                        const std::vector<std::uint32_t>& reported);

// "2 3" style rendering of response numbers, for expected/observed texts.
std::string join_numbers(const std::vector<std::uint32_t>& numbers);

}  // namespace referee::engine
