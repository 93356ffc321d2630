# Builds for finding memory errors and undefined behaviour (a separate build folder each):
#   -DNIANBAO_SANITIZE=ON  AddressSanitizer + UndefinedBehaviorSanitizer (gcc or clang); any
#                          undefined behaviour stops the program (-fno-sanitize-recover)
#   -DNIANBAO_FUZZ=ON      the libFuzzer targets of tests/fuzz (clang only; implies NIANBAO_SANITIZE,
#                          and instruments the project's code for the fuzzer's coverage)
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
