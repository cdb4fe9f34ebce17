#pragma once
// Character classes of RFC 3501 §9 that decide how a client writes a string.

#include <string>
#include <string_view>

namespace referee::imap {

// ATOM-CHAR = <any CHAR except atom-specials>
// atom-specials = "(" / ")" / "{" / SP / CTL / list-wildcards / quoted-specials / resp-specials
bool is_atom_char(char c);
// atom = 1*ATOM-CHAR
bool is_atom(std::string_view text);
// astring = 1*ASTRING-CHAR / string ; ASTRING-CHAR = ATOM-CHAR / resp-specials
bool is_astring_atom(std::string_view text);
// list-mailbox = 1*list-char / string ; list-char = ATOM-CHAR / list-wildcards / resp-specials
bool is_list_mailbox_atom(std::string_view text);
// flag = "\Answered" / ... / flag-keyword / flag-extension ; flag-keyword = atom ;
// flag-extension = "\" atom
bool is_flag(std::string_view text);
// tag = 1*<any ASTRING-CHAR except "+">
bool is_tag(std::string_view text);
// quoted = DQUOTE *QUOTED-CHAR DQUOTE ; QUOTED-CHAR = <any TEXT-CHAR except quoted-specials>
// / "\" quoted-specials ; TEXT-CHAR = <any CHAR except CR and LF> ; CHAR = %x01-7F.
// True when every byte of `text` fits in a quoted string.
bool can_be_quoted(std::string_view text);
// `text` as a quoted string, with '"' and '\' escaped. Precondition: can_be_quoted(text).
std::string quote(std::string_view text);

}  // namespace referee::imap
