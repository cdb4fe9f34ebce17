# Writes OUTPUT, a C++ file defining the HTML report's assets as string constants, from the
# files in assets/ (so the report is one self-contained file with no asset to install).
#   cmake -DASSETS_DIR=... -DOUTPUT=... -P embed_assets.cmake
set(content "// Generated from reports/html/assets/ by embed_assets.cmake: do not edit.\n")
string(APPEND content "#include \"reports/html/html_assets.hpp\"\n\nnamespace referee::reports::html {\n")
foreach(pair "template;report.html" "style;report.css" "script;report.js")
  list(GET pair 0 name)
  list(GET pair 1 file)
  file(READ "${ASSETS_DIR}/${file}" text)
  string(FIND "${text}" ")referee_asset\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${file} contains the raw-string delimiter )referee_asset\"")
  endif()
  string(APPEND content "const std::string_view kAsset_${name} = R\"referee_asset(${text})referee_asset\";\n")
endforeach()
string(APPEND content "}  // namespace referee::reports::html\n")
file(WRITE "${OUTPUT}.tmp" "${content}")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
