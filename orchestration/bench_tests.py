"""How long `make test` takes, by layer (`BENCH_TESTS=1 make bench`; it reruns the suite).

Layers, each its own run: **lint** (`make lint`), **fast** (`pytest -m "not slow and not browser
and not spark"`, `make test-fast`), **slow** (the tests that need the session's pipeline run or
run Dagster jobs), **browser** (Playwright on Debian chromium) and **spark** (the dbt models on
local Spark). A layer that needs the session's pipeline run builds its own, so the sum is a
little more than one `make test`. A failed layer is reported with its exit code, not hidden.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
PYTEST = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
LAYERS: dict[str, list[str]] = {
    "lint": ["make", "--no-print-directory", "lint"],
    "fast": [*PYTEST, "-m", "not slow and not browser and not spark"],
    "slow": [*PYTEST, "-m", "slow and not browser and not spark"],
    "browser": [*PYTEST, "-m", "browser and not spark"],
    "spark": [*PYTEST, "-m", "spark"],
}


def _summary_line(output: str) -> str:
    """pytest's last line ("12 passed, 1 skipped in 3.2s"), or the output's last line."""
    lines = [line for line in output.splitlines() if line.strip()]
    return lines[-1].strip("= ") if lines else ""


def run(env: dict[str, str]) -> dict:
    figures: dict[str, dict] = {}
    for layer, command in LAYERS.items():
        started = time.perf_counter()
        done = subprocess.run(
            command, cwd=REPO_ROOT, env=env, capture_output=True, text=True, check=False
        )
        figures[layer] = {
            "seconds": round(time.perf_counter() - started, 1),
            "exit_code": done.returncode,
            "summary": _summary_line(done.stdout + done.stderr)[:200],
        }
    figures["total_s"] = round(sum(f["seconds"] for f in figures.values()), 1)
    return figures
