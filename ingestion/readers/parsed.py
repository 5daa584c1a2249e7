"""What a reader returns, and the error it raises when a whole file cannot be read."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ingestion.reasons import Reason

MAX_COUNT = 2**53
"""Beyond any count a source could hold (and beyond what a float keeps exactly): such a value is
rejected by the reader, before the contract's own plausibility bound is even checked."""


class TooLarge(ValueError):
    """A number beyond ``MAX_COUNT``."""


class ReadError(ValueError):
    """The whole file cannot be read (wrong format, missing columns, undecodable bytes): the
    text says what, ``code`` which kind of problem."""

    def __init__(self, message: str, code: Reason) -> None:
        super().__init__(message)
        self.code = code


@dataclass
class Issues:
    """Row-level problems found while normalising: (frame index, column, reason, code)."""

    rows: list[tuple[int, str, str, Reason]] = field(default_factory=list)

    def add_mask(self, mask: pd.Series, column: str, reason: str | pd.Series, code: Reason) -> None:
        """Record ``reason`` (one text, or one per row) for every row where ``mask`` is true."""
        hit = mask.fillna(False).astype(bool)
        if not hit.any():
            return
        index = hit.index[hit.to_numpy()]
        texts = reason[index] if isinstance(reason, pd.Series) else [reason] * len(index)
        self.rows.extend((int(i), column, r, code) for i, r in zip(index, texts, strict=True))

    def add(self, index: int, column: str, reason: str, code: Reason) -> None:
        """Record one problem."""
        self.rows.append((int(index), column, reason, code))


@dataclass
class ParsedFile:
    """A file read into the raw table's contract columns.

    ``frame`` has a 0..n-1 index; ``row_numbers[i]`` is the 1-based row in the file of frame row
    ``i``; ``records`` holds the source values of each row (contract columns only; the rejects
    table keeps only the values ``ingestion.safe_values`` allows).
    """

    frame: pd.DataFrame
    row_numbers: np.ndarray
    records: pd.DataFrame
    issues: Issues
    encoding: str = "utf-8"
    reported_date: dt.date | None = None
    """The date the file says it was reported (training: the "Ngày báo cáo" cell), if any."""
    headers: dict[str, str] = field(default_factory=dict)
    """Column (source or contract name) → the header as written in the file, for messages."""
    warnings: list[str] = field(default_factory=list)
    """File-level problems that do not reject a row (a renamed optional column)."""

    def header_of(self, column: str) -> str:
        """The header the officer sees for ``column`` (itself when unknown)."""
        return self.headers.get(column, column)
