"""Readers of the hotline 111 monthly exports (contacts and per-child cases)."""

from __future__ import annotations

import pandas as pd

from ingestion import labels
from ingestion.provinces import resolve_provinces, scheme_for
from ingestion.readers.delimited import read_delimited
from ingestion.readers.parsed import Issues, ParsedFile
from ingestion.reasons import Reason
from ingestion.text import is_blank, map_labels
from ingestion.timestamps import parse_local_timestamps

CONTACT_COLUMNS: dict[str, list[str]] = {
    "contact_id": ["contact_id", "id", "ma_lien_he", "ma_cuoc_goi"],
    "received_at": ["received_at", "received_at_local", "thoi_gian", "thoi_gian_nhan"],
    "channel": ["channel", "kenh", "kenh_tiep_nhan"],
    "caller_type": ["caller_type", "nguoi_goi", "doi_tuong_goi"],
    "province": ["province", "province_code", "tinh", "ma_tinh", "tinh_thanh_pho"],
    "outcome": ["outcome", "ket_qua", "phan_loai"],
    "online_related": ["online_related", "is_online_related", "lien_quan_mang"],
}
CASE_COLUMNS: dict[str, list[str]] = {
    "case_id": ["case_id", "ma_ca", "so_ca"],
    "child_ref": ["child_ref", "ma_tre"],
    "opened_at": ["opened_at", "ngay_tiep_nhan", "thoi_gian_tiep_nhan"],
    "province": ["province", "province_code", "tinh", "ma_tinh", "tinh_thanh_pho"],
    "regional_centre": ["regional_centre", "regional_center", "trung_tam_vung"],
    "abuse_type": ["abuse_type", "loai_xam_hai", "hinh_thuc_xam_hai"],
    "online_related": ["online_related", "is_online_related", "lien_quan_mang"],
    "online_subtype": ["online_subtype", "loai_xam_hai_mang"],
    "child_sex": ["child_sex", "gioi_tinh"],
    "child_age_band": ["child_age_band", "nhom_tuoi"],
    "help_requested": ["help_requested", "co_yeu_cau_ho_tro"],
    "support_provided": ["support_provided", "da_ho_tro"],
    "first_intervention_at": ["first_intervention_at", "thoi_gian_can_thiep"],
    "closed_at": ["closed_at", "ngay_dong_ca"],
}


def _labels(
    frame: pd.DataFrame, issues: Issues, column: str, mapping: dict[str, str], blank: str | None
) -> pd.Series:
    codes, bad = map_labels(frame[column], mapping)
    issues.add_mask(bad, column, f"unknown {column} label", Reason.UNKNOWN_LABEL)
    if blank is not None:
        codes = codes.where(~(is_blank(frame[column]) & codes.isna()), blank)
    return codes


def _required_text(frame: pd.DataFrame, issues: Issues, column: str) -> pd.Series:
    text = frame[column].str.strip()
    issues.add_mask(text == "", column, f"{column} is empty", Reason.MISSING_VALUE)
    return text.where(text != "", None)


def _timestamps(
    frame: pd.DataFrame, issues: Issues, column: str, required: bool
) -> tuple[pd.Series, pd.Series]:
    utc, local_date, bad = parse_local_timestamps(frame[column])
    issues.add_mask(bad, column, f"unparseable {column} timestamp", Reason.UNPARSEABLE_DATE)
    if required:
        issues.add_mask(is_blank(frame[column]), column, f"{column} is empty", Reason.MISSING_VALUE)
    return utc, local_date


def _booleans(frame: pd.DataFrame, issues: Issues, column: str) -> pd.Series:
    values, bad = labels.to_booleans(frame[column])
    issues.add_mask(bad, column, f"not a yes/no value in {column}", Reason.UNREADABLE_VALUE)
    issues.add_mask(is_blank(frame[column]), column, f"{column} is empty", Reason.MISSING_VALUE)
    return values


def _provinces(
    frame: pd.DataFrame, issues: Issues, dates: pd.Series
) -> tuple[pd.Series, pd.Series]:
    schemes = scheme_for(pd.to_datetime(dates))
    codes, reasons = resolve_provinces(frame["province"], schemes)
    issues.add_mask(reasons.notna(), "province", reasons, Reason.UNKNOWN_PROVINCE)
    return codes, schemes


_PROVINCE_FROM = {"province_code": "province", "province_scheme": "province"}


def read_contacts(data: bytes) -> ParsedFile:
    """Read ``hotline/contacts_YYYY-MM.csv`` bytes into ``raw_hotline__contacts`` columns."""
    read = read_delimited(data, CONTACT_COLUMNS, list(CONTACT_COLUMNS))
    raw, issues = read.frame, read.issues
    received_at, received_date = _timestamps(raw, issues, "received_at", required=True)
    province_code, scheme = _provinces(raw, issues, received_date)
    frame = pd.DataFrame(
        {
            "contact_id": _required_text(raw, issues, "contact_id"),
            "received_at": received_at,
            "received_date": received_date,
            "channel": _labels(raw, issues, "channel", labels.CHANNEL, blank=None),
            "caller_type": _labels(raw, issues, "caller_type", labels.CALLER_TYPE, blank="unknown"),
            "province_code": province_code,
            "province_scheme": scheme,
            "outcome": _labels(raw, issues, "outcome", labels.OUTCOME, blank=None),
            "is_online_related": _booleans(raw, issues, "online_related"),
        }
    )
    derived = {"received_date": "received_at", "is_online_related": "online_related"}
    return read.parsed(frame, {**derived, **_PROVINCE_FROM})


def read_cases(data: bytes) -> ParsedFile:
    """Read ``hotline/cases_YYYY-MM.csv`` bytes into ``raw_hotline__cases`` columns."""
    read = read_delimited(data, CASE_COLUMNS, list(CASE_COLUMNS))
    raw, issues = read.frame, read.issues
    opened_at, opened_date = _timestamps(raw, issues, "opened_at", required=True)
    first_at, _ = _timestamps(raw, issues, "first_intervention_at", required=False)
    closed_at, _ = _timestamps(raw, issues, "closed_at", required=False)
    province_code, scheme = _provinces(raw, issues, opened_date)
    frame = pd.DataFrame(
        {
            "case_id": _required_text(raw, issues, "case_id"),
            "child_ref": _required_text(raw, issues, "child_ref"),
            "opened_at": opened_at,
            "opened_date": opened_date,
            "province_code": province_code,
            "province_scheme": scheme,
            "regional_centre": _labels(
                raw, issues, "regional_centre", labels.REGIONAL_CENTRE, None
            ),
            "abuse_type": _labels(raw, issues, "abuse_type", labels.ABUSE_TYPE, blank=None),
            "is_online_related": _booleans(raw, issues, "online_related"),
            "online_subtype": _labels(raw, issues, "online_subtype", labels.ONLINE_SUBTYPE, None),
            "child_sex": _labels(raw, issues, "child_sex", labels.CHILD_SEX, blank="unknown"),
            "child_age_band": _labels(raw, issues, "child_age_band", labels.AGE_BAND, "unknown"),
            "help_requested": _booleans(raw, issues, "help_requested"),
            "support_provided": _booleans(raw, issues, "support_provided"),
            "first_intervention_at": first_at,
            "closed_at": closed_at,
        }
    )
    derived = {"opened_date": "opened_at", "is_online_related": "online_related"}
    return read.parsed(frame, {**derived, **_PROVINCE_FROM})
