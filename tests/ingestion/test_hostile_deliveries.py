"""Hostile deliveries (issue #10, items 1-9): nothing loaded is lost, nothing identifying is kept.

Each test starts from the tiny generated sample loaded into a real DuckDB file, then delivers
what an adversary (or a tired data officer) would, and checks that the rows loaded before are
still there or exactly the valid part of the new file loaded, that the ledger and the rejects
say what happened, and that no name, phone number, e-mail or note of the landing files is stored
in any table.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from openpyxl import Workbook

from ingestion.landing import LandingError
from ingestion.load import load_all, load_source
from ingestion.quality import ledger_mismatches, unbalanced_files
from ingestion.sources import RAW_TABLES
from ingestion.tables import LEDGER_TABLE, REJECTS_TABLE

IDENTIFYING = ("caller_name", "caller_phone", "child_name", "address", "notes", "sender_name",
               "sender_email", "message")  # fmt: skip
"""Columns of the sample exports that identify people or hold free text."""

POISON = ["<script>alert(1)</script>", "0912345678", '=HYPERLINK("http://x.example","bấm")']


def _identifying_texts(landing: Path) -> set[str]:
    """Every identifying value (longer than 5 characters) in the landing CSVs."""
    found: set[str] = set()
    for path in landing.rglob("*.csv"):
        try:
            frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        except (ValueError, UnicodeDecodeError):
            continue
        for column in IDENTIFYING:
            if column in frame:
                found |= {v for v in frame[column] if len(v.strip()) > 5}
    return found


def _assert_nothing_identifying(con: duckdb.DuckDBPyConnection, texts: set[str]) -> None:
    """No text cell of any table of the DuckDB file contains an identifying value."""
    tables = [r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()]
    cells: list[str] = []
    for table in tables:
        frame = con.execute(f'SELECT * FROM "{table}"').df()
        for column in frame.columns:
            if frame[column].dtype == object:
                cells += [str(v) for v in frame[column].dropna().unique()]
    blob = "\n".join(cells)
    leaked = sorted(t for t in texts | set(POISON) if t in blob)
    assert leaked == [], f"identifying text stored: {leaked[:5]}"


def _honest(con: duckdb.DuckDBPyConnection) -> None:
    for table in RAW_TABLES.values():
        assert unbalanced_files(con, table) == []
        assert ledger_mismatches(con, table) == [], table


def _rows(con: duckdb.DuckDBPyConnection, table: str, path: str) -> int:
    return con.execute(f'SELECT count(*) FROM "{table}" WHERE _source_file = ?', [path]).fetchone()[
        0
    ]


def _ledger(con: duckdb.DuckDBPyConnection, path: str) -> pd.DataFrame:
    return con.execute(
        f'SELECT * FROM "{LEDGER_TABLE}" WHERE file_path = ? ORDER BY loaded_at', [path]
    ).df()


def _rejects(con: duckdb.DuckDBPyConnection, path: str) -> pd.DataFrame:
    return con.execute(
        f'SELECT * FROM "{REJECTS_TABLE}" WHERE file_path = ? ORDER BY row_number', [path]
    ).df()


def _csv(header: list[str], rows: list[list[object]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def _line(fields: list[str]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(fields)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def loaded_template(tiny_sample, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The tiny sample loaded once into a DuckDB file (copied by ``loaded`` for each test)."""
    folder = tmp_path_factory.mktemp("loaded")
    shutil.copytree(tiny_sample[0], folder / "landing")
    with duckdb.connect(str(folder / "warehouse.duckdb")) as connection:
        load_all(connection, folder / "landing")
    return folder / "landing", folder / "warehouse.duckdb"


@pytest.fixture
def loaded(loaded_template, tmp_path: Path) -> tuple[Path, duckdb.DuckDBPyConnection]:
    """A private copy of the loaded sample: its landing folder and an open warehouse."""
    landing = tmp_path / "landing"
    shutil.copytree(loaded_template[0], landing)
    shutil.copy(loaded_template[1], tmp_path / "warehouse.duckdb")
    connection = duckdb.connect(str(tmp_path / "warehouse.duckdb"))
    yield landing, connection
    connection.close()


CONTACTS = "hotline/contacts_2025-08.csv"
TABLE = RAW_TABLES["hotline_contacts"]

