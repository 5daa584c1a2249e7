"""Readers of the national CSAM database's monthly exports (``csam/items_YYYY-MM.csv`` and
``csam/notices_YYYY-MM.csv``, Plan 838 activities 10a/10b).

Only a hash of an item is ever exported, never the image: the hash column must hold a hash
(hexadecimal, 32 to 128 digits), so a row carrying an image, a link or anything else there is
rejected, and the hash itself is then dropped with the content's address, the uploader's account
and the analyst's name (they are not contract columns), so no table holds them.
"""

from __future__ import annotations

import pandas as pd

from ingestion import labels
from ingestion.readers.delimited import read_delimited
from ingestion.readers.hotline import _labels, _required_text, _timestamps
from ingestion.readers.parsed import ParsedFile
from ingestion.readers.violations import _dates
from ingestion.reasons import Reason

HASH = r"^[0-9A-Fa-f]{32,128}$"

ITEM_COLUMNS: dict[str, list[str]] = {
    "item_id": ["item_id", "ma_muc", "ma_du_lieu"],
    "content_hash": ["content_hash", "hash", "ma_bam", "gia_tri_bam"],
    "confirmed_date": ["confirmed_date", "ngay_xac_nhan", "ngay_dua_vao_csdl"],
    "intake_channel": ["intake_channel", "nguon", "nguon_tiep_nhan"],
    "media_type": ["media_type", "loai", "loai_du_lieu"],
}
NOTICE_COLUMNS: dict[str, list[str]] = {
    "notice_id": ["notice_id", "ma_yeu_cau", "ma_yeu_cau_go_bo"],
    "item_id": ["item_id", "ma_muc", "ma_du_lieu"],
    "platform": ["platform", "nen_tang"],
    "matched_at": ["matched_at", "thoi_diem_phat_hien"],
    "notice_sent_at": ["notice_sent_at", "thoi_diem_gui_yeu_cau"],
    "removed_at": ["removed_at", "thoi_diem_go_bo"],
}


def read_items(data: bytes) -> ParsedFile:
    """Read ``csam/items_YYYY-MM.csv`` bytes into ``raw_csam__items`` columns."""
    read = read_delimited(data, ITEM_COLUMNS, list(ITEM_COLUMNS))
    raw, issues = read.frame, read.issues
    digest = raw["content_hash"].fillna("").str.strip()
    issues.add_mask(
        ~digest.str.match(HASH),
        "content_hash",
        "not a hash: the export must carry only the item's hash, never an image or a link",
        Reason.FAILED_CHECK,
    )
    frame = pd.DataFrame(
        {
            "item_id": _required_text(raw, issues, "item_id"),
            "confirmed_date": _dates(raw, issues, "confirmed_date", required=True),
            "intake_channel": _labels(raw, issues, "intake_channel", labels.CSAM_CHANNEL, None),
            "media_type": _labels(raw, issues, "media_type", labels.CSAM_MEDIA, None),
        }
    )
    return read.parsed(frame, {})


def read_notices(data: bytes) -> ParsedFile:
    """Read ``csam/notices_YYYY-MM.csv`` bytes into ``raw_csam__notices`` columns."""
    read = read_delimited(data, NOTICE_COLUMNS, list(NOTICE_COLUMNS))
    raw, issues = read.frame, read.issues
    matched_at, _ = _timestamps(raw, issues, "matched_at", required=True)
    sent_at, sent_date = _timestamps(raw, issues, "notice_sent_at", required=True)
    removed_at, _ = _timestamps(raw, issues, "removed_at", required=False)
    frame = pd.DataFrame(
        {
            "notice_id": _required_text(raw, issues, "notice_id"),
            "item_id": _required_text(raw, issues, "item_id"),
            "platform": _labels(raw, issues, "platform", labels.CSAM_PLATFORM, None),
            "matched_at": matched_at,
            "notice_sent_at": sent_at,
            "notice_date": sent_date,
            "removed_at": removed_at,
        }
    )
    return read.parsed(frame, {"notice_date": "notice_sent_at"})
