#pragma once
// Commands to bytes, split where the client must wait for a "+" continuation request
// (RFC 3501 §7.5: a synchronizing literal is sent only after the server's "+").

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "harness/imap/command.hpp"

namespace referee::imap {

struct SerializeOptions {
  // The server advertised LITERAL+ (RFC 2088): automatic literals are written "{n+}".
  bool literal_plus = false;
  // An astring longer than this is sent as a literal even when it could be quoted.
  std::size_t max_quoted_length = 1024;
};

// Bytes to send in one go. When await_continuation_after is true, the chunk ends with a
// synchronizing literal's "{n}" CRLF and the next chunk may only be sent after "+".
struct CommandChunk {
  std::string bytes;
  bool await_continuation_after = false;
  bool operator==(const CommandChunk&) const = default;
};

// tag SP name *(SP argument) CRLF. The tag must satisfy is_tag (std::invalid_argument
// otherwise: tags come from TagGenerator, never from a server).
std::vector<CommandChunk> serialize_command(std::string_view tag, const Command& command,
                                            const SerializeOptions& options);

// tag SP parts CRLF, parts concatenated as they are; an empty tag writes the parts alone
// (for lines that are not commands, or tags a scenario writes itself).
std::vector<CommandChunk> serialize_command(std::string_view tag, const RawCommand& command,
                                            const SerializeOptions& options);

// All chunks' bytes in order, as the server receives them (transcripts, tests).
std::string join_chunks(const std::vector<CommandChunk>& chunks);

}  // namespace referee::imap
