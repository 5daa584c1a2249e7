"""Loading landing files into the raw DuckDB tables, with a ledger and a rejects table.

Entry point for the orchestration layer: ``load_source(con, source, landing_dir)``.

The landing folder must exist and be readable (``ingestion.landing``). For each file whose (path,
sha256) is not yet in the ledger: read it, validate its rows (whole-row field count, reader
checks, the file's period, in-file duplicate keys, the pandera model with its plausibility
bounds), append the good rows, the rejected ones (columns as written, safe values only, a message
in Vietnamese and English) and a ledger row with ``rows_read = rows_loaded + rows_rejected``.
A file of which no row loads is ``loaded`` (with 0 rows) only when nothing is loaded for its
path or unit yet (a province with no activity to report); an unreadable file, a duplicate, a
file of which no row loaded while an earlier delivery is loaded, and a file no source reads
(``not_read``) get a ledger row and a file reject and replace nothing: whatever was loaded for
that path or unit stays, and the ledger error says which file stays. Only a loaded delivery
supersedes the earlier content of its path and the earlier versions of its month /
province-quarter (``ingestion.ledger``).
Files are processed in batches, one transaction each. ``periods`` restricts a load to some months
or quarters (one Dagster partition).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import deque
from collections.abc import Collection
from concurrent.futures import Future
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

import duckdb
import numpy as np
import pandas as pd

from ingestion import workers
from ingestion.landing import check_landing, check_sample_label, stray_files
from ingestion.ledger import current_files, ledger_state, supersede
from ingestion.messages import bilingual
from ingestion.periods import FileUnit
from ingestion.readers.parsed import ParsedFile, ReadError
from ingestion.reading import Read, outcome, submit
from ingestion.reasons import Reason
from ingestion.safe_values import safe_text
from ingestion.sources import RAW_TABLES, SOURCES, Source
from ingestion.tables import (
    COLUMNS,
    LEDGER_TABLE,
    REJECTS_TABLE,
    ensure_tables,
    quoted,
    table_columns,
)
from ingestion.validation import Verdict, judge_batch

__all__ = [
    "RAW_TABLES",
    "SOURCES",
    "FileLoadResult",
    "ensure_tables",
    "load_all",
    "load_source",
    "source_files",
]

Status = Literal["loaded", "failed", "duplicate", "not_read", "skipped"]
BATCH_ROWS = 300_000
BATCH_FILES = 500
WARM_FROM = 8
"""Start the reading processes when a load has at least this many files (not for one month's
correction)."""
_BATCH = "_ingestion_batch"


@dataclass(frozen=True)
class FileLoadResult:
    """What happened to one landing file. ``skipped``: already in the ledger with this sha256;
    ``duplicate``: same bytes as a loaded file; ``failed``: unreadable, or not one row could be
    loaded; ``not_read``: a file no source reads (``.xls``, an unknown name). Only ``loaded``
    replaces anything. ``superseded_by``: a later delivery of the same unit replaced this
    file's rows in the same load."""

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
    warnings: str | None = None


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
    code: Reason = Reason.UNREADABLE_FILE
    """The kind of ``error`` (a file that fails for a reason no reader named is unreadable)."""
    status: Status = "failed"
    kept: str | None = None
    verdict: Verdict | None = None
    """The rows' verdict, when the file was judged on its own while it was read."""


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


def _file_reject(spec: Source, item: _Pending, now: dt.datetime) -> pd.DataFrame:
    vi, en = bilingual(item.code, item.rel, detail=item.error, kept=item.kept)
    row = {
        "source": spec.name,
        "table_name": spec.table,
        "file_path": item.rel,
        "row_number": None,
        "column_name": None,
        "reason": item.error,
        "reason_code": str(item.code),
        "record": None,
        "rejected_at": now,
        "message_vi": vi,
        "message_en": en,
    }
    return pd.DataFrame([row], columns=list(COLUMNS[REJECTS_TABLE]))


