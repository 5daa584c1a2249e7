"""Quarterly reports of children counselled at social-assistance facilities (IND-16, activity
4b): reader and rules, the preparer's name and phone, facility names and notes dropped, a broken
row, a broken file, a duplicate delivery, a correction, and the sample's faults."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ingestion.load import load_source
from ingestion.readers.xlsx_cells import first_sheet_rows
from ingestion.sample.facilities import HEADER, write_facilities
from ingestion.sample.xlsx import xlsx_bytes
from tests.ingestion.redeliveries import contains

TOP = [
    ["BÁO CÁO KẾT QUẢ TƯ VẤN CHO TRẺ EM TẠI CÁC CƠ SỞ TRỢ GIÚP XÃ HỘI"],
    ["Ngày báo cáo:", "12/07/2024"],
    ["Người lập biểu: Nguyễn Thị Hoa", "Điện thoại: 0912345678"],
    HEADER,
]
GOOD = [
    [
        1,
        "Trung tâm Công tác xã hội Hà Nội",
        4,
        "11-14 tuổi",
        12,
        3,
        4,
        7,
        "Em Trần Văn Bình bị lừa",
    ],
    [2, "Trung tâm Công tác xã hội Hà Nội", "05/2024", "15 tuổi", 5, None, None, 2, None],
    [3, "Làng trẻ em SOS Hà Nội", dt.datetime(2024, 6, 1), "6-10 tuổi", 4, 0, 0, 0, None],
]
BROKEN = [
    [4, "Cơ sở A", 7, "11-14 tuổi", 3, 1, 1, 2, None],  # July: outside 2024-Q2
    [5, "Cơ sở A", 4, "11-14 tuổi", 3, 2, 2, 3, None],  # boys + girls above the total
    [6, "Cơ sở A", 4, "11-14 tuổi", 2, 1, 1, 2 + 1, None],  # online above all counselled
    [7, "Cơ sở A", 4, "Thiếu niên", 3, 1, 1, 2, None],  # unknown age band
    [8, "Cơ sở A", "tháng tư", "15 tuổi", 3, 1, 1, 2, None],  # unreadable month
    [9, "Cơ sở A", 4, "15 tuổi", 10**9, 1, 1, 10**9, None],  # beyond any plausible count
]
TOTAL = [["Tổng cộng", None, None, None, 21, 3, 4, 9, None], [], [None, "Nguyễn Thị Hoa"]]
SECRETS = ("Nguyễn Thị Hoa", "0912345678", "Trần Văn Bình", "Trung tâm Công tác xã hội Hà Nội")


def _write(landing: Path, name: str, rows: list[list[object]]) -> Path:
    folder = landing / "facilities" / "2024-Q2"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(xlsx_bytes("Q2-2024", TOP + rows + TOTAL, {}))
    return path


def _rows(con) -> list[tuple]:
    return con.execute(
        "SELECT province_code, report_quarter, CAST(counselled_month AS VARCHAR), age_band, "
        "counselled_total, online_male, online_female, online_total, _source_file "
        "FROM raw_facilities__counselling ORDER BY _source_row"
    ).fetchall()


def test_rows_are_checked_and_names_dropped(tmp_path: Path, con) -> None:
    _write(tmp_path, "01.xlsx", GOOD + BROKEN)
    [result] = load_source(con, "facilities_counselling", tmp_path)
    assert (result.status, result.rows_loaded, result.rows_rejected) == ("loaded", 3, 6)
    assert [r[:8] for r in _rows(con)] == [
        ("01", "2024-Q2", "2024-04-01", "11-14", 12, 3, 4, 7),
        ("01", "2024-Q2", "2024-05-01", "15", 5, None, None, 2),
        ("01", "2024-Q2", "2024-06-01", "6-10", 4, 0, 0, 0),
    ]
    reasons = dict(
        con.execute("SELECT row_number, reason FROM raw_ingestion__rejects ORDER BY 1").fetchall()
    )
    assert len(reasons) == 6
    first = len(TOP) + len(GOOD) + 1
    assert "outside the file's period" in reasons[first]
    assert "online_male + online_female" in reasons[first + 1]
    assert "counselled_total >= online_total" in reasons[first + 2]
    assert "age_band" in reasons[first + 3]
    assert "month" in reasons[first + 4]
    assert "less_than_or_equal_to(5000)" in reasons[first + 5]
    for table in ("raw_facilities__counselling", "raw_ingestion__rejects", "raw_ingestion__ledger"):
        for secret in SECRETS:
            assert contains(con, table, secret) == 0, (table, secret)


def test_broken_file_duplicate_and_correction(tmp_path: Path, con) -> None:
    first = _write(tmp_path, "01.xlsx", GOOD)
    load_source(con, "facilities_counselling", tmp_path)
    # a resubmission that is not a workbook replaces nothing
    broken = tmp_path / "facilities/2024-Q2/01_v2.xlsx"
    broken.write_bytes(b"Tong so tre,12\n")
    results = {r.file_path: r for r in load_source(con, "facilities_counselling", tmp_path)}
    failed = results["facilities/2024-Q2/01_v2.xlsx"]
    assert failed.status == "failed" and ".xlsx" in failed.error
    assert "01.xlsx stays loaded" in failed.error
    assert len(_rows(con)) == 3
    broken.unlink()
    # the same bytes again under a later version: a duplicate, nothing replaced
    (tmp_path / "facilities/2024-Q2/01_v3.xlsx").write_bytes(first.read_bytes())
    results = {r.file_path: r for r in load_source(con, "facilities_counselling", tmp_path)}
    assert results["facilities/2024-Q2/01_v3.xlsx"].status == "duplicate"
    (tmp_path / "facilities/2024-Q2/01_v3.xlsx").unlink()
    # a correction: the April row had 9 children counselled online, the June row is withdrawn
    corrected = [[*GOOD[0][:5], 4, 5, 9, None], GOOD[1]]
    _write(tmp_path, "01_v4.xlsx", corrected)
    results = {r.file_path: r for r in load_source(con, "facilities_counselling", tmp_path)}
    assert results["facilities/2024-Q2/01_v4.xlsx"].status == "loaded"
    rows = _rows(con)
    assert [(r[2], r[7], r[8]) for r in rows] == [
        ("2024-04-01", 9, "facilities/2024-Q2/01_v4.xlsx"),
        ("2024-05-01", 2, "facilities/2024-Q2/01_v4.xlsx"),
    ]
    ledger = dict(con.execute("SELECT file_path, status FROM raw_ingestion__ledger").fetchall())
    assert ledger["facilities/2024-Q2/01.xlsx"] == "superseded"


def test_sample_faults_load_as_promised(tmp_path: Path, con) -> None:
    written = [write_facilities(tmp_path, 2024, q, 1.0, 830) for q in (1, 2, 3, 4)]
    assert sum(w.corrections for w in written) >= 1 and sum(w.duplicates for w in written) >= 1
    assert sum(w.late for w in written) >= 1
    assert all(w.reports < 63 for w in written)  # some provinces miss a quarter
    results = load_source(con, "facilities_counselling", tmp_path)
    statuses = [r.status for r in results]
    assert statuses.count("duplicate") == sum(w.duplicates for w in written)
    superseded = sum(r.superseded_by is not None for r in results)
    assert superseded >= sum(w.corrections for w in written) >= 1
    assert all(r.rows_rejected == 0 for r in results)
    loaded = con.execute("SELECT count(*) FROM raw_facilities__counselling").fetchone()[0]
    assert loaded == sum(w.rows for w in written)
    # 2024 national: a few thousand children under 16 counselled online (sample magnitude)
    [(children,)] = con.execute(
        "SELECT sum(online_total) FROM raw_facilities__counselling "
        "WHERE age_band IN ('0-5', '6-10', '11-14', '15')"
    ).fetchall()
    assert 2_000 < children < 8_000
    sample = next((tmp_path / "facilities/2024-Q2").glob("*.xlsx")).read_bytes()
    cells = [str(c) for _, row in first_sheet_rows(sample) for c in row if c]
    assert any(c.startswith("Người lập biểu: ") for c in cells)  # the preparer, to be dropped
    assert any(c.startswith("Điện thoại: ") for c in cells)
    for table in ("raw_facilities__counselling", "raw_ingestion__rejects"):
        assert contains(con, table, "Người lập biểu") == 0
        assert contains(con, table, "Trung tâm") == 0
