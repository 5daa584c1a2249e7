"""Export the warehouse's raw tables to Parquet, so another engine can build the dbt models.

Spark cannot read the DuckDB file; the dbt macro `register_raw_parquet` (on-run-start) registers
one Spark table per file written here (`--target spark --vars '{raw_parquet_dir: <out_dir>}'`).
`python -m orchestration.raw_parquet <warehouse.duckdb> <out_dir>`; tests/pipeline/test_spark.py
calls it.
"""

from __future__ import annotations

import sys
from pathlib import Path

import duckdb


def _quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def export_raw_tables(warehouse_path: str | Path, out_dir: str | Path) -> dict[str, int]:
    """Write every main.raw_* table to out_dir/<table>.parquet; return its row count by table."""
    out = Path(out_dir).resolve()
    out.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    with duckdb.connect(str(warehouse_path), read_only=True) as connection:
        tables = [
            name
            for (name,) in connection.execute(
                "select table_name from information_schema.tables"
                " where table_schema = 'main' and table_type = 'BASE TABLE'"
                " and starts_with(table_name, 'raw_') order by table_name"
            ).fetchall()
        ]
        for table in tables:
            relation = f"main.{_quote(table)}"
            target = str(out / f"{table}.parquet").replace("'", "''")
            connection.execute(f"copy (select * from {relation}) to '{target}' (format parquet)")
            counts[table] = connection.execute(f"select count(*) from {relation}").fetchall()[0][0]
    return counts


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python -m orchestration.raw_parquet <warehouse.duckdb> <out_dir>")
    for name, rows in export_raw_tables(sys.argv[1], sys.argv[2]).items():
        print(f"{name}\t{rows}")
