#!/usr/bin/env bash
# Compares ccsim's Holt-Winters with statsmodels' ExponentialSmoothing on the same daily
# series (a generated history of two years and 10 call types, or the history given):
# installs statsmodels from PyPI into a virtual environment (.build-venv), runs
# `ccsim forecast`, then Scripts/compare-statsmodels.py on its outputs. Prints the
# daily backtest WAPE of both per call type. Not part of the tests.
# usage: Scripts/compare-statsmodels.sh [HISTORY.csv]
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.build-venv
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install -q statsmodels pandas numpy
swift build -c release --product ccsim >/dev/null
ccsim=.build/release/ccsim
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
history=${1:-$work/history.csv}
[ -n "${1:-}" ] || "$ccsim" history --days 730 --call-types 10 --start 2025-01-01 --seed 1 --out "$history"
"$ccsim" forecast "$history" --horizon 28d --calendar Scenarios/forecast/holidays.csv --out "$work/forecast" >/dev/null
"$venv/bin/python" Scripts/compare-statsmodels.py "$work/forecast"
