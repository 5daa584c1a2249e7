"""Sample monthly exports of the national CSAM database (Plan 838 activities 10a/10b):
``csam/items_YYYY-MM.csv`` (items confirmed and added, hash only) and
``csam/notices_YYYY-MM.csv`` (takedown notices sent to platforms for the matches social
listening found, with the time of removal).

Magnitudes are not published (sample, for sizing only). The database was due in 2022 (Plan 838
deliverable 10a), so the exports start in January 2022: some 900 items confirmed in 2022 rising
to 2,600 in 2025 as social listening (10b) and platform reports grow; each item is matched on
one to three platforms (about 1.5 notices an item); platforms remove most content within a day,
the share within 24 hours rising from about 55% in 2022 to 80% in 2025, and about 4% is never
removed. These are counts of files, not of children.

Delivery: each month's export is taken 8 days after the month ends; the notices of a month are
re-exported in January 2026 (``_v2``) with the removals recorded since. The faults of a real
delivery are kept: one month's items arrive late (``LATE_MONTH``), one month's notices
re-export is sent twice (``_v3``, same bytes), one month comes in Windows-1258 and one in
UTF-16, and every file carries what ingestion must drop: the item's hash, the address of the
content, the uploader's account and the analyst's name.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from ingestion.sample import identities
from ingestion.sample.shape import (
    DATA_END,
    MONTH_WEIGHT,
    allocate,
    rng_for,
    scaled,
    write_export,
    write_reexports,
)

CSAM_STREAM = 12
FIRST_YEAR = 2022
ITEMS = {2022: 900, 2023: 1_400, 2024: 2_000, 2025: 2_600}
WITHIN_DAY = {2022: 0.55, 2023: 0.63, 2024: 0.72, 2025: 0.80}
NEVER_REMOVED = 0.04
FIRST_EXPORT_DAYS = 8
LATE_MONTH = (2023, 5)
LATE_RECEIVED = dt.datetime(2023, 8, 2, 9, 0)
DUPLICATE_MONTH = (2024, 10)
ENCODINGS = {(2022, 6): "cp1258", (2024, 3): "utf-16"}
CHANNEL_LABEL = {
    "hotline_111": "Tổng đài 111",
    "citizen_report": "Người dân báo cáo",
    "platform_report": "Nền tảng báo cáo",
    "social_listening": "Hệ thống giám sát",
    "police": "Công an chuyển",
    "international": "Quốc tế",
}
CHANNEL_P = [0.10, 0.08, 0.22, 0.40, 0.12, 0.08]
PLATFORM_LABEL = {"facebook": "Facebook", "tiktok": "TikTok", "youtube": "YouTube", "zalo": "Zalo",
                  "telegram": "Telegram", "x": "X (Twitter)", "other": "Khác"}  # fmt: skip
PLATFORM_P = [0.42, 0.18, 0.08, 0.08, 0.14, 0.05, 0.05]
PLATFORM_SPEED = {"facebook": 1.0, "tiktok": 0.8, "youtube": 0.9, "zalo": 1.3, "telegram": 3.0,
                  "x": 2.0, "other": 4.0}  # fmt: skip
"""How many times slower than a typical platform each removes content (sample assumption)."""


def _stamp(values: pd.Series) -> np.ndarray:
    return values.dt.strftime("%d/%m/%Y %H:%M").fillna("").to_numpy()


@lru_cache(maxsize=2)
def csam_year(year: int, scale: float, seed: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The sample's items confirmed in ``year`` and their notices (true removal times); callers
    filter, never change, the frames (they are cached for the twelve months of a year)."""
    rng = rng_for(seed, CSAM_STREAM, year)
    n = max(1, scaled(ITEMS[year], scale))
    months = np.sort(np.repeat(np.arange(12), allocate(n, MONTH_WEIGHT)))
    start = pd.to_datetime([f"{year}-{m + 1:02d}-01" for m in months])
    days = np.array([pd.Period(f"{year}-{m + 1:02d}").days_in_month for m in months])
    confirmed = start + pd.to_timedelta(np.floor(rng.random(n) * days), unit="D")
    confirmed = pd.DatetimeIndex(np.sort(confirmed.to_numpy()))
    ids = [f"CS{year}-{i:05d}" for i in rng.permutation(np.arange(1, n + 1))]
    items = pd.DataFrame(
        {
            "item_id": ids,
            "hash": [hashlib.sha256(f"{seed}:{i}".encode()).hexdigest() for i in ids],
            "confirmed": confirmed,
            "channel": rng.choice(list(CHANNEL_LABEL), n, p=CHANNEL_P),
            "media": rng.choice(["Ảnh", "Video"], n, p=[0.7, 0.3]),
            "analyst": identities.names(rng, n),
        }
    )
    copies = rng.choice([1, 2, 3], n, p=[0.62, 0.26, 0.12])
    item = np.repeat(np.arange(n), copies)
    m = len(item)
    matched = confirmed[item] + pd.to_timedelta(rng.uniform(0.5, 20 * 24, m), unit="h")
    matched = matched.floor("min")
    sent = matched + pd.to_timedelta(np.ceil(rng.uniform(10, 6 * 60, m)), unit="min")
    platform = rng.choice(list(PLATFORM_LABEL), m, p=PLATFORM_P)
    speed = np.array([PLATFORM_SPEED[p] for p in platform])
    quick = rng.random(m) < WITHIN_DAY[year]
    hours = np.where(
        quick, rng.uniform(0.3, 23.5, m), 24 + rng.lognormal(np.log(30), 0.9, m) * speed
    )
    removed = sent + pd.to_timedelta(np.round(hours * 60), unit="min")
    removed = pd.Series(removed).where(rng.random(m) >= NEVER_REMOVED)
    notices = pd.DataFrame(
        {
            "notice_id": [f"YC{year}-{i:06d}" for i in range(1, m + 1)],
            "item_id": np.asarray(ids)[item],
            "platform": platform,
            "matched": pd.Series(matched),
            "sent": pd.Series(sent),
            "removed": removed,
            "url": [f"https://example.invalid/p/{i:08x}" for i in rng.integers(0, 2**32, m)],
            "account": [f"user{i}" for i in rng.integers(10**5, 10**7, m)],
        }
    ).sort_values("sent", kind="stable", ignore_index=True)
    return items, notices


