#!/usr/bin/env python3
"""The same job in `rank`, DuckDB and Polars, timed in one run on the same CSV file.

Run by hand (not in CI):

    pip install duckdb polars
    cargo build --release --examples
    target/release/examples/generate 1000000 --csv > /tmp/backlog-1m.csv
    python3 benches/compare.py /tmp/backlog-1m.csv

The job is `rank --format csv`'s: read the CSV export, score every item by RICE (reach · impact ·
confidence / effort, impact written as Intercom's labels), leave out the items that lack an input,
order by score, higher first, ties in input order (a stable order), number the positions and the
competition ranks, and write the ranking as CSV. `rank` is timed as a whole process (its start is a
few milliseconds); DuckDB and Polars are timed around the query alone, without the interpreter's
start or the import, each in a process of its own so that peak memory is its own. Peak memory is
the process's maximum resident set (for the Python tools it includes the interpreter, about 30 MB).
The script checks that the first 1,000 ids of each output are `rank`'s, in order.

Standard library and the two tools only; prints a Markdown table.
"""

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RANK = ROOT / "target" / "release" / "examples" / "rank"
IMPACTS = {"massive": 3.0, "high": 2.0, "medium": 1.0, "low": 0.5, "minimal": 0.25}
CHECKED = 1_000

DUCKDB = """
import duckdb, sys, time, json, resource
source, target = sys.argv[1], sys.argv[2]
con = duckdb.connect()
con.execute("SET threads TO 2")
start = time.perf_counter()
con.execute(f'''
COPY (
  WITH items AS (
    SELECT row_number() OVER () AS input, id, title, reach, confidence, effort,
      CASE lower(impact) WHEN 'massive' THEN 3 WHEN 'high' THEN 2 WHEN 'medium' THEN 1
        WHEN 'low' THEN 0.5 WHEN 'minimal' THEN 0.25 ELSE TRY_CAST(impact AS DOUBLE) END AS impact
    FROM read_csv('{source}', header = true, all_varchar = false,
      types = {{'impact': 'VARCHAR', 'reach': 'DOUBLE', 'confidence': 'DOUBLE', 'effort': 'DOUBLE'}})
  ),
  scored AS (
    SELECT *, reach * impact * confidence / effort AS score FROM items WHERE score IS NOT NULL
  )
  SELECT row_number() OVER (ORDER BY score DESC, input) AS position,
         rank() OVER (ORDER BY score DESC) AS rank,
         id, title, score, reach, impact, confidence, effort, score AS rice
  FROM scored ORDER BY position
) TO '{target}' (HEADER, DELIMITER ',')
''')
elapsed = time.perf_counter() - start
print(json.dumps({"seconds": elapsed, "peak": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}))
"""

POLARS = """
import polars as pl, sys, time, json, resource
source, target = sys.argv[1], sys.argv[2]
impacts = {"massive": 3.0, "high": 2.0, "medium": 1.0, "low": 0.5, "minimal": 0.25}
start = time.perf_counter()
impact = pl.col("impact").str.to_lowercase()
(
    pl.scan_csv(source, schema_overrides={"impact": pl.String, "reach": pl.Float64,
                                          "confidence": pl.Float64, "effort": pl.Float64})
    .select("id", "title", "reach", "confidence", "effort",
            impact.replace_strict(impacts, default=None, return_dtype=pl.Float64)
                  .fill_null(impact.cast(pl.Float64, strict=False)).alias("impact"))
    .with_columns((pl.col("reach") * pl.col("impact") * pl.col("confidence") / pl.col("effort")).alias("score"))
    .filter(pl.col("score").is_not_null())
    .sort("score", descending=True, maintain_order=True)
    .with_columns(pl.int_range(1, pl.len() + 1).alias("position"),
                  pl.col("score").rank("min", descending=True).alias("rank"))
    .select("position", "rank", "id", "title", "score", "reach", "impact", "confidence", "effort",
            pl.col("score").alias("rice"))
    .sink_csv(target)
)
elapsed = time.perf_counter() - start
print(json.dumps({"seconds": elapsed, "peak": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}))
"""


def first_ids(path):
    """The ids of the first CHECKED rows of a ranking CSV (the third column)."""
    ids = []
    with open(path, encoding="utf-8") as file:
        next(file)
        for line in file:
            ids.append(line.split(",")[2])
            if len(ids) == CHECKED:
                break
    return ids


def run_rank(source, target):
    start = time.perf_counter()
    with open(target, "wb") as out:
        process = subprocess.Popen([str(RANK), source, "--format", "csv"], stdout=out, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        sys.exit(f"error: rank failed with status {status}")
    return {"seconds": elapsed, "peak": usage.ru_maxrss * 1024}


def run_python(script, source, target):
    result = subprocess.run([sys.executable, "-c", script, source, target], capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"error: {result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: python3 benches/compare.py BACKLOG.csv")
    source = sys.argv[1]
    if not RANK.exists():
        sys.exit("error: build the examples first: cargo build --release --examples")
    rows = sum(1 for _ in open(source, encoding="utf-8")) - 1
    with tempfile.TemporaryDirectory() as scratch:
        outputs = {name: str(Path(scratch) / f"{name}.csv") for name in ("rank", "duckdb", "polars")}
        results = {
            "rank": run_rank(source, outputs["rank"]),
            "duckdb": run_python(DUCKDB, source, outputs["duckdb"]),
            "polars": run_python(POLARS, source, outputs["polars"]),
        }
        reference = first_ids(outputs["rank"])
        for name in ("duckdb", "polars"):
            ids = first_ids(outputs[name])
            if ids != reference:
                at = next(i for i, (a, b) in enumerate(zip(ids, reference)) if a != b)
                sys.exit(f"error: {name}'s order differs from rank's at position {at + 1}: {ids[at]} vs {reference[at]}")
    print(f"{rows:,} rows, the first {CHECKED:,} ids of every output equal to rank's")
    print()
    print("| tool | wall | peak memory |")
    print("|---|---:|---:|")
    for name, label in [("rank", "`rank --format csv` (one process)"), ("duckdb", "DuckDB, 2 threads, query only"),
                        ("polars", "Polars, query only")]:
        result = results[name]
        print(f"| {label} | {result['seconds']:.2f} s | {result['peak'] / 1e6:.0f} MB |")


if __name__ == "__main__":
    main()
