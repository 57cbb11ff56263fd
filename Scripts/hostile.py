#!/usr/bin/env python3
"""Hostile inputs against a built ccsim: every case must end with its documented exit
status within 60 s and 4 GiB, leave a sentinel file in its working folder untouched, and
write nothing when it fails. Prints a table: category, cases tried, cases that held.

usage: Scripts/hostile.py [CCSIM=.build/release/ccsim]
Not a test dependency (the CLI tests keep a case of each kind); a report for the notes.
"""
import os, re, resource, shutil, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CCSIM = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build/release/ccsim"))
WEEK = os.path.join(ROOT, "Scenarios/month/single-skill-week.yaml")
SHIFTS_TEXT = open(os.path.join(ROOT, "Scenarios/month/single-skill-shifts.yaml")).read()
SCENARIO = os.path.join(ROOT, "Scenarios/erlang-a-day.yaml")


def limit_memory():
    resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))


def run(args, cwd):
    start = time.time()
    try:
        p = subprocess.run([CCSIM] + args, cwd=cwd, capture_output=True, text=True, timeout=60, preexec_fn=limit_memory)
        return p.returncode, p.stderr, time.time() - start
    except subprocess.TimeoutExpired:
        return "timeout", "", 60.0


def case(category, args, expected, setup=None, message=None, verify=None):
    """Runs one case in a fresh folder holding a sentinel; returns whether it held
    (and, if `verify` is given, whether verify(work) holds after it)."""
    work = tempfile.mkdtemp(prefix="ccsim-hostile-")
    try:
        with open(os.path.join(work, "sentinel.txt"), "w") as f:
            f.write("keep me")
        if setup:
            setup(work)
        before = sorted(os.listdir(work))
        status, stderr, _ = run([a.replace("{work}", work) for a in args], work)
        after = sorted(os.listdir(work))
        held = status == expected and open(os.path.join(work, "sentinel.txt")).read() == "keep me"
        # A roster short of its requirement writes the best one and exits 2 (`verify` checks it).
        written = status == 0 or (status == 2 and verify is not None)
        held = held and (written or before == after) and "NSCocoaErrorDomain" not in stderr
        held = held and (message is None or re.search(message, stderr) is not None)
        held = held and (verify is None or verify(work))
        if not held:
            print(f"  FAILED [{category}] {' '.join(args)}: status {status}, expected {expected}: {stderr.strip()[:300]}")
        return held
    finally:
        shutil.rmtree(work, ignore_errors=True)


def shifts(replace):
    text = SHIFTS_TEXT
    for old, new in replace:
        text = text.replace(old, new)
    return lambda work: open(os.path.join(work, "s.yaml"), "w").write(text)


def many_templates(count, every):
    head, contracts = SHIFTS_TEXT.split("contracts:")
    template = head.split("templates:")[1]
    text = "templates:" + "".join(template.replace("id: day", f"id: d{i}").replace("every: 30m", f"every: {every}")
                                  for i in range(count))
    return lambda work: open(os.path.join(work, "s.yaml"), "w").write(text + "contracts:" + contracts.replace("[day]", "[d0]"))


def many_contracts(count):
    head, contract = SHIFTS_TEXT.split("contracts:")
    text = head + "contracts:" + "".join(contract.replace("id: five-day", f"id: c{i}") for i in range(count))
    return lambda work: open(os.path.join(work, "s.yaml"), "w").write(text)


def shards(edit):
    """Writes shards 1/2 and 2/2 of a run of 4 replications, then edits part 2's results.bin."""
    def setup(work):
        for k in (1, 2):
            subprocess.run([CCSIM, "run", SCENARIO, "--replications", "4", "--shard", f"{k}/2", "--out", f"{work}/p{k}"],
                           check=True, capture_output=True)
        path = os.path.join(work, "p2", "results.bin")
        data = bytearray(open(path, "rb").read())
        edit(data)
        open(path, "wb").write(bytes(data))
    return setup


