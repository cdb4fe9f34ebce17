# IMAP URLs, modified UTF-7 mailbox names, sequence sets and the command serializer
# (included by CMakeLists.txt into referee_imap).
target_sources(referee_imap PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/command.cpp
  ${CMAKE_CURRENT_LIST_DIR}/command_serializer.cpp
  ${CMAKE_CURRENT_LIST_DIR}/command_syntax.cpp
  ${CMAKE_CURRENT_LIST_DIR}/imap_url.cpp
  ${CMAKE_CURRENT_LIST_DIR}/mailbox_name.cpp
  ${CMAKE_CURRENT_LIST_DIR}/sequence_set.cpp
  ${CMAKE_CURRENT_LIST_DIR}/url_format.cpp
  ${CMAKE_CURRENT_LIST_DIR}/url_grammar.cpp
  ${CMAKE_CURRENT_LIST_DIR}/url_lint.cpp
)
referee_add_test(referee_imap_url_tests
  SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/test/imap_url_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/test/url_rfc_examples_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/test/url_lint_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/test/url_mutation_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/test/url_grammar_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/test/mailbox_name_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/test/url_mailbox_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/test/sequence_set_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/test/command_syntax_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/test/command_serializer_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/test/tag_generator_test.cpp
  LIBS referee_imap)
