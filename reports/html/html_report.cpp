#include "reports/html/html_report.hpp"

#include <boost/json/serialize.hpp>

#include "reports/html/html_assets.hpp"
#include "reports/json/json_report.hpp"

namespace referee::reports::html {
namespace {

namespace js = boost::json;

// Text for the <title> element: the only place the template takes text outside the JSON.
std::string escaped_title(std::string_view text) {
  std::string escaped;
  for (char c : text) {
    if (c == '<') escaped += "&lt;";
    else if (c == '&') escaped += "&amp;";
    else escaped += c;
  }
  return escaped;
}

// '<' occurs in JSON only inside strings, where \u003c means the same character.
void write_script_safe_json(std::ostream& out, const js::value& data) {
  auto text = js::serialize(data);
  std::size_t start = 0;
  for (auto at = text.find('<'); at != std::string::npos; at = text.find('<', start)) {
    out.write(text.data() + start, static_cast<std::streamsize>(at - start));
    out << "\\u003c";
    start = at + 1;
  }
  out.write(text.data() + start, static_cast<std::streamsize>(text.size() - start));
}

}  // namespace

void write_page(std::ostream& out, std::string_view title, const js::value& data) {
  std::string_view page = kAsset_template;
  while (!page.empty()) {
    auto marker = page.find('@');
    auto end = marker == std::string_view::npos ? marker : page.find('@', marker + 1);
    if (end == std::string_view::npos) {
      out << page;
      break;
    }
    out << page.substr(0, marker);
    auto name = page.substr(marker + 1, end - marker - 1);
    if (name == "TITLE") out << escaped_title(title);
    else if (name == "CSS") out << kAsset_style;
    else if (name == "JS") out << kAsset_script;
    else if (name == "DATA") write_script_safe_json(out, data);
    else out << page.substr(marker, end - marker + 1);
    page.remove_prefix(end + 1);
  }
}

void HtmlReportWriter::write(const engine::RunResult& run, std::ostream& out) const {
  js::object data{{"kind", "run"}, {"run", json::to_json(run)}};
  write_page(out, "Referee: " + run.target, data);
}

void write_comparison(const std::vector<engine::RunResult>& runs, std::ostream& out) {
  js::array documents;
  for (const auto& run : runs) {
    auto document = json::to_json(run);
    for (auto& scenario : document["scenarios"].as_array()) scenario.as_object()["transcript"] = js::array();
    documents.emplace_back(std::move(document));
  }
  write_page(out, "Referee: behaviour of " + std::to_string(runs.size()) + " targets",
             js::object{{"kind", "compare"}, {"runs", std::move(documents)}});
}

}  // namespace referee::reports::html
