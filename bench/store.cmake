# Opening a queue of 1,000 reports from the review store; durable correction writes.
nianbao_add_bench(bench_store SOURCES store/bench_store.cpp)
