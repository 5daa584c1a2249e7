"""Loading landing files into the raw DuckDB tables, with a ledger and a rejects table.

Entry point for the orchestration layer: ``load_source(con, source, landing_dir)``.

For each file whose (path, sha256) is not yet in the ledger: read it (an unreadable file becomes
one reject row with ``row_number`` NULL and a ``failed`` ledger row; a file with the same bytes as
a loaded one a ``duplicate``), validate its rows (reader checks, in-file duplicate keys, the
pandera model), replace the file's earlier rows and rejects with the good rows and the rejected
ones, and append a ledger row with ``rows_read = rows_loaded + rows_rejected``. Then a later
version of the same month or province-quarter supersedes the earlier one (``ingestion.ledger``).
Files are processed in batches, one transaction each. ``periods`` restricts a load to some months
or quarters (one Dagster partition).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Collection
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

import duckdb
import numpy as np
import pandas as pd

from ingestion.expected import refresh_expected_reports
from ingestion.ledger import ledger_state, supersede
from ingestion.periods import FileUnit
from ingestion.readers.parsed import ParsedFile, ReadError
from ingestion.reasons import reason_code
from ingestion.sources import SOURCES, Source
from ingestion.tables import (
    COLUMNS,
    LEDGER_TABLE,
    RAW_TABLES,
    REJECTS_TABLE,
    ensure_tables,
    quoted,
    table_columns,
)
from ingestion.validation import Verdict, judge_batch
from schemas.raw import MODELS

__all__ = [
    "RAW_TABLES",
    "SOURCES",
    "FileLoadResult",
    "ensure_tables",
    "load_all",
    "load_source",
    "source_files",
]

Status = Literal["loaded", "failed", "duplicate", "skipped"]
BATCH_ROWS = 300_000
BATCH_FILES = 500
_BATCH = "_ingestion_batch"


@dataclass(frozen=True)
class FileLoadResult:
    """What happened to one landing file. ``skipped``: already in the ledger with this sha256;
    ``duplicate``: same bytes as a loaded file (nothing loaded). ``superseded_by``: a later
    delivery of the same unit replaced this file's rows in the same load."""

    source: str
    table_name: str
    file_path: str
    sha256: str
    status: Status
    rows_read: int = 0
    rows_loaded: int = 0
    rows_rejected: int = 0
    error: str | None = None
    period: str | None = None
    superseded_by: str | None = None


@dataclass
class _Pending:
    """A file read (or failed to read) and waiting to be written with its batch."""

    rel: str
    sha: str
    size: int
    received_at: dt.datetime
    unit: FileUnit
    parsed: ParsedFile | None = None
    error: str | None = None
    duplicate: bool = False


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _insert_frame(con: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame) -> None:
    if frame.empty:
        return
    types = table_columns(table)
    names = ", ".join(quoted(c) for c in frame.columns)
    select = ", ".join(f"CAST({quoted(c)} AS {types[c]})" for c in frame.columns)
    con.register(_BATCH, frame)
    try:
        con.execute(f"INSERT INTO {quoted(table)} ({names}) SELECT {select} FROM {_BATCH}")
    finally:
        con.unregister(_BATCH)


def _read(spec: Source, rel: str, data: bytes) -> ParsedFile:
    if not spec.file_name.match(rel):
        raise ReadError(f"file name does not follow the contract ({spec.file_name.pattern})")
    return spec.read(data, rel)


def _reject_frame(
    spec: Source, item: _Pending, verdict: Verdict | None, now: dt.datetime
) -> pd.DataFrame | None:
    columns = list(COLUMNS[REJECTS_TABLE])
    if verdict is None:  # the whole file
        code = reason_code(item.error, whole_file=True)
        row = [spec.name, spec.table, item.rel, None, None, item.error, code, None, now]
        return pd.DataFrame([row], columns=columns)
    parsed = item.parsed
    assert parsed is not None
    if verdict.rejected.empty:
        return None
    index = verdict.rejected.index.to_numpy(dtype=np.int64)
    records = parsed.records.iloc[index].to_dict(orient="records")
    return pd.DataFrame(
        {
            "source": spec.name,
            "table_name": spec.table,
            "file_path": item.rel,
            "row_number": parsed.row_numbers[index],
            "column_name": verdict.rejected["column_name"].to_numpy(),
            "reason": verdict.rejected["reason"].to_numpy(),
            "reason_code": verdict.rejected["reason"].map(reason_code).to_numpy(),
            "record": [json.dumps(r, ensure_ascii=False, default=str) for r in records],
            "rejected_at": now,
        },
        columns=columns,
    )


