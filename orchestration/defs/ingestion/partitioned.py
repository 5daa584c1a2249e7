"""Partitioned raw-table assets: one month (hotline, portal) or quarter (training) per partition.

A run of one partition loads only that period's landing files; a file that changed replaces only
its own rows, and a later version of a month / province-quarter supersedes the earlier one. A
range of partitions runs as one run (single-run backfill policy), which is how ``make run``
loads everything. The asset keys are [dbt source name, table name], the keys dagster-dbt gives
the dbt sources, so ingestion and dbt form one lineage graph.
"""

import dagster as dg
from dagster_duckdb import DuckDBResource

from ingestion.load import RAW_TABLES, load_source
from ingestion.sources import SOURCES
from orchestration import settings
from orchestration.defs.ingestion.partitions import key_to_period, partitions_for

DBT_SOURCE = {
    "hotline_contacts": "hotline",
    "hotline_cases": "hotline",
    "training_events": "training",
    "portal_traffic": "portal",
    "portal_platforms": "portal",
    "portal_opinions": "portal",
    "schools_register": "schools",
    "violations_subjects": "violations",
    "plan_completions": "plan",
}
"""ingestion source → dbt source name (the asset key prefix)."""


def raw_asset_key(source: str) -> dg.AssetKey:
    """The asset key of ``source``'s raw table."""
    return dg.AssetKey([DBT_SOURCE[source], RAW_TABLES[source]])


def build_raw_asset(source: str) -> dg.AssetsDefinition:
    """The partitioned asset loading ``source``'s landing files of the run's partition(s)."""
    table = RAW_TABLES[source]
    unit = {"quarterly": "quarter", "school_year": "school year"}.get(
        SOURCES[source].cadence, "month"
    )

    @dg.asset(
        key=raw_asset_key(source),
        group_name="raw",
        partitions_def=partitions_for(source),
        backfill_policy=dg.BackfillPolicy.single_run(),
        description=(
            f"{table}: the landing files of {source}, one {unit} per partition, validated; bad "
            "rows go to raw_ingestion__rejects, every file to raw_ingestion__ledger."
        ),
    )
    def _raw_table(
        context: dg.AssetExecutionContext, duckdb: DuckDBResource
    ) -> dg.MaterializeResult:
        periods = sorted({key_to_period(k) for k in context.partition_keys})
        with duckdb.get_connection() as con:
            results = load_source(con, source, settings.landing_dir(), periods)
            total = con.execute(f'SELECT count(*) FROM main."{table}"').fetchone()[0]
        new_files = [r for r in results if r.status != "skipped"]
        for result in new_files:
            context.log.info(
                f"{result.file_path}: {result.status}, read {result.rows_read}, loaded "
                f"{result.rows_loaded}, rejected {result.rows_rejected}"
                + (f" ({result.error})" if result.error else "")
                + (f"; superseded by {result.superseded_by}" if result.superseded_by else "")
                + (f"; warning: {result.warnings}" if result.warnings else "")
            )
        return dg.MaterializeResult(
            metadata={
                "periods": len(periods),
                "files_loaded_now": sum(r.status == "loaded" for r in new_files),
                "files_failed_now": sum(r.status == "failed" for r in new_files),
                "files_duplicate_now": sum(r.status == "duplicate" for r in new_files),
                "files_not_read_now": sum(r.status == "not_read" for r in new_files),
                "files_with_warnings_now": sum(r.warnings is not None for r in new_files),
                "files_superseded_now": sum(r.superseded_by is not None for r in results),
                "files_unchanged": len(results) - len(new_files),
                "rows_loaded_now": sum(r.rows_loaded for r in new_files),
                "rows_rejected_now": sum(r.rows_rejected for r in new_files),
                "table_rows": total,
            }
        )

    return _raw_table


RAW_ASSETS = [build_raw_asset(source) for source in DBT_SOURCE]
RAW_KEYS = [raw_asset_key(s) for s in DBT_SOURCE]
RAW_SELECTION = dg.AssetSelection.assets(*RAW_KEYS)
"""The partitioned raw assets (exclude them from any unpartitioned job)."""
