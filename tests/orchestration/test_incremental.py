"""A one-month correction flows to a new release rebuilding only what depends on it (#11).

The real `python -m orchestration.run_all` over a copy of the session run's data, release
included: a `_v2` export of one hotline month with half its contacts removed.
"""

from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path

import dagster as dg
import pandas as pd
import pytest

from tests.conftest import PipelineRun
from tests.orchestration.processes import PIPELINE

pytestmark = pytest.mark.slow

MONTH = "2024-03"


def _rows_by_source(release: Path) -> dict[str, pd.DataFrame]:
    values = pd.read_csv(release / "indicator_values.csv", dtype=str)
    sources = pd.read_csv(release / "indicators.csv", dtype=str).set_index("indicator_code")
    values["source"] = values["indicator_code"].map(sources["source"])
    return {source: rows.drop(columns="source") for source, rows in values.groupby("source")}


def test_a_corrected_month_rebuilds_only_what_depends_on_it(
    pipeline_run: PipelineRun, copied_data: dict[str, str]
):
    publish = Path(copied_data["COP_PUBLISH_DIR"])
    shutil.copytree(pipeline_run.publish_dir, publish, symlinks=True)
    before = (publish / "current").resolve()

    # nothing new: nothing is rebuilt and the release stays
    quiet = subprocess.run(PIPELINE, env=copied_data, capture_output=True, text=True)
    assert quiet.returncode == 0, quiet.stdout[-2000:]
    assert "release kept" in quiet.stdout
    assert (publish / "current").resolve() == before

    landing = Path(copied_data["COP_LANDING_DIR"]) / "hotline"
    with (landing / f"contacts_{MONTH}.csv").open(encoding="utf-8", newline="") as file:
        rows = list(csv.reader(file))
    kept = rows[: 1 + (len(rows) - 1) // 2]
    with (landing / f"contacts_{MONTH}_v2.csv").open("w", encoding="utf-8", newline="") as file:
        csv.writer(file).writerows(kept)

    run = subprocess.run(PIPELINE, env=copied_data, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout[-2000:]
    assert "rebuilding the" in run.stdout, run.stdout[-2000:]

    instance = dg.DagsterInstance.from_config(copied_data["DAGSTER_HOME"])
    (last,) = instance.get_runs(dg.RunsFilter(job_name="everything"), limit=1)
    built = {
        record.event_log_entry.asset_materialization.asset_key.to_user_string()
        for record in instance.get_records_for_run(
            last.run_id, of_type=dg.DagsterEventType.ASSET_MATERIALIZATION
        ).records
    }
    assert "int_hotline_contacts_geocoded" in built and "release" in built
    assert "int_training_events_geocoded" not in built  # training did not change
    assert "stg_portal__traffic" not in built

    after = (publish / "current").resolve()
    assert after != before
    old, new = _rows_by_source(before), _rows_by_source(after)
    contacts = {
        name: frame[
            (frame.indicator_code == "IND-06")
            & (frame.period == MONTH)
            & (frame.geo_scheme == "national")
        ]["denominator"]
        .astype(float)
        .sum()
        for name, frame in (("old", old["hotline_111"]), ("new", new["hotline_111"]))
    }
    assert contacts["new"] < contacts["old"]

    # the proof: a full rebuild of the same data publishes nothing new (same public tables)
    Path(copied_data["COP_WAREHOUSE_PATH"]).with_suffix(".build.json").unlink()
    full = subprocess.run(PIPELINE, env=copied_data, capture_output=True, text=True)
    assert full.returncode == 0, full.stdout[-2000:]
    assert "Building everything" in full.stdout
    assert (publish / "current").resolve() == after