JUNK = {
    "junk_bytes": bytes(range(256)) * 40,
    "empty": b"",
    "truncated_header": b"contact_id,recei",
    "not_csv_but_json": b'{"days": []}',
    "xlsx_bytes": b"PK\x03\x04" + b"\x00" * 200,
    "missing_column": b"contact_id,received_at,channel\nL1,2025-08-01T10:00:00,phone\n",
    "title_row": b"BAO CAO THANG 8\n" + b"x,y,z\n1,2,3\n",
}


@pytest.mark.parametrize("kind", sorted(JUNK))
def test_a_failed_reexport_keeps_the_loaded_month(loaded, kind: str) -> None:
    landing, con = loaded
    texts = _identifying_texts(landing)
    before = _rows(con, TABLE, CONTACTS)
    assert before > 0
    (landing / CONTACTS).write_bytes(JUNK[kind])
    (result,) = [
        r for r in load_source(con, "hotline_contacts", landing) if r.file_path == CONTACTS
    ]
    assert result.status == "failed"
    assert _rows(con, TABLE, CONTACTS) == before
    ledger = _ledger(con, CONTACTS)
    assert list(ledger["status"]) == ["loaded", "failed"]
    assert "stays loaded" in ledger["error"].iloc[-1]
    file_reject = _rejects(con, CONTACTS).query("row_number.isna()")
    assert len(file_reject) == 1
    assert CONTACTS in file_reject["message_en"].iloc[0]
    assert CONTACTS in file_reject["message_vi"].iloc[0]
    assert "zip" not in file_reject["message_en"].iloc[0]
    _honest(con)
    _assert_nothing_identifying(con, texts)


def test_a_duplicate_under_another_months_name_keeps_that_month(loaded) -> None:
    landing, con = loaded
    september = "hotline/contacts_2025-09.csv"
    before = _rows(con, TABLE, september)
    (landing / september).write_bytes((landing / CONTACTS).read_bytes())
    results = {r.file_path: r for r in load_source(con, "hotline_contacts", landing)}
    assert results[september].status == "duplicate"
    assert _rows(con, TABLE, september) == before
    assert list(_ledger(con, september)["status"]) == ["loaded", "duplicate"]
    assert "stays loaded" in _ledger(con, september)["error"].iloc[-1]
    _honest(con)


def test_a_correction_that_loads_nothing_keeps_the_earlier_delivery(loaded) -> None:
    landing, con = loaded
    before = _rows(con, TABLE, CONTACTS)
    header = (landing / CONTACTS).read_text(encoding="utf-8").splitlines()[0] + "\n"
    (landing / "hotline/contacts_2025-08_v2.csv").write_text(header, encoding="utf-8")
    (result,) = [r for r in load_source(con, "hotline_contacts", landing) if r.status != "skipped"]
    assert result.status == "failed"
    assert _rows(con, TABLE, CONTACTS) == before
    assert list(_ledger(con, CONTACTS)["status"]) == ["loaded"]
    assert "stays loaded" in _ledger(con, "hotline/contacts_2025-08_v2.csv")["error"].iloc[0]
    _honest(con)


def test_another_months_data_as_a_correction_is_rejected_and_keeps_the_month(loaded) -> None:
    landing, con = loaded
    texts = _identifying_texts(landing)
    before = _rows(con, TABLE, CONTACTS)
    v2 = "hotline/contacts_2025-08_v2.csv"
    september = (landing / "hotline/contacts_2025-09.csv").read_text(encoding="utf-8")
    (landing / v2).write_text(september.rstrip("\n").rsplit("\n", 1)[0] + "\n", encoding="utf-8")
    results = {r.file_path: r for r in load_source(con, "hotline_contacts", landing)}
    assert results[v2].status == "failed"
    assert results[v2].rows_rejected == results[v2].rows_read > 0
    assert _rows(con, TABLE, CONTACTS) == before
    assert set(_rejects(con, v2).query("row_number.notna()")["reason_code"]) == {"out_of_period"}
    _honest(con)
    _assert_nothing_identifying(con, texts)


