"""Local timestamps and dates: Asia/Ho_Chi_Minh wall time to UTC, dd/mm/yyyy, Excel serials."""

from __future__ import annotations

import datetime as dt
import re
import warnings

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from pandas.api.types import is_datetime64_dtype

LOCAL_TZ = "Asia/Ho_Chi_Minh"
_AWARE = r"(?:Z|[+-]\d{1,2}(?::?\d{2})?)$"
"""An explicit offset after the time of day (``Z``, ``+07:00``, ``+0700``, ``+07``, ``+7``)."""
_DAY_FIRST_FORMATS = (
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y",
    "%d-%m-%Y %H:%M",
    "%d-%m-%Y",
)
_EXCEL_EPOCH = dt.date(1899, 12, 30)


def _parse_naive(text: pd.Series) -> pd.Series:
    with warnings.catch_warnings():  # pandas warns of mixed offsets, dropped below
        warnings.simplefilter("ignore", FutureWarning)
        parsed = pd.to_datetime(text, format="ISO8601", errors="coerce")
    if not is_datetime64_dtype(parsed.dtype):
        # An offset that _AWARE did not see: that value is unparseable, not the whole file.
        parsed = pd.to_datetime(parsed.map(lambda v: pd.NaT if getattr(v, "tzinfo", None) else v))
    for fmt in _DAY_FIRST_FORMATS:
        missing = parsed.isna() & (text != "")
        if not missing.any():
            break
        parsed = parsed.where(~missing, pd.to_datetime(text[missing], format=fmt, errors="coerce"))
    return parsed


def _matches(text: pd.Series, pattern: str) -> pd.Series:
    """``pattern`` found in each value, searched column-wise by Arrow's RE2 (a Python ``re``
    call per value was a fifth of reading a hotline file)."""
    found = pc.match_substring_regex(pa.array(text.to_numpy(), type=pa.string()), pattern)
    return pd.Series(found.to_numpy(zero_copy_only=False), index=text.index, dtype=bool)


def parse_local_timestamps(values: pd.Series) -> tuple[pd.Series, pd.Series, pd.Series]:
    """Parse timestamps written as local time (or with an explicit UTC offset).

    Returns ``(utc, local_date, bad)``: naive UTC ``datetime64[ns]``, the local calendar date as
    ``datetime.date`` objects (``None`` when missing) and a mask of non-blank unparseable values.
    """
    text = values.fillna("").astype(str).str.strip()
    aware = _matches(text, _AWARE) & _matches(text, r"\d{2}:\d{2}")
    utc = pd.Series(pd.NaT, index=text.index, dtype="datetime64[ns]")
    if (~aware).any():
        naive = _parse_naive(text[~aware]).astype("datetime64[ns]")
        as_utc = naive.dt.tz_localize(LOCAL_TZ).dt.tz_convert("UTC").dt.tz_localize(None)
        utc.loc[~aware] = as_utc
    if aware.any():
        stamped = pd.to_datetime(text[aware], format="ISO8601", utc=True, errors="coerce")
        utc.loc[aware] = stamped.dt.tz_localize(None).astype("datetime64[ns]")
    bad = utc.isna() & (text != "")
    local = utc.dt.tz_localize("UTC").dt.tz_convert(LOCAL_TZ).dt.tz_localize(None)
    return utc, to_dates(local), bad


def to_dates(stamps: pd.Series) -> pd.Series:
    """``datetime64`` values → ``datetime.date`` objects, ``None`` where missing."""
    out = np.empty(len(stamps), dtype=object)
    present = stamps.notna().to_numpy()
    out[present] = stamps[present].dt.date.to_numpy()  # datetime.date objects, built in C
    out[~present] = None
    return pd.Series(out, index=stamps.index, dtype=object)


def parse_report_date(value: object) -> dt.date | None:
    """A date cell of a provincial report: ``dd/mm/yyyy`` text, an Excel serial or a date cell.

    Raises ``ValueError`` when the value is not a date; returns ``None`` for a blank cell.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if not 1 <= value < 2958466:
            raise ValueError(f"Excel serial out of range: {value}")
        return _EXCEL_EPOCH + dt.timedelta(days=int(value))
    text = str(value).strip()
    if re.fullmatch(r"\d{5}(?:\.0+)?", text):
        return _EXCEL_EPOCH + dt.timedelta(days=int(float(text)))
    for fmt in ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"not a dd/mm/yyyy date: {text!r}")
