"""The one Dagster Definitions: raw tables, registry, dbt models (tests as checks), publish."""

import dagster as dg
from dagster_duckdb import DuckDBResource

from orchestration import settings
from orchestration.defs import ingestion as ingestion_defs
from orchestration.defs.dbt.assets import warehouse_dbt_assets
from orchestration.defs.dbt.project import dbt_project
from orchestration.defs.dbt.resource import WarehouseDbtResource
from orchestration.defs.publish.assets import release, release_matches_registry
from orchestration.defs.registry.assets import registry_tables_asset

# Raw assets are partitioned (months, quarters, school years) and load through their own jobs;
# "everything" builds the rest once they are loaded.
everything = dg.define_asset_job("everything", selection=ingestion_defs.UNPARTITIONED_SELECTION)

defs = dg.Definitions.merge(
    # Imported as a module attribute: Dagster's loader allows one Definitions at module scope.
    ingestion_defs.ingestion_definitions,
    dg.Definitions(
        assets=[registry_tables_asset, warehouse_dbt_assets, release],
        asset_checks=[release_matches_registry],
        jobs=[everything],
        resources={
            "duckdb": DuckDBResource(
                database=str(settings.warehouse_path()),
                connection_config={"memory_limit": settings.duckdb_memory_limit()},
            ),
            "dbt": WarehouseDbtResource(
                project_dir=dbt_project, dbt_executable=settings.dbt_executable()
            ),
        },
        # DuckDB has one writer: run steps one after another in one process.
        executor=dg.in_process_executor,
    ),
)