def test_rows_outside_the_files_month_are_rejected(loaded) -> None:
    landing, con = loaded
    texts = _identifying_texts(landing)
    lines = (landing / CONTACTS).read_text(encoding="utf-8").splitlines(keepends=True)
    july = [ln for ln in (landing / "hotline/contacts_2025-06.csv").read_text(
        encoding="utf-8").splitlines(keepends=True)[1:] if ln.startswith("L2025")][:3]  # fmt: skip
    (landing / CONTACTS).write_text("".join(lines + july), encoding="utf-8")
    (result,) = [r for r in load_source(con, "hotline_contacts", landing) if r.status != "skipped"]
    assert result.status == "loaded"
    rejects = _rejects(con, CONTACTS).query("reason_code == 'out_of_period'")
    assert len(rejects) == 3
    assert set(rejects["column_name"]) == {"received_at"}
    assert "2025-08" in rejects["message_en"].iloc[0]
    assert con.execute(
        f"SELECT count(*) FROM \"{TABLE}\" WHERE _source_file = ? AND received_date < '2025-08-01'",
        [CONTACTS],
    ).fetchone()[0] == 0  # fmt: skip
    _honest(con)
    _assert_nothing_identifying(con, texts)


def test_a_row_with_more_fields_than_the_header_is_rejected_not_shifted(loaded) -> None:
    landing, con = loaded
    texts = _identifying_texts(landing)
    rows = list(
        csv.reader(io.StringIO((landing / CONTACTS).read_text(encoding="utf-8"), newline=""))
    )
    first = _line(rows[1]).rstrip("\n") + ",\n"  # a trailing delimiter
    fields = rows[2].copy()
    fields[rows[0].index("caller_name")] = "NAME"
    second = _line(fields).replace("NAME", "Nguyễn, Văn Tèo")  # an unquoted comma in a name
    body = "".join(_line(r) for r in [rows[0], *rows[3:]])
    header, rest = body.split("\n", 1)
    (landing / CONTACTS).write_text(header + "\n" + first + second + rest, encoding="utf-8")
    texts |= {"Nguyễn", "Văn Tèo"}
    (result,) = [r for r in load_source(con, "hotline_contacts", landing) if r.status != "skipped"]
    assert result.status == "loaded"
    rejects = _rejects(con, CONTACTS)
    extra = rejects.query("reason_code == 'wrong_field_count'")
    assert list(extra["row_number"]) == [1, 2]
    assert result.rows_loaded > 0.9 * result.rows_read
    assert "11" in extra["message_en"].iloc[0] and "10" in extra["message_en"].iloc[0]
    _honest(con)
    _assert_nothing_identifying(con, texts)


def _training(rows: list[list[object]], header: list[str] | None = None) -> bytes:
    header = header or ["STT", "Ngày", "Nội dung", "Đối tượng", "Hình thức",
                        "Số người tham dự - Nam", "Số người tham dự - Nữ", "Tổng số",
                        "Điểm trước", "Điểm sau"]  # fmt: skip
    workbook = Workbook()
    sheet = workbook.active
    for row in [["BÁO CÁO HOẠT ĐỘNG"], ["Ngày báo cáo:", "10/07/2025"], header, *rows]:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_a_sectioned_training_report_keeps_every_section(loaded) -> None:
    landing, con = loaded
    path = "training/2025-Q2/01_v3.xlsx"
    (landing / path).write_bytes(_training([
        ["I. Tập huấn cán bộ"],
        [1, "05/04/2025", "x", "Cán bộ", "Trực tiếp", 10, 20, 30, 50, 70],
        [2, "06/04/2025", "x", "Cán bộ", "Trực tiếp", 5, 5, 10, 50, 70],
        ["", "Cộng", "", "", "", 15, 25, 40],
        ["II. Truyền thông cho trẻ em"],
        [3, "07/05/2025", "x", "Trẻ em", "Trực tuyến", 20, 20, 40, None, None],
        [4, "08/06/2025", "x", "Trẻ em", "Trực tiếp", 6, 6, 12, None, None],
        ["Cộng mục II", "", "", "", "", 26, 26, 52],
        ["Tổng cộng", "", "", "", "", 41, 51, 92],
        [],
        ["Người lập biểu", "", "", "Nguyễn Thị Hoa"],
    ]))  # fmt: skip
    results = {r.file_path: r for r in load_source(con, "training_events", landing)}
    assert (results[path].rows_read, results[path].rows_loaded) == (4, 4)
    assert con.execute(
        'SELECT sum(participants_total) FROM "raw_training__events" WHERE _source_file = ?', [path]
    ).fetchone()[0] == 92  # fmt: skip
    _honest(con)
    _assert_nothing_identifying(con, {"Nguyễn Thị Hoa"})


