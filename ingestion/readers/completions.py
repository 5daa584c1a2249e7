"""Reader of the programme office's monthly record of official completion reports of Plan 838
deliverables (``plan/completions_YYYY-MM.csv``, by the month of the report's date). The
signatory's name and the report's summary text in the export are dropped here."""

from __future__ import annotations

import pandas as pd

from ingestion.readers.delimited import read_delimited
from ingestion.readers.hotline import _required_text
from ingestion.readers.parsed import ParsedFile
from ingestion.readers.violations import _dates

COMPLETION_COLUMNS: dict[str, list[str]] = {
    "milestone_id": ["milestone_id", "deliverable_id", "ma_nhiem_vu"],
    "completed_date": ["completed_date", "ngay_hoan_thanh"],
    "document_number": ["document_number", "so_van_ban", "so_ky_hieu"],
    "document_date": ["document_date", "ngay_van_ban", "ngay_ban_hanh"],
}


def read_completions(data: bytes) -> ParsedFile:
    """Read ``plan/completions_YYYY-MM.csv`` bytes into ``raw_plan__completions`` columns."""
    read = read_delimited(data, COMPLETION_COLUMNS, list(COMPLETION_COLUMNS))
    raw, issues = read.frame, read.issues
    milestone = _required_text(raw, issues, "milestone_id")
    frame = pd.DataFrame(
        {
            "milestone_id": milestone.str.upper(),
            "completed_date": _dates(raw, issues, "completed_date", required=True),
            "document_number": _required_text(raw, issues, "document_number"),
            "document_date": _dates(raw, issues, "document_date", required=True),
        }
    )
    return read.parsed(frame, {})
