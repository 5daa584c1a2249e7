"""The bench's memory figure counts a process and its descendants together."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from orchestration.bench_memory import TreePeak, tree_pss_mib

HOLD = """
import subprocess, sys, time
mib, children = int(sys.argv[1]), sys.argv[2:]
if children:  # start the child first, and wait until it holds its memory
    child = subprocess.Popen([sys.executable, "-c", __doc__, *children], stdout=subprocess.PIPE)
    child.stdout.readline()
block = bytearray(mib * 1024 * 1024)
block[::4096] = b"x" * len(block[::4096])  # touched: resident, not only reserved
print("ready", flush=True)
time.sleep(30)
"""


def test_the_tree_adds_a_grandchild_to_its_parent() -> None:
    # A parent holding 120 MiB and its child holding 200 MiB: the tree is at least 320 MiB
    # (one process's figure would say at most 200 plus an interpreter).
    code = f"__doc__ = {HOLD!r}\n{HOLD}"
    parent = subprocess.Popen(
        [sys.executable, "-c", code, "120", "200"],
        stdout=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        assert parent.stdout is not None and parent.stdout.readline().strip() == "ready"
        peak = TreePeak(parent.pid, interval=0.05)
        time.sleep(0.3)
        sampled = peak.stop()
        whole = tree_pss_mib(parent.pid)
        assert 320 <= whole < 420
        assert 320 <= sampled < 420
    finally:
        os.killpg(parent.pid, signal.SIGKILL)  # the parent and its child
        parent.wait()
    assert tree_pss_mib(parent.pid) == 0  # ended
