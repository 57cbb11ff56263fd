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


def case(category, args, expected, setup=None, message=None):
    """Runs one case in a fresh folder holding a sentinel; returns whether it held."""
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
        held = held and (status == 0 or before == after) and "NSCocoaErrorDomain" not in stderr
        held = held and (message is None or re.search(message, stderr) is not None)
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


def main():
    cases = []
    history = ["history", "--days", "21", "--call-types", "1", "--out", "{work}/h.csv"]
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

    table = {}
    for category, args, expected, setup, message in cases:
        tried, held = table.get(category, (0, 0))
        table[category] = (tried + 1, held + case(category, args, expected, setup, message))
    print("| category | cases tried | held |\n|---|---|---|")
    for category, (tried, held) in table.items():
        print(f"| {category} | {tried} | {held} |")
    return 0 if all(t == h for t, h in table.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
