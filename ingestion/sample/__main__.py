"""Command line: ``python -m ingestion.sample --scale 0.01 --out DIR --seed 830``."""

from __future__ import annotations

import argparse
from pathlib import Path

from ingestion.sample import DEFAULT_SEED, generate


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, write the sample, print progress and a summary."""
    parser = argparse.ArgumentParser(prog="python -m ingestion.sample", description=__doc__)
    parser.add_argument("--out", type=Path, required=True, help="landing folder to write into")
    parser.add_argument("--scale", type=float, default=1.0, help="1 = real national volume")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--start", default="2021-01", help="first month, YYYY-MM")
    parser.add_argument("--end", default="2025-12", help="last month, YYYY-MM")
    args = parser.parse_args(argv)
    print(f"sample: scale {args.scale}, seed {args.seed}, {args.start}..{args.end} -> {args.out}")
    summary = generate(args.out, args.scale, args.seed, args.start, args.end, progress=print)
    for source in summary.files:
        print(f"  {source:<28} {summary.files[source]:>6,} files {summary.rows[source]:>10,} rows")
    total_files = sum(summary.files.values())
    total_rows = sum(summary.rows.values())
    print(f"sample done: {total_files:,} files, {total_rows:,} rows in {summary.seconds:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