def _flush(
    con: duckdb.DuckDBPyConnection, spec: Source, batch: list[_Pending]
) -> list[FileLoadResult]:
    """Validate and write a batch of files in one transaction."""
    if not batch:
        return []
    now = _utc_now()
    readable = [item for item in batch if item.parsed is not None]
    verdicts = judge_batch([i.parsed for i in readable], spec.table, MODELS[spec.table])
    for item, verdict in zip(readable, verdicts, strict=True):
        if isinstance(verdict, ReadError):
            item.parsed, item.error = None, str(verdict)
    by_rel = {item.rel: v for item, v in zip(readable, verdicts, strict=True)}
    columns = list(table_columns(spec.table))
    goods, rejects, ledger, results = [], [], [], []
    for item in batch:
        verdict = by_rel.get(item.rel)
        if item.parsed is None or not isinstance(verdict, Verdict):
            rejects.append(_reject_frame(spec, item, None, now))
            status: Status = "duplicate" if item.duplicate else "failed"
            result = FileLoadResult(
                spec.name,
                spec.table,
                item.rel,
                item.sha,
                status,
                error=item.error,
                period=item.unit.period,
            )
        else:
            good = item.parsed.frame[verdict.good].copy()
            good["_source_file"] = item.rel
            good["_source_row"] = item.parsed.row_numbers[verdict.good]
            good["_loaded_at"] = now
            goods.append(good[columns])
            rejected = _reject_frame(spec, item, verdict, now)
            if rejected is not None:
                rejects.append(rejected)
            result = FileLoadResult(
                spec.name,
                spec.table,
                item.rel,
                item.sha,
                "loaded",
                rows_read=len(item.parsed.frame),
                rows_loaded=len(good),
                rows_rejected=len(verdict.rejected),
                period=item.unit.period,
            )
        results.append(result)
        ledger.append(
            [
                item.rel,
                spec.name,
                spec.table,
                item.sha,
                item.size,
                item.received_at,
                now,
                result.rows_read,
                result.rows_loaded,
                result.rows_rejected,
                result.status,
                result.error,
                item.unit.period,
                item.unit.province_code,
                item.unit.version,
                item.parsed.reported_date if item.parsed is not None else None,
                None,
            ]  # fmt: skip
        )
    superseded = _write(
        con,
        spec,
        paths=[item.rel for item in batch],
        rows=pd.concat(goods, ignore_index=True) if goods else pd.DataFrame(columns=columns),
        rejects=pd.concat(rejects, ignore_index=True) if rejects else None,
        ledger=pd.DataFrame(ledger, columns=list(COLUMNS[LEDGER_TABLE])),
        units={(i.unit.period, i.unit.province_code) for i in batch if i.unit.period},
    )
    return [
        replace(r, superseded_by=superseded[r.file_path]) if r.file_path in superseded else r
        for r in results
    ]


def _write(
    con: duckdb.DuckDBPyConnection,
    spec: Source,
    paths: list[str],
    rows: pd.DataFrame,
    rejects: pd.DataFrame | None,
    ledger: pd.DataFrame,
    units: set[tuple[str, str | None]],
) -> dict[str, str]:
    """Replace the files' rows and rejects, append their ledger rows, apply corrections: one
    transaction. Returns superseded path → superseding path."""
    table = spec.table
    con.execute("BEGIN TRANSACTION")
    try:
        con.register("_ingestion_paths", pd.DataFrame({"file_path": paths}))
        con.execute(
            f"DELETE FROM {quoted(table)} WHERE _source_file IN "
            "(SELECT file_path FROM _ingestion_paths)"
        )
        con.execute(
            f"DELETE FROM {quoted(REJECTS_TABLE)} WHERE file_path IN "
            "(SELECT file_path FROM _ingestion_paths)"
        )
        con.unregister("_ingestion_paths")
        _insert_frame(con, table, rows)
        if rejects is not None:
            _insert_frame(con, REJECTS_TABLE, rejects)
        _insert_frame(con, LEDGER_TABLE, ledger)
        superseded = supersede(con, spec.name, table, units)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return dict(superseded)


