"""Timings and magnitudes of the sample generator and the loader (prints figures, asserts nothing).

    python -m ingestion.benchmark [--scale 0.01] [--start 2021-01 --end 2025-12] [--full-years]

1. ``--full-years``: the in-memory hotline years 2021–2023 at scale 1 against the published
   figures (contacts, app + Zalo notifications, cases), with the time each year takes.
2. The sample written at ``--scale`` into a temporary folder, timed per source.
3. The whole sample loaded into a temporary DuckDB, timed per source, and reloaded (all skipped).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import duckdb
import pandas as pd

from ingestion.load import load_source
from ingestion.sample import DEFAULT_SEED, generate
from ingestion.sample.hotline import cases_year, contacts_year
from ingestion.sources import SOURCES

PUBLISHED = {
    2021: (507_861, 1_651, 1_257),
    2022: (368_346, 9_679, 1_561),
    2023: (323_615, 1_313, 1_230),
}


def full_years(seed: int = DEFAULT_SEED) -> None:
    """Print the scale-1 hotline magnitudes of 2021–2023 next to the published ones."""
    print("hotline at scale 1 (in memory)   contacts        app+Zalo      cases   seconds")
    for year, (contacts_pub, app_pub, cases_pub) in PUBLISHED.items():
        began = time.perf_counter()
        contacts = contacts_year(year, 1.0, seed)
        cases = cases_year(year, 1.0, seed)
        took = time.perf_counter() - began
        app = int(contacts["channel"].isin(["Ứng dụng", "Zalo"]).sum())
        opened = pd.to_datetime(cases["opened_at"], format="%d/%m/%Y %H:%M").dt.year == year
        n_cases = cases[opened]["case_id"].nunique()
        print(
            f"  {year}  generated {len(contacts):>9,} {app:>7,} {n_cases:>6,}   {took:6.1f}\n"
            f"        published {contacts_pub:>9,} {app_pub:>7,} {cases_pub:>6,}"
        )


def write_and_load(scale: float, start: str, end: str, seed: int = DEFAULT_SEED) -> None:
    """Write the sample into a temporary folder, load it, print the timings."""
    with tempfile.TemporaryDirectory(prefix="cop_benchmark_") as tmp:
        landing = Path(tmp) / "landing"
        summary = generate(landing, scale=scale, seed=seed, start=start, end=end)
        print(f"sample at scale {scale} ({start}..{end}): {summary.seconds:.1f} s")
        for source, seconds in summary.seconds_by_source.items():
            files, rows = summary.files[source], summary.rows[source]
            print(f"  write {source:<17} {files:>6,} files {rows:>10,} rows {seconds:7.2f} s")
        con = duckdb.connect(str(Path(tmp) / "warehouse.duckdb"))
        try:
            total = 0.0
            for source in SOURCES:
                began = time.perf_counter()
                results = load_source(con, source, landing)
                took = time.perf_counter() - began
                total += took
                rows = sum(r.rows_loaded for r in results)
                files = len(results)
                print(f"  load  {source:<17} {files:>6,} files {rows:>10,} rows {took:7.2f} s")
            print(f"load: {total:.1f} s")
            began = time.perf_counter()
            for source in SOURCES:
                load_source(con, source, landing)
            print(f"reload (every file unchanged, skipped): {time.perf_counter() - began:.1f} s")
        finally:
            con.close()


def main(argv: list[str] | None = None) -> int:
    """Parse the arguments and print the figures."""
    parser = argparse.ArgumentParser(prog="python -m ingestion.benchmark", description=__doc__)
    parser.add_argument("--scale", type=float, default=0.01)
    parser.add_argument("--start", default="2021-01")
    parser.add_argument("--end", default="2025-12")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--full-years", action="store_true", help="also time scale-1 years")
    args = parser.parse_args(argv)
    if args.full_years:
        full_years(args.seed)
    write_and_load(args.scale, args.start, args.end, args.seed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
