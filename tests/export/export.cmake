# Export: XLSX read back with minizip (the sheet XML parsed), CSV in both encodings, JSON,
# atomic writing under failure, nianbao-cli export.
pkg_check_modules(MINIZIP REQUIRED IMPORTED_TARGET minizip)
foreach(suite tst_export tst_exportfiles tst_xlsxprint)
    nianbao_add_test(${suite}
        SOURCES export/${suite}.cpp export/exporttesting.h export/xlsxreader.h export/xlsxreader.cpp
                core/testutil.h
        LIBS PkgConfig::MINIZIP)
    target_include_directories(${suite} PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/core)
    add_dependencies(${suite} nianbao-cli)
    # The exports write local time; the suites read it back under UTC+8 (they also set it).
    set_property(TEST ${suite} APPEND PROPERTY ENVIRONMENT TZ=Asia/Shanghai)
endforeach()

# The letter: its PDF read back with poppler (text and fonts), its Word file with minizip.
if(NOT TARGET PkgConfig::POPPLER_QT6)
    pkg_check_modules(POPPLER_QT6 REQUIRED IMPORTED_TARGET poppler-qt6)
endif()
nianbao_add_test(tst_letter
    SOURCES export/tst_letter.cpp export/exporttesting.h export/xlsxreader.h export/xlsxreader.cpp
            core/testutil.h
    LIBS PkgConfig::MINIZIP PkgConfig::POPPLER_QT6)
target_include_directories(tst_letter PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/core)
add_dependencies(tst_letter nianbao-cli)
set_property(TEST tst_letter APPEND PROPERTY ENVIRONMENT TZ=Asia/Shanghai)