def _items_export(part: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "STT": np.arange(1, len(part) + 1),
            "Mã dữ liệu": part["item_id"].to_numpy(),
            "Giá trị băm": part["hash"].to_numpy(),
            "Ngày đưa vào CSDL": part["confirmed"].dt.strftime("%d/%m/%Y").to_numpy(),
            "Nguồn tiếp nhận": part["channel"].map(CHANNEL_LABEL).to_numpy(),
            "Loại dữ liệu": part["media"].to_numpy(),
            "Người xác nhận": part["analyst"].to_numpy(),
        }
    )


def _notices_export(part: pd.DataFrame, as_of: pd.Timestamp) -> pd.DataFrame:
    removed = part["removed"].where(part["removed"] <= as_of)
    return pd.DataFrame(
        {
            "STT": np.arange(1, len(part) + 1),
            "Mã yêu cầu gỡ bỏ": part["notice_id"].to_numpy(),
            "Mã dữ liệu": part["item_id"].to_numpy(),
            "Nền tảng": part["platform"].map(PLATFORM_LABEL).to_numpy(),
            "Đường dẫn": part["url"].to_numpy(),
            "Tài khoản đăng tải": part["account"].to_numpy(),
            "Thời điểm phát hiện": _stamp(part["matched"]),
            "Thời điểm gửi yêu cầu": _stamp(part["sent"]),
            "Thời điểm gỡ bỏ": _stamp(removed),
        }
    )


def write_csam_month(out: Path, year: int, month: int, scale: float, seed: int) -> dict[str, int]:
    """Write month ``year``-``month``'s exports (none before 2022); returns the files and rows
    written per table and the re-exports and duplicates among the files."""
    written = dict.fromkeys(("files", "items", "notices", "reexports", "duplicates"), 0)
    if year < FIRST_YEAR:
        return written
    items, notices = csam_year(year, scale, seed)
    if month == 1 and year > FIRST_YEAR:  # notices sent in January for December's items
        _, earlier = csam_year(year - 1, scale, seed)
        notices = pd.concat([earlier, notices], ignore_index=True)
    month_start = pd.Timestamp(year, month, 1)
    month_end = month_start + pd.offsets.MonthEnd(0) + pd.Timedelta(hours=23, minutes=59)
    local = notices["sent"]  # written as local time, like the export
    notices = notices[(local >= month_start) & (local <= month_end)].reset_index(drop=True)
    items = items[items["confirmed"].dt.month == month].reset_index(drop=True)
    folder = out / "csam"
    folder.mkdir(parents=True, exist_ok=True)
    encoding = ENCODINGS.get((year, month), "utf-8")
    first = month_end.normalize() + pd.Timedelta(days=FIRST_EXPORT_DAYS, hours=9)
    received = LATE_RECEIVED if (year, month) == LATE_MONTH else first.to_pydatetime()
    stem = f"{year}-{month:02d}"
    write_export(folder / f"items_{stem}.csv", _items_export(items), received, encoding)
    first_export = _notices_export(notices, first)
    write_export(folder / f"notices_{stem}.csv", first_export, first, encoding)
    later = _notices_export(notices, pd.Timestamp(DATA_END))
    again = write_reexports(
        folder / f"notices_{stem}", first_export, later, encoding, (year, month) == DUPLICATE_MONTH
    )
    written.update(again, files=2 + again["files"], items=len(items), notices=len(notices))
    return written
