"""Readers of the inspectorates' monthly exports of inspection and monitoring visits on child
online protection (``inspections/visits_YYYY-MM.csv``, ``inspections/recommendations_YYYY-MM.csv``,
Plan 838 activity 11).

The organisation inspected, the team leader and the text of findings and recommendations are not
contract columns: they are dropped here, so no table holds them.
"""

from __future__ import annotations

import pandas as pd

from ingestion import labels
from ingestion.readers.delimited import read_delimited
from ingestion.readers.hotline import _labels, _provinces, _required_text
from ingestion.readers.parsed import ParsedFile
from ingestion.readers.violations import _dates
from ingestion.reasons import Reason

VISIT_COLUMNS: dict[str, list[str]] = {
    "visit_id": ["visit_id", "ma_cuoc_thanh_tra", "ma_doan"],
    "visit_date": ["visit_date", "ngay_thanh_tra", "ngay_bat_dau"],
    "province": ["province", "province_code", "tinh", "tinh_duoc_thanh_tra"],
    "inspecting_body": ["inspecting_body", "co_quan_thanh_tra", "co_quan_thuc_hien"],
    "finding": ["finding", "ket_qua", "ket_luan"],
    "recommendations": ["recommendations", "so_kien_nghi"],
}
RECOMMENDATION_COLUMNS: dict[str, list[str]] = {
    "recommendation_id": ["recommendation_id", "ma_kien_nghi"],
    "visit_id": ["visit_id", "ma_cuoc_thanh_tra", "ma_doan"],
    "concluded_date": ["concluded_date", "ngay_ket_luan"],
    "resolved_date": ["resolved_date", "ngay_khac_phuc", "ngay_hoan_thanh"],
}


def read_visits(data: bytes) -> ParsedFile:
    """Read ``inspections/visits_YYYY-MM.csv`` bytes into ``raw_inspections__visits``."""
    read = read_delimited(data, VISIT_COLUMNS, list(VISIT_COLUMNS))
    raw, issues = read.frame, read.issues
    visit_date = _dates(raw, issues, "visit_date", required=True)
    province_code, scheme = _provinces(raw, issues, visit_date)
    text = raw["recommendations"].fillna("").str.strip()
    count = pd.to_numeric(text.where(text != "", "0"), errors="coerce")
    whole = count.notna() & (count == count.round())
    issues.add_mask(
        ~whole, "recommendations", "recommendations is not a whole number", Reason.UNREADABLE_VALUE
    )
    frame = pd.DataFrame(
        {
            "visit_id": _required_text(raw, issues, "visit_id"),
            "visit_date": visit_date,
            "province_code": province_code,
            "province_scheme": scheme,
            "inspecting_body": _labels(
                raw, issues, "inspecting_body", labels.INSPECTING_BODY, None
            ),
            "finding": _labels(raw, issues, "finding", labels.INSPECTION_FINDING, None),
            "recommendations": pd.array(count.where(whole).round(), dtype="Int64"),
        }
    )
    return read.parsed(frame, {"province_code": "province", "province_scheme": "province"})


def read_recommendations(data: bytes) -> ParsedFile:
    """Read ``inspections/recommendations_YYYY-MM.csv`` bytes into
    ``raw_inspections__recommendations``."""
    read = read_delimited(data, RECOMMENDATION_COLUMNS, list(RECOMMENDATION_COLUMNS))
    raw, issues = read.frame, read.issues
    frame = pd.DataFrame(
        {
            "recommendation_id": _required_text(raw, issues, "recommendation_id"),
            "visit_id": _required_text(raw, issues, "visit_id"),
            "concluded_date": _dates(raw, issues, "concluded_date", required=True),
            "resolved_date": _dates(raw, issues, "resolved_date", required=False),
        }
    )
    return read.parsed(frame, {})
