"""Reader of a province's quarterly training report (``training/YYYY-Qn/<code>.xlsx``).

The sheet has title lines, a header row with Vietnamese labels and one row per activity. Total
rows ("Cộng", "Cộng mục II", "Tổng cộng", …) may close each section: they are skipped wherever
they are, and anything below the last of them (signatures) is dropped.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Callable
from pathlib import PurePosixPath
from xml.etree import ElementTree

import numpy as np
import pandas as pd
from openpyxl import load_workbook

from ingestion import labels
from ingestion.provinces import resolve_one
from ingestion.readers.parsed import MAX_COUNT, Issues, ParsedFile, ReadError, TooLarge
from ingestion.readers.xlsx_cells import Unsupported, first_sheet_rows
from ingestion.reasons import Reason
from ingestion.safe_values import safe_text
from ingestion.text import match_key
from ingestion.timestamps import parse_report_date
from schemas.reference import SCHEME_2004, SCHEME_2025, SWITCH_DATE

HEADERS: dict[str, list[str]] = {
    "event_date": ["Ngày", "Ngày tổ chức", "Thời gian"],
    "audience": ["Đối tượng"],
    "mode": ["Hình thức"],
    "participants_male": ["Số người tham dự - Nam", "Nam"],
    "participants_female": ["Số người tham dự - Nữ", "Nữ"],
    "participants_total": ["Tổng số", "Số người tham dự - Tổng số", "Tổng"],
    "pre_test_score": ["Điểm trước", "Điểm kiểm tra trước"],
    "post_test_score": ["Điểm sau", "Điểm kiểm tra sau"],
}
_HEADER_LOOKUP = {match_key(a): canonical for canonical, keys in HEADERS.items() for a in keys}
_TOTAL = re.compile(r"^(tong|tongcong|cong)(muc)?[ivx\d]*$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_VERSION_SUFFIX = re.compile(r"_v\d+$", re.IGNORECASE)
_REPORTED = "ngaybaocao"
_THOUSANDS = re.compile(r"^\d{1,3}(?:[.,\s]\d{3})+$")


def _is_blank(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, float):
        return value != value  # NaN
    return isinstance(value, str) and not value.strip()


def _cell_text(value: object) -> str:
    if _is_blank(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.strftime("%d/%m/%Y")
    return str(value).strip()


def _count(value: object) -> int | None:
    """A participant count: int, integral float, or text with thousands separators."""
    if _is_blank(value):
        return None
    if isinstance(value, bool):
        raise ValueError("not a number")
    if isinstance(value, float) and not value.is_integer():
        raise ValueError(f"not a whole number: {value}")
    if isinstance(value, (int, float)):
        number = int(value)
    else:
        text = str(value).strip()
        number = int(re.sub(r"[.,\s]", "", text) if _THOUSANDS.match(text) else text)
    if abs(number) > MAX_COUNT:
        raise TooLarge
    return number


def _score(value: object) -> float | None:
    """A mean test score; text may use a decimal comma."""
    if _is_blank(value):
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    return float(str(value).strip().replace(",", "."))


def quarter_and_province(rel_path: str) -> tuple[str, str, str]:
    """``training/2023-Q2/01.xlsx`` (or ``01_v2.xlsx``) → ``("2023-Q2", "01", "province_2004")``."""
    path = PurePosixPath(rel_path)
    match = _QUARTER.match(path.parent.name)
    if not match:
        raise ReadError(
            f"folder {path.parent.name!r} is not a quarter like 2023-Q2", Reason.BAD_FILE_NAME
        )
    year, quarter = int(match.group(1)), int(match.group(2))
    starts = dt.date(year, 3 * quarter - 2, 1)
    scheme = SCHEME_2025 if starts >= SWITCH_DATE else SCHEME_2004
    stem = _VERSION_SUFFIX.sub("", path.stem)
    code, reason = resolve_one(stem, scheme)
    if code is None:
        if reason:
            raise ReadError(reason, Reason.UNKNOWN_PROVINCE)
        raise ReadError(f"file name {path.stem!r} is not a province code", Reason.BAD_FILE_NAME)
    return f"{year}-Q{quarter}", code, scheme


def _rows(data: bytes) -> list[tuple[int, tuple[object, ...]]]:
    if not data.strip():
        raise ReadError("empty file", Reason.EMPTY_FILE)
    if not data.startswith(b"PK"):
        raise ReadError(
            "not a readable .xlsx workbook: not an Excel 2007+ (.xlsx) file; save it as .xlsx",
            Reason.UNREADABLE_FILE,
        )
    try:
        return first_sheet_rows(data)
    except (Unsupported, ElementTree.ParseError, ValueError, KeyError, IndexError, TypeError):
        pass  # something unusual: let openpyxl read it
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise ReadError(f"not a readable .xlsx workbook: {exc}", Reason.UNREADABLE_FILE) from exc
    try:
        sheet = workbook.worksheets[0]
        return [(i, tuple(r)) for i, r in enumerate(sheet.iter_rows(values_only=True), start=1)]
    finally:
        workbook.close()


def _header(rows: list[tuple[int, tuple[object, ...]]]) -> tuple[int, dict[int, str]]:
    for position, (_, cells) in enumerate(rows):
        found = {
            i: _HEADER_LOOKUP[match_key(_cell_text(c))]
            for i, c in enumerate(cells)
            if match_key(_cell_text(c)) in _HEADER_LOOKUP
        }
        if "event_date" in found.values() and "participants_total" in found.values():
            missing = [HEADERS[c][0] for c in HEADERS if c not in found.values()]
            if missing:
                raise ReadError(f"missing column(s): {', '.join(missing)}", Reason.MISSING_COLUMN)
            return position, found
    raise ReadError("no header row with 'Ngày' and 'Tổng số' found", Reason.MISSING_COLUMN)


def reported_date(rows: list[tuple[int, tuple[object, ...]]]) -> dt.date | None:
    """The "Ngày báo cáo" (report date) above the header: ``Ngày báo cáo: 14/07/2023`` in one
    cell, or the label and the date in neighbouring cells. None when absent or unreadable."""
    for _, cells in rows:
        for i, cell in enumerate(cells):
            text = _cell_text(cell)
            if not match_key(text).startswith(_REPORTED):
                continue
            value: object = text.split(":", 1)[1].strip() if ":" in text else None
            if not value:
                value = next((c for c in cells[i + 1 :] if not _is_blank(c)), None)
            try:
                return parse_report_date(value)
            except (ValueError, TypeError, OverflowError):
                return None
    return None


def convert_cell(
    convert: Callable[[object], object],
    record: dict[str, object],
    index: int,
    column: str,
    issues: Issues,
    code: Reason,
) -> object:
    """``convert`` of one report cell; an unreadable cell is None plus an issue of ``code`` (its
    value shown only when it cannot identify anyone)."""
    try:
        return convert(record[column])
    except TooLarge:
        issues.add(index, column, f"{column}: beyond any plausible count", Reason.IMPLAUSIBLE_VALUE)
    except (ValueError, TypeError, OverflowError):
        shown = safe_text(_cell_text(record[column]))
        issues.add(index, column, f"unreadable {column}" + (f": {shown}" if shown else ""), code)
    return None


def _convert(records: list[dict[str, object]], issues: Issues) -> dict[str, list[object]]:
    """Convert every cell of the data rows; unreadable cells become None plus an issue."""
    converters = {
        "event_date": (parse_report_date, Reason.UNPARSEABLE_DATE),
        "participants_male": (_count, Reason.UNREADABLE_VALUE),
        "participants_female": (_count, Reason.UNREADABLE_VALUE),
        "participants_total": (_count, Reason.UNREADABLE_VALUE),
        "pre_test_score": (_score, Reason.UNREADABLE_VALUE),
        "post_test_score": (_score, Reason.UNREADABLE_VALUE),
    }
    codes = {"audience": labels.AUDIENCE, "mode": labels.MODE}
    out: dict[str, list[object]] = {column: [] for column in HEADERS}
    for index, record in enumerate(records):
        for column, (convert, unreadable) in converters.items():
            out[column].append(convert_cell(convert, record, index, column, issues, unreadable))
        for column, mapping in codes.items():
            text = _cell_text(record[column])
            code = mapping.get(match_key(text))
            if code is None and text:
                issues.add(index, column, f"unknown {column} label", Reason.UNKNOWN_LABEL)
            out[column].append(code)
    return out


def _is_total(cells: tuple[object, ...]) -> bool:
    """A total or subtotal row: "Cộng", "Cộng mục II", "Tổng", "Tổng cộng" in one of its first
    three cells."""
    return any(_TOTAL.match(match_key(_cell_text(c))) for c in cells[:3] if not _is_blank(c))


def report_records(
    rows: list[tuple[int, tuple[object, ...]]], header_at: int, columns: dict[int, str]
) -> tuple[list[dict[str, object]], list[int]]:
    """The data rows of a provincial report below its header: each as {contract column: cell},
    with its sheet row number; blank rows and total rows are skipped, and anything below the
    last total row (signatures) is dropped."""
    body = rows[header_at + 1 :]
    totals = [i for i, (_, cells) in enumerate(body) if _is_total(cells)]
    skipped = set(totals)
    records: list[dict[str, object]] = []
    numbers: list[int] = []
    for position, (sheet_row, cells) in enumerate(body[: totals[-1]] if totals else body):
        texts = [_cell_text(c) for c in cells]
        if position in skipped or not any(texts[i] for i in columns if i < len(texts)):
            continue
        records.append({name: cells[i] if i < len(cells) else None for i, name in columns.items()})
        numbers.append(sheet_row)
    return records, numbers


def report_parsed(
    frame: pd.DataFrame,
    records: list[dict[str, object]],
    numbers: list[int],
    issues: Issues,
    rows: list[tuple[int, tuple[object, ...]]],
    header_at: int,
    columns: dict[int, str],
) -> ParsedFile:
    """A provincial report's ``ParsedFile``: the source cells of each row (for the rejects) and
    the headers as written, the province from the file name and the quarter from its folder."""
    province = frame["province_code"].iloc[0] if len(frame) else None
    source = pd.DataFrame(
        [{"province": province, **{k: _cell_text(v) for k, v in r.items()}} for r in records],
        columns=["province", *columns.values()],
    )
    return ParsedFile(
        frame=frame,
        row_numbers=np.asarray(numbers, dtype=np.int64),
        records=source,
        issues=issues,
        encoding="xlsx",
        reported_date=reported_date(rows[:header_at]),
        headers={
            "province": "(file name)",
            "province_code": "(file name)",
            "province_scheme": "(file name)",
            "report_quarter": "(folder)",
            **{name: _cell_text(rows[header_at][1][i]) for i, name in columns.items()},
        },
    )


def read_training(data: bytes, rel_path: str) -> ParsedFile:
    """Read one quarterly report into ``raw_training__events`` columns."""
    report_quarter, province_code, scheme = quarter_and_province(rel_path)
    rows = _rows(data)
    header_at, columns = _header(rows)
    records, numbers = report_records(rows, header_at, columns)
    issues = Issues()
    values = _convert(records, issues)
    n = len(records)
    frame = pd.DataFrame(
        {
            "province_code": [province_code] * n,
            "province_scheme": [scheme] * n,
            "report_quarter": [report_quarter] * n,
            "event_date": pd.Series(values["event_date"], dtype=object),
            "audience": pd.Series(values["audience"], dtype=object),
            "mode": pd.Series(values["mode"], dtype=object),
            "participants_male": pd.array(values["participants_male"], dtype="Int64"),
            "participants_female": pd.array(values["participants_female"], dtype="Int64"),
            "participants_total": pd.array(values["participants_total"], dtype="Int64"),
            "pre_test_score": pd.array(values["pre_test_score"], dtype="float64"),
            "post_test_score": pd.array(values["post_test_score"], dtype="float64"),
        }
    )
    return report_parsed(frame, records, numbers, issues, rows, header_at, columns)
