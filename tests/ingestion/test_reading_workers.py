"""Files read in worker processes: the same tables, rejects and ledger as reading in process.

The loader reads files in a small process pool (``ingestion.workers``) and validates a big file
in the process that reads it. Whatever the landing folder holds — bad rows, a broken re-send
under a loaded name, a copy under another name, a correction big enough to be judged alone —
the warehouse must come out exactly as when every file is read in the loader's own process.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from ingestion import reading, workers
from ingestion.load import load_all
from ingestion.reading import JUDGED_ALONE, outcome, read_file
from ingestion.sources import RAW_TABLES, SOURCES
from ingestion.tables import LEDGER_TABLE, REJECTS_TABLE

TIMES = {
    LEDGER_TABLE: "received_at, loaded_at",
    REJECTS_TABLE: "rejected_at",
    **dict.fromkeys(RAW_TABLES.values(), "_loaded_at"),
}


def _big_contacts(rows: int) -> str:
    """A July 2025 correction of ``rows`` contacts, with a bad row of each kind every 500."""
    lines = ["contact_id,received_at,channel,caller_type,caller_name,province,outcome,"
             "online_related"]  # fmt: skip
    for i in range(rows):
        day = 1 + i % 28
        row = [f"V2-{i}", f"2025-07-{day:02d} 10:{i % 60:02d}:00", "Điện thoại", "Trẻ em",
               "Nguyễn Văn An", "Đà Nẵng", "information", str(i % 2)]  # fmt: skip
        bad = i % 500
        if bad == 1:
            row[2] = "bồ câu đưa thư"  # unknown channel
        elif bad == 2:
            row[0] = ""  # no id
        elif bad == 3:
            row[0] = "V2-0"  # duplicate id in the file
        elif bad == 4:
            row[1] = "31/02/2025 10:00"  # no such day
        elif bad == 5:
            row[1] = "2025-08-02 10:00:00"  # outside the file's month
        elif bad == 6:
            row[5] = "Atlantis"  # unknown province
        lines.append(",".join(row))
    return "\n".join(lines) + "\n"


def _deliver_hostile(landing: Path) -> None:
    """What a second delivery round brings: a big correction, a broken re-send under a loaded
    name, and a loaded file copied under another name."""
    contacts = sorted((landing / "hotline").glob("contacts_*.csv"))
    (landing / "hotline" / "contacts_2025-07_v2.csv").write_text(
        _big_contacts(JUDGED_ALONE + 1_000), encoding="utf-8"
    )
    contacts[0].write_bytes(b"\x00\xff broken export \x00")
    reports = sorted((landing / "training").rglob("*.xlsx"))
    shutil.copyfile(reports[0], reports[0].with_name("copy_" + reports[0].name))


def _recording(
    submit: Callable[..., Future], files: list[tuple[str, int]]
) -> Callable[..., Future]:
    """``submit``, noting the path and size of each file it sends to a reading process."""

    def recorded(function: Callable, *args: object) -> Future:
        files.append((str(args[1]), len(args[2])))  # type: ignore[arg-type]
        return submit(function, *args)

    return recorded


def _state(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple]]:
    return {
        table: con.execute(f'SELECT * EXCLUDE ({times}) FROM "{table}" ORDER BY ALL').fetchall()
        for table, times in TIMES.items()
    }


def _load_twice(landing: Path, warehouse: Path) -> dict[str, list[tuple]]:
    with duckdb.connect(str(warehouse)) as con:
        load_all(con, landing)
        _deliver_hostile(landing)
        load_all(con, landing)
        return _state(con)


def test_worker_processes_load_exactly_what_one_process_loads(
    tiny_sample, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    states: dict[str, dict[str, list[tuple]]] = {}
    submitted: dict[str, list[tuple[str, int]]] = {}
    # in process; through two reading processes; the same with the big correction read here
    for run, count, read_here_from in (("0", "0", None), ("2", "2", None), ("2+", "2", 100_000)):
        monkeypatch.setenv("COP_INGEST_WORKERS", count)
        if read_here_from is not None:
            monkeypatch.setattr(reading, "READ_HERE_FROM", read_here_from)
        if count != "0":  # the server up first, so that every file goes through the pool
            pool = workers.pool(wait=True)
            assert pool is not None
            submitted[run] = []
            monkeypatch.setattr(pool, "submit", _recording(pool.submit, submitted[run]))
        landing = tmp_path / f"landing_{run}"
        shutil.copytree(tiny_sample[0], landing)
        states[run] = _load_twice(landing, tmp_path / f"warehouse_{run}.duckdb")
    workers.discard()
    big = [(path, size) for path, size in submitted["2"] if size >= 100_000]
    assert [path for path, _ in big] == ["hotline/contacts_2025-07_v2.csv"]  # judged in a worker
    assert not [size for _, size in submitted["2+"] if size >= 100_000]  # read here
    assert len(submitted["2"]) > 100 and len(submitted["2+"]) > 100  # the provincial reports
    in_process = states["0"]
    for run in ("2", "2+"):
        for table in TIMES:
            assert states[run][table] == in_process[table], (run, table)
    ledger = pd.DataFrame(
        in_process[LEDGER_TABLE],
        columns=[c for c in _columns(LEDGER_TABLE) if c not in ("received_at", "loaded_at")],
    )
    # The hostile round did what it should, so the equality above covers those paths (the
    # sample's own July correction is superseded by the big one, sent under its name).
    big = ledger[ledger["rows_read"] == JUDGED_ALONE + 1_000]
    assert big["file_path"].tolist() == ["hotline/contacts_2025-07_v2.csv"]
    assert big["status"].tolist() == ["loaded"]
    assert big["rows_rejected"].tolist() == [6 * ((JUDGED_ALONE + 1_000) // 500)]
    assert (ledger["status"] == "duplicate").sum() >= 1
    assert ledger["error"].str.contains("stays loaded", na=False).any()  # the broken re-send


def _columns(table: str) -> list[str]:
    with duckdb.connect() as con:
        from ingestion.tables import ensure_tables

        ensure_tables(con)
        return [row[0] for row in con.execute(f'DESCRIBE "{table}"').fetchall()]


def test_a_reading_process_that_dies_is_replaced(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COP_INGEST_WORKERS", "1")
    workers.discard()
    dying = workers.pool(wait=True)
    assert dying is not None
    with pytest.raises(BrokenProcessPool):
        workers.result(dying.submit(os._exit, 3))
    fresh = workers.pool(wait=True)
    assert fresh is not None and fresh is not dying
    assert workers.result(fresh.submit(sum, [1, 2, 3])) == 6
    workers.discard()


def test_a_file_whose_reader_died_is_read_in_process() -> None:
    spec = SOURCES["hotline_contacts"]
    data = _big_contacts(40).encode()
    rel = "hotline/contacts_2025-07.csv"
    died: Future = Future()
    died.set_exception(BrokenProcessPool("a reading process died"))
    read = outcome(spec.name, rel, data, "2025-07", died)
    expected = read_file(spec.name, rel, data, "2025-07")
    assert read.parsed is not None and expected.parsed is not None
    pd.testing.assert_frame_equal(read.parsed.frame, expected.parsed.frame)
    assert len(read.parsed.frame) == 40 and read.parsed.issues.rows == expected.parsed.issues.rows
