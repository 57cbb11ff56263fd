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
# The city hotline's staffing with day types and opening hours: nobody asked for while closed.
"$ccsim" staff Scenarios/city-hotline.yaml --replications 5 --out Results/city-hotline-staff --force \
  | tee Results/city-hotline-staff.txt
# The planner's cycle on a generated history (two years, three call types): history →
# forecast (a week, with the centre of Scenarios/forecast/base.yaml) → staff → roster.
history_dir=$(mktemp -d)
"$ccsim" history --days 730 --call-types 3 --start 2025-01-01 --seed 7 --out "$history_dir/history.csv"
"$ccsim" forecast "$history_dir/history.csv" --horizon 7d --calendar Scenarios/forecast/holidays.csv \
  --base Scenarios/forecast/base.yaml --out Results/forecast --force | tee Results/forecast.txt
rm -rf "$history_dir"
if command -v chromium >/dev/null; then
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1100,2400 \
    --screenshot=Results/forecast-report.png "file://$PWD/Results/forecast/report.html" 2>/dev/null
fi
"$ccsim" staff Results/forecast/scenario.yaml --out Results/forecast-staff --force | tee Results/forecast-staff.txt
"$ccsim" roster Results/forecast/scenario.yaml --shifts Scenarios/forecast/shifts.yaml --out Results/forecast-roster --force \
  | tee Results/forecast-roster.txt
# A real export's shape: a centre open 07:00-22:00, 15-minute rows, no row without a
# call, starts with +08:00; the last four weeks held out, then scored with `accuracy`.
export_dir=$(mktemp -d)
"$ccsim" history --days 428 --call-types 3 --interval 15m --start 2025-01-01 --seed 7 --open 07:00-22:00 \
  --omit-zero-rows --utc-offset +08:00 --out "$export_dir/export.csv"
awk -F, 'NR == 1 || $1 < "2026-02-05"' "$export_dir/export.csv" > "$export_dir/history.csv"
"$ccsim" forecast "$export_dir/history.csv" --horizon 28d --calendar Scenarios/forecast/dates.csv \
  --out Results/forecast-export --force | tee Results/forecast-export.txt
"$ccsim" accuracy Results/forecast-export/forecast.csv "$export_dir/export.csv" --out Results/forecast-export/accuracy --force \
  | tee Results/forecast-export/accuracy.txt
rm -rf "$export_dir"
# The seat-expansion request on today's 71 seats: the same scenario with `seats: 71`.
variant=$(mktemp --suffix=.yaml)
sed 's/^seats: 140$/seats: 71/; s/^name: .*/name: Seat expansion on today'"'"'s 71 seats/' \
  Scenarios/seat-expansion.yaml > "$variant"
grep -q '^seats: 71$' "$variant"
"$ccsim" run "$variant" | tee Results/seat-expansion-71-seats.txt
rm -f "$variant"
# The seat-expansion request answered with `ccsim capacity`, after the move
# (the file as written) and next quarter (its variant): the fewest IVR ports keeping IVR
# blocking at most 1% in every interval, then, with those ports, the fewest seats that
# seat every rostered agent, and the fewest that hold 80% service over the day.
mkdir -p Results/seat-request
screenshot() {  # screenshot FILE.html [PNG]: the report as headless Chromium renders it (default FILE.png)
  if command -v chromium >/dev/null; then
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1100,2400 \
      --screenshot="${2:-${1%.html}.png}" "file://$PWD/$1" 2>/dev/null
  fi
}
for period in march next-quarter; do
  variant=(); [ "$period" = next-quarter ] && variant=(--variant next_quarter)
  out=Results/seat-request/$period
  "$ccsim" capacity Scenarios/seat-expansion.yaml "${variant[@]}" --resource ivr_ports \
    --target 'ivr_blocked_fraction<=0.01' --over interval --json > "$out-ivr-ports.json"
  ports=$(sed -n 's/^  "smallest" : \([0-9]*\),*$/\1/p' "$out-ivr-ports.json")
  "$ccsim" capacity Scenarios/seat-expansion.yaml "${variant[@]}" --resource ivr_ports \
    --target 'ivr_blocked_fraction<=0.01' --over interval | tee "$out-ivr-ports.txt"
  "$ccsim" capacity Scenarios/seat-expansion.yaml "${variant[@]}" --set "ivr.ports=$ports" --resource seats \
    --target 'seat_lost_agent_minutes<=0' --over day --report "$out-seats.html" --force | tee "$out-seats.txt"
  screenshot "$out-seats.html"
  "$ccsim" capacity Scenarios/seat-expansion.yaml "${variant[@]}" --set "ivr.ports=$ports" --resource seats \
    --target 'service_level>=0.8' --over day | tee "$out-seats-service.txt"
