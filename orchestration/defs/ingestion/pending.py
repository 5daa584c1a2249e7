"""Which landing files are new or changed: (path, sha256) not yet in the ledger, by partition.

The landing sensor requests a run for each partition it finds; ``load_all_partitions`` (``make
run``) runs only the assets and partitions with such files, so a run with nothing new records
nothing in Dagster (a no-op ingestion used to store ~900 events for the test sample alone).
"""

import hashlib
from collections import defaultdict
from pathlib import Path

import duckdb as duckdb_module

from ingestion.landing import check_landing, stray_files
from ingestion.load import source_files
from ingestion.sources import SOURCES
from ingestion.tables import LEDGER_TABLE
from orchestration.defs.ingestion.partitions import period_to_key

Cache = dict[str, list]
"""Cursor: relative path → [size, mtime_ns, sha256]."""


def _sha(path: Path, cache: Cache, rel: str) -> str:
    stat = path.stat()
    known = cache.get(rel)
    if known and known[0] == stat.st_size and known[1] == stat.st_mtime_ns:
        return known[2]
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    cache[rel] = [stat.st_size, stat.st_mtime_ns, sha]
    return sha


def ledger_files(database: str) -> set[tuple[str, str]] | None:
    """(path, sha256) of every ledger row; an empty set before the first load, None when the
    warehouse is busy (a run holds the write lock)."""
    if database != ":memory:" and not Path(database).exists():
        return set()
    try:
        con = duckdb_module.connect(database, read_only=True)
    except duckdb_module.Error:
        return None
    try:
        exists = con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [LEDGER_TABLE]
        ).fetchall()[0][0]
        if not exists:
            return set()
        return {
            (p, s)
            for p, s in con.execute(f'SELECT file_path, sha256 FROM "{LEDGER_TABLE}"').fetchall()
        }
    finally:
        con.close()


def pending_partitions(
    landing_dir: Path, known: set[tuple[str, str]], cache: Cache
) -> dict[str, dict[str, list[str]]]:
    """source → partition key → sha256 of its files not yet in the ledger (new or changed).

    Files whose name carries no period belong to no partition and are left out; files no
    source reads (``.xls``, other names) count too, so that their ``not_read`` ledger row is
    written. A missing or unreadable landing folder raises ``LandingError`` (a failed tick)."""
    out: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    landing_dir = Path(landing_dir)
    check_landing(landing_dir)
    seen: set[str] = set()
    for source, spec in SOURCES.items():
        strays = [path for path, _ in stray_files(landing_dir, source)]
        for path in [*source_files(source, landing_dir), *strays]:
            rel = path.relative_to(landing_dir).as_posix()
            seen.add(rel)
            period = spec.unit(rel).period
            sha = _sha(path, cache, rel)
            if period is not None and (rel, sha) not in known:
                out[source][period_to_key(period)].append(sha)
    for gone in set(cache) - seen:
        del cache[gone]
    return {s: dict(parts) for s, parts in out.items()}
