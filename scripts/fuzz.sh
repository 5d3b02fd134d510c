#!/usr/bin/env bash
# Builds the libFuzzer targets (Tests/Fuzz) with -sanitize=fuzzer,address into .build-fuzz and runs each
# for FUZZ_SECONDS (default 180) from its seed corpus, Tests/Fuzz/corpus/TARGET; new inputs go to
# .build-fuzz/corpus/TARGET, a crashing input to .build-fuzz/artifacts/TARGET/. Prints each target's
# executions per second and coverage (libFuzzer's cov: edges, ft: features), and exits 1 if any crashed.
# Leak detection is off: Swift's lazily made globals and Foundation's caches look like leaks to
# LeakSanitizer; AddressSanitizer's checks of every memory access stay on.
#
#   scripts/fuzz.sh [TARGET...]            run the targets (default: all)
#   scripts/fuzz.sh --replay [TARGET...]   run each target once over Tests/Fuzz/crashes/TARGET/*
#   FUZZ_KEEP_GOING=1 scripts/fuzz.sh ...  go on past crashes for the whole time (libFuzzer's fork mode)
set -uo pipefail
cd "$(dirname "$0")/.."
ALL="FuzzCSVReader FuzzEncodingDetector FuzzQuestionnaireLoader FuzzWjxExport FuzzResourceSettings FuzzMonitoringSettings FuzzXLSReader FuzzPlanLoader"
replay=0
if [ "${1:-}" = "--replay" ]; then replay=1; shift; fi
targets="${*:-$ALL}"
seconds="${FUZZ_SECONDS:-180}"
scratch=.build-fuzz
export ASAN_OPTIONS="detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
# Swift's own crash backtracer hangs under AddressSanitizer; libFuzzer and ASan print the stack instead.
export SWIFT_BACKTRACE=enable=no
# SwiftPM's --sanitize=fuzzer links libFuzzer's main (and leaves the target's entry point alone); the
# -Xswiftc flag is what instruments the Swift code for coverage, which --sanitize alone does not do.
build() {
    JUNHENG_FUZZ=1 swift build -c release --scratch-path "$scratch" --product "$1" \
        --sanitize=fuzzer --sanitize=address -Xswiftc -sanitize=fuzzer,address 2>&1 | grep -E "error|Build" | tail -1
}
failed=()
summary=()
for target in $targets; do
    build "$target" || { failed+=("$target (build)"); continue; }
    binary="$scratch/release/$target"
    [ -x "$binary" ] || { failed+=("$target (build)"); continue; }
    if [ "$replay" = 1 ]; then
        inputs=(Tests/Fuzz/crashes/"$target"/*)
        [ -e "${inputs[0]}" ] || continue
        for input in "${inputs[@]}"; do
            if "$binary" "$input" >/dev/null 2>&1; then echo "fixed:   $input"; else echo "crashes: $input"; failed+=("$input"); fi
        done
        continue
    fi
    rm -rf "$scratch/artifacts/$target"
    mkdir -p "$scratch/corpus/$target" "$scratch/artifacts/$target"
    log="$scratch/$target.log"
    echo "fuzzing $target for ${seconds}s"
    keep_going=()
    # FUZZ_KEEP_GOING=1: go on past crashes (libFuzzer's fork mode), collecting each in artifacts/.
    [ "${FUZZ_KEEP_GOING:-0}" = 1 ] && keep_going=(-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
    "$binary" "${keep_going[@]}" "$scratch/corpus/$target" "Tests/Fuzz/corpus/$target" -max_total_time="$seconds" -max_len=4096 \
        -timeout=10 -rss_limit_mb=2048 -detect_leaks=0 -print_final_stats=1 \
        -artifact_prefix="$scratch/artifacts/$target/" >"$log" 2>&1
    status=$?
    runs=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" | tail -1 | grep -Eo '[0-9]+$')
    speed=$(grep -Eo 'stat::average_exec_per_sec: *[0-9]+' "$log" | tail -1 | grep -Eo '[0-9]+$')
    if [ -z "$runs" ]; then  # fork mode: the last progress line
        runs=$(grep -Eo '^#[0-9]+' "$log" | tail -1 | tr -d '#')
        speed=$(grep -Eo 'exec/s:? [0-9]+' "$log" | tail -1 | grep -Eo '[0-9]+$')
    fi
    crashes=$(ls "$scratch/artifacts/$target" 2>/dev/null | grep -c '^crash-')
    coverage=$(grep -Eo 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -1)
    summary+=("$(printf '%-26s %10s runs %7s exec/s   %-22s %s crash input(s)' "$target" "${runs:-?}" "${speed:-?}" \
        "${coverage:-?}" "$crashes")")
    if [ "$status" != 0 ] || [ "$crashes" != 0 ]; then
        failed+=("$target")
        grep -E "ERROR: |SUMMARY: |Fatal error|Test unit written" "$log" | head -5
    fi
done
if [ ${#summary[@]} -gt 0 ]; then
    echo "target                           executions   speed     coverage (edges, features)"
    printf '%s\n' "${summary[@]}"
fi
if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzz: failed: ${failed[*]} (logs and inputs under $scratch/)" >&2
    exit 1
fi
echo "fuzz: no crash"
