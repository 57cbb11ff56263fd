#!/usr/bin/env bash
# Runs pyworkforce's MinRequiredResources (CP-SAT shift scheduling, from PyPI) on a CSV of
# staffing requirements — `date,time,group,required` per interval and agent group, such as
# the staffing.csv of `ccsim roster --out` — and prints per group the shifts, their cost,
# bounds and the wall time, for comparison with ccsim's integer-program roster. Creates or
# reuses the virtual environment .build-venv-pyw at the repository's root and installs
# pyworkforce there (PYWORKFORCE_VERSION, 0.5.1 by default: the newest for Python 3.11).
# Not part of the tests. Options: see Scripts/compare-pyworkforce.py --help.
# usage: Scripts/compare-pyworkforce.sh REQUIREMENTS.csv --shift 8.5:08:00-14:00:8.5 \
#          [--shift 4.5:08:00-18:00:4.5] [--interval-minutes 30] [--group NAME] \
#          [--max-search-time 60] [--workers 2] [--per-day] [--json]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
venv=$root/.build-venv-pyw
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv" || {
    echo "error: python3 -m venv failed (on Debian: apt-get install python3-venv)" >&2
    exit 1
  }
fi
if ! "$venv/bin/python" -c "import pyworkforce" 2>/dev/null; then
  "$venv/bin/pip" install -q "pyworkforce==${PYWORKFORCE_VERSION:-0.5.1}" >&2
fi
exec "$venv/bin/python" "$root/Scripts/compare-pyworkforce.py" "$@"
