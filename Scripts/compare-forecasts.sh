#!/usr/bin/env bash
# Compares ccsim's interval forecasts with Python peers (statsforecast's AutoETS, AutoARIMA
# and MSTL, and Prophet, on daily totals spread by an intraday profile) on three generated
# histories: 24 h at 30 minutes; the same with closed nights left out; 15 minutes for a
# year with closed nights and zero rows left out. Holds out the last 28 days of each as
# actuals and scores interval and daily WAPE, bias, 80 % band coverage by hour and wall
# time. Installs the peers from PyPI into a virtual environment (.build-venv); writes
# Results/forecast-peers.txt. Not part of the tests. Takes some minutes.
# usage: Scripts/compare-forecasts.sh [DAYS]   (days of history before the 28 held out; 730)
set -euo pipefail
cd "$(dirname "$0")/.."
days=${1:-730}
venv=.build-venv
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install -q statsforecast prophet pandas numpy
ccsim=.build/release/ccsim
[ -x "$ccsim" ] || swift build -c release --product ccsim >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p Results
nice -n 10 "$venv/bin/python" Scripts/compare-forecasts.py --ccsim "$ccsim" --days "$days" --work "$work" \
  --command "Scripts/compare-forecasts.sh${1:+ $1}" | tee Results/forecast-peers.txt
