# The document checks and the fix search.
nianbao_add_bench(bench_checks SOURCES checks/bench_checks.cpp)
