#!/usr/bin/env python3
"""Print CONTRIBUTING.md's tables of medians and ratios from the last `cargo bench`.

    cargo bench --bench ranking && python3 benches/ratios.py
    cargo bench --bench edits && python3 benches/ratios.py edits

Reads criterion's median of each measurement in `target/criterion/{group}_{n}/{function}/new/`,
so every ratio compares two measurements of the same run. Standard library only.
"""

import json
import sys
from pathlib import Path

CRITERION = Path(__file__).resolve().parent.parent / "target" / "criterion"
SIZES = [1_000, 100_000, 1_000_000]
ENGINES = ["rice", "wsjf", "moscow_then_wsjf", "rice_aligned"]


def median(group, n, function):
    """The median in seconds, or None when it was not measured."""
    path = CRITERION / f"{group}_{n}" / function / "new" / "estimates.json"
    try:
        return json.loads(path.read_text())["median"]["point_estimate"] / 1e9
    except (OSError, KeyError, ValueError):
        return None


def time_text(seconds):
    if seconds is None:
        return "-"
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.1f} ms"
    return f"{seconds * 1e6:.0f} µs"


def ratio_text(numerator, denominator):
    if numerator is None or denominator is None:
        return "-"
    return f"{numerator / denominator:.2f}x"


def main():
    if not CRITERION.is_dir():
        sys.exit("error: no target/criterion: run `cargo bench --bench ranking` first")
    print("| group | n | ranking | limit | ranking / limit | naive | naive / ranking |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for group in [*ENGINES, "top100"]:
        for n in SIZES:
            ranking, limit, naive = (median(group, n, f) for f in ("ranking", "limit", "naive"))
            cells = [group, f"{n:,}", time_text(ranking), time_text(limit), ratio_text(ranking, limit)]
            cells += [time_text(naive), ratio_text(naive, ranking)]
            print("| " + " | ".join(cells) + " |")
    print()
    n = SIZES[-1]
    print("| group | n | ranking | limit | ranking / limit | rice | ranking / rice |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for group in ["formula_rice", "scorecard4"]:
        ranking, limit, rice = (median(group, n, f) for f in ("ranking", "limit", "rice"))
        cells = [group, f"{n:,}", time_text(ranking), time_text(limit), ratio_text(ranking, limit)]
        cells += [time_text(rice), ratio_text(ranking, rice)]
        print("| " + " | ".join(cells) + " |")
    print()
    print("| group | n | measurement | median |")
    print("| --- | ---: | --- | ---: |")
    for n in SIZES:
        for group, function in [("rice", "sort_only"), ("top100", "scan")]:
            print(f"| {group} | {n:,} | {function} | {time_text(median(group, n, function))} |")
    for group, functions, sizes in [("build", ("backlog", "naive"), SIZES), ("json", ("backlog", "naive", "limit"), SIZES[:2])]:
        for n in sizes:
            for function in functions:
                print(f"| {group} | {n:,} | {function} | {time_text(median(group, n, function))} |")
    print()
    n = SIZES[-1]
    full, top = median("rice", n, "ranking"), median("top100", n, "ranking")
    print(f"top100 / full ranking at n = {n:,}: full ranking / top100 = {ratio_text(full, top)}")
    print(f"top100 vs streaming limit at n = {n:,}: {ratio_text(top, median('top100', n, 'limit'))}")
    print(f"full limit / streaming limit at n = {n:,}: {ratio_text(median('rice', n, 'limit'), median('top100', n, 'limit'))}")


# The edits of a living backlog, each with the most it may cost as a share of a full ranking.
EDITS = [("set", 0.01), ("set_then_top20", 0.35), ("insert", 0.05), ("remove", 1.0), ("into_owned", 0.25)]


def edits():
    n = 100_000
    ranking = median("edits", n, "ranking")
    if ranking is None:
        sys.exit("error: no edits measured: run `cargo bench --bench edits` first")
    print(f"full RICE ranking at n = {n:,}: {time_text(ranking)}")
    print()
    print("| edit | median | edit / ranking | at most |")
    print("| --- | ---: | ---: | ---: |")
    for function, most in EDITS:
        time = median("edits", n, function)
        share = "-" if time is None else f"{time / ranking:.5f}"
        print(f"| {function} | {time_text(time)} | {share} | {most} |")


if __name__ == "__main__":
    edits() if sys.argv[1:] == ["edits"] else main()