def test_absurd_and_out_of_quarter_training_rows_are_rejected_by_header(loaded) -> None:
    landing, con = loaded
    path = "training/2025-Q2/01_v4.xlsx"
    (landing / path).write_bytes(_training([
        [1, "05/04/2025", "x", "Cán bộ", "Trực tiếp", 10, 20, 30, 50, 70],
        [2, "06/04/2025", "x", "Trẻ em", "Trực tiếp", 0, 0, 1_000_000_000, None, None],
        [3, "07/04/2019", "x", "Trẻ em", "Trực tiếp", 5, 5, 10, None, None],
        [4, "08/04/2025", "x", "Trẻ em", "Trực tiếp", 5, 5, 10, 40, 170],
        ["Tổng cộng"],
    ]))  # fmt: skip
    results = {r.file_path: r for r in load_source(con, "training_events", landing)}
    assert (results[path].rows_loaded, results[path].rows_rejected) == (1, 3)
    rejects = _rejects(con, path).set_index("row_number")
    assert rejects.loc[5, "reason_code"] == "implausible_value"
    assert rejects.loc[5, "column_name"] == "Tổng số"
    assert "Tổng số" in rejects.loc[5, "message_vi"] and "row 5" in rejects.loc[5, "message_en"]
    assert rejects.loc[6, "reason_code"] == "out_of_period"
    assert rejects.loc[6, "column_name"] == "Ngày"
    assert rejects.loc[7, "column_name"] == "Điểm sau"
    assert "post_test_score" not in rejects.loc[7, "message_en"]
    _honest(con)


def test_absurd_and_overflowing_portal_numbers_reject_one_row_not_the_file(loaded) -> None:
    landing, con = loaded
    path = "portal/analytics_2025-08.json"
    document = json.loads((landing / path).read_text(encoding="utf-8"))
    entries = document["days"][0]["provinces"]
    entries[0]["users"] = 10**15
    entries[1]["sessions"] = 2**63
    document["days"][1]["date"] = "2031-08-02"
    per_day = len(entries)
    (landing / path).write_text(json.dumps(document), encoding="utf-8")
    (result,) = [r for r in load_source(con, "portal_traffic", landing) if r.status != "skipped"]
    assert result.status == "loaded"
    assert result.rows_rejected == 2 + len(document["days"][1]["provinces"])
    codes = _rejects(con, path).set_index("row_number")["reason_code"]
    assert codes.loc[1] == codes.loc[2] == "implausible_value"
    assert codes.loc[per_day + 1] == "out_of_period"
    assert "users" in _rejects(con, path).set_index("row_number").loc[1, "message_en"]
    _honest(con)


def test_a_renamed_optional_column_is_a_ledger_warning(loaded) -> None:
    landing, con = loaded
    path = "portal/platforms_2025-08.csv"
    text = (landing / path).read_text(encoding="utf-8")
    (landing / path).write_text(text.replace("followers", "Followers (total)", 1), encoding="utf-8")
    (result,) = [r for r in load_source(con, "portal_platforms", landing) if r.status != "skipped"]
    assert result.status == "loaded"
    ledger = _ledger(con, path).iloc[-1]
    assert "followers" in ledger["warnings"] and "Followers (total)" in ledger["warnings"]


def test_a_renamed_pupils_column_in_the_register_is_a_warning(landing: Path, con) -> None:
    path = "schools/register_2024-2025.csv"
    (landing / "schools").mkdir(exist_ok=True)
    (landing / path).write_bytes(_csv(
        ["ma_truong", "ten_truong", "loai_hinh", "tinh", "Số học sinh (tổng)",
         "co_giao_duc_an_toan_mang", "so_buoi", "so_hoc_sinh_duoc_tiep_can"],
        [["T01", "Trường Tiểu học Hoa Sen", "Tiểu học", "01", 500, "Có", 2, 300],
         ["T02", "Trường THCS Lê Lợi", "THCS", "01", 999_999_999_999, "Có", 2, 300]],
    ))  # fmt: skip
    (result,) = load_source(con, "schools_register", landing)
    assert result.status == "loaded"
    assert "Số học sinh (tổng)" in _ledger(con, path)["warnings"].iloc[0]
    _assert_nothing_identifying(con, {"Trường Tiểu học Hoa Sen", "Trường THCS Lê Lợi"})


