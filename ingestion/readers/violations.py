"""Reader of the police (A05) and inspectorates' export of subjects reported or detected
violating the law against children online (``violations/subjects_YYYY-MM.csv``).

The export carries the subject's name, ID number (CCCD / tax code), address and the officer's
notes: they are not in ``SUBJECT_COLUMNS`` and are dropped here, so no table ever holds them.
"""

from __future__ import annotations

import pandas as pd

from ingestion import labels
from ingestion.readers.delimited import read_delimited
from ingestion.readers.hotline import _labels, _provinces, _required_text
from ingestion.readers.parsed import Issues, ParsedFile
from ingestion.reasons import Reason
from ingestion.text import is_blank
from ingestion.timestamps import to_dates

SUBJECT_COLUMNS: dict[str, list[str]] = {
    "subject_id": ["subject_id", "ma_doi_tuong", "ma_so_doi_tuong"],
    "subject_type": ["subject_type", "loai_doi_tuong"],
    "reported_date": [
        "reported_date",
        "ngay_tiep_nhan_phat_hien",
        "ngay_tiep_nhan",
        "ngay_phat_hien",
    ],
    "intake_channel": ["intake_channel", "nguon_tin", "nguon_tiep_nhan"],
    "province": ["province", "province_code", "tinh", "ma_tinh", "tinh_thanh_pho"],
    "violation_type": ["violation_type", "hanh_vi_vi_pham", "loai_vi_pham"],
    "verified_date": ["verified_date", "ngay_xac_minh"],
    "sanctioned_date": ["sanctioned_date", "ngay_xu_phat_hanh_chinh", "ngay_xu_phat"],
    "prosecuted_date": ["prosecuted_date", "ngay_khoi_to"],
    "transferred_date": ["transferred_date", "ngay_chuyen_co_quan_khac", "ngay_chuyen"],
    "no_violation_date": [
        "no_violation_date",
        "ngay_ket_luan_khong_vi_pham",
        "ngay_khong_vi_pham",
    ],
}
STEPS = ("verified_date", "sanctioned_date", "prosecuted_date", "transferred_date",
         "no_violation_date")  # fmt: skip


def _dates(frame: pd.DataFrame, issues: Issues, column: str, required: bool) -> pd.Series:
    """dd/mm/yyyy or ISO dates; blank is NULL (an error when ``required``)."""
    text = frame[column].fillna("").str.strip()
    parsed = pd.to_datetime(text, format="%d/%m/%Y", errors="coerce")
    parsed = parsed.fillna(pd.to_datetime(text, format="%Y-%m-%d", errors="coerce"))
    blank = is_blank(text)
    issues.add_mask(
        parsed.isna() & ~blank,
        column,
        f"unparseable {column} (dd/mm/yyyy)",
        Reason.UNPARSEABLE_DATE,
    )
    if required:
        issues.add_mask(blank, column, f"{column} is empty", Reason.MISSING_VALUE)
    return to_dates(parsed)


def read_subjects(data: bytes) -> ParsedFile:
    """Read ``violations/subjects_YYYY-MM.csv`` bytes into ``raw_violations__subjects``."""
    read = read_delimited(data, SUBJECT_COLUMNS, list(SUBJECT_COLUMNS))
    raw, issues = read.frame, read.issues
    reported = _dates(raw, issues, "reported_date", required=True)
    province_code, scheme = _provinces(raw, issues, reported)
    frame = pd.DataFrame(
        {
            "subject_id": _required_text(raw, issues, "subject_id"),
            "subject_type": _labels(raw, issues, "subject_type", labels.SUBJECT_TYPE, None),
            "reported_date": reported,
            "intake_channel": _labels(
                raw, issues, "intake_channel", labels.VIOLATION_CHANNEL, None
            ),
            "province_code": province_code,
            "province_scheme": scheme,
            "violation_type": _labels(raw, issues, "violation_type", labels.VIOLATION_TYPE, None),
            **{step: _dates(raw, issues, step, required=False) for step in STEPS},
        }
    )
    return read.parsed(frame, {"province_code": "province", "province_scheme": "province"})
