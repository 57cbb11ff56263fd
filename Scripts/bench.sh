#!/usr/bin/env bash
# Speed benchmark: ccsim against the hand-written C reference (Benchmarks/cc_ref.c, a
# hand-written reference program) on workloads W1 and W2, in one run on this machine.
# Each program runs W1 and W2 (10 replications of 24 h) `ROUNDS` times, alternating,
# and the best time of each is kept. Prints calls/s of both and their ratio, then
# ccsim's scaling with threads.
# usage: Scripts/bench.sh [ROUNDS=5]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
swift build -c release --product ccsim >/dev/null
ccsim=.build/release/ccsim
ref=$(mktemp -d)/cc_ref
trap 'rm -rf "$(dirname "$ref")"' EXIT
cc -O2 -march=x86-64-v2 -o "$ref" Benchmarks/cc_ref.c -lm

best_ref() {  # best_ref w1|w2 : best wall time of the C reference, and its calls
  local best=999 calls=0
  for _ in $(seq "$rounds"); do
    local t0 t1 out
    t0=$(date +%s.%N); out=$("$ref" "$1" 10); t1=$(date +%s.%N)
    calls=$(printf '%s\n' "$out" | head -1 | sed -n 's/.* calls=\([0-9]*\).*/\1/p')
    best=$(awk -v a="$t0" -v z="$t1" -v b="$best" 'BEGIN { d = z - a; print (d < b) ? d : b }')
  done
  awk -v c="$calls" -v t="$best" 'BEGIN { printf "%.0f", c / t }'
}
best_ccsim() {  # best_ccsim FILE THREADS : calls/s of ccsim bench (best of its repeats)
  "$ccsim" bench "$1" --threads "$2" --repeats "$rounds" | awk 'NR == 2 { print $7 }'
}

printf '%-4s %14s %14s %7s\n' "" "c-ref calls/s" "ccsim calls/s" "ratio"
for w in w1 w2; do
  c=$(best_ref "$w")
  s=$(best_ccsim "Scenarios/bench/$w.yaml" 1)
  printf '%-4s %14s %14s %7.2f\n' "$w" "$c" "$s" "$(awk -v s="$s" -v c="$c" 'BEGIN { print s / c }')"
done
echo
echo "ccsim scaling with threads (W1, 10 replications):"
for t in 1 2; do
  "$ccsim" bench Scenarios/bench/w1.yaml --threads "$t" --repeats "$rounds" | tail -1
done
