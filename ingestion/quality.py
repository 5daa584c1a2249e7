"""Data-quality measures of the raw layer, read from the ledger (used by the Dagster checks).

All functions take an open DuckDB connection whose ingestion tables exist (``ensure_tables``).
"""

from __future__ import annotations

import datetime as dt
import json
import statistics
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from ingestion.periods import LAST_MONTH, months, period_end, quarters, school_years
from ingestion.sources import SOURCES
from ingestion.tables import LEDGER_TABLE, REJECTS_TABLE, quoted

LOW_SHARE = 0.25
"""A period with fewer rows than this share of the source's median is flagged."""


def unbalanced_files(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    """Files of ``table`` whose ledger row breaks rows_read = rows_loaded + rows_rejected."""
    rows = con.execute(
        f"SELECT file_path FROM {quoted(LEDGER_TABLE)} WHERE table_name = ? "
        "AND status IN ('loaded', 'superseded') AND rows_read <> rows_loaded + rows_rejected "
        "ORDER BY 1",
        [table],
    ).fetchall()
    return [r[0] for r in rows]


def ledger_mismatches(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    """Files whose ledger counts differ from the rows in ``table`` and the rejects: a current
    file must have exactly rows_loaded rows and rows_rejected row-level rejects of its load
    (a later failed content of the same path keeps its own rejects beside them); a file
    superseded by another path must have none; no row may come from a load that is not
    current."""
    rows = con.execute(
        f"SELECT l.file_path FROM {quoted(LEDGER_TABLE)} l "
        "LEFT JOIN (SELECT _source_file, _loaded_at, count(*) AS n "
        f"FROM {quoted(table)} GROUP BY 1, 2) r "
        "ON r._source_file = l.file_path AND r._loaded_at = l.loaded_at "
        f"LEFT JOIN (SELECT file_path, rejected_at, count(*) AS n FROM {quoted(REJECTS_TABLE)} "
        "WHERE row_number IS NOT NULL GROUP BY 1, 2) j "
        "ON j.file_path = l.file_path AND j.rejected_at = l.loaded_at "
        "WHERE l.table_name = ? AND ("
        "(l.status = 'loaded' AND (coalesce(r.n, 0) <> l.rows_loaded "
        "OR coalesce(j.n, 0) <> l.rows_rejected)) "
        "OR (l.status = 'superseded' AND l.superseded_by <> l.file_path "
        f"AND NOT EXISTS (SELECT 1 FROM {quoted(LEDGER_TABLE)} c WHERE c.file_path = "
        "l.file_path AND c.status = 'loaded') AND coalesce(r.n, 0) + coalesce(j.n, 0) > 0)) "
        "ORDER BY 1",
        [table],
    ).fetchall()
    orphans = con.execute(
        f"SELECT DISTINCT _source_file FROM {quoted(table)} t WHERE NOT EXISTS (SELECT 1 FROM "
        f"{quoted(LEDGER_TABLE)} l WHERE l.file_path = t._source_file "
        "AND l.loaded_at = t._loaded_at AND l.status = 'loaded')"
    ).fetchall()
    return sorted({r[0] for r in rows} | {r[0] for r in orphans})


@dataclass
class RowCounts:
    """Rows of the current files per period, and the periods that look wrong."""

    per_period: dict[str, int] = field(default_factory=dict)
    median: float = 0.0
    empty: list[str] = field(default_factory=list)
    low: list[str] = field(default_factory=list)


def row_counts(con: duckdb.DuckDBPyConnection, source: str) -> RowCounts:
    """Rows loaded per period from the current files, over every period between the first and
    the last period with a file; a period with no rows (or no file) is ``empty``, one below
    ``LOW_SHARE`` × the median is ``low``."""
    found = dict(
        con.execute(
            f"SELECT period, sum(rows_loaded) FROM {quoted(LEDGER_TABLE)} "
            "WHERE source = ? AND status = 'loaded' AND period IS NOT NULL GROUP BY 1",
            [source],
        ).fetchall()
    )
    out = RowCounts()
    if not found:
        return out
    cadence = SOURCES[source].cadence
    calendar = {"quarterly": quarters, "school_year": school_years}.get(cadence, months)()
    inside = [p for p in calendar if min(found) <= p <= max(found)]
    out.per_period = {p: int(found.get(p, 0)) for p in inside}
    out.median = float(statistics.median(out.per_period.values()))
    out.empty = [p for p, n in out.per_period.items() if n == 0]
    out.low = [p for p, n in out.per_period.items() if 0 < n < LOW_SHARE * out.median]
    return out


def newest_period(con: duckdb.DuckDBPyConnection, source: str) -> str | None:
    """The latest period with a current (loaded) file of ``source``."""
    row = con.execute(
        f"SELECT max(period) FROM {quoted(LEDGER_TABLE)} "
        "WHERE source = ? AND status = 'loaded' AND rows_loaded > 0",
        [source],
    ).fetchone()
    return row[0] if row else None


def as_of_date(landing_dir: Path, marker_name: str = "_sample.json") -> dt.date:
    """The data's own "today": the end of the sample's window when the landing folder holds the
    sample (its marker names the last month), else the current date (UTC)."""
    marker = Path(landing_dir) / marker_name
    if marker.exists():
        try:
            end = json.loads(marker.read_text(encoding="utf-8")).get("end") or LAST_MONTH
            return period_end(str(end))
        except (ValueError, json.JSONDecodeError):
            pass
    return dt.datetime.now(dt.UTC).date()


def staleness_days(newest: str | None, as_of: dt.date) -> int | None:
    """Days from the end of the newest loaded period to ``as_of`` (None when nothing loaded)."""
    return None if newest is None else (as_of - period_end(newest)).days


__all__ = [
    "LOW_SHARE",
    "RowCounts",
    "as_of_date",
    "ledger_mismatches",
    "newest_period",
    "row_counts",
    "staleness_days",
    "unbalanced_files",
]
