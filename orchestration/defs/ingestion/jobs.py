"""Ingestion jobs (one per partitioning) and the one call that loads every partition."""

import dagster as dg

from ingestion.periods import month_quarter, school_years
from ingestion.sources import SOURCES
from orchestration.defs.ingestion.partitioned import DBT_SOURCE, raw_asset_key
from orchestration.defs.ingestion.partitions import (
    BY_CADENCE,
    MONTHLY,
    QUARTERLY,
    SCHOOL_YEARS,
    period_to_key,
)

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


def _key_range(cadence: str, window: tuple[str, str] | None) -> tuple[str, str]:
    if window is None:
        keys = BY_CADENCE[cadence].get_partition_keys()
        return keys[0], keys[-1]
    first, last = window
    if cadence == "monthly":
        return period_to_key(first), period_to_key(last)
    if cadence == "quarterly":
        return month_quarter(first), month_quarter(last)
    years = school_years(first, last)
    return years[0], years[-1]


def load_all_partitions(
    defs: dg.Definitions,
    instance: dg.DagsterInstance | None = None,
    window: tuple[str, str] | None = None,
) -> list[str]:
    """Load every partition of every raw table: one in-process run per ingestion job over its
    partition range (or the months ``window`` = (``YYYY-MM``, ``YYYY-MM``) and their quarters).
    Returns the run ids; a no-op (empty list) when ``defs`` lacks the ingestion jobs."""
    run_ids: list[str] = []
    present = {job.name for job in defs.jobs or []}
    for cadence, job_def in JOB_FOR_CADENCE.items():
        job_name = job_def.name
        if job_name not in present:
            continue
        job = defs.resolve_job_def(job_name)
        first, last = _key_range(cadence, window)
        result = job.execute_in_process(
            instance=instance, tags={_RANGE_START: first, _RANGE_END: last}
        )
        if not result.success:
            raise RuntimeError(f"ingestion job {job_name} failed (run {result.run_id})")
        run_ids.append(result.run_id)
    return run_ids
