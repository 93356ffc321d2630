# Readers of published formats: HTML, DOCX, PDF, DOC and their bad inputs. The hostile Word files
# are zipped in the test with libminizip.
if(NOT TARGET PkgConfig::MINIZIP)
    pkg_check_modules(MINIZIP REQUIRED IMPORTED_TARGET minizip)
endif()
foreach(suite tst_formats tst_formatlimits)
    nianbao_add_test(${suite} SOURCES formats/${suite}.cpp formats/formatstesting.h core/testutil.h
                     LIBS PkgConfig::MINIZIP)
    # A hang guard for the hostile inputs (each ends in seconds): QTest's watchdog stops a function
    # that runs past two minutes.
    set_property(TEST ${suite} APPEND PROPERTY ENVIRONMENT "QTEST_FUNCTION_TIMEOUT=120000")
endforeach()
