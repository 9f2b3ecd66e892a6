#!/usr/bin/env python3
"""Rank the benches' generated backlogs with pandas, as an analyst would, and time it.

Run by hand (not in CI), after `cargo bench --bench ranking` so the Rust medians exist:

    pip install pandas
    python3 benches/compare_pandas.py            # n = 1,000, 100,000 and 1,000,000
    python3 benches/compare_pandas.py 100000     # one size

The data are the same as the benches': this script reimplements `benches/support/mod.rs`'s
generator (a counter-based SplitMix64 with the same seed, draws and scales) in numpy, and checks
that at n = 1,000 its top ten of every ranking (index and competition rank) equal the crate's.

Each measurement is what the crate's `ranking` measures: the score computed from the inputs,
the order (score descending, ties in input order: a stable sort), and competition ranks; the
top 100 is `nlargest(100, keep="first")`. The script prints pandas' median of several runs and,
where `target/criterion` holds the crate's median for the same group, the ratio.
"""

import json
import statistics
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

SEED = 0x5EED_2026
GAMMA = 0x9E37_79B9_7F4A_7C15
FIELDS = 12
# Draw numbers, in the order of `Draw` in benches/support/mod.rs.
REACH, IMPACT, CONFIDENCE, EFFORT, BUSINESS_VALUE, TIME_CRITICALITY, RISK_REDUCTION, MOSCOW, ALIGNMENT = range(9)
IMPACTS = np.array([3.0, 2.0, 1.0, 0.5, 0.25])
CONFIDENCES = np.array([1.0, 0.8, 0.5])
FIBONACCI = np.array([1.0, 2.0, 3.0, 5.0, 8.0, 13.0, 20.0])
LAMBDA = 0.5
TOP = 100
SIZES = [1_000, 100_000, 1_000_000]

# The crate's top ten at n = 1,000 as (index, rank): `cargo bench`'s generator ranked by
# prioritize, to check that this script generates the same data and ranks it the same way.
EXPECTED_TOP_TEN = {
    "rice": [(40, 1), (965, 2), (54, 3), (395, 4), (267, 5), (570, 6), (426, 7), (987, 8), (286, 9), (843, 10)],
    "wsjf": [(185, 1), (243, 2), (864, 2), (965, 4), (983, 5), (55, 6), (162, 6), (668, 6), (656, 9), (195, 10)],
    "moscow_then_wsjf": [(864, 1), (55, 2), (598, 3), (677, 3), (198, 5), (95, 6), (368, 7), (987, 8), (857, 9), (136, 10)],
    "rice_aligned": [(395, 1), (570, 2), (40, 3), (426, 4), (267, 5), (965, 6), (54, 7), (987, 8), (286, 9), (843, 10)],
}


def draw(n, field):
    """SplitMix64's output for `field` of items 0..n, in wrapping uint64 arithmetic."""
    with np.errstate(over="ignore"):
        counter = np.arange(n, dtype=np.uint64) * np.uint64(FIELDS) + np.uint64(field + 1)
        z = np.uint64(SEED) + counter * np.uint64(GAMMA)
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58_476D_1CE4_E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D0_49BB_1331_11EB)
        return z ^ (z >> np.uint64(31))


def pick(n, field, length):
    return (draw(n, field) % np.uint64(length)).astype(np.int64)


def generate(n):
    """The first n generated items (the fields the rankings read), in input order."""
    return pd.DataFrame(
        {
            "id": [f"IT-{i}" for i in range(n)],
            "reach": (np.uint64(1) + draw(n, REACH) % np.uint64(10_000)).astype(np.float64),
            "impact": IMPACTS[pick(n, IMPACT, 5)],
            "confidence": CONFIDENCES[pick(n, CONFIDENCE, 3)],
            "effort": 0.5 * (1 + pick(n, EFFORT, 20)).astype(np.float64),
            "business_value": FIBONACCI[pick(n, BUSINESS_VALUE, 7)],
            "time_criticality": FIBONACCI[pick(n, TIME_CRITICALITY, 7)],
            "risk_reduction": FIBONACCI[pick(n, RISK_REDUCTION, 7)],
            # 0 = must, 1 = should, 2 = could, 3 = wont: the priority order.
            "moscow": pick(n, MOSCOW, 4),
            "alignment": pick(n, ALIGNMENT, 11) / 10.0,
        }
    )


