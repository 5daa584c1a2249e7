"""Row-level checks shared by the raw models (province scheme rules, plausible dates)."""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd

from schemas.reference import SCHEME_2004, SCHEME_2025, SWITCH_DATE, province_lists

EARLIEST = pd.Timestamp("2004-01-01")
"""Nothing in the raw tables predates hotline 111 (founded 2004)."""

EXPORT_ID = r"^(?=.*\d)[A-Za-z0-9][A-Za-z0-9_./-]{0,39}$"
"""An export id (contact, case, child pseudonym, opinion, facility): letters and digits with at
least one digit, up to 40 characters; no spaces, markup or formulas."""


_PHONE = re.compile(r"^(\+?84|0)\d{8,10}$")


def looks_like_phone(text: str) -> bool:
    """A Vietnamese phone number, however it is spaced or dotted."""
    return bool(_PHONE.match(re.sub(r"[\s.()-]", "", text)))


def is_export_id(values: pd.Series) -> pd.Series:
    """Ids that have the export-id shape and are neither a phone number nor a date."""
    text = values.astype(str)
    shaped = text.str.match(EXPORT_ID)
    dated = text.str.match(r"^\d{4}-\d{2}-\d{2}$|^\d{1,2}/\d{1,2}/\d{4}$")
    return shaped & ~dated & ~text.map(looks_like_phone).astype(bool)


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
