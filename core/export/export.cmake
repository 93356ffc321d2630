# Export: XLSX (libxlsxwriter), CSV (UTF-8 with BOM or GB18030 through ICU), JSON, and the letter
# to the reporting body as PDF (QPdfWriter) and DOCX (libminizip, linked by io/formats.cmake).
pkg_check_modules(XLSXWRITER REQUIRED IMPORTED_TARGET xlsxwriter)
target_sources(nianbao_core PRIVATE
    export/exportoptions.h
    export/exporter.h export/exporter.cpp
    export/exportcells.h export/exportcells.cpp
    export/safewrite.h export/safewrite.cpp
    export/xlsxexport.h export/xlsxexport.cpp
    export/xlsxbook.h export/xlsxbook.cpp
    export/letter.h export/letter.cpp
    export/reportprint.h export/reportprint.cpp)
target_link_libraries(nianbao_core PRIVATE PkgConfig::XLSXWRITER)
