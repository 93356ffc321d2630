# Readers of published formats: HTML, DOCX, PDF, DOC and their bad inputs.
nianbao_add_test(tst_formats SOURCES formats/tst_formats.cpp core/testutil.h)
