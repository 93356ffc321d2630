# Export: XLSX read back with minizip (the sheet XML parsed), CSV in both encodings, JSON,
# atomic writing under failure, nianbao-cli export.
pkg_check_modules(MINIZIP REQUIRED IMPORTED_TARGET minizip)
nianbao_add_test(tst_export
    SOURCES export/tst_export.cpp export/xlsxreader.h export/xlsxreader.cpp core/testutil.h
    LIBS PkgConfig::MINIZIP)
target_include_directories(tst_export PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/core)
add_dependencies(tst_export nianbao-cli)
