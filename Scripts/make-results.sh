#!/usr/bin/env bash
# Regenerates everything in Results/ from the example scenarios, with the code as it is.
# usage: Scripts/make-results.sh [--with-bench]
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product ccsim >/dev/null
ccsim=.build/release/ccsim
mkdir -p Results
for scenario in Scenarios/*.yaml; do
  name=$(basename "$scenario" .yaml)
  echo "== $name"
  "$ccsim" run "$scenario" --out "Results/$name" --force | tee "Results/$name.txt"
done
# The exact Erlang A values the erlang-a-day scenario reduces to.
"$ccsim" erlang a --per-hour 3600 --aht 180 --agents 190 --patience 120 --sl-seconds 20 \
  | tee Results/erlang-a-day-exact.txt
if [ "${1:-}" = --with-bench ]; then
  Scripts/bench.sh 5 | tee Results/benchmark.txt
fi
