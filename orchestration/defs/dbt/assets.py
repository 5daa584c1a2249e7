"""Every dbt model, seed and test as Dagster assets and asset checks."""

from collections.abc import Mapping
from typing import Any

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DbtCliResource, dbt_assets

from orchestration.defs.dbt.project import dbt_project
from orchestration.settings import export_for_dbt


class FolderGroupTranslator(DagsterDbtTranslator):
    """Models are keyed by name and grouped by folder (staging, intermediate, marts); sources
    keep the default key [source_name, table_name], the key of the ingestion asset loading it."""

    def get_asset_key(self, dbt_resource_props: Mapping[str, Any]) -> dg.AssetKey:
        if dbt_resource_props["resource_type"] == "source":
            return super().get_asset_key(dbt_resource_props)
        return dg.AssetKey(dbt_resource_props["name"])  # model and seed names are unique

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        if dbt_resource_props["resource_type"] == "seed":
            return "reference"
        fqn = dbt_resource_props.get("fqn", [])
        return fqn[1] if len(fqn) > 2 else "dbt"


@dbt_assets(manifest=dbt_project.manifest_path, dagster_dbt_translator=FolderGroupTranslator())
def warehouse_dbt_assets(context: dg.AssetExecutionContext, dbt: DbtCliResource):
    export_for_dbt()
    # unit tests check the SQL, not the data: they run once per test suite
    # (tests/pipeline/test_dbt_unit_tests.py), not in every build (dbt's advice for production)
    yield from dbt.cli(["build", "--exclude-resource-type", "unit_test"], context=context).stream()
