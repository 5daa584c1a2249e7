"""Platform insights and children's opinions: readers, rejects, nothing identifying kept."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ingestion.load import load_source

PLATFORMS_CSV = (
    "ngay,nen_tang,nguoi_theo_doi,luot_tiep_can,tuong_tac\n"
    "2024-03-01,Fanpage,12.345,800,40\n"
    "02/03/2024,Zalo OA,,900,12\n"
    "2024-03-03,MySpace,1,2,3\n"
    "2024-03-01,Facebook,1,2,3\n"
)
OPINIONS_CSV = (
    "ma_y_kien,thoi_gian_gui,tinh,nhom_tuoi,chu_de,thoi_gian_tra_loi,ho_ten,email,noi_dung\n"
    "O-1,2024-03-01 10:00,Đà Nẵng,11-14,An toàn trên mạng,2024-03-02 09:00,Nguyễn Văn A,"
    "a@example.vn,Em bị bắt nạt\n"
    "O-2,2024-03-05 10:00,,15,Học tập,,Trần B,b@example.vn,Xin chào\n"
    "O-3,2024-03-05 10:00,01,15,Học tập,2024-03-01 10:00,Lê C,c@example.vn,Câu hỏi\n"
)


def test_platform_insights_load_with_rejects(landing: Path, con) -> None:
    (landing / "portal/platforms_2024-03.csv").write_text(PLATFORMS_CSV, encoding="utf-8")
    [result] = load_source(con, "portal_platforms", landing, periods={"2024-03"})
    assert (result.status, result.rows_loaded, result.rows_rejected) == ("loaded", 2, 2)
    rows = con.execute(
        "SELECT insight_date, platform, followers, reach FROM raw_portal__platforms "
        "WHERE _source_file = 'portal/platforms_2024-03.csv' ORDER BY 1"
    ).fetchall()
    assert [(str(d), p, f, r) for d, p, f, r in rows] == [
        ("2024-03-01", "facebook", 12345, 800),
        ("2024-03-02", "zalo", None, 900),
    ]
    codes = con.execute(
        "SELECT row_number, reason_code FROM raw_ingestion__rejects "
        "WHERE file_path = 'portal/platforms_2024-03.csv' ORDER BY 1"
    ).fetchall()
    assert codes == [(3, "unknown_label"), (4, "duplicate_key")]  # data-record numbers


def test_opinions_keep_no_sender_data(landing: Path, con) -> None:
    (landing / "portal/opinions_2024-03.csv").write_text(OPINIONS_CSV, encoding="utf-8")
    [result] = load_source(con, "portal_opinions", landing, periods={"2024-03"})
    assert (result.rows_loaded, result.rows_rejected) == (2, 1)
    rows = con.execute(
        "SELECT opinion_id, province_code, topic, is_answered, answered_at IS NULL "
        "FROM raw_portal__opinions WHERE _source_file = 'portal/opinions_2024-03.csv' ORDER BY 1"
    ).fetchall()
    assert rows == [
        ("O-1", "48", "online_safety", True, False),
        ("O-2", None, "school", False, True),
    ]
    reject = con.execute("SELECT reason, record FROM raw_ingestion__rejects").fetchone()
    assert "answered_at not before submitted_at" in reject[0]
    assert "Lê C" not in reject[1] and "example.vn" not in reject[1]
    for table in ("raw_portal__opinions", "raw_ingestion__rejects"):
        hits = con.execute(
            f'SELECT count(*) FROM "{table}" t WHERE contains(CAST(t AS VARCHAR), ?)',
            ["example.vn"],
        ).fetchone()[0]
        assert hits == 0


def test_sample_opinions_and_platforms_look_right(tiny_sample) -> None:
    landing, summary = tiny_sample
    platforms = pd.read_csv(landing / "portal/platforms_2025-07.csv")
    assert set(platforms["platform"]) == {"Facebook", "Zalo OA", "YouTube", "TikTok"}
    assert len(platforms) == 31 * 4
    opinions = pd.read_csv(landing / "portal/opinions_2025-07.csv", dtype=str)
    assert {"sender_name", "sender_email", "message"} <= set(opinions.columns)
    assert summary.rows["portal_platforms"] == sum(
        len(pd.read_csv(p)) for p in (landing / "portal").glob("platforms_*.csv")
    )