def source_files(
    source: str, landing_dir: Path, periods: Collection[str | None] | None = None
) -> list[Path]:
    """The files of ``source`` in the landing folder, in version then path order; only those of
    ``periods`` (months ``YYYY-MM`` / quarters ``YYYY-Qn``; ``None`` = no period in the name)
    when given."""
    spec = SOURCES[source]
    landing_dir = Path(landing_dir)
    files = [p for p in landing_dir.glob(spec.pattern) if p.is_file()]
    units = {p: spec.unit(p.relative_to(landing_dir).as_posix()) for p in files}
    if periods is not None:
        wanted = set(periods)
        files = [p for p in files if units[p].period in wanted]
    return sorted(files, key=lambda p: (units[p].version, p.as_posix()))


def load_source(
    con: duckdb.DuckDBPyConnection,
    source: str,
    landing_dir: Path,
    periods: Collection[str | None] | None = None,
) -> list[FileLoadResult]:
    """Load every new or changed file of ``source`` into its raw table; one result per file.

    ``source`` is a key of ``RAW_TABLES`` (hotline_contacts, hotline_cases, training_events,
    portal_traffic). ``periods`` limits the load to those months / quarters (a partition); files
    whose name carries no period are only picked up when ``periods`` is None or holds ``None``.
    The tables are created first, so an empty source still yields them, and the expected
    reports (``raw_ingestion__expected_reports``) are rewritten.
    """
    if source not in SOURCES:
        raise ValueError(f"unknown source {source!r}; expected one of {sorted(SOURCES)}")
    spec = SOURCES[source]
    landing_dir = Path(landing_dir)
    ensure_tables(con)
    refresh_expected_reports(con)
    seen, loaded_sha = ledger_state(con, source)
    results: list[FileLoadResult] = []
    batch: list[_Pending] = []
    batch_rows = 0
    for path in source_files(source, landing_dir, periods):
        rel = path.relative_to(landing_dir).as_posix()
        data = path.read_bytes()
        sha = hashlib.sha256(data).hexdigest()
        if (rel, sha) in seen:
            results.append(FileLoadResult(spec.name, spec.table, rel, sha, "skipped"))
            continue
        mtime = dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC).replace(tzinfo=None)
        item = _Pending(rel=rel, sha=sha, size=len(data), received_at=mtime, unit=spec.unit(rel))
        original = loaded_sha.get(sha)
        copy = bool(original) and original != rel
        try:
            try:
                item.parsed = _read(spec, rel, data)
            except ReadError:
                if not copy:
                    raise
            # Same bytes as a loaded file is a second delivery, unless both are empty exports.
            if copy and (item.parsed is None or len(item.parsed.frame)):
                item.parsed, item.duplicate = None, True
                raise ReadError(f"duplicate delivery: same content as {original}")
            loaded_sha.setdefault(sha, rel)
        except ReadError as exc:
            item.error = str(exc)
        except Exception as exc:  # noqa: BLE001 - one unreadable file must not stop the run
            item.error = f"unreadable file ({type(exc).__name__}: {exc})"
        batch.append(item)
        batch_rows += len(item.parsed.frame) if item.parsed is not None else 0
        if batch_rows >= BATCH_ROWS or len(batch) >= BATCH_FILES:
            results.extend(_flush(con, spec, batch))
            batch, batch_rows = [], 0
    results.extend(_flush(con, spec, batch))
    return results


def load_all(con: duckdb.DuckDBPyConnection, landing_dir: Path) -> dict[str, list[FileLoadResult]]:
    """Load all four sources; returns the per-file results by source."""
    return {source: load_source(con, source, landing_dir) for source in SOURCES}
