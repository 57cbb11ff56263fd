"""pyworkforce's MinRequiredResources (CP-SAT shift scheduling) on ccsim's staffing requirements.

Reads a CSV of requirements per date, interval and agent group (ccsim's `staffing.csv`
from `ccsim roster --out` fits: its `agent_group` column stands for `group`; a row whose
`date` is empty takes its `day` column) and, for each group on its own (pyworkforce has
one resource type), asks pyworkforce for the least-cost number of shifts per day and
start that puts at least `required` agents in every interval. Prints per group the
solver's status, the shifts, their cost, a lower bound and the wall time, then totals;
`--json` prints one JSON object instead. Not a test dependency: run it through
Scripts/compare-pyworkforce.sh, which installs pyworkforce into .build-venv-pyw.

pyworkforce's model, and so this comparison, has no breaks, meals or briefings: a shift
counts as on the phones in every interval from its start for its whole length. Each day
is solved on its own periods (no shift crosses midnight: one that would run past the
last interval is cut there, at its full cost), there are no seats and no minimum or
maximum counts per template. pyworkforce puts all the days into one CP-SAT model; as
the days do not interact, `--per-day` solves one model per day instead (each with the time
limit), which proves optimality much sooner on large inputs.

usage: compare-pyworkforce.py REQUIREMENTS.csv [--interval-minutes 30]
       [--shift LENGTH_HOURS:FIRST_START-LAST_START:COST ...] [--group NAME ...]
       [--max-search-time 60] [--workers 2] [--per-day] [--json]
"""
import argparse
import csv
import json
import math
import re
import sys
import time
from fractions import Fraction


def fail(message):
    print(f"error: {message}", file=sys.stderr)
    sys.exit(1)


def clock(text):
    """Minutes since midnight of HH:MM (or H:MM), or None."""
    match = re.fullmatch(r"\s*(\d{1,2}):(\d{2})\s*", text)
    if not match:
        return None
    hours, minutes = int(match.group(1)), int(match.group(2))
    if hours > 23 or minutes > 59:
        return None
    return 60 * hours + minutes


def hhmm(minutes):
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def positive_number(text, what):
    try:
        value = Fraction(text.strip())
    except (ValueError, ZeroDivisionError):
        fail(f"{what}: '{text}' is not a number")
    if value <= 0:
        fail(f"{what}: '{text}' must be greater than 0")
    return value


def parse_shift(spec, interval):
    """LENGTH_HOURS:FIRST_START-LAST_START:COST (or LENGTH_HOURS:START:COST) →
    (length in minutes, [start minutes], cost as a Fraction)."""
    what = f"--shift '{spec}'"
    match = re.fullmatch(r"([^:]+):(\d{1,2}:\d{2})(?:-(\d{1,2}:\d{2}))?:([^:]+)", spec.strip())
    if not match:
        fail(f"{what}: expected LENGTH_HOURS:FIRST_START-LAST_START:COST, e.g. 8.5:08:00-14:00:8.5")
    length_hours = positive_number(match.group(1), f"{what}: length")
    cost = positive_number(match.group(4), f"{what}: cost")
    length = length_hours * 60
    if length.denominator != 1 or int(length) % interval != 0:
        fail(f"{what}: length {match.group(1)} h is not a whole number of {interval}-minute intervals")
    first, last = clock(match.group(2)), clock(match.group(3) or match.group(2))
    if first is None or last is None:
        fail(f"{what}: start times must be HH:MM between 00:00 and 23:59")
    if last < first:
        fail(f"{what}: last start {hhmm(last)} is before the first {hhmm(first)}")
    if (last - first) % interval != 0:
        fail(f"{what}: {hhmm(first)} to {hhmm(last)} is not a whole number of {interval}-minute intervals")
    return int(length), list(range(first, last + 1, interval)), cost


