"""The raw models' text and date dtypes: pandera's own, with a column-wide fast path.

pandera checks an object column against ``str`` or ``Date`` one value at a time, in Python (a
lambda per value): on the hotline's 2.7 million contacts a year that was 60% of the validation.
These check the set of the column's value types first (one C-level pass); only a column holding
some other type falls back to pandera's value-by-value check, which names the failing rows. So
a value passes or fails exactly as with pandera's dtype, and the contract sees the same dtype
names (``str``, ``date``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import pandas as pd
from pandera import dtypes
from pandera.engines import pandas_engine


def _holds_only(types: set[type], values: pd.Series) -> bool:
    return set(map(type, values.to_numpy())) <= types


@dtypes.immutable
class Text(pandas_engine.NpString):
    """``str``: Python strings, NULL where the field is nullable."""

    def check(
        self, pandera_dtype: dtypes.DataType, data_container: pd.Series | None = None
    ) -> bool | Iterable[bool]:
        if (
            data_container is not None
            and super().check(pandera_dtype)
            and _holds_only({str, type(None)}, data_container)
        ):
            return True
        return super().check(pandera_dtype, data_container)


@dtypes.immutable
class Date(pandas_engine.Date):
    """``date``: ``datetime.date`` values (not datetimes), NULL where the field is nullable."""

    def check(
        self, pandera_dtype: dtypes.DataType, data_container: Any = None
    ) -> bool | Iterable[bool]:
        if (
            data_container is not None
            and super().check(pandera_dtype)  # type: ignore[arg-type]
            and _holds_only({dt.date, type(None)}, data_container)
        ):
            return True
        return super().check(pandera_dtype, data_container)  # type: ignore[arg-type]
