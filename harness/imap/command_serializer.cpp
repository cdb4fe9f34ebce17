#include "harness/imap/command_serializer.hpp"

#include <stdexcept>

#include "harness/imap/command_syntax.hpp"

namespace referee::imap {
namespace {

// Accumulates bytes and cuts a chunk after each synchronizing literal's announcement.
class ChunkWriter {
 public:
  explicit ChunkWriter(const SerializeOptions& options) : options_(options) {}

  void write(const Argument& argument) {
    switch (argument.kind()) {
      case Argument::Kind::atom:
      case Argument::Kind::raw:
        current_ += argument.text();
        break;
      case Argument::Kind::quoted:
        current_ += quote(argument.text());
        break;
      case Argument::Kind::literal:
        write_literal(argument.text(), argument.literal_mode());
        break;
      case Argument::Kind::astring:
        write_string(argument.text(), is_astring_atom);
        break;
      case Argument::Kind::list_mailbox:
        write_string(argument.text(), is_list_mailbox_atom);
        break;
      case Argument::Kind::list:
        write_list(argument.items());
        break;
      case Argument::Kind::sequence_set:
        current_ += argument.sequence_set().to_string();
        break;
    }
  }

  void write_text(std::string_view text) { current_ += text; }

  std::vector<CommandChunk> finish() && {
    current_ += "\r\n";
    chunks_.push_back({std::move(current_), false});
    return std::move(chunks_);
  }

 private:
  // astring = 1*ASTRING-CHAR / string ; string = quoted / literal
  void write_string(const std::string& text, bool (*fits_unquoted)(std::string_view)) {
    if (fits_unquoted(text)) {
      current_ += text;
    } else if (can_be_quoted(text) && text.size() <= options_.max_quoted_length) {
      current_ += quote(text);
    } else {
      write_literal(text, LiteralMode::automatic);
    }
  }

  // literal = "{" number "}" CRLF *CHAR8 ; RFC 2088: literal = "{" number ["+"] "}" CRLF *CHAR8
  void write_literal(const std::string& bytes, LiteralMode mode) {
    const bool synchronizing = mode == LiteralMode::synchronizing ||
                               (mode == LiteralMode::automatic && !options_.literal_plus);
    current_ += '{' + std::to_string(bytes.size()) + (synchronizing ? "}\r\n" : "+}\r\n");
    if (synchronizing) {
      chunks_.push_back({std::move(current_), true});
      current_.clear();
    }
    current_ += bytes;
  }

  void write_list(const std::vector<Argument>& items) {
    current_ += '(';
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (i > 0) current_ += ' ';
      write(items[i]);
    }
    current_ += ')';
  }

  const SerializeOptions& options_;
  std::vector<CommandChunk> chunks_;
  std::string current_;
};

void require_tag(std::string_view tag) {
  if (!is_tag(tag))
    throw std::invalid_argument("serialize_command: bad tag \"" + std::string(tag) + "\"");
}

}  // namespace

std::vector<CommandChunk> serialize_command(std::string_view tag, const Command& command,
                                            const SerializeOptions& options) {
  require_tag(tag);
  ChunkWriter writer(options);
  writer.write_text(tag);
  writer.write_text(" ");
  writer.write_text(command.name);
  for (const Argument& argument : command.arguments) {
    writer.write_text(" ");
    writer.write(argument);
  }
  return std::move(writer).finish();
}

std::vector<CommandChunk> serialize_command(std::string_view tag, const RawCommand& command,
                                            const SerializeOptions& options) {
  ChunkWriter writer(options);
  if (!tag.empty()) {
    require_tag(tag);
    writer.write_text(tag);
    writer.write_text(" ");
  }
  for (const Argument& part : command.parts) writer.write(part);
  return std::move(writer).finish();
}

std::string join_chunks(const std::vector<CommandChunk>& chunks) {
  std::string bytes;
  for (const CommandChunk& chunk : chunks) bytes += chunk.bytes;
  return bytes;
}

}  // namespace referee::imap
