# Published layouts read in general: fixtures with their truth (tests/data/published, made by
# make_layouts.py) and PDFs of the form drawn in the test.
nianbao_add_test(tst_published SOURCES published/tst_published.cpp published/formpdf.h core/testutil.h
                 LIBS Qt6::Gui)
