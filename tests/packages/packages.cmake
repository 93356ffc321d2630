# scripts/packages.txt is complete: every header, library, tool and CMake file this build used,
# and what the programs and the tests use when they run, comes from a listed package or one that a
# listed package depends on (scripts/check-packages.py). The same check on the list without one
# package must name that package, unless a listed package depends on it.
set(NIANBAO_PACKAGE_CHECK ${PROJECT_SOURCE_DIR}/scripts/check-packages.py)
set(NIANBAO_PACKAGE_LIST ${PROJECT_SOURCE_DIR}/scripts/packages.txt)
function(nianbao_package_test name without expect)
    add_test(NAME ${name}
        COMMAND ${CMAKE_COMMAND} -DCHECK=${NIANBAO_PACKAGE_CHECK} -DLIST=${NIANBAO_PACKAGE_LIST}
                -DBUILD=${CMAKE_BINARY_DIR} -DWITHOUT=${without} -DEXPECT=${expect}
                -DOUT=${CMAKE_CURRENT_BINARY_DIR}/${name}.txt
                -P ${CMAKE_CURRENT_SOURCE_DIR}/packages/checklist.cmake)
    # the check reads the whole build's dependency log: run it alone, after the programs ran
    set_tests_properties(${name} PROPERTIES TIMEOUT 120 LABELS packages)
endfunction()
nianbao_package_test(packages_list_complete "" complete)
nianbao_package_test(packages_list_without_zlib1g-dev zlib1g-dev missing)
nianbao_package_test(packages_list_without_libminizip-dev libminizip-dev missing)
# qt6-base-dev is pulled in by qt6-tools-dev and libpoppler-qt6-dev
nianbao_package_test(packages_list_without_qt6-base-dev qt6-base-dev complete)
