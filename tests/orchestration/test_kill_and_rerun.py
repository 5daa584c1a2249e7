"""Kill the pipeline with SIGKILL in dbt and in publish, then rerun it (issue 10, item 10).

Each run is the real `python -m orchestration.run_all` on a copy of the session's landing folder
and warehouse. What must hold: the dbt build dies with its killed parent (an orphan kept the
warehouse locked), a killed publish leaves no staging folder behind the next run, the killed
runs are not left STARTED, and the rerun publishes the same values as the clean run.
"""

from __future__ import annotations

import signal
import subprocess
import time
from pathlib import Path

import dagster as dg
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


def _start(environment: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen(
        PIPELINE, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )


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


def test_a_pipeline_killed_in_dbt_and_in_publish_reruns_to_the_same_release(
    pipeline_run: PipelineRun, copied_data: dict[str, str]
):
    publish_dir = Path(copied_data["COP_PUBLISH_DIR"])

    # 1. SIGKILL the pipeline while `dbt build` runs: the build must die with it
    run = _start(copied_data)

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

    # 2. SIGKILL the rerun while publish writes its staging folder
    run = _start(copied_data)

    def staging() -> list[Path]:
        return list((publish_dir / "releases").glob(".staging-*")) if publish_dir.exists() else []

    left = _wait_for(staging, "publish staging folder", run)
    run.send_signal(signal.SIGKILL)
    run.wait()
    assert left[0].exists()  # the kill did leave half a release behind

    # 3. the next run cleans up and publishes what the clean run published
    run = _start(copied_data)
    assert run.wait(timeout=WAIT_SECONDS) == 0
    assert not list((publish_dir / "releases").glob(".staging-*"))
    released = (publish_dir / "current").resolve()
    for name in ("indicator_values.csv", "indicators.csv"):
        assert (released / name).read_bytes() == (pipeline_run.release_dir / name).read_bytes()

    instance = dg.DagsterInstance.from_config(copied_data["DAGSTER_HOME"])
    statuses = [run.status for run in instance.get_runs()]
    assert dg.DagsterRunStatus.STARTED not in statuses
    assert statuses.count(dg.DagsterRunStatus.FAILURE) >= 2
    assert statuses.count(dg.DagsterRunStatus.SUCCESS) >= 1
