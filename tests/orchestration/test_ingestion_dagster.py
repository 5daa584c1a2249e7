"""The partitioned raw assets, their checks, the load-everything path and the landing sensor."""

from __future__ import annotations

from pathlib import Path

import dagster as dg
import duckdb
import pandas as pd
from dagster_duckdb import DuckDBResource

from orchestration.defs.ingestion import RAW_SELECTION, load_all_partitions, raw_asset_key
from orchestration.defs.ingestion.sensors import landing_folder_sensor

WINDOW = ("2025-05", "2025-09")
CONTACTS = raw_asset_key("hotline_contacts")
TRAINING = raw_asset_key("training_events")


def _query(warehouse: Path, sql: str, params: list | None = None) -> list[tuple]:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def _checks(result: dg.ExecuteInProcessResult) -> dict[tuple[str, str], bool]:
    out = {}
    for event in result.all_events:
        if event.event_type_value == "ASSET_CHECK_EVALUATION":
            data = event.event_specific_data
            out[(data.asset_key.path[-1], data.check_name)] = data.passed
    return out


def _run(defs, instance, job: str, key: str, assets: list[dg.AssetKey] | None = None):
    return defs.resolve_job_def(job).execute_in_process(
        instance=instance, partition_key=key, asset_selection=assets
    )


def test_one_partition_loads_only_its_month(landing: Path, warehouse: Path, defs, instance):
    result = _run(defs, instance, "ingest_monthly", "2025-06-01", [CONTACTS])
    assert result.success
    files = _query(warehouse, "SELECT DISTINCT file_path FROM raw_ingestion__ledger")
    assert files == [("hotline/contacts_2025-06.csv",)]
    [(rows,)] = _query(
        warehouse,
        "SELECT count(*) FROM raw_hotline__contacts WHERE received_date < DATE '2025-06-01' "
        "OR received_date >= DATE '2025-07-01'",
    )
    assert rows == 0
    assert _checks(result)[("raw_hotline__contacts", "ledger_balances")] is True


def test_backfilling_a_changed_month_replaces_only_that_month(
    landing: Path, warehouse: Path, defs, instance
) -> None:
    assert load_all_partitions(defs, instance, WINDOW)
    stamp = "SELECT _source_file, min(_loaded_at) FROM raw_hotline__contacts GROUP BY 1 ORDER BY 1"
    before = dict(_query(warehouse, stamp))
    path = landing / "hotline/contacts_2025-08.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame.iloc[:10].to_csv(path, index=False)
    assert _run(defs, instance, "ingest_monthly", "2025-08-01", [CONTACTS]).success
    after = dict(_query(warehouse, stamp))
    assert after.pop("hotline/contacts_2025-08.csv") > before.pop("hotline/contacts_2025-08.csv")
    assert after == before
    [(august,)] = _query(
        warehouse,
        "SELECT count(*) FROM raw_hotline__contacts WHERE _source_file = ?",
        ["hotline/contacts_2025-08.csv"],
    )
    assert august == 10


def test_load_all_partitions_loads_the_whole_sample(
    landing: Path, warehouse: Path, defs, instance, tiny_landing
) -> None:
    _, summary = tiny_landing
    run_ids = load_all_partitions(defs, instance, WINDOW)
    assert len(run_ids) == 3  # monthly, quarterly, school years
    for source, table in (
        ("hotline_contacts", "raw_hotline__contacts"),
        ("hotline_cases", "raw_hotline__cases"),
        ("training_events", "raw_training__events"),
        ("portal_traffic", "raw_portal__traffic"),
        ("schools_register", "raw_schools__register"),
        ("violations_subjects", "raw_violations__subjects"),
        ("plan_completions", "raw_plan__completions"),
        ("facilities_counselling", "raw_facilities__counselling"),
        ("csam_items", "raw_csam__items"),
        ("csam_notices", "raw_csam__notices"),
        ("inspections_visits", "raw_inspections__visits"),
        ("inspections_recommendations", "raw_inspections__recommendations"),
    ):
        [(rows,)] = _query(warehouse, f'SELECT count(*) FROM "{table}"')
        assert rows == summary.rows.get(source, 0), source
    run = instance.get_run_by_id(run_ids[1])
    assert run.tags["dagster/asset_partition_range_end"] == "2025-Q3"
    status = instance.get_latest_materialization_event(TRAINING)
    assert status is not None


