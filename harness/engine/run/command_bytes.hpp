#pragma once
// A scenario's <send> as the bytes a client writes, split where a synchronizing literal makes
// the client wait for "+" (RFC 3501 §7.5), with the secrets a transcript must not show.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "harness/net/transcript.hpp"
#include "harness/scenario/model.hpp"

namespace referee::engine {

struct CommandChunk {
  std::string bytes;
  bool await_continuation = false;  // ends with "{n}" CRLF: send the next chunk after "+"
  bool hold = false;                // and stop there until <resume> (hold="true")
};

struct CommandBytes {
  std::vector<CommandChunk> chunks;
  std::string text;  // the command after the tag, literals shown as {n}, for messages
};

// tag SP parts CRLF. Text parts are written as given (already substituted); each literal is
// announced "{n}" (synchronizing) or "{n+}" (RFC 2088 LITERAL+) with bare LF turned into CRLF.
CommandBytes build_command(std::string_view tag, const std::vector<scenario::SendPart>& parts);

// "LOGIN user password" with each argument as an atom, a quoted string or a literal.
std::vector<scenario::SendPart> login_command(std::string_view user, std::string_view password);

// The AUTHENTICATE PLAIN client response (RFC 4616): base64 of NUL user NUL password.
std::string sasl_plain_response(std::string_view user, std::string_view password);

// The user name of "LOGIN <user> <password>" (an atom or a quoted string; RFC 3501 §6.2.3
// userid = astring); nullopt for another command or a user sent as a literal.
std::optional<std::string> login_user_of(std::string_view command_text);

// The first word of a command, upper-cased; "UID FETCH" for UID commands.
std::string command_name(std::string_view text);

// Where each secret occurs in `bytes` (longest secrets first, no overlaps), and the password
// argument of a LOGIN command whatever its value.
std::vector<net::RedactSpan> secret_spans(std::string_view bytes,
                                          const std::vector<std::string>& secrets);

}  // namespace referee::engine
