"""Reruns, as the pipeline's users make them: nothing new, a corrected month, a kill in dbt and
a kill in publish (issues 10 and 11), in one sequence of real `python -m orchestration.run_all`
runs over a copy of the session run's landing folder, warehouse and release.

What must hold: with no new file nothing is rebuilt and the release stays; a `_v2` month
rebuilds only what depends on it; the dbt build dies with its killed parent (an orphan kept the
warehouse locked); a killed publish leaves no staging folder behind the next run; the killed
runs are not left STARTED; and the full rebuild after the kills publishes exactly the values
the incremental run published.
"""

from __future__ import annotations

import csv
import shutil
import signal
import subprocess
import time
from pathlib import Path

import dagster as dg
import pandas as pd
import pytest

from tests.conftest import PipelineRun
from tests.orchestration.processes import PIPELINE, alive

pytestmark = pytest.mark.slow

WAIT_SECONDS = 300


def _children(pid: int) -> list[int]:
    """Direct children of a process, from /proc (Linux)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
        except OSError:
            continue
        ppid = next(line.split()[1] for line in status.splitlines() if line.startswith("PPid:"))
        if int(ppid) == pid:
            found.append(int(entry.name))
    return found


def _command_line(pid: int) -> list[str]:
    try:
        return (Path("/proc") / str(pid) / "cmdline").read_bytes().decode().split("\0")
    except OSError:
        return []


def _start(environment: dict[str, str], log: Path) -> subprocess.Popen:
    with log.open("w") as output:  # the child keeps its own copy of the descriptor
        return subprocess.Popen(PIPELINE, env=environment, stdout=output, stderr=subprocess.STDOUT)


def _wait_for(condition, what: str, run: subprocess.Popen):
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        found = condition()
        if found:
            return found
        if run.poll() is not None:
            pytest.fail(f"the pipeline ended (exit {run.returncode}) before {what}")
        time.sleep(0.005)
    pytest.fail(f"no {what} within {WAIT_SECONDS} s")


MONTH = "2024-03"


def _correct_a_month(landing: Path) -> None:
    """A `_v2` export of one hotline month holding half its contacts."""
    with (landing / f"contacts_{MONTH}.csv").open(encoding="utf-8", newline="") as file:
        rows = list(csv.reader(file))
    with (landing / f"contacts_{MONTH}_v2.csv").open("w", encoding="utf-8", newline="") as file:
        csv.writer(file).writerows(rows[: 1 + (len(rows) - 1) // 2])


def _month_contacts(release: Path) -> float:
    values = pd.read_csv(release / "indicator_values.csv", dtype=str)
    month = values[
        (values.indicator_code == "IND-06")
        & (values.period == MONTH)
        & (values.geo_scheme == "national")
    ]
    return month["denominator"].astype(float).sum()


def _built_in_last_run(instance: dg.DagsterInstance) -> set[str]:
    (last,) = instance.get_runs(dg.RunsFilter(job_name="everything"), limit=1)
    return {
        record.event_log_entry.asset_materialization.asset_key.to_user_string()
        for record in instance.get_records_for_run(
            last.run_id, of_type=dg.DagsterEventType.ASSET_MATERIALIZATION
        ).records
    }


def test_reruns_nothing_new_a_correction_and_two_kills(
    pipeline_run: PipelineRun, copied_data: dict[str, str]
):
    publish_dir = Path(copied_data["COP_PUBLISH_DIR"])
    shutil.copytree(pipeline_run.publish_dir, publish_dir, symlinks=True)
    first = (publish_dir / "current").resolve()
    instance = dg.DagsterInstance.from_config(copied_data["DAGSTER_HOME"])

    # 1. nothing new: nothing is rebuilt and the release stays
    quiet = subprocess.run(PIPELINE, env=copied_data, capture_output=True, text=True)
    assert quiet.returncode == 0, quiet.stdout[-2000:]
    assert "release kept" in quiet.stdout
    assert (publish_dir / "current").resolve() == first

    # 2. a corrected month rebuilds only what depends on it
    _correct_a_month(Path(copied_data["COP_LANDING_DIR"]) / "hotline")
    incremental = subprocess.run(PIPELINE, env=copied_data, capture_output=True, text=True)
    assert incremental.returncode == 0, incremental.stdout[-2000:]
    assert "rebuilding the" in incremental.stdout, incremental.stdout[-2000:]
    built = _built_in_last_run(instance)
    assert {"int_hotline_contacts_geocoded", "release"} <= built
    assert not {"int_training_events_geocoded", "stg_portal__traffic"} & built  # unchanged
    corrected = (publish_dir / "current").resolve()
    assert corrected != first
    assert _month_contacts(corrected) < _month_contacts(first)

    # 3. SIGKILL a rerun while publish writes its staging folder: with the warehouse built and
    # no current release, the run only publishes (no dbt build)
    (publish_dir / "current").unlink()
    log = Path(copied_data["COP_DATA_DIR"]) / "publish-only.log"
    run = _start(copied_data, log)

    def staging() -> list[Path]:
        return list((publish_dir / "releases").glob(".staging-*"))

    left = _wait_for(staging, "publish staging folder", run)
    run.send_signal(signal.SIGKILL)
    run.wait()
    assert left[0].exists()  # the kill did leave half a release behind
    said = log.read_text()
    assert "No current release: publishing one from the built warehouse" in said, said[-2000:]
    assert "Building everything" not in said

    # 4. SIGKILL the next run (a full rebuild: the killed run forgot the build) while `dbt
    # build` runs: the build must die with it
    assert not Path(copied_data["COP_WAREHOUSE_PATH"]).with_suffix(".build.json").exists()
    run = _start(copied_data, log)

    def dbt_build() -> int | None:
        for child in _children(run.pid):
            if "build" in _command_line(child):
                return child
        return None

    dbt = _wait_for(dbt_build, "dbt build", run)
    run.send_signal(signal.SIGKILL)
    run.wait()
    deadline = time.monotonic() + 30
    while alive(dbt) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not alive(dbt), "dbt build kept running after its parent was killed"

    # 5. the next run rebuilds everything, cleans up, and publishes the incremental run's values
    final = subprocess.run(PIPELINE, env=copied_data, capture_output=True, text=True)
    assert final.returncode == 0, final.stdout[-2000:]
    assert "Building everything" in final.stdout
    assert not list((publish_dir / "releases").glob(".staging-*"))
    rebuilt = (publish_dir / "current").resolve()
    for name in ("indicator_values.csv", "indicators.csv"):
        assert (rebuilt / name).read_bytes() == (corrected / name).read_bytes(), name

    statuses = [run.status for run in instance.get_runs()]
    assert dg.DagsterRunStatus.STARTED not in statuses
    assert statuses.count(dg.DagsterRunStatus.FAILURE) >= 2
