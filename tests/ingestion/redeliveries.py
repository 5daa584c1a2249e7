"""The re-delivery steps every source's test walks through (README: a broken file, a duplicate
delivery and a correction behaving as promised), written once."""

from __future__ import annotations

from pathlib import Path

import duckdb

from ingestion.load import load_source


def results(con: duckdb.DuckDBPyConnection, source: str, landing: Path) -> dict:
    """Load `source` from `landing`; its results by file path."""
    return {r.file_path: r for r in load_source(con, source, landing)}


def broken_then_duplicate(
    con: duckdb.DuckDBPyConnection,
    source: str,
    landing: Path,
    first: Path,
    broken: Path,
    *in_error: str,
) -> None:
    """`broken`, a re-delivery of the loaded `first`, fails (its error naming `in_error`) and
    leaves `first` loaded; once it is gone, a byte copy of `first` as the next version is a
    duplicate. Both files are removed again."""
    failed = results(con, source, landing)[broken.relative_to(landing).as_posix()]
    assert failed.status == "failed"
    assert f"{first.name} stays loaded" in failed.error
    for text in in_error:
        assert text in failed.error
    broken.unlink()
    copy = broken.with_name(broken.name.replace("_v2.", "_v3."))
    copy.write_bytes(first.read_bytes())
    assert results(con, source, landing)[copy.relative_to(landing).as_posix()].status == "duplicate"
    copy.unlink()


def status_in_ledger(con: duckdb.DuckDBPyConnection, path: Path, landing: Path) -> str:
    """The ledger's status of a landing file."""
    ledger = dict(con.execute("SELECT file_path, status FROM raw_ingestion__ledger").fetchall())
    return ledger[path.relative_to(landing).as_posix()]


def write_landing(landing: Path, folder: str, name: str, text: str) -> Path:
    """Write a delivery `folder/name` (UTF-8 text) into the landing folder."""
    path = landing / folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def contains(con: duckdb.DuckDBPyConnection, table: str, text: str) -> int:
    """How many rows of `table` hold `text` anywhere, in any letter case (a secret that must
    not have passed ingestion)."""
    return con.execute(
        f'SELECT count(*) FROM "{table}" t WHERE contains(lower(CAST(t AS VARCHAR)), lower(?))',
        [text],
    ).fetchone()[0]
