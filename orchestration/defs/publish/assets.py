"""The publish asset: a new immutable release when the public marts changed."""

import dagster as dg
import duckdb
import pandas as pd

from ingestion.landing import warehouse_is_sample
from ingestion.sample import SAMPLE_MARKER
from orchestration import settings
from orchestration.defs.dbt.project import dbt_project
from publish.release import current_release, publish_release
from schemas.registry_files import load_registry

PUBLIC_MODELS = [
    "pub_indicator_values",
    "pub_indicators",
    "pub_targets",
    "pub_milestones",
    "pub_data_coverage",
]


def _is_sample() -> bool:
    """The label recorded with the loaded data (ingestion refuses a flip of it), else the
    landing folder's marker."""
    with duckdb.connect(str(settings.warehouse_path()), read_only=True) as con:
        try:
            recorded = warehouse_is_sample(con)
        except duckdb.CatalogException:  # a warehouse loaded before the label was recorded
            recorded = None
    return (settings.landing_dir() / SAMPLE_MARKER).exists() if recorded is None else recorded


@dg.asset(
    key="release",
    group_name="publish",
    deps=[dg.AssetKey(model) for model in PUBLIC_MODELS],
    description="The dated release folder the site reads (data/publish/current).",
)
def release(context: dg.AssetExecutionContext) -> dg.MaterializeResult:
    result = publish_release(
        settings.warehouse_path(),
        settings.publish_dir(),
        is_sample=_is_sample(),
        repo_root=settings.REPO_ROOT,
        dbt_manifest_path=dbt_project.manifest_path,
    )
    verb = "Wrote" if result.is_new else "Unchanged, kept"
    context.log.info(f"{verb} release {result.release_id} at {result.path}")
    audit = result.disclosure or {}
    if audit:
        context.log.info(
            "Disclosure audit passed: {cells} cells of protected indicators, {primary_suppressed}"
            " primary, {secondary_suppressed} secondary and {nested_suppressed} nested"
            " suppressions, {relations} relations,"
            " {linear_programmes} linear programmes, {seconds} s".format(**audit)
        )
    return dg.MaterializeResult(
        metadata={
            "release_id": result.release_id,
            "path": dg.MetadataValue.path(str(result.path)),
            "is_new": result.is_new,
            **{
                f"disclosure_{key}": audit[key]
                for key in (
                    "primary_suppressed",
                    "secondary_suppressed",
                    "nested_suppressed",
                    "relations",
                    "seconds",
                )
                if key in audit
            },
        }
    )


@dg.asset_check(asset=release, description="The release names exactly the registry's indicators.")
def release_matches_registry() -> dg.AssetCheckResult:
    path = current_release(settings.publish_dir())
    registry_codes = {i.code for i in load_registry().indicators}
    published = set(pd.read_csv(path / "indicators.csv")["indicator_code"]) if path else set()
    valued = (
        set(pd.read_parquet(path / "indicator_values.parquet")["indicator_code"]) if path else set()
    )
    return dg.AssetCheckResult(
        passed=registry_codes == published == valued,
        metadata={
            "missing_from_release": sorted(registry_codes - valued),
            "not_in_registry": sorted((published | valued) - registry_codes),
        },
    )
