"""The landing folder as a whole: it must exist and be readable, files no source takes are
reported, and whether it holds the generated sample is recorded so the label cannot flip.

A missing or unreadable folder is an error (``LandingError``), never "no files". Files in a
source's folder that no source reads (``.xls``, a stray name) are returned by ``stray_files``
with the reason, for a ``not_read`` ledger row. The sample marker (``_sample.json``) is recorded
in ``raw_ingestion__landing`` on the first load; once rows are loaded, a marker that appears or
disappears stops the load instead of silently relabelling the same data.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from pathlib import Path, PurePosixPath

import duckdb

from ingestion.sources import SOURCES
from ingestion.tables import LANDING_TABLE, LEDGER_TABLE, quoted

SAMPLE_MARKER = "_sample.json"


class LandingError(RuntimeError):
    """The landing folder cannot be trusted to say what was delivered."""


def check_landing(landing_dir: Path) -> None:
    """Raise ``LandingError`` unless ``landing_dir`` is a folder this process can list."""
    landing_dir = Path(landing_dir)
    if not landing_dir.exists():
        raise LandingError(
            f"the landing folder {landing_dir} does not exist (Thư mục nhận dữ liệu không tồn "
            "tại): check COP_LANDING_DIR / COP_DATA_DIR"
        )
    if not landing_dir.is_dir():
        raise LandingError(f"the landing path {landing_dir} is not a folder (không phải thư mục)")
    try:
        with os.scandir(landing_dir):
            pass
    except OSError as exc:
        raise LandingError(
            f"the landing folder {landing_dir} cannot be read (không đọc được thư mục): {exc}"
        ) from exc


def _folder(source: str) -> str:
    return SOURCES[source].pattern.split("/", 1)[0]


def _not_read_reason(rel: str, expected: list[str]) -> str:
    if rel.lower().endswith(".xls"):
        return (
            "not read: an Excel 97-2003 .xls workbook; save it as .xlsx (Excel Workbook) and "
            "deliver it again"
        )
    return f"not read: no source takes this name here (expected {', '.join(expected)})"


def stray_files(landing_dir: Path, source: str) -> list[tuple[Path, str]]:
    """Files in ``source``'s folder that no source reads, with why; reported by the first
    source of each folder only, so each stray gets one ledger row."""
    folder = _folder(source)
    owners = [s for s in SOURCES.values() if _folder(s.name) == folder]
    top = Path(landing_dir) / folder
    if owners[0].name != source or not top.is_dir():
        return []
    expected = [s.pattern for s in owners]
    out = []
    for walk_root, _dirs, names in os.walk(top, onerror=_raise):
        for name in sorted(names):
            path = Path(walk_root) / name
            rel = PurePosixPath(path.relative_to(landing_dir).as_posix())
            if not any(rel.match(pattern) for pattern in expected):
                out.append((path, _not_read_reason(rel.as_posix(), expected)))
    return sorted(out)


def _raise(error: OSError) -> None:
    raise LandingError(f"a landing sub-folder cannot be read: {error}") from error


def _loaded_rows(con: duckdb.DuckDBPyConnection) -> bool:
    row = con.execute(
        f"SELECT count(*) FROM {quoted(LEDGER_TABLE)} WHERE status = 'loaded'"
    ).fetchone()
    return bool(row and row[0])


def check_sample_label(con: duckdb.DuckDBPyConnection, landing_dir: Path) -> bool:
    """Whether the landing folder holds the sample; the first answer is recorded, and a later
    different answer while data is loaded raises ``LandingError``."""
    marker = Path(landing_dir) / SAMPLE_MARKER
    is_sample = marker.is_file()
    digest = hashlib.sha256(marker.read_bytes()).hexdigest() if is_sample else None
    recorded = con.execute(f"SELECT is_sample FROM {quoted(LANDING_TABLE)}").fetchone()
    if recorded is not None and recorded[0] != is_sample and _loaded_rows(con):
        was, now = ("the sample", "real data") if recorded[0] else ("real data", "the sample")
        raise LandingError(
            f"the warehouse holds {was} but the landing folder now looks like {now} (marker "
            f"{SAMPLE_MARKER} {'missing' if recorded[0] else 'present'}); restore the folder, or "
            "start from an empty warehouse (kho dữ liệu đang chứa dữ liệu mẫu/thật khác với thư "
            "mục nhận: khôi phục thư mục hoặc dùng kho mới)"
        )
    now_utc = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    con.execute(f"DELETE FROM {quoted(LANDING_TABLE)}")
    con.execute(
        f"INSERT INTO {quoted(LANDING_TABLE)} VALUES (?, ?, ?)", [is_sample, digest, now_utc]
    )
    return is_sample


def warehouse_is_sample(con: duckdb.DuckDBPyConnection) -> bool | None:
    """The sample label recorded with the loaded data (None before any load): what a release
    should be labelled with, rather than what the landing folder holds at publish time."""
    row = con.execute(f"SELECT is_sample FROM {quoted(LANDING_TABLE)}").fetchone()
    return None if row is None else bool(row[0])
