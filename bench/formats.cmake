# nianbao_add_bench(...) of this area
nianbao_add_bench(bench_formats SOURCES formats/bench_formats.cpp)
