"""The reports each source is expected to deliver: the denominator of completeness and timeliness.

``raw_ingestion__expected_reports`` holds one row per expected delivery over the calendar
(``ingestion.periods``): every month for the monthly national exports (hotline, portal) and every
province × quarter for the training reports, with the province list valid in that quarter
(63 provinces up to 2025-Q2, 34 from 2025-Q3) and the due date.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

import duckdb
import pandas as pd

from ingestion.periods import (
    months,
    period_end,
    period_start,
    quarters,
    school_years,
    training_due_date,
)
from ingestion.sources import SOURCES
from ingestion.tables import COLUMNS, EXPECTED_TABLE, quoted
from schemas.reference import SCHEME_2004, SCHEME_2025, SWITCH_DATE, province_lists

MONTHLY_DUE_DAYS = 10
"""A monthly export is expected within 10 days after the month (used for timeliness only)."""
SCHOOL_YEAR_DUE_DAYS = 92
"""A school year's register (ending 31 May) is expected by the end of August."""


def expected_reports(first: str | None = None, last: str | None = None) -> pd.DataFrame:
    """Every expected delivery of every source in the calendar window (``YYYY-MM`` bounds)."""
    window = {k: v for k, v in (("first", first), ("last", last)) if v}
    lists = province_lists()
    rows: list[list[object]] = []
    for name, spec in SOURCES.items():
        if spec.cadence == "quarterly":
            for quarter in quarters(**window):
                start = period_start(quarter)
                scheme = SCHEME_2025 if start >= SWITCH_DATE else SCHEME_2004
                due = training_due_date(quarter)
                for code in sorted(lists.codes(scheme)):
                    rows.append([name, quarter, code, scheme, start, period_end(quarter), due])
        elif spec.cadence == "school_year":
            for year in school_years(**window):
                end = period_end(year)
                due = end + dt.timedelta(days=SCHOOL_YEAR_DUE_DAYS)
                rows.append([name, year, None, None, period_start(year), end, due])
        else:
            for month in months(**window):
                end = period_end(month)
                due = end + dt.timedelta(days=MONTHLY_DUE_DAYS)
                rows.append([name, month, None, None, period_start(month), end, due])
    return pd.DataFrame(rows, columns=list(COLUMNS[EXPECTED_TABLE]))


@cache
def _calendar() -> pd.DataFrame:
    return expected_reports()


def refresh_expected_reports(con: duckdb.DuckDBPyConnection) -> int:
    """Write ``raw_ingestion__expected_reports`` (tables must exist) unless it already holds
    the calendar; returns its row count."""
    frame = _calendar()
    [(present,)] = con.execute(f"SELECT count(*) FROM {quoted(EXPECTED_TABLE)}").fetchall()
    if present == len(frame):
        return present
    names = ", ".join(quoted(c) for c in frame.columns)
    con.register("_expected_rows", frame)
    try:
        con.execute("BEGIN TRANSACTION")
        con.execute(f"DELETE FROM {quoted(EXPECTED_TABLE)}")
        con.execute(
            f"INSERT INTO {quoted(EXPECTED_TABLE)} ({names}) SELECT {names} FROM _expected_rows"
        )
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    finally:
        con.unregister("_expected_rows")
    return len(frame)
