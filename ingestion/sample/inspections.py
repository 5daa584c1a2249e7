"""Sample monthly exports of the inspectorates' inspection and monitoring visits on child online
protection (Plan 838 activity 11): ``inspections/visits_YYYY-MM.csv`` and
``inspections/recommendations_YYYY-MM.csv``.

Magnitudes are not published (sample, for sizing only): 45 visits in 2021 rising to 110 in 2025
by the ministry's and the provinces' inspectorates, the police and inter-agency teams, spread
over the provinces by population (so that, counted among the 34 provinces of 2025, about 24
are inspected in 2021 and about 30 in 2025); 65% of visits find a violation and then make one
to six recommendations (otherwise none or one); the share of recommendations resolved within
the 90-day follow-up period rises from about half to three quarters, and a tenth are never
resolved.

Delivery: a month's visits are exported 8 days after it ends; the recommendations of the
conclusions dated in a month likewise, and re-exported in January 2026 (``_v2``) with the
resolutions recorded since. Faults of a real delivery: one month's visits arrive late
(``LATE_MONTH``), one month's re-export is sent twice (``_v3``, same bytes), one month comes as
UTF-16, and every file carries the organisation inspected, the team leader's name and the text
of findings and recommendations, which ingestion drops.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from ingestion.sample import identities
from ingestion.sample.shape import (
    DATA_END,
    is_new_scheme,
    province_text,
    provinces,
    rng_for,
    scaled,
    write_export,
    write_reexports,
)

INSPECTIONS_STREAM = 13
VISITS = {2021: 45, 2022: 60, 2023: 75, 2024: 90, 2025: 110}
RESOLVED_IN_TIME = {2021: 0.5, 2022: 0.56, 2023: 0.63, 2024: 0.7, 2025: 0.75}
NEVER_RESOLVED = 0.1
FIRST_EXPORT_DAYS = 8
LATE_MONTH = (2022, 9)
LATE_RECEIVED = dt.datetime(2022, 12, 5, 9, 0)
DUPLICATE_MONTH = (2024, 6)
UTF16_MONTH = (2023, 4)
BODY_LABEL = {"ministry_inspectorate": "Thanh tra Bộ", "provincial_inspectorate": "Thanh tra Sở",
              "police": "Công an", "interagency": "Đoàn liên ngành"}  # fmt: skip
BODY_P = [0.2, 0.5, 0.15, 0.15]
ORGANISATIONS = ["Công ty TNHH Truyền thông Số", "Trường THCS Nguyễn Du", "Quán internet Ánh Sao",
                 "Công ty CP Trò chơi trực tuyến", "Trung tâm Công tác xã hội"]  # fmt: skip


def _dates(values: pd.Series) -> np.ndarray:
    return values.dt.strftime("%d/%m/%Y").fillna("").to_numpy()


@lru_cache(maxsize=2)
def inspections_year(year: int, scale: float, seed: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The sample's visits of ``year`` and their recommendations (true resolution dates); the
    frames are cached for the year's months and must not be changed."""
    rng = rng_for(seed, INSPECTIONS_STREAM, year)
    n = max(1, scaled(VISITS[year], scale))
    start = pd.Timestamp(year, 1, 1)
    visit = pd.DatetimeIndex(np.sort(start + pd.to_timedelta(rng.integers(0, 365, n), unit="D")))
    province = rng.choice(len(provinces().codes), size=n, p=provinces().weights)
    new_scheme = is_new_scheme(visit.to_numpy().astype("datetime64[s]"))
    violation = rng.random(n) < 0.65
    count = np.where(violation, rng.integers(1, 7, n), rng.integers(0, 2, n))
    ids = [f"TT{year}-{i:04d}" for i in range(1, n + 1)]
    visits = pd.DataFrame(
        {
            "visit_id": ids,
            "visit": visit,
            "province": province_text(rng, province, new_scheme, rng.random(n) < 0.005),
            "body": rng.choice(list(BODY_LABEL), n, p=BODY_P),
            "finding": np.where(violation, "Có vi phạm", "Không phát hiện vi phạm"),
            "recommendations": count,
            "organisation": rng.choice(ORGANISATIONS, n),
            "leader": identities.names(rng, n),
        }
    )
    which = np.repeat(np.arange(n), count)
    m = len(which)
    concluded = (visit + pd.to_timedelta(rng.integers(15, 46, n), unit="D"))[which]
    in_time = rng.random(m) < RESOLVED_IN_TIME[year]
    never = ~in_time & (rng.random(m) < NEVER_RESOLVED / (1 - RESOLVED_IN_TIME[year]))
    days = np.where(in_time, rng.integers(5, 91, m), rng.integers(91, 300, m))
    resolved = pd.Series(concluded + pd.to_timedelta(days, unit="D")).where(~never)
    recommendations = pd.DataFrame(
        {
            "recommendation_id": [f"{ids[v]}-KN{k + 1}" for v, k in
                                  zip(which, _ranks(which), strict=True)],
            "visit_id": np.asarray(ids, dtype=object)[which],
            "concluded": pd.Series(concluded),
            "resolved": resolved,
            "text": "Yêu cầu gỡ bỏ nội dung và rà soát quy trình bảo vệ trẻ em",
        }
    )  # fmt: skip
    return visits, recommendations


