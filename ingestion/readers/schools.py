"""Reader of the school-year register of schools and care / protection facilities
(``schools/register_YYYY-YYYY.csv``). Names of schools and principals and phone numbers in the
export are dropped here."""

from __future__ import annotations

import pandas as pd

from ingestion import labels
from ingestion.periods import period_start, school_year_unit
from ingestion.provinces import resolve_provinces, scheme_for
from ingestion.readers.delimited import read_delimited
from ingestion.readers.hotline import _booleans, _labels, _required_text
from ingestion.readers.parsed import ParsedFile, ReadError
from ingestion.readers.social import _counts
from ingestion.reasons import Reason

REGISTER_COLUMNS: dict[str, list[str]] = {
    "facility_id": ["facility_id", "ma_co_so", "ma_truong"],
    "facility_type": ["facility_type", "loai_hinh", "cap_hoc"],
    "province": ["province", "province_code", "tinh", "ma_tinh", "tinh_thanh_pho"],
    "pupils_enrolled": ["pupils_enrolled", "so_hoc_sinh", "so_tre"],
    "ran_online_safety": ["ran_online_safety", "co_giao_duc_an_toan_mang", "co_to_chuc"],
    "sessions": ["sessions", "so_buoi"],
    "pupils_reached": ["pupils_reached", "so_hoc_sinh_duoc_tiep_can", "so_tre_tham_gia"],
}


def read_register(data: bytes, rel_path: str) -> ParsedFile:
    """Read one school year's register into ``raw_schools__register`` columns."""
    school_year = school_year_unit(rel_path).period
    if school_year is None:
        raise ReadError("file name has no school year like 2023-2024", Reason.BAD_FILE_NAME)
    read = read_delimited(
        data,
        REGISTER_COLUMNS,
        ["facility_id", "facility_type", "province", "ran_online_safety"],
        ("pupils_enrolled", "sessions", "pupils_reached"),
    )
    raw, issues = read.frame, read.issues
    start = pd.Series(pd.Timestamp(period_start(school_year)), index=raw.index)
    schemes = scheme_for(start)
    codes, reasons = resolve_provinces(raw["province"], schemes)
    issues.add_mask(reasons.notna(), "province", reasons, Reason.UNKNOWN_PROVINCE)
    issues.add_mask(
        codes.isna() & reasons.isna(), "province", "province is empty", Reason.UNKNOWN_PROVINCE
    )
    frame = pd.DataFrame(
        {
            "school_year": school_year,
            "facility_id": _required_text(raw, issues, "facility_id"),
            "facility_type": _labels(raw, issues, "facility_type", labels.FACILITY_TYPE, None),
            "province_code": codes,
            "province_scheme": schemes,
            "pupils_enrolled": _counts(raw, issues, "pupils_enrolled"),
            "ran_online_safety": _booleans(raw, issues, "ran_online_safety"),
            "sessions": _counts(raw, issues, "sessions"),
            "pupils_reached": _counts(raw, issues, "pupils_reached"),
        },
        index=raw.index,
    )
    frame["ran_online_safety"] = frame["ran_online_safety"].fillna(False).astype(bool)
    return read.parsed(frame, {"province_code": "province", "province_scheme": "province"})
