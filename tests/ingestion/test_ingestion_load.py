"""The loader on a tiny generated landing folder plus deliberately broken deliveries."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import duckdb
import pandas as pd
from openpyxl import Workbook

from ingestion.load import RAW_TABLES, ensure_tables, load_all, load_source
from ingestion.sample.shape import windows_1258
from ingestion.tables import LEDGER_TABLE, REJECTS_TABLE

ALL_TABLES = [*RAW_TABLES.values(), REJECTS_TABLE, LEDGER_TABLE]
IDENTIFYING = ("name", "phone", "note", "address", "email")
METADATA = {"table_name", "column_name"}  # names of tables / columns in the rejects and ledger


def _count(con: duckdb.DuckDBPyConnection, table: str) -> int:
    assert table in ALL_TABLES
    return con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]


def _snapshot(con: duckdb.DuckDBPyConnection) -> dict[str, list]:
    out = {}
    for table in RAW_TABLES.values():
        out[table] = con.execute(
            f'SELECT * EXCLUDE (_loaded_at) FROM "{table}" ORDER BY ALL'
        ).fetchall()
    out[REJECTS_TABLE] = con.execute(
        f'SELECT * EXCLUDE (rejected_at) FROM "{REJECTS_TABLE}" ORDER BY ALL'
    ).fetchall()
    return out


def _ledger(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    return con.execute(f'SELECT * FROM "{LEDGER_TABLE}"').df()


CONTACTS_CSV = (
    "contact_id,received_at,channel,caller_type,caller_name,caller_phone,province,outcome,"
    "online_related,notes\n"
    "X-1,2024-02-10 08:15:00,Điện thoại,Trẻ em,Nguyễn Văn An,0912345678,Đà Nẵng,information,1,"
    '"Trẻ bị bắt nạt, đã tư vấn"\n'
    "X-2,2024-02-10 23:30:00,Zalo,parent,Trần Thị Bình,0987654321,thua thien hue,"
    "in_depth_counselling,0,Ghi chú\n"
    "X-3,2024-02-11 09:00:00,web,child,,,8,silent,0,\n"
)


def test_clean_sample_loads_completely(landing: Path, con, tiny_sample) -> None:
    _, summary = tiny_sample
    results = load_all(con, landing)
    flat = [r for rs in results.values() for r in rs]
    assert {r.status for r in flat} == {"loaded", "duplicate"}
    assert all(r.rows_read == r.rows_loaded + r.rows_rejected for r in flat)
    codes = con.execute(f'SELECT DISTINCT reason_code FROM "{REJECTS_TABLE}"').fetchall()
    assert codes == [("duplicate_delivery",)]  # the sample's only flaw: a report sent twice
    for source, table in RAW_TABLES.items():
        assert _count(con, table) == summary.rows.get(source, 0), source
    ledger = _ledger(con)
    assert (ledger["rows_read"] == ledger["rows_loaded"] + ledger["rows_rejected"]).all()
    assert len(ledger) == sum(summary.files.values())
    statuses = ledger.groupby("status").size().to_dict()
    deliveries = summary.deliveries
    duplicates = (
        deliveries["training_duplicates"]
        + deliveries.get("violations_duplicates", 0)
        + deliveries.get("facilities_duplicates", 0)
        + deliveries.get("csam_duplicates", 0)
        + deliveries.get("inspections_duplicates", 0)
    )
    assert statuses["duplicate"] == duplicates >= 1
    superseded = (
        deliveries["training_corrections"]
        + deliveries["hotline_reexports"]
        + deliveries["violations_reexports"]
        + deliveries.get("plan_corrections", 0)
        + deliveries.get("facilities_corrections", 0)
        + deliveries.get("csam_reexports", 0)
        + deliveries.get("inspections_reexports", 0)
    )
    assert statuses["superseded"] == superseded >= 2


def test_loaded_values_follow_the_contract(landing: Path, con) -> None:
    load_all(con, landing)
    schemes = con.execute(
        "SELECT province_scheme, min(received_date), max(received_date), count(DISTINCT "
        "province_code) FROM raw_hotline__contacts GROUP BY ALL ORDER BY 1"
    ).fetchall()
    assert [s[0] for s in schemes] == ["province_2004", "province_2025"]
    assert str(schemes[0][2]) == "2025-06-30" and str(schemes[1][1]) == "2025-07-01"
    assert schemes[0][3] > 34 and schemes[1][3] <= 34
    # received_at is UTC: local 07:00 on the same date at the latest for the earliest contact
    offset = con.execute(
        "SELECT count(*) FROM raw_hotline__contacts "
        "WHERE received_at + INTERVAL 7 HOUR < CAST(received_date AS TIMESTAMP) "
        "OR received_at + INTERVAL 7 HOUR >= CAST(received_date AS TIMESTAMP) + INTERVAL 1 DAY"
    ).fetchone()[0]
    assert offset == 0
    modes = con.execute("SELECT DISTINCT mode FROM raw_training__events").fetchall()
    assert {m[0] for m in modes} <= {"in_person", "online"}
    rows = con.execute(
        "SELECT min(_source_row), count(*), max(_source_row) FROM raw_hotline__contacts "
        "WHERE _source_file = 'hotline/contacts_2025-06.csv'"
    ).fetchone()
    assert rows[0] == 1 and rows[1] == rows[2]


def test_reload_changes_nothing(landing: Path, con) -> None:
    load_all(con, landing)
    before = _snapshot(con)
    ledger_rows = len(_ledger(con))
    again = load_all(con, landing)
    assert {r.status for rs in again.values() for r in rs} == {"skipped"}
    assert _snapshot(con) == before
    assert len(_ledger(con)) == ledger_rows


def test_changed_file_replaces_its_rows_and_rejects_bad_province(landing: Path, con) -> None:
    load_all(con, landing)
    path = landing / "hotline/contacts_2025-06.csv"
    before = _count(con, "raw_hotline__contacts")
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame.loc[4, "province"] = "Atlantis"
    frame.loc[9, "channel"] = "fax"
    frame.to_csv(path, index=False)
    [result] = [r for r in load_source(con, "hotline_contacts", landing) if r.status != "skipped"]
    assert result.status == "loaded"
    assert (result.rows_read, result.rows_rejected) == (len(frame), 2)
    assert result.rows_read == result.rows_loaded + result.rows_rejected
    assert _count(con, "raw_hotline__contacts") == before - 2
    rejects = con.execute(
        f'SELECT row_number, column_name, reason, record FROM "{REJECTS_TABLE}" '
        "WHERE file_path = 'hotline/contacts_2025-06.csv' ORDER BY 1"
    ).fetchall()
    assert [r[0] for r in rejects] == [5, 10]
    assert rejects[0][1] == "province" and "unknown province" in rejects[0][2]
    assert rejects[1][1] == "channel"
    record = json.loads(rejects[0][3])
    assert "province" not in record  # free text that names no known province is not kept
    assert record["channel"]  # a known label is
    assert "Atlantis" not in rejects[0][2] + rejects[0][3]
    assert not {"caller_name", "caller_phone", "notes"} & set(record)


def test_unreadable_file_fails_alone(landing: Path, con) -> None:
    (landing / "portal/analytics_2024-01.json").write_bytes(b"\x00\x01\xff not json {")
    (landing / "hotline/contacts_2024-01.csv").write_bytes(b"")
    results = load_all(con, landing)
    failed = {r.file_path: r for rs in results.values() for r in rs if r.status == "failed"}
    assert set(failed) == {"portal/analytics_2024-01.json", "hotline/contacts_2024-01.csv"}
    assert all(r.rows_read == 0 and r.error for r in failed.values())
    rejects = con.execute(
        f'SELECT file_path, row_number, reason FROM "{REJECTS_TABLE}" '
        "WHERE reason_code <> 'duplicate_delivery'"
    ).fetchall()
    assert {r[0] for r in rejects} == set(failed)
    assert all(r[1] is None for r in rejects)
    statuses = _ledger(con).groupby("status").size().to_dict()
    assert statuses["failed"] == 2 and statuses["loaded"] > 80
    assert _count(con, "raw_portal__traffic") > 0


def test_bom_cp1258_and_utf16_files_decode(landing: Path, con) -> None:
    hotline = landing / "hotline"
    (hotline / "contacts_2024-02.csv").write_bytes(CONTACTS_CSV.encode("utf-8-sig"))
    cp1258 = CONTACTS_CSV.replace("X-", "Y-").replace("2024-02-", "2024-03-")
    (hotline / "contacts_2024-03.csv").write_bytes(windows_1258(cp1258))
    (hotline / "contacts_2024-04.csv").write_bytes(
        CONTACTS_CSV.replace("X-", "Z-").replace("2024-02-", "2024-04-").encode("utf-16")
    )
    results = {r.file_path: r for r in load_source(con, "hotline_contacts", landing)}
    for month in ("02", "03", "04"):
        result = results[f"hotline/contacts_2024-{month}.csv"]
        assert (result.status, result.rows_loaded, result.rows_rejected) == ("loaded", 3, 0)
    rows = con.execute(
        "SELECT contact_id, province_code, province_scheme, channel, caller_type, received_at "
        "FROM raw_hotline__contacts WHERE contact_id SIMILAR TO '[XYZ]-.*' ORDER BY 1"
    ).fetchall()
    assert len(rows) == 9
    by_id = {r[0]: r for r in rows}
    for prefix, month in zip("XYZ", ("02", "03", "04"), strict=True):
        assert by_id[f"{prefix}-1"][1:5] == ("48", "province_2004", "phone", "child")
        assert by_id[f"{prefix}-2"][1] == "46"
        assert by_id[f"{prefix}-3"][1] == "08"
        assert str(by_id[f"{prefix}-1"][5]) == f"2024-{month}-10 01:15:00"


def test_duplicate_delivery_is_not_loaded_twice(landing: Path, con) -> None:
    load_all(con, landing)
    before = _count(con, "raw_hotline__contacts")
    source = landing / "hotline/contacts_2025-06.csv"
    shutil.copy(source, landing / "hotline/contacts_2024-05.csv")
    shutil.copy(source, landing / "hotline/contacts_2025-06 (1).csv")
    (landing / "hotline/contacts_june.csv").write_text(CONTACTS_CSV, encoding="utf-8")
    results = [r for r in load_source(con, "hotline_contacts", landing) if r.status != "skipped"]
    errors = {r.file_path: r.error for r in results if r.status in ("failed", "duplicate")}
    assert set(errors) == {r.file_path for r in results}
    statuses = {r.file_path: r.status for r in results}
    assert statuses["hotline/contacts_2024-05.csv"] == "duplicate"
    assert statuses["hotline/contacts_june.csv"] == "failed"
    assert "duplicate delivery" in errors["hotline/contacts_2024-05.csv"]
    assert "duplicate delivery" in errors["hotline/contacts_2025-06 (1).csv"]
    assert "file name" in errors["hotline/contacts_june.csv"]
    assert _count(con, "raw_hotline__contacts") == before


def _report(rows: list[list]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_training_report_rows_are_checked(landing: Path, con) -> None:
    header = ["STT", "Ngày", "Nội dung", "Đối tượng", "Hình thức", "Số người tham dự - Nam",
              "Số người tham dự - Nữ", "Tổng số", "Điểm trước", "Điểm sau"]  # fmt: skip
    rows = [
        ["BÁO CÁO"],
        [],
        header,
        [1, "05/02/2024", "x", "Can bo", "Truc tiep", 10, 20, 30, 50, 70.5],
        [2, 45337, "x", "Trẻ em", "Trực tuyến", 100, 90, 200, None, None],
        [3, "31/02/2024", "x", "Trẻ em", "Trực tuyến", 1, 1, 2, None, None],
        [4, "06/02/2024", "x", "Người ngoài hành tinh", "Trực tiếp", 1, 1, 2, None, None],
        [5, "07/02/2024", "x", "Giáo viên", "Trực tiếp", -3, 5, 2, None, None],
        [6, "08/02/2024", "x", "Cha mẹ", "Trực tiếp", 30, 30, 50, None, None],
        [7, "09/02/2024", "x", "Cha mẹ", "Trực tiếp", 3, 3, 6, 40, 140],
        ["Tổng cộng", None, None, None, None, 142, 150, 292, None, None],
        ["Người lập biểu"],
    ]
    folder = landing / "training/2024-Q1"
    folder.mkdir(parents=True)
    (folder / "1.xlsx").write_bytes(_report(rows))
    (folder / "99.xlsx").write_bytes(_report([["Tỉnh 99"], *rows]))
    (folder / "02.xlsx").write_bytes(b"PK\x03\x04 broken zip")
    results = {r.file_path: r for r in load_source(con, "training_events", landing)}
    good = results["training/2024-Q1/1.xlsx"]
    assert (good.status, good.rows_read, good.rows_loaded, good.rows_rejected) == (
        "loaded", 7, 2, 5,
    )  # fmt: skip
    assert results["training/2024-Q1/99.xlsx"].status == "failed"
    assert results["training/2024-Q1/02.xlsx"].status == "failed"
    loaded = con.execute(
        "SELECT province_code, province_scheme, report_quarter, event_date, audience, mode, "
        "_source_row FROM raw_training__events WHERE report_quarter = '2024-Q1' ORDER BY event_date"
    ).fetchall()
    assert [(r[0], r[2], str(r[3]), r[4], r[5], r[6]) for r in loaded] == [
        ("01", "2024-Q1", "2024-02-05", "officials", "in_person", 4),
        ("01", "2024-Q1", "2024-02-15", "children", "online", 5),
    ]
    reasons = dict(
        con.execute(
            f'SELECT row_number, reason FROM "{REJECTS_TABLE}" '
            "WHERE file_path = 'training/2024-Q1/1.xlsx'"
        ).fetchall()
    )
    assert set(reasons) == {6, 7, 8, 9, 10}
    assert "event_date" in reasons[6]
    assert "audience" in reasons[7]
    assert "participants_male" in reasons[8]
    assert "participants_total >=" in reasons[9]
    assert "post_test_score" in reasons[10]


def test_empty_landing_still_creates_tables(tmp_path: Path, con) -> None:
    (tmp_path / "nothing").mkdir()
    results = load_all(con, tmp_path / "nothing")
    assert all(rs == [] for rs in results.values())
    for table in ALL_TABLES:
        assert _count(con, table) == 0
    ensure_tables(con)  # idempotent


def test_no_identifying_column_reaches_duckdb(landing: Path, con) -> None:
    load_all(con, landing)
    columns = con.execute(
        "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'main'"
    ).fetchall()
    assert {t for t, _ in columns} >= set(ALL_TABLES)
    leaking = [
        (t, c)
        for t, c in columns
        if any(word in c.lower() for word in IDENTIFYING) and c not in METADATA
    ]
    assert leaking == []
    sample_phone = pd.read_csv(landing / "hotline/contacts_2025-07.csv", dtype=str)["caller_phone"]
    phone = sample_phone.dropna().iloc[0]
    for table in ALL_TABLES:
        hits = con.execute(
            f'SELECT count(*) FROM "{table}" t WHERE contains(CAST(t AS VARCHAR), ?)', [phone]
        ).fetchone()[0]
        assert hits == 0, table
