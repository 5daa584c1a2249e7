"""Processes seen through /proc (Linux), for the kill tests."""

from __future__ import annotations

import sys
from pathlib import Path

PIPELINE = [sys.executable, "-m", "orchestration.run_all", "--no-sample"]


def alive(pid: int) -> bool:
    """Running and not a zombie."""
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return False
    return state != "Z"
