# The review window: opening a report to a filled window, one edit to repainted findings.
nianbao_add_bench(bench_ui SOURCES ui/bench_ui.cpp LIBS nianbao_ui)
# The README's screenshots drawn offscreen: the window at 1366×768, light and dark, and the launcher entry.
add_executable(nianbao_shots ui/shots.cpp)
target_link_libraries(nianbao_shots PRIVATE nianbao_common nianbao_core nianbao_ui nianbao_translations)
