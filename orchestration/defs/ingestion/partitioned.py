"""Partitioned raw-table assets: one month (hotline, portal) or quarter (training) per partition.

A run of one partition loads only that period's landing files; a file that changed replaces only
its own rows, and a later version of a month / province-quarter supersedes the earlier one. A
range of partitions runs as one run (single-run backfill policy), which is how ``make run``
loads everything. The asset keys are [dbt source name, table name], the keys dagster-dbt gives
the dbt sources, so ingestion and dbt form one lineage graph.
"""

import dagster as dg
from dagster_duckdb import DuckDBResource

from ingestion.load import RAW_TABLES, FileLoadResult, load_source
from ingestion.sources import SOURCES
from ingestion.tables import LEDGER_TABLE
from orchestration import settings
from orchestration.defs.ingestion.partitions import key_to_period, partitions_for

DBT_SOURCE = {name: source.dbt_source for name, source in SOURCES.items()}
"""ingestion source → dbt source name (the asset key prefix)."""


def raw_asset_key(source: str) -> dg.AssetKey:
    """The asset key of ``source``'s raw table."""
    return dg.AssetKey([DBT_SOURCE[source], RAW_TABLES[source]])


def _loaded_whole(result: FileLoadResult) -> bool:
    """Loaded with no rejected row, no warning and not superseded in the same load."""
    return (
        result.status == "loaded"
        and not result.rows_rejected
        and result.warnings is None
        and result.superseded_by is None
    )


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
        # One log event per file is a row in Dagster's event log each (seconds for the ~1,100
        # provincial reports of a source): files loaded whole share one line; every file has
        # its row in the ledger table.
        whole = [r for r in new_files if _loaded_whole(r)]
        if whole:
            context.log.info(
                f"{len(whole)} file(s) loaded with no row rejected: "
                f"{sum(r.rows_loaded for r in whole)} rows (each in {LEDGER_TABLE})"
            )
        for result in new_files:
            if _loaded_whole(result):
                continue
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
