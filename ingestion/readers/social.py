"""Readers of the portal's monthly platform insights and children's opinions (CSV exports).

``portal/platforms_YYYY-MM.csv``: one row per day and platform. ``portal/opinions_YYYY-MM.csv``:
one row per opinion submitted on the portal; the sender's name, e-mail and the message itself
are in the export and are dropped here.
"""

from __future__ import annotations

import re

import pandas as pd

from ingestion import labels
from ingestion.readers.delimited import read_delimited
from ingestion.readers.hotline import _labels, _provinces, _required_text, _timestamps
from ingestion.readers.parsed import MAX_COUNT, Issues, ParsedFile
from ingestion.reasons import Reason
from ingestion.text import is_blank
from ingestion.timestamps import to_dates

PLATFORM_COLUMNS: dict[str, list[str]] = {
    "date": ["date", "insight_date", "ngay"],
    "platform": ["platform", "nen_tang", "kenh"],
    "followers": ["followers", "nguoi_theo_doi", "so_nguoi_theo_doi"],
    "reach": ["reach", "luot_tiep_can", "tiep_can"],
    "engagements": ["engagements", "engagement", "tuong_tac", "luot_tuong_tac"],
}
OPINION_COLUMNS: dict[str, list[str]] = {
    "opinion_id": ["opinion_id", "id", "ma_y_kien"],
    "submitted_at": ["submitted_at", "thoi_gian_gui", "ngay_gui"],
    "province": ["province", "province_code", "tinh", "tinh_thanh_pho"],
    "age_band": ["age_band", "child_age_band", "nhom_tuoi"],
    "topic": ["topic", "chu_de", "linh_vuc"],
    "answered_at": ["answered_at", "thoi_gian_tra_loi", "ngay_tra_loi"],
}
_THOUSANDS = re.compile(r"^\d{1,3}(?:[.,\s]\d{3})+$")


def _counts(frame: pd.DataFrame, issues: Issues, column: str) -> pd.Series:
    text = frame[column].str.strip()
    text = text.where(~text.str.match(_THOUSANDS), text.str.replace(r"[.,\s]", "", regex=True))
    numbers = pd.to_numeric(text.where(text != "", None), errors="coerce").astype("float64")
    huge = numbers.abs() > MAX_COUNT
    bad = numbers.isna() & (text != "") | (numbers.notna() & (numbers % 1 != 0))
    issues.add_mask(bad, column, f"{column} is not a whole number", Reason.UNREADABLE_VALUE)
    issues.add_mask(huge, column, f"{column}: beyond any plausible count", Reason.IMPLAUSIBLE_VALUE)
    return pd.Series(pd.array(numbers.where(~bad & ~huge), dtype="Int64"), index=frame.index)


def _dates(frame: pd.DataFrame, issues: Issues, column: str) -> pd.Series:
    text = frame[column].str.strip()
    parsed = pd.to_datetime(text, format="%Y-%m-%d", errors="coerce")
    parsed = parsed.fillna(pd.to_datetime(text, format="%d/%m/%Y", errors="coerce"))
    issues.add_mask(parsed.isna(), column, "missing or unparseable date", Reason.UNPARSEABLE_DATE)
    return to_dates(parsed)


def read_platforms(data: bytes) -> ParsedFile:
    """Read ``portal/platforms_YYYY-MM.csv`` into ``raw_portal__platforms`` columns."""
    read = read_delimited(
        data, PLATFORM_COLUMNS, ["date", "platform"], ("followers", "reach", "engagements")
    )
    raw, issues = read.frame, read.issues
    frame = pd.DataFrame(
        {
            "insight_date": _dates(raw, issues, "date"),
            "platform": _labels(raw, issues, "platform", labels.PLATFORM, blank=None),
            "followers": _counts(raw, issues, "followers"),
            "reach": _counts(raw, issues, "reach"),
            "engagements": _counts(raw, issues, "engagements"),
        }
    )
    issues.add_mask(
        is_blank(raw["platform"]), "platform", "platform is empty", Reason.MISSING_VALUE
    )
    return read.parsed(frame, {"insight_date": "date"})


def read_opinions(data: bytes) -> ParsedFile:
    """Read ``portal/opinions_YYYY-MM.csv`` into ``raw_portal__opinions`` columns."""
    read = read_delimited(data, OPINION_COLUMNS, list(OPINION_COLUMNS))
    raw, issues = read.frame, read.issues
    submitted_at, submitted_date = _timestamps(raw, issues, "submitted_at", required=True)
    answered_at, _ = _timestamps(raw, issues, "answered_at", required=False)
    province_code, scheme = _provinces(raw, issues, submitted_date)
    frame = pd.DataFrame(
        {
            "opinion_id": _required_text(raw, issues, "opinion_id"),
            "submitted_at": submitted_at,
            "submitted_date": submitted_date,
            "province_code": province_code,
            "province_scheme": scheme,
            "child_age_band": _labels(raw, issues, "age_band", labels.AGE_BAND, "unknown"),
            "topic": _labels(raw, issues, "topic", labels.OPINION_TOPIC, blank="other"),
            "is_answered": answered_at.notna(),
            "answered_at": answered_at,
        }
    )
    derived = {
        "submitted_date": "submitted_at",
        "province_code": "province",
        "province_scheme": "province",
        "child_age_band": "age_band",
        "is_answered": "answered_at",
    }
    return read.parsed(frame, derived)
