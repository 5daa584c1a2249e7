"""Sample quarterly reports of children counselled at social-assistance facilities (Plan 838
activity 4b): ``facilities/YYYY-Qn/<province_code>.xlsx``, laid out like the training reports.

Magnitudes (sample, not facts): no national figure of children counselled on online-related
issues at facilities is published. Viet Nam has about 420 social-assistance facilities, most of
them residential; we assume about four per province (some 250 in all, proportional to the 2019
population, at least one per province) counsel children and report, each counselling a few
children a month, a third of those aged 11-14 on an online-related issue. That gives some 3,000
children a year in 2021 rising to some 5,500 in 2025, about 15-25 per 100,000 children, a small
fraction of the hotline's contacts. After 1 July 2025 a province's report covers the facilities
of the provinces merged into it.

Faults like the real deliveries: provinces miss quarters and report late, a few send a corrected
report (``<code>_v2.xlsx``, one figure changed) or the same report twice; the month is written
as a number, ``mm/yyyy`` text or a date cell depending on the province; the preparer's name and
telephone number, the facilities' names and notes naming a child are in the workbook and must
be dropped. Reports dated after the sample's snapshot (``DATA_END``) are not written.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ingestion.periods import training_due_date
from ingestion.sample.identities import names, phones
from ingestion.sample.shape import DATA_END, provinces, rng_for
from ingestion.sample.xlsx import xlsx_bytes
from schemas.reference import SWITCH_DATE, province_lists

FACILITIES_STREAM = 11
FACILITIES_PER_PROVINCE = 4.0
BANDS = ["0-5", "6-10", "11-14", "15", "16-17"]
BAND_LABEL = {"0-5": "0-5 tuổi", "6-10": "6-10 tuổi", "11-14": "11-14 tuổi", "15": "15 tuổi",
              "16-17": "16-17 tuổi"}  # fmt: skip
COUNSELLED = {"0-5": 1.0, "6-10": 2.0, "11-14": 3.0, "15": 1.0, "16-17": 1.5}
"""Mean children counselled on any issue per facility and month, by age band."""
ONLINE_SHARE = {"0-5": 0.05, "6-10": 0.2, "11-14": 0.35, "15": 0.4, "16-17": 0.4}
GROWTH = {2021: 0.6, 2022: 0.72, 2023: 0.84, 2024: 0.93, 2025: 1.0}
FEMALE_SHARE = 0.52
KINDS = ["Trung tâm Công tác xã hội", "Trung tâm Bảo trợ xã hội", "Làng trẻ em SOS",
         "Cơ sở trợ giúp trẻ em"]  # fmt: skip
NOTE = "Em {name}, {age} tuổi, bị bắt nạt qua mạng xã hội; đã tư vấn và báo Tổng đài 111."
HEADER: list[object] = [
    "STT", "Cơ sở trợ giúp xã hội", "Tháng", "Nhóm tuổi", "Tổng số trẻ được tư vấn",
    "Liên quan môi trường mạng - Nam", "Liên quan môi trường mạng - Nữ",
    "Liên quan môi trường mạng - Tổng số", "Ghi chú",
]  # fmt: skip
WIDTHS = {"B": 40, "C": 10, "D": 12, "E": 14, "F": 14, "G": 14, "H": 14, "I": 50}
CORRECTION_P = 0.05
DUPLICATE_P = 0.03


@dataclass(frozen=True)
class FacilitiesQuarter:
    """What ``write_facilities`` wrote for one quarter (``rows``: of the current reports)."""

    files: int
    rows: int
    reports: int
    late: int
    corrections: int
    duplicates: int


def _facilities(seed: int) -> dict[str, list[str]]:
    """The counselling facilities of each 2004 province (stable over the years)."""
    frame = provinces()
    rng = rng_for(seed, FACILITIES_STREAM)
    out = {}
    for code, weight in zip(frame.codes, frame.weights, strict=True):
        n = max(1, int(rng.poisson(FACILITIES_PER_PROVINCE * 63 * weight)))
        place = frame.name_vi[code]
        out[code] = [f"{KINDS[i % len(KINDS)]} {place}" + (f" số {i + 1}" if i >= 4 else "")
                     for i in range(n)]  # fmt: skip
    return out


def _month_cell(month: dt.date, style: int) -> object:
    if style == 0:
        return month.month
    if style == 1:
        return month.strftime("%m/%Y")
    return dt.datetime(month.year, month.month, 1)


def _rows(
    rng: np.random.Generator, facilities: list[str], months: list[dt.date], scale: float,
    year: int, style: int,
) -> list[list[object]]:  # fmt: skip
    rows: list[list[object]] = []
    for facility in facilities:
        for month in months:
            for band in BANDS:
                total = int(rng.poisson(COUNSELLED[band] * GROWTH[year] * scale))
                online = int(rng.binomial(total, ONLINE_SHARE[band])) if total else 0
                no_sex = rng.random() < 0.03
                female = int(rng.binomial(online, FEMALE_SHARE)) if online else 0
                note = ""
                if online and rng.random() < 0.08:
                    age = {"0-5": 5, "6-10": 9, "11-14": 13, "15": 15, "16-17": 16}[band]
                    note = NOTE.format(name=str(names(rng, 1)[0]), age=age)
                label = "Không rõ" if rng.random() < 0.01 else BAND_LABEL[band]
                rows.append(
                    [len(rows) + 1, facility, _month_cell(month, style), label, total,
                     None if no_sex else online - female, None if no_sex else female, online,
                     note or None]
                )  # fmt: skip
    return rows


def _corrected(rng: np.random.Generator, rows: list[list[object]]) -> list[list[object]]:
    """A corrected report: one row's children counselled (all issues) raised."""
    fixed = [list(r) for r in rows]
    if fixed:
        row = fixed[int(rng.integers(0, len(fixed)))]
        row[4] = int(row[4]) + int(rng.integers(1, 4))  # type: ignore[call-overload]
    return fixed


