#!/usr/bin/env bash
# Builds the fuzzers and runs each in turn for a given time.
#
#   Fuzz/run.sh [seconds-per-target] [target...]     targets: content questionnaire screens keys
#
# First every committed regression input (Tests/Fixtures/fuzz/<target>/) is replayed and
# must pass; then the fuzzer runs from the seeds (make-seeds.py) and its own corpus,
# which is kept in Fuzz/work/corpus/<target> between runs. Crashes, hangs (over
# FUZZ_TIMEOUT seconds per input, default 10) and leaks land in Fuzz/work/artifacts/<target>/;
# each run's log is Fuzz/work/logs/<target>.log, its final stats printed at the end.
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(content questionnaire screens keys)

# Two builds. The content fuzzer runs with AddressSanitizer, since the YAML parser it
# drives (the system's libyaml) is C; being a prebuilt library, it is neither instrumented
# for coverage nor checked by ASan inside, but every buffer it hands back is. The questionnaire and screen fuzzers drive Swift code
# with no unsafe pointers, where ASan finds nothing Swift's own checks do not, at a third
# of the speed; they run with the fuzzer's instrumentation only (FUZZ_ASAN=all for ASan).
fuzzer=(-c release -Xswiftc -sanitize=fuzzer -Xcc -fsanitize=fuzzer-no-link -Xswiftc -use-ld=lld)
asan=("${fuzzer[@]}" --sanitize=address)
plain=("${fuzzer[@]}" --scratch-path .build-noasan)
[ "${FUZZ_ASAN:-}" = all ] && plain=("${asan[@]}")
build() {  # build <flags...>: builds, then prints the directory of the binaries
    mkdir -p work/logs
    if ! swift build "$@" >work/logs/build.log 2>&1; then
        grep -v "warning: " work/logs/build.log | tail -20 >&2
        return 1
    fi
    swift build "$@" --show-bin-path
}

# The Swift runtime's crash backtracer, started from libFuzzer's deadly-signal handler,
# never finishes and holds the output open; libFuzzer and ASan print the stack instead.
export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}

rm -rf work/seeds
python3 make-seeds.py work/seeds
status=0
for target in "${targets[@]}"; do
    case $target in
        content) bin=$(build "${asan[@]}") || exit 1 ;;
        *) bin=$(build "${plain[@]}") || exit 1 ;;
    esac
    exe="$bin/fuzz-$target"
    [ -x "$exe" ] || { echo "no such fuzz target: $target" >&2; exit 64; }
    mkdir -p "work/corpus/$target" "work/artifacts/$target" work/logs
    regressions=(../Tests/Fixtures/fuzz/"$target"/*)
    if [ -e "${regressions[0]}" ]; then
        echo "== $target: replaying ${#regressions[@]} regression input(s)"
        "$exe" "${regressions[@]}" >"work/logs/$target-regressions.log" 2>&1 \
            || { echo "regression input fails, see Fuzz/work/logs/$target-regressions.log" >&2; status=1; continue; }
    fi
    options=(-max_total_time="$seconds" -timeout="${FUZZ_TIMEOUT:-10}" -rss_limit_mb=4096 -print_final_stats=1
             -artifact_prefix="work/artifacts/$target/")
    case $target in
        content) options+=(-max_len=65536 -dict=dictionaries/yaml.dict) ;;
        questionnaire) options+=(-max_len=2048) ;;
        screens) options+=(-max_len=1024) ;;
        keys) options+=(-max_len=256) ;;
    esac
    echo "== $target: fuzzing for ${seconds}s"
    if "$exe" "${options[@]}" "work/corpus/$target" "work/seeds/$target" >"work/logs/$target.log" 2>&1; then
        echo "no crash"
    else
        echo "FOUND A PROBLEM: see Fuzz/work/logs/$target.log and Fuzz/work/artifacts/$target/" >&2
        grep -m3 -E "Fatal error|ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|SUMMARY" "work/logs/$target.log" >&2 || true
        status=1
    fi
    grep -E "^#[0-9]+\s+(DONE|INITED)|stat::|Done [0-9]+ runs" "work/logs/$target.log" | tail -12 || true
done
exit $status
