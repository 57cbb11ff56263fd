#!/usr/bin/env bash
# Fuzzes the scenario loader, --set and small simulations with libFuzzer for SECONDS
# (default 600): builds the ccsim-fuzz target instrumented (-sanitize=fuzzer) in its own
# build folder, seeds the corpus from Scenarios/ (each file also once after a --set
# line; shift-template files without their leading comments, so that they start with
# `templates:` and reach the contracts' loader; agents' CSV files) and
# Tests/FuzzRegressions/ (histories, calendars, shift files, agents, parts), and copies every crash or timeout it finds into
# Tests/FuzzRegressions/ (the test suite replays those files). Prints how long it ran
# and what it found.
# usage: Scripts/fuzz.sh [SECONDS=600]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
build=.build-fuzz
swift build -c release --product ccsim-fuzz --scratch-path "$build" \
  -Xswiftc -sanitize=fuzzer -Xswiftc -DFUZZING >/dev/null
corpus=$build/corpus
crashes=$build/crashes
rm -rf "$crashes"
mkdir -p "$corpus" "$crashes"
for file in Scenarios/*/*-shifts.yaml Scenarios/*/shifts.yaml; do
  [ -f "$file" ] && grep -v '^#' "$file" > "$corpus/plain-$(basename "$file")"
done
for file in Scenarios/*/*.csv; do
  [ -f "$file" ] && cp "$file" "$corpus/$(basename "$file")"
done
for file in Scenarios/*.yaml Scenarios/*/*.yaml Tests/FuzzRegressions/*; do
  [ -f "$file" ] || continue
  cp "$file" "$corpus/$(basename "$file")"
  { echo "--set seats=5"; cat "$file"; } > "$corpus/set-$(basename "$file")"
done
start=$(date +%s)
status=0
# Swift's own crash reporter off, so that libFuzzer's handler writes the crashing input.
SWIFT_BACKTRACE=enable=no "$build/release/ccsim-fuzz" "$corpus" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=4096 \
  -max_len=65536 -artifact_prefix="$crashes/" -print_final_stats=1 2> "$build/fuzz.log" || status=$?
elapsed=$(( $(date +%s) - start ))
found=$(find "$crashes" -type f | wc -l)
for artifact in "$crashes"/*; do
  [ -f "$artifact" ] && cp "$artifact" "Tests/FuzzRegressions/$(basename "$artifact")"
done
grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb" "$build/fuzz.log" || true
echo "fuzzed for ${elapsed} s: exit status $status, $found crash or timeout file(s) (copied to Tests/FuzzRegressions/)"
