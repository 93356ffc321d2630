# Readers of published formats: HTML, DOCX (libminizip), PDF (poppler-qt6), legacy DOC (LibreOffice).
pkg_check_modules(MINIZIP REQUIRED IMPORTED_TARGET minizip)
pkg_check_modules(POPPLER_QT6 REQUIRED IMPORTED_TARGET poppler-qt6)
target_sources(nianbao_core PRIVATE
    io/formatreaders.cpp
    io/zipreader.h io/zipreader.cpp
    io/htmlreader.h io/htmlreader.cpp
    io/docxreader.h io/docxreader.cpp
    io/pdfline.h
    io/pdflinebuilder.h io/pdflinebuilder.cpp
    io/pdfrowjoiner.h io/pdfrowjoiner.cpp
    io/pdfcolumnlayout.h io/pdfcolumnlayout.cpp
    io/pdfreader.h io/pdfreader.cpp
    io/pagerenderer.h io/pagerenderer.cpp
    io/docreader.h io/docreader.cpp)
target_link_libraries(nianbao_core PRIVATE PkgConfig::MINIZIP PkgConfig::POPPLER_QT6)
