"""The memory of a process and all its descendants together, sampled while it runs (Linux).

A child's ``ru_maxrss`` is one process's peak: the pipeline also runs dbt in a subprocess and
reads landing files in worker processes (ingestion.workers), so the bench adds up the
proportional set size (PSS: a page shared by n processes counts 1/n in each) of the whole
process tree, a few times a second, and keeps the largest sum.
"""

from __future__ import annotations

import threading
from pathlib import Path

PROC = Path("/proc")


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in PROC.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:  # ended meanwhile
            continue
        parent = int(stat.rpartition(")")[2].split()[1])
        tree.setdefault(parent, []).append(int(entry.name))
    return tree


def _pss_kib(pid: int) -> int:
    try:
        text = (PROC / str(pid) / "smaps_rollup").read_text()
    except OSError:
        return 0
    for line in text.splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1])
    return 0


def tree_pss_mib(root: int) -> float:
    """The PSS of ``root`` and every process below it, in MiB (0 once it has ended)."""
    tree, total, todo = _children(), 0, [root]
    while todo:
        pid = todo.pop()
        total += _pss_kib(pid)
        todo.extend(tree.get(pid, []))
    return total / 1024


class TreePeak:
    """Samples ``tree_pss_mib(pid)`` every ``interval`` seconds until ``stop()``; ``peak_mib``
    is the largest sum seen (a peak shorter than the interval can be missed)."""

    def __init__(self, pid: int, interval: float = 0.25) -> None:
        self.peak_mib = 0.0
        self._pid, self._interval = pid, interval
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._sample, name="tree-memory", daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        while not self._stopped.wait(self._interval):
            self.peak_mib = max(self.peak_mib, tree_pss_mib(self._pid))

    def stop(self) -> int:
        """Stop sampling; the peak in whole MiB."""
        self._stopped.set()
        self._thread.join()
        return round(self.peak_mib)