def _sheet(rows: list[list[object]], title: str, reported: dt.date, preparer: str,
           phone: str) -> list[list[object]]:  # fmt: skip
    sums = [sum(int(r[i] or 0) for r in rows) for i in (4, 5, 6, 7)]  # type: ignore[call-overload]
    return [
        ["DỮ LIỆU MẪU (SAMPLE DATA) – không phải số liệu thật / not real data"],
        ["BÁO CÁO KẾT QUẢ TƯ VẤN CHO TRẺ EM TẠI CÁC CƠ SỞ TRỢ GIÚP XÃ HỘI"],
        [title],
        ["Ngày báo cáo:", reported.strftime("%d/%m/%Y")],
        [f"Người lập biểu: {preparer}", f"Điện thoại: {phone}"],
        list(HEADER),
        *rows,
        ["Tổng cộng", None, None, None, *sums, None],
        [],
        [None, "Người lập biểu", None, None, None, "Thủ trưởng đơn vị"],
        [None, preparer],
    ]


def _write(path: Path, rows: list[list[object]], sheet: str, reported: dt.date) -> None:
    path.write_bytes(xlsx_bytes(sheet, rows, WIDTHS))
    stamp = dt.datetime(reported.year, reported.month, reported.day, 9).timestamp()
    os.utime(path, (stamp, stamp))


def write_facilities(
    out: Path, year: int, quarter: int, scale: float, seed: int
) -> FacilitiesQuarter:
    """Write one quarter's reports (with late, corrected and duplicate deliveries)."""
    start = dt.date(year, 3 * quarter - 2, 1)
    months = [dt.date(year, start.month + i, 1) for i in range(3)]
    scheme = "province_2025" if start >= SWITCH_DATE else "province_2004"
    lists = province_lists()
    frame = provinces()
    by_old = _facilities(seed)
    reporters: dict[str, list[str]] = {}
    for old, successor in zip(frame.codes, frame.successor, strict=True):
        key = successor if scheme == "province_2025" else old
        reporters.setdefault(key, []).extend(by_old[old])
    label = lists.p2025["name_vi"] if scheme == "province_2025" else lists.p2004["name_vi"]
    rng = rng_for(seed, FACILITIES_STREAM, year, quarter)
    due = training_due_date(f"{year}-Q{quarter}")
    folder = out / "facilities" / f"{year}-Q{quarter}"
    folder.mkdir(parents=True, exist_ok=True)
    n = dict.fromkeys(("files", "rows", "reports", "late", "fix", "dup"), 0)
    for code in sorted(reporters):
        rows = _rows(rng, reporters[code], months, scale, year, int(code) % 3)
        reports = rng.random() < 0.9
        late = rng.random() < 0.15
        submitted = (
            due + dt.timedelta(days=int(rng.integers(1, 50)))
            if late
            else due - dt.timedelta(days=int(rng.integers(0, 15)))
        )
        behaviour, follow_up = rng.random(), submitted + dt.timedelta(days=int(rng.integers(5, 40)))
        preparer, phone = str(names(rng, 1)[0]), str(phones(rng, 1)[0])
        if not reports or submitted > DATA_END.date():
            continue
        title = f"Tỉnh/thành phố: {label[code]} (mã {code}) – Quý {quarter}/{year}"
        sheet = f"Q{quarter}-{year}"
        _write(folder / f"{code}.xlsx", _sheet(rows, title, submitted, preparer, phone), sheet,
               submitted)  # fmt: skip
        n["files"] += 1
        n["reports"] += 1
        n["late"] += submitted > due
        if behaviour < CORRECTION_P and follow_up <= DATA_END.date():
            rows = _corrected(rng, rows)
            sheet_rows = _sheet(rows, title + " (bản sửa đổi)", follow_up, preparer, phone)
            _write(folder / f"{code}_v2.xlsx", sheet_rows, sheet, follow_up)
            n["files"] += 1
            n["fix"] += 1
        elif behaviour > 1 - DUPLICATE_P:
            _write(folder / f"{code}_v2.xlsx", _sheet(rows, title, submitted, preparer, phone),
                   sheet, submitted)  # fmt: skip
            n["files"] += 1
            n["dup"] += 1
        n["rows"] += len(rows)
    return FacilitiesQuarter(n["files"], n["rows"], n["reports"], n["late"], n["fix"], n["dup"])
