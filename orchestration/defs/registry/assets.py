"""The indicator registry (schemas/indicators, schemas/programmes) loaded as raw tables."""

import dagster as dg
import pandas as pd
from dagster_duckdb import DuckDBResource

from schemas.registry_files import load_registry
from schemas.registry_tables import registry_tables


@dg.multi_asset(
    specs=[
        dg.AssetSpec(["registry", table], group_name="registry", description=description)
        for table, description in (
            ("raw_registry__indicators", "One row per indicator YAML file."),
            ("raw_registry__targets", "One row per programme target."),
            ("raw_registry__milestones", "One row per dated plan deliverable."),
            ("raw_registry__programmes", "One row per programme (adopted or draft)."),
            ("raw_registry__activities", "One row per activity of a programme's plan."),
        )
    ]
)
def registry_tables_asset(duckdb: DuckDBResource):
    """Validate every registry file (a bad file fails here, naming the file) and load it."""
    tables = registry_tables(load_registry())
    with duckdb.get_connection() as con:
        for table, rows in tables.items():
            con.register("registry_rows", pd.DataFrame(rows))
            con.execute(f"create or replace table main.{table} as select * from registry_rows")
            con.unregister("registry_rows")
            yield dg.MaterializeResult(asset_key=["registry", table], metadata={"rows": len(rows)})
