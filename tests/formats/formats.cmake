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
# Scans made from the corpus's PDFs, read by the recogniser (libtesseract); left out of a build
# without it, which refuses scans (tst_formats checks the sentence).
if(NIANBAO_HAVE_OCR)
    if(NOT TARGET PkgConfig::LEPTONICA)
        pkg_check_modules(LEPTONICA REQUIRED IMPORTED_TARGET lept)
    endif()
    nianbao_add_test(tst_scans SOURCES formats/tst_scans.cpp formats/scanmaker.h core/testutil.h
                     LIBS PkgConfig::LEPTONICA)
    set_tests_properties(tst_scans PROPERTIES TIMEOUT 600)
endif()
