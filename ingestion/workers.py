"""Worker processes that read landing files while the loader validates and writes.

Reading a file (decoding, CSV or XLSX parsing, normalising labels, dates and provinces) is
CPU-bound Python: a thread would hold the GIL. DuckDB has one writer, so the loader stays one
process; only the reading moves to a small process pool, and the loader keeps the results in
file order. The pool's processes are forked from a fresh forkserver (not from the loader,
which runs beside Dagster's and DuckDB's threads), with the readers imported once. Starting that
server takes about two seconds (importing pandas and pandera): it starts in the background
(``warm``), and the loader reads files itself until it is up, so a load of one corrected file
never waits for it.

``COP_INGEST_WORKERS`` sets the number of reading processes (default: the machine's cores);
``0`` reads every file in the loader's own process.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import threading
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

_pool: ProcessPoolExecutor | None = None
_warming: threading.Thread | None = None


def count() -> int:
    """How many reading processes to use (0: read in the loader's process)."""
    value = os.environ.get("COP_INGEST_WORKERS", "").strip()
    if not value:
        return os.cpu_count() or 1
    try:
        return max(0, int(value))
    except ValueError as exc:
        raise ValueError(f"COP_INGEST_WORKERS must be a whole number, not {value!r}") from exc


def warm() -> None:
    """Start the pool in the background (once): its server imports the readers, then the
    first reading process is forked and answers."""
    global _warming
    if count() == 0 or _warming is not None:
        return
    _warming = threading.Thread(target=_start, name="reading-pool", daemon=True)
    _warming.start()


def _start() -> None:
    global _pool
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["ingestion.reading"])
    started = ProcessPoolExecutor(max_workers=count(), mp_context=context)
    started.submit(int).result()  # the server is up and a reading process answers
    _pool = started


def pool(wait: bool = False) -> Executor | None:
    """The shared pool once it answers; None before (or when files are read in process).
    ``wait``: start it if need be and wait for it."""
    if count() == 0:
        return None
    if wait:
        warm()
    if _warming is None:
        return None
    if wait:
        _warming.join()
    elif _warming.is_alive():
        return None
    return _pool


def discard() -> None:
    """Forget a pool that broke (a reading process died); the next ``warm()`` starts another."""
    global _pool, _warming
    if _warming is not None:
        _warming.join()
    if _pool is not None:
        _pool.shutdown(wait=False, cancel_futures=True)
    _pool, _warming = None, None


def result(future: Future[Any]) -> Any:
    """The future's result, or ``BrokenProcessPool`` (after discarding the pool) if it died."""
    try:
        return future.result()
    except BrokenProcessPool:
        discard()
        raise


def give_back_memory() -> None:
    """In a reading process, return the memory its last file freed to the system: glibc keeps
    freed blocks for reuse, so an idle reading process would otherwise hold the peak of the
    biggest file it read (``malloc_trim``; nothing elsewhere, or off glibc)."""
    if multiprocessing.parent_process() is None:
        return
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)
