# Builds for finding memory errors and undefined behaviour (a separate build folder each):
#   -DNIANBAO_SANITIZE=ON  AddressSanitizer + UndefinedBehaviorSanitizer (gcc or clang); any
#                          undefined behaviour stops the program (-fno-sanitize-recover)
#   -DNIANBAO_FUZZ=ON      the libFuzzer targets of tests/fuzz (clang only; implies NIANBAO_SANITIZE,
#                          and instruments the project's code for the fuzzer's coverage); the test
#                          suites build in the same folder, so that one clang build gives both
# Qt, ICU, poppler and minizip come from Debian and are not instrumented.
option(NIANBAO_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
option(NIANBAO_FUZZ "Build the libFuzzer targets of tests/fuzz (needs clang)" OFF)

if(NIANBAO_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
        message(FATAL_ERROR "NIANBAO_FUZZ needs clang: configure with -DCMAKE_CXX_COMPILER=clang++")
    endif()
    set(NIANBAO_SANITIZE ON CACHE BOOL "" FORCE)
    add_compile_options(-fsanitize=fuzzer-no-link)
endif()

if(NIANBAO_SANITIZE)
    # -O1 with line tables only: what the sanitizers' documentation advises for a usable stack
    # with every error, and a third of -O2 -g's compile time under the instrumentation (gcc's
    # AddressSanitizer at -O2 -g takes three times clang's -O1 on a window test).
    if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
        set(CMAKE_CXX_FLAGS_RELWITHDEBINFO "-O1 -gline-tables-only -DNDEBUG")
    else()
        set(CMAKE_CXX_FLAGS_RELWITHDEBINFO "-O1 -g1 -DNDEBUG")
    endif()
    set(nianbao_sanitizers -fsanitize=address,undefined -fno-sanitize-recover=undefined)
    add_compile_options(${nianbao_sanitizers} -fno-omit-frame-pointer)
    add_link_options(${nianbao_sanitizers})
endif()

# The options the suites run with in a sanitizer build (ctest sets them; run.sh of the fuzz
# targets sets the same): every error stops the program with its stack; leaks are reported, but
# for the few of the uninstrumented system libraries in tests/sanitizers/lsan.supp.
set(NIANBAO_SANITIZER_ENVIRONMENT "")
if(NIANBAO_SANITIZE)
    set(NIANBAO_SANITIZER_ENVIRONMENT
        "ASAN_OPTIONS=detect_leaks=1:check_initialization_order=1:strict_init_order=1"
        "UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1"
        "LSAN_OPTIONS=suppressions=${PROJECT_SOURCE_DIR}/tests/sanitizers/lsan.supp:print_suppressions=0")
endif()