def _ranks(groups: np.ndarray) -> np.ndarray:
    """0, 1, 2 … within each run of equal values (``groups`` is sorted)."""
    starts = np.r_[0, np.flatnonzero(np.diff(groups)) + 1]
    return np.arange(len(groups)) - np.repeat(starts, np.diff(np.r_[starts, len(groups)]))


def _recommendations_export(part: pd.DataFrame, as_of: pd.Timestamp) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Mã kiến nghị": part["recommendation_id"].to_numpy(),
            "Mã cuộc thanh tra": part["visit_id"].to_numpy(),
            "Nội dung kiến nghị": part["text"].to_numpy(),
            "Ngày kết luận": _dates(part["concluded"]),
            "Ngày khắc phục": _dates(part["resolved"].where(part["resolved"] <= as_of)),
        }
    )


def write_inspections_month(
    out: Path, year: int, month: int, scale: float, seed: int
) -> dict[str, int]:
    """Write month ``year``-``month``'s exports; returns the files and rows of the current
    versions and the re-exports and duplicates among the files."""
    visits, recommendations = inspections_year(year, scale, seed)
    if month <= 2 and year > 2021:  # conclusions of last year's December visits
        recommendations = pd.concat([inspections_year(year - 1, scale, seed)[1], recommendations])
    visits = visits[visits["visit"].dt.month == month].reset_index(drop=True)
    concluded = recommendations["concluded"]
    part = recommendations[(concluded.dt.year == year) & (concluded.dt.month == month)]
    part = part.reset_index(drop=True)
    folder = out / "inspections"
    folder.mkdir(parents=True, exist_ok=True)
    encoding = "utf-16" if (year, month) == UTF16_MONTH else "utf-8"
    month_end = pd.Timestamp(year, month, 1) + pd.offsets.MonthEnd(0)
    first = month_end + pd.Timedelta(days=FIRST_EXPORT_DAYS, hours=9)
    received = LATE_RECEIVED if (year, month) == LATE_MONTH else first.to_pydatetime()
    stem = f"{year}-{month:02d}"
    exported = pd.DataFrame(
        {
            "Mã cuộc thanh tra": visits["visit_id"].to_numpy(),
            "Ngày thanh tra": _dates(visits["visit"]),
            "Tỉnh được thanh tra": visits["province"].to_numpy(),
            "Cơ quan thực hiện": visits["body"].map(BODY_LABEL).to_numpy(),
            "Đối tượng được thanh tra": visits["organisation"].to_numpy(),
            "Trưởng đoàn": visits["leader"].to_numpy(),
            "Kết quả": visits["finding"].to_numpy(),
            "Số kiến nghị": visits["recommendations"].to_numpy(),
        }
    )
    write_export(folder / f"visits_{stem}.csv", exported, received, encoding)
    first_export = _recommendations_export(part, first)
    write_export(folder / f"recommendations_{stem}.csv", first_export, first, encoding)
    later = _recommendations_export(part, pd.Timestamp(DATA_END))
    again = write_reexports(
        folder / f"recommendations_{stem}", first_export, later, encoding,
        (year, month) == DUPLICATE_MONTH,
    )  # fmt: skip
    return {**again, "files": 2 + again["files"], "visits": len(visits),
            "recommendations": len(part)}  # fmt: skip
