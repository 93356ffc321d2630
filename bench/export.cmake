# Export speed: 1,000 reports into one batch workbook (target: under 5 s).
nianbao_add_bench(bench_export SOURCES export/bench_export.cpp)
