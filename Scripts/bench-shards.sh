#!/usr/bin/env bash
# The cost of sharding on this machine: one `ccsim run` of a scenario against the same
# replications in N shards run one after another (each shard is what one node of a
# cluster runs) and their merge; the merged files are checked against the single run's.
# Prints wall seconds (best of ROUNDS), the shards' sum against the single run, the
# merge, the part sizes, and the wall time on N nodes on paper (slowest shard + merge).
# usage: Scripts/bench-shards.sh [SCENARIO=Scenarios/mobile-multiskill.yaml] [REPLICATIONS=1000] [N=10] [ROUNDS=3]
set -euo pipefail
cd "$(dirname "$0")/.."
scenario=${1:-Scenarios/mobile-multiskill.yaml}
replications=${2:-1000}
n=${3:-10}
rounds=${4:-3}
swift build -c release --product ccsim >/dev/null
ccsim=$PWD/.build/release/ccsim
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
seconds() {  # seconds COMMAND…: wall time of one run
  local t0 t1
  t0=$(date +%s.%N); "$@" >/dev/null; t1=$(date +%s.%N)
  awk -v a="$t0" -v z="$t1" 'BEGIN { printf "%.3f", z - a }'
}
best() {  # best COMMAND…: the fastest of ROUNDS runs
  for _ in $(seq "$rounds"); do seconds "$@"; echo; done | sort -g | head -1
}
single=$(best "$ccsim" run "$scenario" --replications "$replications" --threads 1 --out "$work/single" --force)
sum=0 slowest=0
for k in $(seq "$n"); do
  s=$(best "$ccsim" run "$scenario" --replications "$replications" --threads 1 --shard "$k/$n" --out "$work/part-$k" --force)
  sum=$(awk -v a="$sum" -v b="$s" 'BEGIN { print a + b }')
  slowest=$(awk -v a="$slowest" -v b="$s" 'BEGIN { print (b > a ? b : a) }')
done
merge=$(best "$ccsim" merge "$work"/part-* --out "$work/merged" --force)
for file in summary.json intervals.csv agent_groups.csv; do cmp -s "$work/single/$file" "$work/merged/$file" \
  || { echo "merged $file differs from the single run's" >&2; exit 1; }; done
size=$(du -sk "$work/part-1/results.bin" | cut -f1)
echo "$scenario, $replications replications, $n shards, one thread each (wall seconds, best of $rounds)"
printf '%-34s %8s\n' "one run" "$single"
printf '%-34s %8s  (%+.1f %% over one run)\n' "sum of the $n shards" "$sum" "$(awk -v s="$sum" -v o="$single" 'BEGIN { print (s / o - 1) * 100 }')"
printf '%-34s %8s\n' "slowest shard" "$slowest"
printf '%-34s %8s\n' "merge" "$merge"
printf '%-34s %8s  (%.1fx one run)\n' "on $n nodes (slowest shard + merge)" \
  "$(awk -v a="$slowest" -v b="$merge" 'BEGIN { printf "%.3f", a + b }')" \
  "$(awk -v a="$slowest" -v b="$merge" -v o="$single" 'BEGIN { print o / (a + b) }')"
echo "results.bin of a part: ${size} KB; merged files identical to the single run's"