done
# What-if examples: the next quarter against today, and a sweep of seat counts.
"$ccsim" compare Scenarios/seat-expansion.yaml --variants base,next_quarter \
  --report Results/seat-request/compare-next-quarter.html --force | tee Results/seat-request/compare-next-quarter.txt
screenshot Results/seat-request/compare-next-quarter.html
"$ccsim" sweep Scenarios/seat-expansion.yaml --vary seats=80..150:10 --vary ivr.ports=10..20:10 \
  --out Results/seat-request/sweep-seats-ports.csv --report Results/seat-request/sweep-seats-ports.html --force \
  | tee Results/seat-request/sweep-seats-ports.txt
# Staffing requirements and a roster for the multi-skill example, checked by simulation.
mkdir -p Results/roster
"$ccsim" staff Scenarios/mobile-multiskill.yaml --out Results/roster/mobile-multiskill-requirements --force \
  | tee Results/roster/mobile-multiskill-requirements.txt
"$ccsim" roster Scenarios/mobile-multiskill.yaml --shifts Scenarios/shifts/mobile-shifts.yaml \
  --out Results/roster/mobile-multiskill --force | tee Results/roster/mobile-multiskill.txt
# (the screenshot beside the output folder: --force replaces only folders holding what ccsim wrote)
screenshot Results/roster/mobile-multiskill/report.html Results/roster/mobile-multiskill-report.png
"$ccsim" run Results/roster/mobile-multiskill/roster.yaml | tee Results/roster/mobile-multiskill-rerun.txt
# The same with stricter rules for an interval's target: its mean, its whole 95% interval.
for rule in mean confident; do
  "$ccsim" roster Scenarios/mobile-multiskill.yaml --shifts Scenarios/shifts/mobile-shifts.yaml --target-rule "$rule" \
    --max-repairs 20 | tee "Results/roster/mobile-multiskill-$rule.txt"
done
# A week's tours for named agents, and a month of the multi-skill centre on contracts
# (docs/month-roster.md): Erlang requirements, one repair round.
mkdir -p Results/month
"$ccsim" roster Scenarios/month/single-skill-week.yaml --shifts Scenarios/month/single-skill-shifts.yaml \
  --agents Scenarios/month/single-skill-agents.csv --erlang-requirements --out Results/month/single-skill-week --force \
  | tee Results/month/single-skill-week.txt
"$ccsim" roster Scenarios/month/mobile-month.yaml --shifts Scenarios/month/mobile-month-shifts.yaml --erlang-requirements \
  --max-repairs 1 --out Results/month/mobile-month --force | tee Results/month/mobile-month.txt
screenshot Results/month/single-skill-week/report.html Results/month/single-skill-week-report.png
"$ccsim" run Results/month/mobile-month/roster.yaml | tee Results/month/mobile-month-rerun.txt
# The exact Erlang A values the erlang-a-day scenario reduces to.
"$ccsim" erlang a --per-hour 3600 --aht 180 --agents 190 --patience 120 --sl-seconds 20 \
  | tee Results/erlang-a-day-exact.txt
if [ "${1:-}" = --with-bench ]; then
  Scripts/bench.sh 5 | tee Results/benchmark.txt
  Scripts/bench-run.sh 7 | tee Results/benchmark-run.txt
fi
