"""`orchestration/bin/dbt` makes the command it runs die with the process that started it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from orchestration import settings
from tests.orchestration.processes import alive

# a parent that starts a long child, prints the child's pid, then waits to be killed
PARENT = """
import subprocess, sys, time
child = subprocess.Popen(sys.argv[1:])
print(child.pid, flush=True)
time.sleep(600)
"""


def _child_after_parent_killed(command: list[str], environment: dict[str, str]) -> bool:
    parent = subprocess.Popen(
        [sys.executable, "-c", PARENT, *command], stdout=subprocess.PIPE, env=environment
    )
    child = int(parent.stdout.readline())
    time.sleep(0.5)  # the wrapper has exec'd into the command by now
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 3  # the wrapped child dies within milliseconds
    while alive(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    survived = alive(child)
    if survived:
        os.kill(child, signal.SIGKILL)
    return survived


def test_the_wrapped_command_dies_with_its_parent_and_a_bare_one_does_not():
    wrapper = settings.dbt_executable()
    environment = dict(os.environ, COP_DBT="/bin/sleep", COP_PYTHON=sys.executable)
    assert not _child_after_parent_killed([wrapper, "300"], environment)
    # the control: without the wrapper the orphan keeps running (what held the warehouse)
    assert _child_after_parent_killed(["/bin/sleep", "300"], environment)


def test_the_wrapper_runs_the_real_dbt():
    wrapper = settings.dbt_executable()
    shown = subprocess.run([wrapper, "--version"], capture_output=True, text=True, check=True)
    assert "dbt" in shown.stdout.lower() and "duckdb" in shown.stdout.lower()


def test_a_parent_gone_before_python_started_means_no_dbt():
    """The race the rerun sequence hit: the parent killed between starting the wrapper and
    Python's request to the kernel. dbt_child compares with the parent the wrapper's shell saw
    (COP_DBT_PARENT; here one that is not its parent) and does not exec the command."""
    environment = dict(os.environ, COP_DBT="/bin/sleep", COP_DBT_PARENT="1")
    started = subprocess.run(
        [sys.executable, "-m", "orchestration.dbt_child", "300"],
        env=environment, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert started.returncode != 0
    assert "dbt not started" in started.stderr
