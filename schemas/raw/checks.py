"""Row-level checks shared by the raw models (province scheme rules, plausible dates)."""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from schemas.reference import SCHEME_2004, SCHEME_2025, SWITCH_DATE, province_lists

EARLIEST = pd.Timestamp("2004-01-01")
"""Nothing in the raw tables predates hotline 111 (founded 2004)."""

EXPORT_ID = r"^[A-Za-z0-9][A-Za-z0-9_./-]{0,39}$"
"""An export id (contact, case, child pseudonym, opinion, facility): letters and digits, with at
least one digit (checked apart: RE2 has no look-ahead), up to 40 characters; no spaces, markup or
formulas."""

_DATE = r"^\d{4}-\d{2}-\d{2}$|^\d{1,2}/\d{1,2}/\d{4}$"
_PHONE = re.compile(r"^(\+?84|0)\d{8,10}$")
_PHONE_SPACING = r"[\s.()-]"


def looks_like_phone(text: str) -> bool:
    """A Vietnamese phone number, however it is spaced or dotted."""
    return bool(_PHONE.match(re.sub(_PHONE_SPACING, "", text)))


def is_export_id(values: pd.Series) -> pd.Series:
    """Ids that have the export-id shape and are neither a phone number nor a date.

    The same rules as ``looks_like_phone``, run column-wise in Arrow's RE2 (a contacts file holds
    ~40,000 ids a month; a Python call per id was a third of the hotline's validation)."""
    text = pa.array(values.astype(str).to_numpy(), type=pa.string())
    shaped = pc.and_(
        pc.match_substring_regex(text, EXPORT_ID), pc.match_substring_regex(text, r"\d")
    )
    dated = pc.match_substring_regex(text, _DATE)
    phone = pc.match_substring_regex(
        pc.replace_substring_regex(text, _PHONE_SPACING, ""), _PHONE.pattern
    )
    keep = pc.and_(shaped, pc.invert(pc.or_(dated, phone)))
    return pd.Series(keep.to_numpy(zero_copy_only=False), index=values.index, dtype=bool)


def code_fits_scheme(frame: pd.DataFrame) -> pd.Series:
    """``province_code`` is NULL or a code of the row's ``province_scheme`` (the lists are read
    from the packaged reference files on first use)."""
    code = frame["province_code"]
    scheme = frame["province_scheme"]
    lists = province_lists()
    ok_2004 = (scheme == SCHEME_2004) & code.isin(lists.codes(SCHEME_2004))
    ok_2025 = (scheme == SCHEME_2025) & code.isin(lists.codes(SCHEME_2025))
    return code.isna() | ok_2004 | ok_2025


def scheme_fits_date(frame: pd.DataFrame, date_column: str) -> pd.Series:
    """``province_scheme`` is the scheme valid on ``date_column`` (2025 list from 1 July 2025)."""
    dates = pd.to_datetime(frame[date_column])
    expected_new = dates >= pd.Timestamp(SWITCH_DATE)
    return dates.isna() | (expected_new == (frame["province_scheme"] == SCHEME_2025))


def not_in_future(values: pd.Series) -> pd.Series:
    """Values are not later than tomorrow (UTC); NULLs pass."""
    limit = pd.Timestamp(dt.datetime.now(dt.UTC).replace(tzinfo=None)) + pd.Timedelta(days=1)
    stamps = pd.to_datetime(values)
    return stamps.isna() | (stamps <= limit)
