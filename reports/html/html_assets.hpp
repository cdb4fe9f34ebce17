#pragma once
// The HTML report's template, style sheet and script (reports/html/assets/), compiled in.

#include <string_view>

namespace referee::reports::html {

extern const std::string_view kAsset_template;  // report.html: @TITLE@ @CSS@ @DATA@ @JS@
extern const std::string_view kAsset_style;     // report.css
extern const std::string_view kAsset_script;    // js/*.js, concatenated

}  // namespace referee::reports::html
