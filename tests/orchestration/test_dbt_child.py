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
