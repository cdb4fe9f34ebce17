#include "harness/imap/mailbox_name.hpp"

#include <cstdint>
#include <optional>
#include <vector>

namespace referee::imap {
namespace {

class MailboxNameErrorCategory final : public boost::system::error_category {
 public:
  const char* name() const noexcept override { return "referee.imap.mailbox_name"; }

  std::string message(int value) const override {
    switch (static_cast<mailbox_name_error>(value)) {
      case mailbox_name_error::unencoded_byte:
        return "byte outside 0x20-0x7e not encoded";
      case mailbox_name_error::unterminated_base64:
        return "modified BASE64 not ended by '-'";
      case mailbox_name_error::invalid_base64:
        return "invalid modified BASE64 character";
      case mailbox_name_error::nonzero_padding:
        return "modified BASE64 padding bits not zero";
      case mailbox_name_error::incomplete_utf16:
        return "modified BASE64 ends inside UTF-16 unit";
      case mailbox_name_error::unpaired_surrogate:
        return "unpaired UTF-16 surrogate";
      case mailbox_name_error::encoded_printable:
        return "printable US-ASCII encoded in BASE64";
      case mailbox_name_error::superfluous_shift:
        return "superfluous shift \"-&\"";
    }
    return "unknown modified UTF-7 error";
  }
};

constexpr std::string_view base64_alphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,";

bool represents_itself(char32_t code_point) { return code_point >= 0x20 && code_point <= 0x7e; }

// Decodes one UTF-8 sequence at `position` (advancing it); nullopt for an invalid sequence.
std::optional<char32_t> next_code_point(std::string_view text, std::size_t& position) {
  const auto lead = static_cast<unsigned char>(text[position++]);
  if (lead < 0x80) return lead;
  const int length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc2 ? 2 : 0;
  if (length == 0 || lead > 0xf4 || position + length - 1 > text.size()) return std::nullopt;
  char32_t code_point = lead & (0x7f >> length);
  for (int i = 1; i < length; ++i) {
    const auto next = static_cast<unsigned char>(text[position]);
    if ((next & 0xc0) != 0x80) return std::nullopt;
    code_point = (code_point << 6) | (next & 0x3f);
    ++position;
  }
  static constexpr char32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
  if (code_point < smallest[length] || code_point > 0x10ffff ||
      (code_point >= 0xd800 && code_point <= 0xdfff)) {
    return std::nullopt;
  }
  return code_point;
}

void append_utf8(std::string& out, char32_t code_point) {
  if (code_point < 0x80) {
    out += static_cast<char>(code_point);
  } else if (code_point < 0x800) {
    out += static_cast<char>(0xc0 | (code_point >> 6));
    out += static_cast<char>(0x80 | (code_point & 0x3f));
  } else if (code_point < 0x10000) {
    out += static_cast<char>(0xe0 | (code_point >> 12));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3f));
    out += static_cast<char>(0x80 | (code_point & 0x3f));
  } else {
    out += static_cast<char>(0xf0 | (code_point >> 18));
    out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3f));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3f));
    out += static_cast<char>(0x80 | (code_point & 0x3f));
  }
}

// "&" BASE64(UTF-16BE of the run) "-", without "=" padding.
void append_base64_run(std::string& out, const std::vector<std::uint16_t>& units) {
  if (units.empty()) return;
  out += '&';
  std::uint32_t bits = 0;
  int bit_count = 0;
  for (std::uint16_t unit : units) {
    bits = (bits << 16) | unit;
    bit_count += 16;
    while (bit_count >= 6) {
      bit_count -= 6;
      out += base64_alphabet[(bits >> bit_count) & 0x3f];
    }
  }
  if (bit_count > 0) out += base64_alphabet[(bits << (6 - bit_count)) & 0x3f];
  out += '-';
}

void append_utf16(std::vector<std::uint16_t>& units, char32_t code_point) {
  if (code_point < 0x10000) {
    units.push_back(static_cast<std::uint16_t>(code_point));
    return;
  }
  code_point -= 0x10000;
  units.push_back(static_cast<std::uint16_t>(0xd800 | (code_point >> 10)));
  units.push_back(static_cast<std::uint16_t>(0xdc00 | (code_point & 0x3ff)));
}

