# Export: XLSX read back with minizip (the sheet XML parsed), CSV in both encodings, JSON,
# atomic writing under failure, nianbao-cli export.
pkg_check_modules(MINIZIP REQUIRED IMPORTED_TARGET minizip)
foreach(suite tst_export tst_exportfiles)
    nianbao_add_test(${suite}
        SOURCES export/${suite}.cpp export/exporttesting.h export/xlsxreader.h export/xlsxreader.cpp
                core/testutil.h
        LIBS PkgConfig::MINIZIP)
    target_include_directories(${suite} PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/core)
    add_dependencies(${suite} nianbao-cli)
    # The exports write local time; the suites read it back under UTC+8 (they also set it).
    set_property(TEST ${suite} APPEND PROPERTY ENVIRONMENT TZ=Asia/Shanghai)
endforeach()