def test_load_all_partitions_runs_only_what_is_new(
    landing: Path, warehouse: Path, defs, instance
) -> None:
    assert len(load_all_partitions(defs, instance, WINDOW)) == 3
    runs_before = len(instance.get_runs())
    assert load_all_partitions(defs, instance, WINDOW) == []  # nothing new: no run at all
    assert len(instance.get_runs()) == runs_before
    month = pd.read_csv(landing / "hotline/contacts_2025-08.csv", dtype=str, keep_default_na=False)
    month.iloc[:7].to_csv(landing / "hotline/contacts_2025-08_v2.csv", index=False)
    [run_id] = load_all_partitions(defs, instance, WINDOW)
    run = instance.get_run_by_id(run_id)
    assert run.job_name == "ingest_monthly"
    assert run.asset_selection == {CONTACTS}
    assert run.tags["dagster/asset_partition_range_start"] == "2025-08-01"
    assert run.tags["dagster/asset_partition_range_end"] == "2025-08-01"
    august = _query(
        warehouse,
        "SELECT _source_file, count(*) FROM raw_hotline__contacts "
        "WHERE _source_file LIKE 'hotline/contacts_2025-08%' GROUP BY 1",
    )
    assert august == [("hotline/contacts_2025-08_v2.csv", 7)]


def test_checks_report_balance_counts_and_freshness(
    landing: Path, warehouse: Path, defs, instance
) -> None:
    load_all_partitions(defs, instance, WINDOW)
    result = _run(defs, instance, "ingest_quarterly", "2025-Q3")
    checks = _checks(result)
    assert checks[("raw_training__events", "ledger_balances")] is True
    assert checks[("raw_training__events", "fresh_in_data_time")] is True  # sample ends 2025-09
    # break the table behind the ledger's back: the balance check fails
    con = duckdb.connect(str(warehouse))
    con.execute("DELETE FROM raw_training__events WHERE _source_row = 6")
    con.close()
    again = _checks(_run(defs, instance, "ingest_quarterly", "2025-Q3"))
    assert again[("raw_training__events", "ledger_balances")] is False


def test_row_count_check_flags_an_empty_month(landing: Path, warehouse: Path, defs, instance):
    path = landing / "hotline/contacts_2025-06.csv"
    path.write_text(path.read_text(encoding="utf-8").split("\n", 1)[0] + "\n", encoding="utf-8")
    result = defs.resolve_job_def("ingest_monthly").execute_in_process(
        instance=instance,
        asset_selection=[CONTACTS],
        tags={
            "dagster/asset_partition_range_start": "2025-05-01",
            "dagster/asset_partition_range_end": "2025-09-01",
        },
    )
    assert result.success
    evaluation = [
        e.event_specific_data
        for e in result.all_events
        if e.event_type_value == "ASSET_CHECK_EVALUATION"
        and e.event_specific_data.check_name == "row_counts"
    ][0]
    assert evaluation.passed is False
    assert evaluation.severity == dg.AssetCheckSeverity.WARN
    assert evaluation.metadata["empty_periods"].value == ["2025-06"]


def test_sensor_requests_new_and_changed_partitions(landing: Path, warehouse: Path, defs, instance):
    resource = DuckDBResource(database=str(warehouse))

    def tick(cursor: str | None):
        context = dg.build_sensor_context(
            cursor=cursor, resources={"duckdb": resource}, instance=instance, definitions=defs
        )
        return landing_folder_sensor(context)

    first = tick(None)
    keys = {(r.job_name, r.partition_key) for r in first.run_requests}
    assert ("ingest_monthly", "2025-05-01") in keys and ("ingest_quarterly", "2025-Q3") in keys
    assert ("ingest_school_years", "2024-2025") in keys
    assert len(keys) == 5 + 2 + 1
    load_all_partitions(defs, instance, WINDOW)
    quiet = tick(first.cursor)
    assert not quiet.run_requests
    (landing / "training/2025-Q3/01_v3.xlsx").write_bytes(
        (landing / "training/2025-Q3/01.xlsx").read_bytes() + b"\x00"
    )
    changed = tick(quiet.cursor)
    [request] = changed.run_requests
    assert (request.job_name, request.partition_key) == ("ingest_quarterly", "2025-Q3")
    assert request.asset_selection == [TRAINING]


def test_an_unpartitioned_job_beside_the_raw_assets_resolves(defs) -> None:
    @dg.asset(deps=[CONTACTS, TRAINING])
    def downstream() -> None:
        return None

    everything = dg.define_asset_job(
        "everything", selection=dg.AssetSelection.all() - RAW_SELECTION
    )
    merged = dg.Definitions.merge(defs, dg.Definitions(assets=[downstream], jobs=[everything]))
    job = merged.resolve_job_def("everything")
    assert job.partitions_def is None
    assert {k.to_user_string() for k in job.asset_layer.executable_asset_keys} == {"downstream"}