// The 16-bit units of one BASE64 run (the text between "&" and "-").
boost::system::result<std::vector<std::uint16_t>> base64_to_utf16(std::string_view run) {
  std::vector<std::uint16_t> units;
  std::uint32_t bits = 0;
  int bit_count = 0;
  for (char c : run) {
    const std::size_t value = base64_alphabet.find(c);
    if (value == std::string_view::npos) return mailbox_name_error::invalid_base64;
    bits = (bits << 6) | static_cast<std::uint32_t>(value);
    bit_count += 6;
    if (bit_count >= 16) {
      bit_count -= 16;
      units.push_back(static_cast<std::uint16_t>(bits >> bit_count));
    }
  }
  if (bit_count >= 6) return mailbox_name_error::incomplete_utf16;
  if ((bits & ((1u << bit_count) - 1)) != 0) return mailbox_name_error::nonzero_padding;
  return units;
}

// Appends the UTF-8 of one BASE64 run's units, checking surrogates and printable ASCII.
boost::system::result<void> append_utf16_as_utf8(std::string& out,
                                                 const std::vector<std::uint16_t>& units) {
  for (std::size_t i = 0; i < units.size(); ++i) {
    char32_t code_point = units[i];
    if (code_point >= 0xdc00 && code_point <= 0xdfff) return mailbox_name_error::unpaired_surrogate;
    if (code_point >= 0xd800 && code_point <= 0xdbff) {
      if (i + 1 == units.size() || units[i + 1] < 0xdc00 || units[i + 1] > 0xdfff) {
        return mailbox_name_error::unpaired_surrogate;
      }
      code_point = 0x10000 + ((code_point - 0xd800) << 10) + (units[++i] - 0xdc00);
    }
    if (represents_itself(code_point)) return mailbox_name_error::encoded_printable;
    append_utf8(out, code_point);
  }
  return {};
}

}  // namespace

const boost::system::error_category& mailbox_name_error_category() {
  static const MailboxNameErrorCategory category;
  return category;
}

boost::system::error_code make_error_code(mailbox_name_error error) {
  return {static_cast<int>(error), mailbox_name_error_category()};
}

std::string encode_mailbox_name(std::string_view utf8) {
  std::string encoded;
  std::vector<std::uint16_t> pending;  // non-ASCII waiting to be written as one BASE64 run
  for (std::size_t position = 0; position < utf8.size();) {
    const char32_t code_point = next_code_point(utf8, position).value_or(U'\uFFFD');
    if (!represents_itself(code_point)) {
      append_utf16(pending, code_point);
      continue;
    }
    append_base64_run(encoded, pending);
    pending.clear();
    // 'The character "&" (0x26) is represented by the two-octet sequence "&-".'
    encoded +=
        code_point == '&' ? std::string("&-") : std::string(1, static_cast<char>(code_point));
  }
  append_base64_run(encoded, pending);
  return encoded;
}

boost::system::result<std::string> decode_mailbox_name(std::string_view mutf7) {
  std::string decoded;
  bool after_base64_run = false;
  for (std::size_t position = 0; position < mutf7.size();) {
    const char c = mutf7[position];
    if (c != '&') {
      if (!represents_itself(static_cast<unsigned char>(c)))
        return mailbox_name_error::unencoded_byte;
      decoded += c;
      ++position;
      after_base64_run = false;
      continue;
    }
    const std::size_t end = mutf7.find('-', position + 1);
    if (end == std::string_view::npos) return mailbox_name_error::unterminated_base64;
    if (end == position + 1) {
      decoded += '&';
    } else {
      if (after_base64_run) return mailbox_name_error::superfluous_shift;
      auto units = base64_to_utf16(mutf7.substr(position + 1, end - position - 1));
      if (!units) return units.error();
      if (auto appended = append_utf16_as_utf8(decoded, *units); !appended) return appended.error();
    }
    after_base64_run = end != position + 1;
    position = end + 1;
  }
  return decoded;
}

std::string unicode_mailbox_name(std::string_view wire_name) {
  auto decoded = decode_mailbox_name(wire_name);
  return decoded ? std::move(*decoded) : std::string(wire_name);
}

bool is_valid_utf8(std::string_view text) {
  for (std::size_t position = 0; position < text.size();) {
    if (!next_code_point(text, position)) return false;
  }
  return true;
}

}  // namespace referee::imap
