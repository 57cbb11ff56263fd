"""An independent optimum for the single-skill week (benchmark (a) of docs/month-roster.md).

The same tours as `ccsim roster` builds, modelled from scratch and solved by HiGHS
(highspy, from PyPI): 5-day tours whose two days off are in a row within the week
(Mon-Tue ... Sat-Sun; with --wrap also Sun+Mon), one 8-hour shift a working day starting
every 30 minutes from 07:00 to 15:00, a 30-minute meal starting 3, 4 or 5 hours into the
shift (ccsim's break positions, every hour of the window), cost 8 per shift. Variables:
tours per days-off pattern, and shifts per (day, start, meal); each day has one shift per
tour working it; each half-hour has at least `required_scheduled` of ccsim's coverage.csv
on the phones. Prints the optimum and ccsim's cost from the same coverage.csv.
usage: python Scripts/check-week-optimum.py COVERAGE.csv [--wrap]
"""
import csv
import sys

import highspy

HALF_HOUR = 1800
STARTS = [7 * 3600 + HALF_HOUR * k for k in range(17)]  # 07:00 ... 15:00
MEALS = [3 * 3600, 4 * 3600, 5 * 3600]
LENGTH, MEAL, COST = 8 * 3600, HALF_HOUR, 8.0


def on_phones(start, meal, interval_start):
    """The share of the half-hour from `interval_start` (seconds into the day) on the phones."""
    def overlap(a, b):
        return max(0.0, min(b, interval_start + HALF_HOUR) - max(a, interval_start))
    return (overlap(start, start + LENGTH) - overlap(start + meal, start + meal + MEAL)) / HALF_HOUR


def patterns(wrap):
    """Days worked (0 Monday ... 6 Sunday) of the allowed week patterns."""
    pairs = [(d, d + 1) for d in range(6)] + ([(6, 0)] if wrap else [])
    return [[d for d in range(7) if d not in pair] for pair in pairs]


def main():
    path, wrap = sys.argv[1], "--wrap" in sys.argv[2:]
    need = {}
    with open(path) as source:
        for row in csv.DictReader(source):
            day = int(row["day"]) - 1
            hours, minutes = map(int, row["time"].split(":"))
            need[(day, hours * 3600 + minutes * 60)] = int(row["required_scheduled"])
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    inf = highspy.kHighsInf
    weeks = patterns(wrap)
    tours = [h.addVariable(lb=0, ub=inf, type=highspy.HighsVarType.kInteger) for _ in weeks]
    shifts = {}
    for day in range(7):
        for start in STARTS:
            for meal in MEALS:
                shifts[(day, start, meal)] = h.addVariable(lb=0, ub=inf, type=highspy.HighsVarType.kInteger, obj=COST)
        worked = [tours[p] for p, days in enumerate(weeks) if day in days]
        h.addConstr(sum(shifts[(day, s, m)] for s in STARTS for m in MEALS) - sum(worked) == 0)
    for (day, t), required in need.items():
        if required <= 0:
            continue
        terms = [(shifts[(day, s, m)], on_phones(s, m, t)) for s in STARTS for m in MEALS]
        h.addConstr(sum(share * var for var, share in terms if share > 0) >= required)
    h.setMinimize()
    h.run()
    optimum = h.getInfo().objective_function_value
    counts = [round(h.val(t)) for t in tours]
    status = h.modelStatusToString(h.getModelStatus())
    print(f"HiGHS {h.version()} ({status}), days off together {'wrapping Sun+Mon' if wrap else 'within Mon-Sun'}: "
          f"cost {optimum:.2f}, {sum(counts)} tours ("
          + ", ".join(f"{n} off {off}" for n, off in zip(counts, days_off(weeks)) if n) + ")")


def days_off(weeks):
    names = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    return ["+".join(names[d] for d in range(7) if d not in days) for days in weeks]


if __name__ == "__main__":
    main()