def read_requirements(path):
    """{(day key, minutes, group): (required, line)}, day labels by key, notes."""
    try:
        handle = open(path, newline="", encoding="utf-8-sig")
    except OSError as error:
        fail(f"{path}: {error.strerror}")
    with handle:
        reader = csv.reader(handle)
        try:
            header = next(reader, None)
        except csv.Error as error:
            fail(f"{path}, line 1: {error}")
        if header is None:
            fail(f"{path}: the file is empty (expected a header with date,time,group,required)")
        header = [name.strip() for name in header]
        group_column = "group" if "group" in header else "agent_group" if "agent_group" in header else None
        missing = [name for name in ("date", "time", "required") if name not in header]
        if group_column is None:
            missing.insert(2, "group")
        if missing:
            fail(f"{path}, line 1: the header lacks column(s) {', '.join(missing)} "
                 f"(it has: {', '.join(header) or 'nothing'})")
        at = {name: header.index(name) for name in ("date", "time", "required")}
        at["group"] = header.index(group_column)
        day_at = header.index("day") if "day" in header else None
        width = max(at.values()) + 1
        rows, day_labels, rounded = {}, {}, 0
        try:
            for fields in reader:
                line = reader.line_num
                if not fields or all(not field.strip() for field in fields):
                    continue
                if len(fields) < width:
                    fail(f"{path}, line {line}: {len(fields)} fields, the header has {len(header)}")
                date = fields[at["date"]].strip()
                if date:
                    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
                        fail(f"{path}, line {line}: date '{date}' is not YYYY-MM-DD")
                    key = (0, date)
                    day_labels[key] = date
                elif day_at is not None and len(fields) > day_at and fields[day_at].strip().isdigit():
                    day = int(fields[day_at].strip())
                    key = (1, day)
                    day_labels[key] = f"day {day}"
                else:
                    fail(f"{path}, line {line}: the date is empty")
                minutes = clock(fields[at["time"]])
                if minutes is None:
                    fail(f"{path}, line {line}: time '{fields[at['time']].strip()}' is not HH:MM")
                group = fields[at["group"]].strip()
                if not group:
                    fail(f"{path}, line {line}: the group is empty")
                text = fields[at["required"]].strip()
                try:
                    value = float(text)
                except ValueError:
                    fail(f"{path}, line {line}: required '{text}' is not a number")
                if not math.isfinite(value) or value < 0:
                    fail(f"{path}, line {line}: required '{text}' must be a finite number ≥ 0")
                if value > 1e7:
                    fail(f"{path}, line {line}: required '{text}' is more than 10,000,000 agents")
                required = math.ceil(value - 1e-9)
                rounded += required != value
                cell = (key, minutes, group)
                if cell in rows:
                    fail(f"{path}, line {line}: {day_labels[key]} {hhmm(minutes)} {group} "
                         f"is given already on line {rows[cell][1]}")
                rows[cell] = (required, line)
        except csv.Error as error:
            fail(f"{path}, line {reader.line_num}: {error}")
    if not rows:
        fail(f"{path}: no requirement rows after the header")
    return rows, day_labels, rounded


