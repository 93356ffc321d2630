# The two programs started as a user starts them: --help and --version without a display.
nianbao_add_test(tst_programs SOURCES app/tst_programs.cpp)
add_dependencies(tst_programs nianbao nianbao-cli)
target_compile_definitions(tst_programs PRIVATE NIANBAO_GUI="$<TARGET_FILE:nianbao>")
