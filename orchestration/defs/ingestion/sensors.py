"""A sensor on the landing folder: runs for the partitions whose files are new or changed.

Each tick lists the landing files of every source, hashes the ones whose size or mtime changed
since the last tick (the cursor keeps the hashes), and compares (path, sha256) with the ledger.
A partition with any file not in the ledger gets one run request; the run key carries the files'
hashes, so the same change is requested once, and a later change again.
"""

import hashlib
import json
from collections import defaultdict

import dagster as dg
from dagster_duckdb import DuckDBResource

from ingestion.sources import SOURCES
from orchestration import settings
from orchestration.defs.ingestion.jobs import JOB_FOR_CADENCE
from orchestration.defs.ingestion.partitioned import raw_asset_key
from orchestration.defs.ingestion.pending import Cache, ledger_files, pending_partitions


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
