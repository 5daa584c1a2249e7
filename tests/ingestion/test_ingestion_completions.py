"""The programme office's record of official completion reports (IND-15, milestones): rows
checked, the signatory dropped, a broken file, a duplicate delivery and a correction."""

from __future__ import annotations

from pathlib import Path

from ingestion.load import load_source
from ingestion.periods import months
from ingestion.sample.plan import write_completions

HEADER = "STT,Mã nhiệm vụ,Trích yếu,Ngày hoàn thành,Số văn bản,Ngày văn bản,Người ký\n"
ROWS = [
    "1,M-06-PORTAL,Báo cáo hoàn thành Cổng,20/12/2021,245/BC-CTE,10/01/2022,Nguyễn Thị Hoa\n",
    "2,m-07-network,Báo cáo tham gia,05/01/2022,9/BC-CTE,12/01/2022,Trần Văn Nam\n",
    # completed after the report that says so
    "3,M-05-INTEGRATION,Báo cáo,20/01/2022,12/BC-CTE,14/01/2022,Lê Thị Mai\n",
    # the report's date outside the file's month
    "4,M-10B-AI-LISTENING,Báo cáo,01/01/2022,13/BC-CTE,03/02/2022,Lê Thị Mai\n",
    # not a document number
    "5,M-10A-CSAM-DATABASE,Báo cáo,01/01/2022,Công văn số 5,04/01/2022,Lê Thị Mai\n",
]


def _write(landing: Path, name: str, rows: list[str]) -> Path:
    (landing / "plan").mkdir(exist_ok=True)
    path = landing / "plan" / name
    path.write_text(HEADER + "".join(rows), encoding="utf-8")
    return path


def test_reports_are_checked_and_signatories_dropped(tmp_path: Path, con) -> None:
    _write(tmp_path, "completions_2022-01.csv", ROWS)
    [result] = load_source(con, "plan_completions", tmp_path)
    assert (result.status, result.rows_loaded, result.rows_rejected) == ("loaded", 2, 3)
    rows = con.execute(
        "SELECT milestone_id, completed_date::VARCHAR, document_number FROM "
        "raw_plan__completions ORDER BY 1"
    ).fetchall()
    assert rows == [("M-06-PORTAL", "2021-12-20", "245/BC-CTE"), ("M-07-NETWORK", "2022-01-05",
                                                                     "9/BC-CTE")]  # fmt: skip
    reasons = dict(
        con.execute("SELECT row_number, reason FROM raw_ingestion__rejects ORDER BY 1").fetchall()
    )
    assert "completed_date not after document_date" in reasons[3]
    assert "outside the file's period" in reasons[4]
    assert "document_number" in reasons[5]
    for table in ("raw_plan__completions", "raw_ingestion__rejects"):
        hits = con.execute(
            f'SELECT count(*) FROM "{table}" t WHERE contains(CAST(t AS VARCHAR), ?)',
            ["Nguyễn Thị Hoa"],
        ).fetchone()[0]
        assert hits == 0


def test_broken_file_duplicate_and_correction(tmp_path: Path, con) -> None:
    first = _write(tmp_path, "completions_2022-01.csv", ROWS[:1])
    load_source(con, "plan_completions", tmp_path)
    (tmp_path / "plan/completions_2022-01_v2.csv").write_text("Mã nhiệm vụ\nM-06-PORTAL\n")
    [failed] = [r for r in load_source(con, "plan_completions", tmp_path) if r.status != "skipped"]
    assert failed.status == "failed" and "completions_2022-01.csv stays loaded" in failed.error
    (tmp_path / "plan/completions_2022-01_v2.csv").unlink()
    (tmp_path / "plan/completions_2022-03.csv").write_bytes(first.read_bytes())
    [duplicate] = [
        r for r in load_source(con, "plan_completions", tmp_path) if r.status != "skipped"
    ]
    assert duplicate.status == "duplicate"
    (tmp_path / "plan/completions_2022-03.csv").unlink()
    _write(tmp_path, "completions_2022-01_v3.csv", [ROWS[0].replace("20/12/2021", "22/12/2021")])
    load_source(con, "plan_completions", tmp_path)
    assert con.execute(
        "SELECT completed_date::VARCHAR, _source_file FROM raw_plan__completions"
    ).fetchall() == [("2021-12-22", "plan/completions_2022-01_v3.csv")]


def test_sample_reports_load_cleanly(tmp_path: Path, con) -> None:
    written = write_completions(tmp_path, set(months()))
    assert written == {"files": 6, "rows": 6, "corrections": 1}
    results = load_source(con, "plan_completions", tmp_path)
    assert {r.status for r in results} == {"loaded"} and sum(r.rows_rejected for r in results) == 0
    assert con.execute("SELECT count(*) FROM raw_plan__completions").fetchone()[0] == 6
