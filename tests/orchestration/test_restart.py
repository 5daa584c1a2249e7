"""After a kill: a run left STARTED is marked failed at the next start (issue 10, item 10)."""

from __future__ import annotations

import dagster as dg
from dagster._core.storage.dagster_run import DagsterRun

from orchestration.run_all import _fail_runs_left_started


def test_a_run_left_started_by_a_killed_process_is_marked_failed():
    instance = dg.DagsterInstance.ephemeral()
    instance.add_run(
        DagsterRun(job_name="everything", run_id="killed", status=dg.DagsterRunStatus.STARTED)
    )
    instance.add_run(
        DagsterRun(job_name="everything", run_id="done", status=dg.DagsterRunStatus.SUCCESS)
    )
    _fail_runs_left_started(instance)
    assert instance.get_run_by_id("killed").status == dg.DagsterRunStatus.FAILURE
    assert instance.get_run_by_id("done").status == dg.DagsterRunStatus.SUCCESS