def _row_rejects(
    spec: Source, item: _Pending, verdict: Verdict, now: dt.datetime
) -> pd.DataFrame | None:
    """One reject per rejected row: columns as written in the file, safe values only."""
    parsed = item.parsed
    assert parsed is not None
    if verdict.rejected.empty:
        return None
    index = verdict.rejected.index.to_numpy(dtype=np.int64)
    records = parsed.records.iloc[index].to_dict(orient="records")
    rows = parsed.row_numbers[index]
    columns, messages_vi, messages_en, kept = [], [], [], []
    rejected = verdict.rejected
    for record, row, column, reason, code in zip(
        records,
        rows,
        rejected["column_name"],
        rejected["reason"],
        rejected["reason_code"],
        strict=True,
    ):
        safe = {parsed.header_of(k): safe_text(v) for k, v in record.items()}
        safe = {k: v for k, v in safe.items() if v is not None}
        headers = [parsed.header_of(c.strip()) for c in column.split(", ")]
        first = reason.split("; ", 1)[0]
        vi, en = bilingual(
            code,
            item.rel,
            row=int(row),
            column=headers[0],
            value=safe.get(headers[0]),
            detail=_in_headers(first, parsed),
        )
        columns.append(", ".join(dict.fromkeys(headers)))
        messages_vi.append(vi)
        messages_en.append(en)
        kept.append(json.dumps(safe, ensure_ascii=False))
    return pd.DataFrame(
        {
            "source": spec.name,
            "table_name": spec.table,
            "file_path": item.rel,
            "row_number": rows,
            "column_name": columns,
            "reason": rejected["reason"].to_numpy(),
            "reason_code": rejected["reason_code"].astype(str).to_numpy(),
            "record": kept,
            "rejected_at": now,
            "message_vi": messages_vi,
            "message_en": messages_en,
        },
        columns=list(COLUMNS[REJECTS_TABLE]),
    )


def _in_headers(reason: str, parsed: ParsedFile) -> str:
    """``reason`` with contract column names replaced by the headers as written in the file."""
    for name in sorted(parsed.headers, key=len, reverse=True):
        if name in reason and parsed.headers[name] != name:
            reason = reason.replace(name, f"'{parsed.headers[name]}'")
    return reason


def _result(spec: Source, item: _Pending, read: int, loaded: int, rejected: int) -> FileLoadResult:
    warnings = "; ".join(item.parsed.warnings) if item.parsed is not None else ""
    return FileLoadResult(
        spec.name,
        spec.table,
        item.rel,
        item.sha,
        item.status,
        rows_read=read,
        rows_loaded=loaded,
        rows_rejected=rejected,
        error=item.error,
        period=item.unit.period,
        warnings=warnings or None,
    )


