"""Corrections, duplicates, partial (per-period) loads and data-quality columns of the ledger."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import duckdb
import pandas as pd
from openpyxl import Workbook

from ingestion.load import RAW_TABLES, ensure_tables, load_all, load_source
from ingestion.periods import monthly_unit, quarterly_unit, training_due_date
from ingestion.quality import ledger_mismatches, unbalanced_files
from ingestion.reasons import Reason
from ingestion.tables import LEDGER_TABLE, REJECTS_TABLE

HEADER = ["STT", "Ngày", "Nội dung", "Đối tượng", "Hình thức", "Số người tham dự - Nam",
          "Số người tham dự - Nữ", "Tổng số", "Điểm trước", "Điểm sau"]  # fmt: skip


def _report(events: list[list], reported: str | None = "10/04/2024") -> bytes:
    rows: list[list] = [["BÁO CÁO"], ["Tỉnh: Hà Nội"]]
    rows.append(["Ngày báo cáo:", reported] if reported else [])
    rows += [HEADER, *events, ["Tổng cộng"]]
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


V1 = [
    [1, "05/02/2024", "x", "Cán bộ", "Trực tiếp", 10, 20, 30, None, None],
    [2, "06/02/2024", "x", "Trẻ em", "Trực tuyến", 100, 90, 190, None, None],
    [3, "31/02/2024", "x", "Trẻ em", "Trực tuyến", 1, 1, 2, None, None],  # bad date
]
V2 = [
    [1, "05/02/2024", "x", "Cán bộ", "Trực tiếp", 10, 20, 30, None, None],
    [2, "06/02/2024", "x", "Trẻ em", "Trực tuyến", 100, 95, 195, None, None],
    [3, "28/02/2024", "x", "Trẻ em", "Trực tuyến", 1, 1, 2, None, None],
    [4, "01/03/2024", "x", "Cha mẹ", "Trực tiếp", 20, 40, 60, None, None],
]


def _ledger(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    return con.execute(f'SELECT * FROM "{LEDGER_TABLE}" ORDER BY file_path, loaded_at').df()


def _rows_of(con: duckdb.DuckDBPyConnection, path: str) -> int:
    return con.execute(
        "SELECT count(*) FROM raw_training__events WHERE _source_file = ?", [path]
    ).fetchone()[0]


def _counts_are_honest(con: duckdb.DuckDBPyConnection) -> None:
    """Current files: their ledger counts are in the tables; superseded ones left nothing."""
    for table in RAW_TABLES.values():
        assert unbalanced_files(con, table) == []
        assert ledger_mismatches(con, table) == [], table


def test_correction_supersedes_the_earlier_report(landing: Path, con) -> None:
    folder = landing / "training/2024-Q1"
    folder.mkdir(parents=True)
    (folder / "01.xlsx").write_bytes(_report(V1, "12/04/2024"))
    load_all(con, landing)
    assert _rows_of(con, "training/2024-Q1/01.xlsx") == 2
    (folder / "01_v2.xlsx").write_bytes(_report(V2, "03/05/2024"))
    results = {r.file_path: r for r in load_source(con, "training_events", landing)}
    assert results["training/2024-Q1/01_v2.xlsx"].status == "loaded"
    assert results["training/2024-Q1/01.xlsx"].status == "skipped"
    assert _rows_of(con, "training/2024-Q1/01.xlsx") == 0
    assert _rows_of(con, "training/2024-Q1/01_v2.xlsx") == 4
    rejects = con.execute(
        f"SELECT count(*) FROM \"{REJECTS_TABLE}\" WHERE file_path LIKE 'training/2024-Q1/%'"
    ).fetchone()[0]
    assert rejects == 0  # the bad row of the superseded report no longer counts
    ledger = _ledger(con).set_index("file_path")
    old, new = ledger.loc["training/2024-Q1/01.xlsx"], ledger.loc["training/2024-Q1/01_v2.xlsx"]
    assert (old["status"], old["superseded_by"]) == ("superseded", "training/2024-Q1/01_v2.xlsx")
    assert (old["rows_read"], old["rows_loaded"], old["rows_rejected"]) == (3, 2, 1)
    assert (new["status"], new["version"], new["period"], new["province_code"]) == (
        "loaded", 2, "2024-Q1", "01",
    )  # fmt: skip
    assert old["reported_date"].date() == dt.date(2024, 4, 12)
    assert new["reported_date"].date() == dt.date(2024, 5, 3)
    _counts_are_honest(con)


def test_an_older_version_arriving_late_is_superseded_at_once(landing: Path, con) -> None:
    folder = landing / "training/2024-Q1"
    folder.mkdir(parents=True)
    (folder / "01_v2.xlsx").write_bytes(_report(V2))
    load_source(con, "training_events", landing)
    (folder / "1.xlsx").write_bytes(_report(V1))
    [late] = [r for r in load_source(con, "training_events", landing) if r.status != "skipped"]
    assert late.superseded_by == "training/2024-Q1/01_v2.xlsx"
    assert _rows_of(con, "training/2024-Q1/1.xlsx") == 0
    assert _rows_of(con, "training/2024-Q1/01_v2.xlsx") == 4
    _counts_are_honest(con)


def test_a_broken_correction_keeps_the_current_report(landing: Path, con) -> None:
    folder = landing / "training/2024-Q1"
    folder.mkdir(parents=True)
    (folder / "01.xlsx").write_bytes(_report(V2))
    load_source(con, "training_events", landing)
    (folder / "01_v2.xlsx").write_bytes(b"PK\x03\x04 broken")
    load_source(con, "training_events", landing)
    ledger = _ledger(con).set_index("file_path")
    assert ledger.loc["training/2024-Q1/01.xlsx", "status"] == "loaded"
    assert ledger.loc["training/2024-Q1/01_v2.xlsx", "status"] == "failed"
    assert _rows_of(con, "training/2024-Q1/01.xlsx") == 4
    # then a good v3 supersedes both
    (folder / "01_v3.xlsx").write_bytes(_report(V1))
    load_source(con, "training_events", landing)
    ledger = _ledger(con).set_index("file_path")
    assert set(
        ledger.loc[["training/2024-Q1/01.xlsx", "training/2024-Q1/01_v2.xlsx"], "status"]
    ) == {"superseded"}
    assert _rows_of(con, "training/2024-Q1/01_v3.xlsx") == 2
    _counts_are_honest(con)


def test_hotline_reexport_replaces_the_month(landing: Path, con, tiny_sample) -> None:
    _, summary = tiny_sample
    load_all(con, landing)
    ledger = _ledger(con).set_index("file_path")
    early = ledger.loc["hotline/contacts_2025-07.csv"]
    assert early["superseded_by"] == "hotline/contacts_2025-07_v2.csv"
    full = ledger.loc["hotline/contacts_2025-07_v2.csv"]
    assert full["rows_loaded"] > early["rows_loaded"] > 0
    july = con.execute(
        "SELECT count(*), count(DISTINCT _source_file) FROM raw_hotline__contacts "
        "WHERE received_date BETWEEN DATE '2025-07-01' AND DATE '2025-07-31'"
    ).fetchone()
    assert july == (full["rows_loaded"], 1)
    _counts_are_honest(con)


def test_same_path_new_content_supersedes_its_ledger_row(landing: Path, con) -> None:
    load_all(con, landing)
    path = landing / "hotline/contacts_2025-06.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame.iloc[:5].to_csv(path, index=False)
    load_source(con, "hotline_contacts", landing)
    rows = _ledger(con).query("file_path == 'hotline/contacts_2025-06.csv'")
    assert list(rows["status"]) == ["superseded", "loaded"]
    assert list(rows["superseded_by"].fillna("")) == ["hotline/contacts_2025-06.csv", ""]
    assert list(rows["rows_loaded"]) == [len(frame), 5]
    _counts_are_honest(con)


def test_a_period_load_touches_only_that_period(landing: Path, con) -> None:
    results = load_source(con, "hotline_contacts", landing, periods={"2025-06"})
    assert {r.file_path for r in results} == {"hotline/contacts_2025-06.csv"}
    (landing / "hotline/contacts_2025-08.csv").write_text("garbage", encoding="utf-8")
    again = load_source(con, "hotline_contacts", landing, periods={"2025-06"})
    assert [r.status for r in again] == ["skipped"]
    assert set(_ledger(con)["file_path"]) == {"hotline/contacts_2025-06.csv"}
    training = load_source(con, "training_events", landing, periods=["2025-Q3"])
    assert training and all(r.file_path.startswith("training/2025-Q3/") for r in training)


def test_units_and_due_dates() -> None:
    assert monthly_unit("hotline/contacts_2023-05_v2.csv").period == "2023-05"
    assert monthly_unit("hotline/contacts_2023-05 (1).csv").version == 1
    assert monthly_unit("hotline/contacts_june.csv").period is None
    unit = quarterly_unit("training/2023-Q2/1_v3.xlsx")
    assert (unit.period, unit.province_code, unit.version) == ("2023-Q2", "01", 3)
    assert training_due_date("2023-Q4") == dt.date(2024, 1, 15)


def test_every_loaded_reject_has_a_known_reason_code(landing: Path, con) -> None:
    (landing / "hotline/contacts_2024-01.csv").write_bytes(b"")
    (landing / "portal/analytics_2024-01.json").write_text("{}", encoding="utf-8")
    load_all(con, landing)
    codes = {r[0] for r in con.execute(f'SELECT reason_code FROM "{REJECTS_TABLE}"').fetchall()}
    assert codes <= set(Reason) and "empty_file" in codes


def test_an_old_ledger_gets_the_new_columns(tmp_path: Path) -> None:
    con = duckdb.connect(str(tmp_path / "old.duckdb"))
    con.execute(f'CREATE TABLE "{LEDGER_TABLE}" (file_path VARCHAR, source VARCHAR)')
    con.execute(f"INSERT INTO \"{LEDGER_TABLE}\" VALUES ('a.csv', 'hotline_contacts')")
    ensure_tables(con)
    columns = {r[0] for r in con.execute(f'DESCRIBE "{LEDGER_TABLE}"').fetchall()}
    assert {"superseded_by", "version", "period", "reported_date", "status"} <= columns
    assert con.execute(f'SELECT count(*) FROM "{LEDGER_TABLE}"').fetchone()[0] == 1
