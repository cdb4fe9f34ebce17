#pragma once
// What a stress client does, and how often: the command types of `referee stress --mix` and
// their relative weights ("select=5,fetch=25,store=20,..."; docs/STRESS.md).

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace referee::stress {

enum class CommandKind : std::uint8_t { select, fetch, store, expunge, append, copy, search, noop, idle };
inline constexpr std::size_t kCommandKinds = 9;

std::string_view kind_name(CommandKind kind);  // "select", "fetch", ... (the --mix keys)
std::optional<CommandKind> kind_from_name(std::string_view name);

struct Mix {
  std::array<unsigned, kCommandKinds> weights{};

  unsigned weight(CommandKind kind) const { return weights[static_cast<std::size_t>(kind)]; }
  unsigned total() const;
  // The kind a draw in [0, total()) stands for.
  CommandKind pick(std::uint64_t draw) const;
  // "select=5,fetch=25,..." in kind order, zero weights included.
  std::string describe() const;
};

// The default: mostly FETCH and STORE on a few messages, enough APPEND and EXPUNGE that
// every session keeps seeing the others' changes.
Mix default_mix();

// "fetch=40,noop=10": the kinds named replace the default's weights, the others keep theirs.
// Returns the error message ("--mix \"fetch=x\": ...") in `error` and nullopt on bad input.
std::optional<Mix> parse_mix(std::string_view text, std::string& error);

}  // namespace referee::stress