# Scores in the crate's order of operations, so the floats are the same bits.
def rice(df):
    return df["reach"] * df["impact"] * df["confidence"] / df["effort"]


def wsjf(df):
    return (df["business_value"] + df["time_criticality"] + df["risk_reduction"]) / df["effort"]


def rice_aligned(df):
    return rice(df) * (1.0 - LAMBDA + LAMBDA * df["alignment"])


def rank_by(score):
    def rank(df):
        ranked = df.assign(score=score(df)).sort_values("score", ascending=False, kind="stable")
        return ranked.assign(rank=ranked["score"].rank(method="min", ascending=False).astype(np.int64))

    return rank


def rank_moscow_then_wsjf(df):
    ranked = df.assign(score=wsjf(df)).sort_values(["moscow", "score"], ascending=[True, False], kind="stable")
    # Competition ranks over (category, score): each run of equal keys takes its first position.
    moscow, score = ranked["moscow"].to_numpy(), ranked["score"].to_numpy()
    first = np.ones(len(ranked), dtype=bool)
    first[1:] = (moscow[1:] != moscow[:-1]) | (score[1:] != score[:-1])
    positions = np.where(first, np.arange(1, len(ranked) + 1), 0)
    return ranked.assign(rank=np.maximum.accumulate(positions))


def top_100(df):
    return df.assign(score=rice(df)).nlargest(TOP, "score", keep="first")


RANKINGS = {
    "rice": rank_by(rice),
    "wsjf": rank_by(wsjf),
    "moscow_then_wsjf": rank_moscow_then_wsjf,
    "rice_aligned": rank_by(rice_aligned),
}


def check():
    df = generate(1_000)
    for name, rank in RANKINGS.items():
        ranked = rank(df)
        top_ten = list(zip(ranked.index[:10].tolist(), ranked["rank"][:10].tolist()))
        if top_ten != EXPECTED_TOP_TEN[name]:
            sys.exit(f"error: {name}: pandas' top ten {top_ten} differs from the crate's {EXPECTED_TOP_TEN[name]}")
    top = top_100(df)
    if top.index[:10].tolist() != [index for index, _ in EXPECTED_TOP_TEN["rice"]]:
        sys.exit("error: top100: nlargest's first ten differ from the crate's RICE ranking")


def median_seconds(function, df, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function(df)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def crate_median(group, n):
    """The crate's median in seconds from the last `cargo bench --bench ranking`, if any."""
    path = Path(__file__).resolve().parent.parent / "target" / "criterion" / f"{group}_{n}" / "ranking" / "new"
    try:
        return json.loads((path / "estimates.json").read_text())["median"]["point_estimate"] / 1e9
    except (OSError, KeyError, ValueError):
        return None


def main():
    sizes = [int(arg.replace("_", "")) for arg in sys.argv[1:]] or SIZES
    check()
    print(f"pandas {pd.__version__}, numpy {np.__version__}; same data as the crate's benches (checked at n = 1000)")
    print(f"{'group':<28} {'pandas median':>14} {'crate median':>14} {'pandas / crate':>15}")
    for n in sizes:
        df = generate(n)
        runs = 5 if n >= 1_000_000 else 15
        for group, function in [*RANKINGS.items(), ("top100", top_100)]:
            seconds = median_seconds(function, df, runs)
            crate = crate_median(group, n)
            ratio = f"{seconds / crate:>14.1f}x" if crate else f"{'(not run)':>15}"
            crate_text = f"{crate * 1e3:>11.2f} ms" if crate else f"{'-':>14}"
            print(f"{group + '/' + str(n):<28} {seconds * 1e3:>11.2f} ms {crate_text} {ratio}")


if __name__ == "__main__":
    main()
