#!/usr/bin/env bash
# Nianbao set-up on Debian 12: installs the Debian packages that are missing, builds, then
#   run  (default)  opens the window on the bundled sample report
#   test            runs every test headless, and the corpus score when ../shared is there
# Run as root, or as a user with sudo.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-run}
shift || true

sudo_cmd=()
[ "$(id -u)" = 0 ] || sudo_cmd=(sudo)

missing=()
while read -r pkg; do
    [[ -z "$pkg" || "$pkg" == \#* ]] && continue
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done < scripts/packages.txt
if ((${#missing[@]})); then
    echo "Installing: ${missing[*]}"
    "${sudo_cmd[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
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
            --quiet --max-false-alarms 0
    fi
    ;;
*)
    echo "usage: scripts/setup.sh [run|test]" >&2
    exit 2
    ;;
esac
