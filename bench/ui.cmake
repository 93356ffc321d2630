# The review window: opening a report to a filled window, one edit to repainted findings.
nianbao_add_bench(bench_ui SOURCES ui/bench_ui.cpp LIBS nianbao_ui)
# The README's screenshots drawn offscreen: the window at 1366×768 (light and dark) and 1600×1000, a
# scanned report with an undecided value selected, and the launcher entry.
add_executable(nianbao_shots ui/shots.cpp)
target_link_libraries(nianbao_shots PRIVATE nianbao_common nianbao_core nianbao_ui nianbao_translations)
# the scanned report of the scan shot is made as tst_scans makes its scans
target_include_directories(nianbao_shots PRIVATE ${PROJECT_SOURCE_DIR}/tests/formats)
