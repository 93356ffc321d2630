# nianbao_add_bench(...) of this area
