"""Ingestion jobs (one per partitioning) and the one call that loads every new landing file."""

import dagster as dg

from ingestion.periods import month_quarter, school_years
from ingestion.sources import SOURCES
from orchestration import settings
from orchestration.defs.ingestion.partitioned import DBT_SOURCE, raw_asset_key
from orchestration.defs.ingestion.partitions import (
    BY_CADENCE,
    MONTHLY,
    QUARTERLY,
    SCHOOL_YEARS,
    period_to_key,
)
from orchestration.defs.ingestion.pending import ledger_files, pending_partitions

_RANGE_START = "dagster/asset_partition_range_start"
_RANGE_END = "dagster/asset_partition_range_end"


def _selection(cadence: str) -> dg.AssetSelection:
    keys = [raw_asset_key(s) for s in DBT_SOURCE if SOURCES[s].cadence == cadence]
    return dg.AssetSelection.assets(*keys)


ingest_monthly = dg.define_asset_job(
    "ingest_monthly",
    selection=_selection("monthly"),
    partitions_def=MONTHLY,
    description="Load the hotline and portal exports of the selected month(s).",
)
ingest_quarterly = dg.define_asset_job(
    "ingest_quarterly",
    selection=_selection("quarterly"),
    partitions_def=QUARTERLY,
    description="Load the provinces' training reports of the selected quarter(s).",
)
ingest_school_years = dg.define_asset_job(
    "ingest_school_years",
    selection=_selection("school_year"),
    partitions_def=SCHOOL_YEARS,
    description="Load the register of schools and facilities of the selected school year(s).",
)
JOB_FOR_CADENCE = {
    "monthly": ingest_monthly,
    "quarterly": ingest_quarterly,
    "school_year": ingest_school_years,
}

INGESTION_JOB_NAMES = ("ingest_monthly", "ingest_quarterly", "ingest_school_years")


def _window_keys(cadence: str, window: tuple[str, str] | None) -> list[str]:
    """The partition keys of ``cadence`` inside ``window`` (all of them when None)."""
    keys = BY_CADENCE[cadence].get_partition_keys()
    if window is None:
        return keys
    first, last = window
    if cadence == "monthly":
        low, high = period_to_key(first), period_to_key(last)
    elif cadence == "quarterly":
        low, high = month_quarter(first), month_quarter(last)
    else:
        years = school_years(first, last)
        low, high = years[0], years[-1]
    return keys[keys.index(low) : keys.index(high) + 1]


def load_all_partitions(
    defs: dg.Definitions,
    instance: dg.DagsterInstance | None = None,
    window: tuple[str, str] | None = None,
) -> list[str]:
    """Load every new or changed landing file (of the months ``window`` = (``YYYY-MM``,
    ``YYYY-MM``) and their quarters, when given): one in-process run per ingestion job, over the
    assets with such files and the partition range that covers them. Nothing new, no run: a
    run records a materialization per asset and partition in Dagster's event log, which cost a
    rerun of the test sample 27 s before anything was read. Returns the run ids (empty when
    nothing was new, or when ``defs`` lacks the ingestion jobs)."""
    present = {job.name for job in defs.jobs or []}
    database = defs.resources["duckdb"].database
    known = ledger_files(database)
    if known is None:
        raise RuntimeError(f"the warehouse {database} is locked by another process; try again")
    pending = pending_partitions(settings.landing_dir(), known, {})
    run_ids: list[str] = []
    for cadence, job_def in JOB_FOR_CADENCE.items():
        if job_def.name not in present:
            continue
        position = {key: i for i, key in enumerate(_window_keys(cadence, window))}
        wanted = {
            source: keys
            for source, parts in pending.items()
            if SOURCES[source].cadence == cadence
            and (keys := [key for key in parts if key in position])
        }
        if not wanted:
            continue
        touched = sorted(
            {key for parts in wanted.values() for key in parts}, key=position.__getitem__
        )
        result = defs.resolve_job_def(job_def.name).execute_in_process(
            instance=instance,
            asset_selection=[raw_asset_key(source) for source in sorted(wanted)],
            tags={_RANGE_START: touched[0], _RANGE_END: touched[-1]},
        )
        if not result.success:
            raise RuntimeError(f"ingestion job {job_def.name} failed (run {result.run_id})")
        run_ids.append(result.run_id)
    return run_ids