def test_absurd_pupils_are_rejected(landing: Path, con) -> None:
    path = "schools/register_2024-2025.csv"
    (landing / "schools").mkdir(exist_ok=True)
    (landing / path).write_bytes(_csv(
        ["ma_truong", "loai_hinh", "tinh", "so_hoc_sinh", "co_giao_duc_an_toan_mang"],
        [["T01", "Tiểu học", "01", 500, "Có"], ["T02", "THCS", "01", 999_999_999_999, "Có"]],
    ))  # fmt: skip
    (result,) = load_source(con, "schools_register", landing)
    assert (result.rows_loaded, result.rows_rejected) == (1, 1)
    reject = _rejects(con, path).iloc[0]
    assert (reject["reason_code"], reject["column_name"]) == ("implausible_value", "so_hoc_sinh")


def test_xls_and_unknown_files_get_a_ledger_row(loaded) -> None:
    landing, con = loaded
    (landing / "training/2025-Q2/01_v2.xls").write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 100)
    (landing / "hotline/contacts_2025-08 (1).txt").write_text("x", encoding="utf-8")
    load_all(con, landing)
    ledger = con.execute(f"SELECT * FROM \"{LEDGER_TABLE}\" WHERE status = 'not_read'").df()
    by_path = ledger.set_index("file_path")
    assert set(by_path.index) == {"training/2025-Q2/01_v2.xls", "hotline/contacts_2025-08 (1).txt"}
    assert ".xlsx" in by_path.loc["training/2025-Q2/01_v2.xls", "error"]
    assert by_path.loc["training/2025-Q2/01_v2.xls", "source"] == "training_events"
    load_all(con, landing)  # a rerun adds nothing
    assert con.execute(
        f"SELECT count(*) FROM \"{LEDGER_TABLE}\" WHERE status = 'not_read'"
    ).fetchone()[0] == 2  # fmt: skip


def test_poisoned_cells_are_rejected_and_not_stored(loaded) -> None:
    landing, con = loaded
    lines = (landing / CONTACTS).read_text(encoding="utf-8").splitlines(keepends=True)
    header = next(csv.reader([lines[0]]))
    rows = []
    for poison in [*POISON[:2], "9999-12-31"]:
        row = dict.fromkeys(header, "")
        row.update(contact_id=poison, received_at="2025-08-03T10:00:00", channel="phone",
                   caller_type="child", outcome="silent", online_related="0")  # fmt: skip
        rows.append([row[h] for h in header])
    row = dict(zip(header, rows[0], strict=True))
    row.update(contact_id="L2025-9999999", outcome=POISON[2])
    rows.append([row[h] for h in header])
    (landing / CONTACTS).write_bytes(
        "".join(lines).encode() + _csv(header, rows).split(b"\n", 1)[1]
    )
    (result,) = [r for r in load_source(con, "hotline_contacts", landing) if r.status != "skipped"]
    assert result.rows_rejected >= 4
    assert con.execute(
        f'SELECT count(*) FROM "{TABLE}" WHERE contact_id IN (?, ?, ?)', [*POISON[:2], "9999-12-31"]
    ).fetchone()[0] == 0  # fmt: skip
    _honest(con)
    _assert_nothing_identifying(con, set())


def test_an_empty_workbook_says_so(loaded) -> None:
    landing, con = loaded
    path = "training/2025-Q2/01_v5.xlsx"
    (landing / path).write_bytes(b"")
    (result,) = [r for r in load_source(con, "training_events", landing) if r.file_path == path]
    assert result.status == "failed"
    reject = _rejects(con, path).iloc[0]
    assert reject["reason_code"] == "empty_file"
    assert "zip" not in reject["message_en"].lower()


def test_a_missing_or_unreadable_landing_folder_is_an_error(tmp_path: Path, con) -> None:
    with pytest.raises(LandingError, match="does not exist"):
        load_source(con, "hotline_contacts", tmp_path / "nowhere")
    (tmp_path / "a_file").write_text("x", encoding="utf-8")
    with pytest.raises(LandingError, match="not a folder"):
        load_all(con, tmp_path / "a_file")


def test_the_sample_label_never_flips_silently(loaded) -> None:
    landing, con = loaded
    (landing / "_sample.json").unlink()
    with pytest.raises(LandingError, match="sample"):
        load_source(con, "hotline_contacts", landing)
