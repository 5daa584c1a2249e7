"""Reader of a province's quarterly report of children counselled at social-assistance facilities
(``facilities/YYYY-Qn/<code>.xlsx``, Plan 838 activity 4b).

The workbook is laid out like the training reports (title lines, "Ngày báo cáo", one header row
with Vietnamese labels, total rows, signatures): one row per facility, month and age band. The
facility's name, the notes (which may name a child) and the preparer's name and telephone number
above the table are not contract columns and are dropped here, so no table ever holds them.
"""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd

from ingestion import labels
from ingestion.readers.parsed import Issues, ParsedFile, ReadError
from ingestion.readers.training import (
    _cell_text,
    _count,
    _rows,
    convert_cell,
    quarter_and_province,
    report_parsed,
    report_records,
)
from ingestion.reasons import Reason
from ingestion.text import match_key

HEADERS: dict[str, list[str]] = {
    "counselled_month": ["Tháng", "Tháng tư vấn"],
    "age_band": ["Nhóm tuổi", "Độ tuổi"],
    "counselled_total": ["Tổng số trẻ được tư vấn", "Số trẻ được tư vấn"],
    "online_male": ["Liên quan môi trường mạng - Nam", "Trên môi trường mạng - Nam"],
    "online_female": ["Liên quan môi trường mạng - Nữ", "Trên môi trường mạng - Nữ"],
    "online_total": ["Liên quan môi trường mạng - Tổng số", "Trên môi trường mạng - Tổng số"],
}
COUNTS = ("counselled_total", "online_male", "online_female", "online_total")
_LOOKUP = {match_key(a): canonical for canonical, keys in HEADERS.items() for a in keys}
_MONTH_YEAR = re.compile(r"^(\d{1,2})\s*[/.-]\s*(\d{4})$")


def _month(value: object, year: int) -> dt.date | None:
    """The month counselled: a month number of the report's year, ``mm/yyyy`` or a date cell."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        return dt.date(value.year, value.month, 1)
    text = _cell_text(value)
    if match := _MONTH_YEAR.match(text):
        return dt.date(int(match.group(2)), int(match.group(1)), 1)
    number = int(float(text)) if re.fullmatch(r"\d{1,2}(?:\.0+)?", text) else 0
    if not 1 <= number <= 12:
        raise ValueError(f"not a month: {text!r}")
    return dt.date(year, number, 1)


def _header(rows: list[tuple[int, tuple[object, ...]]]) -> tuple[int, dict[int, str]]:
    for position, (_, cells) in enumerate(rows):
        found = {
            i: _LOOKUP[key]
            for i, c in enumerate(cells)
            if (key := match_key(_cell_text(c))) in _LOOKUP
        }
        if {"counselled_month", "online_total"} <= set(found.values()):
            missing = [HEADERS[c][0] for c in HEADERS if c not in found.values()]
            if missing:
                raise ReadError(f"missing column(s): {', '.join(missing)}", Reason.MISSING_COLUMN)
            return position, found
    raise ReadError(
        "no header row with 'Tháng' and 'Liên quan môi trường mạng - Tổng số' found",
        Reason.MISSING_COLUMN,
    )


def _convert(
    records: list[dict[str, object]], year: int, issues: Issues
) -> dict[str, list[object]]:
    out: dict[str, list[object]] = {column: [] for column in HEADERS}
    for index, record in enumerate(records):
        month = convert_cell(
            lambda v: _month(v, year),
            record,
            index,
            "counselled_month",
            issues,
            Reason.UNREADABLE_VALUE,
        )
        if month is None and _cell_text(record["counselled_month"]) == "":
            issues.add(index, "counselled_month", "counselled_month is empty", Reason.MISSING_VALUE)
        out["counselled_month"].append(month)
        for column in COUNTS:
            out[column].append(
                convert_cell(_count, record, index, column, issues, Reason.UNREADABLE_VALUE)
            )
        text = _cell_text(record["age_band"])
        code = labels.AGE_BAND.get(match_key(text)) if text else "unknown"
        if code is None:
            issues.add(index, "age_band", "unknown age_band label", Reason.UNKNOWN_LABEL)
        out["age_band"].append(code)
    return out


def read_counselling(data: bytes, rel_path: str) -> ParsedFile:
    """Read one quarterly report into ``raw_facilities__counselling`` columns."""
    report_quarter, province_code, scheme = quarter_and_province(rel_path)
    rows = _rows(data)
    header_at, columns = _header(rows)
    records, numbers = report_records(rows, header_at, columns)
    issues = Issues()
    values = _convert(records, int(report_quarter[:4]), issues)
    n = len(records)
    frame = pd.DataFrame(
        {
            "province_code": [province_code] * n,
            "province_scheme": [scheme] * n,
            "report_quarter": [report_quarter] * n,
            "counselled_month": pd.Series(values["counselled_month"], dtype=object),
            "age_band": pd.Series(values["age_band"], dtype=object),
            **{c: pd.array(values[c], dtype="Int64") for c in COUNTS},
        }
    )
    return report_parsed(frame, records, numbers, issues, rows, header_at, columns)
