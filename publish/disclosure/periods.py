"""The release's period labels as date ranges, and how they add up."""

from __future__ import annotations

import datetime as dt
from functools import cache


@cache
def bounds(period_type: str, period: str) -> tuple[dt.date, dt.date]:
    """First and last day of a period label ('2024', '2024-Q3', '2024-07', '2023-2024')."""
    if period_type == "year":
        year = int(period)
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if period_type == "quarter":
        year, quarter = int(period[:4]), int(period[-1])
        start = dt.date(year, 3 * quarter - 2, 1)
        return start, _last_day(year, 3 * quarter)
    if period_type == "month":
        year, month = int(period[:4]), int(period[5:7])
        return dt.date(year, month, 1), _last_day(year, month)
    if period_type == "school_year":
        first, last = (int(y) for y in period.split("-"))
        return dt.date(first, 9, 1), dt.date(last, 5, 31)
    raise ValueError(f"unknown period type {period_type!r}")


def _last_day(year: int, month: int) -> dt.date:
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def children(period_type: str, period: str) -> tuple[str, list[str]] | None:
    """The period type and labels that add up to this period (a year's quarters, a quarter's
    months); None for months and school years."""
    if period_type == "year":
        return "quarter", [f"{period}-Q{q}" for q in range(1, 5)]
    if period_type == "quarter":
        year, quarter = period[:4], int(period[-1])
        return "month", [f"{year}-{m:02d}" for m in range(3 * quarter - 2, 3 * quarter + 1)]
    return None
