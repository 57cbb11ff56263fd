#!/usr/bin/env bash
# Whole-process benchmark: `ccsim run` as a user runs it (parse, simulate, write
# summary.json and the CSVs) on W1 and W2, 10 replications on one thread, against the
# hand-written C reference (Benchmarks/cc_ref.c) in the same run, alternating, best of
# ROUNDS. Prints wall seconds and calls per second of each, and ccsim's share of C's speed.
# An optional second ccsim binary (OTHER) is timed the same way, for before/after figures.
# usage: Scripts/bench-run.sh [ROUNDS=5] [OTHER_CCSIM]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
other=${2:-}
swift build -c release --product ccsim >/dev/null
ccsim=.build/release/ccsim
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cc -O2 -march=x86-64-v2 -o "$work/cc_ref" Benchmarks/cc_ref.c -lm

seconds() {  # seconds COMMAND… : wall time of one run
  local t0 t1
  t0=$(date +%s.%N); "$@" >/dev/null; t1=$(date +%s.%N)
  awk -v a="$t0" -v z="$t1" 'BEGIN { printf "%.4f", z - a }'
}
best() { sort -g | head -1; }

printf '%-4s %-14s %9s %12s %8s\n' "" "program" "wall s" "calls/s" "of C"
for w in w1 w2; do
  calls=$("$work/cc_ref" "$w" 10 | head -1 | sed -n 's/.* calls=\([0-9]*\).*/\1/p')
  : > "$work/c"; : > "$work/s"; : > "$work/o"
  for _ in $(seq "$rounds"); do
    seconds "$work/cc_ref" "$w" 10 >> "$work/c"; echo >> "$work/c"
    seconds "$ccsim" run "Scenarios/bench/$w.yaml" --replications 10 --threads 1 --out "$work/out" --force >> "$work/s"; echo >> "$work/s"
    if [ -n "$other" ]; then
      seconds "$other" run "Scenarios/bench/$w.yaml" --replications 10 --threads 1 --out "$work/out" --force >> "$work/o"; echo >> "$work/o"
    fi
  done
  c=$(best < "$work/c"); s=$(best < "$work/s")
  row() { awk -v n="$calls" -v t="$2" -v c="$c" -v w="$w" -v p="$1" 'BEGIN { printf "%-4s %-14s %9.3f %12.0f %8.2f\n", w, p, t, n / t, c / t }'; }
  row c-reference "$c"
  row ccsim-run "$s"
  [ -n "$other" ] && row "$(basename "$other")-run" "$(best < "$work/o")"
done
