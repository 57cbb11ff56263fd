"""ccsim's interval forecasts against Python peers on three generated histories.

For each history (24 h at 30 minutes; the same with closed nights left out; 15 minutes
for one year with closed nights and zero rows left out) it generates DAYS+28 days with
`ccsim history`, holds out the last 28 days as actuals and forecasts the rest with
`ccsim forecast` (whole process timed) and with peers on daily totals:
statsforecast's AutoETS, AutoARIMA and MSTL, and Prophet. The peers' daily forecasts
(and 80 % bands) are spread over the intervals by each call type's mean intraday
profile per weekday over the history's last 8 weeks, the same for every peer.
Prints one table per history. Not a test dependency: run it through
Scripts/compare-forecasts.sh.
"""
import argparse
import logging
import subprocess
import sys
import time
import warnings
from importlib.metadata import version

import numpy as np
import pandas as pd

HOLDOUT, LEVEL, BAND_HOURS, PROFILE_DAYS = 28, 80, 3, 56
CALENDAR = "Scenarios/forecast/holidays.csv"
# name, description, days of history (None: DAYS), `ccsim history` options, absent rows read as zero
HISTORIES = [
    ("a", "24 h, 30-minute, 10 call types, --missing 0.01", None,
     ["--interval", "30m", "--call-types", "10", "--missing", "0.01"], False),
    ("b", "as (a) with --open 07:00-22:00 (closed nights left out)", None,
     ["--interval", "30m", "--call-types", "10", "--missing", "0.01", "--open", "07:00-22:00"], False),
    ("c", "15-minute, 365 days, --open 07:00-22:00 --omit-zero-rows --missing 0, 10 call types", 365,
     ["--interval", "15m", "--call-types", "10", "--missing", "0", "--open", "07:00-22:00", "--omit-zero-rows"], True),
]


def run_ccsim(args):
    """Run ccsim, retrying for a few minutes while the binary is being rebuilt; return the wall time."""
    for attempt in range(6):
        started = time.perf_counter()
        try:
            done = subprocess.run(args, capture_output=True, text=True)
        except OSError as error:  # text file busy, or absent between link steps
            done, message = None, str(error)
        else:
            message = done.stderr
        if done is not None and done.returncode == 0:
            return time.perf_counter() - started
        if attempt == 5 or (done is not None and "busy" not in message.lower()):
            sys.exit(f"{' '.join(args)} failed: {message}")
        time.sleep(60)


def read_rows(path):
    """The rows of an interval CSV as a frame with date, minute of the day, call type and offered."""
    rows = pd.read_csv(path, usecols=["start", "call_type", "offered"], dtype={"start": str})
    rows["date"] = pd.to_datetime(rows.start.str[:10])
    rows["minute"] = rows.start.str[11:13].astype(int) * 60 + rows.start.str[14:16].astype(int)
    return rows


