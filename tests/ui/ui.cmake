# The review (core) and the review window, driven through its real widgets (offscreen).
nianbao_add_test(tst_review SOURCES ui/tst_review.cpp core/testutil.h)
nianbao_add_test(tst_dispositions SOURCES ui/tst_dispositions.cpp core/testutil.h)
nianbao_add_test(tst_session SOURCES ui/tst_session.cpp core/testutil.h)
nianbao_add_test(tst_uimodels SOURCES ui/tst_uimodels.cpp core/testutil.h LIBS nianbao_ui)
nianbao_add_test(tst_reviewwindow SOURCES ui/tst_reviewwindow.cpp ui/windowtesting.h core/testutil.h LIBS nianbao_ui nianbao_translations)
nianbao_add_test(tst_windowyears SOURCES ui/tst_windowyears.cpp ui/windowtesting.h core/testutil.h LIBS nianbao_ui nianbao_translations)
add_dependencies(tst_windowyears nianbao-cli)
nianbao_add_test(tst_persistence SOURCES ui/tst_persistence.cpp core/testutil.h store/pgcluster.h
    LIBS nianbao_ui nianbao_translations)
add_dependencies(tst_persistence nianbao)
target_compile_definitions(tst_persistence PRIVATE
    NIANBAO_GUI="$<TARGET_FILE:nianbao>"
    NIANBAO_PG_CLUSTER_SCRIPT="${PROJECT_SOURCE_DIR}/scripts/pg-test-cluster.sh")
set_tests_properties(tst_persistence PROPERTIES TIMEOUT 600)
# A second launch of the real window hands its files to the open one.
nianbao_add_test(tst_singleinstance SOURCES ui/tst_singleinstance.cpp LIBS nianbao_ui)
add_dependencies(tst_singleinstance nianbao)
target_compile_definitions(tst_singleinstance PRIVATE NIANBAO_GUI="$<TARGET_FILE:nianbao>")
# Confirming and dismissing findings in the window; a dismissal kept across a restart.
nianbao_add_test(tst_windowdispositions SOURCES ui/tst_windowdispositions.cpp ui/windowtesting.h core/testutil.h
    LIBS nianbao_ui nianbao_translations)
# The states of a review in the window: asked before a finished report changes, sent, kept.
nianbao_add_test(tst_states SOURCES ui/tst_states.cpp ui/windowtesting.h core/testutil.h LIBS nianbao_ui nianbao_translations)
# The record of a review: the cell's history and the corrections list, with and without a store.
nianbao_add_test(tst_record SOURCES ui/tst_record.cpp ui/windowtesting.h core/testutil.h LIBS nianbao_ui nianbao_translations)
# A finding's proposals in the window: shown, taken with one key, undone, audited, asked first.
nianbao_add_test(tst_windowsuggestions SOURCES ui/tst_windowsuggestions.cpp core/testutil.h LIBS nianbao_ui nianbao_translations)
# The Help menu: the rule catalogue, the shortcuts, the manual and About, opened from the menu.
nianbao_add_test(tst_help SOURCES ui/tst_help.cpp core/testutil.h LIBS nianbao_ui nianbao_translations)
# The queue for a day's work: the 未审校 filter, sorting, Mark Reviewed and Next, files added at start.
nianbao_add_test(tst_queue SOURCES ui/tst_queue.cpp ui/windowtesting.h core/testutil.h LIBS nianbao_ui nianbao_translations)
# The tables at 1366×768: frozen header rows and label columns, zoom, fit-to-width.
nianbao_add_test(tst_grids SOURCES ui/tst_grids.cpp ui/windowtesting.h core/testutil.h LIBS nianbao_ui nianbao_translations)
# Printing and the letter from the window: rendered to a PDF printer and read back with poppler.
if(NOT TARGET PkgConfig::POPPLER_QT6)
    pkg_check_modules(POPPLER_QT6 REQUIRED IMPORTED_TARGET poppler-qt6)
endif()
nianbao_add_test(tst_printing SOURCES ui/tst_printing.cpp ui/windowtesting.h core/testutil.h
    LIBS nianbao_ui nianbao_translations PkgConfig::POPPLER_QT6 Qt6::PrintSupport)
# The source pane's pages: a PDF's cells framed on their pages, clicked there, the text a toggle away.
nianbao_add_test(tst_pageview SOURCES ui/tst_pageview.cpp ui/windowtesting.h core/testutil.h
    formats/scanmaker.h LIBS nianbao_ui nianbao_translations)
target_include_directories(tst_pageview PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/formats)
if(NOT TARGET PkgConfig::POPPLER_QT6)
    pkg_check_modules(POPPLER_QT6 REQUIRED IMPORTED_TARGET poppler-qt6)
endif()
target_link_libraries(tst_pageview PRIVATE PkgConfig::POPPLER_QT6)
