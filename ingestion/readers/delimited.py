"""Reading delimited text (CSV) exports into string columns with canonical names.

Columns are matched by header name. A row whose number of fields differs from the header's (a
trailing delimiter, an unquoted comma inside a value, a truncated line) is not read at all: its
cells become empty and it gets a whole-row issue, so it is rejected instead of shifting columns.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ingestion.encoding import DecodeError, decode_bytes
from ingestion.readers.parsed import Issues, ParsedFile, ReadError
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
        raise ReadError(str(exc)) from exc
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise ReadError("empty file")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text.split("\n")[0]))
    try:
        rows = [row for row in reader if row]
    except csv.Error as exc:
        raise ReadError(f"not a readable CSV file: {exc}") from exc
    header, body = [h.strip() for h in rows[0]], rows[1:]
    lookup = {column_key(alias): canonical for canonical, keys in aliases.items() for alias in keys}
    where: dict[str, int] = {}
    for position, name in enumerate(header):
        canonical = lookup.get(column_key(name))
        if canonical and canonical not in where:
            where[canonical] = position
    missing = [c for c in required if c not in where]
    if missing:
        raise ReadError(f"missing column(s): {', '.join(missing)}")
    width = len(header)
    issues = Issues()
    for index, row in enumerate(body):
        if len(row) != width:
            issues.add(index, WHOLE_ROW, f"row has {len(row)} fields but the header has {width}")
    columns = {
        canonical: [row[i] if len(row) == width else "" for row in body]
        for canonical, i in where.items()
    }
    warnings = []
    unknown = [h for i, h in enumerate(header) if i not in where.values() and _shown(h)]
    for canonical in optional:
        if canonical not in where:
            columns[canonical] = [""] * len(body)
            warnings.append(
                f"optional column {canonical!r} not found, so it is empty for every row "
                f"(headers not recognised: {', '.join(repr(h) for h in unknown) or 'none'}) / "
                f"không thấy cột {canonical!r}: cột này để trống cho mọi dòng"
            )
    frame = pd.DataFrame(columns, index=pd.RangeIndex(len(body)), dtype=object)
    return Delimited(frame, encoding, {c: header[i] for c, i in where.items()}, issues, warnings)
