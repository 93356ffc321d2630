#!/usr/bin/env bash
# Nianbao set-up on Debian 12: installs the Debian packages that are missing, builds, then
#   run  (default)  opens the window on the bundled sample report
#   test            runs every test headless, and the corpus score when ../shared is there; then
#                   builds with clang, AddressSanitizer + UndefinedBehaviorSanitizer and the fuzz
#                   targets (build-asan), runs the suites there and each fuzz target briefly, and
#                   checks that scripts/packages.txt names everything used
# Installing needs root, or a user with sudo; when every package is there, neither.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-run}
shift || true

case "$mode" in
run | test) ;;
*)
    echo "usage: scripts/setup.sh [run|test]" >&2
    exit 2
    ;;
esac
if [[ "$mode" == run && -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" && -z "${QT_QPA_PLATFORM:-}" ]]; then
    echo "setup.sh run: there is no display to open the window on (DISPLAY is not set); run it in a" \
        "desktop session or as 'xvfb-run -a bash scripts/setup.sh run', or use 'bash scripts/setup.sh test'" \
        "to build and test without a window." >&2
    exit 2
fi

missing=()
while read -r pkg; do
    [[ -z "$pkg" || "$pkg" == \#* ]] && continue
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done < scripts/packages.txt
if ((${#missing[@]})); then
    sudo_cmd=()
    if [ "$(id -u)" != 0 ]; then
        if ! command -v sudo >/dev/null; then
            echo "setup.sh: installing the missing Debian packages needs root and there is no sudo; run" \
                "this script as root, or have an administrator run: apt-get install ${missing[*]}" >&2
            exit 1
        fi
        sudo_cmd=(sudo)
    fi
    echo "Installing: ${missing[*]}"
    # env carries DEBIAN_FRONTEND through sudo, which would drop it from the environment
    "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

jobs=$(nproc)
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build -j"$jobs"

case "$mode" in
run)
    exec build/bin/nianbao resources/samples/sample_2023.txt "$@"
    ;;
test)
    echo "== formatting (clang-format)"
    files=$(git ls-files '*.cpp' '*.h' 2>/dev/null || find app core ui tests bench -name '*.cpp' -o -name '*.h')
    clang-format --dry-run --Werror $files
    echo "== tests"
    QT_QPA_PLATFORM=offscreen ctest --test-dir build --output-on-failure -j"$jobs"
    if [ -f ../shared/tools/score.py ] && [ -d ../shared/corpus/expected ]; then
        echo "== corpus score"
        python3 ../shared/tools/score.py build/bin/nianbao-cli ../shared/corpus/expected ../shared/corpus \
            --quiet --max-false-alarms 0 --max-wrong 0
    fi

    echo "== sanitizers (clang: AddressSanitizer + UndefinedBehaviorSanitizer) and fuzz targets (libFuzzer): build-asan"
    # One clang build for both: the suites run instrumented there, and the fuzz targets link the
    # same instrumented libraries. binutils' ar, as on a machine without llvm (CMake prefers
    # llvm-ar for clang when it is there).
    CC=clang CXX=clang++ cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNIANBAO_FUZZ=ON \
        -DNIANBAO_BUILD_BENCH=OFF -DCMAKE_AR=/usr/bin/ar -DCMAKE_RANLIB=/usr/bin/ranlib
    cmake --build build-asan -j"$jobs"
    # the suites of tests/sanitizers/known-failures.txt run apart and must fail for their reason
    known=()
    while IFS=$'\t' read -r suite reason; do
        [[ -z "$suite" || "$suite" == \#* ]] || known+=("$suite")
    done < tests/sanitizers/known-failures.txt
    exclude=()
    ((${#known[@]})) && exclude=(-E "^($(IFS='|'; echo "${known[*]}"))\$")
    QT_QPA_PLATFORM=offscreen ctest --test-dir build-asan --output-on-failure -j"$jobs" "${exclude[@]}"
    while IFS=$'\t' read -r suite reason; do
        [[ -z "$suite" || "$suite" == \#* ]] && continue
        log=build-asan/Testing/$suite.known-failure.log
        if QT_QPA_PLATFORM=offscreen ctest --test-dir build-asan --output-on-failure -R "^$suite\$" >"$log" 2>&1; then
            echo "$suite passes under the sanitizers now: take it out of tests/sanitizers/known-failures.txt" >&2
            exit 1
        fi
        if ! grep -Eq -- "$reason" "$log"; then
            echo "$suite fails under the sanitizers, but not for its known reason:" >&2
            cat "$log" >&2
            exit 1
        fi
        echo "KNOWN FAILURE under the sanitizers (tests/sanitizers/known-failures.txt): $suite: $(grep -Em1 -- "$reason" "$log")"
    done < tests/sanitizers/known-failures.txt

    echo "== fuzz targets (libFuzzer): build-asan"
    python3 scripts/check-packages.py build-asan
    tests/fuzz/run.sh build-asan --ci --time 60
    ;;
esac
