# nianbao_add_test(...) suites of this area
