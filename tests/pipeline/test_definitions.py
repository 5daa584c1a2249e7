"""The Dagster definitions load, and ingestion and dbt form one lineage graph."""

import dagster as dg


def test_definitions_hold_raw_dbt_and_publish_assets(pipeline_run):
    from orchestration.definitions import defs

    specs = {spec.key: spec for spec in defs.resolve_all_asset_specs()}
    keys = {key.to_user_string() for key in specs}
    assert {
        "hotline/raw_hotline__contacts",
        "hotline/raw_hotline__cases",
        "training/raw_training__events",
        "portal/raw_portal__traffic",
        "registry/raw_registry__indicators",
        "registry/raw_registry__targets",
        "stg_hotline__contacts",
        "fct_indicator_values",
        "pub_indicator_values",
        "release",
    } <= keys
    # The dbt staging model depends on the very asset that ingestion materialises.
    staging_deps = {dep.asset_key for dep in specs[dg.AssetKey("stg_hotline__contacts")].deps}
    assert dg.AssetKey(["hotline", "raw_hotline__contacts"]) in staging_deps
    release_deps = {dep.asset_key for dep in specs[dg.AssetKey("release")].deps}
    assert dg.AssetKey("pub_indicator_values") in release_deps
    assert defs.resolve_job_def("everything") is not None


def test_the_run_materialised_everything_and_passed_its_checks(pipeline_run):
    instance = dg.DagsterInstance.get()
    run = instance.get_run_by_id(pipeline_run.run_id)
    assert run.status == dg.DagsterRunStatus.SUCCESS
    planned = instance.get_records_for_run(
        pipeline_run.run_id, of_type=dg.DagsterEventType.ASSET_MATERIALIZATION
    ).records
    materialised = {r.event_log_entry.dagster_event.asset_key.to_user_string() for r in planned}
    assert {"pub_indicator_values", "fct_indicator_values", "release"} <= materialised
    # The raw tables load in their own partitioned runs (months, quarters, school years) first.
    for key in (["hotline", "raw_hotline__cases"], ["training", "raw_training__events"]):
        event = instance.get_latest_materialization_event(dg.AssetKey(key))
        assert event is not None and event.run_id != pipeline_run.run_id, key
    checks = instance.get_records_for_run(
        pipeline_run.run_id, of_type=dg.DagsterEventType.ASSET_CHECK_EVALUATION
    ).records
    evaluations = [r.event_log_entry.dagster_event.event_specific_data for r in checks]
    assert len(evaluations) > 20  # dbt tests and the ingestion ledger checks
    failed = [e.check_name for e in evaluations if not e.passed]
    assert not failed, failed


def test_the_dagster_cli_loads_the_definitions(pipeline_run):
    """`dagster ... -m orchestration.definitions` (make dev, the README's CLI lines) loads the
    module as Dagster's own loader does: it refuses a module with two Definitions in scope."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    dagster = Path(sys.executable).parent / "dagster"
    result = subprocess.run(
        [str(dagster), "definitions", "validate", "-m", "orchestration.definitions"],
        capture_output=True,
        text=True,
        env=os.environ.copy(),
        timeout=180,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Validation successful" in result.stderr + result.stdout


def test_the_dbt_resource_starts_no_dbt_before_the_build(monkeypatch):
    """dagster-dbt's resource ran `dbt --version` and loaded every macro in process before each
    build (10 s a run, for an adapter the assets never use); the project's does neither, and the
    version it reports is the one of the dbt the pipeline starts (the venv's)."""
    import importlib.metadata
    import os
    import sys
    from pathlib import Path

    import dagster_dbt.core.resource
    from packaging import version

    from orchestration import settings
    from orchestration.definitions import defs

    def no_subprocess(*args, **kwargs):
        raise AssertionError(f"a subprocess was started: {args}")

    monkeypatch.setattr(dagster_dbt.core.resource, "check_output", no_subprocess)
    resource = defs.resources["dbt"]
    assert resource._cli_version == version.parse(importlib.metadata.version("dbt-core"))
    assert resource._initialize_dbt_core_adapter(["build"]) is None
    settings.dbt_executable()
    assert Path(os.environ["COP_DBT"]).parent == Path(sys.executable).parent
