"""What a reader returns, and the error it raises when a whole file cannot be read."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np
import pandas as pd


class ReadError(ValueError):
    """The whole file cannot be read (wrong format, missing columns, undecodable bytes)."""


@dataclass
class Issues:
    """Row-level problems found while normalising: (frame index, column, reason)."""

    rows: list[tuple[int, str, str]] = field(default_factory=list)

    def add_mask(self, mask: pd.Series, column: str, reason: str | pd.Series) -> None:
        """Record ``reason`` (one text, or one per row) for every row where ``mask`` is true."""
        hit = mask.fillna(False).astype(bool)
        if not hit.any():
            return
        index = hit.index[hit.to_numpy()]
        if isinstance(reason, pd.Series):
            self.rows.extend(zip(index, [column] * len(index), reason[index], strict=True))
        else:
            self.rows.extend((int(i), column, reason) for i in index)

    def add(self, index: int, column: str, reason: str) -> None:
        """Record one problem."""
        self.rows.append((int(index), column, reason))


@dataclass
class ParsedFile:
    """A file read into the raw table's contract columns.

    ``frame`` has a 0..n-1 index; ``row_numbers[i]`` is the 1-based row in the file of frame row
    ``i``; ``records`` holds the source values of each row (allowed columns only, never
    identifying ones) for the rejects table.
    """

    frame: pd.DataFrame
    row_numbers: np.ndarray
    records: pd.DataFrame
    issues: Issues
    encoding: str = "utf-8"
    reported_date: dt.date | None = None
    """The date the file says it was reported (training: the "Ngày báo cáo" cell), if any."""
