#!/usr/bin/env bash
# The month-roster benchmarks of docs/month-roster.md (issue 15, item 8), whole `ccsim roster`
# processes timed on this machine:
#  (a) one week of a single-skill centre (Erlang A requirements 80/20, 5-day tours with two
#      consecutive days off, one 8-hour shift with a 30-minute meal), GLPK and CBC;
#  (b) a month of mobile-multiskill (three groups, full- and part-time contracts, seats),
#      requirements by simulation, CBC (and GLPK by parts with --with-glpk), then
#      pyworkforce's MinRequiredResources on the same daily requirements (--with-pyworkforce).
# usage: Scripts/bench-month-roster.sh [CCSIM] [--with-glpk] [--with-pyworkforce]
set -euo pipefail
cd "$(dirname "$0")/.."
ccsim=.build/release/ccsim
glpk=0 pyw=0
for arg in "$@"; do
  case $arg in
    --with-glpk) glpk=1 ;;
    --with-pyworkforce) pyw=1 ;;
    *) ccsim=$arg ;;
  esac
done
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
run() {  # label, then the roster arguments
  local label=$1; shift
  local start end
  start=$(date +%s.%N)
  "$ccsim" roster "$@" > "$out/log.txt" 2>&1 || { echo "$label: failed"; tail -3 "$out/log.txt"; return 0; }
  end=$(date +%s.%N)
  printf '%s: %.1f s wall\n' "$label" "$(echo "$end - $start" | bc)"
  grep -E '^  round|^cost|rules broken|keeps its|^contract|time-|part-|full-|five-' "$out/log.txt" | sed 's/^/  /'
}
week=(Scenarios/month/single-skill-week.yaml --shifts Scenarios/month/single-skill-shifts.yaml --erlang-requirements)
run "(a) week, GLPK" "${week[@]}" --solver glpk
run "(a) week, CBC" "${week[@]}" --solver cbc
month=(Scenarios/month/mobile-month.yaml --shifts Scenarios/month/mobile-month-shifts.yaml)
run "(b) month, CBC, requirements by simulation" "${month[@]}" --solver cbc --out "$out/month" --force
if [ $glpk = 1 ]; then run "(b) month, GLPK" "${month[@]}" --solver glpk; fi
if [ $pyw = 1 ] && [ -f "$out/month/coverage.csv" ]; then
  echo "pyworkforce MinRequiredResources on the same daily requirements (no breaks, no rules, no seats):"
  Scripts/compare-pyworkforce.sh "$out/month/coverage.csv" --shift 8.5:08:00-14:00:8.5 --shift 4.5:08:00-17:30:4.5 \
    --max-search-time 60 | sed 's/^/  /'
fi
