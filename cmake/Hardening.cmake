# Debian's hardening flags (dpkg-buildflags with hardening=+all: fortified functions, stack
# protector, format checks, read-only relocations bound at start, PIE) on every target of an
# optimised build, so that the programs tested are the programs packaged. Not with the sanitizers
# or the fuzzers, which bring their own instrumentation, nor without optimisation (fortify needs it).
option(NIANBAO_HARDENING "Build with Debian's hardening flags (dpkg-buildflags)" ON)
set(NIANBAO_HARDENED OFF) # ON below once the flags are set: the package is made of such a build
if(NOT NIANBAO_HARDENING OR NIANBAO_SANITIZE OR NIANBAO_FUZZ OR CMAKE_BUILD_TYPE STREQUAL "Debug")
    return()
endif()
find_program(DPKG_BUILDFLAGS dpkg-buildflags)
if(NOT DPKG_BUILDFLAGS)
    message(STATUS "dpkg-buildflags not found: no hardening flags")
    return()
endif()

# Only the hardening part of Debian's flags: optimisation, debug information and the file prefix
# map stay the build type's.
function(nianbao_hardening_flags kind pattern out)
    execute_process(COMMAND ${CMAKE_COMMAND} -E env DEB_BUILD_MAINT_OPTIONS=hardening=+all
                            ${DPKG_BUILDFLAGS} --get ${kind}
                    OUTPUT_VARIABLE flags OUTPUT_STRIP_TRAILING_WHITESPACE)
    separate_arguments(flags UNIX_COMMAND "${flags}")
    list(FILTER flags INCLUDE REGEX "${pattern}")
    set(${out} ${flags} PARENT_SCOPE)
endfunction()
nianbao_hardening_flags(CPPFLAGS "^-D_FORTIFY_SOURCE" nianbao_hardening_cpp)
nianbao_hardening_flags(CXXFLAGS "^-(fstack-protector|fstack-clash|fcf-protection|Wformat|Werror=format)"
                        nianbao_hardening_cxx)
nianbao_hardening_flags(LDFLAGS "^-Wl,-z," nianbao_hardening_ld)
target_compile_options(nianbao_common INTERFACE ${nianbao_hardening_cpp} ${nianbao_hardening_cxx})
target_link_options(nianbao_common INTERFACE ${nianbao_hardening_ld})
set(CMAKE_POSITION_INDEPENDENT_CODE ON)
include(CheckPIESupported)
check_pie_supported()
set(NIANBAO_HARDENED ON)
message(STATUS "Hardening: ${nianbao_hardening_cpp} ${nianbao_hardening_cxx} ${nianbao_hardening_ld} PIE")