def _flush(
    con: duckdb.DuckDBPyConnection, spec: Source, batch: list[_Pending]
) -> list[FileLoadResult]:
    """Validate and write a batch of files in one transaction."""
    if not batch:
        return []
    now = _utc_now()
    unjudged = [item for item in batch if item.parsed is not None and item.verdict is None]
    verdicts = judge_batch([i.parsed for i in unjudged if i.parsed], spec.table, spec.model)
    for item, judged in zip(unjudged, verdicts, strict=True):
        if isinstance(judged, ReadError):
            item.parsed, item.error, item.code = None, str(judged), judged.code
        else:
            item.verdict = judged
    current = current_files(con, spec.name)
    columns = list(table_columns(spec.table))
    goods, rejects, ledger, results = [], [], [], []
    for item in batch:
        verdict = item.verdict
        read = loaded = rejected = 0
        if item.parsed is not None and verdict is not None:
            read, rejected = len(item.parsed.frame), len(verdict.rejected)
            loaded = read - rejected
            row_rejects = _row_rejects(spec, item, verdict, now)
            if row_rejects is not None:
                rejects.append(row_rejects)
            previous = current.kept(item.rel, item.unit)
            if loaded or previous is None:  # a delivery that loads no row replaces nothing
                item.status = "loaded"
                good = item.parsed.frame[verdict.good].copy()
                good["_source_file"] = item.rel
                good["_source_row"] = item.parsed.row_numbers[verdict.good]
                good["_loaded_at"] = now
                goods.append(good[columns])
                current.loaded(item.rel, item.unit)
            elif read:
                item.error = f"no row could be loaded ({read} read, {rejected} rejected)"
                item.code = Reason.NOTHING_LOADED
            else:
                item.error = "empty export: a header but no data row"
                item.code = Reason.EMPTY_FILE
        if item.status != "loaded":
            item.kept = current.kept(item.rel, item.unit)
            if item.kept:
                item.error = f"{item.error}; nothing replaced: {item.kept} stays loaded"
            rejects.append(_file_reject(spec, item, now))
        result = _result(spec, item, read, loaded, rejected)
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
                read,
                loaded,
                rejected,
                item.status,
                item.error,
                item.unit.period,
                item.unit.province_code,
                item.unit.version,
                item.parsed.reported_date if item.parsed is not None else None,
                None,
                result.warnings,
            ]  # fmt: skip
        )
    superseded = _write(
        con,
        spec,
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
    rows: pd.DataFrame,
    rejects: pd.DataFrame | None,
    ledger: pd.DataFrame,
    units: set[tuple[str, str | None]],
) -> dict[str, str]:
    """Append the batch's rows, rejects and ledger rows, then apply corrections: one
    transaction. Nothing is deleted here; only ``supersede`` removes the rows of a file that a
    loaded delivery replaced. Returns superseded path → superseding path."""
    con.execute("BEGIN TRANSACTION")
    try:
        _insert_frame(con, spec.table, rows)
        if rejects is not None:
            _insert_frame(con, REJECTS_TABLE, rejects)
        _insert_frame(con, LEDGER_TABLE, ledger)
        superseded = supersede(con, spec.name, spec.table, units)
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
    The tables are created first, so an empty source still yields them.
    """
    if source not in SOURCES:
        raise ValueError(f"unknown source {source!r}; expected one of {sorted(SOURCES)}")
    spec = SOURCES[source]
    landing_dir = Path(landing_dir)
    check_landing(landing_dir)
    ensure_tables(con)
    check_sample_label(con, landing_dir)
    seen, loaded_sha = ledger_state(con, source)
    results: list[FileLoadResult] = []
    batch: list[_Pending] = []
    batch_rows = 0
    # Files being read by the worker processes, in file order: the loader validates and writes
    # one batch while the next files are read (one per reading process).
    reading: deque[tuple[_Pending, bytes, Future[Read] | Read]] = deque()
    ahead = workers.count() + 1

    def settle() -> None:
        nonlocal batch, batch_rows
        item, data, pending = reading.popleft()
        if item.status != "not_read":
            read = outcome(spec.name, item.rel, data, item.unit.period, pending)
            _parse(item, read, loaded_sha)
        batch.append(item)
        batch_rows += len(item.parsed.frame) if item.parsed is not None else 0
        if batch_rows >= BATCH_ROWS or len(batch) >= BATCH_FILES:
            results.extend(_flush(con, spec, batch))
            batch, batch_rows = [], 0

    strays = dict(stray_files(landing_dir, source))
    paths = source_files(source, landing_dir, periods)
    paths += [p for p in strays if _wanted(spec, landing_dir, p, periods)]
    if len(paths) >= WARM_FROM:
        workers.warm()
    for path in paths:
        rel = path.relative_to(landing_dir).as_posix()
        data = path.read_bytes()
        sha = hashlib.sha256(data).hexdigest()
        if (rel, sha) in seen:
            results.append(FileLoadResult(spec.name, spec.table, rel, sha, "skipped"))
            continue
        mtime = dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC).replace(tzinfo=None)
        item = _Pending(rel=rel, sha=sha, size=len(data), received_at=mtime, unit=spec.unit(rel))
        if path in strays:
            item.status, item.error = "not_read", strays[path]
            item.code = Reason.UNSUPPORTED_FORMAT
            reading.append((item, b"", Read()))
        else:
            reading.append((item, data, submit(spec.name, item.rel, data, item.unit.period)))
        # A file read here is settled at once, with those before it: held, its rows would
        # add to the memory of the files still being read.
        while len(reading) > ahead or (reading and isinstance(reading[-1][2], Read)):
            settle()
    while reading:
        settle()
    results.extend(_flush(con, spec, batch))
    return results


def _wanted(
    spec: Source, landing_dir: Path, path: Path, periods: Collection[str | None] | None
) -> bool:
    return periods is None or spec.unit(path.relative_to(landing_dir).as_posix()).period in set(
        periods
    )


def _parse(item: _Pending, read: Read, loaded_sha: dict[str, str]) -> None:
    """Take what reading gave into ``item``; a file that cannot be read, or that repeats the
    bytes of a loaded file under another name, gets its error (and no rows)."""
    original = loaded_sha.get(item.sha)
    copy = bool(original) and original != item.rel
    if read.crashed is not None:
        item.error = f"unreadable file ({read.crashed})"
        return
    if read.error is not None and not copy:
        item.error, item.code = read.error
        return
    item.parsed, item.verdict = read.parsed, read.verdict
    # Same bytes as a loaded file is a second delivery, unless both are empty exports.
    if copy and (item.parsed is None or len(item.parsed.frame)):
        item.parsed, item.verdict, item.status = None, None, "duplicate"
        item.error = f"duplicate delivery: same content as {original}"
        item.code = Reason.DUPLICATE_DELIVERY
        return
    loaded_sha.setdefault(item.sha, item.rel)


def load_all(con: duckdb.DuckDBPyConnection, landing_dir: Path) -> dict[str, list[FileLoadResult]]:
    """Load all four sources; returns the per-file results by source."""
    return {source: load_source(con, source, landing_dir) for source in SOURCES}
