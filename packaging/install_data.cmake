# `cmake --install build/release --prefix P`: the programs go to P/bin (their own install rules),
# everything they read to P/share/referee, laid out like the source tree so that paths in
# profiles and docs read the same in both places:
#
#   P/share/referee/scenarios/          the catalogue: rfc*/…/*.xml, schema/, requirements.xml, VERSION
#   P/share/referee/fixtures/targets/   the built-in target profiles
#   P/share/referee/tools/servers/      scripts those profiles launch (when there are any)
#   P/share/referee/docs/, README.md    the documentation
#
# `referee` finds P/share/referee as ../share/referee from its own directory
# (harness/cli/paths.hpp), so bin and share/referee are fixed here, not GNUInstallDirs choices.
set(REFEREE_INSTALL_DATA_DIR share/referee)

install(DIRECTORY scenarios/ DESTINATION ${REFEREE_INSTALL_DATA_DIR}/scenarios
  FILES_MATCHING PATTERN "*.xml" PATTERN "*.xsd" PATTERN "VERSION" PATTERN "README.md"
  PATTERN "test" EXCLUDE)
install(DIRECTORY fixtures/targets/ DESTINATION ${REFEREE_INSTALL_DATA_DIR}/fixtures/targets
  FILES_MATCHING PATTERN "*.xml" PATTERN "test" EXCLUDE)
# The strategy and fault names --fixture-strategy and --fixture-fault accept.
install(FILES fixtures/server/README.md fixtures/server/FAULTS.md
  DESTINATION ${REFEREE_INSTALL_DATA_DIR}/fixtures/server)
if(EXISTS ${PROJECT_SOURCE_DIR}/tools/servers)
  install(DIRECTORY tools/servers/ DESTINATION ${REFEREE_INSTALL_DATA_DIR}/tools/servers
    USE_SOURCE_PERMISSIONS)
endif()
install(DIRECTORY docs/ DESTINATION ${REFEREE_INSTALL_DATA_DIR}/docs USE_SOURCE_PERMISSIONS
  PATTERN "test" EXCLUDE PATTERN "CMakeLists.txt" EXCLUDE)
install(FILES README.md DESTINATION ${REFEREE_INSTALL_DATA_DIR})
install(FILES reports/json/README.md DESTINATION ${REFEREE_INSTALL_DATA_DIR}/reports/json)
