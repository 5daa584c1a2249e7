"""Sample provincial training reports: ``training/YYYY-Qn/<province_code>.xlsx``.

Provinces behave like real reporters: some miss quarters, most report within the 15 days after
the quarter, some late; a few send a corrected report (``<code>_v2.xlsx``, later date, changed
figures) and a few send the same report twice (``<code>_v2.xlsx`` with identical bytes). Each
report carries its date in the cell "Ngày báo cáo"; the file's mtime is set to that date. Reports
dated after the sample's snapshot (``DATA_END``) are not written: they have not arrived yet.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ingestion.periods import training_due_date
from ingestion.sample.shape import DATA_END, TRAINING_GROWTH, provinces, rng_for
from ingestion.sample.xlsx import xlsx_bytes
from schemas.reference import SWITCH_DATE, province_lists

TRAINING_STREAM = 3
AUDIENCE_LABEL = {
    "officials": "Cán bộ",
    "collaborators": "Cộng tác viên",
    "children": "Trẻ em",
    "parents": "Cha mẹ",
    "teachers": "Giáo viên",
}
AUDIENCES = list(AUDIENCE_LABEL)
AUDIENCE_P = [0.25, 0.15, 0.35, 0.15, 0.10]
FEMALE_SHARE = {"officials": 0.55, "collaborators": 0.7, "children": 0.49, "parents": 0.65,
                "teachers": 0.75}  # fmt: skip
TESTED_P = {"officials": 0.7, "collaborators": 0.7, "children": 0.4, "parents": 0.1,
            "teachers": 0.6}  # fmt: skip
ONLINE_P = {2021: 0.45, 2022: 0.3, 2023: 0.22, 2024: 0.2, 2025: 0.2}
TOPICS = [
    "Kỹ năng an toàn cho trẻ em trên môi trường mạng",
    "Nhận diện và xử lý xâm hại trẻ em trực tuyến",
    "Hướng dẫn cha mẹ đồng hành cùng con trên không gian mạng",
    "Quy trình tiếp nhận, xử lý thông tin qua Tổng đài 111",
    "Phòng chống bắt nạt trực tuyến trong trường học",
]
HEADER = ["STT", "Ngày", "Nội dung", "Đối tượng", "Hình thức", "Số người tham dự - Nam",
          "Số người tham dự - Nữ", "Tổng số", "Điểm trước", "Điểm sau"]  # fmt: skip
WIDTHS = {"B": 12, "C": 52, "D": 15, "E": 12, "F": 12, "G": 12, "H": 10}
_EXCEL_EPOCH = dt.date(1899, 12, 30)
CORRECTION_P = 0.06
DUPLICATE_P = 0.04


@dataclass(frozen=True)
class TrainingQuarter:
    """What ``write_training`` wrote for one quarter. ``events``: rows of the current reports
    (what the raw table holds after corrections); ``files`` includes corrections and duplicates."""

    files: int
    events: int
    children: int
    reports: int = 0
    late: int = 0
    corrections: int = 0
    duplicates: int = 0


def _province_population() -> dict[str, dict[str, float]]:
    frame = provinces()
    old = dict(zip(frame.codes, frame.weights, strict=True))
    new: dict[str, float] = {}
    for code, successor in zip(frame.codes, frame.successor, strict=True):
        new[successor] = new.get(successor, 0.0) + old[code]
    return {"province_2004": old, "province_2025": new}


def _reporting_propensity(seed: int) -> dict[str, float]:
    rng = rng_for(seed, TRAINING_STREAM)
    codes = provinces().codes
    return dict(zip(codes, rng.uniform(0.72, 1.0, len(codes)), strict=True))


def _lateness_propensity(seed: int) -> dict[str, float]:
    rng = rng_for(seed, TRAINING_STREAM, 99)
    codes = provinces().codes
    return dict(zip(codes, rng.uniform(0.0, 0.35, len(codes)), strict=True))


def _submitted(rng: np.random.Generator, due: dt.date, late_p: float) -> dt.date:
    """The date a province sends its report: within the 15 days before ``due`` or late."""
    if rng.random() < late_p:
        return due + dt.timedelta(days=int(rng.integers(1, 61)))
    return due - dt.timedelta(days=int(rng.integers(0, 15)))


def _corrected(rng: np.random.Generator, events: list[dict]) -> list[dict]:
    """The events of a corrected report: one count fixed, or a forgotten activity added."""
    fixed = [dict(e) for e in events]
    if fixed and rng.random() < 0.6:
        i = int(rng.integers(0, len(fixed)))
        fixed[i]["size"] = fixed[i]["size"] * float(rng.uniform(1.1, 1.5)) + 1
    else:
        template = dict(fixed[-1]) if fixed else None
        if template is None:
            return fixed
        template["size"] = float(rng.uniform(30, 80))
        fixed.append(template)
    return fixed


def _date_cell(day: dt.date, style: int) -> object:
    if style == 0:
        return dt.datetime(day.year, day.month, day.day)
    if style == 1:
        return (day - _EXCEL_EPOCH).days
    return day.strftime("%d/%m/%Y")


def _events(rng: np.random.Generator, year: int, start: dt.date, weight: float) -> list[dict]:
    n = int(rng.choice(4, p=[0.1, 0.3, 0.35, 0.25]))
    days = (dt.date(year + (start.month == 10), (start.month + 2) % 12 + 1, 1) - start).days
    events = []
    for _ in range(n):
        audience = str(rng.choice(AUDIENCES, p=AUDIENCE_P))
        if audience == "children":
            size = rng.lognormal(np.log(1100 * np.sqrt(weight * 63) * TRAINING_GROWTH[year]), 0.5)
        elif audience == "parents":
            size = rng.uniform(50, 400)
        elif audience == "teachers":
            size = rng.uniform(30, 200)
        else:
            size = rng.uniform(30, 80)
        tested = rng.random() < TESTED_P[audience]
        pre = float(np.clip(rng.normal(55, 12), 10, 90))
        events.append(
            {
                "date": start + dt.timedelta(days=int(rng.integers(0, days))),
                "topic": str(rng.choice(TOPICS)),
                "audience": audience,
                "online": rng.random() < ONLINE_P[year],
                "size": float(size),
                "pre": round(pre, 1) if tested else None,
                "post": round(min(100.0, pre + max(0.0, rng.normal(18, 6))), 1) if tested else None,
                "unrecorded": float(rng.binomial(1, 0.1) * rng.uniform(0.02, 0.1)),
                "no_sex": rng.random() < 0.03,
                "female": FEMALE_SHARE[audience],
                "u": rng.random(),
            }
        )
    return sorted(events, key=lambda e: e["date"])


def _rows(
    events: list[dict], scale: float, style: int, title: str, reported: dt.date
) -> tuple[list[list], int]:
    rows: list[list] = [
        ["DỮ LIỆU MẪU (SAMPLE DATA) – không phải số liệu thật / not real data"],
        ["BÁO CÁO KẾT QUẢ TẬP HUẤN, TRUYỀN THÔNG VỀ BẢO VỆ TRẺ EM TRÊN MÔI TRƯỜNG MẠNG"],
        [title],
        ["Ngày báo cáo:", reported.strftime("%d/%m/%Y")],
        HEADER,
    ]
    sums = [0, 0, 0]
    children = 0
    for i, event in enumerate(events, start=1):
        total = max(1, round(event["size"] * scale))
        recorded = total - round(total * event["unrecorded"])
        female = round(recorded * event["female"] + (event["u"] - 0.5))
        female = min(max(female, 0), recorded)
        male = recorded - female
        sums = [sums[0] + male, sums[1] + female, sums[2] + total]
        if event["audience"] == "children":
            children += total
        rows.append(
            [
                i,
                _date_cell(event["date"], style),
                event["topic"],
                AUDIENCE_LABEL[event["audience"]],
                "Trực tuyến" if event["online"] else "Trực tiếp",
                None if event["no_sex"] else male,
                None if event["no_sex"] else female,
                total,
                event["pre"],
                event["post"],
            ]
        )
    rows.append(["Tổng cộng", None, None, None, None, *sums, None, None])
    return rows, children


def _write(path: Path, rows: list[list], sheet: str, reported: dt.date) -> None:
    path.write_bytes(xlsx_bytes(sheet, rows, WIDTHS))
    stamp = dt.datetime(reported.year, reported.month, reported.day, 9).timestamp()
    os.utime(path, (stamp, stamp))


def write_training(out: Path, year: int, quarter: int, scale: float, seed: int) -> TrainingQuarter:
    """Write one quarter's reports (with late, corrected and duplicate deliveries)."""
    start = dt.date(year, 3 * quarter - 2, 1)
    scheme = "province_2025" if start >= SWITCH_DATE else "province_2004"
    lists = province_lists()
    names = lists.p2025["name_vi"] if scheme == "province_2025" else lists.p2004["name_vi"]
    weights = _province_population()[scheme]
    propensity = _reporting_propensity(seed)
    lateness = _lateness_propensity(seed)
    rng = rng_for(seed, TRAINING_STREAM, year, quarter)
    delivery = rng_for(seed, TRAINING_STREAM, year, quarter, 1)
    due = training_due_date(f"{year}-Q{quarter}")
    snapshot = DATA_END.date()
    folder = out / "training" / f"{year}-Q{quarter}"
    folder.mkdir(parents=True, exist_ok=True)
    counts = dict.fromkeys(("files", "events", "children", "reports", "late", "fix", "dup"), 0)
    for code in sorted(weights):
        reports = rng.random() < propensity[code]
        events = _events(rng, year, start, weights[code])
        submitted = _submitted(delivery, due, lateness.get(code, 0.1))
        behaviour = delivery.random()
        follow_up = submitted + dt.timedelta(days=int(delivery.integers(3, 41)))
        if not reports or submitted > snapshot:
            continue
        style = 0 if int(code) % 10 == 3 else 1 if int(code) % 10 == 7 else 2
        title = f"Tỉnh/thành phố: {names[code]} (mã {code}) – Quý {quarter}/{year}"
        sheet = f"Q{quarter}-{year}"
        rows, kids = _rows(events, scale, style, title, submitted)
        _write(folder / f"{code}.xlsx", rows, sheet, submitted)
        counts["files"] += 1
        counts["reports"] += 1
        counts["late"] += submitted > due
        if behaviour < CORRECTION_P and follow_up <= snapshot:
            events = _corrected(delivery, events)
            rows, kids = _rows(events, scale, style, title + " (bản sửa đổi)", follow_up)
            _write(folder / f"{code}_v2.xlsx", rows, sheet, follow_up)
            counts["files"] += 1
            counts["fix"] += 1
        elif behaviour > 1 - DUPLICATE_P:
            _write(folder / f"{code}_v2.xlsx", rows, sheet, follow_up)
            counts["files"] += 1
            counts["dup"] += 1
        counts["events"] += len(events)
        counts["children"] += kids
    return TrainingQuarter(
        files=counts["files"],
        events=counts["events"],
        children=counts["children"],
        reports=counts["reports"],
        late=counts["late"],
        corrections=counts["fix"],
        duplicates=counts["dup"],
    )
