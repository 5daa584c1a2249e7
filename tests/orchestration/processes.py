"""Processes seen through /proc (Linux), for the kill tests."""

from __future__ import annotations

from pathlib import Path


def alive(pid: int) -> bool:
    """Running and not a zombie."""
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return False
    return state != "Z"
