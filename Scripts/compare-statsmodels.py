"""Holt-Winters of ccsim against statsmodels' ExponentialSmoothing on the same daily series.

Reads a forecast folder written by `ccsim forecast HISTORY --out DIR` (daily.csv: the
history's daily totals; backtest.csv: ccsim's scores) and backtests statsmodels'
ExponentialSmoothing (additive trend, multiplicative weekly season, fitted by maximum
likelihood) from the same rolling origins: the last four weeks' origins a week apart,
28 days ahead each. Prints per call type the daily WAPE of both, and of the seasonal
naive. Not a test dependency: run it through Scripts/compare-statsmodels.sh.
"""
import csv
import sys
import warnings

import numpy as np
import pandas as pd
from statsmodels.tsa.holtwinters import ExponentialSmoothing

warnings.filterwarnings("ignore")
folder = sys.argv[1]
horizon, origins_count = 28, 4
daily = pd.read_csv(f"{folder}/daily.csv")
history = daily[daily.kind == "history"]
scores = {}
with open(f"{folder}/backtest.csv") as f:
    for row in csv.DictReader(f):
        if row["level"] == "day" and row["days_ahead"] == "":
            scores[(row["call_type"], row["model"])] = float(row["wape"])

print(f"{'call type':<10} {'statsmodels':>12} {'ccsim HW':>9} {'naive':>7}   (daily WAPE %, {origins_count} origins x {horizon} days)")
totals = []
for call_type, rows in history.groupby("call_type", sort=True):
    y = rows.sort_values("date")["offered"].astype(float).to_numpy()
    days = len(y)
    origins = [days - horizon - 7 * j for j in range(origins_count) if days - horizon - 7 * j >= 56]
    error = actual_sum = 0.0
    for origin in origins:
        train = pd.Series(y[:origin]).interpolate(limit_direction="both").clip(lower=1e-3)
        model = ExponentialSmoothing(train, trend="add", seasonal="mul", seasonal_periods=7,
                                     initialization_method="estimated").fit()
        forecast = np.maximum(model.forecast(horizon).to_numpy(), 0)
        actual = y[origin:origin + horizon]
        known = ~np.isnan(actual)
        error += np.abs(actual[known] - forecast[known]).sum()
        actual_sum += actual[known].sum()
    wape = error / actual_sum
    totals.append((wape, scores.get((call_type, "holt_winters")), scores.get((call_type, "seasonal_naive"))))
    print(f"{call_type:<10} {100 * wape:>12.1f} {100 * scores.get((call_type, 'holt_winters'), float('nan')):>9.1f} "
          f"{100 * scores.get((call_type, 'seasonal_naive'), float('nan')):>7.1f}")
mean = lambda xs: 100 * sum(xs) / len(xs)
print(f"{'mean':<10} {mean([t[0] for t in totals]):>12.1f} {mean([t[1] for t in totals]):>9.1f} {mean([t[2] for t in totals]):>7.1f}")
