# The desktop integration files are valid, and the Debian package CPack makes holds what a desktop
# needs and passes lintian without an error or a warning.
find_program(DESKTOP_FILE_VALIDATE desktop-file-validate REQUIRED)
find_program(APPSTREAMCLI appstreamcli REQUIRED)
find_program(LINTIAN lintian REQUIRED)
add_test(NAME packaging_desktop_entry
         COMMAND ${DESKTOP_FILE_VALIDATE} ${PROJECT_SOURCE_DIR}/packaging/${NIANBAO_APP_ID}.desktop)
add_test(NAME packaging_metainfo
         COMMAND ${APPSTREAMCLI} validate --no-net --pedantic --explain
                 ${PROJECT_BINARY_DIR}/packaging/${NIANBAO_APP_ID}.metainfo.xml)
set_tests_properties(packaging_metainfo PROPERTIES FAIL_REGULAR_EXPRESSION "^[EWIP]: ")
# the package is made of a hardened build (not of a sanitizer or fuzz build)
if(NOT NIANBAO_HARDENED)
    return()
endif()
add_test(NAME packaging_deb
         COMMAND ${CMAKE_COMMAND} -DBUILD=${PROJECT_BINARY_DIR} -DCPACK=${CMAKE_CPACK_COMMAND}
                 -DLINTIAN=${LINTIAN} -DAPP_ID=${NIANBAO_APP_ID}
                 -DOUT=${CMAKE_CURRENT_BINARY_DIR}/deb -P ${CMAKE_CURRENT_SOURCE_DIR}/packaging/deb.cmake)
# packs the programs of the whole build: alone, after the other suites
set_tests_properties(packaging_deb PROPERTIES TIMEOUT 600 RUN_SERIAL ON LABELS packaging)
