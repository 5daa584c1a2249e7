"""Fixtures of the orchestration tests: a tiny landing folder, a temporary DuckDB, the ingestion
definitions with their resource, and an ephemeral Dagster instance."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import dagster as dg
import pytest
from dagster_duckdb import DuckDBResource

from ingestion.sample import SampleSummary, generate
from tests.conftest import PipelineRun

WINDOW = ("2025-05", "2025-09")
"""Five months: training 2025-Q2 (63 provinces) and 2025-Q3 (34)."""


@pytest.fixture(scope="session")
def tiny_landing(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, SampleSummary]:
    """A generated landing folder at scale 0.01 (copy it before changing files)."""
    out = tmp_path_factory.mktemp("orchestration_landing")
    return out, generate(out, scale=0.01, seed=830, start=WINDOW[0], end=WINDOW[1])


@pytest.fixture
def landing(tiny_landing, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A writable copy of the landing folder, which ``orchestration.settings`` points at."""
    target = tmp_path / "landing"
    shutil.copytree(tiny_landing[0], target)
    monkeypatch.setenv("COP_LANDING_DIR", str(target))
    return target


@pytest.fixture
def warehouse(tmp_path: Path) -> Path:
    return tmp_path / "warehouse.duckdb"


@pytest.fixture
def defs(warehouse: Path) -> dg.Definitions:
    """The ingestion definitions with a DuckDB resource on the temporary warehouse."""
    from orchestration.defs.ingestion import ingestion_definitions

    return dg.Definitions.merge(
        ingestion_definitions,
        dg.Definitions(
            resources={"duckdb": DuckDBResource(database=str(warehouse))},
            executor=dg.in_process_executor,
        ),
    )


@pytest.fixture
def instance() -> dg.DagsterInstance:
    with dg.DagsterInstance.ephemeral() as ephemeral:
        yield ephemeral


@pytest.fixture
def copied_data(pipeline_run: PipelineRun, tmp_path: Path) -> dict[str, str]:
    """The environment of a pipeline over a copy of the session run's landing folder and
    warehouse (with its build record), without a release yet."""
    data = tmp_path / "data"
    shutil.copytree(pipeline_run.landing_dir, data / "landing")
    shutil.copytree(pipeline_run.warehouse_path.parent, data / "warehouse")
    (data / "dagster_home").mkdir()
    environment = dict(os.environ)
    environment.update(
        COP_DATA_DIR=str(data),
        COP_LANDING_DIR=str(data / "landing"),
        COP_WAREHOUSE_PATH=str(data / "warehouse" / "warehouse.duckdb"),
        COP_PUBLISH_DIR=str(data / "publish"),
        DAGSTER_HOME=str(data / "dagster_home"),
    )
    return environment