def to_grid(rows, first, days, types, minutes, absent_zero):
    """Array [call type, day, interval] of offered calls; absent rows are 0 or NaN."""
    grid = np.full((len(types), days, 1440 // minutes), 0.0 if absent_zero else np.nan)
    grid[rows.call_type.map({t: i for i, t in enumerate(types)}).to_numpy(),
         (rows.date - first).dt.days.to_numpy(), (rows.minute // minutes).to_numpy()] = rows.offered
    return grid


def weekday_profiles(history, weekdays):
    """Each call type's share of a day's calls per interval, per weekday, over the last 8 weeks."""
    recent, recent_days = history[:, -PROFILE_DAYS:], weekdays[-PROFILE_DAYS:]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        means = np.stack([np.nanmean(recent[:, recent_days == w], axis=1) for w in range(7)], axis=1)
    means = np.nan_to_num(means)
    return means / np.maximum(means.sum(axis=2, keepdims=True), 1e-12)


def holiday_ratio(y, dates, holidays):
    """Mean ratio of a holiday's calls to the same weekday 1 and 2 weeks around it (not holidays)."""
    index = {d: i for i, d in enumerate(dates)}
    ratios = []
    for day in (d for d in dates if d in holidays):
        near = [index[n] for k in (-14, -7, 7, 14) if (n := day + pd.Timedelta(days=k)) in index and n not in holidays]
        if near:
            ratios.append(y[index[day]] / max(y[near].mean(), 1e-9))
    return float(np.mean(ratios)) if ratios else 1.0


def statsforecast_daily(model, daily, dates, future, holidays, exogenous):
    """Daily forecasts, low and high [call type, day] of one statsforecast model, fitted per call type.

    With exogenous, a holiday dummy goes in as a regressor; without (AutoETS takes none),
    holidays are divided out of the history by their mean ratio and multiplied back in."""
    from statsforecast import StatsForecast
    is_holiday = lambda ds: ds.isin(list(holidays)).astype(float)
    frames, ratios = [], []
    for i, y in enumerate(daily):
        ratio = 1.0 if exogenous else holiday_ratio(y, dates, holidays)
        ratios.append(ratio)
        frame = pd.DataFrame({"unique_id": i, "ds": dates, "y": y})
        frame["y"] = frame.y / np.where(is_holiday(frame.ds) > 0, ratio, 1.0)
        if exogenous:
            frame["holiday"] = is_holiday(frame.ds)
        frames.append(frame)
    x_future = pd.concat(pd.DataFrame({"unique_id": i, "ds": future, "holiday": is_holiday(pd.Series(future))})
                         for i in range(len(daily))) if exogenous else None
    out = StatsForecast(models=[model], freq="D", n_jobs=1).forecast(
        df=pd.concat(frames), h=HOLDOUT, X_df=x_future, level=[LEVEL]).sort_values(["unique_id", "ds"])
    name = repr(model)
    scale = np.where(future.isin(list(holidays)), np.array(ratios)[:, None], 1.0)
    shape = (len(daily), HOLDOUT)
    return [np.maximum(out[column].to_numpy().reshape(shape) * scale, 0)
            for column in (name, f"{name}-lo-{LEVEL}", f"{name}-hi-{LEVEL}")]


def prophet_daily(daily, dates, future, holidays):
    """Daily forecasts, low and high [call type, day] of Prophet (multiplicative weekly season,
    yearly season from two years of history, the calendar's dates as one holiday)."""
    from prophet import Prophet
    calendar = pd.DataFrame({"holiday": "holiday", "ds": sorted(holidays)})
    results = []
    for y in daily:
        model = Prophet(holidays=calendar, seasonality_mode="multiplicative", interval_width=LEVEL / 100,
                        yearly_seasonality=len(dates) >= 730, weekly_seasonality=True, daily_seasonality=False)
        model.fit(pd.DataFrame({"ds": dates, "y": y}))
        predicted = model.predict(pd.DataFrame({"ds": future}))
        results.append([predicted[c].to_numpy() for c in ("yhat", "yhat_lower", "yhat_upper")])
    return [np.maximum(np.array([r[k] for r in results]), 0) for k in range(3)]


def peers(daily, dates, future, holidays):
    """Name, timed function and whether its band is given, for every peer forecasting daily totals."""
    from statsforecast.models import MSTL, AutoARIMA, AutoETS
    seasons = [7, 365] if len(dates) >= 730 else [7]
    return [
        ("AutoETS", lambda: statsforecast_daily(AutoETS(season_length=7), daily, dates, future, holidays, False)),
        ("AutoARIMA", lambda: statsforecast_daily(AutoARIMA(season_length=7), daily, dates, future, holidays, True)),
        (f"MSTL {'+'.join(map(str, seasons))}",
         lambda: statsforecast_daily(MSTL(season_length=seasons, trend_forecaster=AutoARIMA()),
                                     daily, dates, future, holidays, True)),
        ("Prophet", lambda: prophet_daily(daily, dates, future, holidays)),
    ]


def score(actual, forecast, low, high, open_slots, minutes, holiday_days):
    """Interval and daily WAPE, bias, holiday forecast/actual, calls forecast in closed intervals,
    and band coverage per 3-hour band of the day (open intervals with an actual only)."""
    known = ~np.isnan(actual)
    a, f = np.where(known, actual, 0), np.where(known, forecast, 0)
    result = {"interval": np.abs(a - f).sum() / a.sum(), "bias": (f - a).sum() / a.sum(),
              "daily": np.abs(a.sum(axis=2) - f.sum(axis=2)).sum() / a.sum(),
              "holiday": f[:, holiday_days].sum() / a[:, holiday_days].sum() if holiday_days.any() else np.nan,
              "closed": forecast[:, :, ~open_slots].sum(), "bands": {}}
    if low is not None:
        inside = (low <= actual) & (actual <= high)
        per_band = 60 * BAND_HOURS // minutes
        for start in range(0, len(open_slots), per_band):
            slots = np.zeros_like(open_slots)
            slots[start:start + per_band] = True
            cells = known & (slots & open_slots)[None, None, :]
            if cells.any():
                result["bands"][band_label(slots & open_slots, minutes)] = inside[cells].mean()
        result["bands"]["all"] = inside[known & open_slots[None, None, :]].mean()
    return result


def band_label(slots, minutes):
    """HH-HH of the open part of a band of intervals."""
    where = np.flatnonzero(slots)
    return f"{where[0] * minutes // 60:02d}-{((where[-1] + 1) * minutes + 59) // 60:02d}"


def compare(name, description, history_days, options, absent_zero, args):
    """Generate, split, forecast and score one history; print its tables."""
    work = f"{args.work}/{name}"
    full, history_path = f"{work}-full.csv", f"{work}-history.csv"
    days = history_days or args.days
    run_ccsim([args.ccsim, "history", "--days", str(days + HOLDOUT), "--start", "2025-01-01", "--seed", "1",
               *options, "--out", full, "--force"])
    minutes = int(options[options.index("--interval") + 1].rstrip("m"))
    first = pd.Timestamp("2025-01-01")
    cut = first + pd.Timedelta(days=days)
    with open(full) as source:
        header, *lines = source.read().splitlines()
    with open(history_path, "w") as target:
        target.write("\n".join([header] + [line for line in lines if line[:10] < str(cut.date())]) + "\n")
    rows = read_rows(full)
    types = sorted(rows.call_type.unique())
    grid = to_grid(rows, first, days + HOLDOUT, types, minutes, absent_zero)
    history, actual = grid[:, :days], grid[:, days:]
    if not absent_zero and "--open" in options:  # (b): absent actuals are zero, absent history rows skipped
        actual = np.nan_to_num(actual)
    open_slots = np.isin(np.arange(1440 // minutes), rows[rows.date < cut].minute.unique() // minutes)
    dates = pd.date_range(first, periods=days)
    future = pd.date_range(cut, periods=HOLDOUT)
    holidays = set(pd.to_datetime(pd.read_csv(CALENDAR).date))
    holiday_days = future.isin(list(holidays))

    seconds = run_ccsim([args.ccsim, "forecast", history_path, "--horizon", f"{HOLDOUT}d", "--calendar", CALENDAR,
                         "--out", f"{work}-ccsim", "--force"])
    predicted = read_rows(f"{work}-ccsim/forecast.csv")
    bands = pd.read_csv(f"{work}-ccsim/forecast.csv")
    methods = {"ccsim": (seconds, *[to_grid(predicted.assign(offered=bands[c]), cut, HOLDOUT, types, minutes, True)
                                    for c in ("offered", "low", "high")])}
    daily = np.nansum(history, axis=2)
    profile = weekday_profiles(history, dates.weekday.to_numpy())[:, future.weekday.to_numpy()]
    for peer, forecast_daily in ([] if args.ccsim_only else peers(daily, dates, future, holidays)):
        started = time.perf_counter()
        values = forecast_daily()
        methods[peer] = (time.perf_counter() - started, *[v[:, :, None] * profile for v in values])

    print(f"\n({name}) {description}: history {dates[0].date()} to {dates[-1].date()} ({days} days), "
          f"held out {future[0].date()} to {future[-1].date()}, {len(types)} call types, "
          f"{int(np.nansum(actual))} calls held out")
    print(f"{'method':<14}{'interval WAPE %':>16}{'daily WAPE %':>13}{'bias %':>8}{'holiday f/a':>12}"
          f"{'closed-hour calls':>18}{'wall s':>8}")
    scores = {}
    for method, (wall, forecast, low, high) in methods.items():
        s = scores[method] = score(actual, forecast, low, high, open_slots, minutes, holiday_days)
        print(f"{method:<14}{100 * s['interval']:>16.1f}{100 * s['daily']:>13.1f}{100 * s['bias']:>+8.1f}"
              f"{s['holiday']:>12.2f}{s['closed']:>18.1f}{wall:>8.1f}")
    labels = list(scores["ccsim"]["bands"])
    print(f"share of actual intervals inside the {LEVEL} % band, % (open intervals, by hour of the day)")
    print(f"{'method':<14}" + "".join(f"{label:>7}" for label in labels))
    for method, s in scores.items():
        print(f"{method:<14}" + "".join(f"{100 * s['bands'][label]:>7.1f}" for label in labels))


def main():
    """Parse the arguments, print the versions and compare on each history."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ccsim", required=True)
    parser.add_argument("--days", type=int, default=730)
    parser.add_argument("--work", required=True)
    parser.add_argument("--command", default="")
    parser.add_argument("--ccsim-only", action="store_true", help="score ccsim alone (no peers)")
    args = parser.parse_args()
    warnings.filterwarnings("ignore")
    for logger in ("cmdstanpy", "prophet"):
        logging.getLogger(logger).setLevel(logging.WARNING)
    ccsim_version = subprocess.run([args.ccsim, "--version"], capture_output=True, text=True).stdout.strip()
    print(f"command: {args.command}")
    print(f"ccsim {ccsim_version}; Python {sys.version.split()[0]}; " + ", ".join(
        f"{p} {version(p)}" for p in ("statsforecast", "prophet", "cmdstanpy", "pandas", "numpy")))
    print(f"Peers forecast daily totals per call type (sums of the rows there; absent rows are no calls), "
          f"spread over intervals by the call type's mean intraday profile per weekday over the history's last "
          f"{PROFILE_DAYS // 7} weeks (the same for every peer); their {LEVEL} % daily bands are spread the same way. "
          f"Holidays ({CALENDAR} dates): a dummy regressor for AutoARIMA and MSTL (AutoARIMA trend), their mean "
          f"ratio divided out and back in for AutoETS, Prophet holidays. ccsim gets the calendar with its factors. "
          f"Wall: ccsim's whole process (backtest and report included); peers' fit and forecast.")
    print("Actuals: absent held-out rows skipped in (a), no calls in (b) and (c). Bias: (sum f - sum a)/sum a. "
          "Holiday f/a: forecast over actual on the held-out holiday dates. Closed-hour calls: forecast in "
          "intervals where the history has no row.")
    for history in HISTORIES:
        compare(*history, args)


if __name__ == "__main__":
    main()