def flip(bit):
    def edit(data):
        data[(bit // 8) % len(data)] ^= 1 << (bit % 8)
    return edit


def put(offset, value):
    def edit(data):
        data[offset:offset + 8] = value.to_bytes(8, "little", signed=True)
    return edit


def shortfall_written(work):
    """Whether r/coverage.csv holds the best roster's shortfall (a `short` column, some above 0)."""
    import csv
    path = os.path.join(work, "r", "coverage.csv")
    return os.path.exists(path) and any(float(row["short"]) > 0 for row in csv.DictReader(open(path)))


def rests_kept(minutes):
    """Whether every agent's rest in r/schedule.csv is at least `minutes`."""
    def verify(work):
        import csv, datetime
        shifts = {}
        for row in csv.DictReader(open(os.path.join(work, "r", "schedule.csv"))):
            start = datetime.datetime.fromisoformat(f"{row['date']}T{row['start']}")
            end = datetime.datetime.fromisoformat(f"{row['date']}T{row['end']}")
            if end <= start:
                end += datetime.timedelta(days=1)
            shifts.setdefault(row["agent"], []).append((start, end))
        return all((b[0] - a[1]).total_seconds() >= minutes * 60 - 1
                   for days in shifts.values() for a, b in zip(sorted(days), sorted(days)[1:])
                   if (b[0].date() - a[0].date()).days == 1)
    return verify


def agents(ids):
    return lambda work: open(os.path.join(work, "a.csv"), "w").write(
        "id,groups,contract\n" + "".join(f"{i},agents,five-day\n" for i in ids + [f"agent{n}" for n in range(60)]))


def main():
    cases = []
    history = ["history", "--days", "21", "--call-types", "1", "--out", "{work}/h.csv"]
    day_so_far = lambda work: (write("f.csv", "start,call_type,offered,low,high\n2026-03-02T08:00,a,1,0,2\n2026-03-02T08:30,a,1,0,2\n")(work),
                               write("h.csv", "start,call_type,offered\n2026-03-02T08:00,a,1\n2026-03-02T08:30,a,1\n")(work))
    make_history = lambda work: subprocess.run([CCSIM] + [a.replace("{work}", work) for a in history], check=True)
    roster = ["roster", WEEK, "--shifts", "{work}/s.yaml", "--erlang-requirements", "--out", "{work}/r"]
    for blank in ["", " ", "\t", "  \n"]:
        for args in [["run", SCENARIO, "--out", blank], ["run", SCENARIO, "--report", blank], ["run", blank],
                     ["run", SCENARIO, "--shard", "1/2", "--out", blank], ["merge", blank], ["forecast", blank],
                     ["staff", SCENARIO, "--out", blank], ["roster", WEEK, "--shifts", blank], ["validate", blank],
                     ["history", "--days", "3", "--out", blank], ["compare", SCENARIO, blank],
                     ["capacity", SCENARIO, "--resource", "seats", "--target", "service_level>=0.5", "--report", blank]]:
            cases.append(("blank paths", args, 64, None, "names no file or folder"))
    for args in [["run", SCENARIO, "--out", ".", "--force"], ["run", SCENARIO, "--out", "/", "--force"],
                 ["run", SCENARIO, "--out", "/dev/null", "--force"], ["run", SCENARIO, "--report", "/dev/null", "--force"],
                 ["run", SCENARIO, "--report", "/tmp", "--force"], ["history", "--days", "3", "--out", "/dev/full", "--force"]]:
        cases.append(("output places", args, 73, None, None))
    for args in [["run", "/tmp"], ["forecast", "/tmp"], ["forecast", "/dev/null"], ["merge", "/dev/null"], ["merge", "/tmp"],
                 ["roster", WEEK, "--shifts", "/tmp"], ["roster", WEEK, "--shifts", "/dev/null"],
                 ["roster", WEEK, "--shifts", os.path.join(ROOT, "Scenarios/month/single-skill-shifts.yaml"), "--agents", "/tmp"]]:
        cases.append(("inputs: folders and devices", args, 65, None, None))
    for rate in ["1e7", "4e7", "1e8", "1e9", "1e12"]:
        cases.append(("flooded queues", ["run", SCENARIO, "--set", f"call_types.general.arrivals.per_hour={rate}",
                                         "--set", "trunks=100000000", "--replications", "2"], 65, None, "backlog|calls would arrive"))
    for old, new in [("cost: 8", "cost: 1e24"), ("cost: 8", "cost: 1e30"), ("cost: 8", "cost: 1e308"),
                     ("every: 30m", "every: 1s"), ("every: 30m", "every: 1m"),
                     ("days_off_together: 2", "days_off_together: 2\n    min: 1000000000"),
                     ("days_off_together: 2", "days_off_together: 2\n    min: 1000000"),
                     ("days_off_together: 2", "days_off_together: 2\n    min: 10000"),
                     ("days_off_together: 2", "days_off_together: 2\n    min: 9\n    max: 3")]:
        cases.append(("roster programs", roster, 65, shifts([(old, new)]), None))
    cases.append(("roster programs", roster, 65, many_templates(50, "1m"), None))
    cases.append(("roster programs", roster, 65, many_templates(50, "10m"), None))
    cases.append(("roster programs", roster, 65, many_contracts(2000), None))
    cases.append(("exit statuses", ["staff", SCENARIO], 0, None, None))
    cases.append(("exit statuses", ["capacity", SCENARIO, "--resource", "agents:team", "--maximum", "150",
                                    "--target", "service_level>=0.8", "--replications", "3"], 2, None, None))
    dup = lambda work: open(os.path.join(work, "d.csv"), "w").write("start,call_type,offered,offered\n2026-03-02T08:00,a,1,2\n")
    cases.append(("messages", ["forecast", "{work}/d.csv"], 65, dup, "columns 3 and 4 are both `offered`"))
    cases.append(("messages", roster, 65, shifts([("days_off_together: 2", "days_off_together: 2\n    min: 9\n    max: 3")]),
                  r"s\.yaml:\d+:\d+: contracts\[0\]\.min: is more than `max`"))
    cases.append(("messages", ["forecast", "{work}/h.csv", "--calendar", "/tmp"], 65, make_history, "is a folder, not a CSV file"))

    def write(name, text):
        return lambda work: open(os.path.join(work, name), "w").write(text)
    header = "start,call_type,offered\n"
    night = header + "".join(f"2026-03-{d:02d}T0{h}:00,a,{d % 3}\n" for d in range(1, 29) for h in range(2))
    exports = [
        (["forecast", "{work}/h.csv"], 65, write("h.csv", header + "2026-03-02T08:00+25:00,a,1\n2026-03-02T08:30,a,1\n"),
         "not a date-time"),
        (["forecast", "{work}/h.csv"], 65, write("h.csv", header + "2026-03-02T08:00,a,1\n2026-03-02T08:07,a,1\n"
                                                  "2026-03-02T08:30,a,1\n"), "cannot infer an interval length|off the"),
        (["forecast", "{work}/h.csv", "--out", "{work}/o"], 0, write("h.csv", night), None),
        (["forecast", "{work}/h.csv", "--absent", "zero", "--out", "{work}/o"], 0, write("h.csv", night), None),
        (["forecast", "{work}/h.csv", "--out", "{work}/o"], 0, write("h.csv", header + "2026-03-02T08:00,a,0\n2026-03-02T08:30,a,0\n"), None),
        (["forecast", "{work}/h.csv", "--calendar", "{work}/c.csv"], 65,
         lambda work: (make_history(work), write("c.csv", "date,name\n" + "2026-01-01,x\n" * 4000)(work)), "more than 3660 lines"),
        (["forecast", "{work}/h.csv", "--calendar", "{work}/c.csv"], 65,
         lambda work: (make_history(work), write("c.csv", "date,name\n2026-01-01,\n")(work)), r"c\.csv:2: expected date,name"),
        (["accuracy", "{work}/f.csv", "{work}/h.csv"], 65,
         lambda work: (write("f.csv", "start,call_type,offered,low,high\n2026-03-02T08:00,a,1,0,2\n2026-03-02T08:30,a,1,0,2\n")(work),
                       write("h.csv", header + "2026-03-02T08:00,a,1\n2026-03-02T09:00,a,1\n")(work)), "60-minute"),
        (["accuracy", "{work}/f.csv", "{work}/h.csv", "--out", "{work}/o"], 65,
         lambda work: (write("f.csv", "start,call_type,offered,low,high\n2027-03-02T08:00,a,1,0,2\n2027-03-02T08:30,a,1,0,2\n")(work),
                       write("h.csv", header + "2026-03-02T08:00,a,1\n2026-03-02T08:30,a,1\n")(work)), "no interval of the forecast"),
        (["intraday", "{work}/f.csv", "{work}/h.csv", "--cv", "0.1", "--out", "{work}/o"], 65,
         lambda work: (write("f.csv", "start,call_type,offered,low,high\n2026-03-02T08:00,a,1,0,2\n2026-03-02T08:30,a,1,0,2\n")(work),
                       write("h.csv", header + "2026-03-02T08:00,a,1\n2026-03-02T09:00,a,1\n")(work)), "60-minute"),
        (["intraday", "{work}/f.csv", "{work}/h.csv", "--cv", "0.1"], 65,
         lambda work: (write("f.csv", "start,call_type,offered,low,high\n2026-03-02T08:00,a,1,0,2\n2026-03-02T08:30,a,1,0,2\n")(work),
                       write("h.csv", header + "2026-03-03T08:00,a,1\n2026-03-03T08:30,a,1\n")(work)), "does not cover 2026-03-03"),
        (["intraday", "{work}/f.csv", "{work}/h.csv", "--cv", "1e308"], 64, day_so_far, "--cv must be"),
        (["intraday", "{work}/f.csv", "{work}/h.csv", "--cv", "0.1", "--at", "8:00"], 64, day_so_far, "HH:MM"),
        (["intraday", "{work}/f.csv", "{work}/h.csv", "--cv", "0.1", "--at", "08:10"], 64, day_so_far, "30-minute grid"),
        (["intraday", "{work}/f.csv", "{work}/h.csv", "--cv", "0.1", "--at", "00:00"], 65, day_so_far, "must cover its start"),
        (["forecast", "{work}/h.csv", "--previous", "{work}/p.csv", "--out", "{work}/o"], 65,
         lambda work: (make_history(work), write("p.csv", "start,call_type,offered\n2020-01-01T08:00,a,1\n2020-01-01T08:30,a,1\n")(work)),
         "ends on 2020-01-01, before this forecast's first day"),
        (["history", "--days", "3", "--open", "23:00-01:00"], 64, None, "must end after it starts"),
        (["history", "--days", "3", "--utc-offset", "+99:99"], 64, None, "like \\+08:00"),
    ]
    for args, expected, setup, message in exports:
        cases.append(("exports: shapes, offsets, calendars, accuracy", args, expected, setup, message))

    merge = ["merge", "{work}/p1", "{work}/p2", "--out", "{work}/m"]
    for bit in range(0, 9000, 233):
        cases.append(("parts: bit flips, counts, indices", merge, 65, shards(flip(bit)), "p2"))
    for offset, value in [(16, -1), (72, -1), (8, 1 << 62), (8, -(1 << 63)), (0, 1 << 62), (0, -1)]:
        cases.append(("parts: bit flips, counts, indices", merge, 65, shards(put(offset, value)), "p2"))
    for minutes in [14 * 60, 15 * 60 + 30, 16 * 60]:
        cases.append(("min_rest", roster, 0, shifts([("days_off_together: 2", f"days_off_together: 2\n    min_rest: {minutes}m")]),
                      None, rests_kept(minutes)))
    cases.append(("min_rest", roster, 2, shifts([("days_off_together: 2", "days_off_together: 2\n    min_rest: 961m")]), "rest",
                  shortfall_written))
    named = roster + ["--agents", "{work}/a.csv"]
    for ids in [["a/b", "a_b"], ["a:b", "a\\b"], ["😀", "🙂"], ["Ana", "ana"], ["open/five-day/agents/001"], ["x" * 201]]:
        def setup(work, ids=ids):
            shifts([])(work)
            agents(ids)(work)
        cases.append(("calendar names", named, 65, setup, r"a\.csv:\d+:\d+: id: "))

    table = {}
    for category, args, expected, setup, message, *verify in cases:
        tried, held = table.get(category, (0, 0))
        table[category] = (tried + 1, held + case(category, args, expected, setup, message, *verify))
    print("| category | cases tried | held |\n|---|---|---|")
    for category, (tried, held) in table.items():
        print(f"| {category} | {tried} | {held} |")
    return 0 if all(t == h for t, h in table.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
