nianbao_add_bench(bench_reader SOURCES reader/bench_reader.cpp LIBS PkgConfig::ICU)
