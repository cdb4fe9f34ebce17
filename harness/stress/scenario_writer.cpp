#include "harness/stress/scenario_writer.hpp"

#include <fmt/format.h>

namespace referee::stress {
namespace {

std::string xml_escape(std::string_view text) {
  std::string escaped;
  for (char c : text) {
    switch (c) {
      case '&': escaped += "&amp;"; break;
      case '<': escaped += "&lt;"; break;
      case '>': escaped += "&gt;"; break;
      case '"': escaped += "&quot;"; break;
      case '\r': break;  // the engine turns bare LF into CRLF inside literals
      default:
        // XML 1.0 has no way to write other control bytes: show them visibly.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') {
          escaped += fmt::format("\\x{:02x}", static_cast<unsigned char>(c));
        } else {
          escaped += c;
        }
    }
  }
  return escaped;
}

// RE2 pattern matching `line` literally.
std::string quote_meta(std::string_view line) {
  std::string pattern = "^";
  for (char c : line) {
    if (std::string_view("\\.+*?()|[]{}^$").find(c) != std::string_view::npos) pattern += '\\';
    pattern += c;
  }
  return pattern;
}

// "rfc3501-7.4.1-no-expunge..." -> {"3501", "7.4.1"}
std::pair<std::string, std::string> rfc_and_section(std::string_view requirement) {
  auto first = requirement.find('-');
  auto second = requirement.find('-', first + 1);
  return {std::string(requirement.substr(3, first - 3)),
          std::string(requirement.substr(first + 1, second - first - 1))};
}

// The common parent of the run's mailboxes: replaced by ${test.mailbox}.
std::string mailbox_base(const StressLog& log) {
  const std::string& first = log.mailboxes.front();
  return first.substr(0, first.rfind('/'));
}

std::string substitute(std::string text, const std::string& base) {
  for (auto at = text.find(base); at != std::string::npos; at = text.find(base, at)) {
    text.replace(at, base.size(), "${test.mailbox}");
  }
  return text;
}

std::string expectation(const Finding& violation) {
  std::string requirement(violation.invariant.requirement);
  if (!violation.expect_tagged.empty()) {
    return fmt::format("      <tagged status=\"{}\" requirement=\"{}\"/>\n", violation.expect_tagged, requirement);
  }
  if (violation.expect_response.empty()) return {};
  std::string attributes = fmt::format("presence=\"{}\" name=\"{}\"",
                                       violation.expect_present ? "must" : "must-not", violation.expect_response);
  if (!violation.expect_number.empty()) attributes += " number=\"" + violation.expect_number + "\"";
  if (!violation.expect_line.empty()) attributes += " match=\"" + xml_escape(quote_meta(violation.expect_line)) + "\"";
  return fmt::format("      <untagged {} requirement=\"{}\"/>\n", attributes, requirement);
}

std::string command_step(const LogEntry& entry, const std::string& base, std::chrono::milliseconds timeout,
                         const std::string& expect) {
  std::string client = "C" + std::to_string(entry.client + 1);
  std::string send = xml_escape(substitute(entry.command.text, base));
  std::string note;
  if (entry.command.kind == CommandKind::idle) {
    note = "    <!-- IDLE (RFC 2177) needs a DONE the scenario language cannot send: NOOP stands in. -->\n";
    send = "NOOP";
  }
  if (!entry.command.literal.empty()) {
    send += " <literal>" + xml_escape(entry.command.literal) + "</literal>";
  }
  return fmt::format("{}    <command client=\"{}\" timeout=\"{}ms\">\n      <send>{}</send>\n{}    </command>\n",
                     note, client, timeout.count(), send, expect);
}

}  // namespace

std::string scenario_id(const Invariant& broken) {
  auto [rfc, section] = rfc_and_section(broken.requirement);
  return fmt::format("rfc{}/{}/stress-{}", rfc, section, broken.name);
}

std::string scenario_xml(const StressLog& log, const Finding& violation, std::chrono::milliseconds timeout) {
  auto [rfc, section] = rfc_and_section(violation.invariant.requirement);
  std::string base = mailbox_base(log);
  std::string xml = fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<!-- Written by referee stress, option shrink (seed {}): the smallest command streams found that\n"
      "     still break {} when run one command at a time. -->\n"
      "<scenario xmlns=\"urn:referee:scenario:1\" id=\"{}\" destructive=\"true\">\n"
      "  <title>Stress: {}</title>\n  <rfc number=\"{}\" section=\"{}\"/>\n"
      "  <description>{}: expected {}; observed {}.</description>\n  <clients>\n",
      log.seed, violation.invariant.name, scenario_id(violation.invariant), xml_escape(violation.summary),
      rfc, section, xml_escape(violation.summary), xml_escape(violation.expected),
      xml_escape(violation.observed));
  for (unsigned i = 1; i <= log.clients; ++i) {
    xml += fmt::format("    <client id=\"C{}\" server=\"main\" user=\"local\"/>\n", i);
  }
  xml += "  </clients>\n  <setup client=\"C1\">\n";
  for (const auto& mailbox : log.mailboxes) {
    xml += fmt::format("    <mailbox name=\"{}\" messages=\"0\"/>\n", xml_escape(substitute(mailbox, base)));
  }
  xml += "  </setup>\n  <steps>\n";
  for (std::size_t i = 0; i < log.entries.size(); ++i) {
    bool last = i + 1 == log.entries.size();
    xml += command_step(log.entries[i], base, timeout, last ? expectation(violation) : "");
  }
  xml += "  </steps>\n</scenario>\n";
  return xml;
}

}  // namespace referee::stress
