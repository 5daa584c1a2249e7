"""Where the pipeline reads and writes, from the environment (absolute paths only).

COP_DATA_DIR (default <repo>/data) holds landing/, warehouse/, publish/ and the Dagster home;
each can be moved on its own with COP_LANDING_DIR, COP_WAREHOUSE_PATH and COP_PUBLISH_DIR.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DBT_PROJECT_DIR = REPO_ROOT / "dbt_project"


def _path(variable: str, default: Path) -> Path:
    return Path(os.environ.get(variable) or default).resolve()


def data_dir() -> Path:
    return _path("COP_DATA_DIR", REPO_ROOT / "data")


def landing_dir() -> Path:
    return _path("COP_LANDING_DIR", data_dir() / "landing")


def warehouse_path() -> Path:
    return _path("COP_WAREHOUSE_PATH", data_dir() / "warehouse" / "warehouse.duckdb")


def publish_dir() -> Path:
    return _path("COP_PUBLISH_DIR", data_dir() / "publish")


def duckdb_memory_limit() -> str:
    """DuckDB's memory limit in each process that opens the warehouse (dbt's and Dagster's),
    COP_DUCKDB_MEMORY_LIMIT (default 2GB): DuckDB otherwise takes up to 80% of the machine, and
    spills to disk beyond the limit instead (the pipeline stays under 4 GiB at scale 10)."""
    return os.environ.get("COP_DUCKDB_MEMORY_LIMIT") or "2GB"


def export_for_dbt() -> None:
    """dbt's profile reads the warehouse path from the environment; set it absolute."""
    os.environ["COP_WAREHOUSE_PATH"] = str(warehouse_path())
    restrict_private_dirs()


def restrict_private_dirs() -> None:
    """The landing files (names, phone numbers) and the warehouse (case-level records) are
    readable by their owner only; the published releases stay world-readable."""
    warehouse_path().parent.mkdir(parents=True, exist_ok=True)
    for folder in (landing_dir(), warehouse_path().parent):
        if folder.is_dir():  # a missing landing folder is ingestion's error to report
            folder.chmod(0o700)


def dbt_executable() -> str:
    """dbt as the pipeline starts it: through `orchestration/bin/dbt`, so that a dbt build dies
    with a killed parent instead of holding the warehouse. The real dbt is the one beside this
    interpreter (the venv's), so an unactivated venv works too."""
    beside = Path(sys.executable).parent / "dbt"
    os.environ["COP_DBT"] = str(beside) if beside.exists() else (shutil.which("dbt") or "dbt")
    os.environ["COP_PYTHON"] = sys.executable
    return str(REPO_ROOT / "orchestration" / "bin" / "dbt")
