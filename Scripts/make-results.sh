#!/usr/bin/env bash
# Regenerates everything in Results/ from the example scenarios, with the code as it is:
# for each Scenarios/*.yaml its summary table (.txt), summary.json and CSVs (folder),
# HTML report (.html) and a screenshot of the report (-report.png, needs chromium).
# usage: Scripts/make-results.sh [--with-bench]
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product ccsim >/dev/null
ccsim=.build/release/ccsim
mkdir -p Results
for scenario in Scenarios/*.yaml; do
  name=$(basename "$scenario" .yaml)
  echo "== $name"
  "$ccsim" run "$scenario" --out "Results/$name" --report "Results/$name.html" --force | tee "Results/$name.txt"
  # The report as a person sees it: rendered by headless Chromium (Debian's chromium).
  if command -v chromium >/dev/null; then
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1100,4200 \
      --screenshot="Results/$name-report.png" "file://$PWD/Results/$name.html" 2>/dev/null
  else
    echo "chromium not installed (apt-get install -y chromium): no screenshot of Results/$name.html" >&2
  fi
done
# The seat-expansion request on today's 71 seats: the same scenario with `seats: 71`.
variant=$(mktemp --suffix=.yaml)
sed 's/^seats: 140$/seats: 71/; s/^name: .*/name: Seat expansion on today'"'"'s 71 seats/' \
  Scenarios/seat-expansion.yaml > "$variant"
grep -q '^seats: 71$' "$variant"
"$ccsim" run "$variant" | tee Results/seat-expansion-71-seats.txt
rm -f "$variant"
# The exact Erlang A values the erlang-a-day scenario reduces to.
"$ccsim" erlang a --per-hour 3600 --aht 180 --agents 190 --patience 120 --sl-seconds 20 \
  | tee Results/erlang-a-day-exact.txt
if [ "${1:-}" = --with-bench ]; then
  Scripts/bench.sh 5 | tee Results/benchmark.txt
fi
