#pragma once
// A small streaming XML writer (the Catch2 XmlWriter shape): elements are scopes that close
// themselves, attribute values and text are escaped, and bytes XML 1.0 cannot carry (control
// characters, invalid UTF-8) are replaced visibly instead of producing an unreadable file.
//
//   XmlWriter xml(out);
//   { auto suite = xml.element("testsuite"); suite.attribute("name", "rfc2193"); xml.text("…"); }

#include <ostream>
#include <string>
#include <string_view>

namespace referee::reports::junit {

// XML 1.0 §2.2 Char: tab, LF, CR and U+0020 up, except U+FFFE/U+FFFF. Everything else, and
// bytes that are not UTF-8, become "\xHH" (so the reader sees which byte it was).
std::string xml_safe_text(std::string_view bytes);

// Text for a CDATA section: xml_safe_text, with "]]>" split across two sections.
std::string cdata_body(std::string_view bytes);

class XmlWriter {
 public:
  class Element {
   public:
    Element(XmlWriter& writer, std::string_view name);
    Element(Element&& other) noexcept;
    Element(const Element&) = delete;
    Element& operator=(const Element&) = delete;
    ~Element();

    Element& attribute(std::string_view name, std::string_view value);

   private:
    XmlWriter* writer_;
  };

  explicit XmlWriter(std::ostream& out);
  ~XmlWriter();

  Element element(std::string_view name) { return Element(*this, name); }
  // Escaped character data inside the innermost open element.
  void text(std::string_view bytes);
  // A CDATA section (for transcripts: keeps them readable in a raw view).
  void cdata(std::string_view bytes);

 private:
  void open(std::string_view name);
  void close();
  void end_start_tag();

  std::ostream& out_;
  std::string open_names_;   // '\n'-separated stack of open element names
  bool start_tag_open_ = false;
  bool has_content_ = false;
  int depth_ = 0;
};

}  // namespace referee::reports::junit
