# Recognising scans (libtesseract in-process) against the tesseract command on the same page images,
# and reading a text PDF against pdftotext -layout. The commands are looked for when the benchmark
# runs (tesseract-ocr, poppler-utils); a missing one skips its line.
if(NIANBAO_HAVE_OCR)
    nianbao_add_bench(bench_ocr SOURCES ocr/bench_ocr.cpp ${PROJECT_SOURCE_DIR}/tests/formats/scanmaker.h)
    target_include_directories(bench_ocr PRIVATE ${PROJECT_SOURCE_DIR}/tests/formats)
endif()
