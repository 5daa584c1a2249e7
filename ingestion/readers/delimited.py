"""Reading delimited text (CSV) exports into string columns with canonical names.

Columns are matched by header name. A row whose number of fields differs from the header's (a
trailing delimiter, an unquoted comma inside a value, a truncated line) is not read at all: its
cells become empty and it gets a whole-row issue, so it is rejected instead of shifting columns.

A file is read into columns by pyarrow's CSV reader (C++, no Python per row), which reads
well-formed CSV exactly as Python's csv module does (quotes, doubled quotes, quoted delimiters
and newlines, blank lines, CRLF). A file pyarrow reads otherwise, or in which any row has the
wrong number of fields, or a NUL byte, is read again row by row with the csv module, so every
whole-row reject above is found and reported the same way.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pa_csv

from ingestion.encoding import DecodeError, decode_bytes
from ingestion.readers.parsed import Issues, ParsedFile, ReadError
from ingestion.reasons import Reason
from ingestion.safe_values import MAX_LENGTH
from ingestion.text import column_key
from schemas.raw.checks import looks_like_phone

WHOLE_ROW = "(row)"
"""The column name of a problem with the whole row."""


@dataclass
class Delimited:
    """A CSV read into canonical text columns."""

    frame: pd.DataFrame
    """Index 0..n-1, one ``str`` column per canonical name found (optional ones filled "")."""
    encoding: str
    headers: dict[str, str]
    """Canonical name → header as written in the file."""
    issues: Issues = field(default_factory=Issues)
    """Whole-row problems (wrong number of fields)."""
    warnings: list[str] = field(default_factory=list)
    """Optional columns not found (with the headers that were not recognised)."""

    def parsed(self, frame: pd.DataFrame, derived: dict[str, str]) -> ParsedFile:
        """The reader's result: ``frame`` (contract columns) read from this CSV; ``derived``
        names the source column of each contract column called otherwise (for messages)."""
        headers = dict(self.headers)
        headers.update({c: self.headers[s] for c, s in derived.items() if s in self.headers})
        return ParsedFile(
            frame=frame,
            row_numbers=np.arange(1, len(self.frame) + 1),
            records=self.frame,
            issues=self.issues,
            encoding=self.encoding,
            headers=headers,
            warnings=self.warnings,
        )


def _delimiter(header_line: str) -> str:
    counts = {d: header_line.count(d) for d in (",", ";", "\t", "|")}
    return max(counts, key=lambda d: counts[d])


def _columns(text: str, delimiter: str) -> list[np.ndarray] | None:
    """Every row of the file (header first) as text columns, or None when a row's number of fields
    differs from the first row's (or the text has a NUL): then the csv module reads it."""
    first = text.lstrip("\r\n").partition("\n")[0].partition("\r")[0]  # the header line
    width = len(next(csv.reader([first], delimiter=delimiter), []))
    if width < 2 or "\x00" in text:
        return None
    names = [f"c{i}" for i in range(width)]
    try:
        table = pa_csv.read_csv(
            io.BytesIO(text.encode("utf-8")),
            read_options=pa_csv.ReadOptions(column_names=names),
            # a row with another number of fields than the first raises ArrowInvalid
            parse_options=pa_csv.ParseOptions(delimiter=delimiter, newlines_in_values=True),
            convert_options=pa_csv.ConvertOptions(
                column_types=dict.fromkeys(names, pa.string()),
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except pa.ArrowInvalid:
        return None
    if table.num_rows == 0:
        return None
    return [table.column(name).to_numpy(zero_copy_only=False) for name in names]


def _rows(text: str, delimiter: str) -> tuple[list[str], list[list[str]]]:
    """The header and the body rows (any number of fields), read by the csv module."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        rows = [row for row in reader if row]
    except csv.Error as exc:
        raise ReadError(f"not a readable CSV file: {exc}", Reason.UNREADABLE_FILE) from exc
    return rows[0], rows[1:]


def _shown(header: str) -> bool:
    return 0 < len(header) <= MAX_LENGTH and "@" not in header and not looks_like_phone(header)


def read_delimited(
    data: bytes,
    aliases: dict[str, list[str]],
    required: list[str],
    optional: Iterable[str] = (),
) -> Delimited:
    """Read CSV bytes into text columns named by ``aliases`` (canonical → accepted header keys).

    Columns not in ``aliases`` (names, phone numbers, free-text notes, …) are dropped here and
    never leave this function. Raises ``ReadError`` if the file is not text or a ``required``
    column is missing; a missing ``optional`` column is filled with "" and named in ``warnings``.
    """
    try:
        text, encoding = decode_bytes(data)
    except DecodeError as exc:
        raise ReadError(str(exc), Reason.UNREADABLE_FILE) from exc
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise ReadError("empty file", Reason.EMPTY_FILE)
    delimiter = _delimiter(text.split("\n")[0])
    table = _columns(text, delimiter)
    body: list[list[str]]
    if table is not None:
        first, body = [str(cell) for cell in (column[0] for column in table)], []
    else:
        first, body = _rows(text, delimiter)
    header = [h.strip() for h in first]
    count = len(table[0]) - 1 if table is not None else len(body)
    lookup = {column_key(alias): canonical for canonical, keys in aliases.items() for alias in keys}
    where: dict[str, int] = {}
    for position, name in enumerate(header):
        canonical = lookup.get(column_key(name))
        if canonical and canonical not in where:
            where[canonical] = position
    missing = [c for c in required if c not in where]
    if missing:
        raise ReadError(f"missing column(s): {', '.join(missing)}", Reason.MISSING_COLUMN)
    width = len(header)
    issues = Issues()
    for index, row in enumerate(body):
        if len(row) != width:
            issues.add(
                index,
                WHOLE_ROW,
                f"row has {len(row)} fields but the header has {width}",
                Reason.WRONG_FIELD_COUNT,
            )
    columns: dict[str, object] = {
        canonical: table[i][1:] if table is not None else
        [row[i] if len(row) == width else "" for row in body]
        for canonical, i in where.items()
    }  # fmt: skip
    warnings = []
    unknown = [h for i, h in enumerate(header) if i not in where.values() and _shown(h)]
    for canonical in optional:
        if canonical not in where:
            columns[canonical] = [""] * count
            warnings.append(
                f"optional column {canonical!r} not found, so it is empty for every row "
                f"(headers not recognised: {', '.join(repr(h) for h in unknown) or 'none'}) / "
                f"không thấy cột {canonical!r}: cột này để trống cho mọi dòng"
            )
    frame = pd.DataFrame(columns, index=pd.RangeIndex(count), dtype=object)
    return Delimited(frame, encoding, {c: header[i] for c, i in where.items()}, issues, warnings)
