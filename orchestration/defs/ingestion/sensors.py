"""A sensor on the landing folder: runs for the partitions whose files are new or changed.

Each tick lists the landing files of every source, hashes the ones whose size or mtime changed
since the last tick (the cursor keeps the hashes), and compares (path, sha256) with the ledger.
A partition with any file not in the ledger gets one run request; the run key carries the files'
hashes, so the same change is requested once, and a later change again.
"""

import hashlib
import json
from collections import defaultdict
from pathlib import Path

import dagster as dg
import duckdb as duckdb_module
from dagster_duckdb import DuckDBResource

from ingestion.landing import check_landing, stray_files
from ingestion.load import source_files
from ingestion.sources import SOURCES
from ingestion.tables import LEDGER_TABLE
from orchestration import settings
from orchestration.defs.ingestion.jobs import JOB_FOR_CADENCE
from orchestration.defs.ingestion.partitioned import raw_asset_key
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


def run_requests(pending: dict[str, dict[str, list[str]]]) -> list[dg.RunRequest]:
    """One run per (job, partition) for the assets with pending files."""
    grouped: dict[tuple[str, str], dict[str, list[str]]] = defaultdict(dict)
    for source, parts in pending.items():
        job = JOB_FOR_CADENCE[SOURCES[source].cadence]
        for key, shas in parts.items():
            grouped[(job.name, key)][source] = shas
    requests = []
    for (job_name, key), sources in sorted(grouped.items()):
        digest = hashlib.sha256(json.dumps(sorted(sources.items())).encode()).hexdigest()[:16]
        requests.append(
            dg.RunRequest(
                run_key=f"{job_name}:{key}:{digest}",
                job_name=job_name,
                partition_key=key,
                asset_selection=[raw_asset_key(s) for s in sorted(sources)],
                tags={"landing_sources": ",".join(sorted(sources))},
            )
        )
    return requests


@dg.sensor(
    name="landing_folder_sensor",
    jobs=list(JOB_FOR_CADENCE.values()),
    minimum_interval_seconds=60,
    description="Requests a run for each month / quarter whose landing files are new or "
    "changed (sha256 not in raw_ingestion__ledger).",
)
def landing_folder_sensor(
    context: dg.SensorEvaluationContext, duckdb: DuckDBResource
) -> dg.SensorResult | dg.SkipReason:
    known = ledger_files(duckdb.database)
    if known is None:
        return dg.SkipReason("the warehouse is busy (a run is writing); next tick")
    cache: Cache = json.loads(context.cursor) if context.cursor else {}
    pending = pending_partitions(settings.landing_dir(), known, cache)
    requests = run_requests(pending)
    cursor = json.dumps(cache, sort_keys=True)
    if not requests:
        return dg.SensorResult(skip_reason="no new or changed landing files", cursor=cursor)
    return dg.SensorResult(run_requests=requests, cursor=cursor)
