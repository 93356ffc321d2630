# The review window: opening a report to a filled window, one edit to repainted findings.
nianbao_add_bench(bench_ui SOURCES ui/bench_ui.cpp LIBS nianbao_ui)
