"""One asset per raw table: load the landing files of one source into DuckDB.

The asset keys are [dbt source name, table name], the keys dagster-dbt gives the dbt sources,
so ingestion and dbt form one lineage graph. The work itself is in ingestion/.
"""

from pathlib import Path

import dagster as dg
from dagster_duckdb import DuckDBResource

from ingestion.load import RAW_TABLES, ensure_tables, load_source
from orchestration import settings

# ingestion source -> dbt source name (the asset key prefix)
DBT_SOURCE = {
    "hotline_contacts": "hotline",
    "hotline_cases": "hotline",
    "training_events": "training",
    "portal_traffic": "portal",
}


def raw_asset_key(source: str) -> dg.AssetKey:
    return dg.AssetKey([DBT_SOURCE[source], RAW_TABLES[source]])


def _build_raw_asset(source: str) -> dg.AssetsDefinition:
    table = RAW_TABLES[source]

    @dg.asset(
        key=raw_asset_key(source),
        group_name="raw",
        description=f"{table}: landing files of {source}, validated; bad rows go to rejects.",
    )
    def _raw_table(context: dg.AssetExecutionContext, duckdb: DuckDBResource):
        landing: Path = settings.landing_dir()
        with duckdb.get_connection() as con:
            ensure_tables(con)
            results = load_source(con, source, landing)
            total = con.execute(f"select count(*) from main.{table}").fetchone()[0]
        new_files = [r for r in results if r.status != "skipped"]
        for result in new_files:
            context.log.info(
                f"{result.file_path}: read {result.rows_read}, loaded {result.rows_loaded}, "
                f"rejected {result.rows_rejected}" + (f" ({result.error})" if result.error else "")
            )
        return dg.MaterializeResult(
            metadata={
                "files_loaded_now": len(new_files),
                "files_unchanged": len(results) - len(new_files),
                "rows_loaded_now": sum(r.rows_loaded for r in new_files),
                "rows_rejected_now": sum(r.rows_rejected for r in new_files),
                "table_rows": total,
            }
        )

    @dg.asset_check(
        asset=raw_asset_key(source),
        name="ledger_balances",
        description="For every file: rows read = rows loaded + rows rejected.",
    )
    def _ledger_balances(duckdb: DuckDBResource) -> dg.AssetCheckResult:
        with duckdb.get_connection() as con:
            ensure_tables(con)
            unbalanced = con.execute(
                "select file_path from main.raw_ingestion__ledger "
                "where table_name = ? and status = 'loaded' "
                "and rows_read <> rows_loaded + rows_rejected",
                [table],
            ).fetchall()
        return dg.AssetCheckResult(
            passed=not unbalanced, metadata={"unbalanced_files": [r[0] for r in unbalanced]}
        )

    return dg.Definitions(assets=[_raw_table], asset_checks=[_ledger_balances])


raw_definitions = [_build_raw_asset(source) for source in DBT_SOURCE]
