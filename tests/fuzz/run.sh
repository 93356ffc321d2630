#!/usr/bin/env bash
# Runs the fuzz targets of a -DNIANBAO_FUZZ=ON build on seed corpora made from tests/data.
#   tests/fuzz/run.sh BUILD_DIR [--time SECONDS] [--ci] [--keep-going] [TARGET...]
# --time        how long each target runs (default 60)
# --keep-going  go on after a crash, a timeout or running out of memory (libFuzzer's fork mode,
#               one child at a time), saving each input
# --ci     the short run of the test command: a fixed seed and a bounded number of runs (each
#          target at most --time seconds), on a fresh corpus, so that every run tries the same inputs
# Without --ci the corpus grows in BUILD_DIR/fuzz/corpus/TARGET from one run to the next.
# A crash, a timeout (one input over 25 s) or running out of memory (2 GB) fails the run; the
# input is saved in BUILD_DIR/fuzz/crashes/TARGET/ (replay: BUILD_DIR/fuzz/TARGET FILE).
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:?usage: tests/fuzz/run.sh BUILD_DIR [--time SECONDS] [--ci] [TARGET...]}
build=$(cd "$build" && pwd)
shift
seconds=60
ci=
keep_going=()
targets=()
while (($#)); do
    case "$1" in
    --time) seconds=$2; shift 2 ;;
    --ci) ci=1; shift ;;
    --keep-going) keep_going=(-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1); shift ;;
    *) targets+=("$1"); shift ;;
    esac
done
((${#targets[@]})) || targets=(fuzz_text fuzz_html fuzz_docx fuzz_pdf)

# Bounded runs for --ci: about 20 s each on one core of the reference machine.
declare -A ci_runs=([fuzz_text]=3000 [fuzz_html]=2000 [fuzz_docx]=10000 [fuzz_pdf]=1000)

data=$here/tests/data
seeds_of() {
    case "$1" in
    fuzz_text) find "$data" -type f \( -name '*.txt' -o -name '*.md' \) ;;
    fuzz_html) find "$data" -type f \( -name '*.html' -o -name '*.htm' \) ;;
    fuzz_docx) find "$data" -type f -name '*.docx' ;;
    fuzz_pdf) find "$data" -type f -name '*.pdf' ;;
    esac
}

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
# the recogniser on one OpenMP thread, as the programs run it (ScanReader::limitRecogniserThreads)
export OMP_THREAD_LIMIT=${OMP_THREAD_LIMIT:-1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$here/tests/sanitizers/lsan.supp:print_suppressions=0}

status=0
for t in "${targets[@]}"; do
    bin=$build/fuzz/$t
    [[ -x "$bin" ]] || { echo "$t: not built (cmake --build $build --target fuzzers)" >&2; exit 2; }
    seeds=$build/fuzz/seeds/$t
    rm -rf "$seeds"
    mkdir -p "$seeds" "$build/fuzz/crashes/$t"
    while read -r f; do
        name=$(basename "$f")
        cp "$f" "$seeds/$name"
        # the main part of each Word file on its own, so that mutations reach the XML reader (not
        # the zip bombs' parts: a seed is at most 1 MB)
        if [[ "$t" == fuzz_docx ]]; then
            python3 - "$f" "$seeds/$name.document.xml" <<'PY' || true
import sys, zipfile
try:
    with zipfile.ZipFile(sys.argv[1]) as z:
        if z.getinfo("word/document.xml").file_size <= 1 << 20:
            open(sys.argv[2], "wb").write(z.read("word/document.xml"))
except Exception:
    pass
PY
        fi
    done < <(seeds_of "$t")
    if [[ -n "$ci" ]]; then
        corpus=$(mktemp -d)
        limits=(-seed=1 -runs="${ci_runs[$t]}")
    else
        corpus=$build/fuzz/corpus/$t
        mkdir -p "$corpus"
        limits=()
    fi
    echo "== $t ($(ls "$seeds" | wc -l) seeds, at most ${seconds}s)"
    log=$build/fuzz/$t.log
    if "$bin" -artifact_prefix="$build/fuzz/crashes/$t/" -timeout=25 -rss_limit_mb=2048 \
        -max_total_time="$seconds" -print_final_stats=1 -print_funcs=0 "${limits[@]}" "${keep_going[@]}" "$corpus" "$seeds" >"$log" 2>&1; then
        grep -E '^#[0-9]+.*(DONE|INITED)|^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb|new_units_added)' "$log" | sed 's/^/    /' || true
        # fork mode: its last progress line, and what it saved
        grep -E '^#[0-9]+: cov:' "$log" | tail -1 | sed 's/^/    /' || true
        grep -E '^(CRASH|INFO: log from the inner process)|Test unit written' "$log" | sed 's/^/    /' || true
    else
        status=1
        echo "$t FAILED; the input is in $build/fuzz/crashes/$t/:" >&2
        grep -E 'ERROR|SUMMARY|runtime error|Test unit written|^    #[0-9]+ ' "$log" | head -40 >&2 || true
    fi
    [[ -n "$ci" ]] && rm -rf "$corpus"
done
exit $status
