"""Ingestion in Dagster: partitioned raw-table assets, their checks, jobs and the landing sensor.

``ingestion_definitions`` is what ``orchestration/definitions.py`` merges (it brings no
resources: the assets and the sensor need a ``duckdb`` DuckDBResource). ``RAW_SELECTION`` is the
set of partitioned raw assets, to leave out of unpartitioned jobs; ``load_all_partitions(defs)``
loads every new or changed landing file, one in-process run per cadence (``make run``).
"""

from __future__ import annotations

import dagster as dg

from orchestration.defs.ingestion.checks import RAW_CHECKS
from orchestration.defs.ingestion.jobs import (
    INGESTION_JOB_NAMES,
    JOB_FOR_CADENCE,
    load_all_partitions,
)
from orchestration.defs.ingestion.partitioned import (
    RAW_ASSETS,
    RAW_SELECTION,
    raw_asset_key,
)
from orchestration.defs.ingestion.sensors import landing_folder_sensor

UNPARTITIONED_SELECTION = dg.AssetSelection.all() - RAW_SELECTION
"""Everything a run without a partition can execute: all assets but the partitioned raw ones
(and their checks)."""

ingestion_definitions = dg.Definitions(
    assets=RAW_ASSETS,
    asset_checks=RAW_CHECKS,
    jobs=list(JOB_FOR_CADENCE.values()),
    sensors=[landing_folder_sensor],
)

__all__ = [
    "INGESTION_JOB_NAMES",
    "RAW_SELECTION",
    "UNPARTITIONED_SELECTION",
    "ingestion_definitions",
    "load_all_partitions",
    "raw_asset_key",
]
