"""Sample export of the police's cyber-security unit (A05) and the inspectorates: subjects
reported or detected violating the law against children online, with their handling steps
(``violations/subjects_YYYY-MM.csv``).

Magnitudes are not published. Chosen for sizing only (sample): a few hundred subjects a year
nationally, growing as reporting channels and platform reports grow (380 in 2021 to 700 in 2025),
so that most provinces see a handful a year; about 12% end with no violation established;
of the others, the share ever handled rises from about three quarters to nine tenths (some of
them after the 180 days IND-03 allows).

Delivery, as the contract describes: each month's subjects are first exported 8 days after the
month ends, with the steps recorded by then; the unit re-exports every month in January 2026
(``_v2``) with the steps recorded since. The faults of a real delivery are kept: one first
export arrives late (``LATE_MONTH``), one month's re-export is sent twice (``_v3`` with the
same bytes as ``_v2``: a duplicate), one month comes as UTF-16, and every file carries the
subject's name, ID number and address, which ingestion drops.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd

from ingestion.sample import identities
from ingestion.sample.shape import (
    DATA_END,
    MONTH_WEIGHT,
    allocate,
    is_new_scheme,
    province_text,
    provinces,
    rng_for,
    scaled,
    write_export,
)

VIOLATIONS_STREAM = 8
SUBJECTS = {2021: 380, 2022: 450, 2023: 540, 2024: 620, 2025: 700}
HANDLED_SHARE = {2021: 0.74, 2022: 0.79, 2023: 0.84, 2024: 0.88, 2025: 0.91}
NO_VIOLATION_SHARE = 0.12
FIRST_EXPORT_DAYS = 8
LATE_MONTH = (2023, 8)
LATE_RECEIVED = dt.datetime(2023, 11, 20, 9, 0)
DUPLICATE_MONTH = (2024, 2)
UTF16_MONTH = (2022, 3)

TYPE_LABEL = {"individual": "Cá nhân", "organisation": "Tổ chức"}
CHANNEL_LABEL = {
    "citizen_report": "Tố giác của công dân",
    "hotline_111": "Tổng đài 111 chuyển",
    "platform_report": "Nền tảng báo cáo",
    "police_detection": "Công an phát hiện",
    "inspection": "Thanh tra, kiểm tra",
}
CHANNEL_P = [0.30, 0.10, 0.20, 0.32, 0.08]
VIOLATION_LABEL = {
    "csam": "Hình ảnh xâm hại tình dục trẻ em",
    "grooming_sexual_exploitation": "Dụ dỗ, xâm hại, bóc lột tình dục",
    "trafficking": "Mua bán trẻ em",
    "cyberbullying_defamation": "Bắt nạt, bôi nhọ trên mạng",
    "privacy_disclosure": "Tiết lộ thông tin bí mật đời sống riêng tư của trẻ em",
    "harmful_content": "Nội dung độc hại",
    "fraud": "Lừa đảo",
}
VIOLATION_P = [0.18, 0.20, 0.04, 0.20, 0.16, 0.14, 0.08]
HEADERS = {
    "stt": "STT",
    "subject_id": "Mã đối tượng",
    "name": "Họ tên / Tên tổ chức",
    "id_number": "Số CCCD / Mã số thuế",
    "address": "Địa chỉ",
    "subject_type": "Loại đối tượng",
    "reported": "Ngày tiếp nhận / phát hiện",
    "channel": "Nguồn tin",
    "province": "Tỉnh / thành phố",
    "violation": "Hành vi vi phạm",
    "verified_date": "Ngày xác minh",
    "sanctioned_date": "Ngày xử phạt hành chính",
    "prosecuted_date": "Ngày khởi tố",
    "transferred_date": "Ngày chuyển cơ quan khác",
    "no_violation_date": "Ngày kết luận không vi phạm",
    "notes": "Ghi chú",
}
STEPS = ("verified_date", "sanctioned_date", "prosecuted_date", "transferred_date",
         "no_violation_date")  # fmt: skip


def subjects_year(year: int, scale: float, seed: int) -> pd.DataFrame:
    """Every sample subject reported or detected in ``year``, with the true step dates."""
    rng = rng_for(seed, VIOLATIONS_STREAM, year)
    n = max(1, scaled(SUBJECTS[year], scale))
    months = np.repeat(np.arange(12), allocate(n, MONTH_WEIGHT))
    days = pd.Series([pd.Period(f"{year}-{m + 1:02d}").days_in_month for m in months])
    start = pd.to_datetime([f"{year}-{m + 1:02d}-01" for m in months])
    reported = start + pd.to_timedelta(np.floor(rng.random(n) * days).astype(int), unit="D")
    order = np.argsort(reported.to_numpy(), kind="stable")
    reported = pd.DatetimeIndex(reported.to_numpy()[order])
    outcome = rng.random(n)
    no_violation = outcome < NO_VIOLATION_SHARE
    handled = ~no_violation & (rng.random(n) < HANDLED_SHARE[year])
    verify_days = np.ceil(rng.lognormal(np.log(20), 0.6, n))
    decide_days = np.ceil(rng.lognormal(np.log(35), 0.8, n))
    kind = rng.choice(["sanctioned_date", "prosecuted_date", "transferred_date"], n,
                      p=[0.60, 0.25, 0.15])  # fmt: skip
    verified = reported + pd.to_timedelta(verify_days, unit="D")
    decided = verified + pd.to_timedelta(decide_days, unit="D")
    unverified = ~handled & ~no_violation & (rng.random(n) < 0.4)
    steps = {"verified_date": pd.Series(verified).where(~unverified)}
    for step in ("sanctioned_date", "prosecuted_date", "transferred_date"):
        steps[step] = pd.Series(decided).where(handled & (kind == step))
    steps["no_violation_date"] = pd.Series(verified).where(no_violation)
    province = rng.choice(len(provinces().codes), size=n, p=provinces().weights)
    unknown = rng.random(n) < 0.01
    new_scheme = is_new_scheme(reported.to_numpy().astype("datetime64[s]"))
    ids = rng.permutation(np.arange(1, n + 1))
    return pd.DataFrame(
        {
            "subject_id": [f"DT{year}-{i:05d}" for i in ids],
            "subject_type": rng.choice(["individual", "organisation"], n, p=[0.88, 0.12]),
            "reported": reported,
            "channel": rng.choice(list(CHANNEL_LABEL), n, p=CHANNEL_P),
            "province": province_text(rng, province, new_scheme, unknown),
            "violation": rng.choice(list(VIOLATION_LABEL), n, p=VIOLATION_P),
            **steps,
            "name": identities.names(rng, n),
            "id_number": np.char.zfill(rng.integers(0, 10**12, n).astype(str), 12),
            "address": identities.addresses(rng, n),
            "notes": identities.notes(rng, n),
        }
    )


def _export(part: pd.DataFrame, as_of: pd.Timestamp) -> pd.DataFrame:
    """The export of ``part`` taken on ``as_of``: steps recorded later are still blank."""

    def day(values: pd.Series) -> pd.Series:
        shown = values.where(values <= as_of)
        return shown.dt.strftime("%d/%m/%Y").fillna("")

    frame = pd.DataFrame(
        {
            "stt": np.arange(1, len(part) + 1),
            "subject_id": part["subject_id"].to_numpy(),
            "name": part["name"].to_numpy(),
            "id_number": part["id_number"].to_numpy(),
            "address": part["address"].to_numpy(),
            "subject_type": part["subject_type"].map(TYPE_LABEL).to_numpy(),
            "reported": part["reported"].dt.strftime("%d/%m/%Y").to_numpy(),
            "channel": part["channel"].map(CHANNEL_LABEL).to_numpy(),
            "province": part["province"].to_numpy(),
            "violation": part["violation"].map(VIOLATION_LABEL).to_numpy(),
            **{step: day(part[step].reset_index(drop=True)).to_numpy() for step in STEPS},
            "notes": part["notes"].to_numpy(),
        }
    )
    return frame.rename(columns=HEADERS)


def write_violations_month(
    out: Path, year: int, month: int, scale: float, seed: int
) -> dict[str, int]:
    """Write month ``year``-``month``'s exports; returns the files written, the rows of the
    current version, and the re-exports (``_v2``) and duplicates among the files."""
    frame = subjects_year(year, scale, seed)
    part = frame[frame["reported"].dt.month == month].reset_index(drop=True)
    folder = out / "violations"
    folder.mkdir(parents=True, exist_ok=True)
    stem = f"subjects_{year}-{month:02d}"
    encoding = "utf-16" if (year, month) == UTF16_MONTH else "utf-8"
    month_end = pd.Timestamp(year, month, 1) + pd.offsets.MonthEnd(0)
    first = month_end + pd.Timedelta(days=FIRST_EXPORT_DAYS)
    received = LATE_RECEIVED if (year, month) == LATE_MONTH else first.to_pydatetime()
    write_export(folder / f"{stem}.csv", _export(part, first), received, encoding)
    written = {"files": 1, "rows": len(part), "reexports": 0, "duplicates": 0}
    if part.empty:  # nothing reported that month: nothing to re-export
        return written
    snapshot = pd.Timestamp(DATA_END)
    write_export(folder / f"{stem}_v2.csv", _export(part, snapshot), DATA_END, encoding)
    written["files"] += 1
    written["reexports"] += 1
    if (year, month) == DUPLICATE_MONTH:
        write_export(folder / f"{stem}_v3.csv", _export(part, snapshot), DATA_END, encoding)
        written["files"] += 1
        written["duplicates"] += 1
    return written
