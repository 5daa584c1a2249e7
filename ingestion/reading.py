"""Reading one landing file: its rows in the raw table's contract columns, the reason it cannot
be read, or (for a big file) its rows already judged.

``read_file`` runs in a reading process of ``ingestion.workers`` or in the loader's own;
``submit`` chooses where, ``outcome`` waits for the answer. Only the loader (``ingestion.load``)
writes what was read.
"""

from __future__ import annotations

from concurrent.futures import Future
from dataclasses import dataclass

from ingestion import workers
from ingestion.readers.parsed import ParsedFile, ReadError
from ingestion.reasons import Reason
from ingestion.sources import SOURCES, Source
from ingestion.validation import Verdict, judge_batch, period_issues

READ_HERE_FROM = 16 * 2**20
"""A file of this many bytes or more is read in the loader's own process: sending its rows back
from a reading process costs about what reading them does, and two reading processes each
holding ten times such a file's size took the scale-10 load past 3 GiB (measured: 8 months of
scale-10 contacts, 2.9 M rows, 25.1 s and 1.9 GiB in process; 22.6 s and 3.1 GiB with two
reading processes)."""
JUDGED_ALONE = 5_000
"""A file of at least this many rows is validated on its own, by the process that reads it."""


@dataclass(frozen=True)
class Read:
    """What reading one file gave: its rows, the reason it cannot be read, or the kind of
    exception a reader raised (its text may quote a cell, so only the kind is kept)."""

    parsed: ParsedFile | None = None
    verdict: Verdict | None = None
    error: tuple[str, Reason] | None = None
    crashed: str | None = None


def _parsed(spec: Source, rel: str, data: bytes, period: str | None) -> ParsedFile:
    if not spec.file_name.match(rel):
        raise ReadError(
            f"file name does not follow the contract ({spec.file_name.pattern})",
            Reason.BAD_FILE_NAME,
        )
    parsed = spec.read(data, rel)
    period_issues(parsed, spec.table, period)
    return parsed


def read_file(source: str, rel: str, data: bytes, period: str | None) -> Read:
    """Read one file (in a reading process, or in this one); judge its rows too when it is big
    enough to be worth a validation of its own (small ones are judged together, by batch)."""
    try:
        return _read_and_judge(SOURCES[source], rel, data, period)
    finally:
        workers.give_back_memory()


def _read_and_judge(spec: Source, rel: str, data: bytes, period: str | None) -> Read:
    try:
        parsed = _parsed(spec, rel, data, period)
        if len(parsed.frame) < JUDGED_ALONE:
            return Read(parsed=parsed)
        verdict = judge_batch([parsed], spec.table, spec.model)[0]
        assert isinstance(verdict, Verdict)  # a batch of one raises its ReadError
        return Read(parsed=parsed, verdict=verdict)
    except ReadError as exc:
        return Read(error=(str(exc), exc.code))
    except Exception as exc:  # noqa: BLE001 - one unreadable file must not stop the run
        return Read(crashed=type(exc).__name__)


def submit(source: str, rel: str, data: bytes, period: str | None) -> Future[Read] | Read:
    """Send the file to a reading process, or read it here (no pool yet, or a big file)."""
    pool = workers.pool()
    if pool is None or len(data) >= READ_HERE_FROM:
        return read_file(source, rel, data, period)
    return pool.submit(read_file, source, rel, data, period)


def outcome(
    source: str, rel: str, data: bytes, period: str | None, pending: Future[Read] | Read
) -> Read:
    """What ``submit`` gave, once read; a file whose reading process died is read here."""
    if isinstance(pending, Read):
        return pending
    try:
        return workers.result(pending)
    except Exception:  # noqa: BLE001 - a reading process died, or its answer did not come back
        return read_file(source, rel, data, period)
