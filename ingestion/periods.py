"""The reporting calendar: which month or quarter (and province, and version) a landing file is.

A landing file reports on one *unit*: a month (hotline, portal) or a province-quarter (training).
A later version of the same unit (``contacts_2023-05_v2.csv``, ``training/2023-Q2/01_v2.xlsx``)
supersedes the earlier one. Orchestration partitions the raw tables by the same periods.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import PurePosixPath

from schemas.reference import TRAINING_REPORT_DUE_DAYS
from schemas.registry_files import default_registry

FIRST_MONTH = default_registry().calendar.first_month
LAST_MONTH = default_registry().calendar.last_month
"""The calendar the partitions cover: the adopted programmes' years (schemas/programmes)."""

_MONTH = re.compile(r"(?<!\d)(\d{4})-(0[1-9]|1[0-2])(?!\d)")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_SCHOOL_YEAR = re.compile(r"(?<!\d)(\d{4})-(\d{4})(?!\d)")
_VERSION = re.compile(r"_v(\d+)$", re.IGNORECASE)
_PROVINCE_STEM = re.compile(r"^(\d{1,2})(?:_v\d+)?$", re.IGNORECASE)


@dataclass(frozen=True)
class FileUnit:
    """What a landing file reports on. ``period`` is None when the name carries no period."""

    period: str | None
    province_code: str | None
    version: int


def months(first: str = FIRST_MONTH, last: str = LAST_MONTH) -> list[str]:
    """``YYYY-MM`` from ``first`` to ``last`` inclusive."""
    year, month = (int(p) for p in first.split("-"))
    end = tuple(int(p) for p in last.split("-"))
    out = []
    while (year, month) <= end:
        out.append(f"{year}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def quarters(first: str = FIRST_MONTH, last: str = LAST_MONTH) -> list[str]:
    """``YYYY-Qn`` of every quarter with a month in ``first``..``last``."""
    return list(dict.fromkeys(month_quarter(m) for m in months(first, last)))


def month_quarter(month: str) -> str:
    """``2023-05`` → ``2023-Q2``."""
    year, number = month.split("-")
    return f"{year}-Q{(int(number) - 1) // 3 + 1}"


def school_years(first: str = FIRST_MONTH, last: str = LAST_MONTH) -> list[str]:
    """``YYYY-YYYY`` of every school year (1 September – 31 May) with a month in the window."""
    out = []
    for month in months(first, last):
        year, number = (int(p) for p in month.split("-"))
        start = year if number >= 9 else year - 1
        out.append(f"{start}-{start + 1}")
    return list(dict.fromkeys(out))


def _school_year(period: str) -> tuple[int, int] | None:
    match = _SCHOOL_YEAR.fullmatch(period)
    if match and int(match.group(2)) == int(match.group(1)) + 1:
        return int(match.group(1)), int(match.group(2))
    return None


def period_end(period: str) -> dt.date:
    """Last day of a month (``2023-05``), quarter (``2023-Q2``) or school year (``2023-2024``:
    31 May 2024)."""
    school = _school_year(period)
    if school:
        return dt.date(school[1], 5, 31)
    match = _QUARTER.match(period)
    if match:
        year, last_month = int(match.group(1)), 3 * int(match.group(2))
    else:
        year, last_month = (int(p) for p in period.split("-"))
    following = dt.date(year + (last_month == 12), last_month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def period_start(period: str) -> dt.date:
    """First day of a month, quarter or school year (1 September)."""
    school = _school_year(period)
    if school:
        return dt.date(school[0], 9, 1)
    match = _QUARTER.match(period)
    if match:
        return dt.date(int(match.group(1)), 3 * int(match.group(2)) - 2, 1)
    year, month = (int(p) for p in period.split("-"))
    return dt.date(year, month, 1)


def training_due_date(quarter: str) -> dt.date:
    """When a province's report for ``quarter`` is due: 15 days after the quarter ends
    (``training_report_due_days``, schemas/reference/calendar.yml; dbt's calendar() too)."""
    return period_end(quarter) + dt.timedelta(days=TRAINING_REPORT_DUE_DAYS)


def _version(stem: str) -> int:
    match = _VERSION.search(stem)
    return max(1, int(match.group(1))) if match else 1


def monthly_unit(rel_path: str) -> FileUnit:
    """``hotline/contacts_2023-05_v2.csv`` → (``2023-05``, None, 2); the month may be anywhere."""
    stem = PurePosixPath(rel_path).stem
    match = _MONTH.search(stem)
    period = f"{match.group(1)}-{match.group(2)}" if match else None
    return FileUnit(period, None, _version(stem))


def quarterly_unit(rel_path: str) -> FileUnit:
    """``training/2023-Q2/01_v2.xlsx`` → (``2023-Q2``, ``01``, 2); the quarter is the folder."""
    path = PurePosixPath(rel_path)
    period = path.parent.name if _QUARTER.match(path.parent.name) else None
    match = _PROVINCE_STEM.match(path.stem)
    province = match.group(1).zfill(2) if match else None
    return FileUnit(period, province, _version(path.stem))


def school_year_unit(rel_path: str) -> FileUnit:
    """``schools/register_2023-2024_v2.csv`` → (``2023-2024``, None, 2)."""
    stem = PurePosixPath(rel_path).stem
    match = _SCHOOL_YEAR.search(stem)
    period = f"{match.group(1)}-{match.group(2)}" if match else None
    if period and _school_year(period) is None:
        period = None
    return FileUnit(period, None, _version(stem))
