"""The inspectorates' exports of inspection visits and their recommendations (IND-20, IND-21,
activity 11): organisation, team leader and texts dropped; a broken row, a broken file, a
duplicate delivery, a correction, and the sample's faults."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from ingestion.load import load_source
from ingestion.sample.inspections import (
    DUPLICATE_MONTH,
    LATE_MONTH,
    UTF16_MONTH,
    write_inspections_month,
)
from tests.ingestion.redeliveries import (
    broken_then_duplicate,
    contains,
    results,
    status_in_ledger,
    write_landing,
)

VISITS_HEADER = (
    "Mã cuộc thanh tra,Ngày thanh tra,Tỉnh được thanh tra,Cơ quan thực hiện,"
    "Đối tượng được thanh tra,Trưởng đoàn,Kết quả,Số kiến nghị\n"
)
VISITS = [
    "TT-1,03/05/2024,Hà Nội,Thanh tra Sở,Quán internet Ánh Sao,Nguyễn Văn An,Có vi phạm,3\n",
    "TT-2,10/05/2024,79,Đoàn liên ngành,Công ty Số,Trần Thị Bình,Không phát hiện vi phạm,\n",
    # a negative count, then an unknown inspecting body
    "TT-3,11/05/2024,Nghệ An,Thanh tra Bộ,Trường A,Lê Chi,Có vi phạm,-1\n",
    "TT-4,12/05/2024,01,Bộ Quốc phòng,Trường B,Lê Chi,Có vi phạm,1\n",
]
RECS_HEADER = "Mã kiến nghị,Mã cuộc thanh tra,Nội dung kiến nghị,Ngày kết luận,Ngày khắc phục\n"
RECS = [
    "TT-1-KN1,TT-1,Gỡ bỏ nội dung vi phạm,20/05/2024,01/07/2024\n",
    "TT-1-KN2,TT-1,Rà soát quy trình,20/05/2024,\n",
    # resolved before the conclusion
    "TT-1-KN3,TT-1,Tập huấn nhân viên,20/05/2024,19/05/2024\n",
]
SECRETS = ("Quán internet Ánh Sao", "Nguyễn Văn An", "Gỡ bỏ nội dung vi phạm", "Trần Thị Bình")


def _write(landing: Path, name: str, text: str) -> Path:
    return write_landing(landing, "inspections", name, text)


def test_rows_are_checked_and_names_and_texts_dropped(tmp_path: Path, con) -> None:
    _write(tmp_path, "visits_2024-05.csv", VISITS_HEADER + "".join(VISITS))
    _write(tmp_path, "recommendations_2024-05.csv", RECS_HEADER + "".join(RECS))
    [visits] = load_source(con, "inspections_visits", tmp_path)
    [recs] = load_source(con, "inspections_recommendations", tmp_path)
    assert (visits.rows_loaded, visits.rows_rejected) == (2, 2)
    assert (recs.rows_loaded, recs.rows_rejected) == (2, 1)
    assert con.execute(
        "SELECT visit_id, province_code, inspecting_body, finding, recommendations "
        "FROM raw_inspections__visits ORDER BY 1"
    ).fetchall() == [
        ("TT-1", "01", "provincial_inspectorate", "violation_found", 3),
        ("TT-2", "79", "interagency", "no_violation", 0),
    ]
    reasons = [
        r[0]
        for r in con.execute(
            "SELECT reason FROM raw_ingestion__rejects ORDER BY file_path, row_number"
        ).fetchall()
    ]
    assert "resolved_date not before concluded_date" in reasons[0]
    assert "recommendations" in reasons[1] and "inspecting_body" in reasons[2]
    for table in ("raw_inspections__visits", "raw_inspections__recommendations",
                  "raw_ingestion__rejects"):  # fmt: skip
        for secret in SECRETS:
            assert contains(con, table, secret) == 0, (table, secret)


def test_broken_file_duplicate_and_correction(tmp_path: Path, con) -> None:
    first = _write(tmp_path, "recommendations_2024-05.csv", RECS_HEADER + "".join(RECS[:2]))
    load_source(con, "inspections_recommendations", tmp_path)
    broken = tmp_path / "inspections/recommendations_2024-05_v2.csv"
    broken.write_bytes(b"\x00\xff\xfe junk")
    broken_then_duplicate(con, "inspections_recommendations", tmp_path, first, broken)
    # the re-export: the second recommendation was since resolved
    resolved = RECS[1].replace("20/05/2024,\n", "20/05/2024,15/09/2024\n")
    _write(tmp_path, "recommendations_2024-05_v4.csv", RECS_HEADER + RECS[0] + resolved)
    loaded = results(con, "inspections_recommendations", tmp_path)
    assert loaded["inspections/recommendations_2024-05_v4.csv"].status == "loaded"
    assert con.execute(
        "SELECT recommendation_id, CAST(resolved_date AS VARCHAR), _source_file "
        "FROM raw_inspections__recommendations ORDER BY 1"
    ).fetchall() == [
        ("TT-1-KN1", "2024-07-01", "inspections/recommendations_2024-05_v4.csv"),
        ("TT-1-KN2", "2024-09-15", "inspections/recommendations_2024-05_v4.csv"),
    ]
    assert status_in_ledger(con, first, tmp_path) == "superseded"


def test_sample_faults_load_as_promised(tmp_path: Path, con) -> None:
    months = [DUPLICATE_MONTH, LATE_MONTH, UTF16_MONTH]
    written = [write_inspections_month(tmp_path, y, m, 1.0, 830) for y, m in months]
    assert written[0]["duplicates"] == 1 and written[0]["reexports"] == 1
    visits = {r.file_path: r for r in load_source(con, "inspections_visits", tmp_path)}
    recs = {r.file_path: r for r in load_source(con, "inspections_recommendations", tmp_path)}
    stem = "inspections/recommendations_{}-{:02d}".format(*DUPLICATE_MONTH)
    assert recs[f"{stem}_v3.csv"].status == "duplicate"
    assert recs[f"{stem}.csv"].superseded_by == f"{stem}_v2.csv"
    assert all(r.rows_rejected == 0 for r in [*visits.values(), *recs.values()])
    utf16 = "inspections/visits_{}-{:02d}.csv".format(*UTF16_MONTH)
    assert visits[utf16].status == "loaded" and visits[utf16].rows_loaded > 0
    assert con.execute("SELECT count(*) FROM raw_inspections__visits").fetchone()[0] == sum(
        w["visits"] for w in written
    )
    assert con.execute("SELECT count(*) FROM raw_inspections__recommendations").fetchone()[
        0
    ] == sum(w["recommendations"] for w in written)
    late = tmp_path / "inspections/visits_{}-{:02d}.csv".format(*LATE_MONTH)
    assert pd.Timestamp(os.stat(late).st_mtime, unit="s") > pd.Timestamp("2022-11-01")
    exported = pd.read_csv(late, dtype=str)
    assert {"Đối tượng được thanh tra", "Trưởng đoàn"} <= set(exported.columns)
    for leader in exported["Trưởng đoàn"]:
        assert contains(con, "raw_inspections__visits", leader) == 0
