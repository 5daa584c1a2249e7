"""The police (A05) / inspectorates' export of subjects reported or detected (T3): reader and
rules, names and ID numbers dropped, a broken file, a duplicate delivery, a correction, the
sample's faults."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from ingestion.load import load_source
from ingestion.sample.violations import DUPLICATE_MONTH, LATE_MONTH, write_violations_month
from tests.ingestion.redeliveries import contains, write_landing

HEADER = (
    "STT,Mã đối tượng,Họ tên / Tên tổ chức,Số CCCD / Mã số thuế,Loại đối tượng,"
    "Ngày tiếp nhận / phát hiện,Nguồn tin,Tỉnh / thành phố,Hành vi vi phạm,Ngày xác minh,"
    "Ngày xử phạt hành chính,Ngày khởi tố,Ngày chuyển cơ quan khác,"
    "Ngày kết luận không vi phạm,Ghi chú\n"
)
GOOD = [
    "1,DT-1,Nguyễn Văn An,001204012345,Cá nhân,03/05/2024,Tố giác của công dân,Hà Nội,"
    "Lừa đảo,10/05/2024,20/06/2024,,,,Ghi chú mật QX7\n",
    "2,DT-2,Công ty ABC,0101234567,Tổ chức,04/05/2024,Nền tảng báo cáo,79,Nội dung độc hại,,,,,,\n",
    "3,DT-3,Trần Thị Bình,001304099999,Cá nhân,05/05/2024,Công an phát hiện,1,"
    '"Dụ dỗ, xâm hại, bóc lột tình dục",07/05/2024,,09/06/2024,,,\n',
]
BROKEN = [
    # a step before it was reported
    "4,DT-4,Lê Chi,001204000004,Cá nhân,06/05/2024,Thanh tra,01,Lừa đảo,01/05/2024,,,,,\n",
    # "no violation" beside a sanction
    "5,DT-5,Vũ Dũng,001204000005,Cá nhân,06/05/2024,Thanh tra,01,Lừa đảo,,07/06/2024,,,"
    "08/06/2024,\n",
    # reported outside the file's month
    "6,DT-6,Đỗ Hà,001204000006,Cá nhân,06/06/2024,Tổng đài 111,01,Lừa đảo,,,,,,\n",
    # unknown violation type, then an unparseable date
    "7,DT-7,Phan Mai,001204000007,Cá nhân,06/05/2024,Thanh tra,01,Đánh bạc,,,,,,\n",
    "8,DT-8,Bùi Lan,001204000008,Cá nhân,06/05/2024,Thanh tra,01,Lừa đảo,31/02/2024,,,,,\n",
    # a subject sent twice in one file: the first row stays
    "9,DT-1,Nguyễn Văn An,001204012345,Cá nhân,03/05/2024,Thanh tra,01,Lừa đảo,,,,,,\n",
]


def _write(landing: Path, name: str, rows: list[str]) -> Path:
    return write_landing(landing, "violations", name, HEADER + "".join(rows))


def test_rows_are_checked_and_names_and_id_numbers_dropped(tmp_path: Path, con) -> None:
    _write(tmp_path, "subjects_2024-05.csv", GOOD + BROKEN)
    [result] = load_source(con, "violations_subjects", tmp_path)
    assert (result.status, result.rows_loaded, result.rows_rejected) == ("loaded", 3, 6)
    rows = con.execute(
        "SELECT subject_id, subject_type, intake_channel, province_code, violation_type, "
        "sanctioned_date IS NOT NULL, prosecuted_date IS NOT NULL "
        "FROM raw_violations__subjects ORDER BY 1"
    ).fetchall()
    assert rows == [
        ("DT-1", "individual", "citizen_report", "01", "fraud", True, False),
        ("DT-2", "organisation", "platform_report", "79", "harmful_content", False, False),
        ("DT-3", "individual", "police_detection", "01", "grooming_sexual_exploitation",
         False, True),
    ]  # fmt: skip
    reasons = dict(
        con.execute("SELECT row_number, reason FROM raw_ingestion__rejects ORDER BY 1").fetchall()
    )
    assert "before reported_date" in reasons[4]
    assert "no violation established" in reasons[5]
    assert "outside the file's period" in reasons[6]
    assert "violation_type" in reasons[7] and "verified_date" in reasons[8]
    assert "duplicate key" in reasons[9]
    for table in ("raw_violations__subjects", "raw_ingestion__rejects", "raw_ingestion__ledger"):
        for secret in (
            "Nguyễn Văn An",
            "001204012345",
            "Công ty ABC",
            "0101234567",
            "Ghi chú mật QX7",
        ):
            assert contains(con, table, secret) == 0, (table, secret)


def test_broken_file_duplicate_and_correction(tmp_path: Path, con) -> None:
    first = _write(tmp_path, "subjects_2024-05.csv", GOOD)
    load_source(con, "violations_subjects", tmp_path)
    # a re-export that cannot be read (a column missing) replaces nothing
    broken = tmp_path / "violations/subjects_2024-05_v2.csv"
    broken.write_text(HEADER.replace(",Ngày khởi tố", "") + "1,DT-1\n", encoding="utf-8")
    results = {r.file_path: r for r in load_source(con, "violations_subjects", tmp_path)}
    failed = results["violations/subjects_2024-05_v2.csv"]
    assert failed.status == "failed" and "prosecuted_date" in failed.error
    assert "subjects_2024-05.csv stays loaded" in failed.error
    assert con.execute("SELECT count(*) FROM raw_violations__subjects").fetchone()[0] == 3
    broken.unlink()
    # the same bytes again under a later version: a duplicate, nothing replaced
    (tmp_path / "violations/subjects_2024-05_v3.csv").write_bytes(first.read_bytes())
    results = {r.file_path: r for r in load_source(con, "violations_subjects", tmp_path)}
    assert results["violations/subjects_2024-05_v3.csv"].status == "duplicate"
    (tmp_path / "violations/subjects_2024-05_v3.csv").unlink()
    # a correction: DT-2 was since prosecuted, DT-3 dropped from the export
    corrected = [GOOD[0], GOOD[1].replace(",,,,,\n", "12/05/2024,,30/07/2024,,,\n")]
    _write(tmp_path, "subjects_2024-05_v4.csv", corrected)
    results = {r.file_path: r for r in load_source(con, "violations_subjects", tmp_path)}
    assert results["violations/subjects_2024-05_v4.csv"].status == "loaded"
    rows = con.execute(
        "SELECT subject_id, prosecuted_date, _source_file FROM raw_violations__subjects ORDER BY 1"
    ).fetchall()
    assert [(r[0], str(r[1]), r[2]) for r in rows] == [
        ("DT-1", "None", "violations/subjects_2024-05_v4.csv"),
        ("DT-2", "2024-07-30", "violations/subjects_2024-05_v4.csv"),
    ]
    ledger = dict(con.execute("SELECT file_path, status FROM raw_ingestion__ledger").fetchall())
    assert ledger["violations/subjects_2024-05.csv"] == "superseded"


def test_sample_faults_load_as_promised(tmp_path: Path, con) -> None:
    year, month = DUPLICATE_MONTH
    written = write_violations_month(tmp_path, year, month, 1.0, 830)
    late = write_violations_month(tmp_path, *LATE_MONTH, 1.0, 830)
    assert written["files"] == 3 and written["duplicates"] == 1 and late["files"] == 2
    first = pd.read_csv(tmp_path / f"violations/subjects_{year}-{month:02d}.csv", dtype=str)
    assert {"Họ tên / Tên tổ chức", "Số CCCD / Mã số thuế", "Địa chỉ"} <= set(first.columns)
    results = {r.file_path: r for r in load_source(con, "violations_subjects", tmp_path)}
    stem = f"violations/subjects_{year}-{month:02d}"
    assert results[f"{stem}_v3.csv"].status == "duplicate"
    assert results[f"{stem}.csv"].superseded_by == f"{stem}_v2.csv"
    assert all(r.rows_rejected == 0 for r in results.values())
    loaded = con.execute("SELECT count(*) FROM raw_violations__subjects").fetchone()[0]
    assert loaded == written["rows"] + late["rows"]
    # the re-export holds more handling than the first export taken 8 days after the month
    steps = con.execute("SELECT count(sanctioned_date) FROM raw_violations__subjects").fetchone()
    first_steps = first["Ngày xử phạt hành chính"].notna().sum()
    assert steps[0] > first_steps
    late_path = tmp_path / "violations/subjects_{}-{:02d}.csv".format(*LATE_MONTH)
    assert pd.Timestamp(os.stat(late_path).st_mtime, unit="s") > pd.Timestamp("2023-11-01")
    for secret in first["Số CCCD / Mã số thuế"].head(20):
        assert contains(con, "raw_violations__subjects", secret) == 0
