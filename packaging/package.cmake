# The Debian package (tools/package): CPack's DEB generator over the install rules, under /usr.
# Depends is computed from the binaries by dpkg-shlibdeps (dpkg-dev), which finds the Debian
# package of every shared library they link (Boost 1.81, libxml2, RE2, OpenSSL, libstdc++ …).
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME referee)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "Conformance test suite for IMAP referrals (RFC 2193, RFC 2221, RFC 2180)")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "Referee drives scripted IMAP clients through XML scenarios against the\n\
servers named in a target profile and judges every step against RFC 2193\n\
mailbox referrals, RFC 2221 login referrals and RFC 2180 multi-accessed\n\
mailboxes. It writes JSON results with full transcripts, and ships its own\n\
reference IMAP servers as a built-in target.")
set(CPACK_PACKAGE_CONTACT "Referee maintainers <referee@referee.test>")
set(CPACK_DEBIAN_PACKAGE_SECTION mail)
# The Dovecot built-in target (fixtures/targets/dovecot.xml) launches the distribution's Dovecot.
if(EXISTS ${PROJECT_SOURCE_DIR}/tools/servers/dovecot)
  set(CPACK_DEBIAN_PACKAGE_SUGGESTS dovecot-imapd)
endif()
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
execute_process(COMMAND dpkg --print-architecture OUTPUT_VARIABLE CPACK_DEBIAN_PACKAGE_ARCHITECTURE
                OUTPUT_STRIP_TRAILING_WHITESPACE)
# referee_<version>_<arch>.deb
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_OUTPUT_FILE_PREFIX ${PROJECT_SOURCE_DIR}/build)
# cpack installs the build tree as it is: tools/package builds the programs first, and the
# package test reuses the tested build instead of building every test target again.
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)
include(CPack)

# Tests: package.deb packs this (already built) tree for the tests that need the package:
# package.unpacked_run (packaging/test/) and ci.templates (docs/ci/test/).
set(REFEREE_TEST_DEB_DIR ${PROJECT_BINARY_DIR}/package-test)
set(REFEREE_TEST_DEB ${REFEREE_TEST_DEB_DIR}/referee_${PROJECT_VERSION}_${CPACK_DEBIAN_PACKAGE_ARCHITECTURE}.deb)
if(TARGET referee AND TARGET referee-fixture-server)
  add_test(NAME package.deb
    COMMAND ${CMAKE_CPACK_COMMAND} --config ${PROJECT_BINARY_DIR}/CPackConfig.cmake -G DEB
            -B ${REFEREE_TEST_DEB_DIR} -D CPACK_OUTPUT_FILE_PREFIX=${REFEREE_TEST_DEB_DIR})
  set_tests_properties(package.deb PROPERTIES FIXTURES_SETUP referee_deb)
  add_test(NAME package.unpacked_run
    COMMAND ${CMAKE_CURRENT_LIST_DIR}/test/unpacked_package_test.sh
            ${REFEREE_TEST_DEB} ${PROJECT_BINARY_DIR} ${PROJECT_SOURCE_DIR} ${PROJECT_VERSION})
  set_tests_properties(package.unpacked_run PROPERTIES FIXTURES_REQUIRED referee_deb)
endif()
