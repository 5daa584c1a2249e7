"""Reading delimited text (CSV) exports into string columns with canonical names."""

from __future__ import annotations

import csv
import io

import pandas as pd

from ingestion.encoding import DecodeError, decode_bytes
from ingestion.readers.parsed import ReadError
from ingestion.text import column_key


def _delimiter(header_line: str) -> str:
    counts = {d: header_line.count(d) for d in (",", ";", "\t", "|")}
    return max(counts, key=lambda d: counts[d])


def read_delimited(
    data: bytes, aliases: dict[str, list[str]], required: list[str]
) -> tuple[pd.DataFrame, str]:
    """Read CSV bytes into text columns named by ``aliases`` (canonical → accepted header keys).

    Columns not in ``aliases`` (names, phone numbers, free-text notes, …) are dropped here and
    never leave this function. Raises ``ReadError`` if the file is not text or a required column
    is missing. Returns the frame (index 0..n-1, every value a ``str``) and the encoding.
    """
    try:
        text, encoding = decode_bytes(data)
    except DecodeError as exc:
        raise ReadError(str(exc)) from exc
    if not text.strip():
        raise ReadError("empty file")
    header_line = text.lstrip("\ufeff").split("\n", 1)[0]
    try:
        frame = pd.read_csv(
            io.StringIO(text.lstrip("\ufeff")),
            sep=_delimiter(header_line),
            dtype=str,
            keep_default_na=False,
            na_filter=False,
            quoting=csv.QUOTE_MINIMAL,
            skipinitialspace=False,
        )
    except (pd.errors.ParserError, UnicodeError, ValueError) as exc:
        raise ReadError(f"not a readable CSV file: {exc}".splitlines()[0]) from exc
    lookup = {column_key(alias): canonical for canonical, keys in aliases.items() for alias in keys}
    renamed: dict[str, str] = {}
    for column in frame.columns:
        canonical = lookup.get(column_key(str(column)))
        if canonical and canonical not in renamed.values():
            renamed[column] = canonical
    missing = [c for c in required if c not in renamed.values()]
    if missing:
        raise ReadError(f"missing column(s): {', '.join(missing)}")
    return frame[list(renamed)].rename(columns=renamed).reset_index(drop=True), encoding
