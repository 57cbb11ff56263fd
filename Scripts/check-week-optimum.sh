#!/usr/bin/env bash
# An independent optimum for the single-skill week (docs/month-roster.md, benchmark (a)):
# runs `ccsim roster` on Scenarios/month/single-skill-week.yaml (Erlang requirements),
# with days off together within the week and wrapping Sunday to Monday, then solves the
# same tours from scratch with HiGHS (highspy from PyPI, in .build-venv) on each run's
# coverage.csv, and prints both costs. Not part of the tests.
# usage: Scripts/check-week-optimum.sh   (writes Results/month-week-optimum.txt)
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.build-venv
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install -q highspy
ccsim=.build/release/ccsim
[ -x "$ccsim" ] || swift build -c release --product ccsim >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp Scenarios/month/single-skill-shifts.yaml "$work/within.yaml"
{ cat Scenarios/month/single-skill-shifts.yaml; echo "    days_off_wrap: true"; } > "$work/wrap.yaml"
{
  echo "command: Scripts/check-week-optimum.sh"
  for variant in within wrap; do
    "$ccsim" roster Scenarios/month/single-skill-week.yaml --shifts "$work/$variant.yaml" --erlang-requirements \
      --out "$work/$variant" > "$work/$variant.txt"
    echo "ccsim ($variant): $(grep '^cost' "$work/$variant.txt")"
    "$venv/bin/python" Scripts/check-week-optimum.py "$work/$variant/coverage.csv" $([ "$variant" = wrap ] && echo --wrap) \
      | grep -v -e "^Running HiGHS" -e "^Includes third-party"
  done
} | tee Results/month-week-optimum.txt