def main():
    parser = argparse.ArgumentParser(
        description="pyworkforce MinRequiredResources on a requirements CSV (date,time,group,required).",
        formatter_class=argparse.ArgumentDefaultsHelpFormatter)
    parser.add_argument("csv", help="requirements: columns date,time,group (or agent_group),required; others ignored")
    parser.add_argument("--interval-minutes", type=int, default=30)
    parser.add_argument("--shift", action="append", default=[], metavar="LENGTH_HOURS:FIRST_START-LAST_START:COST",
                        help="shift template, starting every interval from FIRST_START to LAST_START (repeatable)")
    parser.add_argument("--group", action="append", default=[], metavar="NAME",
                        help="agent group to solve (repeatable; default every group in the CSV)")
    parser.add_argument("--max-search-time", type=float, default=60.0, help="CP-SAT time limit per group (with --per-day: per group and day), seconds")
    parser.add_argument("--workers", type=int, default=2, help="CP-SAT search workers")
    parser.add_argument("--per-day", action="store_true",
                        help="one pyworkforce model per day (the days are independent), each with the time limit")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()

    interval = args.interval_minutes
    if interval <= 0 or 1440 % interval != 0:
        fail(f"--interval-minutes {interval}: must divide a day (e.g. 15, 30, 60)")
    if not args.shift:
        fail("give at least one --shift LENGTH_HOURS:FIRST_START-LAST_START:COST, e.g. --shift 8:07:00-15:00:8")
    if not math.isfinite(args.max_search_time) or args.max_search_time <= 0:
        fail("--max-search-time must be a number of seconds greater than 0")
    if args.workers < 1:
        fail("--workers must be at least 1")

    rows, day_labels, rounded = read_requirements(args.csv)
    days = sorted(day_labels)
    times = sorted({minutes for _, minutes, _ in rows})
    groups_in_file = sorted({group for _, _, group in rows})
    for minutes in times:
        if (minutes - times[0]) % interval != 0:
            fail(f"{args.csv}: time {hhmm(minutes)} is not on the {interval}-minute grid from {hhmm(times[0])}")
    groups = list(dict.fromkeys(args.group)) or groups_in_file
    unknown = [group for group in groups if group not in groups_in_file]
    if unknown:
        fail(f"group(s) {', '.join(unknown)} not in {args.csv} (it has: {', '.join(groups_in_file)})")
    day_end = times[-1] + interval

    # Shift templates → pyworkforce's coverage rows (1 where the shift is on in a period).
    shifts = []  # (name, start, length, cost, coverage)
    truncated = dropped = 0
    for spec in args.shift:
        length, starts, cost = parse_shift(spec, interval)
        for start in starts:
            if (start - times[0]) % interval != 0:
                fail(f"--shift '{spec}': start {hhmm(start)} is not on the {interval}-minute grid of "
                     f"the CSV's times ({hhmm(times[0])}, {hhmm(times[0] + interval)}, …)")
            coverage = [1 if start <= minutes and minutes + interval <= start + length else 0 for minutes in times]
            if not any(coverage):
                dropped += 1
                continue
            truncated += start + length > day_end
            name = f"{len(shifts)}:{length / 60:g}h@{hhmm(start)}"
            shifts.append((name, start, length, cost, coverage))
    if not shifts:
        fail(f"no shift start covers any interval of the CSV ({hhmm(times[0])} to {hhmm(day_end)})")
    # CP-SAT wants whole-number costs: scale them by the common denominator.
    scale = math.lcm(*(cost.denominator for *_, cost, _ in shifts))
    if scale > 10**6:
        fail("shift costs need more than 6 decimals")

    import ortools
    import pyworkforce
    from ortools.sat.python import cp_model
    from pyworkforce.scheduling import MinRequiredResources

    notes = [
        "pyworkforce models no breaks, meals or briefings: a shift is on the phones every interval of its length",
        "each day is solved on its own periods; shifts cannot cross midnight",
    ]
    if truncated:
        notes.append(f"{truncated} shift start(s) run past the last interval's end {hhmm(day_end)}: "
                     f"cut there, at full cost")
    if dropped:
        notes.append(f"{dropped} shift start(s) cover no interval of the CSV and are left out")
    if rounded:
        notes.append(f"{rounded} fractional requirement(s) rounded up to whole agents")

    results = []
    for group in groups:
        required = [[rows.get((day, minutes, group), (0, 0))[0] for minutes in times] for day in days]
        total_required = sum(map(sum, required))
        peak = max(max(day) for day in required)
        # Lower bound: every required agent-interval needs a shift-interval, bought at best
        # at the cheapest cost per covered interval (the LP bound of a one-period relaxation).
        per_interval = min(cost / sum(coverage) for *_, cost, coverage in shifts)
        lower_bound = float(total_required * per_interval)
        result = {"group": group, "required_agent_intervals": total_required, "peak_required": peak,
                  "required_agent_hours": total_required * interval / 60, "lower_bound": lower_bound}
        uncovered = next(((d, p) for d in range(len(days)) for p in range(len(times))
                          if required[d][p] > 0 and not any(s[4][p] for s in shifts)), None)
        if uncovered:
            d, p = uncovered
            result.update(status="INFEASIBLE", shifts=None, cost=None, wall_seconds=0.0,
                          reason=f"no shift covers {hhmm(times[p])} ({day_labels[days[d]]}: {required[d][p]} required)")
            results.append(result)
            continue
        coverage_dict = {name: coverage for name, *_, coverage in shifts}
        cost_dict = {name: int(cost * scale) for name, _, _, cost, _ in shifts}
        # One pyworkforce model for all days (as pyworkforce is meant to be used), or with
        # --per-day one model per day, each with the time limit.
        batches = [list(range(len(days)))] if not args.per_day else [[d] for d in range(len(days))]
        statuses, entries, bound, solver_wall = [], [], 0.0, 0.0
        started = time.perf_counter()
        for batch in batches:
            batch_required = [required[d] for d in batch]
            scheduler = MinRequiredResources(
                num_days=len(batch),
                periods=len(times),
                shifts_coverage=coverage_dict,
                required_resources=batch_required,
                # Never binding at an optimum: a least-cost roster (costs > 0) has no shift
                # more often than the peak requirement (one fewer would still cover), and no
                # interval with more agents than the requirements add up to.
                max_period_concurrency=max(1, sum(map(sum, batch_required))),
                max_shift_concurrency=max(1, max(max(day) for day in batch_required)),
                cost_dict=cost_dict,
                max_search_time=float(args.max_search_time),
                num_search_workers=args.workers,
            )
            # pyworkforce 0.5.1 stores num_search_workers on the solver object, not in its
            # parameters, so CP-SAT would use every core; set it where CP-SAT reads it.
            scheduler.solver.parameters.num_workers = args.workers
            solution = scheduler.solve()
            statuses.append(solution["status"])
            solver_wall += scheduler.solver.wall_time
            if solution["status"] not in ("OPTIMAL", "FEASIBLE"):
                break
            bound += scheduler.solver.best_objective_bound / scale
            entries += [(batch[entry["day"]], entry["shift"], entry["resources"])
                        for entry in solution["resources_shifts"]]
        wall = time.perf_counter() - started
        failed = [status for status in statuses if status not in ("OPTIMAL", "FEASIBLE")]
        status = failed[0] if failed else "FEASIBLE" if "FEASIBLE" in statuses else "OPTIMAL"
        result.update(status=status, wall_seconds=wall, solver_wall_seconds=solver_wall)
        if args.per_day:
            result["days_optimal"] = statuses.count("OPTIMAL")
        if not failed:
            by_name = {name: (start, length, cost) for name, start, length, cost, _ in shifts}
            per_day = [{"date": day_labels[day], "shifts": 0, "cost": 0.0} for day in days]
            assignments = []
            total_shifts, total_cost, paid_minutes = 0, Fraction(0), 0
            for d, name, count in entries:
                if count == 0:
                    continue
                start, length, cost = by_name[name]
                total_shifts += count
                total_cost += count * cost
                paid_minutes += count * length
                per_day[d]["shifts"] += count
                per_day[d]["cost"] += float(count * cost)
                assignments.append({"date": day_labels[days[d]], "start": hhmm(start),
                                    "hours": length / 60, "cost": float(cost), "count": count})
            best_bound = max(bound, lower_bound)
            result.update(shifts=total_shifts, cost=float(total_cost), paid_hours=paid_minutes / 60,
                          solver_bound=bound,
                          gap=max(0.0, (float(total_cost) - best_bound) / float(total_cost)) if total_cost else 0.0,
                          per_day=per_day, assignments=assignments)
        else:
            result.update(shifts=None, cost=None)
        results.append(result)

    solved = [r for r in results if r["status"] in ("OPTIMAL", "FEASIBLE")]
    totals = {
        "groups": len(results),
        "solved": len(solved),
        "optimal": sum(r["status"] == "OPTIMAL" for r in results),
        "shifts": sum(r["shifts"] for r in solved),
        "cost": sum(r["cost"] for r in solved),
        "paid_hours": sum(r["paid_hours"] for r in solved),
        "lower_bound": sum(r["lower_bound"] for r in results),
        "wall_seconds": sum(r["wall_seconds"] for r in results),
    }
    if args.json:
        print(json.dumps({
            "source": args.csv,
            "pyworkforce_version": pyworkforce.__version__,
            "ortools_version": ortools.__version__,
            "model": "pyworkforce.scheduling.MinRequiredResources",
            "breaks_modelled": False,
            "interval_minutes": interval,
            "days": [day_labels[day] for day in days],
            "periods": [hhmm(minutes) for minutes in times],
            "shift_starts": [{"name": name, "start": hhmm(start), "hours": length / 60, "cost": float(cost),
                              "covered_intervals": sum(coverage)}
                             for name, start, length, cost, coverage in shifts],
            "max_search_time": args.max_search_time,
            "workers": args.workers,
            "per_day": args.per_day,
            "notes": notes,
            "groups": results,
            "totals": totals,
        }, indent=2))
    else:
        print(f"pyworkforce {pyworkforce.__version__} MinRequiredResources (OR-Tools CP-SAT {ortools.__version__}); "
              f"{len(days)} day(s) {day_labels[days[0]]} to {day_labels[days[-1]]}, {len(times)} intervals of "
              f"{interval} min {hhmm(times[0])}-{hhmm(day_end)}, {len(shifts)} shift starts, "
              f"{'one model per day' if args.per_day else 'one model for all days'}, time limit "
              f"{args.max_search_time:g} s per {'day and ' if args.per_day else ''}group, {args.workers} worker(s)")
        for note in notes:
            print(f"note: {note}")
        print(f"{'group':<16} {'status':<10} {'shifts':>8} {'cost':>11} {'paid h':>10} {'bound':>11} "
              f"{'gap %':>6} {'simple LB':>11} {'wall s':>8}")
        for r in results:
            if r["shifts"] is None:
                print(f"{r['group']:<16} {r['status']:<10} {'-':>8} {'-':>11} {'-':>10} {'-':>11} {'-':>6} "
                      f"{r['lower_bound']:>11.2f} {r['wall_seconds']:>8.2f}" + (f"  {r['reason']}" if "reason" in r else ""))
            else:
                print(f"{r['group']:<16} {r['status']:<10} {r['shifts']:>8} {r['cost']:>11.2f} {r['paid_hours']:>10.2f} "
                      f"{r['solver_bound']:>11.2f} {100 * r['gap']:>6.2f} {r['lower_bound']:>11.2f} {r['wall_seconds']:>8.2f}")
        print(f"{'total':<16} {str(totals['solved']) + '/' + str(totals['groups']) + ' solved':<10} {totals['shifts']:>8} "
              f"{totals['cost']:>11.2f} {totals['paid_hours']:>10.2f} {'':>11} {'':>6} {totals['lower_bound']:>11.2f} "
              f"{totals['wall_seconds']:>8.2f}")
        print("bound: CP-SAT's best objective bound; simple LB: required agent-intervals x the cheapest cost per "
              "covered interval; gap: cost over the higher of the two; wall s: model build and solve")
    sys.exit(0 if len(solved) == len(results) else 2)


if __name__ == "__main__":
    main()
