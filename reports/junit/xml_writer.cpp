#include "reports/junit/xml_writer.hpp"

#include <fmt/format.h>

#include "reports/byte_text.hpp"

namespace referee::reports::junit {
namespace {

// Length of the well-formed UTF-8 sequence at the start of `bytes`, 0 when there is none.
std::size_t utf8_length(std::string_view bytes) {
  for (std::size_t length = 1; length <= 4 && length <= bytes.size(); ++length) {
    if (is_valid_utf8(bytes.substr(0, length))) return length;
  }
  return 0;
}

// U+FFFE and U+FFFF are UTF-8 EF BF BE / EF BF BF: valid UTF-8, not XML characters.
bool is_xml_noncharacter(std::string_view sequence) {
  return sequence == "\xEF\xBF\xBE" || sequence == "\xEF\xBF\xBF";
}

std::string escaped(std::string_view bytes, bool in_attribute) {
  std::string safe = xml_safe_text(bytes);
  std::string text;
  text.reserve(safe.size());
  for (char c : safe) {
    switch (c) {
      case '<': text += "&lt;"; break;
      case '>': text += "&gt;"; break;
      case '&': text += "&amp;"; break;
      case '"': text += in_attribute ? "&quot;" : "\""; break;
      // Attribute values normalise whitespace: keep line breaks and tabs as references.
      case '\n': text += in_attribute ? "&#10;" : "\n"; break;
      case '\r': text += in_attribute ? "&#13;" : "&#13;"; break;
      case '\t': text += in_attribute ? "&#9;" : "\t"; break;
      default: text += c;
    }
  }
  return text;
}

}  // namespace

std::string xml_safe_text(std::string_view bytes) {
  std::string text;
  text.reserve(bytes.size());
  while (!bytes.empty()) {
    auto byte = static_cast<unsigned char>(bytes[0]);
    std::size_t length = byte < 0x80 ? 1 : utf8_length(bytes);
    bool allowed = length > 0 && (byte >= 0x20 || byte == '\t' || byte == '\n' || byte == '\r') &&
                   byte != 0x7F && !is_xml_noncharacter(bytes.substr(0, length));
    if (allowed) {
      text.append(bytes.substr(0, length));
    } else {
      text += fmt::format("\\x{:02X}", byte);
      length = 1;
    }
    bytes.remove_prefix(length);
  }
  return text;
}

std::string cdata_body(std::string_view bytes) {
  std::string safe = xml_safe_text(bytes);
  std::string text;
  std::size_t start = 0;
  for (auto end = safe.find("]]>"); end != std::string::npos; end = safe.find("]]>", start)) {
    // "]]" ends this section, ">" starts the next: the reader sees "]]>" again.
    text.append(safe, start, end + 2 - start);
    text += "]]><![CDATA[";
    start = end + 2;
  }
  text.append(safe, start);
  return text;
}

XmlWriter::XmlWriter(std::ostream& out) : out_(out) {
  out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";  // open() starts each element on a new line
}

XmlWriter::~XmlWriter() { out_ << '\n'; }

XmlWriter::Element::Element(XmlWriter& writer, std::string_view name) : writer_(&writer) {
  writer.open(name);
}

XmlWriter::Element::Element(Element&& other) noexcept : writer_(other.writer_) {
  other.writer_ = nullptr;
}

XmlWriter::Element::~Element() {
  if (writer_) writer_->close();
}

XmlWriter::Element& XmlWriter::Element::attribute(std::string_view name, std::string_view value) {
  writer_->out_ << ' ' << name << "=\"" << escaped(value, true) << '"';
  return *this;
}

void XmlWriter::open(std::string_view name) {
  end_start_tag();
  out_ << '\n' << std::string(2 * depth_, ' ') << '<' << name;
  open_names_ += std::string(name) + '\n';
  start_tag_open_ = true;
  has_content_ = false;
  ++depth_;
}

void XmlWriter::close() {
  --depth_;
  open_names_.pop_back();
  auto previous = open_names_.rfind('\n');
  std::string name = open_names_.substr(previous == std::string::npos ? 0 : previous + 1);
  open_names_.resize(previous == std::string::npos ? 0 : previous + 1);
  if (start_tag_open_) {
    out_ << "/>";
    start_tag_open_ = false;
  } else {
    if (!has_content_) out_ << '\n' << std::string(2 * depth_, ' ');
    out_ << "</" << name << '>';
  }
  has_content_ = false;
}

void XmlWriter::end_start_tag() {
  if (!start_tag_open_) return;
  out_ << '>';
  start_tag_open_ = false;
}

void XmlWriter::text(std::string_view bytes) {
  end_start_tag();
  out_ << escaped(bytes, false);
  has_content_ = true;
}

void XmlWriter::cdata(std::string_view bytes) {
  end_start_tag();
  out_ << "<![CDATA[" << cdata_body(bytes) << "]]>";
  has_content_ = true;
}

}  // namespace referee::reports::junit
