"""The school-year register of schools and facilities (T1): reader, rules, sample, load."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ingestion.load import load_source
from ingestion.sample.schools import write_register

REGISTER_CSV = (
    "ma_truong,ten_truong,loai_hinh,tinh,so_hoc_sinh,co_giao_duc_an_toan_mang,so_buoi,"
    "so_hoc_sinh_duoc_tiep_can,hieu_truong,dien_thoai\n"
    "T1,Trường A,Tiểu học,Hà Nội,600,Có,3,550,Nguyễn Văn An,0912345678\n"
    "T2,Trường B,THCS,01,700,Không,,,Trần Bình,0987654321\n"
    "T3,Trường C,THPT,01,100,Không,2,50,Lê Chi,0900000000\n"
    "T4,Trường D,Mẫu giáo,01,1,Có,1,1,Vũ Dũng,0911111111\n"
    "T5,Trường E,THCS,01,80,Có,2,90,Đỗ Hà,0922222222\n"
)


def test_register_rows_are_checked_and_names_dropped(landing: Path, con) -> None:
    (landing / "schools").mkdir()
    (landing / "schools/register_2023-2024.csv").write_text(REGISTER_CSV, encoding="utf-8")
    [result] = load_source(con, "schools_register", landing)
    assert (result.status, result.rows_loaded, result.rows_rejected) == ("loaded", 2, 3)
    rows = con.execute(
        "SELECT school_year, facility_id, facility_type, province_code, province_scheme, "
        "ran_online_safety, sessions, pupils_reached FROM raw_schools__register ORDER BY 2"
    ).fetchall()
    assert rows == [
        ("2023-2024", "T1", "primary", "01", "province_2004", True, 3, 550),
        ("2023-2024", "T2", "lower_secondary", "01", "province_2004", False, None, None),
    ]
    reasons = dict(
        con.execute("SELECT row_number, reason FROM raw_ingestion__rejects ORDER BY 1").fetchall()
    )
    assert "none ran" in reasons[3] and "facility_type" in reasons[4]
    assert "pupils_reached <= pupils_enrolled" in reasons[5]
    for table in ("raw_schools__register", "raw_ingestion__rejects"):
        hits = con.execute(
            f'SELECT count(*) FROM "{table}" t WHERE contains(CAST(t AS VARCHAR), ?)',
            ["0912345678"],
        ).fetchone()[0]
        assert hits == 0


def test_sample_register_loads_cleanly(tmp_path: Path, con) -> None:
    rows = write_register(tmp_path, 2024, 0.01, 830)
    first = pd.read_csv(tmp_path / "schools/register_2024-2025.csv", dtype=str)
    assert {"ten_co_so", "hieu_truong", "dien_thoai"} <= set(first.columns)
    [result] = load_source(con, "schools_register", tmp_path)
    assert (result.rows_loaded, result.rows_rejected) == (rows, 0)
    share = con.execute("SELECT avg(ran_online_safety::INT) FROM raw_schools__register").fetchone()
    assert 0.7 < share[0] < 0.9
    earlier = pd.read_csv(tmp_path / "schools/register_2024-2025.csv", dtype=str)
    write_register(tmp_path, 2020, 0.01, 830)
    older = pd.read_csv(tmp_path / "schools/register_2020-2021.csv", dtype=str)
    assert list(older["ma_co_so"]) == list(earlier["ma_co_so"])  # the same schools every year
    assert (older["co_giao_duc_an_toan_mang"] == "Có").mean() < 0.5
