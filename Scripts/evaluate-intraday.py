"""How much `ccsim intraday` improves the rest of the day: a generated two-year history
(`ccsim history`'s default, 10 call types), forecast 28 days ahead; on each of those
days, the export up to UPDATE_AT is given to `ccsim intraday` (--cv: the median of the
forecast's busyness CVs, as the scenario's), and the rest of the day's calls are scored
against what happened, before and after the update: WAPE of the call types' remaining
totals and of their intervals, and the share of intervals inside the 80 % bands.
Standard library only. usage: python3 Scripts/evaluate-intraday.py [UPDATE_AT=12:00]
"""
import collections
import datetime
import json
import os
import subprocess
import sys
import tempfile

CCSIM = os.path.join(os.path.dirname(__file__), "..", ".build", "release", "ccsim")
CALENDAR = os.path.join(os.path.dirname(__file__), "..", "Scenarios", "forecast", "holidays.csv")


def run(*args):
    done = subprocess.run([CCSIM, *args], capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"ccsim {' '.join(args)}: {done.stderr}")
    return done.stdout


def read(path):
    """{(start, call_type): (offered, low, high)} of a CSV with those columns."""
    rows = {}
    for line in open(path).read().splitlines()[1:]:
        cells = line.split(",")
        rows[(cells[0], cells[1])] = tuple(float(c) if c else 0.0 for c in cells[2:5])
    return rows


def main():
    at = sys.argv[1] if len(sys.argv) > 1 else "12:00"
    work = tempfile.mkdtemp()
    full, history = f"{work}/full.csv", f"{work}/history.csv"
    run("history", "--days", "758", "--start", "2025-01-01", "--seed", "1", "--out", full)
    lines = open(full).read().splitlines()
    open(history, "w").write("\n".join([lines[0]] + [l for l in lines[1:] if l < "2027-01-01"]) + "\n")
    summary = json.loads(run("forecast", history, "--calendar", CALENDAR, "--out", f"{work}/forecast", "--json"))
    cvs = sorted(c["busyness_cv"] for c in summary["call_types"].values())
    cv = cvs[len(cvs) // 2]
    actual = collections.defaultdict(float)
    for line in lines[1:]:
        start, call_type, offered = line.split(",")[:3]
        if start >= "2027-01-01":
            actual[(start, call_type)] += float(offered)
    forecast = read(f"{work}/forecast/forecast.csv")
    totals = {"forecast": 0.0, "updated": 0.0}
    intervals = {"forecast": 0.0, "updated": 0.0}
    inside = {"forecast": 0, "updated": 0}
    calls = 0.0
    banded = 0
    for d in range(28):
        day = str(datetime.date(2027, 1, 1) + datetime.timedelta(days=d))
        morning = [lines[0]] + [l for l in lines[1:] if l.startswith(day) and l[11:16] < at]
        open(f"{work}/morning.csv", "w").write("\n".join(morning) + "\n")
        run("intraday", f"{work}/forecast/forecast.csv", f"{work}/morning.csv", "--cv", str(cv), "--at", at,
            "--out", f"{work}/update", "--force")
        updated = read(f"{work}/update/intraday.csv")
        sums = collections.defaultdict(lambda: [0.0, 0.0, 0.0])
        for key, (value, low, high) in updated.items():
            a = actual.get(key, 0.0)
            before = forecast[key]
            sums[key[1]][0] += a
            sums[key[1]][1] += before[0]
            sums[key[1]][2] += value
            intervals["forecast"] += abs(a - before[0])
            intervals["updated"] += abs(a - value)
            if before[2] > 0:
                banded += 1
                inside["forecast"] += before[1] <= a <= before[2]
                inside["updated"] += low <= a <= high
            calls += a
        for a, before, after in sums.values():
            totals["forecast"] += abs(a - before)
            totals["updated"] += abs(a - after)
    print(f"ccsim intraday at {at} on the 28 days after a two-year history (10 call types, seed 1), --cv {cv:.3f} "
          f"(the median busyness CV); {calls:.0f} calls after {at}")
    print(f"{'':<22}{'remaining totals WAPE %':>24}{'interval WAPE %':>17}{'in 80 % band %':>16}")
    for name in ("forecast", "updated"):
        label = "forecast" if name == "forecast" else f"updated at {at}"
        print(f"{label:<22}{100 * totals[name] / calls:>24.1f}{100 * intervals[name] / calls:>17.1f}"
              f"{100 * inside[name] / banded:>16.1f}")


if __name__ == "__main__":
    main()
